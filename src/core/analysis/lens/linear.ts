/**
 * Linear models as the training script writes them (scripts/train.ts) and the analyzer reads
 * them: sparse ones over named binary features, dense ones over named numeric features.
 */

/** Weights over named binary features, one row per class (class-major). */
export interface SparseWeights {
  vocab: string[];
  classes: string[];
  /** Stored as integers when `scale` is set (weight = stored / scale): a smaller JSON. */
  weights: number[][];
  bias: number[];
  scale?: number;
}

/**
 * A sparse model as the artifact stores it: each class's integer weights packed two characters
 * per weight (base64url digits of weight + 2048, high digit first), a third of the JSON of
 * comma-separated numbers. `unpackSparse` gives the `SparseWeights` back exactly.
 */
export interface PackedSparseWeights {
  vocab: string[];
  classes: string[];
  packed: string[];
  bias: number[];
  scale: number;
}

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PACK_OFFSET = 2048;

/** Packs integer weights in [-2048, 2047]; any other model is returned as it is. */
export function packSparse(model: SparseWeights): SparseWeights | PackedSparseWeights {
  const { scale } = model;
  const fits = model.weights.every((row) =>
    row.every((w) => Number.isInteger(w) && w >= -PACK_OFFSET && w < PACK_OFFSET),
  );
  if (scale === undefined || !fits) return model;
  const packed = model.weights.map((row) => {
    let out = "";
    for (const w of row) {
      const v = w + PACK_OFFSET;
      out += (DIGITS[v >> 6] as string) + (DIGITS[v & 63] as string);
    }
    return out;
  });
  return { vocab: model.vocab, classes: model.classes, packed, bias: model.bias, scale };
}

/** The weights of a stored sparse model, packed or not. */
export function unpackSparse(model: SparseWeights | PackedSparseWeights): SparseWeights {
  if (!("packed" in model)) return model;
  const weights = model.packed.map((row) => {
    if (row.length !== 2 * model.vocab.length) {
      throw new Error(
        `A packed weight row has ${row.length} characters; expected ${2 * model.vocab.length}.`,
      );
    }
    const out = new Array<number>(model.vocab.length);
    for (let i = 0; i < out.length; i += 1) {
      const high = DIGITS.indexOf(row[2 * i] as string);
      const low = DIGITS.indexOf(row[2 * i + 1] as string);
      if (high < 0 || low < 0)
        throw new Error(`A packed weight row has a character outside base64url at ${2 * i}.`);
      out[i] = high * 64 + low - PACK_OFFSET;
    }
    return out;
  });
  return { vocab: model.vocab, classes: model.classes, weights, bias: model.bias, scale: model.scale };
}

/** Weights over named numeric features, one row per class. */
export interface DenseWeights {
  features: string[];
  classes: string[];
  weights: number[][];
  bias: number[];
  /**
   * Depth-2 regression trees added to the first class's logit (a head trained with
   * `--head-trees`, docs/lab/risk-lens-lab.md "lens47"): each tree is ten numbers, the root's
   * feature index (into `features`) and threshold, the left child's, the right child's, and the
   * four leaf values (left-left, left-right, right-left, right-right). `value ≤ threshold` goes
   * left; an absent feature reads 0.
   */
  trees?: number[][];
}

/** Length of one stored tree of `DenseWeights.trees`. */
export const TREE_LENGTH = 10;

/**
 * The sum of a head's trees for these feature values (0 without trees).
 * @example treeLogit({ features: ["max"], classes: ["value"], weights: [[0]], bias: [0], trees: [[0, 0.5, 0, 0.2, 0, 0.8, -1, -0.5, 0.5, 1]] }, { max: 0.6 }) // → 0.5
 */
export function treeLogit(weights: DenseWeights, values: Readonly<Record<string, number>>): number {
  const trees = weights.trees;
  if (trees === undefined) return 0;
  const { features } = weights;
  const at = (i: number): number => values[features[i] as string] ?? 0;
  let z = 0;
  for (const t of trees) {
    if (at(t[0] as number) <= (t[1] as number))
      z += at(t[2] as number) <= (t[3] as number) ? (t[6] as number) : (t[7] as number);
    else z += at(t[4] as number) <= (t[5] as number) ? (t[8] as number) : (t[9] as number);
  }
  return z;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Softmax of `logits`, in place. */
export function softmax(logits: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of logits) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < logits.length; i += 1) {
    const e = Math.exp((logits[i] ?? 0) - max);
    logits[i] = e;
    sum += e;
  }
  for (let i = 0; i < logits.length; i += 1) logits[i] = (logits[i] ?? 0) / sum;
  return logits;
}

