/**
 * How the lens reads answers written as bullet notes (docs/lab/risk-lens-lab.md, "bullets24"): how many
 * training, validation and blind-writer answers are notes, how the reader cuts a notes answer
 * into sentences, what a line that opens on its verb with no subject gets (subject, tense, rule
 * part) and what the tagger and the heads say when the same lines are read with an "I" written
 * before the verb. No model is trained and the test split is never read.
 *
 *   npx tsx scripts/lens-bullets.ts --base /tmp/lens-lowo-base/models   # base-W for writer W
 *   npx tsx scripts/lens-bullets.ts --base DIR --json /tmp/bullets.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { callsForStory } from "../src/core/analysis/classify.ts";
import { classify } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { type LensModel, loadLensModel, type StoredLensModel } from "../src/core/analysis/lens/model.ts";
import { judgeAnswer, readAnswer, tagSentences } from "../src/core/analysis/lens/read.ts";
import { LENS_MODEL } from "../src/core/analysis/lens/weights.ts";
import { budgetFor, DEFAULT_WPM } from "../src/core/analysis/timing.ts";
import { answerText, readAnswers } from "./lens-corpus.ts";
import { scriptArgs } from "./script-args.ts";

const { option } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const base = option("--base");
const BLIND = ["l", "m", "n", "o"] as const;

interface Row {
  id: string;
  split: string;
  question: string;
  register?: string;
  s: Array<[string, string]>;
  labels: Record<string, unknown>;
}
const jsonl = (file: string): Row[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Row);

const corpusRows = readAnswers(join(root, "eval", "corpus"), "train") as unknown as Row[];
const blind = new Map(
  BLIND.map((w) => [w, jsonl(join(root, "eval", "corpus", "heldout", `writer-${w}.jsonl`))]),
);
for (const rows of blind.values())
  if (rows.some((r) => r.split === "test")) throw new Error("the test split is never read here");

// 1. Registers.
const count = (rows: Row[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.register ?? "?"] = (out[r.register ?? "?"] ?? 0) + 1;
  return out;
};
const train = corpusRows.filter((r) => r.split === "train");
const validation = corpusRows.filter((r) => r.split === "validation");
const registers = {
  train: { all: train.length, bullets: count(train).bullets ?? 0 },
  validation: { all: validation.length, bullets: count(validation).bullets ?? 0 },
  blind: Object.fromEntries(
    [...blind].map(([w, rows]) => [w, { all: rows.length, bullets: count(rows).bullets ?? 0 }]),
  ),
};

// 2. How the reader cuts a notes answer and what its lines get.
const modelOf = (w: string | undefined): LensModel =>
  w === undefined || base === undefined
    ? LENS_MODEL
    : loadLensModel(JSON.parse(readFileSync(join(base, `base-${w}.json`), "utf8")) as StoredLensModel);

const SUBJECT = /^subj:/;
interface LineStats {
  answers: number;
  lines: number;
  units: number;
  bulletUnits: number;
  subjects: Record<string, number>;
  firstWord: Record<string, number>;
  rule: Record<string, number>;
  /** Lines with no subject whose first word is a verb (any tense) / a past verb / a past verb the rule reads as the speaker acting. */
  verbFirst: number;
  pastVerbFirst: number;
}
const tally = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

function lineStats(rows: Row[], model: LensModel): LineStats {
  const st: LineStats = {
    answers: 0,
    lines: 0,
    units: 0,
    bulletUnits: 0,
    subjects: {},
    firstWord: {},
    rule: {},
    verbFirst: 0,
    pastVerbFirst: 0,
  };
  for (const row of rows) {
    const { text } = answerText(row.s);
    const competency = classify(row.question).competency;
    const read = readAnswer(text, { story: callsForStory(competency) }, model);
    st.answers += 1;
    st.lines += row.s.length;
    st.units += read.units.length;
    read.units.forEach((u, i) => {
      if (u.bullet) st.bulletUnits += 1;
      const subj = (read.features[i] ?? []).find((f) => SUBJECT.test(f)) ?? "subj:?";
      tally(st.subjects, subj);
      tally(st.rule, u.part);
      let first = u.first;
      while (first < u.last && !["word", "number"].includes(read.doc.tokens[first]?.type ?? "")) first += 1;
      const t = read.doc.tokens[first];
      if (t === undefined) return;
      const kind = `${t.pos}${t.past ? "+past" : ""}`;
      tally(st.firstWord, kind);
      if (subj === "subj:none" && t.pos === "VERB") st.verbFirst += 1;
      if (subj === "subj:none" && t.pos === "VERB" && t.past) st.pastVerbFirst += 1;
    });
  }
  return st;
}

const lineReport = {
  trainBullets: lineStats(
    train.filter((r) => r.register === "bullets"),
    LENS_MODEL,
  ),
  validationBullets: lineStats(
    validation.filter((r) => r.register === "bullets"),
    LENS_MODEL,
  ),
  trainOther: lineStats(
    train.filter((r) => r.register !== "bullets" && r.register !== "spoken"),
    LENS_MODEL,
  ),
  blindBullets: Object.fromEntries(
    BLIND.map((w) => [
      w,
      lineStats(
        (blind.get(w) ?? []).filter((r) => r.register === "bullets"),
        modelOf(w),
      ),
    ]),
  ),
};

