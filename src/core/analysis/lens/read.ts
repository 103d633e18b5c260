import type { Competency, RoleId } from "../../model.ts";
import { TAILORING } from "../data/delivery.ts";
import { ACTION_LEMMAS } from "../data/star-cues.ts";
import { Corpus } from "../evidence.ts";
import { SPELLED_NUMBER } from "../impact.ts";
import { lexiconsFor } from "../lexicons.ts";
import { isSpace, type RawSentence, type Token, type TokenizedText, tokenize } from "../nlp.ts";
import { assessCoherence, type Coherence } from "../score.ts";
import { assignStarParts, segmentSentences, type Unit } from "../segment.ts";
import { measureDelivery } from "../timing.ts";
import type { Delivery } from "../types.ts";
import {
  type AnswerContext,
  cueHits,
  isSpelledNumber,
  obligationClauseOf,
  probingShape,
  readWords,
  SENTENCE_TAGS,
  type SentenceClauses,
  type SentenceTag,
  type SentenceWords,
  sentenceClauses,
  sentenceFeatures,
} from "./features.ts";
import { sigmoid } from "./linear.ts";
import {
  boundaryFeatures,
  denseProbability,
  denseValue,
  kindOf,
  type LensModel,
  offTopicFeatures,
  sameKind,
  scorerOf,
  sparseProbabilities,
  topicDistribution,
} from "./model.ts";

const TERMINAL = /^[.!?]+$/;
/** A sentence's blame probability from which it alone makes the answer blaming (see judgeAnswer). */
const LONE_BLAME = 0.6;

/**
 * Whether the text reads as a spoken transcript: long enough and (almost) without full stops.
 * @example isTranscript(tokenize("so i joined the team and we had no tests at all and i started by writing some")) // true
 */
export function isTranscript(doc: TokenizedText): boolean {
  let words = 0;
  let stops = 0;
  for (const t of doc.tokens) {
    if (t.type === "word" || t.type === "number") words += 1;
    // A line break ends a bullet or a line of notes just as a full stop ends a sentence.
    else if (TERMINAL.test(t.text) || t.type === "tabCRLF") stops += 1;
  }
  return words >= 25 && words > 40 * stops;
}

/**
 * Splits an unpunctuated transcript into sentences with the trained boundary model, word by
 * word from the left; line breaks stay boundaries.
 * @example splitTranscript(doc, model.boundary).length // 4
 */
export function splitTranscript(doc: TokenizedText, model: LensModel): RawSentence[] {
  const { tokens } = doc;
  const words: Token[] = [];
  const at: number[] = [];
  tokens.forEach((t, i) => {
    if (t.type === "word" || t.type === "number") {
      words.push(t);
      at.push(i);
    }
  });
  const starts: number[] = [];
  let since = 0;
  for (let k = 1; k < words.length; k += 1) {
    since += 1;
    const p = sparseProbabilities(model.boundary, boundaryFeatures(words, k, since))[0] ?? 0;
    const lineBreak = tokens.slice((at[k - 1] ?? 0) + 1, at[k]).some((t) => t.type === "tabCRLF");
    if ((p >= model.boundaryThreshold && since >= 3) || lineBreak) {
      starts.push(at[k] ?? 0);
      since = 0;
    }
  }
  const out: RawSentence[] = [];
  let first = 0;
  for (const s of starts) {
    out.push({ first, last: s - 1 });
    first = s;
  }
  out.push({ first, last: tokens.length - 1 });
  return out;
}

/** A transcript's sentences starting at the tokens that start at the given character offsets. */
function sentencesAt(doc: TokenizedText, starts: readonly number[]): RawSentence[] {
  const at = new Set(starts);
  const firsts = [0];
  doc.tokens.forEach((t, i) => {
    if (i > 0 && at.has(t.start)) firsts.push(i);
  });
  return firsts.map((first, k) => ({ first, last: (firsts[k + 1] ?? doc.tokens.length) - 1 }));
}

/** An answer read into sentences, ready for the tagger. */
export interface ReadAnswer {
  text: string;
  doc: TokenizedText;
  units: Unit[];
  corpus: Corpus;
  story: boolean;
  transcript: boolean;
  words: SentenceWords[];
  features: string[][];
  /** Each feature's `featureId`, list by list (`featureIds[i][j]` of `features[i][j]`). */
  featureIds: number[][];
  /** Sentence indexes hit by each hand-written cue list. */
  cues: ReadonlyArray<readonly [string, ReadonlySet<number>]>;
  /** A model trained with `--clause-reading`: each sentence's obligation clause's features, if any. */
  clauseFeatures?: Array<string[] | undefined>;
  /** Their `featureId`s, list by list (as `featureIds` of `features`). */
  clauseFeatureIds?: Array<number[] | undefined>;
}

/**
 * Reads an answer: tokens (with transcript sentences when unpunctuated), sentences with their
 * rule-based STAR parts, and each sentence's tagger features.
 * @example readAnswer("I fixed it.", { story: true }, model).units.length // 1
 */
