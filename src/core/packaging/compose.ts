import { callsForStory } from "../analysis/classify.ts";
import { statesPractice } from "../analysis/fixes.ts";
import { asksHindsight } from "../analysis/follow-up.ts";
import { classify, DEFAULT_WPM } from "../analysis/index.ts";
import { SENTENCE_TAGS } from "../analysis/lens/features.ts";
import { readAnswer, tagSentences } from "../analysis/lens/read.ts";
import { LENS_MODEL } from "../analysis/lens/weights.ts";
import { tokenize } from "../analysis/nlp.ts";
import { segmentSentences } from "../analysis/segment.ts";
import { measureTiming } from "../analysis/timing.ts";
import { DeriskError } from "../errors.ts";
import type { Competency, RoleId, StarPart } from "../model.ts";
import { formatDuration } from "../words.ts";
import { FIX_OF_IT, leansOnTrouble, STATES_MISTAKE, tellsTrouble } from "./acts.ts";
import { missingAsk } from "./asked.ts";
import { ANSWER_CUES, answeringSentences } from "./data/answer-cues.ts";
import { findRoleTerms } from "./role-terms.ts";
import { readsAsLesson, type Story, type StoryField, type StorySentence, storySentences } from "./story.ts";
import {
  announcedCount,
  antecedentOf,
  BLANK,
  contentTokens,
  countsTimeOnly,
  countWords,
  hasBlank,
  hasFigure,
  joinSentences,
  lacksSubject,
  leansBack,
  leansOnAnyStep,
  measuresInWords,
  openingWords,
  sayAsides,
  stepSaidBefore,
  subjectlessNote,
} from "./text.ts";

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
  /**
   * The text the story was drawn from (e.g. the answer it was made from): its sentences are
   * told in that order, which is when they happened.
   */
  telling?: string;
  /**
   * Keep the whole story when even its shortest telling overruns the budget (the draft then says
   * by how much). By default such a draft is the shortest telling, the closest to the budget.
   */
  whole?: boolean;
}

/** A draft answer: the story's own sentences, picked, ordered and trimmed, plus visible blanks. */
export interface Draft {
  storyId: string;
  question: string;
  role?: RoleId;
  sentences: DraftSentence[];
  text: string;
  /** The draft as it can be said today: its own sentences, blanks left out. What the lens reads. */
  spoken: string;
  /** Words and seconds of `spoken` by the risk lens's estimate; blanks never count. */
  words: number;
  seconds: number;
  budgetSeconds: number;
  wordsPerMinute: number;
  /** Every blank the user still has to fill, e.g. "[by how much?]". */
  blanks: string[];
  /** Story sentences left out to fit the budget, most relevant first. */
  /** The story's sentences left out to fit the budget, each with the STAR+L part the draft would have given it. */
  trimmed: Array<{ text: string; part: StarPart; field: StoryField; index: number; sentence: number }>;
  warnings: string[];
  /**
   * Set when even the story's shortest telling overruns the budget and the draft is that telling:
   * how long the whole story takes by the lens's estimate (compose again with `whole` to get it).
   */
  wholeSeconds?: number;
  /**
   * Set for a stored story's draft: the stored answer whose question the draft answers (the
   * answer the story was drawn from when asked the same kind of question, else another answer
   * of its document that asks what was asked), to save the draft as a variant of. Absent when no
   * question of the document asks it: the draft is then a new answer, never another question's.
   */
  variantOf?: string;
}

/** The blanks compose may add; each names what the interviewer will ask for. */
export const BLANKS = {
  context: "[where and when was this?]",
  action: "[what did you do yourself?]",
  result: "[what was the result?]",
  figure: "[by how much?]",
  lesson: "[what did you learn?]",
  shortLesson: "[what did you learn, in a few words?]",
  mistake: "[what did you get wrong, and how did you find out?]",
  hindsight: "[what would you change, and what do you do now?]",
  change: "[what do you do now because of it?]",
} as const;

// A question that asks for no story ("Tell me about yourself", "What is your greatest weakness?")
// needs its own answer said first; a story can only back it. What to add, per competency. (A
// technical question, "How did you evaluate a model?", is answered by a story of doing it.)
const ANSWER_FIRST: Partial<Record<Competency, { blank: string; asks: string }>> = {
  "about-me": { blank: "[who are you, and what do you do now?]", asks: "who you are" },
  motivation: { blank: "[why this role, why this company?]", asks: "why this role or company" },
  "strength-weakness": {
    blank: "[which strength or weakness is it?]",
    asks: "a strength or a weakness",
  },
};

const PART_ORDER: readonly StarPart[] = ["situation", "task", "action", "result", "lesson"];

interface Candidate extends StorySentence {
  position: number;
  words: number;
  score: number;
  figure: boolean;
  /** Says what the question asks for (for a mistake question: the mistake or owning it). */
  answers: boolean;
}

// A result that names what the work made as one already heard of ("The new version caught most
// of the events…", "the retrained model"): said only after a deed that made it.
export const NAMES_MADE = /\bthe (?:new|updated|revised|retrained|rebuilt|corrected|fixed) [a-z]/i;

/** Whether a sentence tells what went wrong: a failure seen, or the speaker's own mistake. */
function saysTrouble(sentence: string): boolean {
  return tellsTrouble(sentence) || STATES_MISTAKE.test(sentence);
}

/**
 * The two longest of `lines` (ties to the earlier), as a warning names them: where a shorter
 * telling saves most.
 * @example longestLines(picked) // ["“We rebuilt the nightly…” (31 words)", "“I traced the…” (24 words)"]
 */
function longestLines(lines: readonly Candidate[]): string[] {
  return [...lines]
    .sort((a, b) => b.words - a.words || a.position - b.position)
    .slice(0, 2)
    .map((c) => `“${openingWords(c.text)}” (${c.words} words)`);
}

function template(text: string, part: StarPart): DraftSentence {
  return { text, part, origin: { from: "template", blanks: text.match(BLANK) ?? [] } };
}

/** What telling how the problem surfaced adds to a sentence's relevance (an answering sentence adds 3). */
const SURFACED_WEIGHT = 2;

/** How much the story's own field for a sentence adds to the tagger's probability of that part. */
const PRIOR_WEIGHT = 0.3;

// The speaker in a sentence: "I" or "we" doing, thinking or owning something.
const FIRST_PERSON = /\b(?:I|[Ww]e)\b/;

/** A setting line that tells the speaker's own work ("…, I was responsible for rewriting the join…") and stands alone. */
function setsOwnWork(c: { text: string; part: StarPart }): boolean {
  return (c.part === "situation" || c.part === "task") && FIRST_PERSON.test(c.text) && !leansBack(c.text);
}

/**
 * Whether a sentence tells no deed of the speaker: no "I" or "we" in it, not a list item whose
 * "I" is in the line before ("Added a check…"), and the tagger does not mainly hear an action in
 * it ("This led to poor training.", "Within a week the users complained."). Filed under Actions
 * or not, such a sentence is the problem or an outcome told between the deeds, never one of them.
 */
function tellsNoDeed(sentence: string, probs: readonly number[]): boolean {
  if (FIRST_PERSON.test(sentence) || lacksSubject(sentence)) return false;
  const action = probs[PART_ORDER.indexOf("action")] ?? 0;
  const other = Math.max(...probs.filter((_, j) => PART_ORDER[j] !== "action"));
  return action < 0.5 || action < other;
}

/**
 * The STAR+L part of each sentence of a story told in order, as the risk lens's trained sentence
 * tagger reads it, with the telling order kept: the speaker's deeds never go back (situation →
 * task → action → result → lesson). A sentence that tells no deed is never an action: told
 * before or between the actions it is the problem (what the mistake led to, how it surfaced),
 * after the last one the result. A story's opening filed as its Situation is the setting, even
 * when it is told as a deed; one filed under Actions that tells a deed is an action.
 * @example tagStoryParts(["Our deploys failed weekly.", "I added a canary.", "Failures fell to zero."]) // ["situation", "action", "result"]
 */
