import { describe, expect, it } from "vitest";
import { compactParts, diffSummary, diffWords } from "./word-diff.ts";

const words = (n: number, stem = "w"): string => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(" ");

describe("diffWords", () => {
  it("finds nothing between identical texts", () => {
    const diff = diffWords("We cut p99 from 900 ms to 200 ms.", "We cut p99 from 900 ms to 200 ms.");
    expect(diff).toMatchObject({ removed: 0, added: 0, place: null, coarse: false });
    expect(diff.parts).toEqual([{ kind: "same", text: "We cut p99 from 900 ms to 200 ms." }]);
    expect(diffSummary(diff)).toBe("Same words as the current text");
  });

  it("marks a change at the end only, with the opening kept as one run", () => {
    const opening = words(40);
    const diff = diffWords(`${opening} and the team shipped it in May.`, `${opening} and we shipped it.`);
    // Closing punctuation is a token of its own: "it." keeps "it" and "." and loses " in May".
    expect(diff.parts.slice(1).map((part) => [part.kind, part.text])).toEqual([
      ["removed", "the team "],
      ["added", "we "],
      ["same", "shipped it "],
      ["removed", "in May"],
      ["same", "."],
    ]);
    expect(diff.parts[0]?.text).toBe(`${opening} and `);
    expect(diffSummary(diffWords(`${opening} one two three four`, `${opening} one five`))).toBe(
      "3 words removed, 1 added near the end",
    );
    expect(diff.place).toBe("near the end");
  });

  it("marks a change at the start only", () => {
    const rest = words(40);
    const diff = diffWords(`At first ${rest}`, `In the end ${rest}`);
    expect(diff).toMatchObject({ removed: 2, added: 3, place: "near the start" });
    expect(diffSummary(diff)).toBe("2 words removed, 3 added near the start");
  });

  it("counts additions and removals alone, in the middle and throughout", () => {
    expect(
      diffSummary(diffWords(`${words(20)} ${words(20, "x")}`, `${words(20)} new words ${words(20, "x")}`)),
    ).toBe("2 words added in the middle");
    expect(diffSummary(diffWords(`a ${words(20)} b`, `${words(20)}`))).toBe("2 words removed throughout");
    expect(diffSummary(diffWords(`${words(30)} — end`, `${words(30)} end`))).toBe(
      "Only punctuation or spacing changed near the end",
    );
  });

  it("bounds a 10,000-word answer: a small edit stays exact, a rewrite turns coarse and fast", () => {
    const long = words(10_000);
    const edited = long.replace("w9990 ", "changed ");
    // The bound is the cell limit (the coarse flag), not a clock: timings live in bench/.
    const small = diffWords(long, edited);
    expect(small).toMatchObject({ removed: 1, added: 1, coarse: false, place: "near the end" });

    // Edits at both ends leave a 10,000 × 10,000 middle: over the cell limit, reported whole.
    const bothEnds = `first ${long} last`;
    const coarse = diffWords(long, bothEnds);
    expect(coarse).toMatchObject({ coarse: true, removed: 0, added: 2, place: "throughout" });
    expect(diffSummary(coarse)).toBe("About 2 words added throughout");

    const rewrite = diffWords(long, words(10_000, "z"));
    expect(rewrite).toMatchObject({ coarse: true, removed: 10_000, added: 10_000 });
    expect(rewrite.parts.map((part) => part.kind)).toEqual(["removed", "added"]);
  });

  it("compares exactly right up to the cell limit", () => {
    // "a" in common leaves a 3 × 3 middle: 9 cells.
    expect(diffWords("a b c d", "a x c y", 9)).toMatchObject({ coarse: false, removed: 2, added: 2 });
    expect(diffWords("a b c d", "a x c y", 8)).toMatchObject({ coarse: true, removed: 2, added: 2 });
  });
});

describe("compactParts", () => {
  it("cuts long unchanged runs to a few words around each change", () => {
    const diff = diffWords(`${words(50)} old ${words(50, "x")}`, `${words(50)} new ${words(50, "x")}`);
    const compact = compactParts(diff.parts, 3);
    expect(compact.map((part) => part.text)).toEqual(["… w47 w48 w49 ", "old ", "new ", "x0 x1 x2 … "]);
    // A short run stays whole.
    expect(compactParts(diffWords("a b c", "a x c").parts, 3)).toEqual(diffWords("a b c", "a x c").parts);
  });
});