// Feature names get small integer ids, once each, for the life of the process: a scorer then
// finds a name's row through an array indexed by that id instead of hashing and comparing the
// string in a 17,000-entry map. Bounded: past `MAX_IDS` names, new ones get no id (-1) and are
// looked up by name, which gives the same row.
const MAX_IDS = 200_000;
const ID_OF = new Map<string, number>();
let nextId = 0;

/**
 * The id of a feature name (-1 once the table is full). Ids never change.
 * @example featureId("past") === featureId("past") // true
 */
export function featureId(name: string): number {
  let id = ID_OF.get(name);
  if (id === undefined) {
    if (nextId >= MAX_IDS) return -1;
    id = nextId;
    nextId += 1;
    ID_OF.set(name, id);
  }
  return id;
}

/**
 * Scores feature lists against sparse weights; the vocabulary index and a feature-major copy
 * of the weights are built once, so a sentence costs one map lookup per feature.
 * @example new SparseScorer(w).logits(["w:i", "past"]) // Float64Array [ … one logit per class ]
 */
export class SparseScorer {
  readonly classes: readonly string[];
  private readonly index = new Map<string, number>();
  // The weights, feature-major. Stored integers (the usual case, see `scale`) are kept as 16-bit
  // integers with a table of their values, a quarter of the memory of numbers: a sentence's rows
  // then stay in the cache. Each value is `stored / scale` either way, so the sums are the same.
  private readonly packed: Int16Array | undefined;
  private readonly values: Float64Array;
  private readonly low: number;
  private readonly flat: Float64Array | undefined;
  private readonly bias: Float64Array;
  // Which call last counted each feature: a repeated feature counts once, with no allocation.
  private readonly stamp: Uint32Array;
  private call = 0;
  // Row of each feature id: 0 not looked up yet, -1 not in the vocabulary, else row + 1.
  private rowOfId = new Int32Array(1024);

  constructor(model: SparseWeights) {
    this.classes = model.classes;
    const c = model.classes.length;
    model.vocab.forEach((name, i) => {
      this.index.set(name, i);
    });
    const scale = model.scale ?? 1;
    let low = 0;
    let high = 0;
    let integers = true;
    for (const row of model.weights) {
      for (const w of row) {
        if (!Number.isInteger(w)) integers = false;
        else if (w < low) low = w;
        else if (w > high) high = w;
      }
    }
    if (integers && low >= -32768 && high <= 32767) {
      const packed = new Int16Array(model.vocab.length * c);
      model.weights.forEach((row, k) => {
        row.forEach((w, i) => {
          packed[i * c + k] = w;
        });
      });
      this.packed = packed;
      this.low = low;
      this.values = new Float64Array(high - low + 1);
      for (let v = low; v <= high; v += 1) this.values[v - low] = v / scale;
    } else {
      const flat = new Float64Array(model.vocab.length * c);
      model.weights.forEach((row, k) => {
        row.forEach((w, i) => {
          flat[i * c + k] = w / scale;
        });
      });
      this.flat = flat;
      this.low = 0;
      this.values = new Float64Array(0);
    }
    this.bias = Float64Array.from(model.bias);
    this.stamp = new Uint32Array(model.vocab.length);
  }

  /** Whether the feature is in the vocabulary. */
  has(feature: string): boolean {
    return this.index.has(feature);
  }

  /**
   * The logits of one feature list. With `found`, also marks `found[j] = 1` for each feature
   * `features[j]` in the vocabulary (repeats included), from the same lookup.
   */
  logits(features: readonly string[], found?: Uint8Array, ids?: ArrayLike<number>): Float64Array {
    return this.logitsInto(features, new Float64Array(this.classes.length), found, ids);
  }

  // The row of a feature, through its id when there is one (see `featureId`).
  private rowOf(name: string, id: number): number | undefined {
    if (id < 0) return this.index.get(name);
    if (id >= this.rowOfId.length) {
      const grown = new Int32Array(Math.max(id + 1, this.rowOfId.length * 2));
      grown.set(this.rowOfId);
      this.rowOfId = grown;
    }
    let row = this.rowOfId[id] as number;
    if (row === 0) {
      row = (this.index.get(name) ?? -2) + 1;
      this.rowOfId[id] = row;
    }
    return row < 0 ? undefined : row - 1;
  }

