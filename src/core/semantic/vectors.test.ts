import { describe, expect, it } from "vitest";
import {
  rarityWeight,
  textVector,
  VECTOR_DIMENSIONS,
  vectorCosine,
  wordRank,
  wordSimilarity,
  wordVector,
} from "./vectors.ts";

describe("word vectors", () => {
  it("decodes unit vectors of the stated dimension, case-insensitively", () => {
    const v = wordVector("Latency");
    expect(v?.length).toBe(VECTOR_DIMENSIONS);
    const norm = Math.sqrt(Array.from(v ?? []).reduce((s, x) => s + x * x, 0));
    expect(norm).toBeGreaterThan(0.98);
    expect(norm).toBeLessThan(1.02);
    expect(wordVector("qzxv-not-a-word")).toBeUndefined();
  });

  it("keeps GloVe's frequency order as ranks, and derisk's own rarer words", () => {
    expect(wordRank("the")).toBe(0);
    expect(wordRank("the")).toBeLessThan(wordRank("model") ?? -1);
    // Beyond the 40,000 most frequent words, kept because derisk's lexicons use them.
    expect(wordRank("latency")).toBeGreaterThan(40_000);
    expect(rarityWeight("the")).toBeLessThan(rarityWeight("latency"));
  });

  it("puts paraphrases closer than unrelated words", () => {
    const close: Array<[string, string]> = [
      ["mentor", "coach"],
      ["ambiguity", "uncertainty"],
      ["deployed", "shipped"],
      ["regularisation", "regularization"],
    ];
    for (const [a, b] of close) {
      expect(wordSimilarity(a, b)).toBeGreaterThan(0.35);
      expect(wordSimilarity(a, b)).toBeGreaterThan(wordSimilarity(a, "banana") ?? 1);
    }
    expect(wordSimilarity("model", "model")).toBe(1);
    expect(wordSimilarity("model", "qzxv")).toBeUndefined();
  });

  it("averages a text's known words, weighted, and compares texts by cosine", () => {
    expect(textVector(["qzxv", "wvkj"])).toBeUndefined();
    const requirement = textVector(
      "clear communication with non-technical stakeholders".split(" "),
      rarityWeight,
    );
    const related = textVector(
      "presented results to sales leaders in plain language".split(" "),
      rarityWeight,
    );
    const unrelated = textVector("the recipe needs flour butter and sugar".split(" "), rarityWeight);
    if (!requirement || !related || !unrelated) throw new Error("known words expected");
    expect(vectorCosine(requirement, related)).toBeGreaterThan(vectorCosine(requirement, unrelated));
    expect(vectorCosine(requirement, requirement)).toBeCloseTo(1, 5);
    expect(vectorCosine(new Float32Array(3), new Float32Array([1, 2, 3]))).toBe(0);
  });
});
