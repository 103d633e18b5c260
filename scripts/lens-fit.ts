/**
 * The fitting routines behind `npm run train`: L2-regularised logistic regression (binary and
 * multinomial) over sparse binary features with seeded AdaGrad SGD, and ridge / logistic
 * regression over a few dense features by full-batch gradient descent. Deterministic for a
 * given seed and input order.
 */
import type { SubwordSpec } from "../src/core/analysis/lens/features.ts";
import type { DenseWeights, SparseWeights } from "../src/core/analysis/lens/linear.ts";
import { seeded } from "./lens-corpus.ts";

export interface SparseSample {
  features: readonly string[];
}

/** Vocabulary of features seen in at least `minCount` samples, in a stable order. */
export function buildVocab(
  samples: readonly SparseSample[],
  minCount: number,
  keep?: (f: string) => boolean,
): string[] {
  const counts = new Map<string, number>();
  for (const s of samples) for (const f of new Set(s.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([f, c]) => c >= minCount || (keep?.(f) ?? false))
    .map(([f]) => f)
    .sort();
}

function indexed(samples: readonly SparseSample[], vocab: readonly string[]): Int32Array[] {
  const index = new Map(vocab.map((f, i) => [f, i] as const));
  return samples.map((s) => {
    const ids = new Set<number>();
    for (const f of s.features) {
      const i = index.get(f);
      if (i !== undefined) ids.add(i);
    }
    return Int32Array.from([...ids].sort((a, b) => a - b));
  });
}

function order(n: number, random: () => number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] ?? 0, out[i] ?? 0];
  }
  return out;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * Independent logistic heads (one per class) over sparse features. `targets[i][k]` is 1 when
 * sample i has class k. Positives of rare classes are up-weighted (at most ×`maxWeight`).
 */
export function fitBinaryHeads(
  samples: readonly SparseSample[],
  targets: ReadonlyArray<readonly number[]>,
  classes: readonly string[],
  options: {
    vocab: string[];
    epochs: number;
    l2: number;
    rate: number;
    seed: number;
    maxWeight: number;
    /** Per-sample weight on the gradient (default 1 for every sample). */
    sampleWeights?: readonly number[];
    /** Per-sample, per-class weight (`[sample][class]`); a 0 skips that sample for that class. */
    classWeights?: ReadonlyArray<readonly number[]>;
    /**
     * Which features a class may read (default all): a feature it may not read keeps weight 0
     * for it, and the class's other weights are what they would be without that feature.
     */
    keepFeature?: (cls: string, feature: string) => boolean;
  },
): SparseWeights {
  const x = indexed(samples, options.vocab);
  const v = options.vocab.length;
  const c = classes.length;
  const keep = options.keepFeature;
  const masks =
    keep === undefined
      ? undefined
      : classes.map((cls) => Uint8Array.from(options.vocab, (f) => (keep(cls, f) ? 1 : 0)));
  const w = classes.map(() => new Float64Array(v));
  const g2 = classes.map(() => new Float64Array(v).fill(1e-8));
  const b = new Float64Array(c);
  const gb = new Float64Array(c).fill(1e-8);
  const posWeight = classes.map((_, k) => {
    const pos = targets.filter((t) => (t[k] ?? 0) > 0).length;
    const neg = targets.length - pos;
    return pos === 0 ? 1 : Math.min(options.maxWeight, Math.max(1, Math.sqrt(neg / pos)));
  });
  const random = seeded(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const i of order(x.length, random)) {
      const ids = x[i] ?? new Int32Array();
      for (let k = 0; k < c; k += 1) {
        const classWeight = options.classWeights?.[i]?.[k] ?? 1;
        if (classWeight === 0) continue;
        const wk = w[k] as Float64Array;
        const gk = g2[k] as Float64Array;
        const mask = masks?.[k];
        let z = b[k] ?? 0;
        for (const id of ids) if (mask === undefined || mask[id] === 1) z += wk[id] ?? 0;
        const y = targets[i]?.[k] ?? 0;
        const p = 1 / (1 + Math.exp(-z));
        const weight = (y > 0 ? (posWeight[k] ?? 1) : 1) * (options.sampleWeights?.[i] ?? 1) * classWeight;
        const g = (p - y) * weight;
        gb[k] = (gb[k] ?? 0) + g * g;
        b[k] = (b[k] ?? 0) - (options.rate * g) / Math.sqrt(gb[k] ?? 1);
        for (const id of ids) {
          if (mask !== undefined && mask[id] !== 1) continue;
          const gi = g + options.l2 * (wk[id] ?? 0);
          gk[id] = (gk[id] ?? 0) + gi * gi;
          wk[id] = (wk[id] ?? 0) - (options.rate * gi) / Math.sqrt(gk[id] ?? 1);
        }
      }
    }
  }
  return {
    vocab: options.vocab,
    classes: [...classes],
    weights: w.map((row) => Array.from(row, round)),
    bias: Array.from(b, round),
  };
}

