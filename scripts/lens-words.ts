/**
 * The sentence tagger's dense features for `npm run train`: the (rarity-weighted) mean of a
 * sentence's GloVe word vectors (src/core/semantic/vectors.ts), fitted jointly with the sparse
 * features, then folded into one score per word and tag (src/core/analysis/lens/word-scores.ts)
 * so that the analyzer ships no vectors. Node only.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SparseWeights } from "../src/core/analysis/lens/linear.ts";
import type { WordScores } from "../src/core/analysis/lens/word-scores.ts";
import { wordRank, wordVector } from "../src/core/semantic/vectors.ts";
import { seeded } from "./lens-corpus.ts";
import type { SparseSample } from "./lens-fit.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The words whose vectors the tagger reads, with each one's weight and unit vector. */
export interface WordTable {
  words: string[];
  index: Map<string, number>;
  weights: Float64Array;
  vectors: Float32Array[];
  dims: number;
}

/**
 * The GloVe words of frequency rank below `maxRank` (all of them with `Infinity`), each weighted
 * by `a / (a + p)`, p a Zipf estimate of its frequency from its rank (smooth inverse frequency:
 * "the" weighs ~0.01, a word of rank 1,000 ~0.9; `a = Infinity` weighs every word 1).
 */
export function wordTable(maxRank: number, a: number): WordTable {
  const distilled = JSON.parse(
    readFileSync(join(root, "src", "core", "semantic", "data", "word-vectors.json"), "utf8"),
  ) as { words: string };
  const words: string[] = [];
  const weights: number[] = [];
  const vectors: Float32Array[] = [];
  for (const word of distilled.words.split(" ")) {
    const rank = wordRank(word);
    const vector = wordVector(word);
    if (rank === undefined || vector === undefined || rank >= maxRank) continue;
    words.push(word);
    weights.push(Number.isFinite(a) ? a / (a + 0.1 / (rank + 1)) : 1);
    vectors.push(vector);
  }
  return {
    words,
    index: new Map(words.map((w, i) => [w, i] as const)),
    weights: Float64Array.from(weights),
    vectors,
    dims: vectors[0]?.length ?? 0,
  };
}

/**
 * A sentence's dense features: the weighted word vectors of its lemmas that the table knows,
 * summed and divided by their count (what `addWordScores` computes from the folded scores).
 */
export function sentenceVector(table: WordTable, lemmas: readonly string[]): Float64Array {
  const out = new Float64Array(table.dims);
  let known = 0;
  for (const lemma of lemmas) {
    const i = table.index.get(lemma);
    if (i === undefined) continue;
    known += 1;
    const w = table.weights[i] ?? 0;
    const v = table.vectors[i] as Float32Array;
    for (let d = 0; d < table.dims; d += 1) out[d] = (out[d] ?? 0) + w * (v[d] ?? 0);
  }
  if (known > 0) for (let d = 0; d < table.dims; d += 1) out[d] = (out[d] ?? 0) / known;
  return out;
}

/** The sparse heads and the dense weights over standardised vectors ((x − mean) / sd). */
export interface JointFit {
  sparse: SparseWeights;
  dense: Float64Array[];
  mean: Float64Array;
  sd: Float64Array;
}

/**
 * Independent logistic heads over sparse binary features and a dense vector per sample, fitted
 * jointly by the same seeded AdaGrad SGD as `fitBinaryHeads` (same order, same positive weights);
 * the dense weights get their own L2 (`denseL2`).
 */