export function readAnswer(
  text: string,
  options: {
    story: boolean;
    role?: RoleId | undefined;
    /**
     * Training only: where a transcript's sentences start (character offsets, e.g. the labelled
     * sentences of a corpus answer written as spoken), read instead of the boundary model's cuts.
     */
    starts?: readonly number[] | undefined;
  },
  model: LensModel,
): ReadAnswer {
  const doc = tokenize(text);
  const transcript = isTranscript(doc);
  if (transcript)
    doc.sentences =
      options.starts === undefined ? splitTranscript(doc, model) : sentencesAt(doc, options.starts);
  const units = segmentSentences(text, doc);
  const corpus = new Corpus(units, lexiconsFor(options.role));
  assignStarParts(units, doc.tokens, options.story, corpus);
  const words = units.map((u) => readWords(doc.tokens, u.first, u.last));
  const probing = model.probing === true;
  const cues = cueHits(corpus, probing);
  const clauseCues = model.clauseReading === true ? "task" : model.clauseCues === true ? true : undefined;
  const ctx: AnswerContext = {
    units,
    tokens: doc.tokens,
    cues,
    story: options.story,
    ruleParts: units.map((u) => u.part),
    probing: probing ? probingShape(cues) : undefined,
    clauseCues,
    subword: model.subword,
    // Each sentence's clauses are read once, for its `ob:` features and its obligation clause.
    clauses:
      clauseCues === undefined
        ? undefined
        : units.map((u) => sentenceClauses(doc.tokens, u.first, u.last, clauseCues)),
  };
  const featureIds = units.map((): number[] => []);
  const features = units.map((_, i) =>
    sentenceFeatures(ctx, i, words[i] ?? { lemmas: [], hedges: 0, fillers: 0 }, featureIds[i]),
  );
  const clauseFeatureIds =
    model.clauseReading === true ? units.map((): number[] | undefined => undefined) : undefined;
  const clauseFeatures =
    clauseFeatureIds !== undefined ? obligationClauseFeatures(ctx, clauseFeatureIds) : undefined;
  return {
    text,
    doc,
    units,
    corpus,
    story: options.story,
    transcript,
    words,
    features,
    featureIds,
    cues,
    ...(clauseFeatures === undefined || clauseFeatureIds === undefined
      ? {}
      : { clauseFeatures, clauseFeatureIds }),
  };
}

/**
 * For each sentence of more than one clause that states an obligation of the episode (design 4,
 * `--clause-reading`), the tagger's features of that clause read as a sentence of its own in the
 * same place: its words alone, the sentence's position, rule parts and cue hits. A task told
 * inside a long spoken piece ("… the search was slow and my manager asked me to look at it") is
 * then not outweighed by the rest of the piece's words.
 */
function obligationClauseFeatures(
  ctx: AnswerContext,
  ids: Array<number[] | undefined>,
): Array<string[] | undefined> {
  return ctx.units.map((unit, i) => {
    const read = ctx.clauses?.[i];
    const alone = read === undefined ? undefined : obligationClauseOf(read);
    const clause = alone?.clauses[0];
    if (alone === undefined || clause === undefined) return undefined;
    const units = ctx.units.slice();
    units[i] = {
      ...unit,
      first: clause.from,
      last: clause.to,
      text: clause.text,
      norm: clause.text,
      words: clause.words,
    };
    // The clause's own reading (one clause, its kinds) stands for the sentence's.
    const clauses: Array<SentenceClauses | undefined> = (ctx.clauses ?? []).slice();
    clauses[i] = alone;
    const clauseIds: number[] = [];
    ids[i] = clauseIds;
    return sentenceFeatures(
      { ...ctx, units, clauses },
      i,
      readWords(ctx.tokens, clause.from, clause.to),
      clauseIds,
    );
  });
}

const TASK = SENTENCE_TAGS.indexOf("task");

/** A sentence's `task` probability raised to its obligation clause's, read alone (design 4). */
function readClause(read: ReadAnswer, model: LensModel, i: number, row: number[]): number[] {
  const clause = read.clauseFeatures?.[i];
  if (clause === undefined) return row;
  // Only the `task` column is read: its sum alone, the same addends in the same order.
  const p = sigmoid(scorerOf(model.sentence).logitOf(clause, TASK, read.clauseFeatureIds?.[i]));
  if (p > (row[TASK] ?? 0)) row[TASK] = p;
  return row;
}

/** Probabilities per sentence, in `SENTENCE_TAGS` order. */
export function tagSentences(read: ReadAnswer, model: LensModel): number[][] {
  return read.features.map((f, i) => readClause(read, model, i, sparseProbabilities(model.sentence, f)));
}

// The length of a typical written sentence (the median of the training corpus's written answers),
// the unit in which `norw` counts the evidence of an answer's pieces.
const NOR_UNIT_WORDS = 18;

/**
 * The aggregates one answer-level head reads: the strongest sentence, the noisy-or of all, the
 * second strongest, whether the question calls for a story, and the answer's shape, including
 * the strongest sentence of every tag (`x:<tag>`): whether an answer handles the unknown or
 * drives its work alone shows as much in what else it tells (a probe, a decision, a result) as in
 * its own best sentence. Each head reads the other tags' `x:` values, not its own.
 *
 * The noisy-or of all sentences (`nor`) grows with their number, and the strongest (`max`) with
 * the number of short pieces, so a transcript cut into more, shorter pieces reads as more
 * evidence. These do not: `nor2`, the noisy-or of the two strongest; `norw`, the noisy-or in which
 * each piece counts for its share of a typical sentence's words (`pieceWords`, one count per
 * sentence); `maxw`, the strongest run of text a typical sentence long (`strongestUnit`). The last
 * two are unchanged when a sentence is cut in two pieces that keep its probability. Each head
 * reads those its model names.
 * @example labelFeatures([0.3, 0.1], true, 40, shape, [20, 20]).nor2 // 0.37
 */
export function labelFeatures(
  column: readonly number[],
  story: boolean,
  words: number,
  context: AnswerShape,
  pieceWords: readonly number[],
): Record<string, number> {
  const out: Record<string, number> = {};
  answerValuesInto(out, context);
  return labelFeaturesInto(out, column, story, words, pieceWords);
}

