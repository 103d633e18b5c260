import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DeriskError } from "../errors.ts";
import { addQuestionAnswer, parsePrepDocument, renderPrepDocument } from "./index.ts";

const sample = parsePrepDocument(
  readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8"),
);

const code = (input: { question: string; text: string }) => {
  try {
    addQuestionAnswer(sample, input);
    return "ok";
  } catch (error) {
    return error instanceof DeriskError ? error.code : "other";
  }
};

describe("addQuestionAnswer", () => {
  it("adds a numbered question after the last one, and the document reads back the same with it", () => {
    const text = "I asked for the data first.\n\nThen we agreed to ship the smaller model.";
    const { doc, answer } = addQuestionAnswer(sample, {
      question: "  Tell me about a   disagreement. ",
      text,
    });
    const numbers = sample.items.flatMap((i) =>
      i.kind === "answer" ? [Number(i.questionKey.slice(1))] : [],
    );
    expect(answer).toMatchObject({ kind: "answer", question: "Tell me about a disagreement.", text });
    expect(answer.questionKey).toBe(`q${Math.max(...numbers.filter(Number.isFinite)) + 1}`);
    expect(doc.items).toHaveLength(sample.items.length + 1);
    const reread = parsePrepDocument(renderPrepDocument(doc));
    expect(reread.items.map((i) => i.key)).toEqual(doc.items.map((i) => i.key));
    // An empty document gets Q1.
    const empty = parsePrepDocument("");
    expect(addQuestionAnswer(empty, { question: "Why us?", text: "Because." }).answer.questionKey).toBe("q1");
  });

  it("refuses an empty question or answer, Markdown markers, and an overlong question", () => {
    expect(code({ question: " ", text: "Yes." })).toBe("BAD_INPUT");
    expect(code({ question: "Why us?", text: "\n \n" })).toBe("BAD_INPUT");
    expect(code({ question: "### Why us?", text: "Because." })).toBe("BAD_INPUT");
    expect(code({ question: "Why us?", text: "Because.\n## Q9- Next" })).toBe("BAD_INPUT");
    expect(code({ question: "Why us?".repeat(60), text: "Because." })).toBe("BAD_INPUT");
    expect(code({ question: "Why us?", text: "Because." })).toBe("ok");
  });
});
