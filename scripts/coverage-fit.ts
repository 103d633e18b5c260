/**
 * Fits the technical drill's learned coverage scorers (docs/drill.md): logistic regressions on
 * eval/coverage/train.json and the dev judgements of eval/coverage/judgements.json, the
 * threshold the one with the highest dev F1. Test judgements are never read. Deterministic:
 * plain gradient descent from zero weights.
 *
 * Two weight sets live in src/core/semantic/data/coverage-scorer.json: `sentences`, over
 * `COVERAGE_SENTENCE_FEATURES` (read when the app layer passes sentence embeddings; the
 * Universal Sentence Encoder runs here, about a minute and a half), and `plain`, over
 * `COVERAGE_FEATURES` (everything else). `--write` rewrites the `sentences` set only: the
 * committed `plain` set is round 6's fit (a refit on today's train set leaned on answer length,
 * see docs/drill.md), and `--plain` refits and writes it too.
 *
 *   npx tsx scripts/coverage-fit.ts                # print both fits and their dev figures
 *   npx tsx scripts/coverage-fit.ts --write        # also write the sentence scorer
 *   npx tsx scripts/coverage-fit.ts --write --plain   # … and refit the plain one
 *   npx tsx scripts/coverage-fit.ts --train-only   # fit on train.json alone (dev stays unseen by the fit)
 *   npx tsx scripts/coverage-fit.ts --cv           # also 5-fold cross-validation over train + dev, by answer
 */
import { readFileSync, writeFileSync } from "node:fs";
import { sharedSentenceEncoder } from "../src/app/encoder.ts";
import {
  COVERAGE_FEATURES,
  COVERAGE_SCORER,
  COVERAGE_SENTENCE_FEATURES,
  type CoverageJudgement,
  type CoverageScorer,
  coverageFeatures,
  coverageTexts,
  passesRuleFloor,
} from "../src/core/semantic/coverage.ts";
import type { SentenceEmbeddings } from "../src/core/semantic/sentence-embeddings.ts";
import { readCoverageJudgements, readCoverageTrain } from "../test/coverage-judgements.ts";

const ITERATIONS = 6000;
const STEP = 0.5;
const L2 = 0.001;
const FOLDS = 5;

interface Row {
  x: number[];
  y: 0 | 1;
  /** The answer's id: cross-validation keeps an answer's judgements in one fold. */
  answer: string;
}

/** Features of each judgement, each answer read once for all its key points. */
export function rowsOf(judgements: readonly CoverageJudgement[], embeddings?: SentenceEmbeddings): Row[] {
  const byAnswer = new Map<string, number[][]>();
  return judgements.map((j) => {
    const keyPoints = j.keyPoints ?? [j.keyPoint];
    const key = `${j.answer}\u0000${keyPoints.join("\u0000")}`;
    let features = byAnswer.get(key);
    if (features === undefined) {
      features = coverageFeatures(j.answer, keyPoints, embeddings);
      byAnswer.set(key, features);
    }
    return {
      x: features[keyPoints.indexOf(j.keyPoint)] as number[],
      y: j.covered ? 1 : 0,
      answer: j.id.replace(/#\d+$/, ""),
    };
  });
}

const CAPPED = COVERAGE_FEATURES.indexOf("denied or unmet");
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const predict = (w: readonly number[], b: number, x: readonly number[]) =>
  sigmoid(x.reduce((z, v, i) => z + v * (w[i] as number), b));

/** Logistic regression by full-batch gradient descent with a small L2 penalty on the weights. */
export function fitLogistic(rows: readonly Row[]): { weights: number[]; bias: number } {
  const n = rows[0]?.x.length ?? 0;
  const w = new Array<number>(n).fill(0);
  let b = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    for (const { x, y } of rows) {
      const err = predict(w, b, x) - y;
      for (let i = 0; i < n; i++) gw[i] = (gw[i] as number) + err * (x[i] as number);
      gb += err;
    }
    for (let i = 0; i < n; i++)
      w[i] = (w[i] as number) - STEP * ((gw[i] as number) / rows.length + L2 * (w[i] as number));
    b -= STEP * (gb / rows.length);
  }
  return { weights: w, bias: b };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function counts(rows: readonly Row[], w: readonly number[], b: number, threshold: number): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const { x, y } of rows) {
    const got = x[CAPPED] === 0 && passesRuleFloor(x) && predict(w, b, x) >= threshold;
    if (got && y === 1) c.tp++;
    else if (got) c.fp++;
    else if (y === 1) c.fn++;
  }
  return c;
}

function figures({ tp, fp, fn }: Counts) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return `P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)} TP/FP/FN ${tp}/${fp}/${fn}`;
}

const f1Of = (c: Counts) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);

/**
 * The threshold (0.20–0.80, step 0.01) with the highest F1 on `rows`; or, given `minPrecision`,
 * the one with the highest recall among those whose precision is at least that (ties: F1).
 */