/**
 * The column's own values of `labelFeatures`, written into `out` (the same keys and values), which
 * is returned: the label heads of one answer share one record, whose answer-level values
 * (`answerValuesInto`) are written once.
 */
function labelFeaturesInto(
  out: Record<string, number>,
  column: readonly number[],
  story: boolean,
  words: number,
  pieceWords: readonly number[],
): Record<string, number> {
  // The two largest values (the same one twice when it is there twice), without sorting a copy.
  let max = 0;
  let second = 0;
  let none = 1;
  let logNoneByWords = 0;
  for (let i = 0; i < column.length; i += 1) {
    const p = column[i] as number;
    if (i === 0) {
      max = p;
    } else if (p > max) {
      second = max;
      max = p;
    } else if (i === 1 || p > second) {
      second = p;
    }
    none *= 1 - p;
    logNoneByWords += ((pieceWords[i] ?? 0) / NOR_UNIT_WORDS) * Math.log(Math.max(1e-9, 1 - p));
  }
  out.max = logit4(max);
  out.second = logit4(second);
  out.nor = 1 - none;
  out.nor2 = 1 - (1 - max) * (1 - second);
  out.norw = 1 - Math.exp(logNoneByWords);
  out.maxw = logit4(strongestUnit(column, pieceWords));
  out.nonstory = story ? 0 : 1;
  out.nonstoryMax = story ? 0 : logit4(max);
  out.words = Math.log((words + 10) / 150);
  // The same readings less the answer's own tag level (`AnswerShape.level`, written first by
  // `answerValuesInto`), read by the heads of a model trained with `--head-relative`.
  const level = out[LEVEL];
  if (level === undefined) return out;
  out["c:max"] = out.max - level;
  out["c:second"] = out.second - level;
  out["c:maxw"] = out.maxw - level;
  out["c:nonstoryMax"] = story ? 0 : out.max - level;
  return out;
}

const LEVEL = "c:level";

// Whether a model's heads read any `c:` value (`--head-relative`); the analyzer computes the
// answer's tag level only for such a model, so the committed one pays nothing for it.
const relativeOf = new WeakMap<LensModel, boolean>();
function readsRelative(model: LensModel): boolean {
  let reads = relativeOf.get(model);
  if (reads === undefined) {
    reads = Object.values(model.labels).some((head) => head.features.some((f) => f.startsWith("c:")));
    relativeOf.set(model, reads);
  }
  return reads;
}

/** The answer-level values of `labelFeatures` (the same for every head), written into `out`. */
function answerValuesInto(out: Record<string, number>, context: AnswerShape): Record<string, number> {
  out.iShare = context.iShare;
  out.weShare = context.weShare;
  out.action = logit4(context.action);
  out.result = logit4(context.result);
  for (const key in context.cross) out[key] = context.cross[key] as number;
  for (const key in context.probing) out[key] = context.probing[key] as number;
  const level = context.level;
  if (level === undefined) return out;
  out[LEVEL] = level;
  out["c:action"] = out.action - level;
  out["c:result"] = out.result - level;
  for (const key in context.cross) out[`c:${key}`] = (context.cross[key] as number) - level;
  return out;
}

function logit4(p: number): number {
  return Math.log((p + 1e-4) / (1 - p + 1e-4)) / 4;
}

/**
 * The strongest run of text at least a typical sentence long: for each piece, the shortest run of
 * pieces from it on holding `NOR_UNIT_WORDS` words (near the end, grown back from the end), read
 * as the word-weighted mean of its pieces' probabilities. A short piece read alone as a task is
 * read with the words around it; a sentence that long or longer is read as itself.
 * @example strongestUnit([0.9, 0.1], [6, 12]) // 0.37
 */
export function strongestUnit(column: readonly number[], pieceWords: readonly number[]): number {
  let best = 0;
  for (let i = 0; i < column.length; i += 1) {
    let words = 0;
    let mass = 0;
    for (let j = i; j < column.length && words < NOR_UNIT_WORDS; j += 1) {
      words += pieceWords[j] ?? 0;
      mass += (pieceWords[j] ?? 0) * (column[j] ?? 0);
    }
    for (let j = i - 1; j >= 0 && words < NOR_UNIT_WORDS; j -= 1) {
      words += pieceWords[j] ?? 0;
      mass += (pieceWords[j] ?? 0) * (column[j] ?? 0);
    }
    const value = words > 0 ? mass / words : (column[i] ?? 0);
    if (value > best) best = value;
  }
  return best;
}

/** What every answer-level head also reads: who acts, and whether the story acts and ends. */
export interface AnswerShape {
  iShare: number;
  weShare: number;
  /** The strongest sentence probability of action and of result. */
  action: number;
  result: number;
  /** The strongest sentence probability of each tag as a logit/4, keyed `x:<tag>`. */
  cross: Readonly<Record<string, number>>;
  /**
   * A model trained with `--probing`: whether the answer states an unknown, probes one it
   * stated, probes with no unknown stated, leaves an unknown unprobed, or meets one with a
   * usual plan (1 or 0, keyed `u:<name>`; all 0 for other models).
   */
  probing: Readonly<Record<string, number>>;
  /**
   * The answer's own tag level: the mean logit/4 over its sentences and the `SENTENCE_TAGS`
   * columns. A head trained with `--head-relative` (docs/lab/risk-lens-lab.md "lens48") reads its
   * logit-valued aggregates less this level (`c:max`, `c:x:<tag>`, …), so that a writer whose
   * sentences all carry more cue words is not read as more positive on every label. The analyzer
   * leaves it out (and writes no `c:` value) for a model whose heads read none.
   */
  level?: number;
}

