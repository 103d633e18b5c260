/**
 * Progress (C9): scores and timing per attempt, the five risks over time, coverage by
 * competency, cards due for the next 30 days and the streak, from the practice tables.
 */
import type { Analysis, RiskSignal, SignalLevel } from "../core/analysis/index.ts";
import { snapshotScore } from "../core/attempt-score.ts";
import { DeriskError } from "../core/errors.ts";
import { type ProgressAttempt, type ProgressFigures, progressFigures } from "../core/progress/index.ts";
import { endOfLocalDay, isDueNow } from "../core/schedule/index.ts";
import type { Repos } from "../store/index.ts";
import { newCardsAllowed } from "./new-cards.ts";
import { practiceCandidates } from "./practice.ts";

export type { ProgressFigures };

const FAR_FUTURE = new Date(8.64e15);

/** What an attempt's analysis snapshot says, read defensively: old snapshots may lack fields. */
function fromAnalysis(value: unknown): Pick<ProgressAttempt, "score" | "notScored" | "budget" | "levels"> {
  const analysis = value as Partial<Analysis> | null | undefined;
  if (!analysis || typeof analysis !== "object") return {};
  const budget = analysis.timing?.budget;
  // An answer in another language is not judged: its 1 and its risk levels are no reading of
  // the candidate, so they stay out of every mean, chart and "weakest" list.
  const read = snapshotScore(analysis);
  if ("notScored" in read)
    return {
      notScored: read.notScored,
      ...(budget && typeof budget.max === "number" ? { budget: { min: budget.min, max: budget.max } } : {}),
    };
  const score = "score" in read ? read.score : undefined;
  const levels: Partial<Record<RiskSignal, SignalLevel>> = {};
  for (const [risk, report] of Object.entries(analysis.signals ?? {})) {
    if (report && typeof report.level === "string") levels[risk as RiskSignal] = report.level;
  }
  return {
    ...(typeof score === "number" ? { score } : {}),
    ...(budget && typeof budget.max === "number" ? { budget: { min: budget.min, max: budget.max } } : {}),
    ...(Object.keys(levels).length > 0 ? { levels } : {}),
  };
}

/** Checks a time-zone offset from a client: minutes, as `Date.getTimezoneOffset()` gives it. */
export function parseTimezoneOffset(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < -840 || n > 720)
    throw new DeriskError(
      "BAD_INPUT",
      `tz must be whole minutes from UTC between -840 and 720, not "${value}".`,
    );
  return n;
}

/**
 * The progress figures of the user's bank.
 * @example const figures = await progressStats(store, "local", { now: new Date(), timezoneOffsetMinutes: -60 });
 */
export async function progressStats(
  store: Repos,
  userId: string,
  options: { now?: Date; timezoneOffsetMinutes?: number } = {},
): Promise<ProgressFigures> {
  const now = options.now ?? new Date();
  const [attempts, candidates, cards] = await Promise.all([
    store.attempts.listAttempts(userId),
    practiceCandidates(store, userId),
    store.cards.listDueCards(userId, FAR_FUTURE),
  ]);
  // Two answers to one question (core and alternative) are two series: their variant tells
  // them apart in the legends, "Tell me about yourself (alternative)".
  const asked = new Map<string, number>();
  for (const c of candidates) {
    const q = c.questionText.trim().toLowerCase();
    asked.set(q, (asked.get(q) ?? 0) + 1);
  }
  const variantOf = new Map(
    candidates.flatMap((c) => (c.itemId !== undefined && c.variant ? [[c.itemId, c.variant] as const] : [])),
  );
  const labelOf = (a: { itemId?: string; questionText: string }): string => {
    const variant = a.itemId === undefined ? undefined : variantOf.get(a.itemId);
    return variant !== undefined && (asked.get(a.questionText.trim().toLowerCase()) ?? 0) > 1
      ? `${a.questionText} (${variant})`
      : a.questionText;
  };
  // A technical question is checked by its key points, not by the story lens: the lens's score
  // and risks of an explanation of overfitting are not a score of the candidate's stories.
  const technical = new Set(
    candidates.flatMap((c) =>
      c.kind === "technical" ||
      (c.questionId !== undefined && (c.competency === "ml-concept" || c.competency === "ml-engineering"))
        ? [c.itemId ?? c.questionId ?? ""]
        : [],
    ),
  );
  return progressFigures({
    attempts: attempts.flatMap((a) => {
      if (a.finishedAt === undefined) return [];
      const key = a.itemId ?? a.questionId ?? a.questionText.trim().toLowerCase();
      const { budget, ...judged } = fromAnalysis(a.analysis);
      return [
        {
          id: a.id,
          key,
          question: labelOf(a),
          finishedAt: a.finishedAt,
          durationSeconds: Math.round(a.durationMs / 1000),
          ...(budget === undefined ? {} : { budget }),
          ...(technical.has(key) ? {} : judged),
        },
      ];
    }),
    items: candidates.map((c) => ({
      key: c.itemId ?? c.questionId ?? c.questionText.trim().toLowerCase(),
      competency: c.competency,
      kind: c.kind === "answer" ? ("answer" as const) : ("question" as const),
    })),
    cardsDue: cards.map((card) => card.due),
    // As practice counts "due now" and "new": a candidate whose card is due, one with no card yet.
    dueNow: candidates.filter(
      (c) =>
        c.card !== undefined &&
        isDueNow(c.card, now, endOfLocalDay(now, options.timezoneOffsetMinutes ?? now.getTimezoneOffset())),
    ).length,
    // Never practised, as many as today's allowance of new cards lets practice offer.
    newCards: Math.min(
      candidates.filter((c) => c.card === undefined).length,
      await newCardsAllowed(store, userId, now, options.timezoneOffsetMinutes),
    ),
    neverPractised: candidates.filter((c) => c.card === undefined).length,
    now,
    ...(options.timezoneOffsetMinutes === undefined
      ? {}
      : { timezoneOffsetMinutes: options.timezoneOffsetMinutes }),
  });
}
