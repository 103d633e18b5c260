/**
 * Fits the technical drill's learned coverage scorer (docs/drill.md): a logistic regression over
 * `COVERAGE_FEATURES`, on eval/coverage/train.json and the dev judgements of
 * eval/coverage/judgements.json; the threshold is the one with the highest dev F1. Test
 * judgements are never read. Deterministic: plain gradient descent from zero weights.
 *
 *   npx tsx scripts/coverage-fit.ts            # print the fit and the dev figures
 *   npx tsx scripts/coverage-fit.ts --write    # also write src/core/semantic/data/coverage-scorer.json
 *   npx tsx scripts/coverage-fit.ts --train-only   # fit on train.json alone (dev stays unseen by the fit)
 */
import { writeFileSync } from "node:fs";
import {
  COVERAGE_FEATURES,
  type CoverageJudgement,
  type CoverageScorer,
  coverageFeatures,
  LEARNED_RULE_FLOOR,
} from "../src/core/semantic/coverage.ts";
import { readCoverageJudgements, readCoverageTrain } from "../test/coverage-judgements.ts";

const ITERATIONS = 6000;
const STEP = 0.5;
const L2 = 0.001;

interface Row {
  x: number[];
  y: 0 | 1;
}

/** Features of each judgement, each answer read once for all its key points. */
export function rowsOf(judgements: readonly CoverageJudgement[]): Row[] {
  const byAnswer = new Map<string, number[][]>();
  return judgements.map((j) => {
    const keyPoints = j.keyPoints ?? [j.keyPoint];
    const key = `${j.answer}\u0000${keyPoints.join("\u0000")}`;
    let features = byAnswer.get(key);
    if (features === undefined) {
      features = coverageFeatures(j.answer, keyPoints);
      byAnswer.set(key, features);
    }
    return { x: features[keyPoints.indexOf(j.keyPoint)] as number[], y: j.covered ? 1 : 0 };
  });
}

const CAPPED = COVERAGE_FEATURES.indexOf("denied or unmet");
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const predict = (w: readonly number[], b: number, x: readonly number[]) =>
  sigmoid(x.reduce((z, v, i) => z + v * (w[i] as number), b));

/** Logistic regression by full-batch gradient descent with a small L2 penalty on the weights. */
export function fitLogistic(rows: readonly Row[]): { weights: number[]; bias: number } {
  const n = COVERAGE_FEATURES.length;
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

function figures(rows: readonly Row[], w: readonly number[], b: number, threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { x, y } of rows) {
    const got = x[CAPPED] === 0 && (x[0] as number) >= LEARNED_RULE_FLOOR && predict(w, b, x) >= threshold;
    if (got && y === 1) tp++;
    else if (got) fp++;
    else if (y === 1) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    tp,
    fp,
    fn,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const trainOnly = process.argv.includes("--train-only");
  const dev = rowsOf(readCoverageJudgements().filter((j) => j.split === "dev"));
  const train = rowsOf(readCoverageTrain());
  // A denied or unmet key point is never covered (a veto in keyPointCoverage): fit on the others.
  const open = (rows: Row[]) => rows.filter((r) => r.x[CAPPED] === 0);
  const { weights, bias } = fitLogistic(open(trainOnly ? train : [...train, ...dev]));
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.2; t <= 0.8 + 1e-9; t += 0.01) {
    const f = figures(dev, weights, bias, t);
    if (f.f1 > best.f1 + 1e-9) best = { threshold: Math.round(t * 100) / 100, f1: f.f1 };
  }
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  const scorer: CoverageScorer = {
    features: COVERAGE_FEATURES,
    weights: weights.map(r4),
    bias: r4(bias),
    threshold: best.threshold,
  };
  COVERAGE_FEATURES.forEach((f, i) => {
    console.log(`${f.padEnd(32)}${(scorer.weights[i] as number).toFixed(3)}`);
  });
  console.log(`${"bias".padEnd(32)}${scorer.bias.toFixed(3)}`);
  console.log(
    `fitted on ${trainOnly ? "train" : "train + dev"} (${open(trainOnly ? train : [...train, ...dev]).length} judgements not denied); threshold ${scorer.threshold} (best dev F1)`,
  );
  const show = (name: string, rows: Row[]) => {
    const f = figures(rows, scorer.weights, scorer.bias, scorer.threshold);
    console.log(
      `${name}: P ${f.precision.toFixed(3)} R ${f.recall.toFixed(3)} F1 ${f.f1.toFixed(3)} TP/FP/FN ${f.tp}/${f.fp}/${f.fn}`,
    );
  };
  show("train", train);
  show("dev", dev);
  if (process.argv.includes("--write"))
    writeFileSync(
      new URL("../src/core/semantic/data/coverage-scorer.json", import.meta.url),
      `${JSON.stringify(scorer, null, 1)}\n`,
    );
}