/** A multinomial (softmax) logistic regression over sparse features. */
export function fitSoftmax(
  samples: readonly SparseSample[],
  labels: readonly string[],
  classes: readonly string[],
  options: { vocab: string[]; epochs: number; l2: number; rate: number; seed: number },
): SparseWeights {
  const x = indexed(samples, options.vocab);
  const v = options.vocab.length;
  const c = classes.length;
  const w = classes.map(() => new Float64Array(v));
  const g2 = classes.map(() => new Float64Array(v).fill(1e-8));
  const b = new Float64Array(c);
  const gb = new Float64Array(c).fill(1e-8);
  const classIndex = new Map(classes.map((k, i) => [k, i] as const));
  const random = seeded(options.seed);
  const z = new Float64Array(c);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const i of order(x.length, random)) {
      const ids = x[i] ?? new Int32Array();
      const y = classIndex.get(labels[i] ?? "") ?? -1;
      if (y < 0) continue;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < c; k += 1) {
        let s = b[k] ?? 0;
        const wk = w[k] as Float64Array;
        for (const id of ids) s += wk[id] ?? 0;
        z[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < c; k += 1) {
        z[k] = Math.exp((z[k] ?? 0) - max);
        sum += z[k] ?? 0;
      }
      for (let k = 0; k < c; k += 1) {
        const g = (z[k] ?? 0) / sum - (k === y ? 1 : 0);
        const wk = w[k] as Float64Array;
        const gk = g2[k] as Float64Array;
        gb[k] = (gb[k] ?? 0) + g * g;
        b[k] = (b[k] ?? 0) - (options.rate * g) / Math.sqrt(gb[k] ?? 1);
        for (const id of ids) {
          const gi = g + options.l2 * (wk[id] ?? 0);
          gk[id] = (gk[id] ?? 0) + gi * gi;
          wk[id] = (wk[id] ?? 0) - (options.rate * gi) / Math.sqrt(gk[id] ?? 1);
        }
      }
    }
  }
  return {
    vocab: options.vocab,
    classes: [...classes],
    weights: w.map((row) => Array.from(row, round)),
    bias: Array.from(b, round),
  };
}

/**
 * One dense linear head by full-batch gradient descent: logistic (`kind: "logistic"`, targets
 * 0/1) or least squares (`kind: "ridge"`). `signs` forces a weight to stay ≤ 0 (-1) or ≥ 0 (+1).
 */
