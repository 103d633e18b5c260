/**
 * Reading eval/corpus/ for `npm run train` and `npm run eval`: rows, the answer text they stand
 * for, and the gold tags of the analyzer's own sentences. Node only (scripts, not core).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Labels } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import type { Unit } from "../src/core/analysis/segment.ts";
import type { Competency } from "../src/core/model.ts";

export interface CorpusRow {
  id: string;
  split: "train" | "validation" | "test";
  competency: Competency;
  role?: string;
  question: string;
  register?: string;
  s: Array<[string, string]>;
  labels: Record<string, boolean | string | number>;
}

export interface QuestionRow {
  id: string;
  split?: string;
  question: string;
  competency: Competency;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as T];
      } catch {
        // A writer may be mid-line while the corpus grows; a broken line is skipped, not fatal.
        return [];
      }
    });
}

/**
 * The answers of the corpus. `which` picks the files: the training writers' (`train-*`, train
 * and validation splits) or the frozen test files (`test-*`).
 */
export function readAnswers(dir: string, which: "train" | "test"): CorpusRow[] {
  const folder = join(dir, "answers");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.startsWith(`${which}-`) && f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) => readJsonl<CorpusRow>(join(folder, f)))
    .filter((r) => Array.isArray(r.s) && r.s.length > 0 && typeof r.labels === "object");
}

/** The questions of the corpus (all files under questions/). */
export function readQuestions(dir: string): QuestionRow[] {
  const folder = join(dir, "questions");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) => readJsonl<QuestionRow>(join(folder, f)))
    .filter((q) => typeof q.question === "string" && typeof q.competency === "string");
}

/** The answer text of a row and each sentence's span in it (README: joined by one space, or none before "\n"). */
export function answerText(s: ReadonlyArray<readonly [string, string]>): {
  text: string;
  spans: Array<[number, number]>;
} {
  let text = "";
  const spans: Array<[number, number]> = [];
  s.forEach(([sentence], i) => {
    if (i > 0 && !sentence.startsWith("\n")) text += " ";
    const lead = sentence.length - sentence.replace(/^\s+/, "").length;
    const start = text.length + lead;
    text += sentence;
    spans.push([start, text.length]);
  });
  return { text, spans };
}

/**
 * The gold tags of each of the analyzer's sentences: the union of the tags of the written
 * sentences it overlaps by at least half of the shorter one.
 */
export function alignTags(
  units: readonly Unit[],
  spans: ReadonlyArray<[number, number]>,
  s: ReadonlyArray<readonly [string, string]>,
): Array<Set<string>> {
  return units.map((u) => {
    const tags = new Set<string>();
    spans.forEach(([a, b], k) => {
      const overlap = Math.min(b, u.end) - Math.max(a, u.start);
      if (overlap > 0 && overlap >= 0.5 * Math.min(b - a, u.end - u.start)) {
        for (const t of (s[k]?.[1] ?? "").split(/\s+/)) if (t !== "") tags.add(t);
      }
    });
    return tags;
  });
}

/** A seeded pseudo-random generator (mulberry32): training is reproducible run to run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An answer the analyzer cannot read counts as no answer at all (as in scripts/eval.ts). */
export const NOT_AN_ANSWER: Labels = {
  ...(Object.fromEntries(SENTENCE_TAGS.map((t) => [t, false])) as Record<
    (typeof SENTENCE_TAGS)[number],
    boolean
  >),
  ownership: "i",
  overall: 1,
};

const MARKER =
  /^\s*(?:\*\*)?\s*(?:situation|task|action|actions|result|results|lesson|lessons|learning|learnings|s|t|a|r|l)\s*(?:\*\*)?\s*(?:[:–—-]\s*(?:situation|task|action|result|lesson)?\s*)(?:\*\*)?\s*(?:\*\*)?/i;
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;

/**
 * One written sentence as a speech recogniser would give it ("" when nothing is said): lower case;
 * punctuation, STAR markers, bullets, bold and line breaks removed; digits kept, "%" read as
 * "percent". scripts/lens-spoken.ts and the transcript threshold of scripts/train.ts read it.
 */
