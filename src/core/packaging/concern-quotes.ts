// Apart from concerns.ts so that the web page which shows quotes does not load what detects
// concerns (the risk lens's model comes with the spoken-answer reading).
import type { DetectedConcern } from "./concerns.ts";
import { stripMarkup } from "./text.ts";

/** One sentence that raises a concern, as it is said, with every phrase in it that raised it. */
export interface ConcernQuote {
  /** Position of the sentence in the answer. */
  index: number;
  /** The sentence without markup ("**Situation**:" and bold left out). */
  sentence: string;
  phrases: string[];
}

/**
 * The sentences behind a concern, each once and in the answer's order: several trigger phrases in
 * one sentence are one quote, not the same sentence shown again per phrase.
 * @example concernQuotes(concern).map((q) => q.sentence) // ["During my project on AWS EKS, I set up Istio."]
 */
export function concernQuotes(concern: Pick<DetectedConcern, "triggers">): ConcernQuote[] {
  const bySentence = new Map<number, ConcernQuote>();
  for (const trigger of concern.triggers) {
    const quote = bySentence.get(trigger.index);
    if (quote === undefined) {
      bySentence.set(trigger.index, {
        index: trigger.index,
        sentence: stripMarkup(trigger.sentence).trim(),
        phrases: [trigger.phrase],
      });
    } else if (!quote.phrases.some((p) => p.toLowerCase() === trigger.phrase.toLowerCase())) {
      quote.phrases.push(trigger.phrase);
    }
  }
  return [...bySentence.values()].sort((a, b) => a.index - b.index);
}
