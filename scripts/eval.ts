/**
 * Measures the risk lens on the corpus splits and the external dev set, with behaviour tests.
 *
 *   npm run eval                         # eval/corpus/ of the repository, ../shared/eval/dev/
 *   npm run eval -- --corpus DIR --dev DIR
 *   npm run eval -- --out FILE           # JSON report (default .artifacts/eval.json)
 *   npm run eval -- --docs               # also write the test-split figures into docs/risk-lens.md, docs/matching.md and docs/drill.md
 *   npm run eval -- --verbose            # every disagreement, answer by answer
 *   npm run eval -- --no-encoder         # the matcher and key-point coverage without the sentence encoder
 *   npm run eval -- --splits validation,dev   # only these splits (e.g. while tuning: no test figures)
 *   npm run eval -- --splits validation,dev --model FILE   # a candidate model from `npm run train -- --out FILE`
 *
 * The frozen test split is only ever scored here: nothing is tuned on it.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedSentenceEncoder } from "../src/app/encoder.ts";
import { callsForStory } from "../src/core/analysis/classify.ts";
import { measureFollowUps, type ReplyFigures } from "../src/core/analysis/follow-up-measure.ts";
import { analyze, classify, type Labels } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { spearman } from "../src/core/analysis/spearman.ts";
import {
  type LabelledPair,
  type LabelledQuestionPair,
  type LinkFigures,
  type MatchingFigures,
  measureMatching,
  measureQuestionLinking,
  type SentenceEmbeddings,
  splitOf,
  textsToEmbed,
} from "../src/core/semantic/index.ts";
import { readFollowUpReplies } from "../test/follow-up-replies.ts";
import { coverageEmbeddings, coverageReport } from "./coverage-eval.ts";
import { answerText, type CorpusRow, readAnswers, readQuestions, seeded } from "./lens-corpus.ts";
import { swapLensModel } from "./swap-lens-model.ts";

// The boolean answer-level labels are the sentence tags (one list: src/core/analysis/labels.ts).
const BOOLEAN_LABELS = SENTENCE_TAGS;
interface Row {
  id: string;
  question: string;
  competency: string;
  text: string;
  s?: Array<[string, string]>;
  labels: Record<string, unknown>;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = resolve(option("--corpus") ?? join(root, "eval", "corpus"));
const devDir = resolve(
  option("--dev") ??
    [join(root, "..", "shared", "eval", "dev"), join(root, "..", "..", "shared", "eval", "dev")].find((d) =>
      existsSync(join(d, "answers.jsonl")),
    ) ??
    join(root, "..", "shared", "eval", "dev"),
);
const outFile = resolve(option("--out") ?? join(root, ".artifacts", "eval.json"));
const verbose = args.includes("--verbose");

// `--model FILE`: a candidate model replaces the committed one's fields before the first analysis
// (as in scripts/lens-heldout.ts); its figures are never written into the docs.
const modelFile = option("--model");
if (modelFile !== undefined) {
  if (args.includes("--docs")) {
    process.stderr.write("eval: --docs publishes the committed model's figures; run it without --model.\n");
    process.exit(2);
  }
  swapLensModel(modelFile);
  process.stderr.write(`eval: model ${resolve(modelFile)}\n`);
}

function readJsonl<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

const fromCorpus = (r: CorpusRow): Row => ({
  id: r.id,
  question: r.question,
  competency: r.competency,
  text: answerText(r.s).text,
  s: r.s,
  labels: r.labels,
});
const trainFiles = readAnswers(corpusDir, "train");
const corpusQuestions = readQuestions(corpusDir);
const splits: Array<{
  name: string;
  rows: Row[];
  questions: Array<{ question: string; competency: string }>;
}> = [
  {
    name: "test",
    rows: readAnswers(corpusDir, "test").map(fromCorpus),
    questions: corpusQuestions.filter((q) => q.split === "test"),
  },
  {
    name: "validation",
    rows: trainFiles.filter((r) => r.split === "validation").map(fromCorpus),
    questions: corpusQuestions.filter((q) => q.split === "validation"),
  },
  {
    name: "dev",
    rows: readJsonl<{
      id: string;
      question: string;
      answer: string;
      competency: string;
      labels: Record<string, unknown>;
    }>(join(devDir, "answers.jsonl")).map((r) => ({
      id: r.id,
      question: r.question,
      competency: r.competency,
      text: r.answer,
      labels: r.labels,
    })),
    questions: readJsonl<{ question: string; competency: string }>(join(devDir, "questions.jsonl")),
  },
];

const NOT_AN_ANSWER: Labels = {
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

function predict(text: string, question: string | undefined): Labels & { offTopic: boolean } {
  try {
    const a = analyze(text, question === undefined ? {} : { question });
    return { ...a.labels, offTopic: a.questionFit?.offTopic ?? false };
  } catch {
    return { ...NOT_AN_ANSWER, offTopic: false };
  }
}

function f1(tp: number, fp: number, fn: number): number {
  if (tp + fp + fn === 0) return 1;
  return (2 * tp) / (2 * tp + fp + fn);
}

// ---------------------------------------------------------------- behaviour tests
// Written for this eval only (the training script's augmentation uses other sentences).
const BLAME_FORMS = [
  "To be fair, the launch only slipped because the analytics team sat on our request for weeks.",
  "Frankly, my lead was incompetent and kept handing us the wrong priorities.",
  "That outage was caused by the ops people, who ignored every warning we sent them.",
  "It wasn't my fault at all; the contractor delivered broken code and then disappeared.",
  "Our designer was impossible to work with and never listened to anyone.",
];
const LESSON_FORMS = [
  "What I took away is to agree on how success will be measured before writing any code.",
  "Looking back, I learned to raise a risk on the day I see it rather than at the review.",
];
const PREVENTION_FORMS = [
  "After that I set up a nightly job that checks the same thing, so the problem is caught before anyone ships.",
  "I also put a validation step into the deploy script so this kind of error cannot reach production again.",
];
const UNKNOWN_FORMS = [
  "At first nobody could say what the users actually wanted, so I wrote down my assumptions and tested each one with three customers.",
  "The error only showed up now and then, so I listed the possible causes and ruled them out one by one.",
];
const HEDGE_FORMS = ["I think", "Maybe", "I guess", "Probably"];
// An unrelated question for each kind of answer: a story gets a non-story question, a
// self-presentation gets a story or a concept question, a technical explanation a personal one.
const UNRELATED: Record<string, readonly string[]> = {
  story: [
    "What would you say is your biggest weakness?",
    "Why do you want to join our company?",
    "Can you explain the difference between precision and recall?",
  ],
  self: ["Tell me about a time you had a conflict with a teammate.", "How does gradient boosting work?"],
  technical: [
    "Why do you want to join our company?",
    "Tell me about a time you had a conflict with a teammate.",
  ],
};
const unrelatedKind = (competency: string, story: boolean): string =>
  story ? "story" : competency === "ml-concept" || competency === "ml-engineering" ? "technical" : "self";

const join1 = (s: ReadonlyArray<readonly [string, string]>): string => answerText(s).text;
const tagsOf = (t: string): string[] => t.split(/\s+/);

function toWe(text: string): string {
  return text
    .replace(
      /\b(i)'(m|ve|d|ll)\b/gi,
      (_, _i: string, rest: string) =>
        `we${{ m: "'re", ve: "'ve", d: "'d", ll: "'ll" }[rest.toLowerCase()] ?? ""}`,
    )
    .replace(/\b[Ii]\b/g, "we")
    .replace(/\bmyself\b/gi, "ourselves")
    .replace(/\bmy\b/g, "our")
    .replace(/\bMy\b/g, "Our")
    .replace(/\bme\b/g, "us")
    .replace(/\bmine\b/g, "ours");
}

function vague(text: string): string {
  return text
    .replace(/[$€£]\s?\d[\d,.]*\s?(k|m|bn|million|billion)?/gi, "a fair amount of money")
    .replace(/\b\d[\d,.]*\s?(%|percent\b|x\b|×|k\b)/gi, "noticeably")
    .replace(/\b\d[\d,.:]*/g, "several")
    .replace(
      /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions)\b/gi,
      "several",
    )
    .replace(/\b(half|twice|doubled|tripled|halved)\b/gi, "noticeably");
}