/** The answer-level probing features (`AnswerShape.probing`), by the sentence features that set them. */
export const PROBING_HEAD_FEATURES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["u:unknown", ["cue:unknown", "cue:no-knowledge"]],
  ["u:handled", ["ctx:after-unknown+probe", "cue:unknown+probe"]],
  ["u:probe-only", ["ctx:probe+no-unknown"]],
  ["u:unprobed", ["ctx:unknown+no-probe"]],
  ["u:routine", ["ctx:unknown+routine-later"]],
];

// The answer heads' names for each tag's strongest sentence, built once.
const CROSS_FEATURES = SENTENCE_TAGS.map((tag) => `x:${tag}`);

/**
 * The shape of an answer from its sentences' features and tag probabilities. `classes` names the
 * tagger's columns: a model whose tagger has a column beyond `SENTENCE_TAGS` (a second `task`
 * reading kept for the answer heads, `npm run train -- --written-task-heads`) gives it an `x:`
 * value too, which only the heads that name it read.
 * @example answerShape(read.features, probs).iShare // 0.8
 */
export function answerShape(
  features: readonly string[][],
  probs: readonly number[][],
  classes: readonly string[] = SENTENCE_TAGS,
  facts: readonly number[] = sentenceFacts(features),
  withLevel = true,
): AnswerShape {
  let i = 0;
  let we = 0;
  let anyFacts = 0;
  for (const bits of facts) {
    if ((bits & FACT_SUBJ_I) !== 0) i += 1;
    else if ((bits & FACT_SUBJ_WE) !== 0) we += 1;
    anyFacts |= bits;
  }
  const n = Math.max(1, features.length);
  const top = new Array<number>(Math.max(SENTENCE_TAGS.length, classes.length)).fill(0);
  let levelSum = 0;
  for (const row of probs) {
    for (let k = 0; k < top.length; k += 1) {
      const p = row[k] ?? 0;
      if (p > (top[k] ?? 0)) top[k] = p;
      if (withLevel && k < SENTENCE_TAGS.length) levelSum += Math.log((p + 1e-4) / (1 - p + 1e-4)) / 4;
    }
  }
  const cross: Record<string, number> = {};
  for (let k = 0; k < top.length; k += 1) {
    const p = top[k] ?? 0;
    cross[CROSS_FEATURES[k] ?? `x:${classes[k]}`] = Math.log((p + 1e-4) / (1 - p + 1e-4)) / 4;
  }
  const probing: Record<string, number> = {};
  PROBING_HEAD_FEATURES.forEach(([name], h) => {
    probing[name] = (anyFacts & (FACT_PROBING << h)) !== 0 ? 1 : 0;
  });
  return {
    iShare: i / n,
    weShare: we / n,
    action: top[ACTION_COLUMN] ?? 0,
    result: top[RESULT_COLUMN] ?? 0,
    cross,
    probing,
    ...(withLevel
      ? { level: probs.length === 0 ? 0 : levelSum / (probs.length * SENTENCE_TAGS.length) }
      : {}),
  };
}

const ACTION_COLUMN = SENTENCE_TAGS.indexOf("action");
const RESULT_COLUMN = SENTENCE_TAGS.indexOf("result");

// What the answer-level passes ask of a sentence's feature list, read in one pass per sentence:
// a bit per feature (the probing heads' features: a bit per head, from FACT_PROBING on).
const FACT_SUBJ_I = 1;
const FACT_SUBJ_WE = 2;
const FACT_PAST = 4;
const FACT_MODAL = 8;
const FACT_FIGURE = 16;
const FACT_NUMWORD = 32;
const FACT_PROBING = 64;
// After the probing heads' bits: an episode obligation clause naming the speaker or their team in
// the answer's first quarter (read by a model trained with `--task-opening`).
const FACT_OPENING_CHARGE = 1 << 20;
const FACT_OF = new Map<string, number>([
  ["ob:any+who:i+at:q0", FACT_OPENING_CHARGE],
  ["subj:i", FACT_SUBJ_I],
  ["subj:we", FACT_SUBJ_WE],
  ["past", FACT_PAST],
  ["modal", FACT_MODAL],
  ["figure", FACT_FIGURE],
  ["numword", FACT_NUMWORD],
]);
PROBING_HEAD_FEATURES.forEach(([, from], h) => {
  for (const name of from) FACT_OF.set(name, (FACT_OF.get(name) ?? 0) | (FACT_PROBING << h));
});
// The first letters of those names: a feature starting with another letter (the word n-grams
// "w:" and "b:", most of them) is not looked up.
const FACT_FIRST = new Set([...FACT_OF.keys()].map((name) => name.charCodeAt(0)));

/**
 * For each sentence's feature list, the bits of `FACT_OF` it holds.
 * @example sentenceFacts([["w:i", "subj:i", "past"]]) // [5]
 */
export function sentenceFacts(features: readonly (readonly string[])[]): number[] {
  const out = new Array<number>(features.length);
  for (let s = 0; s < features.length; s += 1) {
    const list = features[s] as readonly string[];
    let bits = 0;
    for (let j = 0; j < list.length; j += 1) {
      const f = list[j] as string;
      if (FACT_FIRST.has(f.charCodeAt(0))) bits |= FACT_OF.get(f) ?? 0;
    }
    out[s] = bits;
  }
  return out;
}

