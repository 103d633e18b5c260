/**
 * Dates as the user reads them: in the terminal's own time zone (TZ), not UTC. A card due at
 * 23:40 in Los Angeles is due that evening, not "tomorrow" because UTC has passed midnight.
 */

const two = (n: number) => String(n).padStart(2, "0");

/**
 * The local calendar day of an instant, YYYY-MM-DD.
 * @example localDay(new Date("2026-03-02T07:40:00Z")) // "2026-03-01" with TZ=America/Los_Angeles
 */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/**
 * The local day and minute of an instant, "YYYY-MM-DD HH:MM".
 * @example localMinute(new Date("2026-03-02T07:30:00Z")) // "2026-03-01 23:30" with TZ=America/Los_Angeles
 */
export function localMinute(date: Date): string {
  return `${localDay(date)} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
