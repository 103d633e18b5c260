/**
 * Derivational families of lemmas. The matcher's lemmas are inflectional ("optimised" →
 * "optimiz"), so a noun and the verb or agent it derives from stay apart: "valuation" / "valued",
 * "appraisal" / "appraised", "consultant" / "consulting", "safety" / "safe", "prediction" /
 * "predicted". `familyOf` strips one derivational suffix (English word formation: -ation, -ion,
 * -ment, -ance, -ity, -al, -ant, -er, -or …), normalises -is/-iz, and keeps the first seven
 * letters, so the members of one family share a key. Used for words only, at less than a shared
 * lemma's credit: concept terms keep their exact forms (a stem-level concept term fires in other
 * senses: "accounting" on every "account").
 */

// Longest first; a suffix is stripped only when four letters or more remain.
const SUFFIXES = [
  "isation",
  "ization",
  "ation",
  "ition",
  "ement",
  "ment",
  "ancy",
  "ency",
  "ance",
  "ence",
  "ness",
  "ity",
  "ant",
  "ent",
  "ion",
  "ist",
  "ive",
  "ty",
  "al",
  "er",
  "or",
  "at",
  "ly",
] as const;

/** Agent and other nouns whose "-eer", "-ier" ending is not a suffix on a verb ("engineer" is not "engine"). */
const KEPT_ENDINGS = /(?:eer|ier)$/;

const KEY_LENGTH = 7;

/**
 * The derivational family key of a lemma (lower-case letters; anything else is its own family).
 * @example familyOf("valuat") === familyOf("valu") // "valuation" and "valued"
 * @example familyOf("consultant") === familyOf("consult") // true
 */
export function familyOf(lemma: string): string {
  if (!/^[a-z]+$/.test(lemma)) return lemma;
  let w = lemma;
  if (w.length >= 5 && !KEPT_ENDINGS.test(w)) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 4);
    if (suffix !== undefined) w = w.slice(0, -suffix.length);
  }
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  w = w.replace(/is$/, "iz");
  return w.slice(0, KEY_LENGTH);
}

/** The family keys of a text's content lemmas. */
export function familiesOf(lemmas: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const l of lemmas) out.add(familyOf(l));
  return out;
}
