/**
 * The time of an attempt is the time spent answering, not the wall time since the question was
 * shown. Every contact from an answering screen or terminal (opening the question, each
 * autosave, a heartbeat every few seconds while it stays open, the submit) counts the gap since
 * the previous contact; a gap longer than AWAY_AFTER_MS means the candidate was away (tab
 * closed, CLI killed, laptop asleep) and adds nothing.
 */

/** A gap between two contacts longer than this is time away: 30 s, three missed heartbeats. */
export const AWAY_AFTER_MS = 30_000;

/** How often an open answering screen or terminal reports itself (well under AWAY_AFTER_MS). */
export const HEARTBEAT_MS = 10_000;

/**
 * The answering time after a contact at `now`, given the time counted so far and the previous contact.
 * @example accruedAnswerMs(20_000, new Date(0), new Date(5_000)) // 25_000
 * @example accruedAnswerMs(20_000, new Date(0), new Date(3_600_000)) // 20_000 (away)
 */
export function accruedAnswerMs(countedMs: number, lastSeenAt: Date, now: Date): number {
  const gap = now.getTime() - lastSeenAt.getTime();
  return Math.max(0, countedMs) + (gap > 0 && gap <= AWAY_AFTER_MS ? gap : 0);
}

/** The previous contact to count the next gap from: a clock that went backwards does not move it back. */
export function seenAt(lastSeenAt: Date, now: Date): Date {
  return now.getTime() > lastSeenAt.getTime() ? now : lastSeenAt;
}

/**
 * Faster than anyone types (fast typists hold about 100 words a minute): an answer that came in
 * quicker than this was pasted or dictated, so its time is not a typing time.
 */
export const PASTE_WORDS_PER_MINUTE = 200;

/**
 * Whether a typed answer's words arrived faster than typing allows, given the seconds on the question.
 * @example looksPasted("Failures fell from eight a month to zero.", 0) // true
 * @example looksPasted("Failures fell from eight a month to zero.", 30) // false
 */
export function looksPasted(text: string, seconds: number): boolean {
  const words = text.split(/\s+/).filter((w) => w !== "").length;
  if (words < 5) return false;
  return (words * 60) / Math.max(seconds, 1) > PASTE_WORDS_PER_MINUTE;
}