export function fitDense(
  rows: ReadonlyArray<Readonly<Record<string, number>>>,
  targets: readonly number[],
  features: readonly string[],
  options: {
    kind: "logistic" | "ridge";
    l2: number;
    iterations: number;
    rate: number;
    signs?: Readonly<Record<string, number>>;
    sampleWeights?: readonly number[];
  },
): DenseWeights {
  const n = rows.length;
  const d = features.length;
  const x = rows.map((r) => features.map((f) => r[f] ?? 0));
  const w = new Float64Array(d);
  let b = options.kind === "ridge" ? targets.reduce((s, t) => s + t, 0) / Math.max(1, n) : 0;
  const totalWeight = (options.sampleWeights ?? []).reduce((s, v) => s + v, 0) || n;
  for (let it = 0; it < options.iterations; it += 1) {
    const gw = new Float64Array(d);
    let gb = 0;
    for (let i = 0; i < n; i += 1) {
      const xi = x[i] ?? [];
      let z = b;
      for (let j = 0; j < d; j += 1) z += (w[j] ?? 0) * (xi[j] ?? 0);
      const p = options.kind === "logistic" ? 1 / (1 + Math.exp(-z)) : z;
      const g = (p - (targets[i] ?? 0)) * (options.sampleWeights?.[i] ?? 1);
      gb += g;
      for (let j = 0; j < d; j += 1) gw[j] = (gw[j] ?? 0) + g * (xi[j] ?? 0);
    }
    b -= (options.rate * gb) / totalWeight;
    for (let j = 0; j < d; j += 1) {
      let next = (w[j] ?? 0) - options.rate * ((gw[j] ?? 0) / totalWeight + options.l2 * (w[j] ?? 0));
      const sign = options.signs?.[features[j] ?? ""];
      if (sign !== undefined && next * sign < 0) next = 0;
      w[j] = next;
    }
  }
  return {
    features: [...features],
    classes: ["value"],
    weights: [Array.from(w, (v) => round(v))],
    bias: [round(b)],
  };
}

/**
 * Drops the features whose weight is below `minAbs` in every class: they change no decision
 * and would only make the committed JSON larger.
 */
export function prune(model: SparseWeights, minAbs: number): SparseWeights {
  const keep = model.vocab.map((_, i) => model.weights.some((row) => Math.abs(row[i] ?? 0) >= minAbs));
  return {
    vocab: model.vocab.filter((_, i) => keep[i]),
    classes: model.classes,
    weights: model.weights.map((row) => row.filter((_, i) => keep[i]).map((w) => Math.round(w * 100))),
    bias: model.bias,
    scale: 100,
  };
}

/**
 * The off-topic threshold for an answer of the kind asked (a story under another story question),
 * from the validation Spearman at each threshold tried (ascending; `t: 1` flags nothing): the best
 * one (ties to the higher), kept only when it beats never flagging by at least `margin`.
 *
 *   pickSameKindThreshold([{ t: 0.95, rho: 0.9 }, { t: 1, rho: 0.895 }], 0.01) // → 1
 */
export function pickSameKindThreshold(
  curve: ReadonlyArray<{ t: number; rho: number }>,
  margin: number,
): number {
  let best = { t: 1, rho: -2 };
  for (const point of curve) if (point.rho >= best.rho - 1e-9) best = point;
  const never = curve.find((point) => point.t >= 1);
  return never !== undefined && best.t < 1 && best.rho < never.rho + margin ? 1 : best.t;
}

/**
 * The transcript threshold in use, from one curve per kind of spoken text (`curves[k][i]`: kind
 * k's label mean of macro-F1 at `grid[i]`, grid ascending). The kinds count alike, however many
 * answers each holds: each point is their mean, averaged with its two neighbours; the best
 * smoothed point inside [`from`, `to`] is kept, ties to the higher threshold.
 *
 *   pickTranscriptThreshold([0.2, 0.3, 0.4, 0.5], [[0.8, 0.9, 0.9, 0.8]], 0.2, 0.5) // → 0.4
 */
