/**
 * Leave one blind writer out: would training on the blind writers (eval/corpus/heldout/
 * writer-{l,m,n,o}.jsonl) read a writer nobody tuned on better than the committed model?
 *
 *   npx tsx scripts/lens-lowo.ts --name B                        # blind writers in tagger + heads
 *   npx tsx scripts/lens-lowo.ts --name C --train "--extra-weight 0.5"
 *   npx tsx scripts/lens-lowo.ts --name D --corpus /tmp/relabelled/eval/corpus
 *   npx tsx scripts/lens-lowo.ts --name B --work /tmp/lensw --json FILE
 *   npx tsx scripts/lens-lowo.ts --name B --writers l,m        # hold out only some writers
 *   npx tsx scripts/lens-lowo.ts --name B --no-train           # only models already under --work
 *   npx tsx scripts/lens-lowo.ts --name P --also eval/corpus/heldout/writer-p.jsonl  # a new writer in training
 *   npx tsx scripts/lens-lowo.ts --name E --train "--extra-weight 0.5 --extra-no-topic" --band task=0.02
 *
 * For each blind writer W it trains (`npm run train -- --corpus DIR --extra <the other three>
 * <--train options>`) and scores W with scripts/lens-heldout.ts; the baseline on W is the
 * committed recipe trained the same way without W (models `base-W`; the committed model itself
 * has read all four writers since part 4, so it is compared only on validation and dev). Since
 * part 4 the train defaults are `--extra-weight 0.5` and the blind writers kept out of the topic:
 * a candidate names only what it changes (e.g. `--train "--extra-weight 1 --extra-topic"` is
 * part 2's B). It then trains on all four (the candidate itself) and scores it on the
 * validation split of the committed corpus (and of `--corpus` when that is another copy) and,
 * with `npm run eval -- --splits validation,dev --model`, on validation and the external dev set
 * with the behaviour tests. It prints the per-writer figures (committed → candidate), the mean
 * change, the pooled figures over the 510 answers, and the pre-declared rule of
 * docs/lab/risk-lens-lab.md ("Blind writers in training, part 3": validation may lose at most each label's
 * seed-noise band, `--band`, default 0.02). Models and scores are kept under
 * `--work` (default /tmp/lens-lowo) and reused when present. It never reads the test split.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { spearman } from "../src/core/analysis/spearman.ts";
import { scriptArgs } from "./script-args.ts";

const { option, flag } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const committedCorpus = join(root, "eval", "corpus");
const name = option("--name") ?? "candidate";
const corpus = resolve(option("--corpus") ?? committedCorpus);
const trainOptions = (option("--train") ?? "").split(/\s+/).filter((a) => a !== "");
// `--also F1,F2`: answer files the candidate always trains on beside the blind writers it keeps
// (e.g. a new writer's file); the baseline `base-W` models never read them.
const also = (option("--also") ?? "")
  .split(",")
  .filter((f) => f !== "")
  .map((f) => resolve(f));
const work = resolve(option("--work") ?? "/tmp/lens-lowo");
const BLIND = ["l", "m", "n", "o"] as const;
// `--band task=0.03,…`: how far below the committed model each weak label may fall on validation
// (the seed-noise band measured by retraining the committed model with other seeds; floor 0.02).
const band = new Map<string, number>(
  (option("--band") ?? "")
    .split(",")
    .filter((b) => b.includes("="))
    .map((b) => {
      const [label = "", value = "0"] = b.split("=");
      return [label, Math.max(0.02, Number(value))] as const;
    }),
);
const bandOf = (label: string): number => band.get(label) ?? 0.02;
// `--writers l,m`: hold out only these (the rule below needs all four).
const WRITERS = (option("--writers") ?? BLIND.join(",")).split(",").filter((w) => BLIND.includes(w as never));
const blindFile = (w: string): string => join(committedCorpus, "heldout", `writer-${w}.jsonl`);
for (const d of ["models", "scores", "logs"]) mkdirSync(join(work, d), { recursive: true });

const run = (what: string, command: string[], log: string): void => {
  process.stderr.write(`lens-lowo: ${what}\n`);
  const r = spawnSync("npx", ["tsx", ...command], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  writeFileSync(log, `${r.stdout ?? ""}${r.stderr ?? ""}`);
  if (r.status !== 0) {
    process.stderr.write(`lens-lowo: ${what} failed (exit ${r.status}); see ${log}\n`);
    process.exit(1);
  }
};

/**
 * Trains a model on the corpus plus the given blind writers (cached by path): the candidate's
 * recipe, or with `base` the committed recipe on the committed corpus (the baseline a held-out
 * writer is compared against, since the committed model itself is trained on all four).
 */
