/**
 * Measures the analyzer against a labelled set of public interview answers.
 *
 *   npm run eval                       # ../shared/eval/dev/ next to the repository
 *   npm run eval -- --data DIR         # any folder with answers.jsonl and questions.jsonl
 *   npm run eval -- --out FILE         # JSON report (default .artifacts/eval.json)
 *   npm run eval -- --verbose          # every disagreement, answer by answer
 *
 * The data is read at run time and never copied into the repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze, classify, type Labels } from "../src/core/analysis/index.ts";

const BOOLEAN_LABELS = [
  "situation",
  "task",
  "action",
  "result",
  "lesson",
  "quantified",
  "blame",
  "ambiguity",
  "decisive",
  "autonomy",
  "systems",
] as const;
type BooleanLabel = (typeof BOOLEAN_LABELS)[number];

interface AnswerRow {
  id: string;
  question?: string;
  answer: string;
  competency?: string;
  labels: Partial<Labels>;
}
interface QuestionRow {
  id: string;
  question: string;
  competency: string;
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

function f1(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1: f };
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) out[order[k]?.[1] ?? 0] = rank;
    i = j + 1;
  }
  return out;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i += 1) {
    const x = (a[i] ?? 0) - ma;
    const y = (b[i] ?? 0) - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

const args = process.argv.slice(2);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = resolve(option(args, "--data") ?? join(root, "..", "shared", "eval", "dev"));
const outFile = resolve(option(args, "--out") ?? join(root, ".artifacts", "eval.json"));
const verbose = args.includes("--verbose");

const answers = readJsonl<AnswerRow>(join(dataDir, "answers.jsonl"));
// A held-out folder may come without questions; classification is then scored on the
// answers' own questions only.
const questionsFile = join(dataDir, "questions.jsonl");
const questions = existsSync(questionsFile) ? readJsonl<QuestionRow>(questionsFile) : [];

type Predicted = Pick<Labels, BooleanLabel | "ownership" | "overall">;
const NOT_AN_ANSWER: Predicted = {
  situation: false,
  task: false,
  action: false,
  result: false,
  lesson: false,
  quantified: false,
  blame: false,
  ambiguity: false,
  decisive: false,
  autonomy: false,
  systems: false,
  ownership: "i",
  overall: 1,
};

/** The analyzer's labels; an answer it rejects (blank) counts as "not an answer". */
function predict(row: AnswerRow): Predicted {
  try {
    return analyze(row.answer, row.question === undefined ? {} : { question: row.question }).labels;
  } catch {
    return NOT_AN_ANSWER;
  }
}

