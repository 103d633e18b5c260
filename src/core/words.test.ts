import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./analysis/index.ts";
import { countWords, withoutPartLabels } from "./words.ts";

// The definition countWords implements without building the list of words.
const byPattern = (text: string): number => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;

describe("countWords", () => {
  it("counts runs of letters and digits with inner apostrophes, dots and hyphens", () => {
    expect(countWords("I cut p99 from 900 ms to 200 ms — don't ask how.")).toBe(12);
    expect(countWords("re-run e.g. 3.5 it’s")).toBe(4);
    expect(countWords("'quoted' -- ... ''")).toBe(1);
    expect(countWords("")).toBe(0);
  });

  it("gives the pattern's count on ASCII text, curly apostrophes and any other characters", () => {
    const pieces = fc.constantFrom(
      "a",
      "Z",
      "0",
      "'",
      "’",
      ".",
      "-",
      " ",
      "\n",
      ",",
      "_",
      "é",
      "—",
      "日",
      "😀",
      "ß",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(countWords(text)).toBe(byPattern(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        expect(countWords(text)).toBe(byPattern(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe("withoutPartLabels", () => {
  // Before: the editor counted "**Situation**:" and the other labels as words said, so a STAR
  // answer of 169 words read "173 words ≈ 1 min 09 s" beside the lens's "≈ 1 min 08 s".
  it("counts what the risk lens counts for a STAR answer with its written labels", () => {
    const text = [
      "**Situation**: Our nightly job ran for nine hours and often missed the morning report.",
      "**Task**: I had to bring it under two hours without new hardware.",
      "**Action**: I profiled it, found one join that re-read the whole table, and rewrote it.",
      "**Result**: It now runs in 70 minutes.",
      "Lesson: measure before you tune.",
    ].join("\n\n");
    const lens = analyze(text, { question: "Tell me about a difficult technical problem" });
    expect(countWords(withoutPartLabels(text))).toBe(lens.timing.words);
    expect(countWords(withoutPartLabels(text))).toBe(countWords(text) - 5);
  });

  it("keeps a part's name said inside a sentence", () => {
    expect(withoutPartLabels("The result: a faster job.")).toBe("The result: a faster job.");
    expect(withoutPartLabels("I took on the task of fixing it.")).toBe("I took on the task of fixing it.");
  });
});
