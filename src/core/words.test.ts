import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords } from "./words.ts";

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