export function pickTranscriptThreshold(
  grid: readonly number[],
  curves: ReadonlyArray<readonly number[]>,
  from: number,
  to: number,
): { t: number; score: number; mean: number[] } {
  const mean = grid.map((_, i) => curves.reduce((s, c) => s + (c[i] ?? 0), 0) / Math.max(1, curves.length));
  let best = { t: Number.NaN, score: -1 };
  for (let i = 1; i < grid.length - 1; i += 1) {
    const t = grid[i] ?? Number.NaN;
    if (t < from - 1e-9 || t > to + 1e-9) continue;
    const score = ((mean[i - 1] ?? 0) + (mean[i] ?? 0) + (mean[i + 1] ?? 0)) / 3;
    if (score >= best.score - 1e-9) best = { t, score };
  }
  return { ...best, mean };
}

/**
 * The value of `npm run train -- --reading-threshold T`: the boundary threshold with which the
 * training and validation answers read as transcripts are cut, and the one stored for use
 * (docs/lab/risk-lens-lab.md, "Spoken transcripts", branch `spk5`). Absent: `undefined` (the
 * sentence-start F1 pick reads them and the in-use threshold is chosen last). A value outside
 * (0, 1) or not a number is refused, so a typo cannot train a model that never or always cuts.
 *
 *   readingThreshold("0.25") // → 0.25
 */
export function readingThreshold(value: string | undefined): number | undefined {
  return thresholdOption("--reading-threshold", value);
}

/**
 * The value of `npm run train -- --transcript-threshold T`: the boundary threshold stored for use
 * on transcripts, held instead of chosen last on validation's labels (docs/lab/risk-lens-lab.md,
 * "task33"). The training answers are still read at the sentence-start F1 pick. Absent:
 * `undefined` (the pick). Refused like `--reading-threshold` outside (0, 1).
 *
 *   transcriptThreshold("0.35") // → 0.35
 */
export function transcriptThreshold(value: string | undefined): number | undefined {
  return thresholdOption("--transcript-threshold", value);
}

function thresholdOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Number(value);
  if (value.trim() === "" || !Number.isFinite(t) || t <= 0 || t >= 1) {
    throw new Error(`${name} wants a number between 0 and 1, not "${value}"`);
  }
  return t;
}

/**
 * What `--head-nor` can give an answer head in place of the aggregates that grow with the number
 * of pieces: `nor` keeps them (the heads before branch `head6`).
 */
export const HEAD_NOR_KINDS = ["nor", "nor2", "norw", "unit"] as const;
export type HeadNorKind = (typeof HEAD_NOR_KINDS)[number];
/** The committed choice (branch `head6`, design 4): the `task` head reads per run of text. */
export const DEFAULT_HEAD_NOR = "unit:task";

/**
 * The value of `npm run train -- --head-nor KIND[:tag,tag…]`: which answer heads read which
 * aggregates in place of those that grow with the number of pieces (docs/lab/risk-lens-lab.md, branch
 * `head6`; see `labelFeatures`); the heads it does not name read `nor` and `max`. Absent:
 * `DEFAULT_HEAD_NOR`, the committed model. Without a list of tags, every head (`--head-nor nor`:
 * the heads before `head6`). An unknown kind or tag is refused, so a typo cannot train the
 * default model under another name.
 *
 *   headNor("norw:task", ["task", "action"]) // → Map { "task" => "norw" }
 */
export function headNor(value: string | undefined, tags: readonly string[]): Map<string, HeadNorKind> {
  const spec = value ?? DEFAULT_HEAD_NOR;
  const heads = new Map<string, HeadNorKind>();
  const [kind = "", list] = spec.split(":");
  const known = HEAD_NOR_KINDS.find((k) => k === kind);
  if (known === undefined) {
    throw new Error(`--head-nor wants ${HEAD_NOR_KINDS.join(", ")}, then optionally :tag,tag, not "${spec}"`);
  }
  const named = list === undefined ? [...tags] : list.split(",").filter((t) => t !== "");
  for (const tag of named) {
    if (!tags.includes(tag)) throw new Error(`--head-nor: no head "${tag}"`);
    heads.set(tag, known);
  }
  if (heads.size === 0) throw new Error(`--head-nor: no head named in "${spec}"`);
  return heads;
}