function otherNumbers(text: string): string {
  return text.replace(/\d/g, (d) => String(((Number(d) + 3) % 9) + 1));
}

function hedged(s: ReadonlyArray<readonly [string, string]>): string {
  return join1(
    s.map(([t, tags], i) => {
      const lead = t.match(/^\s*/)?.[0] ?? "";
      const body = t.slice(lead.length);
      const first =
        body.startsWith("I ") || body.startsWith("I'") ? body : body.charAt(0).toLowerCase() + body.slice(1);
      return [`${lead}${HEDGE_FORMS[i % HEDGE_FORMS.length]} ${first}`, tags] as const;
    }),
  );
}

interface Kind {
  tried: number;
  passed: number;
  failures: string[];
}

function behaviour(rows: readonly Row[]): Record<string, Kind> {
  const kinds: Record<string, Kind> = {};
  const record = (kind: string, id: string, ok: boolean): void => {
    const k = kinds[kind] ?? { tried: 0, passed: 0, failures: [] };
    kinds[kind] = k;
    k.tried += 1;
    if (ok) k.passed += 1;
    else k.failures.push(id);
  };
  const random = seeded(11);
  rows.forEach((row, n) => {
    if (row.s === undefined) return;
    const s = row.s;
    const story = callsForStory(row.competency as Parameters<typeof callsForStory>[0]);
    const base = predict(row.text, row.question);
    const at = (list: readonly string[]): string => list[n % list.length] ?? "";
    if (row.labels.blame !== true && s.length >= 2) {
      const with1 = [...s];
      with1.splice(1 + (n % (s.length - 1)), 0, [at(BLAME_FORMS), "blame"]);
      const p = predict(join1(with1), row.question);
      record("blame sentence sets blame, score not raised", row.id, p.blame && p.overall <= base.overall);
    }
    if (row.labels.ownership === "i") {
      const p = predict(toWe(row.text), row.question);
      record("I → we sets ownership we", row.id, p.ownership === "we");
    }
    if (row.labels.quantified === true) {
      const p = predict(vague(row.text), row.question);
      record("figures → vague words clears quantified", row.id, !p.quantified);
    }
    const cut = s.findIndex(
      ([, t]) => !tagsOf(t).includes("situation") || tagsOf(t).some((x) => x === "result" || x === "action"),
    );
    if (story && cut >= 1 && row.labels.offTopic !== true) {
      const p = predict(join1(s.slice(0, cut)), row.question);
      record("cut after the situation: no result, score ≤ 3", row.id, !p.result && p.overall <= 3);
    }
    {
      const words = row.text.split(/\s+/);
      for (let i = words.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [words[i], words[j]] = [words[j] ?? "", words[i] ?? ""];
      }
      const p = predict(words.join(" "), row.question);
      record("shuffled words score ≤ 2", row.id, p.overall <= 2);
    }
    if (/\d/.test(row.text)) {
      const p = predict(otherNumbers(row.text), row.question);
      const same =
        BOOLEAN_LABELS.every((l) => p[l] === base[l]) &&
        p.ownership === base.ownership &&
        p.overall === base.overall;
      record("other numbers change no label", row.id, same);
    }
    if (story && row.labels.lesson !== true) {
      const p = predict(join1([...s, [at(LESSON_FORMS), "lesson"]]), row.question);
      record("adding a lesson sets lesson", row.id, p.lesson);
    }
    if (story && row.labels.systems !== true) {
      const p = predict(join1([...s, [at(PREVENTION_FORMS), "systems"]]), row.question);
      record("adding a prevention step sets systems", row.id, p.systems);
    }
    if (story && row.labels.ambiguity !== true) {
      const with1 = [...s];
      with1.splice(Math.min(s.length, 1), 0, [at(UNKNOWN_FORMS), "ambiguity"]);
      const p = predict(join1(with1), row.question);
      record("handling an unknown sets ambiguity", row.id, p.ambiguity);
    }
    {
      const p = predict(hedged(s), row.question);
      record("hedges everywhere do not raise the score", row.id, p.overall <= base.overall);
    }
    if (row.labels.offTopic !== true && base.overall >= 2) {
      const q = at(UNRELATED[unrelatedKind(row.competency, story)] ?? []);
      const p = predict(row.text, q);
      record("an unrelated question scores lower", row.id, p.overall < base.overall);
    }
  });
  return kinds;
}