function trained(tag: string, writers: readonly string[], base = false): string {
  const out = join(work, "models", `${base ? "base" : name}-${tag}.json`);
  if (!existsSync(out) && flag("--no-train")) {
    process.stderr.write(`lens-lowo: no model ${out} (--no-train)\n`);
    process.exit(1);
  }
  if (!existsSync(out))
    run(
      `training ${name}-${tag}`,
      [
        "scripts/train.ts",
        "--corpus",
        base ? committedCorpus : corpus,
        "--extra",
        [...writers.map(blindFile), ...(base ? [] : also)].join(","),
        ...(base ? [] : trainOptions),
        "--out",
        out,
      ],
      join(work, "logs", `${name}-${tag}.log`),
    );
  return out;
}

interface Prediction {
  id: string;
  overall: number;
  [label: string]: unknown;
}
interface HeldoutReport {
  labels: Record<string, { macroF1: number }>;
  overall: { spearman: number };
  predictions: Prediction[];
}
/** lens-heldout's report of a model (undefined: the committed one) on a file (cached). */
function scored(
  model: string | undefined,
  tag: string,
  file: string,
  validationOf?: string,
): Record<string, HeldoutReport> {
  const out = join(work, "scores", `${tag}.json`);
  if (!existsSync(out))
    run(
      `scoring ${tag}`,
      [
        "scripts/lens-heldout.ts",
        ...(model === undefined ? [] : ["--model", model]),
        "--file",
        file,
        ...(validationOf === undefined ? [] : ["--validation", "--corpus", validationOf]),
        "--json",
        out,
      ],
      join(work, "logs", `score-${tag}.log`),
    );
  return (JSON.parse(readFileSync(out, "utf8")) as { reports: Record<string, HeldoutReport> }).reports;
}

interface EvalReport {
  labels: Record<string, { macroF1: number }>;
  overall: { spearman: number };
  behaviour: Record<string, { rate: number }>;
}
function evaluated(model: string | undefined, tag: string): Record<string, EvalReport> {
  const out = join(work, "scores", `eval-${tag}.json`);
  if (!existsSync(out))
    run(
      `eval ${tag} (validation, dev)`,
      [
        "scripts/eval.ts",
        "--splits",
        "validation,dev",
        "--no-encoder",
        ...(model === undefined ? [] : ["--model", model]),
        "--out",
        out,
      ],
      join(work, "logs", `eval-${tag}.log`),
    );
  return (JSON.parse(readFileSync(out, "utf8")) as { reports: Record<string, EvalReport> }).reports;
}

// ---------------------------------------------------------------- leave one blind writer out
const LABELS = [...SENTENCE_TAGS];
const gold = new Map<string, Record<string, unknown>>();
for (const w of BLIND)
  for (const line of readFileSync(blindFile(w), "utf8").split("\n"))
    if (line.trim() !== "") {
      const row = JSON.parse(line) as { id: string; labels: Record<string, unknown> };
      gold.set(row.id, row.labels);
    }

