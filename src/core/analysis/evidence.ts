import { stripMarkup } from "../markup.ts";
import type { Lexicon, RawMatch } from "./lexicon.ts";
import type { Unit } from "./segment.ts";
import type { Quote } from "./types.ts";

/** Longest quote, in characters; `sentences[i].text` always has the whole sentence. */
export const MAX_QUOTE = 300;

// Quotes by sentence text (a quote is a function of the text alone). Bounded: clearing it
// changes no output.
const MAX_QUOTES = 5_000;
const QUOTES = new Map<string, string>();

/**
 * A sentence's text as quoted in findings: whole, or cut with "…" past `MAX_QUOTE`.
 * @example quoteText(unit) // "I traced the leak to the connection pool."
 */
export function quoteText(unit: Unit): string {
  // A sentence is quoted by several findings: its quote is computed once per text.
  const cached = QUOTES.get(unit.text);
  if (cached !== undefined) return cached;
  // A quote shows the words, never the Markdown around them ("**Result**:", "_really_").
  const text = stripMarkup(unit.text).trim();
  const quote = text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1)}…`;
  if (QUOTES.size >= MAX_QUOTES) QUOTES.clear();
  QUOTES.set(unit.text, quote);
  return quote;
}

/**
 * The quote for one sentence.
 * @example quoteOf(units[2]) // { index: 2, quote: "I traced the leak to the connection pool." }
 */
export function quoteOf(unit: Unit): Quote {
  return { index: unit.index, quote: quoteText(unit) };
}

// Global, multi-line copies of the lexicon patterns, compiled once: `^` then anchors at the
// start of each sentence of the joined text.
const SCANNERS = new WeakMap<RegExp, RegExp>();

function scanner(pattern: RegExp): RegExp {
  let compiled = SCANNERS.get(pattern);
  if (compiled === undefined) {
    const flags = new Set([...pattern.flags, "g", "m"]);
    compiled = new RegExp(pattern.source, [...flags].join(""));
    SCANNERS.set(pattern, compiled);
  }
  return compiled;
}

const NO_LEXICONS: readonly Lexicon[] = [];
// Where each pattern of a list of lexicons is found, [lexicon, position], the first lexicon that
// has it winning: built once per list (the lists are built once per role), not searched per call.
const PLACES = new WeakMap<readonly Lexicon[], Map<RegExp, readonly [number, number]>>();

function placesOf(lexicons: readonly Lexicon[]): Map<RegExp, readonly [number, number]> {
  let places = PLACES.get(lexicons);
  if (places === undefined) {
    const built = new Map<RegExp, readonly [number, number]>();
    for (let l = lexicons.length - 1; l >= 0; l -= 1) {
      const { patterns } = lexicons[l] as Lexicon;
      for (let k = 0; k < patterns.length; k += 1) built.set(patterns[k] as RegExp, [l, k]);
    }
    PLACES.set(lexicons, built);
    places = built;
  }
  return places;
}

/** One match of a pattern, with the sentence it falls in. */
export interface Match {
  unit: Unit;
  text: string;
}

/**
 * The answer's sentences joined into one string, so each lexicon pattern scans the answer
 * once instead of once per sentence (the analyzer runs on every keystroke).
 * @example new Corpus(units).unitsMatching([/\broot cause\b/]).length // 1
 */
export class Corpus {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly units: readonly Unit[];
  private readonly cache = new Map<readonly RegExp[], Unit[]>();

  private readonly lexicons: readonly Lexicon[];
  private readonly scanned: Array<{ lexicon: Lexicon; matches: Map<number, RawMatch[]> }>;

  /** Each lexicon is scanned once up front; `findAll` of its patterns then costs nothing. */
  constructor(units: readonly Unit[], lexicons: readonly Lexicon[] = NO_LEXICONS) {
    this.units = units;
    this.lexicons = lexicons;
    let offset = 0;
    const parts: string[] = [];
    for (const unit of units) {
      this.starts.push(offset);
      parts.push(unit.norm.replace(/\n/g, " "));
      offset += unit.norm.length + 1;
    }
    this.text = parts.join("\n");
    this.scanned = lexicons.map((lexicon) => ({ lexicon, matches: lexicon.scan(this.text) }));
  }

  private lookup(pattern: RegExp): RawMatch[] | undefined {
    const at = placesOf(this.lexicons).get(pattern);
    if (at === undefined) return undefined;
    return this.scanned[at[0]]?.matches.get(at[1]) ?? [];
  }

  private unitAt(offset: number): Unit | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.units[lo];
  }

  /** Every match of `pattern`, in order. */
  findAll(pattern: RegExp): Match[] {
    const out: Match[] = [];
    const known = this.lookup(pattern);
    if (known !== undefined) {
      for (const m of known) {
        const unit = this.unitAt(m.index);
        if (unit !== undefined) out.push({ unit, text: m.text });
      }
      return out;
    }
    for (const m of this.text.matchAll(scanner(pattern))) {
      const unit = this.unitAt(m.index);
      if (unit !== undefined) out.push({ unit, text: m[0] });
    }
    return out;
  }

  /** Sentences that match any of `patterns`, in order, each once. */
  unitsMatching(patterns: readonly RegExp[]): Unit[] {
    const cached = this.cache.get(patterns);
    if (cached !== undefined) return cached;
    // Marks by sentence index, read in order: sorted and each once, without sorting.
    const seen: boolean[] = new Array(this.units.length).fill(false);
    let beyond = false;
    for (const pattern of patterns) {
      for (const m of this.findAll(pattern)) {
        const i = m.unit.index;
        if (i >= 0 && i < seen.length && Number.isInteger(i)) seen[i] = true;
        else beyond = true;
      }
    }
    const found = beyond ? this.unitsAt(patterns) : this.units.filter((_, i) => seen[i] === true);
    this.cache.set(patterns, found);
    return found;
  }

  // The same list for sentences whose index is not their place in the answer.
  private unitsAt(patterns: readonly RegExp[]): Unit[] {
    const seen = new Set<number>();
    for (const pattern of patterns) for (const m of this.findAll(pattern)) seen.add(m.unit.index);
    return [...seen].sort((a, b) => a - b).flatMap((i) => this.units[i] ?? []);
  }

  /** How many of `patterns` match somewhere (each pattern counted once). */
  distinctMatches(patterns: readonly RegExp[]): number {
    return patterns.filter((pattern) => {
      const known = this.lookup(pattern);
      if (known !== undefined) return known.length > 0;
      const s = scanner(pattern);
      s.lastIndex = 0;
      const hit = s.test(this.text);
      s.lastIndex = 0;
      return hit;
    }).length;
  }
}