const MODAL = /\b(i|we)( would|'d| will|'ll| should| could| might)\b|^(if|when) i\b/;
const INVITES =
  /\?\s*$|\b(i'd love to|i would love to|i'm looking for|i am looking for|looking forward|that's why|that is why|which is why|excited to|keen to|i want to bring|i'd like to|next step)\b|\b(?:happy|glad|i can|i could)\b[^.!?]{0,12}?\b(?:go (?:deeper|into|through)|walk (?:you )?through|explain|talk (?:more )?about|say more|tell you more|expand on)\b|\b(?:i'm|i am|im|i'd be|i would be) curious\b|\bi'd love to (?:hear|know|learn)\b/;
/**
 * A present-tense intent of the speaker — what they want next ("now I want to work on ranking",
 * "I'm aiming for that scale next", "my next step is…"), written or spoken ("im keen to").
 * Past tense ("I wanted to") is narration, not an intent.
 */
const INTENT =
  /\b(?:now )?(?:i|i'm|i am|im)(?: really| now| also| still)? (?:want to|hope to|plan to|aim to|(?:looking|aiming|hoping|planning) (?:to|for)|(?:keen|eager|excited|ready) (?:to|for|about))\b|\bmy (?:goal|aim) (?:is|now is) to\b|\b(?:my|the) next (?:step|role|move|chapter)\b|\bwhy i(?:'m| am|m)? (?:applied|applying)\b/;

function isHypothetical(units: readonly Unit[], tokens: readonly Token[]): boolean {
  const modal = units.filter((u) => MODAL.test(u.norm)).length;
  const narrated = units.filter((u) => {
    for (let i = u.first; i < u.last; i += 1)
      if (tokens[i]?.past === true && tokens[i]?.pos === "VERB") return true;
    return false;
  }).length;
  return modal >= 2 && modal * 2 >= units.length && narrated <= 1;
}

/** Whether the code unit is a word character as `\b` reads it ([A-Za-z0-9_]). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Where the next separator `/,|\band\b|\bor\b/` finds in `text` at or after `from` starts
 * (-1: none); it is `separatorLength(text, at)` long.
 */
function nextSeparator(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 44) return i;
    if (c !== 97 && c !== 111) continue;
    // Mostly inside a word: the character before is tested first.
    if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
    // "and" or "or", then no word character.
    const after = c === 97 ? i + 3 : i + 2;
    if (
      c === 97
        ? text.charCodeAt(i + 1) !== 110 || text.charCodeAt(i + 2) !== 100
        : text.charCodeAt(i + 1) !== 114
    )
      continue;
    if (after < text.length && isWordChar(text.charCodeAt(after))) continue;
    return i;
  }
  return -1;
}

function separatorLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c === 44 ? 1 : c === 97 ? 3 : 2;
}

/**
 * The separators `/,|\band\b|\bor\b/` finds in `text` (one fewer than the pieces `split` cuts it
 * into), counted up to `enough`.
 */
function separators(text: string, enough: number): number {
  let count = 0;
  for (let at = nextSeparator(text, 0); at >= 0 && count < enough; ) {
    count += 1;
    at = nextSeparator(text, at + separatorLength(text, at));
  }
  return count;
}

/** The words of `text` in [from, to) as `text.slice(from, to).trim().split(/\s+/).length` counts them. */
function wordsIn(text: string, from: number, to: number): number {
  let runs = 0;
  let inRun = false;
  for (let i = from; i < to; i += 1) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inRun) runs += 1;
    inRun = !space;
  }
  return Math.max(1, runs);
}

function isRecital(unit: Unit): boolean {
  // Five items need four separators.
  const { text } = unit;
  if (separators(text, 4) < 4) return false;
  // The items `text.split(/,|\band\b|\bor\b/)` gives, and those of three words or fewer.
  let items = 0;
  let short = 0;
  let from = 0;
  for (;;) {
    const at = nextSeparator(text, from);
    const to = at < 0 ? text.length : at;
    items += 1;
    if (wordsIn(text, from, to) <= 3) short += 1;
    if (at < 0) break;
    from = at + separatorLength(text, at);
  }
  return items >= 5 && short >= 4;
}

function isFragment(unit: Unit, tokens: readonly Token[]): boolean {
  if (/\s&\s/.test(unit.text)) return true;
  const head = tokens[unit.first];
  return !unit.bullet && head !== undefined && head.pos === "VERB" && head.past;
}

/** Whether the speaker narrates an owned action: "I" and a past action verb within four tokens. */
function hasOwnedAction(units: readonly Unit[], tokens: readonly Token[]): boolean {
  for (const unit of units) {
    for (let i = unit.first; i < unit.last; i += 1) {
      if (tokens[i]?.lower !== "i") continue;
      for (let j = i + 1; j < Math.min(unit.last, i + 5); j += 1) {
        const t = tokens[j];
        if (t?.past && ACTION_LEMMAS.has(t.lemma)) return true;
      }
    }
  }
  return false;
}

// Whether each feature id is a word pair counted by `tagAndCountPairs`: 0 not known yet, 1 yes, 2 no.
let pairById = new Uint8Array(4096);

/** Whether the feature is a word pair (`b:prev_lemma`) other than a sentence's closing one. */
function isCountedPair(feature: string, id: number): boolean {
  if (id < 0) return isPairName(feature);
  if (id >= pairById.length) {
    const grown = new Uint8Array(Math.max(id + 1, pairById.length * 2));
    grown.set(pairById);
    pairById = grown;
  }
  let known = pairById[id] as number;
  if (known === 0) {
    known = isPairName(feature) ? 1 : 2;
    pairById[id] = known;
  }
  return known === 1;
}

function isPairName(feature: string): boolean {
  // "b:" without building a string per feature.
  return feature.charCodeAt(0) === 98 && feature.charCodeAt(1) === 58 && !feature.endsWith("_</s>");
}