const perWriter: Record<string, { main: HeldoutReport; cand: HeldoutReport }> = {};
for (const w of WRITERS) {
  const others = WRITERS.filter((x) => x !== w);
  // The committed recipe without writer w: the committed model has read w (docs/lab/risk-lens-lab.md,
  // "Blind writers in training, part 4"), so it is no baseline on w.
  const main = scored(trained(w, others, true), `base-${w}`, blindFile(w)).heldout as HeldoutReport;
  const model = trained(w, others);
  const cand = scored(model, `${name}-${w}`, blindFile(w)).heldout as HeldoutReport;
  perWriter[w] = { main, cand };
}

const f1 = (tp: number, fp: number, fn: number): number =>
  tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
function pooled(predictions: readonly Prediction[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const label of LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const p of predictions) {
      const g = gold.get(p.id)?.[label];
      if (typeof g !== "boolean") continue;
      const y = p[label] === true;
      if (g && y) tp += 1;
      else if (y) fp += 1;
      else if (g) fn += 1;
      else tn += 1;
    }
    out[label] = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
  }
  const scoredRows = predictions.filter((p) => typeof gold.get(p.id)?.overall === "number");
  out.spearman = spearman(
    scoredRows.map((p) => Number(gold.get(p.id)?.overall)),
    scoredRows.map((p) => p.overall),
  );
  return out;
}
const pooledMain = pooled(WRITERS.flatMap((w) => perWriter[w]?.main.predictions ?? []));
const pooledCand = pooled(WRITERS.flatMap((w) => perWriter[w]?.cand.predictions ?? []));

const ROWS = [
  "task",
  "ambiguity",
  "autonomy",
  "decisive",
  "systems",
  "blame",
  ...LABELS.filter((l) => !["task", "ambiguity", "autonomy", "decisive", "systems", "blame"].includes(l)),
  "spearman",
];
const figure = (r: HeldoutReport, row: string): number =>
  row === "spearman" ? r.overall.spearman : (r.labels[row]?.macroF1 ?? Number.NaN);
const meanDelta: Record<string, number> = {};
const f = (v: number): string => v.toFixed(3).replace(/^0\./, ".").replace(/^-0\./, "−.");
const signed = (v: number): string => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(3).replace(/^0\./, ".")}`;
const lines = [
  `## ${name}: leave one blind writer out (committed → ${name}; macro-F1)`,
  "",
  `| label | ${WRITERS.map((w) => w.toUpperCase()).join(" | ")} | mean Δ | pooled |`,
  `|---|${WRITERS.map(() => "---").join("|")}|---|---|`,
];
for (const row of ROWS) {
  const deltas = WRITERS.map((w) => {
    const p = perWriter[w] as { main: HeldoutReport; cand: HeldoutReport };
    return figure(p.cand, row) - figure(p.main, row);
  });
  meanDelta[row] = deltas.reduce((s, d) => s + d, 0) / deltas.length;
  lines.push(
    `| ${row} | ${WRITERS.map((w) => {
      const p = perWriter[w] as { main: HeldoutReport; cand: HeldoutReport };
      return `${f(figure(p.main, row))} → ${f(figure(p.cand, row))}`;
    }).join(
      " | ",
    )} | ${signed(meanDelta[row] ?? 0)} | ${f(pooledMain[row] ?? 0)} → ${f(pooledCand[row] ?? 0)} |`,
  );
}

// ---------------------------------------------------------------- the candidate itself
const full = trained("all", BLIND);
const valCommitted = scored(full, `${name}-all-validation`, blindFile("l"), committedCorpus)
  .validation as HeldoutReport;
const valOwn =
  corpus === committedCorpus
    ? undefined
    : (scored(full, `${name}-all-validation-own`, blindFile("l"), corpus).validation as HeldoutReport);
// The committed model on the candidate's own (e.g. relabelled) validation answers.
const mainOwn =
  corpus === committedCorpus
    ? undefined
    : (scored(undefined, `main-validation-${name}`, blindFile("l"), corpus).validation as HeldoutReport);
