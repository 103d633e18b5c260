/**
 * Years of experience as the bank states them: "5 years of Python", "since 2019", "2018–2023",
 * "over a decade". A years requirement is checked against these claims, not matched on words.
 */

/** A statement of duration found in the user's text. */
export interface YearsClaim {
  years: number;
  /** The words that state it, as written. */
  phrase: string;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const NUM = `(\\d{1,2}(?:\\.\\d)?|${Object.keys(NUMBER_WORDS).join("|")})`;
const N_YEARS = new RegExp(`\\b${NUM}\\+?\\s*(?:\\+\\s*)?(?:full[- ])?(?:years?|yrs)\\b`, "gi");
const RANGE = /\b((?:19|20)\d\d)\s*(?:[-–—]|to|until)\s*((?:19|20)\d\d|present|now|today|current)\b/gi;
const SINCE = /\bsince\s+((?:19|20)\d\d)\b/gi;
const DECADE = /\b(?:over|more than|nearly|almost)?\s*(a|two|three)\s+decades?\b/gi;
// Durations that are not experience: ages, future plans, spans of data.
const NOT_EXPERIENCE =
  /\b(?:old|ago|age|aged|of data|worth of data|years? later|next|plan|warranty|horizon)\b/i;

function toNumber(word: string): number {
  const n = NUMBER_WORDS[word.toLowerCase()];
  return n ?? Number(word);
}

/**
 * The durations a text claims; `currentYear` closes open ranges ("2019–present", "since 2019").
 * @example yearsClaims("I have 6 years of Python.", 2026)[0]?.years // 6
 * @example yearsClaims("I worked there 2017–2021.", 2026)[0]?.years // 4
 */
export function yearsClaims(text: string, currentYear: number): YearsClaim[] {
  const out: YearsClaim[] = [];
  for (const m of text.matchAll(N_YEARS)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20);
    const before = text.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0);
    if (NOT_EXPERIENCE.test(after) || /\b(?:in|within|next|for the next)\s*$/i.test(before)) continue;
    out.push({ years: toNumber(m[1] ?? "0"), phrase: m[0] });
  }
  for (const m of text.matchAll(RANGE)) {
    const from = Number(m[1]);
    const to = /^\d/.test(m[2] ?? "") ? Number(m[2]) : currentYear;
    if (to >= from && to - from <= 50) out.push({ years: to - from, phrase: m[0] });
  }
  for (const m of text.matchAll(SINCE)) {
    const from = Number(m[1]);
    if (currentYear >= from) out.push({ years: currentYear - from, phrase: m[0] });
  }
  for (const m of text.matchAll(DECADE)) {
    const n = m[1]?.toLowerCase() === "a" ? 1 : toNumber(m[1] ?? "1");
    out.push({ years: n * 10, phrase: m[0].trim() });
  }
  return out;
}

/**
 * Years a requirement asks for ("3+ years", "at least five years", "3-5 years" → 3).
 * @example yearsRequired("5+ years building ML systems") // 5
 */
export function yearsRequired(text: string): number | undefined {
  const m = new RegExp(
    `\\b${NUM}\\s*(?:\\+|\\s*(?:[-–]|to)\\s*\\d+)?\\s*(?:\\+\\s*)?(?:years?|yrs)\\b`,
    "i",
  ).exec(text);
  return m?.[1] === undefined ? undefined : toNumber(m[1]);
}