export function tagStoryParts(
  sentences: readonly string[],
  prior: readonly (StarPart | undefined)[] = [],
): StarPart[] {
  if (sentences.length === 0) return [];
  // One sentence per paragraph, so that the lens reads each as its own unit or units.
  const starts: number[] = [];
  let text = "";
  for (const sentence of sentences) {
    if (text !== "") text += "\n\n";
    starts.push(text.length);
    text += sentence;
  }
  const read = readAnswer(text, { story: true }, LENS_MODEL);
  const probs = tagSentences(read, LENS_MODEL);
  const columns = PART_ORDER.map((part) => SENTENCE_TAGS.indexOf(part));
  const sums = sentences.map(() => PART_ORDER.map(() => 0));
  const counts = sentences.map(() => 0);
  read.units.forEach((unit, u) => {
    let at = 0;
    while (at + 1 < starts.length && (starts[at + 1] ?? 0) <= unit.start) at += 1;
    const row = sums[at];
    if (row === undefined) return;
    columns.forEach((k, j) => {
      row[j] = (row[j] ?? 0) + (probs[u]?.[k] ?? 0);
    });
    counts[at] = (counts[at] ?? 0) + 1;
  });
  const means = sums.map((row, i) => row.map((p) => p / Math.max(1, counts[i] ?? 0)));
  // A lesson told inside a written Result or Action section is the lesson, as the lens reads it
  // (never the section's first sentence: a written "Result:" keeps its result).
  const priors = sentences.map((sentence, i) =>
    (prior[i] === "result" || prior[i] === "action") && prior[i - 1] === prior[i] && readsAsLesson(sentence)
      ? "lesson"
      : prior[i],
  );
  // The part the story itself gives a sentence (the field the user filed it under) is a prior
  // the tagger must outweigh: a goal filed under Task stays the task even where the tagger hears
  // an action in it.
  const score = (i: number, j: number) =>
    Math.log((means[i]?.[j] ?? 0) + 0.02 + (priors[i] === PART_ORDER[j] ? PRIOR_WEIGHT : 0));
  // Best monotone path (a Viterbi over the five parts in their order).
  const n = sentences.length;
  const m = PART_ORDER.length;
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < n; i += 1) {
    best.push([]);
    from.push([]);
    let runBest = Number.NEGATIVE_INFINITY;
    let runAt = 0;
    for (let j = 0; j < m; j += 1) {
      const previous = i === 0 ? 0 : (best[i - 1]?.[j] ?? Number.NEGATIVE_INFINITY);
      if (previous > runBest) {
        runBest = previous;
        runAt = j;
      }
      (best[i] as number[])[j] = runBest + score(i, j);
      (from[i] as number[])[j] = runAt;
    }
  }
  const last = best[n - 1] ?? [];
  let j = last.indexOf(Math.max(...last));
  const parts: StarPart[] = new Array(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    parts[i] = PART_ORDER[j] ?? "action";
    j = from[i]?.[j] ?? 0;
  }
  // The path keeps a sentence that tells no deed among the actions when deeds follow it (the
  // field it was filed under says Actions, or a part the path cannot go back to): it is the
  // problem ("This led to poor training.", "Two days later a colleague reported…"), never an
  // action. After the last deed it is how the story ended.
  const deed = sentences.map(
    (sentence, i) => parts[i] === "action" && !tellsNoDeed(sentence, means[i] ?? []),
  );
  const firstDeed = deed.indexOf(true);
  const lastDeed = deed.lastIndexOf(true);
  parts.forEach((part, i) => {
    if (part !== "action" || deed[i]) return;
    if (i > lastDeed) parts[i] = "result";
    else if (i < firstDeed && parts.slice(0, i).includes("task")) parts[i] = "task";
    else parts[i] = "situation";
  });
  // What the episode did to the speaker's understanding, told after the result with nothing but
  // the lesson after it ("It helped me solidify my understanding of…"), is the lesson, also where
  // no written label says so (follow-ups read an answer's sentences with no fields).
  for (let i = n - 1; i > 0; i -= 1) {
    if (parts[i] === "lesson") continue;
    if (parts[i] === "result" && parts[i - 1] === "result" && readsAsLesson(sentences[i] ?? ""))
      parts[i] = "lesson";
    break;
  }
  // A story opens with its setting: the first sentence, filed as the Situation, is the scene
  // even when the tagger hears a deed in it ("I built a detector and evaluated it on…").
  if (priors[0] === "situation") parts[0] = "situation";
  // And an opening filed under Actions that tells the speaker's deed ("I added a cache…") is an
  // action, not the scene: the story then has no setting, and compose asks for one. Only where no
  // later sentence is read as the scene or the task, so the telling order still holds.
  else if (
    priors[0] === "action" &&
    parts[0] !== "action" &&
    !tellsNoDeed(sentences[0] ?? "", means[0] ?? []) &&
    !parts.slice(1).some((p) => p === "situation" || p === "task")
  )
    parts[0] = "action";
  return parts;
}

/**
 * The lens's own speaking-time estimate of a text (its words at the speaking rate), the
 * figure the risk lens shows beside the draft.
 */
function lensTiming(text: string, wpm: number, budgetSeconds: number): { words: number; seconds: number } {
  if (text.trim() === "") return { words: 0, seconds: 0 };
  const units = segmentSentences(text, tokenize(text));
  const timing = measureTiming(units, wpm, { min: 0, max: budgetSeconds });
  return { words: timing.words, seconds: timing.seconds };
}

/** The story's sentences in the order the source text tells them (story order where it is silent). */
function inTellingOrder(sentences: StorySentence[], telling: string | undefined): StorySentence[] {
  if (telling === undefined || telling.trim() === "") return sentences;
  let previous = -1;
  // A story sentence may join a lead-in to the first item of its list ("Once I identified the
  // issue…, I" + "Refactored the app…" → "…, I refactored the app…"), which the source does not
  // hold whole: its opening words still say where it was told.
  const locate = (text: string) => {
    const at = telling.indexOf(text);
    if (at >= 0) return at;
    const opening = text.split(/\s+/).slice(0, 6).join(" ");
    return opening.length >= 20 ? telling.indexOf(opening) : -1;
  };
  const keyed = sentences.map((s, i) => {
    const at = locate(s.text);
    const key = at >= 0 ? at : previous + 0.5;
    previous = key;
    return { s, key, i };
  });
  return keyed.sort((a, b) => a.key - b.key || a.i - b.i).map((k) => k.s);
}

/**
 * A line with the lines told before it that it leans on, the earliest first: while a line `leans`
 * on another, the one it points at (see antecedentOf) is said before it. The walk stops at `stop`
 * (the setting, which opens the draft anyway) and at a line that points forward or at itself.
 * Each step goes to an earlier line, so none is met twice.
 */
function leanChain(
  candidates: readonly Candidate[],
  texts: readonly string[],
  line: Candidate,
  leans: (text: string) => boolean,
  stop?: Candidate,
): Candidate[] {
  const chain = [line];
  for (let at = line; leans(at.text); ) {
    const leant = candidates[antecedentOf(texts, at.position)];
    if (leant === undefined || leant === stop || leant.position >= at.position) break;
    chain.unshift(leant);
    at = leant;
  }
  return chain;
}

/**
 * The sentences that tell what went wrong before the story's mistake is found or its fix begins,
 * with the lines they lean on ("However, after launch, …" on "Everything looked great…"): the
 * first told whose words fit what the budget leaves after the rest that must stay, else the one
 * that costs fewest words. Empty when the story tells no trouble before its deeds, or its setting
 * already tells it.
 */
