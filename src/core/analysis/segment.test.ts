import { describe, expect, it } from "vitest";
import { tokenize } from "./nlp.ts";
import { MARKER, mayHoldMarker, mayOpenWithPrefix, PREFIX, segmentSentences } from "./segment.ts";

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

describe("segmentSentences: how far a written marker reaches", () => {
  const markers = (text: string, loneMarkerOwnSentence = true) =>
    segmentSentences(text, tokenize(text), { loneMarkerOwnSentence }).map((u) => u.marker ?? "none");

  it("a lone label opening a paragraph of prose names its own sentence only (seg50's option, off by default)", () => {
    // One "Situation:" written inline, then the story told without labels: the deeds and the
    // outcome after it are read like any unmarked sentence, not as more setting.
    expect(
      markers(
        "Situation: the billing export ran for five hours every night. I traced the delay to a lookup that scanned the whole ledger. I added an index and batched the writes. The export now runs in twelve minutes.",
      ),
    ).toEqual(["situation", "none", "none", "none"]);
    // Off (the committed model's reading): the label reaches to the end of its paragraph.
    expect(
      markers(
        "Situation: the billing export ran for five hours. I added an index and batched the writes.",
        false,
      ),
    ).toEqual(["situation", "situation"]);
    // The same on a line of its own, with the story on the next lines.
    expect(markers("Result: the export runs in twelve minutes.\nFinance has it before nine.")).toEqual([
      "result",
      "none",
    ]);
  });

  it("markers used as structure govern every sentence up to the next marker", () => {
    // Several inline markers in one paragraph.
    expect(
      markers(
        "S: the billing export was slow. Finance waited on it. A: I added an index. I batched the writes. R: it runs in twelve minutes.",
      ),
    ).toEqual(["situation", "situation", "action", "action", "result"]);
    // One marker per line, each line holding more than one sentence.
    expect(
      markers(
        "Situation: the billing export was slow. We had grown tenfold.\nAction: I added an index. I batched the writes.",
      ),
    ).toEqual(["situation", "situation", "action", "action"]);
    // A label on a line of its own heads what follows it, even when it is the only one.
    expect(markers("Situation:\nThe billing export was slow. I added an index.")).toEqual([
      "situation",
      "situation",
    ]);
  });
});