// ---------------------------------------------------------------- per split
const round = (v: number): number => Math.round(v * 1000) / 1000;
interface SplitReport {
  answers: number;
  labels: Record<string, { macroF1: number; support: number; interval: [number, number] }>;
  offTopic?: { macroF1: number; support: number };
  ownership: number;
  overall: { spearman: number; exact: number; within1: number };
  competency: { top1: number; questions: number };
  behaviour: Record<string, { rate: number; tried: number }>;
  gibberish: boolean;
  disagreements: string[];
}

/** Macro-F1 (the mean of the positive and the negative class's F1) of gold/predicted pairs. */
function macroF1Of(rows: ReadonlyArray<readonly [boolean, boolean]>): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const [g, p] of rows) {
    if (g && p) tp += 1;
    else if (!g && p) fp += 1;
    else if (g) fn += 1;
    else tn += 1;
  }
  return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
}

/**
 * A 95 % percentile bootstrap interval of a label's macro-F1: the split's answers resampled with
 * replacement 2,000 times (seeded, so the same predictions give the same interval). It says how
 * far the figure could move on another sample of answers of the same kind.
 */
function bootstrapInterval(rows: ReadonlyArray<readonly [boolean, boolean]>): [number, number] {
  if (rows.length === 0) return [0, 0];
  const random = seeded(47);
  const figures: number[] = [];
  const sample: Array<readonly [boolean, boolean]> = new Array(rows.length);
  for (let b = 0; b < 2000; b += 1) {
    for (let i = 0; i < rows.length; i += 1)
      sample[i] = rows[Math.floor(random() * rows.length)] as readonly [boolean, boolean];
    figures.push(macroF1Of(sample));
  }
  figures.sort((a, b) => a - b);
  return [round(figures[49] ?? 0), round(figures[1949] ?? 0)];
}

