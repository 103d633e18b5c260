/**
 * Experiment (issue 11): does the Universal Sentence Encoder lift the pair scorer on unseen wording?
 *
 *   npx tsx scripts/match-use.ts
 *
 * Embeds every text of eval/matching/train.jsonl and the dev pairs of pairs.jsonl (vectors cached
 * in /tmp/derisk-use-cache.json), then reports (a) the USE cosine alone and (b) the pair scorer
 * refitted with USE features added, on dev and fresh dev (g337 on). The test split is not read.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSentenceEncoder } from "../src/app/encoder.ts";
import { BACKGROUND_SENTENCES } from "../src/core/semantic/background.ts";
import { pairFeatures } from "../src/core/semantic/matcher.ts";
import type { LabelledPair } from "../src/core/semantic/measure.ts";
import { learnedDecision, type PairScorerModel } from "../src/core/semantic/pair-scorer.ts";
import { unitCosine } from "../src/core/semantic/sentence-embeddings.ts";
import { fitStandardisedLogistic } from "./logistic-fit.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = "/tmp/derisk-use-cache.json";

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);

type Pair = { requirement: string; evidence: string; label: 0 | 1; kind: string; group: string };
const train = readJsonl<Pair>(join(root, "eval", "matching", "train.jsonl"));
const dev = readJsonl<LabelledPair>(join(root, "eval", "matching", "pairs.jsonl")).filter(
  (p) => p.split === "dev",
);

/** Clauses of a sentence: split at , ; : — and "and"/"but"/"while", keeping pieces of 3+ words. */
function clauses(text: string): string[] {
  const parts = text
    .split(/\s*(?:[,;:—–()]|\band\b|\bbut\b|\bwhile\b|\bwhich\b)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 3);
  return parts.length > 1 ? parts : [];
}

const texts = new Set<string>(BACKGROUND_SENTENCES);
for (const p of [...train, ...dev]) {
  texts.add(p.requirement);
  texts.add(p.evidence);
  for (const c of clauses(p.evidence)) texts.add(c);
}

