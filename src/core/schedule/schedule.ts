/**
 * FSRS glue: one schedule for behavioral answers and technical questions. Pure: the clock is
 * a parameter, and fuzz (ts-fsrs's only randomness) is off unless the caller turns it on.
 */
import { type Card as FsrsCard, fsrs, type Grade, generatorParameters, Rating, type State } from "ts-fsrs";
import { DeriskError } from "../errors.ts";

/** How well the user recalled an answer, in FSRS's four grades. */
export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof RATINGS)[number];

/** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs `State`). */
export type MemoryStateCode = 0 | 1 | 2 | 3;

/** The FSRS memory state of one card (the store keeps exactly these fields). */
export interface MemoryState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: MemoryStateCode;
  lastReview?: Date;
}

export interface ScheduleOptions {
  /** Spread due dates a little so cards rated together do not all return the same day. Default false. */
  enableFuzz?: boolean;
  /** Target probability of recall at the due date; default 0.9. */
  requestRetention?: number;
}

export interface RatedCard {
  state: MemoryState;
  due: Date;
  /** Days from `now` to `due` (fractions for learning steps measured in minutes). */
  intervalDays: number;
}

const GRADE: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const DAY_MS = 86_400_000;

/**
 * The rating of a 1–4 code or a name, refused with a clear message otherwise.
 * @example parseRating(3) // "good"
 */
export function parseRating(value: unknown): RatingName {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 4)
    return RATINGS[value - 1] as RatingName;
  if (typeof value === "string" && (RATINGS as readonly string[]).includes(value.toLowerCase()))
    return value.toLowerCase() as RatingName;
  throw new DeriskError(
    "BAD_INPUT",
    `Unknown rating ${JSON.stringify(value)}: rate again, hard, good or easy (or 1–4).`,
  );
}

/**
 * The 1–4 code of a rating, as attempts store it.
 * @example ratingCode("easy") // 4
 */
export function ratingCode(rating: RatingName): 1 | 2 | 3 | 4 {
  return (RATINGS.indexOf(rating) + 1) as 1 | 2 | 3 | 4;
}

/**
 * A card never reviewed, due at `now`.
 * @example newMemoryState(now).state // 0
 */
export function newMemoryState(now: Date): MemoryState {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
  };
}

function toFsrs(state: MemoryState): FsrsCard {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state as State,
    ...(state.lastReview ? { last_review: state.lastReview } : {}),
  };
}

function fromFsrs(card: FsrsCard): MemoryState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as MemoryStateCode,
    ...(card.last_review ? { lastReview: card.last_review } : {}),
  };
}

/**
 * Rates a card at `now` and returns its next memory state and due date. A card with no
 * state yet (never practised) starts as new.
 * @example rateCard(undefined, "good", now).due // now + 10 minutes (a learning step)
 */
export function rateCard(
  current: MemoryState | undefined,
  rating: RatingName,
  now: Date,
  options: ScheduleOptions = {},
): RatedCard {
  if (Number.isNaN(now.getTime())) throw new DeriskError("BAD_INPUT", "The review time is not a valid date.");
  const scheduler = fsrs(
    generatorParameters({
      enable_fuzz: options.enableFuzz ?? false,
      ...(options.requestRetention === undefined ? {} : { request_retention: options.requestRetention }),
    }),
  );
  const card = toFsrs(current ?? newMemoryState(now));
  const next = fromFsrs(scheduler.next(card, now, GRADE[rating]).card);
  return { state: next, due: next.due, intervalDays: (next.due.getTime() - now.getTime()) / DAY_MS };
}

/** Something a user practises: a behavioral answer, a technical question, or a bank question. */
export interface Practicable<Ref> {
  ref: Ref;
  /** Its memory state, when it has been rated at least once. */
  memory?: MemoryState;
}

export interface DueEntry<Ref> extends Practicable<Ref> {
  /** "overdue" has a card due at or before now; "new" was never rated. */
  status: "overdue" | "new";
  /** When it became due (for new entries: now). */
  due: Date;
}