/**
 * The committed `--head-drop` (branch `gen22`, docs/lab/risk-lens-lab.md "gen22: where task, ambiguity
 * and autonomy fail on writers the model has not seen", design G2): the autonomy head reads no
 * answer-shape feature.
 */
export const DEFAULT_HEAD_DROP = "autonomy:words,iShare,weShare";

/**
 * `--head-drop TAG:f1,f2[;TAG:…]`: the features each named head is fitted without; absent, the
 * committed `DEFAULT_HEAD_DROP`; `none`, no head drops any.
 *
 *   headDrop("autonomy:words,iShare", ["task", "autonomy"]) // → Map { "autonomy" => Set { "words", "iShare" } }
 */
export function headDrop(value: string | undefined, tags: readonly string[]): Map<string, Set<string>> {
  const drops = new Map<string, Set<string>>();
  const spec = value ?? DEFAULT_HEAD_DROP;
  if (spec === "none") return drops;
  for (const part of spec.split(";").filter((p) => p.trim() !== "")) {
    const [tag = "", list = ""] = part.split(":");
    if (!tags.includes(tag)) throw new Error(`--head-drop: no head "${tag}"`);
    const features = list.split(",").filter((f) => f !== "");
    if (features.length === 0) throw new Error(`--head-drop: no feature named for "${tag}"`);
    drops.set(tag, new Set([...(drops.get(tag) ?? []), ...features]));
  }
  return drops;
}

/**
 * The features a head reads under a `--head-nor` kind: `nor`, its own; `nor2` or `norw` in place of `nor`;
 * `unit`, everything counted per run of text, `norw` in place of `nor` and `maxw` in place of `max`.
 *
 *   headFeatureNames(["max", "nor", "words"], "unit") // → ["maxw", "norw", "words"]
 */
export function headFeatureNames(base: readonly string[], kind: HeadNorKind | undefined): string[] {
  if (kind === undefined || kind === "nor") return [...base];
  return base.map((f) => {
    if (f === "nor") return kind === "unit" ? "norw" : kind;
    if (f === "max" && kind === "unit") return "maxw";
    return f;
  });
}

// The head readings that are logits (a strongest sentence of one tag or another): under
// `--head-relative` (branch `lens48`) a head reads them less the answer's own tag level.
const LOGIT_READINGS = new Set(["max", "maxw", "second", "nonstoryMax", "action", "result"]);

/**
 * The name a `--head-relative` head reads for a head feature: a logit-valued reading less the
 * answer's tag level (`c:<name>`, written by `labelFeatures`); any other feature as it is.
 *
 *   relativeFeatureName("max") // → "c:max"
 *   relativeFeatureName("x:action") // → "c:x:action"
 *   relativeFeatureName("norw") // → "norw"
 */
export function relativeFeatureName(feature: string): string {
  return LOGIT_READINGS.has(feature) || feature.startsWith("x:") ? `c:${feature}` : feature;
}

/**
 * The other tags' strongest-sentence values (`x:<tag>`) an answer head reads: the three signals
 * told across a story (`storySignals`) read every other tag's, the other heads none. With
 * `withoutTask` (`npm run train -- --heads-without-task`, branch `task20`) they do not read
 * `x:task`, so that a change of the `task` tagger does not refit them.
 *
 *   crossFeatureNames("systems", ["task", "action", "systems"], ["systems"], true) // → ["x:action"]
 *
 * The heads named in `writtenTask` (`--written-task-heads`, branch `task21`) read, in place of
 * `x:task`, the strongest sentence of the tagger's second `task` column fitted on the corpus's
 * `task` tags as written (`WRITTEN_TASK`, before `--relabel`), whatever `withoutTask` says.
 *
 *   crossFeatureNames("systems", ["task", "action", "systems"], ["systems"], true, ["systems"])
 *   // → ["x:task:written", "x:action"]
 */
