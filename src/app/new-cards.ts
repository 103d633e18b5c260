/**
 * The daily allowance of never-practised cards, shared by the due queue (`derisk due`, the
 * Practice page, `practice --due`) and the technical drill.
 */
import { newCardsLeftToday } from "../core/schedule/index.ts";
import type { Repos } from "../store/index.ts";

/**
 * How many never-practised answers and questions the queue may still offer today: the daily
 * limit less the cards first rated today, in the user's zone (the machine's unless given, in
 * minutes as `Date.getTimezoneOffset()` gives it).
 * @example const left = await newCardsAllowed(store, "local", new Date());
 */
export async function newCardsAllowed(
  store: Repos,
  userId: string,
  now: Date,
  timezoneOffsetMinutes = now.getTimezoneOffset(),
): Promise<number> {
  const cards = await store.cards.listDueCards(userId, new Date(8.64e15));
  const scheduled = new Set(cards.map((c) => c.itemId ?? c.questionId ?? ""));
  // A card is introduced by its first rating: the earliest rated attempt of its answer or question.
  const first = new Map<string, Date>();
  for (const attempt of await store.attempts.listAttempts(userId)) {
    const key = attempt.itemId ?? attempt.questionId;
    if (key === undefined || attempt.selfRating === undefined || attempt.finishedAt === undefined) continue;
    if (!scheduled.has(key)) continue;
    const seen = first.get(key);
    if (seen === undefined || attempt.finishedAt < seen) first.set(key, attempt.finishedAt);
  }
  return newCardsLeftToday([...first.values()], now, timezoneOffsetMinutes);
}