const counts = Object.fromEntries(BOOLEAN_LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Record<
  BooleanLabel,
  { tp: number; fp: number; fn: number; tn: number }
>;
let ownershipHits = 0;
let ownershipTotal = 0;
const gold: number[] = [];
const predicted: number[] = [];
const disagreements: Array<{ id: string; label: string; gold: unknown; predicted: unknown }> = [];
for (const row of answers) {
  const result = predict(row);
  for (const label of BOOLEAN_LABELS) {
    const g = row.labels[label];
    if (typeof g !== "boolean") continue;
    const p = result[label];
    const c = counts[label];
    if (g && p) c.tp += 1;
    else if (!g && p) c.fp += 1;
    else if (g && !p) c.fn += 1;
    else c.tn += 1;
    if (g !== p) disagreements.push({ id: row.id, label, gold: g, predicted: p });
  }
  if (row.labels.ownership !== undefined) {
    ownershipTotal += 1;
    if (row.labels.ownership === result.ownership) ownershipHits += 1;
    else
      disagreements.push({
        id: row.id,
        label: "ownership",
        gold: row.labels.ownership,
        predicted: result.ownership,
      });
  }
  if (typeof row.labels.overall === "number") {
    gold.push(row.labels.overall);
    predicted.push(result.overall);
    if (row.labels.overall !== result.overall) {
      disagreements.push({
        id: row.id,
        label: "overall",
        gold: row.labels.overall,
        predicted: result.overall,
      });
    }
  }
}

const labels = Object.fromEntries(
  BOOLEAN_LABELS.map((label) => {
    const { tp, fp, fn, tn } = counts[label];
    const present = f1(tp, fp, fn);
    const absent = f1(tn, fn, fp);
    return [
      label,
      {
        precision: round(present.precision),
        recall: round(present.recall),
        f1: round(present.f1),
        f1Absent: round(absent.f1),
        macroF1: round((present.f1 + absent.f1) / 2),
        support: tp + fn,
      },
    ];
  }),
) as Record<
  BooleanLabel,
  { precision: number; recall: number; f1: number; f1Absent: number; macroF1: number; support: number }
>;

const within1 = gold.filter((g, i) => Math.abs(g - (predicted[i] ?? 0)) <= 1).length;
const exact = gold.filter((g, i) => g === predicted[i]).length;
let classifyHits = 0;
const classifyMisses: Array<{ id: string; gold: string; predicted: string }> = [];
for (const row of questions) {
  const predictedCompetency = classify(row.question).competency;
  if (predictedCompetency === row.competency) classifyHits += 1;
  else classifyMisses.push({ id: row.id, gold: row.competency, predicted: predictedCompetency });
}
let answerQuestionHits = 0;
let answerQuestions = 0;
for (const row of answers) {
  if (row.question === undefined || row.competency === undefined) continue;
  answerQuestions += 1;
  if (classify(row.question).competency === row.competency) answerQuestionHits += 1;
}
const scored = Math.max(1, gold.length);

const report = {
  data: dataDir,
  answers: answers.length,
  questions: questions.length,
  labels,
  ownership: { accuracy: round(ownershipHits / Math.max(1, ownershipTotal)) },
  overall: {
    spearman: round(pearson(ranks(gold), ranks(predicted))),
    exact: round(exact / scored),
    within1: round(within1 / scored),
  },
  classify: {
    top1: round(classifyHits / Math.max(1, questions.length)),
    top1AnswerQuestions: round(answerQuestionHits / Math.max(1, answerQuestions)),
    misses: classifyMisses,
  },
  disagreements,
};

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`.padStart(7);
process.stdout.write(`eval: ${answers.length} answers, ${questions.length} questions from ${dataDir}\n\n`);
process.stdout.write("label        precision  recall     F1  F1(absent)  macro-F1  support\n");
for (const label of BOOLEAN_LABELS) {
  const m = labels[label];
  process.stdout.write(
    `${label.padEnd(12)} ${m.precision.toFixed(2).padStart(9)} ${m.recall.toFixed(2).padStart(7)} ${m.f1.toFixed(2).padStart(6)} ${m.f1Absent
      .toFixed(2)
      .padStart(11)} ${m.macroF1.toFixed(2).padStart(9)} ${String(m.support).padStart(8)}\n`,
  );
}
process.stdout.write(`\nownership accuracy   ${pct(report.ownership.accuracy)}\n`);
process.stdout.write(`overall Spearman     ${report.overall.spearman.toFixed(3).padStart(7)}\n`);
process.stdout.write(`overall exact        ${pct(report.overall.exact)}\n`);
process.stdout.write(`overall within ±1    ${pct(report.overall.within1)}\n`);
process.stdout.write(
  `classify top-1       ${questions.length === 0 ? "    n/a" : pct(report.classify.top1)} (questions.jsonl)\n`,
);
process.stdout.write(
  `classify top-1       ${pct(report.classify.top1AnswerQuestions)} (answers' questions)\n`,
);
const targets = [
  ...BOOLEAN_LABELS.map((label) => [`${label} macro-F1 ≥ 0.80`, labels[label].macroF1 >= 0.8] as const),
  ["overall Spearman ≥ 0.70", report.overall.spearman >= 0.7] as const,
  ["overall within ±1 ≥ 90%", report.overall.within1 >= 0.9] as const,
  [
    "classify top-1 ≥ 0.85",
    (questions.length === 0 ? report.classify.top1AnswerQuestions : report.classify.top1) >= 0.85,
  ] as const,
];
const missed = targets.filter(([, ok]) => !ok).map(([name]) => name);
process.stdout.write(
  `\ntargets: ${targets.length - missed.length}/${targets.length} met${missed.length > 0 ? ` (missed: ${missed.join("; ")})` : ""}\n`,
);
if (verbose) {
  process.stdout.write("\ndisagreements:\n");
  for (const d of disagreements)
    process.stdout.write(`  ${d.id} ${d.label}: gold ${String(d.gold)}, got ${String(d.predicted)}\n`);
  for (const m of classifyMisses)
    process.stdout.write(`  ${m.id} classify: gold ${m.gold}, got ${m.predicted}\n`);
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`\nwrote ${outFile}\n`);