// Which features of a sentence the tagger knows, reused from sentence to sentence.
let foundBuffer = new Uint8Array(256);

/**
 * The sentence probabilities (as `tagSentences`) and the share of the answer's word pairs the
 * tagger has seen in training (word salad scores low), from one vocabulary lookup per feature.
 */
// The pairs are the sentence features' bigrams (`b:prev_lemma`, all but the closing `_</s>`
// one), already built for the tagger: counted from there, not rebuilt.
function tagAndCountPairs(read: ReadAnswer, model: LensModel): { probs: number[][]; known: number } {
  let known = 0;
  let total = 0;
  const probs = read.features.map((features, i) => {
    const ids = read.featureIds[i];
    if (foundBuffer.length < features.length) foundBuffer = new Uint8Array(features.length * 2);
    const found = foundBuffer;
    found.fill(0, 0, features.length);
    const row = readClause(
      read,
      model,
      i,
      sparseProbabilities(model.sentence, features, found, read.featureIds[i]),
    );
    for (let j = 0; j < features.length; j += 1) {
      if (!isCountedPair(features[j] as string, ids?.[j] ?? -1)) continue;
      total += 1;
      known += found[j] as number;
    }
    return row;
  });
  return { probs, known: total === 0 ? 0 : known / total };
}

// The overall head's names for each tag's probability, built once.
const P_FEATURES = Object.fromEntries(
  SENTENCE_TAGS.map((tag) => [tag, [`p:${tag}`, `nonstory*p:${tag}`] as const]),
) as Record<SentenceTag, readonly [string, string]>;

/** The judgement of one answer: sentence tags, answer labels, off-topic and overall. */
export interface Judgement {
  probs: number[][];
  labelProbs: Record<SentenceTag, number>;
  labels: Record<SentenceTag, boolean>;
  topic: Record<string, number>;
  offTopicProbability: number;
  offTopic: boolean;
  /**
   * Under "tell me about yourself": the answer presents the speaker — in the first person, no
   * told episode — whatever competency its words lean to ("I get on well with people" reads as
   * teamwork). It answers the question and is judged by the about-me rubric, never off-topic.
   */
  presentsSelf: boolean;
  coherence: Coherence;
  delivery: Delivery;
  words: number;
  tailoring: number;
  specifics: number;
  hypothetical: boolean;
  /**
   * The sentences that make the answer quantified: each states a figure (`statesFigure`, or a
   * spelled number) and the tagger reads it as quantified. Empty: `labels.quantified` is false.
   */
  measured: number[];
  /** What the non-story rubric reads (LABELING.md): the arc's sentences, the ending, the length. */
  rubric: { arc: boolean; arcSentences: number[]; invites: boolean; inBudget: boolean };
  /** The overall features and the regression value before it is cut into 1–5. */
  features: Record<string, number>;
  value: number;
  score: 1 | 2 | 3 | 4 | 5;
  reasons: string[];
}

/**
 * Whether a sentence states a figure: a word with a digit or a currency sign ($ € £ ¥) that does
 * not start with a letter. A label that does (a question "Q1" or "Q2b", a step "S3", a version
 * "v2", a priority "P0", a percentile "p95", a name like "EC2") names or numbers a thing and
 * measures nothing; the figure beside it ("p95 fell by 40%") still counts.
 * @example statesFigure(tokenize("For Q2b I led the rewrite.").tokens, unit) // false
 */
export function statesFigure(tokens: readonly Token[], unit: Unit): boolean {
  for (let i = unit.first; i < unit.last; i += 1) if (isFigureWord(tokens[i]?.text ?? "")) return true;
  return false;
}

function isFigureWord(text: string): boolean {
  return /[0-9$€£¥]/.test(text) && !/^\p{L}/u.test(text);
}

/**
 * The figures a sentence states as `statesFigure` and the tagger's spelled numbers read them:
 * each word with a digit or currency sign that does not start with a letter (a currency sign on
 * its own joins the number after it), and each spelled number ("three", "half").
 * @example statedFigures(tokenize("It fell from 40 to twelve.").tokens, unit) // ["40", "twelve"]
 */
export function statedFigures(tokens: readonly Token[], unit: Unit): string[] {
  const out: string[] = [];
  for (let i = unit.first; i < unit.last; i += 1) {
    const t = tokens[i];
    if (t === undefined) continue;
    if (/^[$€£¥]$/.test(t.text) && isFigureWord(tokens[i + 1]?.text ?? "") && i + 1 < unit.last) {
      out.push(`${t.text}${tokens[i + 1]?.text ?? ""}`);
      i += 1;
    } else if (isFigureWord(t.text) || isSpelledNumber(t.lower)) out.push(t.text);
  }
  return out;
}

/**
 * Judges a read answer with the trained model. `competency` is the question's (undefined: no
 * question, judged as a story with no off-topic check).
 * @example judgeAnswer(read, model, "conflict", "Tell me about a disagreement.").score // 4
 */
