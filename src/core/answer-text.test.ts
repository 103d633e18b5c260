import { describe, expect, it } from "vitest";
import { analyze } from "./analysis/index.ts";
import { answerText } from "./answer-text.ts";
import { parsePrepDocument, renderPrepDocument, reviseItemText } from "./markdown/index.ts";

const doc = [
  "### Q6- Tell me about a mistake you made.",
  "",
  "**Situation**:",
  "During a data migration at my last job, I owned the nightly export job.",
  "",
  "**Task**:",
  "My goal was to move 40 tables without downtime.",
  "",
  "**Action**:",
  "I skipped a dry run and the export dropped rows. I acknowledged it, restored from the backup and added a row-count check.",
  "",
  "**Result**:",
  "We finished a day late with no data lost, and now I always rehearse migrations on a copy.",
  "",
].join("\n");

describe("answerText", () => {
  const parsed = parsePrepDocument(doc);
  const answer = parsed.items.find((item) => item.kind === "answer");
  if (answer?.kind !== "answer") throw new Error("the fixture has an answer");

  it("keeps written STAR labels so the analyzer sees an explicit Task and Result", () => {
    expect(answer.format).toBe("star");
    const labelled = analyze(answerText(answer), { question: answer.question }).labels;
    expect(labelled).toMatchObject({ situation: true, task: true, action: true, result: true });
  });

  it("is the text an edit round-trips through: the answer stays STAR and the document re-imports alike", () => {
    const edited = reviseItemText(answer, answerText(answer).replace("40 tables", "42 tables"));
    expect(edited).toMatchObject({ kind: "answer", format: "star", key: answer.key });
    const again = parsePrepDocument(
      renderPrepDocument({ ...parsed, items: parsed.items.map((i) => (i.key === answer.key ? edited : i)) }),
    );
    const reparsed = again.items.find((item) => item.key === answer.key);
    expect(reparsed).toMatchObject({ format: "star" });
    expect(reparsed?.kind === "answer" && reparsed.star?.task).toBe(
      "My goal was to move 42 tables without downtime.",
    );
  });

  it("returns free and script answers unchanged", () => {
    expect(answerText({ format: "free", text: "Plain words." })).toBe("Plain words.");
  });
});
