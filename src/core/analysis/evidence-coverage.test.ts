import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text.ts";
import { parsePrepDocument } from "../markdown/index.ts";
import { ROLE_IDS } from "../model.ts";
import { analyze } from "./index.ts";

// "Every finding carries evidence; no finding without a quote or a figure" (PRODUCT.md C2),
// checked over every answer of our sample document, for every role.
const sample = parsePrepDocument(
  readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8"),
);
const answers = sample.items.filter((item) => item.kind === "answer");

describe("evidence behind every finding", () => {
  it("has answers to check", () => {
    expect(answers.length).toBeGreaterThanOrEqual(5);
  });

  for (const answer of answers) {
    it(`${answer.key}: each shown signal quotes a sentence, each fix names one`, () => {
      for (const role of ROLE_IDS) {
        const analysis = analyze(answerText(answer), { question: answer.question, role });
        for (const [name, signal] of Object.entries(analysis.signals)) {
          if (signal.level === "strong" || signal.level === "present") {
            expect({ name, quotes: signal.evidence.length > 0 }).toEqual({ name, quotes: true });
          }
          for (const quote of signal.evidence)
            expect(analysis.sentences[quote.index]?.text).toContain(quote.quote.slice(0, 40));
        }
        for (const fix of analysis.fixes) expect(analysis.sentences[fix.index]).toBeDefined();
        for (const [label, value] of Object.entries(analysis.labels)) {
          if (value === true && label !== "blame") {
            const evidence = analysis.evidence[label as keyof typeof analysis.evidence];
            expect({ label, backed: evidence.quotes.length > 0 || evidence.note !== undefined }).toEqual({
              label,
              backed: true,
            });
          }
        }
      }
    });
  }
});

describe("sentence ends after a unit", () => {
  it("splits after a lower-case unit with a full stop, but keeps titles like Ms. with their name", () => {
    const a = analyze("Latency fell to under 100 ms. I learned to check the data first. Ms. Rivera agreed.");
    expect(a.sentences.map((s) => s.text)).toEqual([
      "Latency fell to under 100 ms.",
      "I learned to check the data first.",
      "Ms. Rivera agreed.",
    ]);
    expect(a.labels.lesson).toBe(true);
  });
});
