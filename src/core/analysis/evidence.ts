import type { Unit } from "./segment.ts";
import type { Quote } from "./types.ts";

/** The quote for one sentence. */
export function quoteOf(unit: Unit): Quote {
  return { index: unit.index, quote: unit.text };
}

/** Sentences that match any of `patterns`, in order, each once. */
export function sentencesMatching(units: readonly Unit[], patterns: readonly RegExp[]): Unit[] {
  return units.filter((unit) => patterns.some((pattern) => pattern.test(unit.norm)));
}

/** How many of `patterns` match somewhere in the answer (each pattern counted once). */
export function distinctMatches(units: readonly Unit[], patterns: readonly RegExp[]): number {
  return patterns.filter((pattern) => units.some((unit) => pattern.test(unit.norm))).length;
}
