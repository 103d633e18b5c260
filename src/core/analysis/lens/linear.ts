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

/** Weights over named numeric features, one row per class. */
export interface DenseWeights {
  features: string[];
  classes: string[];
  weights: number[][];
  bias: number[];
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

/**
 * Scores feature lists against sparse weights; the vocabulary index and a feature-major copy
 * of the weights are built once, so a sentence costs one map lookup per feature.
 * @example new SparseScorer(w).logits(["w:i", "past"]) // Float64Array [ … one logit per class ]
 */
export class SparseScorer {
  readonly classes: readonly string[];
  private readonly index = new Map<string, number>();
  private readonly flat: Float64Array;
  private readonly bias: Float64Array;
  // Which call last counted each feature: a repeated feature counts once, with no allocation.
  private readonly stamp: Uint32Array;
  private call = 0;

  constructor(model: SparseWeights) {
    this.classes = model.classes;
    const c = model.classes.length;
    model.vocab.forEach((name, i) => {
      this.index.set(name, i);
    });
    this.flat = new Float64Array(model.vocab.length * c);
    const scale = model.scale ?? 1;
    model.weights.forEach((row, k) => {
      row.forEach((w, i) => {
        this.flat[i * c + k] = w / scale;
      });
    });
    this.bias = Float64Array.from(model.bias);
    this.stamp = new Uint32Array(model.vocab.length);
  }

  /** Whether the feature is in the vocabulary. */
  has(feature: string): boolean {
    return this.index.has(feature);
  }

  logits(features: readonly string[]): Float64Array {
    const c = this.classes.length;
    const out = Float64Array.from(this.bias);
    this.call = this.call === 0xffffffff ? 1 : this.call + 1;
    if (this.call === 1) this.stamp.fill(0);
    for (const f of features) {
      const i = this.index.get(f);
      if (i === undefined || this.stamp[i] === this.call) continue;
      this.stamp[i] = this.call;
      const at = i * c;
      for (let k = 0; k < c; k += 1) out[k] = (out[k] ?? 0) + (this.flat[at + k] ?? 0);
    }
    return out;
  }
}

/**
 * Logits of dense weights for named feature values (a missing name counts as 0).
 * @example denseLogits(w, { words: 1.2 })[0]
 */
export function denseLogits(model: DenseWeights, values: Readonly<Record<string, number>>): Float64Array {
  const out = Float64Array.from(model.bias);
  model.features.forEach((name, i) => {
    const v = values[name] ?? 0;
    if (v === 0) return;
    model.weights.forEach((row, k) => {
      out[k] = (out[k] ?? 0) + (row[i] ?? 0) * v;
    });
  });
  return out;
}
