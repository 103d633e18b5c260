/**
 * How `task` is told, and where the lens misses it on writers it has not read (docs/lab/risk-lens-lab.md,
 * "task24"). For each blind writer W of L–O it reads W's answers with the model trained without W
 * (`--models DIR` holding `base-l.json` … `base-o.json`), and lists each answer whose `task` label
 * is wrong: the sentences the writer tagged `task`, the form each takes (`FORMS` below, a reading
 * aid, not a model input), the tagger's `task` probability of the pieces that overlap it, and what
 * the `task` head read (its inputs and their share of the logit). It also counts the forms in the
 * training split's sentences: how often each form is there, and how often the writers tagged it
 * `task`. It never reads the test split or the fresh writers P, Q, V, W.
 *
 *   npx tsx scripts/lens-task-forms.ts --models /tmp/t24w/models --out /tmp/task-forms.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { callsForStory } from "../src/core/analysis/classify.ts";
import { classify } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { loadLensModel, type StoredLensModel } from "../src/core/analysis/lens/model.ts";
import { judgeAnswer, labelFeatures, readAnswer } from "../src/core/analysis/lens/read.ts";
import { budgetFor, DEFAULT_WPM } from "../src/core/analysis/timing.ts";
import { answerText, readAnswers } from "./lens-corpus.ts";
import { scriptArgs } from "./script-args.ts";

const { option } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const models = resolve(option("--models") ?? "/tmp/lens-lowo-base/models");

/** The forms a stated task takes, first match wins (lower-cased sentence). */
const FORMS: ReadonlyArray<readonly [string, RegExp]> = [
  ["marker (Task:)", /^\s*[-*•]?\s*\**\s*(task|t)\s*\**\s*[:–—-]/],
  [
    "asked / told to",
    /^\W*(asked|told|tasked|assigned) to\b|\b(ask|asks) (me|us) to\b|\b(asked|told|wanted|needed|tasked|assigned|brought in|hired|given|handed|charged)\b.{0,25}\b(me|us|i|we)\b.{0,12}\bto\b|\b(i|we) (was|were|got) (asked|told|tasked|assigned|given|handed|brought in|hired|charged)\b|\ba request\b|\basked (if|whether|for)\b/,
  ],
  [
    "my / our job, goal, task",
    /\b(my|our|the team's) (job|goal|task|brief|role|mandate|mission|remit|assignment|responsibility|aim|objective|target)\b/,
  ],
  [
    "the goal / aim was",
    /\bthe (goal|aim|objective|target|brief|task|job|mandate|ask|point|idea|plan) (was|is|became|:)/,
  ],
  [
    "responsible / in charge / owned",
    /\b(responsible for|in charge of|owned|owner of|ownership of|accountable for|on me to|up to me|fell to me|landed on me|my call)\b/,
  ],
  [
    "had / needed to",
    /\b(i|we|they|team) (had|needed|have|need|were supposed|was supposed|was expected|were expected|must|got) to\b|\bhad to\b|\bneeded to\b/,
  ],
  [
    "deadline / time box",
    /\b(had|have|with|gave (me|us)|given) (only |just )?(\w+ )?(days?|weeks?|months?|hours?|sprints?) to\b|\bby (the end of|monday|tuesday|wednesday|thursday|friday|next|launch|the deadline)\b|\bdeadline\b|\bdue\b/,
  ],
  [
    "self-set (decided / set out / wanted)",
    /\b(i|we) (decided|set out|wanted|volunteered|offered|took it on|took on|chose|planned|aimed|signed up) to\b|\bi volunteered\b|\bi took (it|this) on\b/,
  ],
  [
    "another party wanted / needed / asked for",
    /\b(wanted|needed|asked for|requested|said (can|could) (you|we|i))\b/,
  ],
  [
    "problem as a goal (make / get / cut / keep …)",
    /\b(to|so we could|so that) (make|get|cut|keep|bring|reduce|fix|find|build|ship|move|improve|stop|figure|replace|migrate|deliver|hit|reach|turn|save)\b/,
  ],
];
const formOf = (sentence: string): string => {
  const s = sentence.toLowerCase();
  for (const [name, re] of FORMS) if (re.test(s)) return name;
  return "other (problem or context only)";
};

interface Row {
  id: string;
  split: string;
  question: string;
  register?: string;
  s: Array<[string, string]>;
  labels: Record<string, unknown>;
}
const readRows = (file: string): Row[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Row);

const TASK = SENTENCE_TAGS.indexOf("task");
const out: unknown[] = [];
const formTally = new Map<string, { lo: number; loTask: number; found: number; missed: number }>();
const tally = (form: string) => {
  const t = formTally.get(form) ?? { lo: 0, loTask: 0, found: 0, missed: 0 };
  formTally.set(form, t);
  return t;
};
const errorTally = { fn: 0, fp: 0, tp: 0, tn: 0 };
// Sentence level (each written sentence, the tagger's `task` reading of the pieces over it at 0.5,
// against the writer's tag): misses and false alarms by form, by place and by the other tags.
const SENTENCE_CUT = 0.5;
const sentenceTally = new Map<string, { tp: number; fn: number; fp: number }>();
const sentenceCount = (key: string, kind: "tp" | "fn" | "fp") => {
  const t = sentenceTally.get(key) ?? { tp: 0, fn: 0, fp: 0 };
  sentenceTally.set(key, t);
  t[kind] += 1;
};
for (const w of (option("--writers") ?? "l,m,n,o").split(",").filter((x) => x !== "")) {
  const stored = JSON.parse(readFileSync(join(models, `base-${w}.json`), "utf8")) as StoredLensModel;
  const model = loadLensModel(stored);
  const head = model.labels.task;
  for (const row of readRows(join(root, "eval", "corpus", "heldout", `writer-${w}.jsonl`))) {
    const { text, spans } = answerText(row.s);
    const competency = classify(row.question).competency;
    const read = readAnswer(text, { story: callsForStory(competency) }, model);
    const j = judgeAnswer(read, model, competency, row.question, budgetFor(competency, {}), DEFAULT_WPM);
    const gold = row.labels.task === true;
    const said = j.labels.task;
    errorTally[gold ? (said ? "tp" : "fn") : said ? "fp" : "tn"] += 1;
    // Each written sentence: its form, whether tagged task, the highest task probability of the
    // analyzer's pieces that overlap it.
    const sentences = row.s.map(([t, tags], k) => {
      const [a, b] = spans[k] ?? [0, 0];
      let p = 0;
      read.units.forEach((u, i) => {
        if (Math.min(b, u.end) - Math.max(a, u.start) > 0) p = Math.max(p, j.probs[i]?.[TASK] ?? 0);
      });
      const tagged = tags.split(/\s+/).includes("task");
      const form = formOf(t);
      return { k, text: t, tags, tagged, form, p: Math.round(p * 1000) / 1000 };
    });
    for (const s of sentences) {
      const kind = s.tagged ? (s.p >= SENTENCE_CUT ? "tp" : "fn") : s.p >= SENTENCE_CUT ? "fp" : undefined;
      if (kind !== undefined) {
        const others = s.tags
          .split(/\s+/)
          .filter((t) => ["situation", "action", "result"].includes(t))
          .join("+");
        sentenceCount("all", kind);
        sentenceCount(`form: ${s.form}`, kind);
        sentenceCount(`place: ${s.k === 0 ? "first" : s.k === 1 ? "second" : "later"}`, kind);
        sentenceCount(`also tagged: ${others === "" ? "none of situation/action/result" : others}`, kind);
        sentenceCount(`answer: ${gold ? "task" : "no task"}, ${said ? "said" : "not said"}`, kind);
        sentenceCount(`register: ${row.register ?? ""}`, kind);
      }
      const t = tally(s.form);
      t.lo += 1;
      if (s.tagged) {
        t.loTask += 1;
        if (gold && said) t.found += 1;
        if (gold && !said) t.missed += 1;
      }
    }
    if (gold === said) continue;
    const column = j.probs.map((r) => r[TASK] ?? 0);
    const values = labelFeatures(
      column,
      read.story,
      j.words,
      // The shape is only read for `iShare`, `weShare`, `action`, `result` by the task head.
      { iShare: 0, weShare: 0, action: 0, result: 0, cross: {}, probing: {} },
      read.units.map((u) => u.words),
    );
    const features = head?.features ?? [];
    const weights = head?.weights[0] ?? [];
    const contributions = Object.fromEntries(
      features
        .filter((f) => f in values && !["iShare", "weShare", "action", "result"].includes(f))
        .map((f, _) => [f, Math.round((values[f] ?? 0) * (weights[features.indexOf(f)] ?? 0) * 1000) / 1000]),
    );
    out.push({
      writer: w,
      id: row.id,
      register: row.register ?? "",
      question: row.question,
      error: gold ? "missed" : "false alarm",
      p: Math.round(j.labelProbs.task * 1000) / 1000,
      threshold: model.thresholds.task,
      pieces: read.units.length,
      words: j.words,
      maxPiece: Math.round(Math.max(0, ...column) * 1000) / 1000,
      headInputs: Object.fromEntries(features.map((f) => [f, Math.round((values[f] ?? 0) * 1000) / 1000])),
      contributions,
      sentences,
    });
  }
}

// The same forms in the training split (the train split's written sentences).
const train = new Map<string, { n: number; task: number }>();
for (const row of readAnswers(join(root, "eval", "corpus"), "train").filter((r) => r.split === "train")) {
  for (const [t, tags] of row.s) {
    const form = formOf(t);
    const c = train.get(form) ?? { n: 0, task: 0 };
    train.set(form, c);
    c.n += 1;
    if (tags.split(/\s+/).includes("task")) c.task += 1;
  }
}

const lines: string[] = [
  `task on L–O, each writer read by the model trained without it: found ${errorTally.tp}, missed ${errorTally.fn}, false alarms ${errorTally.fp}, true negatives ${errorTally.tn}`,
  "",
  "| form | L–O sentences | tagged task (share) | in answers found / missed | train sentences | tagged task (share) |",
  "|---|---|---|---|---|---|",
];
const names = [...FORMS.map(([n]) => n), "other (problem or context only)"];
for (const n of names) {
  const lo = formTally.get(n) ?? { lo: 0, loTask: 0, found: 0, missed: 0 };
  const tr = train.get(n) ?? { n: 0, task: 0 };
  const share = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(0)}%`);
  lines.push(
    `| ${n} | ${lo.lo} | ${lo.loTask} (${share(lo.loTask, lo.lo)}) | ${lo.found} / ${lo.missed} | ${tr.n} | ${tr.task} (${share(tr.task, tr.n)}) |`,
  );
}
// The misses: where the writer's task sentence sits and what the tagger gave it.
interface Err {
  error: string;
  register: string;
  p: number;
  threshold: number;
  sentences: Array<{ k: number; tagged: boolean; tags: string; form: string; p: number }>;
}
const misses = (out as Err[]).filter((e) => e.error === "missed");
const bands = [0, 0.1, 0.3, 0.5, 1.01];
const best = misses.map((e) => Math.max(0, ...e.sentences.filter((x) => x.tagged).map((x) => x.p)));
const head = misses.map((e) => e.p);
const count = (xs: number[], a: number, b: number) => xs.filter((x) => x >= a && x < b).length;
const taskSentences = misses.flatMap((e) => e.sentences.filter((x) => x.tagged));
lines.push(
  "",
  `misses: ${misses.length}; the writer's task sentence is the answer's first in ${misses.filter((e) => e.sentences.find((x) => x.tagged)?.k === 0).length}, also tagged situation in ${taskSentences.filter((x) => x.tags.split(/\s+/).includes("situation")).length} of ${taskSentences.length} task sentences, also action in ${taskSentences.filter((x) => x.tags.split(/\s+/).includes("action")).length}`,
  `tagger task probability of the best task sentence of a missed answer: ${bands
    .slice(0, -1)
    .map((a, i) => `[${a}, ${Math.min(1, bands[i + 1] ?? 1)}) ${count(best, a, bands[i + 1] ?? 1)}`)
    .join(", ")}`,
  `head probability of a missed answer: ${[0, 0.2, 0.3, 0.4, 0.5]
    .map((a, i, xs) => `[${a}, ${xs[i + 1] ?? "thr"}) ${count(head, a, xs[i + 1] ?? 0.5)}`)
    .join(", ")}`,
  `misses by register: ${[...new Set(misses.map((e) => e.register))]
    .map((r) => `${r} ${misses.filter((e) => e.register === r).length}`)
    .join(", ")}`,
  `false alarms by register: ${[
    ...new Set((out as Err[]).filter((e) => e.error !== "missed").map((e) => e.register)),
  ]
    .map((r) => `${r} ${(out as Err[]).filter((e) => e.error !== "missed" && e.register === r).length}`)
    .join(", ")}`,
);
lines.push(
  "",
  `sentence level (the tagger's task reading ≥ ${SENTENCE_CUT} against the writer's tag): found / missed / false alarms`,
  "",
  "| group | found | missed | false alarms |",
  "|---|---|---|---|",
  ...[...sentenceTally]
    .sort(([a], [b]) => (a === "all" ? -1 : b === "all" ? 1 : a.localeCompare(b)))
    .map(([k, t]) => `| ${k} | ${t.tp} | ${t.fn} | ${t.fp} |`),
);
process.stdout.write(`${lines.join("\n")}\n`);
writeFileSync(resolve(option("--out") ?? "/tmp/lens-task-forms.json"), `${JSON.stringify(out, null, 1)}\n`);
process.stderr.write(`lens-task-forms: ${out.length} errors written\n`);