function evaluate(
  name: string,
  rows: readonly Row[],
  questions: ReadonlyArray<{ question: string; competency: string }>,
): SplitReport {
  const counts: Record<string, { tp: number; fp: number; fn: number; tn: number }> = {};
  // Each answer's gold and predicted value per label, in row order, for the bootstrap interval.
  const pairs: Record<string, Array<[boolean, boolean]>> = {};
  const count = (label: string, g: boolean, p: boolean): void => {
    const seen = pairs[label] ?? [];
    pairs[label] = seen;
    seen.push([g, p]);
    const c = counts[label] ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    counts[label] = c;
    if (g && p) c.tp += 1;
    else if (!g && p) c.fp += 1;
    else if (g) c.fn += 1;
    else c.tn += 1;
  };
  let own = 0;
  let ownTotal = 0;
  const gold: number[] = [];
  const got: number[] = [];
  const disagreements: string[] = [];
  for (const row of rows) {
    const p = predict(row.text, row.question);
    for (const label of BOOLEAN_LABELS) {
      const g = row.labels[label];
      if (typeof g !== "boolean") continue;
      count(label, g, p[label]);
      if (g !== p[label]) disagreements.push(`${row.id} ${label}: gold ${g}, got ${p[label]}`);
    }
    if (typeof row.labels.offTopic === "boolean") count("offTopic", row.labels.offTopic, p.offTopic);
    if (typeof row.labels.ownership === "string") {
      ownTotal += 1;
      if (row.labels.ownership === p.ownership) own += 1;
    }
    if (typeof row.labels.overall === "number") {
      gold.push(row.labels.overall);
      got.push(p.overall);
      if (row.labels.overall !== p.overall)
        disagreements.push(`${row.id} overall: gold ${row.labels.overall}, got ${p.overall}`);
    }
  }
  const macro = (label: string): { macroF1: number; support: number } => {
    const c = counts[label] ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    return { macroF1: round((f1(c.tp, c.fp, c.fn) + f1(c.tn, c.fn, c.fp)) / 2), support: c.tp + c.fn };
  };
  const asked = [...questions, ...rows.map((r) => ({ question: r.question, competency: r.competency }))];
  const hits = asked.filter((q) => classify(q.question).competency === q.competency).length;
  const kinds = name === "dev" ? {} : behaviour(rows);
  const gibberish = predict(
    "blorp snee quax vindle tork mip zarn flib wobble grent plox dree",
    "Tell me about yourself.",
  );
  const report: SplitReport = {
    answers: rows.length,
    labels: Object.fromEntries(
      BOOLEAN_LABELS.map((l) => [l, { ...macro(l), interval: bootstrapInterval(pairs[l] ?? []) }]),
    ),
    ownership: round(own / Math.max(1, ownTotal)),
    overall: {
      spearman: round(spearman(gold, got)),
      exact: round(gold.filter((g, i) => g === got[i]).length / Math.max(1, gold.length)),
      within1: round(
        gold.filter((g, i) => Math.abs(g - (got[i] ?? 0)) <= 1).length / Math.max(1, gold.length),
      ),
    },
    competency: { top1: round(hits / Math.max(1, asked.length)), questions: asked.length },
    behaviour: Object.fromEntries(
      Object.entries(kinds).map(([k, v]) => [
        k,
        { rate: round(v.passed / Math.max(1, v.tried)), tried: v.tried },
      ]),
    ),
    gibberish: gibberish.overall === 1,
    disagreements,
  };
  if (counts.offTopic !== undefined) report.offTopic = macro("offTopic");
  if (verbose) {
    for (const [k, v] of Object.entries(kinds))
      if (v.failures.length > 0) disagreements.push(`${k}: ${v.failures.join(" ")}`);
  }
  return report;
}

// While tuning, `--splits validation,dev` leaves the frozen test split out entirely.
const only = option("--splits")
  ?.split(",")
  .map((n) => n.trim());
