import { formatDuration } from "../../core/words.ts";
import type { Style } from "./style.ts";

/**
 * Seconds as m:ss, the way the practice and drill timers show them.
 * @example clock(95) // "1:35"
 */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/**
 * The live timer shown while an answer is typed (practice and drill): elapsed of budget, and
 * "over" once past it. On a terminal it is the prompt, redrawn every second.
 * @example timerPrompt(style, 95, 90) // "⏱ 1:35 / 1:30 over › "
 */
export function timerPrompt(style: Style, seconds: number, budgetSeconds: number): string {
  const text = `⏱ ${clock(seconds)} / ${clock(budgetSeconds)}`;
  return `${seconds > budgetSeconds ? style.yellow(`${text} over`) : style.cyan(text)} › `;
}

/** Said once when the timer starts where no prompt can tick (a pipe, a test). */
export function timerStarted(seconds: number, budgetSeconds: number): string {
  return `⏱ ${clock(seconds)} / ${clock(budgetSeconds)} · timer started · a blank line submits`;
}

/**
 * A typed answer's two durations, each named: the time it took to type, and how long it would take
 * to say (the risk lens's estimate, which the budget is about), coloured by the latter.
 * Said as every duration and budget is (formatDuration); only the running timer is a clock.
 * @example typedTimeUsed(style, 124, 42, 90) // "⏱ typed in 2 min 04 s · said aloud ≈ 42 s of 1 min 30 s"
 */
export function typedTimeUsed(
  style: Style,
  typedSeconds: number,
  spokenSeconds: number,
  budgetSeconds: number,
): string {
  const spoken = Math.round(spokenSeconds);
  const text = `⏱ typed in ${formatDuration(typedSeconds)} · said aloud ≈ ${formatDuration(spoken)} of ${formatDuration(budgetSeconds)}`;
  return spoken > budgetSeconds ? style.yellow(`${text} — over budget`) : style.green(text);
}

/**
 * The time an answer took against its budget, after it is submitted, said as durations.
 * @example timeUsed(style, 100, 90) // "⏱ 1 min 40 s used of 1 min 30 s — over budget"
 */
export function timeUsed(style: Style, usedSeconds: number, budgetSeconds: number): string {
  const text = `⏱ ${formatDuration(usedSeconds)} used of ${formatDuration(budgetSeconds)}`;
  return usedSeconds > budgetSeconds ? style.yellow(`${text} — over budget`) : style.green(text);
}

/** A review interval as a person says it: "in 10 min", "in 5 h", "in 3 days". */
export function inInterval(days: number): string {
  if (days < 1 / 24) return `in ${Math.max(1, Math.round(days * 24 * 60))} min`;
  if (days < 1) return `in ${Math.round(days * 24)} h`;
  const whole = Math.round(days);
  return `in ${whole} day${whole === 1 ? "" : "s"}`;
}
