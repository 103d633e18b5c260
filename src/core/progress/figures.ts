import { RISK_SIGNALS, type RiskSignal, type SignalLevel } from "../analysis/types.ts";
import { COMPETENCIES, type Competency } from "../model.ts";

/** One finished practice attempt, as progress reads it. */
export interface ProgressAttempt {
  id: string;
  /** What the attempt answered: the item or question id, else the question's words. */
  key: string;
  question: string;
  finishedAt: Date;
  durationSeconds: number;
  /** The analysis snapshot's overall score (1–5), budget and risk levels, when it has one. */
  score?: number;
  /** Instead of a score: the language of an answer the lens reads as not English ("French"). */
  notScored?: string;
  budget?: { min: number; max: number };
  levels?: Partial<Record<RiskSignal, SignalLevel>>;
}

/** Something the user can practise, with its competency and whether it has been practised. */
export interface ProgressItem {
  key: string;
  competency: Competency;
  /** A prepared answer, or a question to answer (technical, or from the question bank); default answer. */
  kind?: "answer" | "question";
}

export interface ProgressInput {
  attempts: ProgressAttempt[];
  items: ProgressItem[];
  /** When each scheduled card is next due. */
  cardsDue: Date[];
  now: Date;
  /** The user's offset from UTC as `Date.getTimezoneOffset()` gives it (minutes, west positive). */
  timezoneOffsetMinutes?: number;
  /** Days of the due forecast; default 30. */
  days?: number;
  /** Practicable answers and questions never practised (no card yet): practice offers them as "new". */
  newCards?: number;
  /** Practicable answers and questions with no card yet, before today's limit on new cards; default `newCards`. */
  neverPractised?: number;
  /** Practicable answers and questions whose card is due at `now`: what practice offers as "due now". */
  dueNow?: number;
}

export interface AttemptPoint {
  id: string;
  key: string;
  question: string;
  at: string;
  score?: number;
  /** Instead of a score: the language of an answer the lens reads as not English ("French"). */
  notScored?: string;
  seconds: number;
  budget?: { min: number; max: number };
  /** The risks this answer left open. */
  open: RiskSignal[];
}

export interface ProgressFigures {
  totals: {
    attempts: number;
    practised: number;
    items: number;
    /** Of `items`, the prepared answers: how many the user practised, of how many. */
    answers: { practised: number; items: number };
    /** Of `items`, the questions (technical, or from the question bank): practised, of how many. */
    questions: { practised: number; items: number };
    meanScore?: number;
  };
  attempts: AttemptPoint[];
  /** Per answer (or question), its scores in order. */
  answers: { key: string; question: string; scores: { at: string; score: number }[] }[];
  /** After each scored attempt: the mean of every practised answer's latest score. */
  overall: { at: string; score: number }[];
  /** Per risk, the share of the last five attempts that left it open, after each attempt. */
  risks: { risk: RiskSignal; open: number; of: number; share: number[] }[];
  /** When each point of the risk shares was reached: the attempts whose risks were read, in order. */
  riskAt: string[];
  /** The risk left open most often (at least twice), if any. */
  keepsComingBack?: RiskSignal;
  coverage: { competency: Competency; items: number; practised: number; meanScore?: number }[];
  /** Cards due per day from today; today's count holds the overdue ones and those due later today. */
  due: { date: string; count: number }[];
  /** Cards due at this moment, as practice counts them ("N due now"); today's forecast may hold more. */
  dueNow: number;
  /** Never practised, so on no schedule: practice offers them as "new" beside the cards due. */
  newCards: number;
  /** Not yet on the review schedule (never rated): more than `newCards` when today's limit on new cards holds some back. */
  neverPractised: number;
  streak: { current: number; longest: number; today: boolean };
}

/** A risk is open when the answer raises it, or (all but blame) does nothing to lower it. */
export function isOpen(risk: RiskSignal, level: SignalLevel | undefined): boolean {
  if (level === undefined) return false;
  return level === "risk" || (risk !== "blame" && level === "absent");
}

const DAY_MS = 86_400_000;

/** The calendar day of `date` where the user is, as YYYY-MM-DD. */
export function dayOf(date: Date, offsetMinutes = 0): string {
  return new Date(date.getTime() - offsetMinutes * 60_000).toISOString().slice(0, 10);
}

const mean = (values: number[]): number | undefined =>
  values.length === 0
    ? undefined
    : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;

/**
 * Everything the progress dashboard and `derisk stats` show, from the attempts, the items and
 * the schedule. Pure: the clock and the user's time zone are inputs.
 * @example progressFigures({ attempts: [], items: [], cardsDue: [], now }).streak // { current: 0, longest: 0, today: false }
 */