const unknownSplits = (only ?? []).filter((n) => !splits.some((s) => s.name === n));
if (unknownSplits.length > 0) {
  process.stderr.write(
    `eval: unknown split(s) ${unknownSplits.join(", ")} in --splits; use a comma-separated list of ${splits.map((s) => s.name).join(", ")}.\n`,
  );
  process.exit(2);
}
if (only !== undefined && args.includes("--docs")) {
  process.stderr.write("eval: --docs publishes the test figures; run it without --splits.\n");
  process.exit(2);
}
const reports: Record<string, SplitReport> = {};
for (const split of splits) {
  if (split.rows.length === 0 || (only !== undefined && !only.includes(split.name))) continue;
  reports[split.name] = evaluate(split.name, split.rows, split.questions);
}
// Same input, same output: the first answers of the test split analysed twice give identical JSON.
const sample = splits.find((s) => reports[s.name] !== undefined)?.rows.slice(0, 20) ?? [];
const analysedTwice = (r: Row): [string, string] => [
  JSON.stringify(analyze(r.text, { question: r.question })),
  JSON.stringify(analyze(r.text, { question: r.question })),
];
const deterministic = sample.every((r) => {
  const [first, second] = analysedTwice(r);
  return first === second;
});

const names = Object.keys(reports);
const cell = (v: number | undefined, pct = false): string =>
  (v === undefined ? "—" : pct ? `${(v * 100).toFixed(0)}%` : v.toFixed(2)).padStart(12);
const lines: string[] = [];
lines.push(`${"".padEnd(58)}${names.map((n) => `${n} (${reports[n]?.answers})`.padStart(12)).join("")}`);
for (const label of BOOLEAN_LABELS)
  lines.push(
    `${`${label} macro-F1`.padEnd(58)}${names.map((n) => cell(reports[n]?.labels[label]?.macroF1)).join("")}`,
  );
lines.push(
  `${"offTopic macro-F1".padEnd(58)}${names.map((n) => cell(reports[n]?.offTopic?.macroF1)).join("")}`,
);
lines.push(
  `${"ownership accuracy".padEnd(58)}${names.map((n) => cell(reports[n]?.ownership, true)).join("")}`,
);
lines.push(
  `${"overall Spearman".padEnd(58)}${names.map((n) => cell(reports[n]?.overall.spearman)).join("")}`,
);
lines.push(
  `${"overall exact".padEnd(58)}${names.map((n) => cell(reports[n]?.overall.exact, true)).join("")}`,
);
lines.push(
  `${"overall within ±1".padEnd(58)}${names.map((n) => cell(reports[n]?.overall.within1, true)).join("")}`,
);
lines.push(
  `${"question competency top-1".padEnd(58)}${names.map((n) => cell(reports[n]?.competency.top1, true)).join("")}`,
);
const kinds = [...new Set(names.flatMap((n) => Object.keys(reports[n]?.behaviour ?? {})))];
for (const k of kinds)
  lines.push(
    `${`behaviour: ${k}`.padEnd(58)}${names.map((n) => cell(reports[n]?.behaviour[k]?.rate, true)).join("")}`,
  );
lines.push(
  `${"gibberish scores 1".padEnd(58)}${names.map((n) => String(reports[n]?.gibberish ? "yes" : "no").padStart(12)).join("")}`,
);
lines.push(
  `${"deterministic (same input, same JSON)".padEnd(58)}${String(deterministic ? "yes" : "no").padStart(12)}`,
);

// How far each label's figure could move on another sample of the same kind of answers.
lines.push(
  "",
  "macro-F1 with its 95 % bootstrap interval (2,000 resamples of the split's answers, seeded):",
  `${"".padEnd(22)}${names.map((n) => n.padStart(22)).join("")}`,
);
for (const label of BOOLEAN_LABELS)
  lines.push(
    `${label.padEnd(22)}${names
      .map((n) => {
        const l = reports[n]?.labels[label];
        return (
          l === undefined
            ? "—"
            : `${l.macroF1.toFixed(2)} [${l.interval[0].toFixed(2)}, ${l.interval[1].toFixed(2)}]`
        ).padStart(22);
      })
      .join("")}`,
  );

const test = reports.test;
if (test !== undefined) {
  const targets: Array<[string, boolean]> = [
    ...BOOLEAN_LABELS.map(
      (l) => [`${l} macro-F1 ≥ 0.85`, (test.labels[l]?.macroF1 ?? 0) >= 0.85] as [string, boolean],
    ),
    ["overall Spearman ≥ 0.80", test.overall.spearman >= 0.8],
    ["overall within ±1 ≥ 90%", test.overall.within1 >= 0.9],
    ["competency top-1 ≥ 85%", test.competency.top1 >= 0.85],
    ...Object.entries(test.behaviour).map(([k, v]) => [`${k} ≥ 90%`, v.rate >= 0.9] as [string, boolean]),
    ["gibberish scores 1", test.gibberish],
    ["deterministic", deterministic],
  ];
  const missed = targets.filter(([, ok]) => !ok).map(([t]) => t);
  lines.push(
    "",
    `test-split targets: ${targets.length - missed.length}/${targets.length} met${missed.length > 0 ? ` (missed: ${missed.join("; ")})` : ""}`,
  );
}
process.stdout.write(`risk-lens eval: corpus ${corpusDir}, dev ${devDir}\n\n${lines.join("\n")}\n`);

