import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  featureId,
  packSparse,
  SparseScorer,
  type SparseWeights,
  treeLogit,
  unpackSparse,
} from "./linear.ts";
import { denseProbability } from "./model.ts";

/** The logits by the definition: bias plus each known feature's weight / scale, once per feature. */
function reference(model: SparseWeights, features: readonly string[]): number[] {
  const scale = model.scale ?? 1;
  const out = [...model.bias];
  const seen = new Set<number>();
  const index = new Map(model.vocab.map((name, i) => [name, i] as const));
  for (const f of features) {
    const i = index.get(f);
    if (i === undefined || seen.has(i)) continue;
    seen.add(i);
    model.weights.forEach((row, k) => {
      out[k] = (out[k] as number) + (row[i] as number) / scale;
    });
  }
  return out;
}

const VOCAB = ["w:i", "w:fix", "b:<s>_i", "past", "subj:i", "figure"];
const FEATURES = fc.array(fc.constantFrom(...VOCAB, "w:unknown", "b:x_y"), { maxLength: 30 });

describe("SparseScorer", () => {
  it("sums integer weights kept as 16-bit integers exactly as the stored values / scale", () => {
    const weights = fc.array(fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 6, maxLength: 6 }), {
      minLength: 3,
      maxLength: 3,
    });
    fc.assert(
      fc.property(weights, FEATURES, (rows, features) => {
        const model: SparseWeights = {
          vocab: VOCAB,
          classes: ["a", "b", "c"],
          weights: rows,
          bias: [0.1, -2, 3],
          scale: 100,
        };
        expect([...new SparseScorer(model).logits(features)]).toEqual(reference(model, features));
      }),
      { numRuns: 300 },
    );
  });

  it("sums weights that are not integers, or too large for 16 bits, as numbers", () => {
    for (const rows of [[[0.5, -1.25, 2, 3, 4, 5]], [[40_000, -1, 2, 3, 4, 5]]]) {
      const model: SparseWeights = { vocab: VOCAB, classes: ["a"], weights: rows, bias: [0.25] };
      const features = ["w:i", "w:i", "past", "w:unknown", "figure"];
      expect([...new SparseScorer(model).logits(features)]).toEqual(reference(model, features));
    }
  });

  it("gives the same logits and marks through feature ids as through names, on every call", () => {
    const weights = fc.array(fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 6, maxLength: 6 }), {
      minLength: 2,
      maxLength: 2,
    });
    fc.assert(
      fc.property(weights, fc.array(FEATURES, { minLength: 1, maxLength: 4 }), (rows, calls) => {
        const model: SparseWeights = {
          vocab: VOCAB,
          classes: ["a", "b"],
          weights: rows,
          bias: [0.5, -1],
          scale: 10,
        };
        const scorer = new SparseScorer(model);
        // The same scorer over several calls: a row looked up once by id is reused, never stale.
        for (const features of calls) {
          // An id of -1 (the id table full) is looked up by name.
          const ids = features.map((f, j) => (j % 3 === 2 ? -1 : featureId(f)));
          const found = new Uint8Array(features.length);
          const byName = new Uint8Array(features.length);
          expect([...scorer.logits(features, found, ids)]).toEqual(reference(model, features));
          scorer.logits(features, byName);
          expect([...found]).toEqual([...byName]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives each feature name one id for good", () => {
    const id = featureId("w:lensspeed-test");
    expect(featureId("w:lensspeed-test")).toBe(id);
    expect(featureId(`w:${"lensspeed-test"}`)).toBe(id);
    expect(featureId("w:lensspeed-other")).not.toBe(id);
  });

  it("marks which features the vocabulary holds, repeats included", () => {
    const model: SparseWeights = {
      vocab: VOCAB,
      classes: ["a"],
      weights: [[1, 2, 3, 4, 5, 6]],
      bias: [0],
      scale: 10,
    };
    const found = new Uint8Array(5);
    new SparseScorer(model).logits(["w:i", "nope", "w:i", "past", "b:x_y"], found);
    expect([...found]).toEqual([1, 0, 1, 1, 0]);
  });
});

describe("packSparse / unpackSparse", () => {
  const weightsOf = (rows: number, cols: number) =>
    fc.array(fc.array(fc.integer({ min: -2048, max: 2047 }), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    });

  it("gives back exactly the integer weights it packed, in a smaller JSON", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((rows) =>
            fc
              .integer({ min: 1, max: 40 })
              .chain((cols) => weightsOf(rows, cols).map((w) => ({ rows, cols, w }))),
          ),
        ({ rows, cols, w }) => {
          const model: SparseWeights = {
            vocab: Array.from({ length: cols }, (_, i) => `w:${i}`),
            classes: Array.from({ length: rows }, (_, k) => `c${k}`),
            weights: w,
            bias: Array.from({ length: rows }, (_, k) => k / 10),
            scale: 100,
          };
          const packed = packSparse(model);
          expect("packed" in packed).toBe(true);
          const stored = JSON.parse(JSON.stringify(packed)) as typeof packed;
          expect(unpackSparse(stored)).toEqual(model);
        },
      ),
    );
  });

  it("leaves a model it cannot pack as it is (no scale, fractions, out of range)", () => {
    const base = { vocab: ["a", "b"], classes: ["x"], bias: [0] };
    for (const model of [
      { ...base, weights: [[1, 2]] },
      { ...base, weights: [[0.5, 2]], scale: 100 },
      { ...base, weights: [[2048, 0]], scale: 100 },
      { ...base, weights: [[-2049, 0]], scale: 100 },
    ] as SparseWeights[]) {
      expect(packSparse(model)).toBe(model);
      expect(unpackSparse(model)).toBe(model);
    }
  });

  it("refuses a damaged packed row with a message that says what is wrong", () => {
    const stored = { vocab: ["a", "b"], classes: ["x"], packed: ["gAgB"], bias: [0], scale: 100 };
    expect(unpackSparse(stored).weights).toEqual([[0, 1]]);
    expect(() => unpackSparse({ ...stored, packed: ["gAg"] })).toThrow(/3 characters; expected 4/);
    expect(() => unpackSparse({ ...stored, packed: ["gA!B"] })).toThrow(/outside base64url at 2/);
  });
});

describe("treeLogit (heads trained with --head-trees, lens47)", () => {
  // One tree: max ≤ 0.5 goes left, then x:action ≤ 0.2; else right, then max ≤ 0.8.
  const head = {
    features: ["max", "x:action"],
    classes: ["value"],
    weights: [[1, 0]],
    bias: [-0.5],
    trees: [[0, 0.5, 1, 0.2, 0, 0.8, -1, -0.5, 0.5, 1]],
  };
  it("walks each tree to its leaf, an absent feature read as 0", () => {
    expect(treeLogit(head, { max: 0.6 })).toBe(0.5);
    expect(treeLogit(head, { max: 0.9 })).toBe(1);
    expect(treeLogit(head, { max: 0.5, "x:action": 0.3 })).toBe(-0.5);
    expect(treeLogit(head, {})).toBe(-1);
    const { trees: _, ...linear } = head;
    expect(treeLogit(linear, { max: 0.9 })).toBe(0);
  });
  it("denseProbability adds the trees to the linear logit", () => {
    const z = -0.5 + 0.9 + 1;
    expect(denseProbability(head, { max: 0.9 })).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
  });
});
