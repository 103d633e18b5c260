import { describe, expect, it } from "vitest";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { hasLongRun, tokenize } from "./nlp.ts";

// Contractions whose lemma comes from the contraction, not from the token's text and tag ("wo"
// of "won't" is "will", a "wo" on its own is "wo", both tagged AUX; "'s" is "us" after "let"),
// and words read once in one tag, then in another.
const TEXTS = [
  "I won't go; wo is me. Wo is me, I won't.",
  "Let's ship it. It's done, and she's got a plan; I'd go, we'd gone, they'll see.",
  "I led the team. The lead was on the team lead's desk. We lead by example.",
  "The results were reviewed. I reviewed results. Reviewing them took days; the review helped.",
  "Payments dropped by 40%. We dropped payments. He can't, won't, didn't: cannot, gonna, wanna.",
];

describe("tokenize", () => {
  // wink's own reading of the same text, each token's lemma read in place (a token wink gives
  // no lemma keeps its own text, as in tokenize).
  const wink = winkNLP(model, ["sbd", "pos"]);
  const lemmasOf = (text: string): string[] => {
    const tokens = wink.readDoc(text).tokens();
    const values = tokens.out() as string[];
    const lemmas = tokens.out(wink.its.lemma as unknown as typeof wink.its.pos) as Array<string | undefined>;
    return values.map((value, i) => (lemmas[i] ?? value.toLowerCase()).toLowerCase());
  };

  it("gives each token wink's lemma, the first time and every time after (readings are kept)", () => {
    for (let round = 0; round < 3; round += 1) {
      for (const text of TEXTS) {
        expect(tokenize(text).tokens.map((t) => t.lemma)).toEqual(lemmasOf(text));
      }
    }
  });

  it("finds every token's offsets in the text", () => {
    for (const text of [...TEXTS, "  Two  spaces,\n\nthen\ta tab… and “quotes”.  "]) {
      for (const t of tokenize(text).tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});

describe("hasLongRun", () => {
  // It probes one character in 65 instead of reading them all: it must find exactly what
  // /\S{65,}/ finds, wherever the run sits and whatever white space surrounds it.
  it("finds a run of 65 or more non-space characters exactly where /\\S{65,}/ does", () => {
    const spaces = [" ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\ufeff"];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 3000; round += 1) {
      let text = "";
      const pieces = 1 + next(8);
      for (let p = 0; p < pieces; p += 1) {
        text += "x".repeat(next(3) === 0 ? 60 + next(10) : next(70));
        text += (spaces[next(spaces.length)] as string).repeat(next(3) === 0 ? 1 + next(70) : 1 + next(2));
      }
      if (next(2) === 0) text = text.trimEnd();
      expect(hasLongRun(text), JSON.stringify(text)).toBe(/\S{65,}/.test(text));
    }
    expect(hasLongRun("y".repeat(64))).toBe(false);
    expect(hasLongRun("y".repeat(65))).toBe(true);
    expect(hasLongRun(`${"a ".repeat(40)}${"y".repeat(65)}`)).toBe(true);
    expect(hasLongRun(`${"y".repeat(64)} ${"y".repeat(64)}`)).toBe(false);
    // A run that falls between two probes 65 apart, after a probe that landed on a space.
    expect(hasLongRun(`${" ".repeat(65)}${"y".repeat(65)} `)).toBe(true);
    // A run that starts just after a short run a probe landed on.
    expect(hasLongRun(`${" ".repeat(60)}${"y".repeat(5)} ${"y".repeat(65)} `)).toBe(true);
  });
});
