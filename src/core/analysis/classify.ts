import { COMPETENCIES, type Competency } from "../model.ts";
import { distribution, questionFeatures } from "./lens/model.ts";
import { LENS_MODEL } from "./lens/weights.ts";

export interface Classification {
  competency: Competency;
  /** Probability per competency, rounded to 3 decimals; the highest wins, ties go to the earlier id. */
  scores: Record<Competency, number>;
}

// Story prompts with no topic cue ("Tell me about a time…") are most often technical ones.
const FALLBACK_STORY: Competency = "technical-challenge";

// Questions that do not call for a story: judged on specificity and fit, not STAR.
const NON_STORY: ReadonlySet<Competency> = new Set([
  "about-me",
  "motivation",
  "strength-weakness",
  "ml-concept",
]);

/**
 * Whether answers to questions of this competency are told as a STAR story (unknown: yes).
 * @example callsForStory("about-me") // false
 */
export function callsForStory(competency: Competency | undefined): boolean {
  return competency === undefined || !NON_STORY.has(competency);
}

/**
 * Classifies an interview question into one competency with the trained question classifier
 * (a multinomial logistic regression over the question's words and the hand-written cues).
 * @example classify("Tell me about a time you failed.").competency // "mistake-failure"
 */
export function classify(question: string): Classification {
  // The live editor analyses on every pause in typing, always under the same question: the
  // last few questions' classifications are kept (a copy is returned, so callers cannot change them).
  const known = RECENT.get(question);
  if (known !== undefined) return { competency: known.competency, scores: { ...known.scores } };
  const fresh = classifyOnce(question);
  if (RECENT.size >= RECENT_MAX) RECENT.delete(RECENT.keys().next().value as string);
  RECENT.set(question, fresh);
  return { competency: fresh.competency, scores: { ...fresh.scores } };
}

const RECENT = new Map<string, Classification>();
const RECENT_MAX = 32;

function classifyOnce(question: string): Classification {
  const probabilities = distribution(LENS_MODEL.question, questionFeatures(question));
  const scores = Object.fromEntries(COMPETENCIES.map((c) => [c, 0])) as Record<Competency, number>;
  let best: Competency = FALLBACK_STORY;
  let bestScore = -1;
  for (const competency of COMPETENCIES) {
    const score = Math.round((probabilities[competency] ?? 0) * 1000) / 1000;
    scores[competency] = score;
    if (score > bestScore) {
      best = competency;
      bestScore = score;
    }
  }
  return { competency: best, scores };
}
