/**
 * Leave-one-writer-out: how the risk lens transfers to a writer it was not trained on (the
 * frozen test split is another writer's). For each training writer W of `answers/train-W.jsonl`
 * with a validation split (a, b, d), trains on a copy of the corpus without W's file (thresholds
 * on the other writers' validation answers) and scores every answer of W. Never reads the test
 * files. Arguments after `--` go to `scripts/train.ts`.
 *
 *   npx tsx scripts/lens-transfer.ts                        # writers a, b, d
 *   npx tsx scripts/lens-transfer.ts --writers a -- --seed 7
 *   npx tsx scripts/lens-transfer.ts --gold DIR   # score against the labels of another copy of the corpus
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { callsForStory } from "../src/core/analysis/classify.ts";
import { classify } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import type { LensModel } from "../src/core/analysis/lens/model.ts";
import { judgeAnswer, readAnswer } from "../src/core/analysis/lens/read.ts";
import { spearman } from "../src/core/analysis/spearman.ts";
import { budgetFor, DEFAULT_WPM } from "../src/core/analysis/timing.ts";
import { answerText, readAnswers } from "./lens-corpus.ts";
import { scriptArgs } from "./script-args.ts";

const argv = process.argv.slice(2);
const dashes = argv.indexOf("--");
const own = dashes >= 0 ? argv.slice(0, dashes) : argv;
const trainArgs = dashes >= 0 ? argv.slice(dashes + 1) : [];
const { option } = scriptArgs(own);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = join(root, "eval", "corpus");
const writers = (option("--writers") ?? "a,b,d").split(",");
/** Where the held-out writer's gold labels come from (default: the corpus trained on). */
const goldDir = resolve(option("--gold") ?? corpusDir);
const work = join(tmpdir(), `lens-transfer-${process.pid}`);

function macroF1(pairs: ReadonlyArray<readonly [number, number]>, t: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const [p, y] of pairs) {
    if (p >= t && y === 1) tp += 1;
    else if (p >= t) fp += 1;
    else if (y === 1) fn += 1;
    else tn += 1;
  }
  const f = (a: number, b: number, c: number): number =>
    a + b + c === 0 ? 1 : (2 * a) / Math.max(1, 2 * a + b + c);
  return (f(tp, fp, fn) + f(tn, fn, fp)) / 2;
}

/** Area under the ROC curve (ties count half). */
function auc(pairs: ReadonlyArray<readonly [number, number]>): number {
  const pos = pairs.filter(([, y]) => y === 1).map(([p]) => p);
  const neg = pairs.filter(([, y]) => y === 0).map(([p]) => p);
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

const results: Record<string, { f1: number[]; auc: number[]; best: number[] }> = {};
const overallRho: number[] = [];
for (const w of writers) {
  const dir = join(work, w);
  mkdirSync(join(dir, "answers"), { recursive: true });
  for (const entry of readdirSync(corpusDir)) {
    if (entry !== "answers") symlinkSync(join(corpusDir, entry), join(dir, entry));
  }
  for (const f of readdirSync(join(corpusDir, "answers"))) {
    if (f.startsWith("train-") && f !== `train-${w}.jsonl`)
      symlinkSync(join(corpusDir, "answers", f), join(dir, "answers", f));
  }
  const out = join(work, `model-${w}.json`);
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules", "tsx", "dist", "cli.mjs"),
      join(root, "scripts", "train.ts"),
      "--corpus",
      dir,
      "--out",
      out,
      ...trainArgs,
    ],
    {
      stdio: ["ignore", "ignore", "ignore"],
    },
  );
  const model = JSON.parse(readFileSync(out, "utf8")) as LensModel;
  const held = readAnswers(goldDir, "train").filter((r) => r.id.startsWith(`t${w}-`));
  const pairs: Record<string, Array<[number, number]>> = {};
  const scores: Array<[number, number]> = [];
  for (const row of held) {
    const { text } = answerText(row.s);
    const competency = classify(row.question).competency;
    const read = readAnswer(text, { story: callsForStory(competency) }, model);
    const j = judgeAnswer(read, model, competency, row.question, budgetFor(competency, {}), DEFAULT_WPM);
    if (typeof row.labels.overall === "number") scores.push([j.score, row.labels.overall]);
    for (const tag of SENTENCE_TAGS) {
      const list = pairs[tag] ?? [];
      pairs[tag] = list;
      list.push([j.labelProbs[tag], row.labels[tag] === true ? 1 : 0]);
    }
  }
  const line: string[] = [];
  for (const tag of SENTENCE_TAGS) {
    const r = results[tag] ?? { f1: [], auc: [], best: [] };
    results[tag] = r;
    const list = pairs[tag] ?? [];
    const f1 = macroF1(list, model.thresholds[tag] ?? 0.5);
    let best = 0;
    let bestAt = 0.5;
    for (let k = 2; k <= 16; k += 1) {
      const f = macroF1(list, k / 20);
      if (f > best) [best, bestAt] = [f, k / 20];
    }
    r.f1.push(f1);
    r.auc.push(auc(list));
    r.best.push(best);
    line.push(`${tag} ${f1.toFixed(2)}@${model.thresholds[tag]} (best ${best.toFixed(2)}@${bestAt})`);
  }
  const rho = spearman(
    scores.map(([p]) => p),
    scores.map(([, y]) => y),
  );
  overallRho.push(rho);
  process.stderr.write(
    `writer ${w} (${held.length} answers): ${line.join(", ")}, overall Spearman ${rho.toFixed(3)}\n`,
  );
}
rmSync(work, { recursive: true, force: true });
const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
process.stdout.write(`leave-one-writer-out (${writers.join(", ")}), mean over writers\n`);
process.stdout.write("label        macro-F1  best-F1    AUC\n");
for (const tag of SENTENCE_TAGS) {
  const r = results[tag];
  if (r === undefined) continue;
  process.stdout.write(
    `${tag.padEnd(12)} ${mean(r.f1).toFixed(3).padStart(8)} ${mean(r.best).toFixed(3).padStart(8)} ${mean(r.auc).toFixed(3).padStart(6)}\n`,
  );
}
process.stdout.write(`overall Spearman ${mean(overallRho).toFixed(3)}\n`);
