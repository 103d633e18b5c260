import { COMPETENCIES, type Competency } from "../model.ts";
import { COMPETENCY_CUES } from "./data/competencies.ts";

export interface Classification {
  competency: Competency;
  /** Cue weight per competency, rounded; the highest wins, ties go to the earlier id. */
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
 * Classifies an interview question into one competency.
 * @example classify("Tell me about a time you failed.").competency // "mistake-failure"
 */
export function classify(question: string): Classification {
  const text = question.toLowerCase().replace(/[’‘]/g, "'");
  const scores = Object.fromEntries(COMPETENCIES.map((c) => [c, 0])) as Record<Competency, number>;
  for (const cue of COMPETENCY_CUES) {
    if (cue.pattern.test(text)) scores[cue.competency] += cue.weight;
  }
  let best: Competency = FALLBACK_STORY;
  let bestScore = 0;
  for (const competency of COMPETENCIES) {
    const score = Math.round(scores[competency] * 100) / 100;
    scores[competency] = score;
    if (score > bestScore) {
      best = competency;
      bestScore = score;
    }
  }
  if (bestScore === 0 && !/\b(time|example|occasion|situation|when)\b/.test(text)) best = "about-me";
  return { competency: best, scores };
}
