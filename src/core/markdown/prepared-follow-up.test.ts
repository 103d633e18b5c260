import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../../test/seed.ts";
import { DeriskError } from "../errors.ts";
import type { FollowUpItem } from "../model.ts";
import { addFollowUp, importPrepDocument, parsePrepDocument, renderPrepDocument } from "./index.ts";

// The seed is read from ../shared at run time (test/seed.ts); the sample ships with the repository.
const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8");
const followUps = (items: readonly { kind: string }[]) =>
  items.filter((i): i is FollowUpItem => i.kind === "follow-up");

describe("addFollowUp", () => {
  it.runIf(SEED_RUNS)(
    "on the seed: continues Q1's “They’ll likely ask” block, and opens one under Q6",
    () => {
      const doc = importPrepDocument(seedUpload().bytes);
      const q1 = addFollowUp(doc, {
        questionKey: "q1",
        question: "Why applied ML?",
        answer: "Because it ships.",
      });
      expect(q1.followUp).toMatchObject({ key: "q1/follow-up-5", answerKey: "q1/core", pointer: false });
      expect(q1.followUp.raw).toBe("“Why applied ML?”\n👉 Answer: Because it ships.");
      const q6 = addFollowUp(doc, {
        questionKey: "q6",
        question: "What would you do differently?",
        answer: "I would test the TLS listener in staging first.",
      });
      expect(q6.followUp).toMatchObject({ key: "q6/follow-up-1", answerKey: "q6/core" });
      expect(q6.followUp.raw).toMatch(/^#### They’ll likely ask:\n“What would you do differently\?”/);
      // Everything else reads back as it was, and the export reads back with the follow-up.
      for (const { doc: next } of [q1, q6]) {
        expect(next.items.length).toBe(doc.items.length + 1);
        const again = parsePrepDocument(renderPrepDocument(next));
        expect(followUps(again.items).map((f) => f.key)).toEqual(followUps(next.items).map((f) => f.key));
      }
    },
  );

  it("refuses an unknown question, an empty question or answer, and keeps several paragraphs as one", () => {
    const doc = parsePrepDocument(sample);
    const code = (input: Parameters<typeof addFollowUp>[1]) => {
      try {
        addFollowUp(doc, input);
      } catch (error) {
        return error instanceof DeriskError ? error.code : "thrown";
      }
      return "ok";
    };
    expect(code({ questionKey: "q99", question: "Why?", answer: "Because." })).toBe("NOT_FOUND");
    expect(code({ questionKey: "q3", question: " ", answer: "Because." })).toBe("BAD_INPUT");
    expect(code({ questionKey: "q3", question: "Why?", answer: "\n\n" })).toBe("BAD_INPUT");
    const { followUp } = addFollowUp(doc, {
      questionKey: "q3",
      question: "How did you measure it?",
      answer: "With the p95.\n\nAnd the error rate.",
    });
    expect(followUp.answer).toBe("With the p95. And the error rate.");
  });
});