export function fitJointHeads(
  samples: readonly SparseSample[],
  dense: readonly Float64Array[],
  targets: ReadonlyArray<readonly number[]>,
  classes: readonly string[],
  options: {
    vocab: string[];
    epochs: number;
    l2: number;
    denseL2: number;
    /** Share of a sample's sparse features left out at each step (inverted dropout), so that the dense part must carry the signal too. */
    dropout: number;
    rate: number;
    seed: number;
    maxWeight: number;
  },
): JointFit {
  const index = new Map(options.vocab.map((f, i) => [f, i] as const));
  const x = samples.map((s) => {
    const ids = new Set<number>();
    for (const f of s.features) {
      const i = index.get(f);
      if (i !== undefined) ids.add(i);
    }
    return Int32Array.from([...ids].sort((a, b) => a - b));
  });
  const dims = dense[0]?.length ?? 0;
  const mean = new Float64Array(dims);
  const sd = new Float64Array(dims);
  for (const row of dense) for (let d = 0; d < dims; d += 1) mean[d] = (mean[d] ?? 0) + (row[d] ?? 0);
  for (let d = 0; d < dims; d += 1) mean[d] = (mean[d] ?? 0) / Math.max(1, dense.length);
  for (const row of dense)
    for (let d = 0; d < dims; d += 1) sd[d] = (sd[d] ?? 0) + ((row[d] ?? 0) - (mean[d] ?? 0)) ** 2;
  for (let d = 0; d < dims; d += 1) sd[d] = Math.sqrt((sd[d] ?? 0) / Math.max(1, dense.length)) || 1;
  const z = dense.map((row) => Float64Array.from(row, (v, d) => (v - (mean[d] ?? 0)) / (sd[d] ?? 1)));

  const v = options.vocab.length;
  const c = classes.length;
  const w = classes.map(() => new Float64Array(v));
  const g2 = classes.map(() => new Float64Array(v).fill(1e-8));
  const u = classes.map(() => new Float64Array(dims));
  const gu = classes.map(() => new Float64Array(dims).fill(1e-8));
  const b = new Float64Array(c);
  const gb = new Float64Array(c).fill(1e-8);
  const posWeight = classes.map((_, k) => {
    const pos = targets.filter((t) => (t[k] ?? 0) > 0).length;
    const neg = targets.length - pos;
    return pos === 0 ? 1 : Math.min(options.maxWeight, Math.max(1, Math.sqrt(neg / pos)));
  });
  const random = seeded(options.seed);
  const order = (n: number): number[] => {
    const out = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j] ?? 0, out[i] ?? 0];
    }
    return out;
  };
  // Its own stream, so that without dropout the order of the samples is `fitBinaryHeads`'s.
  const drop = seeded(options.seed + 11);
  const boost = 1 / (1 - options.dropout);
  let kept = new Uint8Array(64);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const i of order(x.length)) {
      const ids = x[i] ?? new Int32Array();
      const zi = z[i] as Float64Array;
      if (kept.length < ids.length) kept = new Uint8Array(ids.length * 2);
      for (let j = 0; j < ids.length; j += 1)
        kept[j] = options.dropout > 0 && drop() < options.dropout ? 0 : 1;
      for (let k = 0; k < c; k += 1) {
        const wk = w[k] as Float64Array;
        const gk = g2[k] as Float64Array;
        const uk = u[k] as Float64Array;
        const guk = gu[k] as Float64Array;
        let s = b[k] ?? 0;
        for (let j = 0; j < ids.length; j += 1) if (kept[j] === 1) s += (wk[ids[j] as number] ?? 0) * boost;
        for (let d = 0; d < dims; d += 1) s += (uk[d] ?? 0) * (zi[d] ?? 0);
        const y = targets[i]?.[k] ?? 0;
        const p = 1 / (1 + Math.exp(-s));
        const g = (p - y) * (y > 0 ? (posWeight[k] ?? 1) : 1);
        gb[k] = (gb[k] ?? 0) + g * g;
        b[k] = (b[k] ?? 0) - (options.rate * g) / Math.sqrt(gb[k] ?? 1);
        for (let j = 0; j < ids.length; j += 1) {
          if (kept[j] !== 1) continue;
          const id = ids[j] as number;
          const gi = g * boost + options.l2 * (wk[id] ?? 0);
          gk[id] = (gk[id] ?? 0) + gi * gi;
          wk[id] = (wk[id] ?? 0) - (options.rate * gi) / Math.sqrt(gk[id] ?? 1);
        }
        for (let d = 0; d < dims; d += 1) {
          const gd = g * (zi[d] ?? 0) + options.denseL2 * (uk[d] ?? 0);
          guk[d] = (guk[d] ?? 0) + gd * gd;
          uk[d] = (uk[d] ?? 0) - (options.rate * gd) / Math.sqrt(guk[d] ?? 1);
        }
      }
    }
  }
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    sparse: {
      vocab: options.vocab,
      classes: [...classes],
      weights: w.map((row) => Array.from(row, round)),
      bias: Array.from(b, round),
    },
    dense: u,
    mean,
    sd,
  };
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63];
    out += BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? BASE64[n & 63] : "=";
  }
  return out;
}

/**
 * Folds a joint fit's dense weights into per-word scores for `classes` (the others' dense weights
 * are dropped): score(word, k) = weight(word) · Σ_d u[k][d] · v[d] / sd[d], quantised per class to
 * a signed byte; the constant part (−Σ_d u[k][d] · mean[d] / sd[d]) goes into the sparse bias.
 * Returns the sparse weights with that bias and the scores.
 */
export function foldWordScores(
  fit: JointFit,
  table: WordTable,
  classes: readonly string[],
): { sparse: SparseWeights; scores: WordScores } {
  const all = fit.sparse.classes;
  const columns = classes.map((c) => all.indexOf(c));
  const bias = [...fit.sparse.bias];
  const raw = table.words.map(() => new Float64Array(columns.length));
  const scales = columns.map((k, c) => {
    const u = fit.dense[k] as Float64Array;
    let shift = 0;
    for (let d = 0; d < u.length; d += 1) shift -= ((u[d] ?? 0) * (fit.mean[d] ?? 0)) / (fit.sd[d] ?? 1);
    bias[k] = Math.round(((bias[k] ?? 0) + shift) * 1000) / 1000;
    let top = 0;
    table.vectors.forEach((v, i) => {
      let s = 0;
      for (let d = 0; d < u.length; d += 1) s += ((u[d] ?? 0) * (v[d] ?? 0)) / (fit.sd[d] ?? 1);
      s *= table.weights[i] ?? 0;
      (raw[i] as Float64Array)[c] = s;
      top = Math.max(top, Math.abs(s));
    });
    return top === 0 ? 1 : Number((127 / top).toPrecision(4));
  });
  const bytes = new Uint8Array(table.words.length * columns.length);
  raw.forEach((row, i) => {
    row.forEach((s, c) => {
      const q = Math.max(-127, Math.min(127, Math.round(s * (scales[c] ?? 1))));
      bytes[i * columns.length + c] = q & 255;
    });
  });
  return {
    sparse: { ...fit.sparse, bias },
    scores: {
      classes: [...classes],
      words: table.words.join(" "),
      scores: base64(bytes),
      scales,
    },
  };
}