const mainEval = evaluated(undefined, "main");
const candEval = evaluated(full, name);
const mv = mainEval.validation as EvalReport;
const cv = candEval.validation as EvalReport;
const md = mainEval.dev as EvalReport;
const cd = candEval.dev as EvalReport;
lines.push(
  "",
  `## ${name} trained on all four: validation (224) and dev (24), committed → ${name}`,
  "",
  `| figure | validation (as committed) |${valOwn === undefined ? "" : " validation (candidate's corpus) |"} dev |`,
  `|---|---|${valOwn === undefined ? "" : "---|"}---|`,
);
for (const row of ROWS) {
  const v = (r: EvalReport | HeldoutReport): number =>
    row === "spearman" ? r.overall.spearman : (r.labels[row]?.macroF1 ?? Number.NaN);
  lines.push(
    `| ${row} | ${f(v(mv))} → ${f(v(cv))} |${valOwn === undefined || mainOwn === undefined ? "" : ` ${f(v(mainOwn))} → ${f(v(valOwn))} |`} ${f(v(md))} → ${f(v(cd))} |`,
  );
}
const kinds = Object.keys(mv.behaviour);
lines.push("", "| behaviour (validation) | committed → candidate |", "|---|---|");
for (const k of kinds)
  lines.push(
    `| ${k} | ${((mv.behaviour[k]?.rate ?? 0) * 100).toFixed(0)}% → ${((cv.behaviour[k]?.rate ?? 0) * 100).toFixed(0)}% |`,
  );
if (Math.abs((valCommitted.labels.task?.macroF1 ?? 0) - (cv.labels.task?.macroF1 ?? 0)) > 0.0015)
  lines.push("", "(lens-heldout and eval disagree on validation task: check the model override.)");

// ---------------------------------------------------------------- the pre-declared rule
const weak = ["task", "ambiguity", "autonomy"];
const meanF1 = (r: EvalReport): number =>
  LABELS.reduce((sum, l) => sum + (r.labels[l]?.macroF1 ?? 0), 0) / LABELS.length;
const checks: Array<[string, boolean]> = [
  ...weak.map((l): [string, boolean] => [`LOWO mean Δ ${l} ≥ 0`, (meanDelta[l] ?? -1) >= 0]),
  [
    "LOWO mean Δ task + ambiguity + autonomy ≥ +0.03",
    weak.reduce((s, l) => s + (meanDelta[l] ?? 0), 0) >= 0.03,
  ],
  ["dev Spearman ≥ 0.78", cd.overall.spearman >= 0.78],
  ...weak.map((l): [string, boolean] => [
    `validation (as committed) ${l} ≥ committed − ${bandOf(l).toFixed(3)} (seed-noise band)`,
    (cv.labels[l]?.macroF1 ?? 0) >= (mv.labels[l]?.macroF1 ?? 0) - bandOf(l) - 1e-9,
  ]),
  [
    `validation mean macro-F1 over the ${LABELS.length} labels ≥ committed − 0.01 (${f(meanF1(mv))} → ${f(meanF1(cv))})`,
    meanF1(cv) >= meanF1(mv) - 0.01 - 1e-9,
  ],
  ["every behaviour on validation ≥ 90%", kinds.every((k) => (cv.behaviour[k]?.rate ?? 0) >= 0.9)],
];
lines.push("", `## ${name}: the pre-declared rule`, "");
for (const [what, ok] of checks) lines.push(`- ${ok ? "pass" : "FAIL"}: ${what}`);
if (WRITERS.length < BLIND.length)
  checks.push([`LOWO over all four blind writers (only ${WRITERS.join(", ")} held out)`, false]);
const ready = checks.every(([, ok]) => ok);
lines.push("", `${name} is ${ready ? "READY for a test read" : "not ready"}.`);
process.stdout.write(`${lines.join("\n")}\n`);
const jsonFile = option("--json");
if (jsonFile !== undefined)
  writeFileSync(
    resolve(jsonFile),
    `${JSON.stringify({ name, corpus, trainOptions, meanDelta, pooledMain, pooledCand, checks, ready }, null, 2)}\n`,
  );