function problemOf(
  candidates: readonly Candidate[],
  asked: readonly Candidate[],
  firstAction: number,
  context: Candidate | undefined,
  others: ReadonlyArray<Candidate | undefined>,
  budgetWords: number,
): Candidate[] {
  const texts = candidates.map((c) => c.text);
  const firstAsked = asked.length > 0 ? Math.min(...asked.map((c) => c.position)) : firstAction;
  const before = candidates.filter((c) => c.position < firstAsked && c !== context && !c.answers);
  if (context !== undefined && tellsTrouble(context.text)) return [];
  const surfaced = candidates[firstAsked - 1];
  const options = before.filter(
    (c) => tellsTrouble(c.text) || (asked.length > 0 && c === surfaced && c.part === "situation"),
  );
  const costed = options.map((c) => {
    const lines = leanChain(candidates, texts, c, (t) => leansBack(t) && !leansOnAnyStep(t), context);
    return { lines, words: lines.reduce((sum, l) => sum + l.words, 0) };
  });
  const kept = new Set([context, ...asked, ...others]);
  const mustWords = [...kept].reduce((sum, c) => sum + (c?.words ?? 0), 0);
  const fits = costed.find((o) => mustWords + o.words <= budgetWords);
  const cheapest = [...costed].sort((a, b) => a.words - b.words)[0];
  return (fits ?? cheapest)?.lines ?? [];
}

/**
 * The draft for a hindsight follow-up on a story already told ("What would you do differently?"):
 * the line that says what went wrong (the speaker's mistake, else the trouble), with the lines it
 * leans on, then the story's lesson — what it taught and what the speaker now does — in the order
 * they were told. The interviewer has heard the rest. A story with no lesson leaves a blank for
 * it; one whose lesson says nothing of what changed asks for that. Over the budget, the line of
 * what went wrong goes first, then the earlier lessons: the lesson is the answer.
 */
function hindsightDraft(
  story: Story,
  candidates: readonly Candidate[],
  options: ComposeOptions,
  wpm: number,
  leftBlanks: readonly string[],
): Draft {
  const texts = candidates.map((c) => c.text);
  const plain = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'");
  const lessons = candidates.filter((c) => c.part === "lesson" || statesPractice(plain(c.text)));
  const firstLesson = lessons[0]?.position ?? Number.POSITIVE_INFINITY;
  const before = candidates.filter((c) => c.position < firstLesson);
  const wrong = before.find((c) => STATES_MISTAKE.test(c.text)) ?? before.find((c) => tellsTrouble(c.text));
  const wrongLines =
    wrong === undefined ? [] : leanChain(candidates, texts, wrong, (t) => leansBack(t) && !leansOnAnyStep(t));
  const secondsOf = (lines: readonly Candidate[]) =>
    lensTiming(joinSentences(lines.map((c) => c.text)), wpm, options.budgetSeconds).seconds;
  const ordered = (lines: readonly Candidate[]) =>
    [...new Set(lines)].sort((a, b) => a.position - b.position);
  let picked = ordered([...wrongLines, ...lessons]);
  if (secondsOf(picked) > options.budgetSeconds && lessons.length > 0) picked = ordered(lessons);
  while (secondsOf(picked) > options.budgetSeconds && picked.length > 1) picked = picked.slice(1);
  const sentences: DraftSentence[] = picked.map((c) => ({
    text: c.text,
    part: c.part,
    origin: { from: "story", field: c.field, index: c.index, sentence: c.sentence },
  }));
  // What changes is what the question asks: a lesson that says no practice and no "next time"
  // is asked for it.
  const saysChange = lessons.some(
    (c) =>
      statesPractice(plain(c.text)) ||
      /\b(?:now|next time|i'd|i would|i will|i'll|from then on)\b/.test(plain(c.text)),
  );
  if (lessons.length === 0)
    sentences.push(template(`What I'd do differently: ${BLANKS.hindsight}`, "lesson"));
  else if (!saysChange) sentences.push(template(`What I do differently now: ${BLANKS.change}`, "lesson"));
  const spoken = joinSentences(picked.map((c) => c.text));
  const timing = lensTiming(spoken, wpm, options.budgetSeconds);
  const warnings = [
    "The question is a follow-up on a story already told: the draft says in a line what went wrong and then what you would change and now do, not the story again.",
  ];
  if (lessons.length === 0)
    warnings.push(
      "This story tells no lesson: say what you would change and what you do now where the draft leaves a blank, in your own words.",
    );
  if (timing.seconds > options.budgetSeconds)
    warnings.push(
      `The lesson alone takes ${formatDuration(timing.seconds)}, ${formatDuration(timing.seconds - options.budgetSeconds)} over the ${formatDuration(options.budgetSeconds)} budget: say it shorter.`,
    );
  return buildDraft(story, options, wpm, {
    sentences,
    spoken,
    timing,
    leftBlanks,
    trimmed: candidates.filter((c) => !picked.includes(c)),
    warnings,
  });
}

