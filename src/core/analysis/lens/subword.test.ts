import { describe, expect, it } from "vitest";
import { isSubwordFeature, type SubwordSpec, subwordBuckets } from "./features.ts";
import { readAnswer } from "./read.ts";
import { LENS_MODEL } from "./weights.ts";

// The sub-word reading of a model trained with `--subword` (issue 10, branch lens36); sentences
// written for this test.
const SPEC: SubwordSpec = { grams: [4, 5], buckets: 4096, minLength: 5 };
const STORY =
  "The requirements were unclear, so I clarified them with the analysts before disambiguating the metric. " +
  "We delivered it in 3 weeks.";

describe("subwordBuckets", () => {
  it("cuts the padded lemma into its n-grams, one bucket each, sorted and in range", () => {
    // "^clarify$" has six 4-grams and five 5-grams.
    const four = subwordBuckets("clarify", { ...SPEC, grams: [4] });
    expect(four).toHaveLength(6);
    expect(four).toEqual([955, 977, 1681, 2407, 2829, 3049]);
    const both = subwordBuckets("clarify", SPEC);
    expect(both.length).toBeGreaterThan(6);
    expect(both.length).toBeLessThanOrEqual(11);
    expect([...both].sort((a, b) => a - b)).toEqual(both);
    expect(new Set(both).size).toBe(both.length);
    for (const b of both) expect(b >= 0 && b < SPEC.buckets).toBe(true);
  });

  it("gives two forms of one word shared buckets, and an unrelated word almost none", () => {
    const a = new Set(subwordBuckets("clarify", SPEC));
    const shared = subwordBuckets("clarification", SPEC).filter((b) => a.has(b));
    const other = subwordBuckets("shipping", SPEC).filter((b) => a.has(b));
    expect(shared.length).toBeGreaterThanOrEqual(4);
    expect(other.length).toBeLessThanOrEqual(1);
  });

  it("reads no short lemma, figure, placeholder or word with other characters", () => {
    for (const lemma of ["team", "<num>", "<numword>", "re-scope", "p95ms", "Zoë", ""])
      expect(subwordBuckets(lemma, SPEC)).toEqual([]);
    expect(subwordBuckets("team", { ...SPEC, minLength: 4 })).not.toEqual([]);
  });

  it("depends on the budget only through the modulus", () => {
    const small = subwordBuckets("ambiguity", { ...SPEC, buckets: 64 });
    for (const b of small) expect(b).toBeLessThan(64);
    expect(subwordBuckets("ambiguity", SPEC)).toEqual(subwordBuckets("ambiguity", { ...SPEC }));
  });
});

describe("the tagger's sub-word features", () => {
  it("are read only when the model carries a spec", () => {
    const plain = readAnswer(STORY, { story: true }, LENS_MODEL);
    expect(plain.features.flat().some(isSubwordFeature)).toBe(false);
    const read = readAnswer(STORY, { story: true }, { ...LENS_MODEL, subword: SPEC });
    const first = (read.features[0] ?? []).filter(isSubwordFeature);
    expect(first.length).toBeGreaterThan(10);
    // Each bucket once per sentence, and every other feature as without the spec.
    expect(new Set(first).size).toBe(first.length);
    expect(read.features.map((f) => f.filter((x) => !isSubwordFeature(x)))).toEqual(plain.features);
  });

  it("are the buckets of the sentence's content lemmas, whatever else it says", () => {
    const read = readAnswer(STORY, { story: true }, { ...LENS_MODEL, subword: SPEC });
    const lemmas = read.words[0]?.lemmas ?? [];
    const expected = new Set(lemmas.flatMap((l) => subwordBuckets(l, SPEC)).map((b) => `g:${b}`));
    expect(new Set((read.features[0] ?? []).filter(isSubwordFeature))).toEqual(expected);
    // "We delivered it in 3 weeks.": "shipped" and "weeks" are read, "3" is not.
    const last = (read.features[1] ?? []).filter(isSubwordFeature);
    const deliver = new Set(
      subwordBuckets(read.words[1]?.lemmas.find((l) => l.startsWith("deliver")) ?? "", SPEC),
    );
    expect(deliver.size).toBeGreaterThan(0);
    expect(new Set(last)).toEqual(new Set([...deliver].map((b) => `g:${b}`)));
  });

  it("is the same reading twice (cached buckets change nothing)", () => {
    const model = { ...LENS_MODEL, subword: SPEC };
    const a = readAnswer(STORY, { story: true }, model);
    const b = readAnswer(STORY, { story: true }, model);
    expect(b.features).toEqual(a.features);
  });
});
