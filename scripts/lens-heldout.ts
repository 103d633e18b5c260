/**
 * Scores a risk-lens model on a held-out writer's file (eval/corpus/heldout/): the same rows as
 * `npm run eval` (macro-F1 per label, ownership, Spearman / exact / ±1, competency top-1),
 * for any model JSON, so that candidate models can be compared without reading the test split.
 *
 *   npx tsx scripts/lens-heldout.ts                                  # committed model, writer L
 *   npx tsx scripts/lens-heldout.ts --model FILE                     # a model from `npm run train -- --out FILE`
 *   npx tsx scripts/lens-heldout.ts --file PATH                      # another held-out file
 *   npx tsx scripts/lens-heldout.ts --file A,B,C,D --register bullets  # pooled, plus its notes answers alone
 *   npx tsx scripts/lens-heldout.ts --digits 3                       # the labels to three decimals
 *   npx tsx scripts/lens-heldout.ts --validation --corpus DIR        # also the validation split of DIR
 *   npx tsx scripts/lens-heldout.ts --json FILE                      # the report as JSON too
 *
 * The committed model has read the four blind writers (writer-l…o) in training since part 4 of
 * "Blind writers in training" (docs/lab/risk-lens-lab.md): on them its figures are training figures, and a
 * candidate is compared on a writer with scripts/lens-lowo.ts, which trains both without it.
 *
 * Refuses any row of the `test` split: the frozen test files are only scored by `npm run eval`.
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze, classify, type Labels } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { spearman } from "../src/core/analysis/spearman.ts";
import { answerText, NOT_AN_ANSWER, readAnswers, readQuestions } from "./lens-corpus.ts";
import { scriptArgs } from "./script-args.ts";
import { swapLensModel } from "./swap-lens-model.ts";

const { option, flag } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = resolve(option("--corpus") ?? join(root, "eval", "corpus"));
const heldoutFile = option("--file") ?? join(root, "eval", "corpus", "heldout", "writer-l.jsonl");
const modelFile = option("--model");

interface Row {
  id: string;
  split: string;
  question: string;
  competency: string;
  register?: string;
  text: string;
  labels: Record<string, unknown>;
}

// The analyzer reads the model through LENS_MODEL; a candidate replaces its fields before the
// first analysis (the sparse scorers are built per weights object, so none of the committed
// model's survive). One model per process.
if (modelFile !== undefined) {
  swapLensModel(modelFile);
}

function readRows(file: string): Row[] {
  if (!existsSync(file)) {
    process.stderr.write(`lens-heldout: no file ${file}\n`);
    process.exit(2);
  }
  const rows = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Row & { s: Array<[string, string]> });
  if (rows.some((r) => r.split === "test")) {
    process.stderr.write(
      `lens-heldout: ${file} holds test-split rows; the test split is scored by npm run eval only.\n`,
    );
    process.exit(2);
  }
  return rows.map((r) => ({ ...r, text: answerText(r.s).text }));
}

function predict(text: string, question: string): Labels & { offTopic: boolean } {
  try {
    const a = analyze(text, { question });
    return { ...a.labels, offTopic: a.questionFit?.offTopic ?? false };
  } catch {
    return { ...NOT_AN_ANSWER, offTopic: false };
  }
}

const f1 = (tp: number, fp: number, fn: number): number =>
  tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
const round = (v: number): number => Math.round(v * 1000) / 1000;

interface Report {
  answers: number;
  labels: Record<string, { macroF1: number; support: number }>;
  ownership: number;
  overall: { spearman: number; exact: number; within1: number };
  competency: { top1: number; questions: number };
  /** Each answer's predicted labels (for paired comparisons between models). */
  predictions: Array<{ id: string } & Labels & { offTopic: boolean }>;
}

