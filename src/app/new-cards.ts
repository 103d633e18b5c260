/**
 * The daily allowance of never-practised cards, shared by the due queue (`derisk due`, the
 * Practice page, `practice --due`) and the technical drill: the user's setting (`newCardsPerDay`
 * of the profile, 10 until changed), less the cards first rated today.
 */
import { DeriskError } from "../core/errors.ts";
import { MAX_NEW_CARDS_PER_DAY, newCardsLeftToday } from "../core/schedule/index.ts";
import type { Repos } from "../store/index.ts";

/** Today's allowance of new cards: the setting, and what is left of it today. */
export interface NewCardsToday {
  perDay: number;
  leftToday: number;
}

/**
 * How many never-practised answers and questions the queue may still offer today: the user's
 * daily limit less the cards first rated today, in the user's zone (the machine's unless given,
 * in minutes as `Date.getTimezoneOffset()` gives it).
 * @example const { perDay, leftToday } = await newCardsToday(store, "local", new Date());
 */
export async function newCardsToday(
  store: Repos,
  userId: string,
  now: Date,
  timezoneOffsetMinutes = now.getTimezoneOffset(),
): Promise<NewCardsToday> {
  const [profile, cards, attempts] = await Promise.all([
    store.profiles.getProfile(userId),
    store.cards.listDueCards(userId, new Date(8.64e15)),
    store.attempts.listAttempts(userId),
  ]);
  const scheduled = new Set(cards.map((c) => c.itemId ?? c.questionId ?? ""));
  // A card is introduced by its first rating: the earliest rated attempt of its answer or question.
  const first = new Map<string, Date>();
  for (const attempt of attempts) {
    const key = attempt.itemId ?? attempt.questionId;
    if (key === undefined || attempt.selfRating === undefined || attempt.finishedAt === undefined) continue;
    if (!scheduled.has(key)) continue;
    const seen = first.get(key);
    if (seen === undefined || attempt.finishedAt < seen) first.set(key, attempt.finishedAt);
  }
  const perDay = profile.newCardsPerDay;
  return { perDay, leftToday: newCardsLeftToday([...first.values()], now, timezoneOffsetMinutes, perDay) };
}

/**
 * How many new cards the queue may still offer today (see `newCardsToday`).
 * @example const left = await newCardsAllowed(store, "local", new Date());
 */
export async function newCardsAllowed(
  store: Repos,
  userId: string,
  now: Date,
  timezoneOffsetMinutes = now.getTimezoneOffset(),
): Promise<number> {
  return (await newCardsToday(store, userId, now, timezoneOffsetMinutes)).leftToday;
}

/**
 * Checks a new-cards-a-day value: a whole number from 0 (no new cards, reviews only) to 100.
 * @example checkNewCardsPerDay("5") // 5
 */
export function checkNewCardsPerDay(value: unknown): number {
  const n = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > MAX_NEW_CARDS_PER_DAY) {
    const shown =
      value === undefined
        ? " (none was given)"
        : `, not ${typeof value === "string" ? `"${value}"` : JSON.stringify(value)}`;
    throw new DeriskError(
      "BAD_INPUT",
      `New cards a day must be a whole number from 0 to ${MAX_NEW_CARDS_PER_DAY}${shown}`,
      {
        hint: {
          cli: ": for example derisk drill --new-per-day 5 (0 shows reviews only).",
          web: ": for example 5 (0 shows reviews only).",
        },
      },
    );
  }
  return n;
}

/**
 * Saves how many never-practised cards the due queue and the drill introduce a day.
 * @example await setNewCardsPerDay(store, "local", 5) // 5
 */
export async function setNewCardsPerDay(store: Repos, userId: string, value: unknown): Promise<number> {
  const perDay = checkNewCardsPerDay(value);
  return (await store.profiles.upsertProfile(userId, { newCardsPerDay: perDay })).newCardsPerDay;
}

/**
 * Why the queue offers no new card now, in words: the day's allowance is used, or it is 0.
 * @example noNewCardsLeft(10) // "today's 10 new cards are started: the rest come tomorrow"
 */
export function noNewCardsLeft(perDay: number): string {
  return perDay === 0
    ? "new cards are set to 0 a day: raise it to start new ones (the new-cards-a-day setting: Practice page, or drill --new-per-day N)"
    : `today's ${perDay} new ${perDay === 1 ? "card is" : "cards are"} started: the rest come tomorrow`;
}