export function crossFeatureNames(
  tag: string,
  tags: readonly string[],
  storySignals: readonly string[],
  withoutTask = false,
  writtenTask: readonly string[] = [],
): string[] {
  if (!storySignals.includes(tag)) return [];
  const written = writtenTask.includes(tag);
  return tags
    .filter((t) => t !== tag && !(withoutTask && !written && t === "task"))
    .map((t) => (written && t === "task" ? `x:${WRITTEN_TASK}` : `x:${t}`));
}

/**
 * The name of the tagger's second `task` column (`npm run train -- --written-task-heads`): fitted
 * on the `task` tags as the corpus writes them, read by the answer heads only.
 */
export const WRITTEN_TASK = "task:written";

/**
 * The name of the committed `lesson` column kept beside the one `npm run train -- --lesson-alone`
 * refits (branch `lesson22`): read by the answer heads that read `x:lesson`, so they read what they
 * read before.
 */
export const WRITTEN_LESSON = "lesson:written";

/**
 * A pruned tagger (`prune`) with class `cls`'s row replaced by the one-class pruned `column`, and
 * the row it had kept as a new last class `keptAs`, on the union of the two vocabularies (sorted
 * as `buildVocab` sorts); every other row keeps its weight on every feature.
 *
 *   replaceColumn({ vocab: ["a"], classes: ["x"], weights: [[5]], bias: [1], scale: 100 }, "x",
 *     { vocab: ["b"], classes: ["x"], weights: [[7]], bias: [2], scale: 100 }, "x:old")
 *   // → { vocab: ["a", "b"], classes: ["x", "x:old"], weights: [[0, 7], [5, 0]], bias: [2, 1], scale: 100 }
 */
export function replaceColumn(
  tagger: SparseWeights,
  cls: string,
  column: SparseWeights,
  keptAs: string,
): SparseWeights {
  const k = tagger.classes.indexOf(cls);
  if (k < 0 || column.classes.length !== 1 || (tagger.scale ?? 1) !== (column.scale ?? 1))
    throw new Error(`replaceColumn: no class ${cls}, or a column of another scale`);
  const vocab = [...new Set([...tagger.vocab, ...column.vocab])].sort();
  const at = (from: SparseWeights, row: number): number[] => {
    const index = new Map(from.vocab.map((f, i) => [f, i] as const));
    return vocab.map((f) => {
      const i = index.get(f);
      return i === undefined ? 0 : (from.weights[row]?.[i] ?? 0);
    });
  };
  const weights = tagger.classes.map((_, r) => (r === k ? at(column, 0) : at(tagger, r)));
  return {
    vocab,
    classes: [...tagger.classes, keptAs],
    weights: [...weights, at(tagger, k)],
    bias: [...tagger.bias.map((b, r) => (r === k ? (column.bias[0] ?? 0) : b)), tagger.bias[k] ?? 0],
    ...(tagger.scale === undefined ? {} : { scale: tagger.scale }),
  };
}

/**
 * The sub-word spec of `npm run train -- --subword 4,5 [--subword-buckets B] [--subword-min M]`
 * (issue 10, branch `lens36`): the n-gram lengths (2–8), the hashing budget (64–65,536 buckets,
 * default 4096) and the shortest lemma read (default 5 letters). Absent `--subword`: `undefined`
 * (no sub-word feature, the committed recipe). Anything else is refused with what was expected.
 *
 *   subwordSpec("4,5", undefined, undefined) // → { grams: [4, 5], buckets: 4096, minLength: 5 }
 */