function bestThreshold(rows: readonly Row[], w: readonly number[], b: number, minPrecision?: number): number {
  let best = { threshold: 0.5, key: [-1, -1] };
  for (let t = 0.2; t <= 0.8 + 1e-9; t += 0.01) {
    const c = counts(rows, w, b, t);
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    if (minPrecision !== undefined && precision < minPrecision - 1e-9) continue;
    const key = minPrecision === undefined ? [f1Of(c), 0] : [c.tp / (c.tp + c.fn || 1), f1Of(c)];
    const [k0, k1] = key as [number, number];
    const [b0, b1] = best.key as [number, number];
    if (k0 > b0 + 1e-9 || (Math.abs(k0 - b0) <= 1e-9 && k1 > b1 + 1e-9))
      best = { threshold: Math.round(t * 100) / 100, key };
  }
  return best.threshold;
}

/** Precision of the committed plain scorer on `rows` (plain features). */
function plainPrecision(rows: readonly Row[]): number {
  if (!COVERAGE_SCORER) return 0;
  const c = counts(rows, COVERAGE_SCORER.weights, COVERAGE_SCORER.bias, COVERAGE_SCORER.threshold);
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

// A denied or unmet key point is never covered (a veto in keyPointCoverage): fit on the others.
const open = (rows: readonly Row[]) => rows.filter((r) => r.x[CAPPED] === 0);

/** FNV-1a of the answer id: the fold. */
function foldOf(answer: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < answer.length; i++) h = Math.imul(h ^ answer.charCodeAt(i), 0x01000193) >>> 0;
  return h % FOLDS;
}

/** Fit and threshold on four folds, counted on the fifth, summed over the five. */
function crossValidate(rows: readonly Row[], plain?: readonly Row[]): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (let k = 0; k < FOLDS; k++) {
    const fitOn = rows.filter((r) => foldOf(r.answer) !== k);
    const plainFitOn = plain?.filter((r) => foldOf(r.answer) !== k);
    const { weights, bias } = fitLogistic(open(fitOn));
    const c = counts(
      rows.filter((r) => foldOf(r.answer) === k),
      weights,
      bias,
      bestThreshold(fitOn, weights, bias, plainFitOn && plainPrecision(plainFitOn)),
    );
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}

function fitScorer(
  name: string,
  features: readonly string[],
  train: Row[],
  dev: Row[],
  trainOnly: boolean,
  minPrecision?: number,
): CoverageScorer {
  const fitOn = open(trainOnly ? train : [...train, ...dev]);
  const { weights, bias } = fitLogistic(fitOn);
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  const scorer: CoverageScorer = {
    features,
    weights: weights.map(r4),
    bias: r4(bias),
    threshold: bestThreshold(dev, weights.map(r4), r4(bias), minPrecision),
  };
  console.log(`\n${name}`);
  features.forEach((f, i) => {
    console.log(`  ${f.padEnd(66)}${(scorer.weights[i] as number).toFixed(3)}`);
  });
  console.log(`  ${"bias".padEnd(66)}${scorer.bias.toFixed(3)}`);
  console.log(
    `  fitted on ${trainOnly ? "train" : "train + dev"} (${fitOn.length} judgements not denied); threshold ${scorer.threshold} (${minPrecision === undefined ? "best dev F1" : `highest dev recall at dev precision ≥ ${minPrecision.toFixed(3)}, the committed plain scorer's`})`,
  );
  return scorer;
}

function show(name: string, scorer: CoverageScorer, rows: Row[]) {
  console.log(`  ${name}: ${figures(counts(rows, scorer.weights, scorer.bias, scorer.threshold))}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const trainOnly = process.argv.includes("--train-only");
  const devJudgements = readCoverageJudgements().filter((j) => j.split === "dev");
  const trainJudgements = readCoverageTrain();
  const encoder = sharedSentenceEncoder();
  await encoder.prepare(
    [...trainJudgements, ...devJudgements].flatMap((j) =>
      coverageTexts(j.answer, j.keyPoints ?? [j.keyPoint]),
    ),
  );
  const sets = [
    { key: "plain", features: COVERAGE_FEATURES, embeddings: undefined },
    {
      key: "sentences",
      features: COVERAGE_SENTENCE_FEATURES,
      embeddings: encoder,
    },
  ] as const;
  const path = new URL("../src/core/semantic/data/coverage-scorer.json", import.meta.url);
  const stored = JSON.parse(readFileSync(path, "utf8")) as Record<string, CoverageScorer>;
  // The sentence scorer spends what it gains on recall: its threshold keeps the plain scorer's dev precision.
  let plain: { train: Row[]; dev: Row[] } | undefined;
  for (const set of sets) {
    const train = rowsOf(trainJudgements, set.embeddings);
    const dev = rowsOf(devJudgements, set.embeddings);
    if (set.key === "plain") plain = { train, dev };
    const minPrecision = set.key === "sentences" && plain ? plainPrecision(plain.dev) : undefined;
    const scorer = fitScorer(set.key, set.features, train, dev, trainOnly, minPrecision);
    show("train", scorer, train);
    show("dev", scorer, dev);
    if (set.key === "plain" && COVERAGE_SCORER) show("dev, committed plain fit", COVERAGE_SCORER, dev);
    if (process.argv.includes("--cv"))
      console.log(
        `  5-fold cross-validation, train + dev: ${figures(crossValidate([...train, ...dev], set.key === "sentences" && plain ? [...plain.train, ...plain.dev] : undefined))}`,
      );
    if (set.key === "sentences" || process.argv.includes("--plain")) stored[set.key] = scorer;
  }
  if (process.argv.includes("--write")) writeFileSync(path, `${JSON.stringify(stored, null, 1)}\n`);
}
