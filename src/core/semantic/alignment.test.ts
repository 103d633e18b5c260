import { describe, expect, it } from "vitest";
import { alignWords, vectorOf } from "./alignment.ts";
import { analyzeText, questionSimilarity, semanticMatch, vectorSimilarity } from "./matcher.ts";
import { wordVector } from "./vectors.ts";

describe("soft alignment by word vectors", () => {
  it("finds a word GloVe knows only in its American spelling", () => {
    expect(wordVector("localisation")).toBeUndefined();
    expect(vectorOf("localisation")?.length).toBe(100);
  });

  it("leaves the words both texts share out: a text against itself has nothing left to compare", () => {
    const t = analyzeText("Clear communication with non-technical stakeholders").vectors;
    expect(alignWords(t, t)).toEqual({ context: 0, align: 0 });
    // One word family counts as shared ("procured" / "procurement"): nothing is left to compare.
    expect(alignWords(analyzeText("Procurement").vectors, analyzeText("I procured it.").vectors)).toEqual({
      context: 0,
      align: 0,
    });
  });

  it("scores a paraphrase above the background of ordinary work sentences, an unrelated one below", () => {
    const q = "Skilled at resolving conflicts between colleagues";
    const paraphrase = vectorSimilarity(
      q,
      "I mediated a dispute between two senior engineers and both signed off on the compromise.",
    );
    const unrelated = vectorSimilarity(q, "I tuned the database indexes.");
    expect(paraphrase.z).toBeGreaterThan(2);
    expect(unrelated.z).toBeLessThan(0);
    expect(paraphrase.score).toBeGreaterThan(unrelated.score);
  });
});

describe("the matcher with word vectors", () => {
  it("matches wording the lexicons do not know, as partial evidence with the words that carried it", () => {
    const telescope = semanticMatch(
      "Background in astronomy",
      "I photographed galaxies through the observatory's telescope and measured their redshift.",
    );
    expect(telescope.matched).toBe(true);
    expect(telescope.strength).toBe("partial");
    expect(telescope.shared.some((s) => s.includes("≈ telescope"))).toBe(true);
    // The lexicons alone do not see it.
    expect(
      semanticMatch(
        "Background in astronomy",
        "I photographed galaxies through the observatory's telescope and measured their redshift.",
        { vectors: false },
      ).matched,
    ).toBe(false);
    expect(
      semanticMatch(
        "Experience in sports analytics",
        "I modelled which football players would score from match data.",
      ).matched,
    ).toBe(true);
  });

  it("does not match a sentence that only shares a word or a topic", () => {
    expect(semanticMatch("Experience in sports analytics", "I play football every Sunday.").matched).toBe(
      false,
    );
    expect(
      semanticMatch("Skilled at resolving conflicts between colleagues", "I tuned the database indexes.")
        .matched,
    ).toBe(false);
  });

  it("keeps the lexicons' no when they know what is asked and the candidate shows none of it", () => {
    // "clients" is close to "billing" by vectors; the lexicons know payments and see none.
    expect(
      semanticMatch(
        "Experience with payments or billing systems",
        "Some clients received errors after the release.",
      ).matched,
    ).toBe(false);
  });

  it("keeps the sense checks as vetoes", () => {
    expect(
      semanticMatch(
        "Clear communication with non-technical stakeholders",
        "We enabled encrypted communication between the services over mutual TLS.",
      ).matched,
    ).toBe(false);
  });

  it("compares sentences, not whole stories, and questions only when asked to", () => {
    const long = [
      "I photographed galaxies through the observatory's telescope and measured their redshift.",
      "Before that I spent a year rebuilding the warehouse scheduling tool, interviewing drivers,",
      "measuring loading times, rewriting the route planner, training dispatchers, documenting",
      "every screen, negotiating hardware budgets with finance, hiring an apprentice, and finally",
      "presenting quarterly savings to directors across three regional offices near the harbour,",
      "while coaching two interns through their first spring.",
    ].join(" ");
    expect(analyzeText(long).vectors.words.length).toBeGreaterThan(40);
    expect(semanticMatch("Background in astronomy", long).matched).toBe(false);
    const a = "How did you settle the disagreement with your colleague?";
    const b = "Tell me about a dispute you mediated.";
    expect(questionSimilarity(a, b).score).toBe(questionSimilarity(a, b, { vectors: false }).score);
  });
});
