import { type LanguageReading, readLanguage } from "./language.ts";
import type { Token } from "./nlp.ts";
import type { Labels, SignalReport } from "./types.ts";

const FUNCTION_WORDS = new Set(
  "the a an and or but of to in on at for with by from as that this these those it its is was were be been are am has have had do did not no so if then than i we you he she they me us my our your his her their them".split(
    " ",
  ),
);
const DETERMINERS = new Set(["the", "a", "an"]);
// Word pairs that real English almost never puts side by side ("the of", "a and", "we the").
const CANNOT_FOLLOW_DET = new Set([
  "the",
  "a",
  "an",
  "of",
  "to",
  "in",
  "on",
  "and",
  "or",
  "but",
  "is",
  "was",
  "were",
  "i",
  "we",
  "he",
  "she",
  "they",
  "by",
  "for",
  "with",
  "from",
]);
const SUBJECTS = new Set(["i", "we", "he", "she", "they"]);
const CANNOT_FOLLOW_SUBJECT = new Set([
  "the",
  "a",
  "an",
  "of",
  "to",
  "in",
  "on",
  "for",
  "with",
  "by",
  "from",
  "my",
  "our",
  "your",
]);

// Each word's classes for the checks below, as bits: one lookup per word instead of one per set.
const FUNCTION = 1;
const DETERMINER = 2;
const NOT_AFTER_DETERMINER = 4;
const SUBJECT = 8;
const NOT_AFTER_SUBJECT = 16;
const CLASSES = new Map<string, number>();
for (const [set, bit] of [
  [FUNCTION_WORDS, FUNCTION],
  [DETERMINERS, DETERMINER],
  [CANNOT_FOLLOW_DET, NOT_AFTER_DETERMINER],
  [SUBJECTS, SUBJECT],
  [CANNOT_FOLLOW_SUBJECT, NOT_AFTER_SUBJECT],
] as const) {
  for (const word of set) CLASSES.set(word, (CLASSES.get(word) ?? 0) | bit);
}

const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|incl|cf|no|fig|dr|mr|mrs|ms|st)\./gi;
const STOP_THEN_LOWER = /[a-z]{2}[.!?] [a-z]/g;
const OPENER_MID_SENTENCE =
  /[a-z,] (The|Then|First|As|It|My|This|When|At|In|Our|We|So|After|Since|Last|During|Once)\b/g;