/** The figures of scripts/eval.ts's per-split report, without its behaviour tests. */
function evaluate(
  rows: readonly Row[],
  questions: ReadonlyArray<{ question: string; competency: string }>,
): Report {
  const counts = new Map<string, { tp: number; fp: number; fn: number; tn: number }>();
  const count = (label: string, g: boolean, p: boolean): void => {
    const c = counts.get(label) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    counts.set(label, c);
    if (g && p) c.tp += 1;
    else if (p) c.fp += 1;
    else if (g) c.fn += 1;
    else c.tn += 1;
  };
  let own = 0;
  let ownTotal = 0;
  const gold: number[] = [];
  const got: number[] = [];
  const predictions: Report["predictions"] = [];
  for (const row of rows) {
    const p = predict(row.text, row.question);
    predictions.push({ id: row.id, ...p });
    for (const label of SENTENCE_TAGS) {
      const g = row.labels[label];
      if (typeof g === "boolean") count(label, g, p[label]);
    }
    if (typeof row.labels.offTopic === "boolean") count("offTopic", row.labels.offTopic, p.offTopic);
    if (typeof row.labels.ownership === "string") {
      ownTotal += 1;
      if (row.labels.ownership === p.ownership) own += 1;
    }
    if (typeof row.labels.overall === "number") {
      gold.push(row.labels.overall);
      got.push(p.overall);
    }
  }
  const macro = (label: string): { macroF1: number; support: number } => {
    const c = counts.get(label) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    return { macroF1: round((f1(c.tp, c.fp, c.fn) + f1(c.tn, c.fn, c.fp)) / 2), support: c.tp + c.fn };
  };
  const asked = [...questions, ...rows.map((r) => ({ question: r.question, competency: r.competency }))];
  const hits = asked.filter((q) => classify(q.question).competency === q.competency).length;
  return {
    answers: rows.length,
    labels: Object.fromEntries([...SENTENCE_TAGS, "offTopic"].map((l) => [l, macro(l)])),
    ownership: round(own / Math.max(1, ownTotal)),
    overall: {
      spearman: round(spearman(gold, got)),
      exact: round(gold.filter((g, i) => g === got[i]).length / Math.max(1, gold.length)),
      within1: round(
        gold.filter((g, i) => Math.abs(g - (got[i] ?? 0)) <= 1).length / Math.max(1, gold.length),
      ),
    },
    competency: { top1: round(hits / Math.max(1, asked.length)), questions: asked.length },
    predictions,
  };
}

// `--file A,B`: the files pooled into one set; `--register R`: also the pooled answers written in
// register R alone (e.g. `bullets`), as a column of their own.
const heldoutRows = heldoutFile
  .split(",")
  .filter((f) => f !== "")
  .flatMap((f) => readRows(resolve(f)));
const reports: Record<string, Report> = {
  heldout: evaluate(heldoutRows, []),
};
const register = option("--register");
if (register !== undefined)
  reports[register] = evaluate(
    heldoutRows.filter((r) => r.register === register),
    [],
  );
if (flag("--validation")) {
  // As in scripts/eval.ts: the validation answers of the training writers' files and the
  // validation questions (never the test files).
  const rows = readAnswers(corpusDir, "train")
    .filter((r) => r.split === "validation")
    .map((r) => ({ ...r, text: answerText(r.s).text }));
  const questions = readQuestions(corpusDir).filter((q) => q.split === "validation");
  reports.validation = evaluate(rows, questions);
}

const names = Object.keys(reports);
// `--digits 3`: the labels' macro-F1 to three decimals (default two).
const DIGITS = Number(option("--digits") ?? 2);
const cell = (v: number | undefined, pct = false, digits = 2): string =>
  (v === undefined ? "—" : pct ? `${(v * 100).toFixed(0)}%` : v.toFixed(digits)).padStart(14);
const meanOf = (r: Report | undefined): number | undefined =>
  r === undefined
    ? undefined
    : SENTENCE_TAGS.reduce((sum, l) => sum + (r.labels[l]?.macroF1 ?? 0), 0) / SENTENCE_TAGS.length;
const lines = [
  `model: ${modelFile === undefined ? "committed (src/core/analysis/data/lens-model.json)" : resolve(modelFile)}`,
  `${"".padEnd(34)}${names.map((n) => `${n} (${reports[n]?.answers})`.padStart(14)).join("")}`,
  ...[...SENTENCE_TAGS, "offTopic"].map(
    (l) =>
      `${`${l} macro-F1`.padEnd(34)}${names.map((n) => cell(reports[n]?.labels[l]?.macroF1, false, DIGITS)).join("")}`,
  ),
  `${`mean macro-F1 (${SENTENCE_TAGS.length} labels)`.padEnd(34)}${names.map((n) => cell(meanOf(reports[n]), false, 3)).join("")}`,
  `${"ownership accuracy".padEnd(34)}${names.map((n) => cell(reports[n]?.ownership, true)).join("")}`,
  `${"overall Spearman".padEnd(34)}${names.map((n) => cell(reports[n]?.overall.spearman)).join("")}`,
  `${"overall exact".padEnd(34)}${names.map((n) => cell(reports[n]?.overall.exact, true)).join("")}`,
  `${"overall within ±1".padEnd(34)}${names.map((n) => cell(reports[n]?.overall.within1, true)).join("")}`,
  `${"question competency top-1".padEnd(34)}${names.map((n) => cell(reports[n]?.competency.top1, true)).join("")}`,
];
process.stdout.write(`${lines.join("\n")}\n`);
const jsonFile = option("--json");
if (jsonFile !== undefined)
  writeFileSync(resolve(jsonFile), `${JSON.stringify({ model: modelFile ?? null, reports }, null, 2)}\n`);
