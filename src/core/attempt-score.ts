/**
 * The score of an attempt's analysis snapshot, read defensively (old snapshots may lack
 * fields). An answer the lens found to be in another language is not scored: the 1 its
 * snapshot carries is no judgement, so it is named instead ("not scored (French)") and left out
 * of every mean, chart and "weakest" list.
 */
export type SnapshotScore = { score: number } | { notScored: string } | Record<string, never>;

/**
 * @example snapshotScore({ overall: { score: 4 } }) // { score: 4 }
 * @example snapshotScore({ overall: { score: 1 }, language: { code: "fr", name: "French" } }) // { notScored: "French" }
 */
export function snapshotScore(analysis: unknown): SnapshotScore {
  if (!analysis || typeof analysis !== "object") return {};
  const snapshot = analysis as { overall?: { score?: unknown }; language?: { name?: unknown } };
  const language = snapshot.language?.name;
  if (typeof language === "string" && language !== "") return { notScored: language };
  const score = snapshot.overall?.score;
  return typeof score === "number" ? { score } : {};
}

/** What a screen or terminal shows in place of a score: "not scored (French)". */
export const notScoredLabel = (language: string): string => `not scored (${language})`;
/** The same at the start of a sentence or a heading: "Not scored (French)". */
export const notScoredTitle = (language: string): string => `Not scored (${language})`;

/** A score read from a whole analysis: a number, or the language that kept it from being scored. */
export type AnswerScoreReading = { score: number } | { notScored: string };

/**
 * The score of a fresh analysis as every screen, sheet and mean should use it: an answer in
 * another language names its language instead of the 1 the lens gives it.
 * @example answerScoreReading(analyze("Nous avons réduit le temps de réponse…")) // { notScored: "French" }
 */
export function answerScoreReading(analysis: {
  overall: { score: number };
  language?: { name: string } | undefined;
}): AnswerScoreReading {
  return analysis.language === undefined
    ? { score: analysis.overall.score }
    : { notScored: analysis.language.name };
}