/**
 * Drafts an answer from a story for a question, role and time budget: the story's own
 * sentences in the order they happened (situation → task → actions → result → lesson, parts
 * read by the risk lens's sentence tagger), the least relevant left out until the lens's own
 * speaking-time estimate fits the budget, always with a result and a lesson; what is missing
 * becomes a visible blank, and a blank never counts as content or time.
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

  const all = inTellingOrder(storySentences(story), options.telling);
  const competency = classify(options.question).competency;
  // A blank the user has not filled yet ("[what did you learn?]") is not part of the story.
  // Said as a speaker says it: an aside in brackets between commas, "e.g." in words.
  const told = all.filter((s) => !hasBlank(s.text)).map((s) => ({ ...s, text: sayAsides(s.text) }));
  const leftBlanks = all.filter((s) => hasBlank(s.text)).flatMap((s) => s.text.match(BLANK) ?? []);
  const parts = tagStoryParts(
    told.map((s) => s.text),
    told.map((s) => s.part),
  );
  const answering = new Set(
    answeringSentences(
      told.map((s) => s.text),
      competency,
    ),
  );
  const candidates: Candidate[] = told.map((s, position) => {
    const part = parts[position] ?? s.part;
    let score = 0;
    for (const token of contentTokens(s.text)) if (questionTokens.has(token)) score += 1.5;
    if (options.role !== undefined) {
      const terms = findRoleTerms(s.text, options.role);
      score += terms.core.length - 0.5 * terms.adjacent.length;
    }
    const figure = hasFigure(s.text);
    if (figure) score += 1;
    if (part === "action" && /^\s*i\b/i.test(s.text)) score += 0.5;
    const answers = answering.has(position);
    if (answers) score += 3;
    return { ...s, part, position, words: countWords(s.text), score, figure, answers };
  });

  // A hindsight follow-up ("What would you do differently?", "What did you learn from it?") is
  // asked about the story already told: its answer is what went wrong, in a line, and what the
  // story taught and changed — not the story again, nor a strength or a weakness.
  if (asksHindsight(options.question)) return hindsightDraft(story, candidates, options, wpm, leftBlanks);

  // How the problem surfaced, told right before what the question asks for ("Within a week the
  // operators said it missed the events…" before "I went back and realised my split had leaked"),
  // is what makes the answer a story: it outranks a further step of the fix, and so does the line
  // it leans on ("Within a week" of what?).
  const texts = candidates.map((c) => c.text);
  for (const c of candidates) {
    if (!c.answers) continue;
    const before = candidates[c.position - 1];
    if (before === undefined || before.answers || before.part !== "situation" || before.position === 0)
      continue;
    before.score += SURFACED_WEIGHT;
    const leant = leansBack(before.text) ? candidates[antecedentOf(texts, before.position)] : undefined;
    if (leant !== undefined && leant.position > 0) leant.score += SURFACED_WEIGHT;
  }
  const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.position - b.position;
  const ofPart = (part: StarPart) => candidates.filter((c) => c.part === part);
  const chosen = new Set<Candidate>();
  // The result and the lesson are what the interviewer remembers: always kept. (What a mistake
  // led to, told between the actions, is the problem, not the result: see tagStoryParts.)
  const results = ofPart("result");
  const result = results.find((c) => c.figure) ?? results[0];
  const lessons = ofPart("lesson");
  const lesson = lessons.at(-1);
  const actions = ofPart("action");
  // For any question but a mistake question, the main action is a deed that deals with the
  // problem, not the one that caused it: "I had loaded the channel history from disk on every
  // request" is what went wrong, and a draft whose one deed is that answers no question of a
  // problem solved ("After that, the latency dropped" would follow the mistake). A mistake
  // question keeps the mistake as what it asks for, and its fix by the answer cues.
  // Only where that deed, the lines it leans on, the setting and the result fit the budget
  // together: else the result would go to make room, and a result is what the interviewer keeps.
  // The context is the scene told before the actions, not the problem found among them.
  const firstAction = actions[0]?.position ?? Number.POSITIVE_INFINITY;
  const setting = (part: StarPart) => ofPart(part).find((c) => c.position < firstAction);
  const context = setting("situation") ?? setting("task");
  // A fix told as its purpose ("To resolve it, I rewrote…") leans on the line before as much.
  const pointsBack = (text: string) => leansBack(text) || FIX_OF_IT.test(text);
  // A line told before, with the lines it leans on.
  const chainOf = (c: Candidate): Candidate[] =>
    leanChain(candidates, texts, c, (t) => pointsBack(t) && !leansOnAnyStep(t));
  // A deed told after the first mistake, when the story tells one: the fix, not the deed that
  // came before the trouble ("After deploying the first version, I noticed…").
  const mistakeAt = actions.find((c) => STATES_MISTAKE.test(c.text))?.position ?? -1;
  // A line that says what went wrong, with the lines it leans on. A line that only counts its time
  // from the one before ("Two days later a colleague reported…") ends the walk where the setting
  // tells the speaker's own work: the listener counts the time from that work (see countsTimeOnly).
  const ownSetting = context !== undefined && setsOwnWork(context);
  const troubleChain = (c: Candidate): Candidate[] =>
    leanChain(
      candidates,
      texts,
      c,
      (t) => pointsBack(t) && !leansOnAnyStep(t) && !(ownSetting && countsTimeOnly(t)),
      context,
    );
  // The shortest telling of what went wrong before a line (the setting aside), with the lines it leans on.
  const troubleBefore = (c: Candidate): Candidate[] =>
    candidates
      .filter((o) => o.position < c.position && o !== context && saysTrouble(o.text))
      .map(troubleChain)
      .sort((a, b) => a.reduce((n, l) => n + l.words, 0) - b.reduce((n, l) => n + l.words, 0))[0] ?? [];
  // What a deed needs said with it: the lines it points back at, or, for one that only names the
  // trouble as told ("To resolve it, I…" after "This led to…"), the shortest line told before it
  // that says what went wrong (see leansOnTrouble), with the lines that one leans on. So does a fix
  // of a mistake the story tells ("I fixed the join, added a row-count check…" after "I had used
  // an inner join…"): said alone, it fixes what the listener never heard went wrong.
  const fixesMistake = (c: Candidate, chain: readonly Candidate[]) =>
    mistakeAt >= 0 &&
    c.position > mistakeAt &&
    !(context !== undefined && saysTrouble(context.text)) &&
    !chain.some((l) => saysTrouble(l.text));
  const withLeant = (c: Candidate): Candidate[] => {
    if (!leansBack(c.text) && leansOnTrouble(c.text)) return [...troubleBefore(c), c];
    const chain = leanChain(candidates, texts, c, pointsBack, context);
    return fixesMistake(c, chain) ? [...new Set([...troubleBefore(c), ...chain])] : chain;
  };
  // How long lines take to say in their telling order, by the lens's own estimate.
  const secondsOf = (lines: ReadonlyArray<Candidate | undefined>) =>
    lensTiming(
      candidates
        .filter((c) => lines.includes(c))
        .map((c) => c.text)
        .join(" "),
      wpm,
      options.budgetSeconds,
    ).seconds;
  const anyAction = [...actions].sort(byScore)[0];
  // The main action, for any question but a mistake question, is a deed told after the first
  // mistake, when the story tells one: the fix, not the deed that came before the trouble. Every fix is tried,
  // the most relevant first: the first that fits with what it leans on, the setting and the result
  // is the main action. ("I told the team, rolled back…" needs what went wrong said before it and
  // may not fit where "I fixed the join, added a row-count check…" does; neither is the deed that
  // caused the trouble.)
  const deed =
    competency === "mistake-failure"
      ? undefined
      : actions
          .filter((c) => c.position > mistakeAt && !STATES_MISTAKE.test(c.text))
          .sort(byScore)
          .find((c) => secondsOf([context, result, ...withLeant(c)]) <= options.budgetSeconds);
  const action = deed ?? anyAction;
  // What the question asks for comes first: the mistake and owning it, for a mistake question.
  const asked = candidates.filter((c) => c.answers);
  // The setting stays too: without it the draft opens mid-action ("I compared a sample of
  // outputs…": which outputs?) and the listener never learns where the story is. When all of this
  // cannot fit, the draft says so (a warning) rather than drop the scene.
  // What went wrong stays too, before any further step of the fix: without it the draft fixes
  // "the issue" the listener never heard of. It is told before the mistake is found (before the
  // first action, for a story that answers no mistake question): a sentence that tells trouble
  // ("we started seeing high error rates"), or how it surfaced right before the mistake ("Two
  // days later a colleague reported odd constants"). The first one told, with the lines it leans
  // on, where it fits the budget; else the shortest.
  // A mistake question asks how it was handled as much as what went wrong: the line that states the
  // mistake (the first that answers with the mistake cue, else the first that answers), and one
  // deed told after it, not itself a mistake: one that answers the question first (owning it, the
  // fix), then the most relevant. Without it the draft goes from the mistake to its result ("…and
  // the test has caught one empty region since": which test?).
  const stated =
    competency === "mistake-failure"
      ? (asked.find((c) => STATES_MISTAKE.test(c.text)) ?? asked[0])
      : undefined;
  const handlingsOf = (mistake: Candidate, besides: readonly Candidate[]) =>
    candidates
      .filter(
        (c) =>
          c.position > mistake.position &&
          c.part === "action" &&
          !besides.includes(c) &&
          !STATES_MISTAKE.test(c.text),
      )
      .sort((a, b) => Number(b.answers) - Number(a.answers) || byScore(a, b));
  const handled =
    stated === undefined ||
    [action, ...asked].some(
      (c) =>
        c !== undefined &&
        c.position > stated.position &&
        c.part === "action" &&
        !STATES_MISTAKE.test(c.text),
    );
  const handling = handled || stated === undefined ? undefined : handlingsOf(stated, chainOf(stated))[0];
  const problem = problemOf(
    candidates,
    asked,
    firstAction,
    context,
    [result, lesson, action, handling],
    budgetWords,
  );
  // The fix of a mistake, as the main action, keeps the telling of what went wrong it was costed
  // with (one that names the trouble as told, "To resolve it, I…", gets its own below).
  const fixed =
    deed !== undefined &&
    action === deed &&
    !leansOnTrouble(deed.text) &&
    fixesMistake(deed, [...problem, deed])
      ? troubleBefore(deed)
      : [];
  const must = [
    ...new Set([context, ...problem, ...fixed, result, lesson, action, handling, ...asked]),
  ].filter((c): c is Candidate => c !== undefined);
  // A line that must stay and points back ("I traced it to my join…", "It worked in testing,
  // but…") keeps what it points at: said alone, its "it" stands for nothing. Not the setting,
  // which opens the draft, nor a result or a lesson, whose "this" is the whole episode.
  for (let i = 0; i < must.length; i += 1) {
    const c = must[i] as Candidate;
    if (c === context || c.part === "result" || c.part === "lesson") continue;
    // "I then trained…" is said after a step of the speaker: the nearest one before it, when no
    // step that must stay comes first.
    if (leansOnAnyStep(c.text)) {
      const step = [...candidates]
        .reverse()
        .find((o) => o.position < c.position && o.part === "action" && !leansOnAnyStep(o.text));
      const said = must.some((o) => o.position < c.position && o.part === "action");
      if (step !== undefined && !said) must.push(step);
      continue;
    }
    if (!leansBack(c.text)) continue;
    // "Two days later a colleague reported…" counts its time from the work the setting told.
    if (ownSetting && countsTimeOnly(c.text)) continue;
    const leant = candidates[antecedentOf(texts, c.position)];
    if (leant !== undefined && leant.position < c.position && !must.includes(leant)) must.push(leant);
  }
  // A line that must stay and leans on the trouble ("I acknowledged the issue, rolled back…", "No
  // published analysis used the bad constants.") is said only after what went wrong: where no line
  // that must stay tells it first, the nearest one told before it does, with the lines it leans on,
  // where they fit the budget (the problem outranks any further step). Else the line goes: the
  // draft never fixes or counts the damage of a problem it never said.
  const unsaid = new Set<Candidate>();
  for (const c of [...must].sort((a, b) => a.position - b.position)) {
    if (c === context || !leansOnTrouble(c.text)) continue;
    if (must.some((o) => o.position < c.position && saysTrouble(o.text))) continue;
    // The result and the lesson may still give way for time (below); what else must stay may not.
    const words = must
      .filter((o) => o === c || (o !== result && o !== lesson))
      .reduce((sum, o) => sum + o.words, 0);
    // The nearest that fits with the result still said; else the shortest that fits at all.
    const withResult =
      words + (result !== undefined && result !== c && must.includes(result) ? result.words : 0);
    const options = candidates
      .filter((o) => o.position < c.position && saysTrouble(o.text))
      .reverse()
      .map((o) => chainOf(o).filter((l) => !must.includes(l)))
      .map((lines) => ({ lines, words: lines.reduce((sum, l) => sum + l.words, 0) }));
    const told = (
      options.find((o) => withResult + o.words <= budgetWords) ??
      [...options].sort((a, b) => a.words - b.words).find((o) => words + o.words <= budgetWords)
    )?.lines;
    if (told !== undefined) must.push(...told);
    else {
      unsaid.add(c);
      must.splice(must.indexOf(c), 1);
    }
  }
  // A result that names what the fix made ("The new version caught…") is said only after a deed
  // of the speaker that is not the mistake itself (a fix): where no such deed must stay before it,
  // the most relevant fix told before it, with the lines it leans on, where they fit with the
  // result (the lesson may still give way); else where they fit without it, and the result goes
  // for its blank; else the result goes alone. The fix is the answer to a question of a problem
  // solved: it outranks a result that cannot be said without it.
  // A deed that makes something: an action that is not the mistake, told after the mistake when
  // the story states one (the deed before it made what went wrong, not what the result names).
  const makesSomething = (o: Candidate) => o.part === "action" && !STATES_MISTAKE.test(o.text);
  if (result !== undefined && must.includes(result) && NAMES_MADE.test(result.text)) {
    const made = (o: Candidate) => makesSomething(o) && o.position > mistakeAt;
    if (!must.some((o) => o.position < result.position && made(o))) {
      const words = must.filter((o) => o !== lesson).reduce((sum, o) => sum + o.words, 0);
      const fixes = candidates
        .filter((o) => o.position < result.position && made(o))
        .sort(byScore)
        .map((o) => leanChain(candidates, texts, o, pointsBack, context).filter((l) => !must.includes(l)))
        .map((lines) => ({ lines, words: lines.reduce((sum, l) => sum + l.words, 0) }));
      const withIt = fixes.find((o) => words + o.words <= budgetWords);
      const without = fixes.find((o) => words - result.words + o.words <= budgetWords);
      if (withIt !== undefined) must.push(...withIt.lines);
      else {
        unsaid.add(result);
        must.splice(must.indexOf(result), 1);
        if (without !== undefined) must.push(...without.lines);
      }
    }
  }
  for (const c of must) chosen.add(c);
  let used = must.reduce((sum, c) => sum + c.words, 0);
  const rest = candidates.filter((c) => !chosen.has(c)).sort(byScore);
  for (const candidate of rest) {
    if (used + candidate.words <= budgetWords) {
      chosen.add(candidate);
      used += candidate.words;
    }
  }
  // The story as it happened: chosen sentences in their telling order.
  const inOrder = () => candidates.filter((c) => chosen.has(c));
  const inOrderOf = (lines: ReadonlySet<Candidate>) => candidates.filter((c) => lines.has(c));
  // How long the chosen sentences take to say, by the lens's own estimate.
  const timed = () =>
    lensTiming(
      inOrder()
        .map((c) => c.text)
        .join(" "),
      wpm,
      options.budgetSeconds,
    );
  let timing = timed();
  // The lens has the last word on time: leave out the least relevant until it fits.
  const droppable = () =>
    [...chosen].filter((c) => !must.includes(c) && c !== context).sort((a, b) => byScore(b, a));
  while (timing.seconds > options.budgetSeconds) {
    const drop = droppable()[0];
    if (drop === undefined) break;
    chosen.delete(drop);
    timing = timed();
  }
  // A line that announces a list ("The challenge was twofold:") is said only with every item it
  // announces (the sentences after it in the same field): with one left out it promises two
  // things and says one.
  const itemsOf = (lead: Candidate) => {
    const items = candidates.filter(
      (o) =>
        o.position > lead.position &&
        o.field === lead.field &&
        (lead.field !== "actions" || o.index === lead.index),
    );
    return items.slice(0, announcedCount(lead.text) ?? items.length);
  };
  const leads = candidates.filter((c) => /:\s*$/.test(c.text));
  for (const c of [...chosen]) {
    if (!leads.includes(c) || must.includes(c)) continue;
    if (itemsOf(c).some((o) => !chosen.has(o))) chosen.delete(c);
  }
  // …and an item is said only after the line that announces it: "Fine-tune and serve an LLM."
  // alone is a note, not something a candidate says.
  for (const lead of leads) {
    if (chosen.has(lead)) continue;
    for (const item of itemsOf(lead)) if (!must.includes(item)) chosen.delete(item);
  }
  // A sentence that leans on the one before it ("This led to…", or "Added a check…" whose "I" is
  // in the line before) is said only after that line.
  const orphaned = (c: Candidate) => {
    // "Then, I…" needs a step before it in the draft, not the one sentence before it.
    if (leansOnAnyStep(c.text))
      return !stepSaidBefore(candidates, c.position, (i) => chosen.has(candidates[i] as Candidate));
    // "The new version caught…" needs a deed that made it said before it (see NAMES_MADE).
    if (
      c.part === "result" &&
      NAMES_MADE.test(c.text) &&
      !candidates.some(
        (o) => o.position < c.position && chosen.has(o) && makesSomething(o) && o.position > mistakeAt,
      )
    )
      return true;
    // "The fix restored…" needs what went wrong said before it, in the draft.
    if (
      leansOnTrouble(c.text) &&
      !candidates.some((o) => o.position < c.position && chosen.has(o) && saysTrouble(o.text))
    )
      return true;
    const before = candidates[antecedentOf(texts, c.position)];
    if (before === undefined || chosen.has(before) || !leansBack(c.text)) return false;
    // "Two days later a colleague reported…" counts its time from the speaker's work the setting
    // told, when the line it was counted from is left out (see countsTimeOnly).
    return !(
      countsTimeOnly(c.text) &&
      candidates.some((o) => o.position < c.position && chosen.has(o) && setsOwnWork(o))
    );
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of [...chosen]) {
      if (!must.includes(c) && c !== context && orphaned(c)) {
        chosen.delete(c);
        changed = true;
      }
    }
  }
  // What that freed is filled again, most relevant first, with sentences that stand alone.
  const listed = new Set(leads.flatMap((lead) => [lead, ...itemsOf(lead)]));
  for (const candidate of candidates.filter((c) => !chosen.has(c) && !listed.has(c)).sort(byScore)) {
    if (orphaned(candidate)) continue;
    chosen.add(candidate);
    if (timed().seconds > options.budgetSeconds) chosen.delete(candidate);
  }
  timing = timed();
  // When what must stay still overruns the budget, the draft still fits by the lens's estimate
  // where it can: whole sentences go, never rewritten, the lower-value first. What went wrong,
  // what the question asks for, the main action and the setting never go (without them there is
  // no story, or it opens mid-action); the result and the lesson may. For a mistake question the
  // lesson answers the question, so it is kept before the result; for any other the result is.
  // The higher-value one is kept where it fits, else the other; the order of the rest is the
  // telling order, unchanged.
  const relaxed: Candidate[] = [];
  let shortest: number | undefined;
  // How long the shortest telling tried takes, the result and the lesson left out (see tightMistake, tightStory).
  let leastSeconds: number | undefined;
  let leastLines: Candidate[] = [];
  const least = (lines: Iterable<Candidate>) => {
    const seconds = timed().seconds;
    if (leastSeconds !== undefined && leastSeconds <= seconds) return;
    leastSeconds = seconds;
    leastLines = [...lines];
  };
  let tight = false;
  // How long the whole story takes, where the draft is its shortest telling instead.
  let wholeSeconds: number | undefined;
  // The shortest telling of a mistake: the line that states it (the first that answers the
  // question with the mistake cue, else the first that answers it), with the lines it leans on
  // ("I traced it to my join…" on "Two days later a colleague reported…" on the deed before it);
  // the setting's shortest line that stands alone and says who was doing what ("I"/"we"), told
  // before them, or none where the mistake line leans on nothing and opens with the speaker's own
  // deed ("I went back and reviewed the preprocessing steps…"): it sets the scene itself; one
  // line of how it was handled, told after the mistake (one that answers the question first, then
  // the most relevant); then the lesson and the result, each where it fits. No line is said
  // without the line it leans on. Undefined when even that cannot fit the budget.
  const tightMistake = (): Set<Candidate> | undefined => {
    if (stated === undefined) return undefined;
    // "Eventually, I traced the issue to…" is said after what went wrong: the shortest line told
    // before it that says so, with the lines that one leans on.
    // A line that only counts its time from the one before ("Two days later a colleague
    // reported…") ends the walk: the setting kept before it tells the work that time counts from.
    const own = leanChain(
      candidates,
      texts,
      stated,
      (t) => pointsBack(t) && !leansOnAnyStep(t) && !countsTimeOnly(t),
    );
    const troubled = own.some(
      (c) => leansOnTrouble(c.text) && !own.some((o) => o.position < c.position && saysTrouble(o.text)),
    );
    const trouble = troubled
      ? candidates
          .filter((o) => o.position < (own[0] as Candidate).position && saysTrouble(o.text) && o !== context)
          .map(chainOf)
          .sort((a, b) => a.reduce((n, l) => n + l.words, 0) - b.reduce((n, l) => n + l.words, 0))[0]
      : [];
    if (trouble === undefined) return undefined;
    const core = [...new Set([...trouble, ...own])];
    const head = core[0] as Candidate;
    const settings = candidates
      .filter(
        (c) =>
          c.position < head.position &&
          (c.part === "situation" || c.part === "task") &&
          FIRST_PERSON.test(c.text) &&
          !leansBack(c.text) &&
          !leansOnAnyStep(c.text),
      )
      .sort((a, b) => a.words - b.words || a.position - b.position);
    const openers: Array<Candidate | undefined> = settings.slice(0, 1);
    if (head === stated && /^\s*I\b/.test(head.text)) openers.push(undefined);
    const handlings = handlingsOf(stated, core);
    const holds = (lines: Set<Candidate>, shortest = false) => {
      chosen.clear();
      for (const c of lines) chosen.add(c);
      const whole = [...lines].every((c) => c === lines.values().next().value || !orphaned(c));
      if (whole && shortest) least(lines);
      return timed().seconds <= options.budgetSeconds && whole;
    };
    for (const opener of openers)
      for (const handling of handlings) {
        const lines = new Set([opener, ...core, handling].filter((c): c is Candidate => c !== undefined));
        if (!holds(new Set(inOrderOf(lines)), true)) continue;
        for (const closing of [lesson, result]) {
          if (closing === undefined || closing.position < handling.position) continue;
          lines.add(closing);
          if (!holds(new Set(inOrderOf(lines)))) lines.delete(closing);
        }
        return lines;
      }
    return undefined;
  };
  // The shortest telling of any other story: one line of the setting, the main deed with what it
  // needs said first (the lines it points back at, what went wrong before a fix, the step before
  // "I then…"), and the result where it fits, then the lesson. The setting's line is its shortest
  // that stands alone, says who was doing what ("I"/"we") and announces no list, else the scene
  // the story opens with. The main action is tried first, then, where the story tells a mistake,
  // every other fix of it, the most relevant first (never a deed that only tells what went wrong);
  // a telling that keeps its result comes before one that has to ask for it. Undefined when none
  // fits the budget; `leastSeconds` then holds how long the shortest of them takes.
  const tightStory = (): Set<Candidate> | undefined => {
    const opener =
      candidates
        .filter(
          (c) =>
            c.position < firstAction &&
            (c.part === "situation" || c.part === "task") &&
            FIRST_PERSON.test(c.text) &&
            !/:\s*$/.test(c.text) &&
            !leansBack(c.text) &&
            !leansOnAnyStep(c.text),
        )
        .sort((a, b) => a.words - b.words || a.position - b.position)[0] ?? context;
    const fixes =
      mistakeAt < 0
        ? []
        : actions.filter((c) => c.position > mistakeAt && !saysTrouble(c.text) && c !== action).sort(byScore);
    const deeds = [action, ...fixes].filter((c): c is Candidate => c !== undefined);
    const holds = (lines: ReadonlySet<Candidate>, shortest = false) => {
      chosen.clear();
      for (const c of inOrderOf(lines)) chosen.add(c);
      const first = inOrder()[0];
      const whole = [...chosen].every((c) => c === first || !orphaned(c));
      if (whole && shortest) least(lines);
      return timed().seconds <= options.budgetSeconds && whole;
    };
    const tellingOf = (c: Candidate): Set<Candidate> => {
      const lines = new Set([opener, ...withLeant(c)].filter((l): l is Candidate => l !== undefined));
      // "I then trained…" is said after a step of the speaker's: the nearest one before it.
      const head = inOrderOf(lines).find((l) => l !== opener);
      if (head !== undefined && leansOnAnyStep(head.text)) {
        const step = [...candidates]
          .reverse()
          .find((o) => o.position < head.position && o.part === "action" && !leansOnAnyStep(o.text));
        if (step !== undefined) for (const l of withLeant(step)) lines.add(l);
      }
      // A line it leans on that names the trouble as told ("Once I identified the issue…, I
      // refactored…" before "Added metrics…") is said after what went wrong.
      const unsaid = inOrderOf(lines).find(
        (l) =>
          leansOnTrouble(l.text) &&
          !inOrderOf(lines).some((o) => o.position < l.position && saysTrouble(o.text)),
      );
      if (unsaid !== undefined) for (const l of troubleBefore(unsaid)) lines.add(l);
      return lines;
    };
    for (const withResult of [true, false])
      for (const c of deeds) {
        const lines = tellingOf(c);
        if (withResult) {
          if (result === undefined || result.position < c.position) continue;
          lines.add(result);
        }
        if (!holds(lines, !withResult)) continue;
        if (lesson !== undefined && lesson.position > c.position) {
          lines.add(lesson);
          if (!holds(lines)) lines.delete(lesson);
        }
        return lines;
      }
    return undefined;
  };
  if (timing.seconds > options.budgetSeconds) {
    const held = new Set(
      [context, ...problem, action, handling, ...asked].filter((c): c is Candidate => c !== undefined),
    );
    const byValue = (competency === "mistake-failure" ? [lesson, result] : [result, lesson]).filter(
      (c): c is Candidate => c !== undefined && chosen.has(c) && !held.has(c),
    );
    for (const c of byValue) chosen.delete(c);
    for (const c of byValue) {
      chosen.add(c);
      if (timed().seconds > options.budgetSeconds) chosen.delete(c);
    }
    relaxed.push(...byValue.filter((c) => !chosen.has(c)));
    timing = timed();
    // A mistake question on a budget that tight still has a shortest telling: the mistake owned
    // (with the lines it leans on), one line of how it was handled, after the setting's shortest
    // line, and the lesson or the result where one fits (see tightMistake).
    if (timing.seconds > options.budgetSeconds && competency === "mistake-failure") {
      const kept = new Set(chosen);
      const lines = tightMistake();
      chosen.clear();
      for (const c of lines ?? kept) chosen.add(c);
      if (lines !== undefined) {
        tight = true;
        relaxed.length = 0;
        relaxed.push(...[lesson, result].filter((c): c is Candidate => c !== undefined && !chosen.has(c)));
      }
      timing = timed();
    }
    // Any other question on a budget that tight still has its shortest telling: a line of the
    // setting, the main deed with what it needs said first, and the result where it fits (see
    // tightStory).
    if (timing.seconds > options.budgetSeconds && competency !== "mistake-failure") {
      const kept = new Set(chosen);
      const lines = tightStory();
      chosen.clear();
      for (const c of lines ?? kept) chosen.add(c);
      if (lines !== undefined) {
        tight = true;
        relaxed.length = 0;
        relaxed.push(...[result, lesson].filter((c): c is Candidate => c !== undefined && !chosen.has(c)));
      }
      timing = timed();
    }
    // When even that cannot fit, the draft is the shortest telling tried, the closest to the
    // budget, and the warning says so, by how much it runs over and how long the whole story takes
    // (asked for with `whole`, the whole story stays, its result and lesson with it, and the
    // warning says by how much, and how long the shortest telling would still be).
    if (timing.seconds > options.budgetSeconds) {
      shortest = timing.seconds;
      // What must stay, the result and the lesson left out, is a telling too: the shorter of it
      // and the shortest tried is the closest to the budget.
      const mustLines = [...chosen];
      for (const c of relaxed) chosen.add(c);
      relaxed.length = 0;
      timing = timed();
      const closest = leastSeconds !== undefined && leastSeconds <= shortest ? leastLines : mustLines;
      const closestSeconds = Math.min(shortest, leastSeconds ?? shortest);
      if (!options.whole && closestSeconds < timing.seconds) {
        wholeSeconds = timing.seconds;
        chosen.clear();
        for (const c of closest) chosen.add(c);
        tight = true;
        relaxed.push(
          ...(competency === "mistake-failure" ? [lesson, result] : [result, lesson]).filter(
            (c): c is Candidate => c !== undefined && !chosen.has(c),
          ),
        );
        timing = timed();
      }
    }
  }
  // A draft that has to leave its result out keeps it instead where leaving out a further deed
  // makes room: what the work came to outranks one more step of it. The deeds of least value go
  // first (with any line left leaning on one that went), never the last deed, nor the setting,
  // what went wrong, what the question asks for or how a mistake was handled; when the result still cannot fit, or would
  // itself lean on a line left out, nothing changes and the draft asks for it with a blank.
  if (result !== undefined && !chosen.has(result) && !unsaid.has(result) && !tight) {
    const held = new Set(
      [context, ...problem, handling, ...asked].filter((c): c is Candidate => c !== undefined),
    );
    const deeds = () => [...chosen].filter((c) => c.part === "action");
    const gone: Candidate[] = [];
    chosen.add(result);
    // A result leans on no one line (its "this" is the whole episode), only on a step of the
    // speaker's said before it ("After that, …") or on the trouble it names ("The fix restored…").
    const said = (i: number) => chosen.has(candidates[i] as Candidate);
    const unsupported = (c: Candidate) =>
      leansOnAnyStep(c.text)
        ? !stepSaidBefore(candidates, c.position, said)
        : leansOnTrouble(c.text) &&
          !candidates.some((o) => o.position < c.position && said(o.position) && saysTrouble(o.text));
    const fits = () => !unsupported(result) && timed().seconds <= options.budgetSeconds;
    // The main action stays, unless it is an item of a list of deeds ("Added a latency panel…")
    // whose "I" is in a line that stays: that line is the same work.
    const mainStays = () =>
      action === undefined ||
      chosen.has(action) ||
      (lacksSubject(action.text) &&
        chosen.has(candidates[antecedentOf(texts, action.position)] as Candidate));
    for (const step of [...deeds()].filter((c) => !held.has(c)).sort((a, b) => byScore(b, a))) {
      if (fits()) break;
      if (!chosen.has(step)) continue;
      const out = [step];
      chosen.delete(step);
      for (let more = true; more; ) {
        more = false;
        for (const c of [...chosen])
          if (c !== context && c !== result && orphaned(c)) {
            chosen.delete(c);
            out.push(c);
            more = true;
          }
      }
      if (out.some((c) => held.has(c)) || deeds().length === 0 || !mainStays())
        for (const c of out) chosen.add(c);
      else gone.push(...out);
    }
    if (fits()) {
      const at = relaxed.indexOf(result);
      if (at >= 0) relaxed.splice(at, 1);
    } else {
      chosen.delete(result);
      for (const c of gone) chosen.add(c);
    }
    timing = timed();
  }
  const picked = inOrder();
  // Listed as the story tells them: "The challenge was twofold:" before the items it announces.
  const trimmed = candidates.filter((c) => !chosen.has(c));

  const sentences: DraftSentence[] = picked.map((c) => ({
    text: c.text,
    part: c.part,
    origin: { from: "story", field: c.field, index: c.index, sentence: c.sentence },
  }));
  const insertAfter = (after: readonly StarPart[], line: DraftSentence) => {
    let at = 0;
    sentences.forEach((s, i) => {
      if (after.includes(s.part)) at = i + 1;
    });
    sentences.splice(at, 0, line);
  };
  if (!context) sentences.unshift(template(`Context: ${BLANKS.context}`, "situation"));
  if (!action) insertAfter(["situation", "task"], template(`I ${BLANKS.action}`, "action"));
  // A draft never ends without saying what came of it: a result it has none of, or had to leave
  // out for time, is asked for by a blank (which counts as neither content nor time).
  if (!result || !chosen.has(result))
    insertAfter(["situation", "task", "action"], template(`In the end: ${BLANKS.result}`, "result"));
  // A result that already says its outcome in measuring words ("near-zero error rates") is not
  // followed by a blank asking for a figure.
  const measured = picked.some((c) => c.figure || (c.part === "result" && measuresInWords(c.text)));
  // A result left out for time is asked for by the blank above, not by one more for its figure.
  if (!measured && !(result !== undefined && !chosen.has(result))) {
    insertAfter(
      ["situation", "task", "action", "result"],
      template(`In numbers: ${BLANKS.figure}`, "result"),
    );
  }
  if (!lesson) sentences.push(template(`What I learned: ${BLANKS.lesson}`, "lesson"));
  // A mistake question asks what was learned: a lesson left out for time is asked for in a few
  // words, never dropped unsaid.
  else if (competency === "mistake-failure" && !chosen.has(lesson))
    sentences.push(template(`What I learned: ${BLANKS.shortLesson}`, "lesson"));
  // A mistake question told with a story that holds no mistake of the speaker's is a success
  // story: the draft says where the mistake goes, before the first deed, and never makes one up.
  const mistakeCue = ANSWER_CUES["mistake-failure"]?.[0];
  const tellsNoMistake =
    competency === "mistake-failure" &&
    mistakeCue !== undefined &&
    !told.some((s) => mistakeCue.test(s.text));
  if (tellsNoMistake) {
    const firstDeed = sentences.findIndex((s) => s.part === "action");
    sentences.splice(
      firstDeed < 0 ? sentences.length : firstDeed,
      0,
      template(`What went wrong: ${BLANKS.mistake}`, "situation"),
    );
  }
  // A question that asks for no story opens with its own answer, which only the user can say.
  const answerFirst = callsForStory(competency) ? undefined : ANSWER_FIRST[competency];
  if (answerFirst !== undefined) sentences.unshift(template(`My answer: ${answerFirst.blank}`, "situation"));

  const spoken = joinSentences(picked.map((c) => c.text));
  const warnings: string[] = [];
  if (timing.seconds > options.budgetSeconds) {
    // By how much, and where the words are: the longest sentences that must stay are where a
    // shorter telling saves most.
    const over = timing.seconds - options.budgetSeconds;
    const wordsOver = (seconds: number) => Math.max(1, Math.ceil((seconds * wpm) / 60));
    // How long the story takes even at its shortest: the shortest telling tried (a line of the
    // setting, what went wrong, the main deed; the result and the lesson left out), else what must
    // stay without the result and the lesson. That is the time the story needs, and the words to
    // cut are the ones that make that telling fit, from its own longest lines.
    const tried = leastSeconds !== undefined && (shortest === undefined || leastSeconds <= shortest);
    const need = tried ? leastSeconds : shortest;
    const atLeast =
      need !== undefined && need < timing.seconds && need > options.budgetSeconds ? need : undefined;
    const lines =
      atLeast === undefined
        ? picked.filter((c) => must.includes(c))
        : tried
          ? leastLines
          : picked.filter((c) => must.includes(c) && c !== result && c !== lesson);
    const longest = longestLines(lines);
    // The draft is the shortest telling: it says so, what it leaves out, how far over it still
    // runs and where the words are, and how long the whole story takes.
    const gone = [
      ...(result !== undefined && !chosen.has(result) ? ["the result"] : []),
      ...(lesson !== undefined && !chosen.has(lesson) ? ["the lesson"] : []),
    ];
    const others = trimmed.length - gone.length;
    if (others > 0) gone.push(`${others} other sentence${others === 1 ? "" : "s"}`);
    const leftOut =
      gone.length === 0
        ? "leaving out nothing"
        : `leaving out ${gone.length === 1 ? gone[0] : `${gone.slice(0, -1).join(", ")} and ${gone.at(-1)}`}`;
    warnings.push(
      wholeSeconds !== undefined
        ? `This draft is the story at its shortest (${competency === "mistake-failure" ? "a line of the setting, the mistake and one line of how you handled it" : "a line of the setting, what went wrong and the main deed"}), ${leftOut}, and it still runs ${formatDuration(over)} over the ${formatDuration(options.budgetSeconds)} budget: this story takes ${formatDuration(timing.seconds)}. Give it about ${formatDuration(timing.seconds)}, or cut about ${wordsOver(over)} words from this telling, most easily from its longest lines, ${longestLines(picked).join(" and ")}. The whole story takes ${formatDuration(wholeSeconds)}.`
        : atLeast !== undefined
          ? `What must stay (the setting, what went wrong, the result, the lesson, the main action and what the question asks for) takes ${formatDuration(timing.seconds)}, ${formatDuration(over)} over the ${formatDuration(options.budgetSeconds)} budget; even at its shortest (${competency === "mistake-failure" ? "a line of the setting, the mistake and one line of how you handled it" : "a line of the setting, what went wrong and the main deed"}, no result or lesson) this story takes ${formatDuration(atLeast)}. Give it about ${formatDuration(atLeast)}, or cut about ${wordsOver(atLeast - options.budgetSeconds)} words from that telling, most easily from its longest lines, ${longest.join(" and ")}.`
          : `What must stay (the setting, what went wrong, the result, the lesson, the main action and what the question asks for) takes ${formatDuration(timing.seconds)}, ${formatDuration(over)} over the ${formatDuration(options.budgetSeconds)} budget: cut about ${wordsOver(over)} words, most easily from the longest of them, ${longest.join(" and ")}.`,
    );
  }
  if (tellsNoMistake) {
    warnings.push(
      "The question asks about a mistake, and this story tells none of yours: where the draft leaves a blank, say what you got wrong and how you found out, or draft from a story that holds one.",
    );
  }
  // Any other story question: the story may be a good one that answers another question ("a time
  // you explained a model to non-technical people" told with a drift detector no one was told of).
  const unanswered = missingAsk(
    options.question,
    told.map((s) => s.text),
    story.competencies,
  );
  if (unanswered !== undefined) warnings.push(unanswered.note);
  if (answerFirst !== undefined) {
    warnings.push(
      `The question asks for ${answerFirst.asks}, not a story: say that in a line of your own first, where the draft leaves a blank, and keep the story as the example that backs it.`,
    );
  }
  // A kept line with no subject ("Refactored the pipeline…") is said as written, never given one.
  const subjectless = subjectlessNote(
    picked.map((c) => c.text),
    "story",
  );
  if (subjectless !== undefined) warnings.push(subjectless);
  if (!picked.some((c) => c.figure) && story.metrics.length > 0 && relaxed.length === 0) {
    warnings.push(`Your notes hold figures (${story.metrics.join(", ")}): put one in the result.`);
  }
  return buildDraft(story, options, wpm, {
    sentences,
    spoken,
    timing,
    leftBlanks,
    trimmed,
    warnings,
    wholeSeconds,
  });
}

/**
 * The Draft object both compose paths return (a story told for the question, and the lesson of a
 * story already told for a hindsight follow-up): the text as said with its blanks, the lens's
 * words and seconds of what is said, every blank once, and what was left out.
 */