export function judgeAnswer(
  read: ReadAnswer,
  model: LensModel,
  competency: Competency | undefined,
  question: string | undefined,
  budget: { min: number; max: number },
  wordsPerMinute: number,
): Judgement {
  const { units, doc, corpus, story } = read;
  const { probs, known } = tagAndCountPairs(read, model);
  const words = units.reduce((s, u) => s + u.words, 0);
  const labelProbs = {} as Record<SentenceTag, number>;
  const labels = {} as Record<SentenceTag, boolean>;
  const facts = sentenceFacts(read.features);
  const shape = answerShape(read.features, probs, model.sentence.classes, facts, readsRelative(model));
  const pieceWords = units.map((u) => u.words);
  // One column and one record of head values, rewritten for each tag.
  const column = new Array<number>(probs.length);
  const values = answerValuesInto({}, shape);
  SENTENCE_TAGS.forEach((tag, k) => {
    for (let i = 0; i < probs.length; i += 1) column[i] = (probs[i] as number[])[k] ?? 0;
    const p =
      units.length === 0
        ? 0
        : denseProbability(model.labels[tag], labelFeaturesInto(values, column, story, words, pieceWords));
    labelProbs[tag] = p;
    labels[tag] = p >= (model.thresholds[tag] ?? 0.5);
  });
  // One sentence the tagger reads as blame more surely than not makes the answer blaming (the
  // rubric caps it), however short or clean the rest: the head, fitted on answers whose blame
  // usually spans several sentences, discounts a lone accusation ("They broke it, not me.")
  // closing a short about-me answer. On the validation and train splits this changes no
  // decision at any cut from 0.55 to 0.8.
  // A model trained with `--task-opening` (docs/lab/risk-lens-lab.md "task44") reads the corpus's
  // task convention T1 as a rule: in a story, a sentence of the answer's first quarter with an
  // episode obligation clause naming the speaker or their team ("my manager asked me to …", "we
  // had five days to …") says what the speaker had to achieve, so the answer has a task and that
  // sentence carries it, whatever weight the tagger gives the scene words around the clause.
  if (model.taskOpening === true && story) {
    const taskThreshold = model.thresholds.task ?? 0.5;
    facts.forEach((bits, i) => {
      const row = probs[i];
      if ((bits & FACT_OPENING_CHARGE) === 0 || row === undefined) return;
      row[TASK] = Math.max(row[TASK] ?? 0, taskThreshold);
      labels.task = true;
    });
  }
  const blameColumn = SENTENCE_TAGS.indexOf("blame");
  if (probs.some((row) => (row[blameColumn] ?? 0) >= LONE_BLAME)) labels.blame = true;
  // The hand-written accusation list ("incompetent", "it was their fault") is precise enough
  // (25 of 26 hits on the training files were labelled blame) to count on its own.
  const accusations = read.cues.find(([name]) => name === "blame")?.[1] ?? new Set<number>();
  if (accusations.size > 0) {
    for (const i of accusations) {
      const row = probs[i];
      if (row !== undefined)
        row[blameColumn] = Math.max(row[blameColumn] ?? 0, model.thresholds.blame ?? 0.5);
    }
    labels.blame = true;
  }
  // "Quantified" means a figure is stated (LABELING.md): no number, no label, whatever the wording.
  // The sentence that carries it must state the figure: a number elsewhere (a team of 5, a
  // date) does not make the outcome measured.
  // A label with a digit in it (Q1, Q2b, S3, v2, P0, p95) names or numbers a thing; it is no figure.
  const q = SENTENCE_TAGS.indexOf("quantified");
  const measured: number[] = [];
  facts.forEach((bits, i) => {
    if (
      ((bits & FACT_NUMWORD) !== 0 ||
        ((bits & FACT_FIGURE) !== 0 && statesFigure(doc.tokens, units[i] as Unit))) &&
      (probs[i]?.[q] ?? 0) >= (model.thresholds.quantified ?? 0.5)
    )
      measured.push(i);
  });
  if (measured.length === 0) labels.quantified = false;

  const topic = topicDistribution(model.topic, read.features, read.featureIds);
  let offTopicProbability = 0;
  if (competency !== undefined) {
    offTopicProbability = denseProbability(model.offTopic, offTopicFeatures(topic, competency));
  }
  const presentsSelf = competency === "about-me" && selfPresentation(topic, facts);
  const offTopic =
    competency !== undefined &&
    !presentsSelf &&
    offTopicProbability >=
      (sameKind(topic, competency, factShare(facts, FACT_PAST))
        ? model.offTopicSameKindThreshold
        : model.offTopicThreshold);

  const coherence = assessCoherence(read.text, doc.tokens, words, question);
  const delivery = measureDelivery(units, doc.tokens, corpus);
  const tailoring = corpus.findAll(TAILORING).length;
  const specifics =
    doc.tokens.filter((t) => t.type === "number" && !/^(19|20)\d\d$/.test(t.text)).length +
    // Counted over the joined sentences (a whole word never spans two of them), from the lexicon scan.
    corpus.findAll(SPELLED_NUMBER).length;
  const hypothetical = isHypothetical(units, doc.tokens);
  const hedges = read.words.reduce((s, w) => s + w.hedges, 0);
  const fillers = read.words.reduce((s, w) => s + w.fillers, 0) + delivery.fillers.length;
  const seconds = (words / wordsPerMinute) * 60;
  const last = units[units.length - 1];
  // The arc of a self-presentation: how I got here (past) and what I want next (modal).
  const pastAt = facts.findIndex((bits) => (bits & FACT_PAST) !== 0);
  const nextAt = facts.findIndex((bits, i) => (bits & FACT_MODAL) !== 0 || INTENT.test(units[i]?.norm ?? ""));
  const arc = pastAt >= 0 && nextAt >= 0;
  const invites = last !== undefined && INVITES.test(last.norm);
  const inBudget = seconds >= budget.min * 0.7 && seconds <= budget.max * 1.2;
  const ns = story ? 0 : 1;
  const features: Record<string, number> = {
    nonstory: ns,
    words: Math.log((words + 10) / 150),
    short: words < 50 ? 1 : 0,
    long: words > 400 ? 1 : 0,
    underBudget: seconds < budget.min ? 1 : 0,
    overBudget: seconds > budget.max * 1.25 ? 1 : 0,
    hedges: Math.min(1, (hedges / Math.max(1, words)) * 20),
    fillers: Math.min(1, (fillers / Math.max(1, words)) * 20),
    cliches: Math.min(3, delivery.cliches.length) / 3,
    tailoring: Math.min(3, tailoring) / 3,
    specifics: Math.min(6, specifics) / 6,
    offTopic: offTopicProbability,
    incoherent: coherence.reason !== undefined ? 1 : 0,
    known,
    hypothetical: hypothetical ? 1 : 0,
    // Both tests are pure: the cheaper one first.
    recital: !hasOwnedAction(units, doc.tokens) && units.some(isRecital) ? 1 : 0,
    fragments: units.length === 0 ? 0 : units.filter((u) => isFragment(u, doc.tokens)).length / units.length,
    transcript: read.transcript ? 1 : 0,
    "nonstory*specifics": ns * (Math.min(6, specifics) / 6),
    "nonstory*tailoring": ns * (Math.min(3, tailoring) / 3),
    "nonstory*inBudget": ns * (inBudget ? 1 : 0),
    "nonstory*invites": ns * (invites ? 1 : 0),
    "nonstory*arc": ns * (arc ? 1 : 0),
    "nonstory*words": ns * Math.log((words + 10) / 150),
  };
  for (const tag of SENTENCE_TAGS) {
    const [plain, nonstory] = P_FEATURES[tag];
    features[plain] = labelProbs[tag];
    features[nonstory] = ns * labelProbs[tag];
  }
  const value = denseValue(model.overall, features);
  const { score, reasons } = cutOverall(value, model.cuts, {
    story,
    labels,
    incoherent: coherence.reason,
    offTopic,
    blameShare: blameShare(probs, model),
  });
  return {
    probs,
    labelProbs,
    labels,
    topic,
    offTopicProbability,
    offTopic,
    presentsSelf,
    coherence,
    delivery,
    words,
    tailoring,
    specifics,
    hypothetical,
    measured: labels.quantified ? measured : [],
    rubric: {
      arc,
      arcSentences: arc ? [...new Set([pastAt, nextAt])].sort((a, b) => a - b) : [],
      invites,
      inBudget,
    },
    features,
    value,
    score,
    reasons,
  };
}