  /**
   * `logits`, written into `out` (one slot per class), which is returned. `ids`, when given,
   * holds each feature's `featureId` (`ids[j]` of `features[j]`): the same sums, found faster.
   */
  logitsInto(
    features: readonly string[],
    out: Float64Array,
    found?: Uint8Array,
    ids?: ArrayLike<number>,
  ): Float64Array {
    const c = this.classes.length;
    out.set(this.bias);
    this.call = this.call === 0xffffffff ? 1 : this.call + 1;
    if (this.call === 1) this.stamp.fill(0);
    const { index, stamp, call, packed, flat, values, low } = this;
    for (let j = 0; j < features.length; j += 1) {
      const i =
        ids === undefined
          ? index.get(features[j] as string)
          : this.rowOf(features[j] as string, ids[j] as number);
      if (i === undefined) continue;
      if (found !== undefined) found[j] = 1;
      if (stamp[i] === call) continue;
      stamp[i] = call;
      const at = i * c;
      if (packed !== undefined) {
        for (let k = 0; k < c; k += 1)
          out[k] = (out[k] as number) + (values[(packed[at + k] as number) - low] as number);
      } else if (flat !== undefined) {
        for (let k = 0; k < c; k += 1) out[k] = (out[k] as number) + (flat[at + k] as number);
      }
    }
    return out;
  }

  /**
   * Starts a sum of logits in `out` (one slot per class): the bias. Features are then added one
   * by one with `addTo`, each counted once however often it comes, as `logitsInto` counts them.
   */
  startInto(out: Float64Array): void {
    out.set(this.bias);
    this.call = this.call === 0xffffffff ? 1 : this.call + 1;
    if (this.call === 1) this.stamp.fill(0);
  }

  /** Adds a feature (by its `featureId`, or by name when `id` is -1) to the sum begun by `startInto`. */
  addTo(out: Float64Array, name: string, id: number): void {
    const i = this.rowOf(name, id);
    if (i === undefined || this.stamp[i] === this.call) return;
    this.stamp[i] = this.call;
    const c = this.classes.length;
    const at = i * c;
    const { packed, flat, values, low } = this;
    if (packed !== undefined) {
      for (let k = 0; k < c; k += 1)
        out[k] = (out[k] as number) + (values[(packed[at + k] as number) - low] as number);
    } else if (flat !== undefined) {
      for (let k = 0; k < c; k += 1) out[k] = (out[k] as number) + (flat[at + k] as number);
    }
  }

  /**
   * The logit of class `k` alone: `logits(features, undefined, ids)[k]`, the same addends in the
   * same order, without summing the other classes.
   */
  logitOf(features: readonly string[], k: number, ids?: ArrayLike<number>): number {
    const c = this.classes.length;
    let z = this.bias[k] ?? 0;
    this.call = this.call === 0xffffffff ? 1 : this.call + 1;
    if (this.call === 1) this.stamp.fill(0);
    const { index, stamp, call, packed, flat, values, low } = this;
    for (let j = 0; j < features.length; j += 1) {
      const i =
        ids === undefined
          ? index.get(features[j] as string)
          : this.rowOf(features[j] as string, ids[j] as number);
      if (i === undefined || stamp[i] === call) continue;
      stamp[i] = call;
      if (packed !== undefined) z += values[(packed[i * c + k] as number) - low] as number;
      else if (flat !== undefined) z += flat[i * c + k] as number;
    }
    return z;
  }
}

/**
 * Logits of dense weights for named feature values (a missing name counts as 0).
 * @example denseLogits(w, { words: 1.2 })[0]
 */
export function denseLogits(model: DenseWeights, values: Readonly<Record<string, number>>): Float64Array {
  const out = new Float64Array(model.bias);
  const { features, weights } = model;
  for (let i = 0; i < features.length; i += 1) {
    const v = values[features[i] as string] ?? 0;
    if (v === 0) continue;
    for (let k = 0; k < weights.length; k += 1)
      out[k] = (out[k] as number) + ((weights[k] as number[])[i] ?? 0) * v;
  }
  return out;
}