export function subwordSpec(
  grams: string | undefined,
  buckets: string | undefined,
  minLength: string | undefined,
): SubwordSpec | undefined {
  if (grams === undefined) {
    if (buckets !== undefined || minLength !== undefined)
      throw new Error("--subword-buckets and --subword-min need --subword (e.g. --subword 4,5)");
    return undefined;
  }
  const lengths = grams.split(",").map((g) => g.trim());
  const n = lengths.map(Number);
  if (lengths.some((g) => !/^\d+$/.test(g)) || n.some((g) => g < 2 || g > 8) || new Set(n).size !== n.length)
    throw new Error(
      `--subword wants distinct n-gram lengths from 2 to 8 separated by commas (e.g. 4,5), not "${grams}"`,
    );
  const b = Number(buckets ?? 4096);
  if (!Number.isInteger(b) || b < 64 || b > 65_536)
    throw new Error(`--subword-buckets wants a whole number from 64 to 65536, not "${buckets}"`);
  const m = Number(minLength ?? 5);
  if (!Number.isInteger(m) || m < 1 || m > 20)
    throw new Error(`--subword-min wants a whole number of letters from 1 to 20, not "${minLength}"`);
  return { grams: [...n].sort((x, y) => x - y), buckets: b, minLength: m };
}

/** The settings of `boostTrees` (docs/lab/risk-lens-lab.md "lens47", fixed before any figure). */
export const HEAD_TREES = { trees: 40, shrinkage: 0.1, lambda: 1, minWeight: 30, cuts: 16 } as const;

/**
 * Depth-2 regression trees boosted on top of a fitted head's logit (`base[i]`, logistic loss,
 * Newton leaf values `−G / (H + λ)` times the shrinkage): each tree splits its rows on one
 * feature at one of that feature's inner weighted quantiles (`cuts` − 1 of them, rounded to 3
 * decimals), then each side once more; a split needs at least `minWeight` of sample weight on
 * each side and a positive gain, else the node stays a leaf (both its leaves the same value).
 * Ties go to the first feature of `features` and the lowest threshold. Deterministic: no
 * sampling. Returns the trees in the stored form of `DenseWeights.trees`.
 *
 *   boostTrees(rows, targets, ["max", "x:action"], rows.map(() => 0)) // → [[0, 0.25, 1, …], …]
 */
