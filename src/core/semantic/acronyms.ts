/**
 * Acronyms and their expansions. Postings and notes write a name either way — "HPLC" and "high-
 * performance liquid chromatography", "ITIL" and "the IT Infrastructure Library", "Active
 * Directory" and "AD groups" — and the lexicons know only the names someone listed. Here a text's
 * acronyms (a word written in 2–6 capitals, "SLAs" included) and the initials of each run of two to
 * six words within a clause are read, so that one side's acronym meets the other side's
 * expansion, whatever the field.
 */

export interface AcronymToken {
  /** Lower-cased word as read (hyphenated words are already apart: "high performance"). */
  raw: string;
  lemma: string;
  /** Offset in the text. */
  at: number;
}

export interface AcronymReading {
  /** Letters of each acronym (lower case) → its lemma. */
  readonly acronyms: ReadonlyMap<string, string>;
  /** Initials of a run of words (lower case) → the lemmas of the run. */
  readonly expansions: ReadonlyMap<string, readonly string[]>;
}

const ACRONYM = /^([A-Z][A-Z&]{1,5})s?$/;
const MAX_RUN = 6;
// Words that are acronyms in capitals but everyday words otherwise are read only in capitals; a
// sentence written in capitals is not a string of acronyms.
const EMPTY: AcronymReading = Object.freeze({ acronyms: new Map(), expansions: new Map() });

/**
 * Reads the acronyms and word-run initials of a text from its tokens (`isStop` marks function
 * words: they may stand inside a run, "Department of Defense", and count or not).
 * @example readAcronyms("Ran HPLC", tokens).acronyms.has("hplc") // true
 */
export function readAcronyms(
  text: string,
  tokens: readonly AcronymToken[],
  isStop: (raw: string) => boolean,
): AcronymReading {
  if (tokens.length === 0) return EMPTY;
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters !== "" && letters === letters.toUpperCase()) return EMPTY;
  const acronyms = new Map<string, string>();
  // What each token contributes to an initialism: an acronym all its letters, a word its first.
  const parts: string[] = [];
  const stops: boolean[] = [];
  for (const token of tokens) {
    const original = text.slice(token.at, token.at + token.raw.length);
    const m = ACRONYM.exec(original);
    if (m && m[1] !== undefined && original !== "I") {
      const key = m[1].toLowerCase().replace(/&/g, "");
      if (key.length >= 2) acronyms.set(key, token.lemma);
      parts.push(key);
      stops.push(false);
    } else {
      parts.push(/^\p{L}/u.test(token.raw) ? (token.raw[0] as string) : "");
      stops.push(isStop(token.raw));
    }
  }
  const expansions = new Map<string, string[]>();
  for (let i = 0; i < tokens.length; i++) {
    if (parts[i] === "" || stops[i]) continue;
    let all = "";
    let content = "";
    for (let n = 0; n < MAX_RUN && i + n < tokens.length; n++) {
      const k = i + n;
      const token = tokens[k] as AcronymToken;
      // A run stays inside a clause: only spaces or hyphens between its words.
      if (n > 0) {
        const prev = tokens[k - 1] as AcronymToken;
        if (!/^[\s-]*$/.test(text.slice(prev.at + prev.raw.length, token.at))) break;
      }
      const part = parts[k] as string;
      if (part === "") break;
      const stop = stops[k] === true;
      all += part;
      if (!stop) content += part;
      if (n === 0 || stop) continue;
      const run = tokens.slice(i, k + 1).map((t) => t.lemma);
      for (const key of new Set([all, content]))
        if (key.length >= 2 && key.length <= 6 && !expansions.has(key)) expansions.set(key, run);
    }
  }
  return { acronyms, expansions };
}

/**
 * The query lemmas an acronym reading of the candidate shows: the query's acronyms the candidate
 * spells out, and the words of the query's expansions the candidate abbreviates.
 * @example acronymShared(read("HPLC"), read("high-performance liquid chromatography")) // Set {"hplc"}
 */
export function acronymShared(q: AcronymReading, c: AcronymReading): Set<string> | undefined {
  const out = new Set<string>();
  for (const [key, lemma] of q.acronyms) if (c.expansions.has(key) && !c.acronyms.has(key)) out.add(lemma);
  for (const [key] of c.acronyms) {
    if (q.acronyms.has(key)) continue;
    const run = q.expansions.get(key);
    if (run !== undefined) for (const l of run) out.add(l);
  }
  return out.size > 0 ? out : undefined;
}

/**
 * Whether the candidate abbreviates or spells out the words that named a concept in the query:
 * "Active Directory" ↔ "AD groups", "BIM" ↔ "building information modelling". `term` is the query's
 * wording of the concept (lower case); its initials (function words left out, `isStop`) must be an
 * acronym the candidate writes in capitals, or the term an acronym the query writes in capitals
 * ("dbt", the tool, is not "DBT") whose expansion the candidate writes.
 * @example acronymMeets("active directory", query, read("Ran AD groups"), isStop) // true
 */
export function acronymMeets(
  term: string,
  q: AcronymReading,
  c: AcronymReading,
  isStop: (raw: string) => boolean,
): boolean {
  const words = term.split(/[\s-]+/).filter((w) => w !== "" && !isStop(w));
  if (words.length === 1) {
    const key = (words[0] as string).replace(/s$/, "");
    return q.acronyms.has(key) && c.expansions.has(key) && !c.acronyms.has(key);
  }
  if (words.length > 6) return false;
  return c.acronyms.has(words.map((w) => w[0]).join(""));
}
