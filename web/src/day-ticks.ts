/**
 * Tick labels for an axis that counts attempts (1, 2, 3…) but is read by date: each day is
 * named once, at its first tick; a later tick of the same day shows its time instead, so three
 * attempts on one day read "Dec 6, 14:05, 14:40" rather than "Dec 6" three times.
 */
export interface DayTickFormat {
  day: (when: Date) => string;
  time: (when: Date) => string;
}

/** The browser's own locale, unless it is one Intl refuses: then English. */
function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(undefined, options);
  } catch {
    return new Intl.DateTimeFormat("en", options);
  }
}

const dayFormat = format({ month: "short", day: "numeric" });
const timeFormat = format({ hour: "2-digit", minute: "2-digit" });

export const LOCAL_DAY_TICKS: DayTickFormat = {
  day: (when) => dayFormat.format(when),
  time: (when) => timeFormat.format(when),
};

/**
 * Labels for the axis splits: `at(s)` is when the point at split `s` was (undefined: no point,
 * no label). A split that is not a whole number has no label.
 * @example dayTicks([1, 2, 3], (s) => ["2026-12-06T09:00Z", "2026-12-06T10:30Z", "2026-12-07T08:00Z"][s - 1]) // ["Dec 6", "10:30", "Dec 7"] (in UTC, English)
 */
export function dayTicks(
  splits: readonly number[],
  at: (split: number) => string | undefined,
  formatWith: DayTickFormat = LOCAL_DAY_TICKS,
): string[] {
  let lastDay: string | undefined;
  return splits.map((split) => {
    const when = Number.isInteger(split) ? at(split) : undefined;
    if (when === undefined) return "";
    const date = new Date(when);
    const day = formatWith.day(date);
    if (day === lastDay) return formatWith.time(date);
    lastDay = day;
    return day;
  });
}
