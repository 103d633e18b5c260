import { plural } from "./report.ts";

/**
 * When a rated card comes back, in words: minutes under an hour, hours under a day, else days,
 * each with its own singular ("in 1 minute", "in 5 hours", "in 1 day", "in 3 days").
 * @example reviewIn(1 / 1440) // "in 1 minute"
 */
export function reviewIn(days: number): string {
  if (days < 1 / 24) return `in ${plural(Math.max(1, Math.round(days * 24 * 60)), "minute", "minutes")}`;
  if (days < 1) return `in ${plural(Math.round(days * 24), "hour", "hours")}`;
  return `in ${plural(Math.round(days), "day", "days")}`;
}
