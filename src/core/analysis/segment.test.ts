import { describe, expect, it } from "vitest";
import { MARKER, mayHoldMarker, mayOpenWithPrefix, PREFIX } from "./segment.ts";

describe("mayHoldMarker", () => {
  // It lets readMarker skip the marker pattern: it may say yes when the pattern fails, never no
  // when it matches.
  it("never rules out a text the marker pattern matches", () => {
    const alphabet = [..."abcstlrASTLRz ' )(.,;!?-–:：*_#0123456789\n\téİKß"];
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const words = [
      "Situation",
      "result",
      "S",
      "the fix",
      "Lessons learned",
      "and",
      "&",
      "/",
      "**",
      "__",
      " - ",
    ];
    let matched = 0;
    for (let round = 0; round < 20_000; round += 1) {
      let text = "";
      const pieces = 1 + next(6);
      for (let p = 0; p < pieces; p += 1)
        text +=
          next(2) === 0
            ? (words[next(words.length)] as string)
            : (alphabet[next(alphabet.length)] as string).repeat(1 + next(3));
      const hit = MARKER.exec(text.toLowerCase()) !== null;
      if (hit) matched += 1;
      if (!mayHoldMarker(text)) expect(hit, JSON.stringify(text)).toBe(false);
    }
    expect(matched).toBeGreaterThan(500);
    for (const text of ["Situation", "result  ", "S – Situation", "S (task)", "the fix and more", "lesson'"])
      expect(mayHoldMarker(text), text).toBe(true);
    expect(mayHoldMarker("I fixed it.")).toBe(false);
    expect(MARKER.exec("i fixed it.")).toBe(null);
  });
});

describe("mayOpenWithPrefix", () => {
  it("never rules out a text the prefix pattern reads something of", () => {
    const alphabet = [..."a Z.#>[]xX-*+•▪◦‣0123456789\n\t\u00a0\u3000)(é_:"];
    let seed = 5;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let read = 0;
    for (let round = 0; round < 20_000; round += 1) {
      let text = "";
      const length = next(6);
      for (let i = 0; i < length; i += 1) text += alphabet[next(alphabet.length)] as string;
      const prefix = PREFIX.exec(text)?.[0] ?? "";
      if (prefix !== "") read += 1;
      if (!mayOpenWithPrefix(text)) expect(prefix, JSON.stringify(text)).toBe("");
    }
    expect(read).toBeGreaterThan(1000);
  });
});