function buildDraft(
  story: Story,
  options: ComposeOptions,
  wpm: number,
  parts: {
    sentences: DraftSentence[];
    spoken: string;
    timing: { words: number; seconds: number };
    leftBlanks: readonly string[];
    trimmed: readonly Candidate[];
    warnings: string[];
    wholeSeconds?: number | undefined;
  },
): Draft {
  const { sentences, timing } = parts;
  const blanks = [
    ...sentences.flatMap((s) => (s.origin.from === "template" ? s.origin.blanks : [])),
    ...parts.leftBlanks,
  ];
  const draft: Draft = {
    storyId: story.id,
    question: options.question,
    sentences,
    text: joinSentences(sentences.map((s) => s.text)),
    spoken: parts.spoken,
    words: timing.words,
    seconds: timing.seconds,
    budgetSeconds: options.budgetSeconds,
    wordsPerMinute: wpm,
    blanks: [...new Set(blanks)],
    trimmed: parts.trimmed.map((c) => ({
      text: c.text,
      part: c.part,
      field: c.field,
      index: c.index,
      sentence: c.sentence,
    })),
    warnings: parts.warnings,
  };
  if (parts.wholeSeconds !== undefined) draft.wholeSeconds = parts.wholeSeconds;
  if (options.role !== undefined) draft.role = options.role;
  return draft;
}
