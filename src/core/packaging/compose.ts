import { DEFAULT_WPM } from "../analysis/index.ts";
import { DeriskError } from "../errors.ts";
import type { RoleId, StarPart } from "../model.ts";
import { findRoleTerms } from "./role-terms.ts";
import { type Story, type StoryField, type StorySentence, storySentences } from "./story.ts";
import { contentTokens, countWords, hasFigure, speakingSeconds } from "./text.ts";

/** Where a draft sentence came from: the story (verbatim) or a template with blanks. */
export type Origin =
  | { from: "story"; field: StoryField; index: number; sentence: number }
  | { from: "template"; blanks: string[] };

export interface DraftSentence {
  text: string;
  part: StarPart;
  origin: Origin;
}

export interface ComposeOptions {
  question: string;
  role?: RoleId;
  budgetSeconds: number;
  /** Speaking rate; default 150. */
  wordsPerMinute?: number;
}

/** A draft answer: the story's own sentences, picked, ordered and trimmed, plus visible blanks. */
export interface Draft {
  storyId: string;
  question: string;
  role?: RoleId;
  sentences: DraftSentence[];
  text: string;
  words: number;
  seconds: number;
  budgetSeconds: number;
  wordsPerMinute: number;
  /** Every blank the user still has to fill, e.g. "[by how much?]". */
  blanks: string[];
  /** Story sentences left out to fit the budget, most relevant first. */
  trimmed: Array<{ text: string; field: StoryField; index: number; sentence: number }>;
  warnings: string[];
}

/** The blanks compose may add; each names what the interviewer will ask for. */
export const BLANKS = {
  context: "[where and when was this?]",
  action: "[what did you do yourself?]",
  result: "[what changed?]",
  figure: "[by how much?]",
  lesson: "[what did you learn?]",
} as const;

const PART_ORDER: readonly StarPart[] = ["situation", "task", "action", "result", "lesson"];

interface Candidate extends StorySentence {
  position: number;
  words: number;
  score: number;
  figure: boolean;
}

function template(text: string, part: StarPart): DraftSentence {
  return { text, part, origin: { from: "template", blanks: text.match(/\[[^\]]+\]/g) ?? [] } };
}

/**
 * Drafts an answer from a story for a question, role and time budget: the story's own
 * sentences, picked and ordered by relevance, trimmed to the budget, always with a result
 * and a lesson; what is missing becomes a visible blank.
 * @example compose(story, { question: "Tell me about a time you failed", role: "ml-engineer", budgetSeconds: 90 }).text
 */
export function compose(story: Story, options: ComposeOptions): Draft {
  if (!(options.budgetSeconds > 0)) {
    throw new DeriskError(
      "BAD_INPUT",
      `The time budget must be a positive number of seconds (got ${options.budgetSeconds}).`,
    );
  }
  const wpm =
    options.wordsPerMinute !== undefined && options.wordsPerMinute > 0 ? options.wordsPerMinute : DEFAULT_WPM;
  const budgetWords = Math.floor((options.budgetSeconds * wpm) / 60);
  const questionTokens = new Set(contentTokens(options.question));

  const candidates: Candidate[] = storySentences(story).map((s, position) => {
    let score = 0;
    for (const token of contentTokens(s.text)) if (questionTokens.has(token)) score += 1.5;
    if (options.role !== undefined) {
      const terms = findRoleTerms(s.text, options.role);
      score += terms.core.length - 0.5 * terms.adjacent.length;
    }
    const figure = hasFigure(s.text);
    if (figure) score += 1;
    if (s.part === "action" && /^\s*i\b/i.test(s.text)) score += 0.5;
    return { ...s, position, words: countWords(s.text), score, figure };
  });

  const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.position - b.position;
  const ofPart = (part: StarPart) => candidates.filter((c) => c.part === part);
  const chosen = new Set<Candidate>();
  // The result and the lesson are what the interviewer remembers: always kept.
  const results = ofPart("result");
  const result = results.find((c) => c.figure) ?? results[0];
  const lesson = ofPart("lesson").sort(byScore)[0];
  const action = ofPart("action").sort(byScore)[0];
  const context = ofPart("situation")[0];
  for (const must of [result, lesson, action]) if (must) chosen.add(must);
  let used = [...chosen].reduce((sum, c) => sum + c.words, 0);
  if (context && (used + context.words <= budgetWords || chosen.size === 0)) {
    chosen.add(context);
    used += context.words;
  }
  const rest = candidates.filter((c) => !chosen.has(c)).sort(byScore);
  const trimmed: Candidate[] = [];
  for (const candidate of rest) {
    if (used + candidate.words <= budgetWords) {
      chosen.add(candidate);
      used += candidate.words;
    } else trimmed.push(candidate);
  }

  const relevanceOrder = options.role !== undefined || questionTokens.size > 0;
  const picked = [...chosen].sort((a, b) => {
    const part = PART_ORDER.indexOf(a.part) - PART_ORDER.indexOf(b.part);
    if (part !== 0) return part;
    // Actions lead with what speaks to the role and question; other parts keep their telling order.
    return a.part === "action" && relevanceOrder ? byScore(a, b) : a.position - b.position;
  });

  const sentences: DraftSentence[] = picked.map((c) => ({
    text: c.text,
    part: c.part,
    origin: { from: "story", field: c.field, index: c.index, sentence: c.sentence },
  }));
  const insertAfter = (parts: readonly StarPart[], line: DraftSentence) => {
    let at = 0;
    sentences.forEach((s, i) => {
      if (parts.includes(s.part)) at = i + 1;
    });
    sentences.splice(at, 0, line);
  };
  if (!context) sentences.unshift(template(`Context: ${BLANKS.context}`, "situation"));
  if (!action) insertAfter(["situation", "task"], template(`I ${BLANKS.action}`, "action"));
  if (!result)
    insertAfter(["situation", "task", "action"], template(`The result: ${BLANKS.result}`, "result"));
  if (!picked.some((c) => c.figure)) {
    insertAfter(
      ["situation", "task", "action", "result"],
      template(`In numbers: ${BLANKS.figure}`, "result"),
    );
  }
  if (!lesson) sentences.push(template(`What I learned: ${BLANKS.lesson}`, "lesson"));

  const text = sentences.map((s) => s.text).join(" ");
  const words = countWords(text);
  const warnings: string[] = [];
  if (used > budgetWords) {
    warnings.push(
      `The result, the lesson and the main action alone take ${speakingSeconds(used, wpm)} s, over the ${options.budgetSeconds} s budget: shorten them.`,
    );
  }
  if (!picked.some((c) => c.figure) && story.metrics.length > 0) {
    warnings.push(`Your notes hold figures (${story.metrics.join(", ")}): put one in the result.`);
  }
  const draft: Draft = {
    storyId: story.id,
    question: options.question,
    sentences,
    text,
    words,
    seconds: speakingSeconds(words, wpm),
    budgetSeconds: options.budgetSeconds,
    wordsPerMinute: wpm,
    blanks: sentences.flatMap((s) => (s.origin.from === "template" ? s.origin.blanks : [])),
    trimmed: trimmed.map((c) => ({ text: c.text, field: c.field, index: c.index, sentence: c.sentence })),
    warnings,
  };
  if (options.role !== undefined) draft.role = options.role;
  return draft;
}