// The shared semantic matcher on our labelled requirement/evidence pairs (docs/matching.md).
const pairsFile = join(root, "eval", "matching", "pairs.jsonl");
/** The first group of the held-out matching batch (scripts/matching-dev.ts, `UNREAD_FROM`). */
const MATCHING_UNREAD_FROM = 661;
const matching: Record<string, Omit<MatchingFigures, "errors">> = {};
const matchingWithEncoder: Record<string, Omit<MatchingFigures, "errors">> = {};
const matchingLines: string[] = [];
let followUpLinks: Omit<LinkFigures, "errors"> | undefined;
if (existsSync(pairsFile) && only === undefined) {
  const pairs = readFileSync(pairsFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LabelledPair)
    // g661–g692 (pairs37's fresh batch) is held out: it is read only as its aggregate row by
    // `scripts/matching-dev.ts --held-out`, never here (its figures would reach the docs).
    .filter((p) => Number(p.group.slice(1)) < MATCHING_UNREAD_FROM);
  const misplaced = pairs.filter((p) => splitOf(p.requirement) !== p.split).map((p) => p.id);
  if (misplaced.length > 0)
    throw new Error(`pairs in the wrong split (the hash decides): ${misplaced.join(", ")}`);
  matchingLines.push(
    `${"".padEnd(40)}${["pairs", "positives", "hard neg.", "precision", "recall", "F1", "hard acc."].map((h) => h.padStart(12)).join("")}`,
  );
  // Each split as a whole, then by batch: g001–g192 (the lexicons were grown on their dev pairs
  // over three batches), g193–g276, g277–g336 and g337–g388 (each written in one go before a
  // round of changes; g337–g388 before the word vectors; g389–g420 before the learned scorer;
  // g421–g444, all dev, before the taxonomy of round 8; g445–g468, all dev, before round 9;
  // g469–g492, all dev, before round 10; g493–g516, all dev, before round 11; g517–g540, all dev,
  // before round 12; g541–g564, all dev, before round 17; g565–g596, all dev, before round 21;
  // g597–g628, all dev, written in pairs27 and held out from the round after it; g629–g660, all
  // dev, written in match36 and measured once as held out before its errors were read).
  const batchOf = (p: LabelledPair) => {
    const g = Number(p.group.slice(1));
    return g <= 192
      ? "g001–g192"
      : g <= 276
        ? "g193–g276"
        : g <= 336
          ? "g277–g336"
          : g <= 388
            ? "g337–g388"
            : g <= 420
              ? "g389–g420"
              : g <= 444
                ? "g421–g444"
                : g <= 468
                  ? "g445–g468"
                  : g <= 492
                    ? "g469–g492"
                    : g <= 516
                      ? "g493–g516"
                      : g <= 540
                        ? "g517–g540"
                        : g <= 564
                          ? "g541–g564"
                          : g <= 596
                            ? "g565–g596"
                            : g <= 628
                              ? "g597–g628"
                              : "g629–g660";
  };
  const rows = (["dev", "test"] as const).flatMap((split) => [
    { name: split, split, pairs: pairs.filter((p) => p.split === split) },
    ...[
      "g001–g192",
      "g193–g276",
      "g277–g336",
      "g337–g388",
      "g389–g420",
      "g421–g444",
      "g445–g468",
      "g469–g492",
      "g493–g516",
      "g517–g540",
      "g541–g564",
      "g565–g596",
      "g597–g628",
      "g629–g660",
    ].map((batch) => ({
      name: `${split} ${batch}`,
      split,
      pairs: pairs.filter((p) => p.split === split && batchOf(p) === batch),
    })),
  ]);
  // The matcher without sentence embeddings (the default: the web bundle, question links, and
  // requirement matching unless DERISK_SENTENCE_ENCODER=on), then with the sentence encoder's
  // embeddings of every text (src/app/encoder.ts), as the use cases run it when switched on and the
  // model loads; --no-encoder leaves that second table out.
  let embeddings: SentenceEmbeddings | undefined;
  try {
    if (!args.includes("--no-encoder"))
      embeddings = await sharedSentenceEncoder().prepare(
        textsToEmbed(pairs.flatMap((p) => [p.requirement, p.evidence])),
      );
  } catch (error) {
    process.stderr.write(`sentence encoder unavailable, matcher figures without it: ${String(error)}\n`);
  }
  for (const { name, split, pairs: selected } of rows) {
    if (selected.length === 0) continue;
    const { errors, ...figures } = measureMatching(selected);
    matching[name] = figures;
    if (embeddings) {
      const { errors: _, ...encoded } = measureMatching(selected, { embeddings });
      matchingWithEncoder[name] = encoded;
    }
    if (name !== split) {
      matchingLines.push(
        `  ${name.padEnd(38)}${[figures.pairs, figures.positives, figures.hardNegatives]
          .map((v) => String(v).padStart(12))
          .join(
            "",
          )}${[figures.precision, figures.recall, figures.f1].map((v) => v.toFixed(3).padStart(12)).join("")}${String(figures.hardNegativesAccepted).padStart(12)}`,
      );
      continue;
    }
    matchingLines.push(
      `${split.padEnd(40)}${[figures.pairs, figures.positives, figures.hardNegatives]
        .map((v) => String(v).padStart(12))
        .join(
          "",
        )}${[figures.precision, figures.recall, figures.f1].map((v) => v.toFixed(3).padStart(12)).join("")}${String(figures.hardNegativesAccepted).padStart(12)}`,
    );
    if (verbose)
      for (const e of errors)
        matchingLines.push(
          `  [${split}] label ${e.label}, score ${e.score}: ${e.requirement} ⟷ ${e.evidence}`,
        );
  }
  const t = matching.test;
  if (t) {
    const met = [t.precision >= 0.85, t.recall >= 0.85];
    matchingLines.push(
      "",
      `test-split targets (precision ≥ 0.85, recall ≥ 0.85): ${met.filter(Boolean).length}/2 met${met[1] ? "" : ` (recall ${t.recall.toFixed(3)})`}`,
    );
  }
  if (embeddings) {
    matchingLines.push(
      "",
      "with sentence embeddings (Universal Sentence Encoder; DERISK_SENTENCE_ENCODER=on):",
    );
    for (const [name, f] of Object.entries(matchingWithEncoder))
      matchingLines.push(
        `${(name.includes(" ") ? `  ${name}` : name).padEnd(40)}${[f.pairs, f.positives, f.hardNegatives]
          .map((v) => String(v).padStart(12))
          .join(
            "",
          )}${[f.precision, f.recall, f.f1].map((v) => v.toFixed(3).padStart(12)).join("")}${String(f.hardNegativesAccepted).padStart(12)}`,
      );
    const e = matchingWithEncoder.test;
    if (e) {
      const met = [e.precision >= 0.85, e.recall >= 0.85];
      matchingLines.push(
        "",
        `test-split targets with sentence embeddings: ${met.filter(Boolean).length}/2 met${met[1] ? "" : ` (recall ${e.recall.toFixed(3)})`}`,
      );
    }
  }
  const questionsFile = join(root, "eval", "matching", "question-pairs.jsonl");
  if (existsSync(questionsFile)) {
    const questionPairs = readFileSync(questionsFile, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as LabelledQuestionPair);
    const { errors, ...links } = measureQuestionLinking(questionPairs);
    followUpLinks = links;
    matchingLines.push(
      "",
      `follow-up ↔ prepared question links (${links.pairs} pairs, ${links.positives} positive): precision ${links.precision.toFixed(3)}, recall ${links.recall.toFixed(3)}, F1 ${links.f1.toFixed(3)}`,
    );
    // By batch: q001–q072 and q089–q128 were read while writing the intents; q073–q088 (batch 3)
    // and q129–q152 (batch 5) were written before a change and scored after it, never read.
    const batches: Array<[string, (p: LabelledQuestionPair) => boolean]> = [
      ["q001–q072 (read)", (p) => Number(p.id.slice(1)) <= 72],
      ["q073–q088 (batch 3, held out)", (p) => p.batch === 3],
      ["q089–q128 (batch 4, read)", (p) => p.batch === 4],
      ["q129–q152 (batch 5, held out)", (p) => p.batch === 5],
    ];
    for (const [name, pick] of batches) {
      const selected = questionPairs.filter(pick);
      if (selected.length === 0) continue;
      const figures = measureQuestionLinking(selected);
      matchingLines.push(
        `  ${name}: ${figures.pairs} pairs, precision ${figures.precision.toFixed(3)}, recall ${figures.recall.toFixed(3)}`,
      );
    }
    if (verbose)
      for (const e of errors)
        matchingLines.push(`  [links] label ${e.label}, score ${e.score}: ${e.asked} ⟷ ${e.prepared}`);
  }
  process.stdout.write(`\nsemantic matcher: ${pairsFile}\n\n${matchingLines.join("\n")}\n`);
}
// Replies to follow-up questions, judged by the follow-up rubric (eval/follow-ups/README.md):
// dev was read while writing the rubric's cues; test was written apart and is never tuned on.
const followUpReplies: Record<string, Omit<ReplyFigures, "errors">> = {};
const replyLines: string[] = [];
for (const split of ["dev", "test"] as const) {
  if (split === "test" && only !== undefined && !only.includes("test")) continue;
  if (!existsSync(join(root, "eval", "follow-ups", `${split}.jsonl`))) continue;
  const { errors, ...figures } = measureFollowUps(readFollowUpReplies(split));
  followUpReplies[split] = figures;
  const a = figures.agreement;
  replyLines.push(
    `${split.padEnd(6)}${String(figures.replies).padStart(8)}${figures.spearman.toFixed(2).padStart(10)}${`${Math.round(figures.exact * 100)}%`.padStart(8)}${`${Math.round(figures.within1 * 100)}%`.padStart(8)}   answers ${a.answers.toFixed(2)} · specific ${a.specific.toFixed(2)} · owned ${a.owned.toFixed(2)} · blame ${a.blame.toFixed(2)}`,
  );
  if (verbose && split === "dev")
    for (const e of errors)
      replyLines.push(`  [${e.id}] expected ${e.expected}, got ${e.got}: ${e.reasons.join("; ")}`);
}
if (replyLines.length > 0)
  process.stdout.write(
    `\nfollow-up replies (eval/follow-ups/): overall 1–5 and check agreement\n\nsplit  replies  Spearman   exact     ±1\n${replyLines.join("\n")}\n`,
  );