export function boostTrees(
  rows: ReadonlyArray<Readonly<Record<string, number>>>,
  targets: readonly number[],
  features: readonly string[],
  base: readonly number[],
  options: {
    trees?: number;
    shrinkage?: number;
    lambda?: number;
    minWeight?: number;
    cuts?: number;
    sampleWeights?: readonly number[];
  } = {},
): number[][] {
  const rounds = options.trees ?? HEAD_TREES.trees;
  const shrinkage = options.shrinkage ?? HEAD_TREES.shrinkage;
  const lambda = options.lambda ?? HEAD_TREES.lambda;
  const minWeight = options.minWeight ?? HEAD_TREES.minWeight;
  const cuts = options.cuts ?? HEAD_TREES.cuts;
  const n = rows.length;
  const weightOf = (i: number): number => options.sampleWeights?.[i] ?? 1;
  const x = features.map((f) => Float64Array.from(rows, (r) => r[f] ?? 0));
  // Each feature's candidate thresholds: the inner weighted quantiles, rounded, deduplicated.
  const thresholds = x.map((column) => {
    const byValue = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (column[a] as number) - (column[b] as number) || a - b,
    );
    const total = byValue.reduce((s, i) => s + weightOf(i), 0);
    const out: number[] = [];
    let seen = 0;
    let q = 1;
    for (const i of byValue) {
      seen += weightOf(i);
      while (q < cuts && seen >= (q * total) / cuts) {
        const t = round(column[i] as number);
        if (out[out.length - 1] !== t) out.push(t);
        q += 1;
      }
    }
    return out;
  });
  const z = Float64Array.from(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const leafValue = (rowsOf: readonly number[]): number => {
    let sg = 0;
    let sh = 0;
    for (const i of rowsOf) {
      sg += g[i] as number;
      sh += h[i] as number;
    }
    return round((-shrinkage * sg) / (sh + lambda));
  };
  // The best split of these rows: [feature, threshold] or undefined.
  const bestSplit = (rowsOf: readonly number[]): [number, number] | undefined => {
    let sg = 0;
    let sh = 0;
    for (const i of rowsOf) {
      sg += g[i] as number;
      sh += h[i] as number;
    }
    const parent = (sg * sg) / (sh + lambda);
    let best: { f: number; t: number; gain: number } | undefined;
    for (let f = 0; f < features.length; f += 1) {
      const ts = thresholds[f] as number[];
      if (ts.length === 0) continue;
      const column = x[f] as Float64Array;
      // Per threshold bucket: the rows whose value is at or below it (the last bucket: above all).
      const bg = new Float64Array(ts.length + 1);
      const bh = new Float64Array(ts.length + 1);
      const bw = new Float64Array(ts.length + 1);
      for (const i of rowsOf) {
        const v = column[i] as number;
        let lo = 0;
        let hi = ts.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (v <= (ts[mid] as number)) hi = mid;
          else lo = mid + 1;
        }
        bg[lo] = (bg[lo] as number) + (g[i] as number);
        bh[lo] = (bh[lo] as number) + (h[i] as number);
        bw[lo] = (bw[lo] as number) + weightOf(i);
      }
      let lg = 0;
      let lh = 0;
      let lw = 0;
      let totalW = 0;
      for (const w of bw) totalW += w;
      for (let k = 0; k < ts.length; k += 1) {
        lg += bg[k] as number;
        lh += bh[k] as number;
        lw += bw[k] as number;
        if (lw < minWeight || totalW - lw < minWeight) continue;
        const rg = sg - lg;
        const rh = sh - lh;
        const gain = (lg * lg) / (lh + lambda) + (rg * rg) / (rh + lambda) - parent;
        if (gain > 1e-12 && (best === undefined || gain > best.gain + 1e-12))
          best = { f, t: ts[k] as number, gain };
      }
    }
    return best === undefined ? undefined : [best.f, best.t];
  };
  const split = (rowsOf: readonly number[], f: number, t: number): [number[], number[]] => {
    const left: number[] = [];
    const right: number[] = [];
    const column = x[f] as Float64Array;
    for (const i of rowsOf) ((column[i] as number) <= t ? left : right).push(i);
    return [left, right];
  };
  const all = Array.from({ length: n }, (_, i) => i);
  const out: number[][] = [];
  for (let round_ = 0; round_ < rounds; round_ += 1) {
    for (let i = 0; i < n; i += 1) {
      const p = 1 / (1 + Math.exp(-(z[i] as number)));
      g[i] = (p - (targets[i] ?? 0)) * weightOf(i);
      h[i] = Math.max(1e-6, p * (1 - p)) * weightOf(i);
    }
    const root = bestSplit(all);
    if (root === undefined) break;
    const [left, right] = split(all, root[0], root[1]);
    const tree: number[] = [root[0], root[1]];
    const leaves: number[] = [];
    for (const side of [left, right]) {
      const child = bestSplit(side);
      if (child === undefined) {
        // No split: both leaves the side's value, under a split that sends everything left.
        const v = leafValue(side);
        tree.push(root[0], Number.MAX_VALUE);
        leaves.push(v, v);
      } else {
        const [a, b] = split(side, child[0], child[1]);
        tree.push(child[0], child[1]);
        leaves.push(leafValue(a), leafValue(b));
      }
    }
    tree.push(...leaves);
    out.push(tree);
    // The rows' logits move by their leaf.
    for (let i = 0; i < n; i += 1) z[i] = (z[i] as number) + treeValueAt(tree, x, i);
  }
  return out;
}

/** One stored tree's value for row `i` of the feature columns `x`. */
function treeValueAt(t: readonly number[], x: readonly Float64Array[], i: number): number {
  const at = (f: number): number => (x[f] as Float64Array)[i] as number;
  if (at(t[0] as number) <= (t[1] as number))
    return at(t[2] as number) <= (t[3] as number) ? (t[6] as number) : (t[7] as number);
  return at(t[4] as number) <= (t[5] as number) ? (t[8] as number) : (t[9] as number);
}
