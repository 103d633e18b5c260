import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text.ts";
import { importPrepDocument } from "../markdown/index.ts";
import { STAR_PARTS } from "../model.ts";
import { analyze } from "./analyze.ts";
import { starPartText } from "./types.ts";

// The lens's STAR legend (web RiskLens, CLI report) says for each part whether the answer has it
// and how much of the time it takes: the two must never contradict ("Situation 0%" beside a part
// the answer has). The sample's Q5 "model-focused" answer is such a case: the tagger hears a
// situation, but every sentence reads first as an action, a result or nothing.
const sample = importPrepDocument(readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url)));
const modelFocused = sample.items.find((i) => i.kind === "answer" && i.key === "q5/model-focused");

describe("starPartText", () => {
  it("a part the answer has is never 0%", () => {
    expect(starPartText({ present: true, sentences: [], words: 0, share: 0 })).toBe(
      "in passing, no sentence of its own",
    );
    expect(starPartText({ present: true, sentences: [3], words: 2, share: 0 })).toBe("under 1%");
    expect(starPartText({ present: true, sentences: [1, 2], words: 40, share: 0.34 })).toBe("34%");
    expect(starPartText({ present: false, sentences: [4], words: 12, share: 0.12 })).toBe(
      "12%, does not land yet",
    );
    expect(starPartText({ present: false, sentences: [], words: 0, share: 0 })).toBe("missing");
  });

  it("the sample's model-focused mistake answer: its situation reads 'in passing', not 0%", () => {
    if (modelFocused?.kind !== "answer") throw new Error("the sample's q5/model-focused answer is gone");
    const analysis = analyze(answerText(modelFocused), { question: modelFocused.question });
    const situation = analysis.star.parts.situation;
    expect(situation.present).toBe(true);
    expect(situation.words).toBe(0);
    for (const part of STAR_PARTS) {
      const text = starPartText(analysis.star.parts[part]);
      if (analysis.star.parts[part].present) expect(text, part).not.toMatch(/^0%|missing/);
      else expect(text, part).not.toMatch(/^\d+%$/);
    }
  });
});