// 3. The same lines with "I" written before a first word that is a verb (the reading design B1 would give).
const LEAD = /^(\s*(?:[-*•]\s+|\d{1,2}[.)]\s+)?)(.*)$/s;
function withI(sentence: string, model: LensModel, story: boolean): string {
  const m = LEAD.exec(sentence);
  if (m === null) return sentence;
  const [, lead = "", body = ""] = m;
  const doc = readAnswer(body.trim() === "" ? "x" : body, { story }, model).doc;
  const t = doc.tokens.find((x) => x.type === "word" || x.type === "number");
  if (t === undefined || t.pos !== "VERB" || t.start !== 0) return sentence;
  return `${lead}I ${body.charAt(0).toLowerCase()}${body.slice(1)}`;
}

const macroF1 = (gold: boolean[], pred: boolean[]): number => {
  const f = (pos: boolean): number => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = pred[i] === true;
      if (p === pos && g === pos) tp += 1;
      else if (p === pos) fp += 1;
      else if (g === pos) fn += 1;
    });
    return tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  };
  return (f(true) + f(false)) / 2;
};

interface Scored {
  id: string;
  writer: string;
  gold: Record<string, boolean>;
  p: Record<string, number>;
  y: Record<string, boolean>;
  pI: Record<string, number>;
  yI: Record<string, boolean>;
  changedLines: number;
  lines: number;
  tagMax: Record<string, [number, number]>;
}
const scored: Scored[] = [];
for (const w of BLIND) {
  const model = modelOf(w);
  for (const row of (blind.get(w) ?? []).filter((r) => r.register === "bullets")) {
    const competency = classify(row.question).competency;
    const story = callsForStory(competency);
    const judge = (s: Array<[string, string]>) => {
      const read = readAnswer(answerText(s).text, { story }, model);
      const j = judgeAnswer(read, model, competency, row.question, budgetFor(competency, {}), DEFAULT_WPM);
      const tags = tagSentences(read, model);
      return { j, tags };
    };
    const sI = row.s.map(([text, tags]) => [withI(text, model, story), tags] as [string, string]);
    const a = judge(row.s);
    const b = judge(sI);
    const tagMax: Record<string, [number, number]> = {};
    SENTENCE_TAGS.forEach((t, k) => {
      tagMax[t] = [
        Math.max(0, ...a.tags.map((r) => r[k] ?? 0)),
        Math.max(0, ...b.tags.map((r) => r[k] ?? 0)),
      ];
    });
    scored.push({
      id: row.id,
      writer: w,
      gold: Object.fromEntries(SENTENCE_TAGS.map((t) => [t, row.labels[t] === true])),
      p: { ...a.j.labelProbs },
      y: { ...a.j.labels },
      pI: { ...b.j.labelProbs },
      yI: { ...b.j.labels },
      changedLines: sI.filter(([t], i) => t !== row.s[i]?.[0]).length,
      lines: row.s.length,
      tagMax,
    });
  }
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length === 0 ? Number.NaN : ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
};
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const probe = Object.fromEntries(
  SENTENCE_TAGS.map((t) => {
    const gold = scored.map((s) => s.gold[t] === true);
    const pos = scored.filter((s) => s.gold[t] === true);
    return [
      t,
      {
        positives: pos.length,
        macroF1: [
          r3(
            macroF1(
              gold,
              scored.map((s) => s.y[t] === true),
            ),
          ),
          r3(
            macroF1(
              gold,
              scored.map((s) => s.yI[t] === true),
            ),
          ),
        ],
        missed: [pos.filter((s) => s.y[t] !== true).length, pos.filter((s) => s.yI[t] !== true).length],
        falseAlarms: [
          scored.filter((s) => s.gold[t] !== true && s.y[t] === true).length,
          scored.filter((s) => s.gold[t] !== true && s.yI[t] === true).length,
        ],
        medianPositive: [r3(median(pos.map((s) => s.p[t] ?? 0))), r3(median(pos.map((s) => s.pI[t] ?? 0)))],
        medianTagMaxPositive: [
          r3(median(pos.map((s) => s.tagMax[t]?.[0] ?? 0))),
          r3(median(pos.map((s) => s.tagMax[t]?.[1] ?? 0))),
        ],
      },
    ];
  }),
);
const mean11 = (key: "y" | "yI"): number =>
  SENTENCE_TAGS.reduce(
    (sum, t) =>
      sum +
      macroF1(
        scored.map((s) => s.gold[t] === true),
        scored.map((s) => s[key][t] === true),
      ),
    0,
  ) / SENTENCE_TAGS.length;
const report = {
  registers,
  lineReport,
  probe: {
    answers: scored.length,
    linesChanged: scored.reduce((n, s) => n + s.changedLines, 0),
    lines: scored.reduce((n, s) => n + s.lines, 0),
    mean11: [r3(mean11("y")), r3(mean11("yI"))],
    labels: probe,
  },
};
process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
const out = option("--json");
if (out !== undefined) writeFileSync(resolve(out), `${JSON.stringify({ report, scored })}\n`);