/**
 * What to practise now: cards due at or before `now`, most overdue first, then never-rated
 * items in the order given (at most `newLimit` of them). Cards due later are left out; with
 * `dayEnd`, a card on a schedule of days counts as due all of the day it falls due (`isDueNow`).
 * @example selectDue([{ ref: "a", memory }, { ref: "b" }], now, { limit: 5 }) // [{ ref: "a", status: "overdue", … }, { ref: "b", status: "new", … }]
 */
export function selectDue<Ref>(
  candidates: readonly Practicable<Ref>[],
  now: Date,
  options: { limit?: number; includeNew?: boolean; newLimit?: number; dayEnd?: number } = {},
): DueEntry<Ref>[] {
  const overdue: DueEntry<Ref>[] = [];
  const fresh: DueEntry<Ref>[] = [];
  const newLimit = options.newLimit ?? Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate.memory === undefined) {
      if (options.includeNew !== false && fresh.length < newLimit)
        fresh.push({ ...candidate, status: "new", due: now });
    } else if (isDueNow(candidate.memory, now, options.dayEnd)) {
      overdue.push({ ...candidate, status: "overdue", due: candidate.memory.due });
    }
  }
  overdue.sort((a, b) => a.due.getTime() - b.due.getTime());
  const all = [...overdue, ...fresh];
  return options.limit === undefined ? all : all.slice(0, Math.max(0, options.limit));
}

/**
 * New cards a day, until the user sets their own (0–100, `derisk drill --new-per-day N`): the
 * queue offers at most this many never-practised answers and questions per day (the user's local
 * day), so a bank of 80 is learnt over a week or two instead of all on day one and then due all
 * together. Practising a competency, a hand-picked question or the job description's
 * requirements is not limited.
 */
export const NEW_CARDS_PER_DAY = 10;
/** The most new cards a day the setting takes. */
export const MAX_NEW_CARDS_PER_DAY = 100;

/**
 * How many more never-practised cards today allows: `perDay` less the cards first rated on
 * `now`'s local day (the day at `timezoneOffsetMinutes`, as `Date.getTimezoneOffset()` gives it).
 * @example newCardsLeftToday([firstRated], now, 480) // 9 when firstRated is earlier the same Los Angeles day
 */
export function newCardsLeftToday(
  firstRatedAt: readonly Date[],
  now: Date,
  timezoneOffsetMinutes: number,
  perDay = NEW_CARDS_PER_DAY,
): number {
  const localDay = (date: Date) => Math.floor((date.getTime() - timezoneOffsetMinutes * 60_000) / DAY_MS);
  const today = localDay(now);
  const introduced = firstRatedAt.filter((date) => localDay(date) === today).length;
  return Math.max(0, perDay - introduced);
}

/**
 * Whether a card is due now. A card reviewed on a schedule of days (FSRS's review state) is
 * due for the whole of the user's day it falls on, as in Anki: rated at 21:00, "in 2 days"
 * means that day's morning session too, not only after 21:00. A learning step (minutes)
 * is due at its minute. Without `dayEnd` (the end of the user's day), due means due by `now`.
 * @example isDueNow(card, at09h, endOfLocalDay(at09h, 480)) // true for a review card due at 21:00 the same day
 */
export function isDueNow(memory: MemoryState, now: Date, dayEnd?: number): boolean {
  const byDay = dayEnd !== undefined && memory.state === 2 && memory.scheduledDays >= 1;
  const cutoff = byDay ? Math.max(now.getTime(), dayEnd) : now.getTime();
  return memory.due.getTime() <= cutoff;
}

/**
 * The end of `now`'s local day (the next local midnight, in epoch milliseconds) for a zone
 * `timezoneOffsetMinutes` behind UTC, as `Date.getTimezoneOffset()` gives it.
 * @example endOfLocalDay(march2At17hUtc, 480) // the epoch ms of 2026-03-03T08:00Z, midnight in Los Angeles
 */
export function endOfLocalDay(now: Date, timezoneOffsetMinutes: number): number {
  const shift = timezoneOffsetMinutes * 60_000;
  const localDay = Math.floor((now.getTime() - shift) / DAY_MS);
  return (localDay + 1) * DAY_MS + shift;
}
