import { describe, expect, it } from "vitest";
import { CONCEPT_DEEDS } from "./deeds.ts";
import { CONCEPTS } from "./lexicon.ts";

describe("the deed table", () => {
  const byId = new Map(CONCEPTS.map((c) => [c.id, c]));

  it("lists deeds of concepts the lexicons know, concrete ones only", () => {
    for (const id of Object.keys(CONCEPT_DEEDS)) {
      expect(byId.has(id), id).toBe(true);
      // Soft concepts get no deeds: any work is one of theirs (round 32).
      if (id !== "soft.teaching") expect(byId.get(id)?.kind, id).not.toBe("soft");
    }
  });

  it("holds single words, none of them a term of its concept, none twice", () => {
    for (const [id, words] of Object.entries(CONCEPT_DEEDS)) {
      const concept = byId.get(id);
      const terms = new Set(
        [...(concept?.terms ?? []), ...(concept?.senses ?? []).flatMap((s) => s.terms)].map((t) =>
          t.toLowerCase(),
        ),
      );
      expect(new Set(words).size, id).toBe(words.length);
      for (const word of words) {
        expect(word, id).toMatch(/^[a-z-]+$/);
        expect(terms.has(word), `${id}: ${word}`).toBe(false);
      }
    }
  });
});