const cache: Record<string, number[]> = existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, "utf8")) : {};
const missing = [...texts].filter((t) => !(t in cache));
if (missing.length > 0) {
  const encoder = createSentenceEncoder(200_000);
  const t0 = performance.now();
  await encoder.prepare(missing);
  process.stdout.write(
    `encoded ${missing.length} texts in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  for (const t of missing) {
    const v = encoder.get(t);
    if (v) cache[t] = Array.from(v, (x) => Math.round(x * 1e6) / 1e6);
  }
  writeFileSync(CACHE, JSON.stringify(cache));
}
const vec = (t: string) => {
  const v = cache[t];
  if (!v) throw new Error(`no vector: ${t}`);
  return Float32Array.from(v);
};
const cos = (a: string, b: string) => unitCosine(vec(a), vec(b));

// The requirement's cosine with background work sentences: how far above them the candidate stands.
const bgStats = new Map<string, { mean: number; sd: number }>();
function bg(q: string) {
  let s = bgStats.get(q);
  if (!s) {
    const xs = BACKGROUND_SENTENCES.map((b) => cos(q, b));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(Math.max(1e-6, xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length));
    s = { mean, sd };
    bgStats.set(q, s);
  }
  return s;
}

function useFeatures(p: Pair): number[] {
  const c = cos(p.requirement, p.evidence);
  const cl = Math.max(c, ...clauses(p.evidence).map((x) => cos(p.requirement, x)));
  const { mean, sd } = bg(p.requirement);
  return [c, cl, (c - mean) / sd];
}

function auc(scores: number[], labels: number[]): number {
  const idx = scores.map((s, i) => [s, labels[i] as number] as const).sort((a, b) => a[0] - b[0]);
  let rank = 0;
  let posRanks = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (
      j < idx.length &&
      (idx[j] as readonly [number, number])[0] === (idx[i] as readonly [number, number])[0]
    )
      j++;
    const avg = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if ((idx[k] as readonly [number, number])[1] === 1) {
        posRanks += avg;
        pos++;
      }
    rank = j;
    i = j;
  }
  const neg = idx.length - pos;
  void rank;
  return (posRanks - (pos * (pos + 1)) / 2) / (pos * neg);
}

function recallAt(scores: number[], labels: number[], precision: number): { recall: number; t: number } {
  let best = { recall: 0, t: Number.NaN };
  const ts = [...new Set(scores)].sort((a, b) => a - b);
  const P = labels.filter((l) => l === 1).length;
  for (const t of ts) {
    let tp = 0;
    let fp = 0;
    scores.forEach((s, i) => {
      if (s >= t) {
        if (labels[i] === 1) tp++;
        else fp++;
      }
    });
    if (tp + fp > 0 && tp / (tp + fp) >= precision && tp / P > best.recall) best = { recall: tp / P, t };
  }
  return best;
}

const isFresh = (p: Pair) => Number(p.group.slice(1)) >= 337;
const fresh = dev.filter(isFresh);

process.stdout.write("\n(a) USE cosine alone (all pairs of the set)\n");
for (const [name, set] of [
  ["dev", dev],
  ["fresh dev", fresh],
  ["dev g001–g336", dev.filter((p) => !isFresh(p))],
] as const) {
  for (const [fname, f] of [
    ["cosine", (p: Pair) => useFeatures(p)[0] as number],
    ["max clause cosine", (p: Pair) => useFeatures(p)[1] as number],
    ["background z", (p: Pair) => useFeatures(p)[2] as number],
  ] as const) {
    const s = set.map(f);
    const l = set.map((p) => p.label);
    const r85 = recallAt(s, l, 0.85);
    const hardOnly = set.filter((p) => p.label === 1 || p.kind === "hard-negative");
    process.stdout.write(
      `  ${name.padEnd(14)} ${fname.padEnd(18)} AUC ${auc(s, l).toFixed(3)}  vs hard neg. ${auc(
        hardOnly.map(f),
        hardOnly.map((p) => p.label),
      ).toFixed(3)}  R@P.85 ${r85.recall.toFixed(3)} (t ${r85.t.toFixed(3)})\n`,
    );
  }
}

// (b) The pair scorer refitted (the fit of scripts/match-train.ts) with USE features added.
interface Row {
  x: number[];
  y: 0 | 1;
  learned: boolean;
  rule: boolean;
  alternative: boolean;
  kind: string;
  group: string;
}
const rowsOf = (pairs: readonly Pair[], extra: (p: Pair) => number[]) =>
  pairs.map((p): Row => {
    const f = pairFeatures(p.requirement, p.evidence);
    return {
      x: [...f.values, ...extra(p)],
      y: p.label,
      learned: f.learned,
      rule: f.ruleMatched,
      alternative: f.alternativeMet,
      kind: p.kind,
      group: p.group,
    };
  });

const L2 = Number(process.env.MATCH_L2 ?? 0.03);
const HARD_WEIGHT = Number(process.env.MATCH_HARD_WEIGHT ?? 3);
function fitModel(rows: readonly Row[]): PairScorerModel {
  const {
    mean,
    scale,
    weights: w,
    bias: b,
  } = fitStandardisedLogistic(rows, { hardWeight: HARD_WEIGHT, l2: L2 });
  return {
    features: [],
    mean,
    scale,
    weights: w,
    bias: b,
    threshold: 0.5,
    certainRule: 0.95,
    strongRule: 0.75,
    veto: 0.3,
    unmetThreshold: 0.6,
  };
}
const decide = (r: Row, m: PairScorerModel, alternatives = true) =>
  r.learned
    ? (alternatives && r.alternative) ||
      learnedDecision(
        r.x,
        { score: r.x[0] as number, unmet: r.x[6] as number, concepts: r.x[3] as number },
        m,
      ).matched
    : r.rule;
function figures(rows: readonly Row[], m: PairScorerModel, alternatives = true) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let hard = 0;
  for (const r of rows) {
    const matched = decide(r, m, alternatives);
    if (matched && r.y === 1) tp++;
    else if (matched) {
      fp++;
      if (r.kind === "hard-negative") hard++;
    } else if (r.y === 1) fn++;
  }
  return { p: tp + fp === 0 ? 1 : tp / (tp + fp), r: tp / (tp + fn), hard };
}
const probability = (r: Row, m: PairScorerModel) => {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++)
    z += (m.weights[i] as number) * (((r.x[i] as number) - (m.mean[i] as number)) / (m.scale[i] as number));
  return 1 / (1 + Math.exp(-z));
};

const variants: Record<string, (p: Pair) => number[]> = {
  "baseline (22 features)": () => [],
  "+ cosine": (p) => [useFeatures(p)[0] as number],
  "+ cosine, clause": (p) => useFeatures(p).slice(0, 2),
  "+ cosine, z": (p) => [useFeatures(p)[0] as number, useFeatures(p)[2] as number],
  "+ cosine, clause, z": (p) => useFeatures(p),
};
const chosen = process.env.VARIANTS?.split(",");
process.stdout.write(
  "\n(b) pair scorer refitted with USE features (threshold: best fresh-dev recall at P ≥ .83)\n",
);
for (const [name, extra] of Object.entries(variants)) {
  if (chosen && !chosen.some((o) => name.includes(o))) continue;
  const trainRows = rowsOf(train, extra);
  const devRows = rowsOf(dev, extra);
  const freshRows = devRows.filter((r) => Number(r.group.slice(1)) >= 337);
  const m = fitModel(trainRows.filter((r) => r.learned));
  let best = { t: 0.5, r: -1, p: 0 };
  for (let t = 0.05; t <= 0.995; t += 0.005) {
    const f = figures(freshRows, { ...m, threshold: t }, false);
    if (f.p >= 0.83 && f.r > best.r) best = { t, r: f.r, p: f.p };
  }
  m.threshold = Math.round(best.t * 1000) / 1000;
  const learnedFresh = freshRows.filter((r) => r.learned);
  const a = auc(
    learnedFresh.map((r) => probability(r, m)),
    learnedFresh.map((r) => r.y),
  );
  const ff = figures(freshRows, m);
  const fd = figures(devRows, m);
  const r83 = recallAt(
    learnedFresh.map((r) => probability(r, m)),
    learnedFresh.map((r) => r.y),
    0.83,
  );
  process.stdout.write(
    `  ${name.padEnd(24)} fresh AUC ${a.toFixed(3)} R@.83(learned) ${r83.recall.toFixed(3)} · t ${m.threshold} fresh P/R ${ff.p.toFixed(3)}/${ff.r.toFixed(3)} hard ${ff.hard} · dev P/R ${fd.p.toFixed(3)}/${fd.r.toFixed(3)} hard ${fd.hard}\n`,
  );
  if (process.env.CURVE)
    for (let t = 0.2; t <= 0.9; t += 0.05) {
      const f1 = figures(freshRows, { ...m, threshold: t });
      const f2 = figures(devRows, { ...m, threshold: t });
      process.stdout.write(
        `      t ${t.toFixed(2)} fresh ${f1.p.toFixed(3)}/${f1.r.toFixed(3)} dev ${f2.p.toFixed(3)}/${f2.r.toFixed(3)}\n`,
      );
    }
  if (process.env.WEIGHTS)
    process.stdout.write(`      weights ${m.weights.map((w) => w.toFixed(2)).join(" ")}\n`);
}