const SENTENCE_START = /(?:^|[.!?]["')\]]?\s+)["'(]?(\p{L})/gu;

/**
 * Whether the writer capitalises sentence starts: more than a third of the letters that open the
 * text or follow a full stop are capitals. A shuffled capitalised text also fails this test (its
 * full stops are followed by words from mid-sentence) but keeps its capitalised openers
 * mid-sentence, which the caller checks first.
 */
function capitalisesSentences(text: string, stopsThenLower: number): boolean {
  let capitals = 0;
  let starts = 0;
  for (const m of text.matchAll(SENTENCE_START)) {
    starts += 1;
    const letter = m[1] ?? "";
    if (letter !== letter.toLowerCase()) capitals += 1;
  }
  return starts > 0 && capitals * 3 > Math.max(starts, stopsThenLower);
}

const CAPITALISED_MID = /[a-z,] ([A-Z][a-z']*)\b/g;
const LOWER_CASE_I = /(?:^|[^\p{L}'])i(?:'m|'ve|'d|'ll)?(?![\p{L}'])/u;

/**
 * Whether the writer leaves sentence starts in lower case (typed on a phone, pasted from a chat),
 * so that a full stop before a lower-case word is their habit, not a sign of shuffled text.
 * Shuffling a capitalised text leaves its openers capitalised mid-sentence: a function word
 * ("The", "With", "Our"), or a capitalised word at all where the writer also capitalises "I".
 */
function writesWithoutCapitals(text: string, stopsThenLower: number, openersMid: number): boolean {
  if (openersMid > 0 || capitalisesSentences(text, stopsThenLower)) return false;
  let capitalisedMid = 0;
  for (const m of text.matchAll(CAPITALISED_MID)) {
    const word = (m[1] ?? "").toLowerCase();
    if (word === "i" || word.startsWith("i'")) continue;
    if (((CLASSES.get(word) ?? 0) & FUNCTION) !== 0) return false;
    capitalisedMid += 1;
  }
  return capitalisedMid === 0 || LOWER_CASE_I.test(text);
}

export interface Coherence {
  /** Why the text is not an answer at all, if it is not. */
  reason?: string;
  /** The language the text is written in, when it is not English: the lens does not judge it. */
  language?: LanguageReading;
}

/**
 * What the lens says of an answer in another language: it reads English only, so it names the
 * language and leaves the answer unjudged rather than calling it broken English.
 * @example notEnglishReason({ name: "French" }) // "written in French: the risk lens reads English only, so its scores do not apply"
 */
export function notEnglishReason(language: Pick<LanguageReading, "name">): string {
  return `written in ${language.name}: the risk lens reads English only, so its scores do not apply`;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Checks that the text is an answer: long enough, in English, made of sentences (not a keyword list or
 * gibberish), in an order English allows (not shuffled), and not the question read back.
 * @example assessCoherence(text, tokenize(text).tokens, 4, undefined).reason // "a list of words…"
 */
export function assessCoherence(
  text: string,
  tokens: readonly Token[],
  words: number,
  question: string | undefined,
): Coherence {
  if (words < 8) return { reason: `too short to be an answer (${words} word${words === 1 ? "" : "s"})` };
  // Another language is named before any English check: its words would read as "a list of
  // words" or an impossible order, which says nothing true about the answer.
  const language = readLanguage(text);
  if (language.code !== "en") return { reason: notEnglishReason(language), language };
  // One pass over the words: how many, how many function words, and the impossible pairs.
  let wordCount = 0;
  let functionWords = 0;
  let anomalies = 0;
  let previous = 0;
  for (const t of tokens) {
    if (t.type !== "word") continue;
    const bits = CLASSES.get(t.lower) ?? 0;
    if (wordCount > 0) {
      if (previous & DETERMINER && bits & NOT_AFTER_DETERMINER) anomalies += 1;
      else if (previous & SUBJECT && bits & NOT_AFTER_SUBJECT) anomalies += 1;
    }
    wordCount += 1;
    previous = bits;
    if (bits & FUNCTION) functionWords += 1;
  }
  const functionShare = functionWords / Math.max(1, wordCount);
  if (functionShare < 0.12) {
    return { reason: `a list of words, not sentences (${Math.round(functionShare * 100)}% function words)` };
  }
  // Shuffled sentences leave full stops before lower-case words and sentence openers
  // capitalised mid-sentence. A writer who never capitalises (typed on a phone, pasted from a
  // chat) leaves the first sign at every full stop, so it counts only where the text shows
  // capitals at sentence starts or an opener capitalised mid-sentence.
  const openersMid = (text.match(OPENER_MID_SENTENCE) ?? []).length;
  const stopsThenLower = (text.replace(ABBREVIATIONS, "").match(STOP_THEN_LOWER) ?? []).length;
  if (stopsThenLower > 0 && !writesWithoutCapitals(text, stopsThenLower, openersMid))
    anomalies += stopsThenLower;
  anomalies += openersMid;
  if (anomalies >= 3 && anomalies / wordCount >= 0.02) {
    return { reason: `text in an order English does not allow (${anomalies} impossible word pairs)` };
  }
  if (question !== undefined && question.trim() !== "") {
    const q = new Set(question.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
    // The overlap is at most |q| / |a|: an answer with more than |q| / 0.6 distinct words is
    // not the question read back, and its words need not all be collected to know it.
    const most = q.size / 0.6;
    const a = new Set<string>();
    let many = false;
    for (const t of tokens) {
      if (t.type !== "word") continue;
      a.add(t.lower);
      if (a.size > most) {
        many = true;
        break;
      }
    }
    if (!many && jaccard(q, a) >= 0.6) return { reason: "the question read back, not an answer" };
  }
  return {};
}

/** Everything the overall score weighs. */
export interface ScoreInput {
  story: boolean;
  labels: Omit<Labels, "overall">;
  coherence: Coherence;
  accusing: boolean;
  signals: { spinning: SignalReport; systems: SignalReport; ambiguity: SignalReport };
  words: number;
  fillers: number;
  hedges: number;
  cliches: number;
  vagueResults: number;
  figures: number;
  /** References to the employer or role ("your mission", "this role"). */
  tailoring: number;
  /** Most sentences say what the speaker would do, and almost none what they did. */
  hypothetical: boolean;
  /** Numbers in the answer (any kind): concrete detail. */
  specifics: number;
  /** First-person past actions narrated. */
  ownedActions: number;
  /** Sentences that are lists of skills or tools with no verb. */
  recital: number;
  fragments: number;
  units: number;
}

function clampScore(value: number): Labels["overall"] {
  if (value >= 6.4) return 5;
  if (value >= 4.4) return 4;
  if (value >= 3) return 3;
  if (value >= 1.2) return 2;
  return 1;
}

/**
 * Overall 1–5: how far the answer lowers a hiring manager's risk. Harmful (blame, incoherent,
 * says nothing) is 1; complete, specific, owned, measured with a system change and a lesson is 5.
 * @example scoreOverall(input).score // 4
 */
export function scoreOverall(input: ScoreInput): { score: Labels["overall"]; reasons: string[] } {
  const reasons: string[] = [];
  if (input.coherence.reason !== undefined) return { score: 1, reasons: [input.coherence.reason] };
  if (input.accusing) return { score: 1, reasons: ["blames or bad-mouths others"] };
  const specifics = Math.min(1, input.specifics * 0.5);
  const noise = (input.fillers + input.hedges) / Math.max(1, input.words);
  if (noise >= 0.06 && input.fillers >= 3)
    return { score: 1, reasons: ["fillers and hedges bury the content"] };

  const l = input.labels;
  let points = 0;
  if (input.story) {
    points += (l.situation ? 0.4 : 0) + (l.task ? 0.4 : 0) + (l.action ? 1 : 0) + (l.result ? 1 : 0);
    points += l.lesson ? 0.8 : 0;
    if (!l.result) reasons.push("no result");
    if (l.lesson) reasons.push("ends with a lesson");
  } else {
    points += 1.5 + specifics;
    points += Math.min(2, input.tailoring * 0.5);
    if (input.tailoring > 0) reasons.push("tailored to the employer or role");
    points += l.action ? 0.5 : 0;
  }
  if (l.quantified) {
    points += 1;
    reasons.push("the result is measured");
  } else if (input.figures > 0) {
    points += 0.5;
  }
  if (input.signals.systems.level === "strong") points += 1;
  else if (input.signals.systems.level === "present") points += 0.6;
  if (l.systems) reasons.push("reasons about causes, processes or trade-offs");
  if (l.ambiguity) points += 0.3;
  if (l.decisive) points += 0.3;
  if (l.autonomy) points += 0.4;
  if (l.ownership === "we") points -= 0.3;
  if (l.blame) reasons.push("shifts responsibility without owning a part");
  if (input.signals.spinning.level === "risk") {
    points -= 1;
    reasons.push("wanders or hedges");
  }
  const thin = input.story ? 70 : 40;
  if (input.words < thin) {
    points -= 1;
    reasons.push(`thin: ${input.words} words`);
  } else if (input.story && input.words < 110) {
    points -= 0.4;
  }
  points -= Math.min(1, input.cliches * 0.5);
  if (input.cliches > 0) reasons.push("clichés without evidence");
  points -= Math.min(0.5, input.vagueResults * 0.25);
  // A templated answer (terse fragments, "&"-joined lists) or a skills recital says little.
  if (input.units > 0 && input.fragments / input.units >= 0.4) {
    points -= 1;
    reasons.push("fragments, not sentences");
  }
  if (input.recital > 0 && input.ownedActions === 0) {
    points -= 1.2;
    reasons.push("a résumé recital");
  }
  let score = clampScore(points);
  // "I would…" answers are weak, not harmful: the interviewer learns how they think, not what they did.
  if (input.hypothetical && input.story) {
    score = 2;
    reasons.unshift("hypothetical: says what you would do, not what you did");
  }
  // Shifting responsibility caps the answer at weak, whatever else it does well.
  if (l.blame) score = Math.min(score, 2) as Labels["overall"];
  // "About me" and "why us" answers are judged on specificity; they are never harmful for
  // lacking a story.
  if (!input.story && score < 2) score = 2;
  return { score, reasons };
}