/**
 * Whether an answer presents its speaker rather than tells an episode: half or more of its
 * sentences have "I" as their subject, fewer than half are told in the past tense, and its words
 * lean to a story competency or to a self-presentation, not to a concept explained. A vague
 * "I'm a data person. I've worked on a few teams and I get on well with people." leans to
 * teamwork by its words; it is still the speaker presenting themself (LABELING.md, "Questions
 * that are not stories"), while "Last spring our team split over…" is an episode and "Overfitting
 * is when…" an explanation.
 */
function selfPresentation(topic: Readonly<Record<string, number>>, facts: readonly number[]): boolean {
  if (facts.length === 0) return false;
  if (factShare(facts, FACT_PAST) >= 0.5 || factShare(facts, FACT_SUBJ_I) < 0.5) return false;
  let top: Competency | undefined;
  let best = -1;
  for (const c in topic) {
    const p = topic[c] as number;
    if (p > best) {
      best = p;
      top = c as Competency;
    }
  }
  return top !== undefined && kindOf(top) === "story";
}

/** Share of sentences holding a fact (`pastShare` of the features, from their facts). */
function factShare(facts: readonly number[], fact: number): number {
  if (facts.length === 0) return 0;
  let n = 0;
  for (const bits of facts) if ((bits & fact) !== 0) n += 1;
  return n / facts.length;
}

function blameShare(probs: readonly number[][], model: LensModel): number {
  const k = SENTENCE_TAGS.indexOf("blame");
  const t = model.thresholds.blame ?? 0.5;
  if (probs.length === 0) return 0;
  return probs.filter((row) => (row[k] ?? 0) >= t).length / probs.length;
}

/**
 * Cuts the overall regression value into 1–5 and applies the labelling guide's caps: an
 * incoherent answer is 1; blame caps at 2 (1 when it is the main content); an answer to a
 * different question is 1, or 2 when it would otherwise be good; a story with no result caps at 3.
 */
export function cutOverall(
  value: number,
  cuts: readonly number[],
  facts: {
    story: boolean;
    labels: Record<SentenceTag, boolean>;
    incoherent: string | undefined;
    offTopic: boolean;
    blameShare: number;
  },
): { score: 1 | 2 | 3 | 4 | 5; reasons: string[] } {
  if (facts.incoherent !== undefined) return { score: 1, reasons: [facts.incoherent] };
  let score = 1;
  for (const cut of cuts) if (value >= cut) score += 1;
  const reasons: string[] = [];
  if (facts.story && !facts.labels.result) {
    score = Math.min(score, 3);
    reasons.push("no result");
  }
  if (facts.labels.blame) {
    score = Math.min(score, facts.blameShare >= 0.4 ? 1 : 2);
    reasons.push("shifts responsibility without owning a part");
  }
  if (facts.offTopic) {
    // Off-topic is harmful (1); a strong answer to another question keeps a 2 (LABELING.md).
    score = score >= 4 ? 2 : 1;
    reasons.push("answers a different question than the one asked");
  }
  if (facts.story && facts.labels.lesson) reasons.push("ends with a lesson");
  if (facts.labels.quantified) reasons.push("the result is measured");
  if (facts.labels.systems) reasons.push("reasons about causes, processes or trade-offs");
  return { score: Math.min(5, Math.max(1, score)) as 1 | 2 | 3 | 4 | 5, reasons };
}