export function progressFigures(input: ProgressInput): ProgressFigures {
  const offset = input.timezoneOffsetMinutes ?? 0;
  const days = input.days ?? 30;
  const sorted = [...input.attempts].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  const attempts: AttemptPoint[] = sorted.map((a) => ({
    id: a.id,
    key: a.key,
    question: a.question,
    at: a.finishedAt.toISOString(),
    ...(a.score === undefined ? {} : { score: a.score }),
    ...(a.notScored === undefined ? {} : { notScored: a.notScored }),
    seconds: a.durationSeconds,
    ...(a.budget === undefined ? {} : { budget: a.budget }),
    open: RISK_SIGNALS.filter((risk) => isOpen(risk, a.levels?.[risk])),
  }));

  const answers = new Map<string, ProgressFigures["answers"][number]>();
  const latest = new Map<string, number>();
  const overall: ProgressFigures["overall"] = [];
  for (const a of attempts) {
    if (a.score === undefined) continue;
    const series = answers.get(a.key) ?? { key: a.key, question: a.question, scores: [] };
    series.scores.push({ at: a.at, score: a.score });
    answers.set(a.key, series);
    latest.set(a.key, a.score);
    overall.push({ at: a.at, score: mean([...latest.values()]) as number });
  }

  const withLevels = sorted.filter((a) => a.levels !== undefined);
  const risks = RISK_SIGNALS.map((risk) => {
    const flags = withLevels.map((a) => isOpen(risk, a.levels?.[risk]));
    const share = flags.map((_, i) => {
      const window = flags.slice(Math.max(0, i - 4), i + 1);
      return Math.round((window.filter(Boolean).length / window.length) * 100) / 100;
    });
    return { risk, open: flags.filter(Boolean).length, of: flags.length, share };
  });
  const worst = [...risks].sort((a, b) => b.open - a.open)[0];

  const scoreByKey = new Map([...answers.values()].map((s) => [s.key, s.scores.at(-1)?.score]));
  const practisedKeys = new Set(attempts.map((a) => a.key));
  const coverage = COMPETENCIES.map((competency) => {
    const items = input.items.filter((item) => item.competency === competency);
    const practised = items.filter((item) => practisedKeys.has(item.key));
    const scores = practised
      .map((item) => scoreByKey.get(item.key))
      .filter((s): s is number => s !== undefined);
    const meanScore = mean(scores);
    return {
      competency,
      items: items.length,
      practised: practised.length,
      ...(meanScore === undefined ? {} : { meanScore }),
    };
  }).filter((row) => row.items > 0);

  const today = dayOf(input.now, offset);
  const todayStart = Date.parse(`${today}T00:00:00Z`);
  const due = Array.from({ length: days }, (_, i) => ({
    date: new Date(todayStart + i * DAY_MS).toISOString().slice(0, 10),
    count: 0,
  }));
  for (const when of input.cardsDue) {
    const day = dayOf(when, offset);
    const index = day <= today ? 0 : Math.round((Date.parse(`${day}T00:00:00Z`) - todayStart) / DAY_MS);
    const slot = due[index];
    if (slot) slot.count++;
  }

  const practisedDays = new Set(sorted.map((a) => dayOf(a.finishedAt, offset)));
  const dayBefore = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  let current = 0;
  // A streak lives until the day ends: one that reached yesterday still counts this morning.
  let cursor = practisedDays.has(today) ? today : dayBefore(today);
  while (practisedDays.has(cursor)) {
    current++;
    cursor = dayBefore(cursor);
  }
  let longest = 0;
  for (const day of practisedDays) {
    if (practisedDays.has(dayBefore(day))) continue;
    let run = 1;
    let next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    while (practisedDays.has(next)) {
      run++;
      next = new Date(Date.parse(`${next}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    }
    longest = Math.max(longest, run);
  }

  const meanScore = mean([...latest.values()]);
  return {
    totals: {
      attempts: attempts.length,
      // Of the items counted beside it: a follow-up's attempt (or a deleted answer's) has a key
      // of its own that is none of them, and "6 of 5" is what counting it gave.
      practised: input.items.filter((item) => practisedKeys.has(item.key)).length,
      items: input.items.length,
      answers: countPractised(
        input.items.filter((item) => item.kind !== "question"),
        practisedKeys,
      ),
      questions: countPractised(
        input.items.filter((item) => item.kind === "question"),
        practisedKeys,
      ),
      ...(meanScore === undefined ? {} : { meanScore }),
    },
    attempts,
    answers: [...answers.values()],
    overall,
    risks,
    riskAt: withLevels.map((a) => a.finishedAt.toISOString()),
    ...(worst && worst.open >= 2 ? { keepsComingBack: worst.risk } : {}),
    coverage,
    due,
    dueNow: input.dueNow ?? 0,
    newCards: input.newCards ?? 0,
    neverPractised: Math.max(input.neverPractised ?? 0, input.newCards ?? 0),
    streak: { current, longest, today: practisedDays.has(today) },
  };
}

/**
 * A sparkline of values in eight block heights (for the terminal).
 * @example sparkline([1, 3, 5]) // "▁▄█"
 */
export function sparkline(values: number[], range?: { min: number; max: number }): string {
  const bars = "▁▂▃▄▅▆▇█";
  if (values.length === 0) return "";
  const min = range?.min ?? Math.min(...values);
  const max = range?.max ?? Math.max(...values);
  return values
    .map((v) => bars[max === min ? 3 : Math.round(((v - min) / (max - min)) * (bars.length - 1))] ?? "▁")
    .join("");
}

/** How many of `items` were practised (have an attempt), of how many. */
function countPractised(items: readonly ProgressItem[], practised: ReadonlySet<string>) {
  return { practised: items.filter((item) => practised.has(item.key)).length, items: items.length };
}