export function spoken(sentence: string): string {
  return sentence
    .replace(/^\n+/, "")
    .replace(BULLET, "")
    .replace(MARKER, "")
    .replace(/\*\*/g, "")
    .replace(/%/g, " percent")
    .toLowerCase()
    .replace(/[.!?;:,"“”‘’()[\]]+(?=\s|$)/g, "")
    .replace(/(^|\s)[("“‘[]+/g, "$1")
    .replace(/\s+[–—-]+\s+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The transcript of a row and the character offsets where its written sentences (after the first) start. */
export function transcriptOf(s: CorpusRow["s"]): { text: string; starts: number[] } {
  let text = "";
  const starts: number[] = [];
  for (const [sentence] of s) {
    const said = spoken(sentence);
    if (said === "") continue;
    if (text !== "") {
      text += " ";
      starts.push(text.length);
    }
    text += said;
  }
  return { text, starts };
}

/**
 * One sentence-level edit of a relabelling list (eval/corpus/additions/relabel-*.json, README
 * "Label conventions"): the tag `label` added to or removed from sentence `s` (or every sentence)
 * of answer `id`, under convention `rule`.
 */
export interface RelabelEdit {
  id: string;
  label: string;
  s: number | "all";
  op: "add" | "remove";
  rule: string;
  /** Why, in one line (amb32's list carries one per edit); read by people, not by the code. */
  reason?: string;
}

/** The relabelling lists of the corpus, in the order the README applies them. */
export const RELABEL_LISTS = [
  "relabel-task-autonomy.json",
  "relabel-autonomy-stories.json",
  "relabel-ambiguity.json",
] as const;

/** The edits of the corpus's relabelling lists whose `rule` is one of `rules`, in list order. */
export function readRelabelEdits(dir: string, rules: ReadonlySet<string>): RelabelEdit[] {
  return RELABEL_LISTS.map((f) => join(dir, "additions", f))
    .filter((f) => existsSync(f))
    .flatMap((f) => JSON.parse(readFileSync(f, "utf8")) as RelabelEdit[])
    .filter((e) => rules.has(e.rule));
}

/**
 * The rows with the edits applied, in memory, to the answers whose split is in `splits` (the
 * files stay as written): as `scripts/corpus-relabel.mjs` does to the files, each edited
 * sentence's tags change and the answer-level label is recomputed from the sentence tags. An
 * edited row is a copy; the others are returned as they were. Throws when an edit names an
 * answer that is not among the rows or a sentence it does not have.
 */
export function relabelRows(
  rows: readonly CorpusRow[],
  edits: readonly RelabelEdit[],
  splits: ReadonlySet<string>,
): { rows: CorpusRow[]; changed: Array<{ id: string; label: string; from: unknown; to: unknown }> } {
  const byId = new Map<string, RelabelEdit[]>();
  for (const e of edits) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  const known = new Set(rows.map((r) => r.id));
  for (const id of byId.keys()) if (!known.has(id)) throw new Error(`relabel: ${id} is not in the corpus`);
  const changed: Array<{ id: string; label: string; from: unknown; to: unknown }> = [];
  const out = rows.map((row) => {
    const mine = byId.get(row.id);
    if (mine === undefined || !splits.has(row.split)) return row;
    const s = row.s.map(([text, tags]) => [text, tags] as [string, string]);
    const labels = { ...row.labels };
    for (const e of mine) {
      const at = e.s === "all" ? s.map((_, i) => i) : [e.s];
      for (const i of at) {
        const sentence = s[i];
        if (sentence === undefined) throw new Error(`relabel: ${row.id} has no sentence ${i}`);
        const tags = sentence[1].split(/\s+/).filter((t) => t !== "");
        const has = tags.includes(e.label);
        if (e.op === "add" && !has) tags.push(e.label);
        if (e.op === "remove" && has) tags.splice(tags.indexOf(e.label), 1);
        sentence[1] = tags.join(" ");
      }
      labels[e.label] = s.some(([, tags]) => tags.split(/\s+/).includes(e.label));
    }
    for (const label of Object.keys(labels))
      if (labels[label] !== row.labels[label])
        changed.push({ id: row.id, label, from: row.labels[label], to: labels[label] });
    return { ...row, s, labels };
  });
  return { rows: out, changed };
}