// The drill's key-point coverage on our labelled judgements (docs/drill.md): dev always, test
// unless `--splits` leaves it out.
const coverageSplits: Array<"dev" | "test"> =
  only === undefined || only.includes("test") ? ["dev", "test"] : ["dev"];
// `--no-encoder` leaves the encoder out here too (the lens comparisons need none of it).
const coverage = coverageReport(
  coverageSplits,
  args.includes("--no-encoder") ? undefined : await coverageEmbeddings(coverageSplits),
);
process.stdout.write(
  `\nkey-point coverage (technical drill): eval/coverage/judgements.json\n\n${coverage.lines.join("\n")}\n`,
);
if (verbose)
  for (const n of names)
    for (const d of reports[n]?.disagreements ?? []) process.stdout.write(`  [${n}] ${d}\n`);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify({ corpus: corpusDir, dev: devDir, deterministic, reports, matching, matchingWithEncoder, followUpLinks, followUpReplies, coverage: coverage.figures }, null, 2)}\n`,
);
process.stdout.write(`\nwrote ${outFile}\n`);

// docs/risk-lens.md: the figures between the eval markers, and the second labelling pass's
// agreement (eval/corpus/agreement.json) when it exists.
if (args.includes("--docs")) {
  const docs = join(root, "docs", "risk-lens.md");
  let md = readFileSync(docs, "utf8");
  const block = ["```", ...lines, "```"].join("\n");
  md = md.replace(
    /<!-- eval:begin -->[\s\S]*<!-- eval:end -->/,
    `<!-- eval:begin -->\n${block}\n<!-- eval:end -->`,
  );
  const agreementFile = join(corpusDir, "agreement.json");
  const agreement = existsSync(agreementFile)
    ? `Second labelling pass (\`eval/corpus/agreement.json\`):\n\n\`\`\`json\n${JSON.stringify(JSON.parse(readFileSync(agreementFile, "utf8")), null, 2)}\n\`\`\``
    : "_Not yet measured: this section is filled from `eval/corpus/agreement.json` by `npm run eval -- --docs` once the second labelling pass exists._";
  md = md.replace(
    /<!-- agreement:begin -->[\s\S]*<!-- agreement:end -->/,
    `<!-- agreement:begin -->\n${agreement}\n<!-- agreement:end -->`,
  );
  writeFileSync(docs, md);
  process.stdout.write(`updated ${docs}\n`);
  const matchingDocs = join(root, "docs", "matching.md");
  if (matchingLines.length > 0 && existsSync(matchingDocs)) {
    const block = ["```", ...matchingLines.filter((l) => !l.startsWith("  [")), "```"].join("\n");
    writeFileSync(
      matchingDocs,
      readFileSync(matchingDocs, "utf8").replace(
        /<!-- matching:begin -->[\s\S]*<!-- matching:end -->/,
        `<!-- matching:begin -->\n${block}\n<!-- matching:end -->`,
      ),
    );
    process.stdout.write(`updated ${matchingDocs}\n`);
  }
  const drillDocs = join(root, "docs", "drill.md");
  if (existsSync(drillDocs)) {
    writeFileSync(
      drillDocs,
      readFileSync(drillDocs, "utf8").replace(
        /<!-- coverage:begin -->[\s\S]*<!-- coverage:end -->/,
        `<!-- coverage:begin -->\n${["```", ...coverage.lines, "```"].join("\n")}\n<!-- coverage:end -->`,
      ),
    );
    process.stdout.write(`updated ${drillDocs}\n`);
  }
}
