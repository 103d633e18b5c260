/**
 * How well the risk lens reads spoken transcripts: every answer of the validation split and of
 * the four blind writers (eval/corpus/heldout/writer-{l,m,n,o}.jsonl) is scored twice, as
 * written and as a speech recogniser would give it (lower case; punctuation, STAR markers,
 * bullets, bold and line breaks removed; digits kept, "%" read as "percent"). Answers already
 * written in the spoken register are scored as written only and left out of the paired figures.
 *
 *   npx tsx scripts/lens-spoken.ts                 # committed model
 *   npx tsx scripts/lens-spoken.ts --model FILE    # a model from `npm run train -- --out FILE`
 *   npx tsx scripts/lens-spoken.ts --json FILE     # the report as JSON too
 *
 * Prints, per set: macro-F1 of each boolean label against gold for both forms and, apart, on the
 * answers written in the spoken register, how often the two forms give the same label, overall
 * Spearman for both, and the precision / recall of the transcript's sentence starts against the
 * written sentence starts. Never reads the test files.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze, type Labels } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { LENS_MODEL } from "../src/core/analysis/lens/weights.ts";
import { spearman } from "../src/core/analysis/spearman.ts";
import { answerText, type CorpusRow, NOT_AN_ANSWER, readAnswers, transcriptOf } from "./lens-corpus.ts";
import { scriptArgs } from "./script-args.ts";
import { swapLensModel } from "./swap-lens-model.ts";

const { option } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = join(root, "eval", "corpus");
const modelFile = option("--model");

// As in scripts/lens-heldout.ts: a candidate model replaces the committed one before any analysis.
if (modelFile !== undefined) {
  swapLensModel(modelFile);
}
// Trying another boundary threshold on the same model (a what-if: training picks its own).
const threshold = option("--boundary-threshold");
if (threshold !== undefined)
  (LENS_MODEL as { boundaryThreshold: number }).boundaryThreshold = Number(threshold);

function read(text: string, question: string): { labels: Labels; starts: number[] } {
  try {
    const a = analyze(text, { question });
    return { labels: a.labels, starts: a.sentences.slice(1).map((x) => x.start) };
  } catch {
    return { labels: NOT_AN_ANSWER, starts: [] };
  }
}

const f1 = (tp: number, fp: number, fn: number): number =>
  tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
const round = (v: number): number => Math.round(v * 1000) / 1000;

interface Scored {
  gold: Record<string, unknown>;
  written: Labels;
  transcript?: Labels;
  boundary?: { tp: number; fp: number; fn: number };
}

function macro(rows: readonly Scored[], form: "written" | "transcript", label: string): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    const g = r.gold[label];
    const p = r[form]?.[label as keyof Labels];
    if (typeof g !== "boolean" || typeof p !== "boolean") continue;
    if (g && p) tp += 1;
    else if (p) fp += 1;
    else if (g) fn += 1;
    else tn += 1;
  }
  return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
}

function score(rows: readonly CorpusRow[]): Scored[] {
  return rows.map((row) => {
    const written = read(answerText(row.s).text, row.question).labels;
    if (row.register === "spoken") return { gold: row.labels, written };
    const { text, starts } = transcriptOf(row.s);
    const t = read(text, row.question);
    // Starts are compared at word level: the word a predicted start falls on.
    const gold = new Set(starts);
    const got = new Set(t.starts);
    const tp = [...got].filter((x) => gold.has(x)).length;
    return {
      gold: row.labels,
      written,
      transcript: t.labels,
      boundary: { tp, fp: got.size - tp, fn: gold.size - tp },
    };
  });
}

function report(name: string, all: readonly Scored[]) {
  const paired = all.filter((r) => r.transcript !== undefined);
  const spoken = all.filter((r) => r.transcript === undefined);
  const labels = Object.fromEntries(
    SENTENCE_TAGS.map((l) => [
      l,
      {
        writtenAll: round(macro(all, "written", l)),
        written: round(macro(paired, "written", l)),
        transcript: round(macro(paired, "transcript", l)),
        spoken: round(macro(spoken, "written", l)),
        agreement: round(
          paired.filter((r) => r.written[l] === r.transcript?.[l]).length / Math.max(1, paired.length),
        ),
      },
    ]),
  );
  const mean = (k: "written" | "transcript" | "agreement" | "writtenAll" | "spoken"): number =>
    round(SENTENCE_TAGS.reduce((s, l) => s + (labels[l]?.[k] ?? 0), 0) / SENTENCE_TAGS.length);
  const overall = (form: "written" | "transcript", rows: readonly Scored[]): number => {
    const g: number[] = [];
    const p: number[] = [];
    for (const r of rows) {
      const o = r[form]?.overall;
      if (typeof r.gold.overall === "number" && typeof o === "number") {
        g.push(r.gold.overall);
        p.push(o);
      }
    }
    return round(spearman(g, p));
  };
  const b = paired.reduce(
    (s, r) => ({
      tp: s.tp + (r.boundary?.tp ?? 0),
      fp: s.fp + (r.boundary?.fp ?? 0),
      fn: s.fn + (r.boundary?.fn ?? 0),
    }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return {
    name,
    answers: all.length,
    paired: paired.length,
    spoken: spoken.length,
    labels,
    mean: {
      writtenAll: mean("writtenAll"),
      written: mean("written"),
      transcript: mean("transcript"),
      agreement: mean("agreement"),
      spoken: mean("spoken"),
    },
    spearman: {
      writtenAll: overall("written", all),
      written: overall("written", paired),
      transcript: overall("transcript", paired),
    },
    overallAgreement: round(
      paired.filter((r) => r.written.overall === r.transcript?.overall).length / Math.max(1, paired.length),
    ),
    boundary: {
      precision: round(b.tp / Math.max(1, b.tp + b.fp)),
      recall: round(b.tp / Math.max(1, b.tp + b.fn)),
      f1: round(f1(b.tp, b.fp, b.fn)),
    },
  };
}

const readJsonl = (file: string): CorpusRow[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as CorpusRow);
const validation = readAnswers(corpusDir, "train").filter((r) => r.split === "validation");
const blind = ["l", "m", "n", "o"].flatMap((w) => readJsonl(join(corpusDir, "heldout", `writer-${w}.jsonl`)));
if (blind.some((r) => r.split === "test")) throw new Error("lens-spoken: a held-out file holds test rows");

const v = score(validation);
const h = score(blind);
const reports = [
  report("validation", v),
  report("blind writers", h),
  report("validation + blind", [...v, ...h]),
];

const pad = (s: string, n: number): string => s.padEnd(n);
for (const r of reports) {
  process.stdout.write(
    `\n${r.name}: ${r.answers} answers, ${r.paired} not already spoken (paired: written → transcript), ${r.spoken} spoken register\n`,
  );
  process.stdout.write(`${pad("label", 12)} written(all)  written  transcript  agreement  spoken\n`);
  for (const [l, x] of Object.entries(r.labels)) {
    process.stdout.write(
      `${pad(l, 12)} ${pad(x.writtenAll.toFixed(3), 13)} ${pad(x.written.toFixed(3), 8)} ${pad(x.transcript.toFixed(3), 11)} ${pad(x.agreement.toFixed(3), 10)} ${x.spoken.toFixed(3)}\n`,
    );
  }
  process.stdout.write(
    `${pad("mean", 12)} ${pad(r.mean.writtenAll.toFixed(3), 13)} ${pad(r.mean.written.toFixed(3), 8)} ${pad(r.mean.transcript.toFixed(3), 11)} ${pad(r.mean.agreement.toFixed(3), 10)} ${r.mean.spoken.toFixed(3)}\n`,
  );
  process.stdout.write(
    `overall Spearman: ${r.spearman.writtenAll} (all, written); paired ${r.spearman.written} → ${r.spearman.transcript}; same overall ${r.overallAgreement}\n`,
  );
  process.stdout.write(
    `transcript sentence starts: precision ${r.boundary.precision}, recall ${r.boundary.recall}, F1 ${r.boundary.f1}\n`,
  );
}
const out = option("--json");
if (out !== undefined) writeFileSync(resolve(out), `${JSON.stringify(reports, null, 2)}\n`);
