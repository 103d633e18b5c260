import { describe, expect, it } from "vitest";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { tokenize } from "./nlp.ts";

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
