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
