/**
 * The built-in question banks (written by us) and the lookup that matches a question typed
 * elsewhere (an imported technical question) to a bank entry by meaning.
 */
import { mlIdeasOf } from "../semantic/coverage.ts";
import { CONCEPTS, type ConceptKind, questionSimilarity } from "../semantic/index.ts";
import { BEHAVIORAL_QUESTIONS } from "./behavioral.ts";
import { TECHNICAL_QUESTIONS } from "./technical.ts";
import type { TechnicalBankQuestion } from "./types.ts";

export { BEHAVIORAL_QUESTIONS } from "./behavioral.ts";
export { TECHNICAL_QUESTIONS } from "./technical.ts";
export {
  type BehavioralBankQuestion,
  TECHNICAL_CATEGORIES,
  TECHNICAL_TAGS,
  type TechnicalBankQuestion,
  type TechnicalCategory,
  type TechnicalTag,
} from "./types.ts";

/** Where built-in questions say they come from (the `source` of a question). */
export const BUILT_IN_SOURCE = "derisk bank";

/** A technical question matches a bank entry at this similarity or above (tuned on the seed's ten). */
export const BANK_MATCH_THRESHOLD = 0.74;
/** …and only when it beats the runner-up by this much: two near-equal entries are no match. */
export const BANK_MATCH_MARGIN = 0.04;

// The wording of a question ("explain", "walk me through", "what is the difference between"):
// shared by every question, it says nothing about the topic.
const QUESTION_WORDING =
  /\b(?:explain|describe|walk|me|through|difference|differences|advantages?|challenges?|faced|look|like|what|what['’]s|how|why|when|would|you|your|do|does|is|are|the|a|an|and|or|of|in|on|for|it|its|with|have|has|tell|about|time|experience|works?|use|using|used|between|which|via)\b/giu;

const TECHNICAL_KINDS: ReadonlySet<ConceptKind> = new Set(["skill", "tool", "metric", "field"]);
const KIND_OF_LABEL = new Map(CONCEPTS.map((c) => [c.label, c.kind] as const));

/** Whether a shared concept (by its label, "(related)" when it was a neighbour) is a technical one. */
function isTechnical(label: string): boolean {
  const kind = KIND_OF_LABEL.get(label.replace(/ \(related\)$/, ""));
  return kind !== undefined && TECHNICAL_KINDS.has(kind);
}

// A bank entry's ML ideas, read once per entry rather than once per question matched.
const IDEAS_OF_ENTRY = new WeakMap<TechnicalBankQuestion, Set<string>>();
function entryIdeas(entry: TechnicalBankQuestion): Set<string> {
  let ideas = IDEAS_OF_ENTRY.get(entry);
  if (ideas === undefined) {
    ideas = mlIdeasOf(entry.text);
    IDEAS_OF_ENTRY.set(entry, ideas);
  }
  return ideas;
}

function topicOf(text: string): string {
  return text.replace(QUESTION_WORDING, " ").replace(/\s+/g, " ").trim();
}

/**
 * The technical bank entry that asks the same thing as `text`, or undefined when none is close
 * enough or two are equally close (then the question keeps no key points until the user writes
 * some). The score averages the similarity of the questions as written and of their topics
 * (the wording of a question stripped). An entry counts only when the two share an ML idea
 * (`mlIdeasOf`) or a technical concept; when both name ML ideas, they must share one.
 * @example bankMatchFor("How would you monitor a model in production?")?.entry.key // "tech.monitoring"
 */
export function bankMatchFor(
  text: string,
  bank: readonly TechnicalBankQuestion[] = TECHNICAL_QUESTIONS,
): { entry: TechnicalBankQuestion; score: number } | undefined {
  const topic = topicOf(text);
  const asked = mlIdeasOf(text);
  const scored = bank
    .map((entry) => {
      const ideas = entryIdeas(entry);
      const shared = [...asked].filter((idea) => ideas.has(idea)).length;
      // Two questions naming ML ideas, none of them the same, ask about different things.
      if (asked.size > 0 && ideas.size > 0 && shared === 0) return { entry, score: 0 };
      const written = questionSimilarity(text, entry.text, { intents: false });
      // A technical question is about a technical thing: sharing only a soft skill ("customer
      // complaints" ~ "user posts") or a question word is no match.
      if (shared === 0 && !written.shared.some(isTechnical)) return { entry, score: 0 };
      const topical = questionSimilarity(topic, topicOf(entry.text), { intents: false }).score;
      return { entry, score: Math.round(((written.score + topical) / 2) * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (best === undefined || best.score < BANK_MATCH_THRESHOLD) return undefined;
  if (next !== undefined && best.score - next.score < BANK_MATCH_MARGIN) return undefined;
  return best;
}

/** Every built-in question, technical first. */
export const BUILT_IN_COUNT = TECHNICAL_QUESTIONS.length + BEHAVIORAL_QUESTIONS.length;
