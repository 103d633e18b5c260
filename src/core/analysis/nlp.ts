import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

type Nlp = ReturnType<typeof winkNLP>;

let instance: Nlp | undefined;

// The model takes ~80 ms to load, so it is built on first use, not at import time: a web
// worker or CLI that never analyses never pays for it.
function nlp(): Nlp {
  // Only sentence boundaries and POS: the analyzer never reads wink's entities, negation or
  // sentiment, and skipping them makes readDoc ~30% faster with identical tokens and tags.
  instance ??= winkNLP(model, ["sbd", "pos"]);
  return instance;
}

/** One token of the input, with its offsets and the few tags the analyzer uses. */
export interface Token {
  /** The text as written. */
  text: string;
  /** Lower-cased text. */
  lower: string;
  lemma: string;
  /** Universal POS tag (the lite model has no fine-grained tags). */
  pos: string;
  /** "word", "number", "punctuation", "tabCRLF" (a line break) or "space". */
  type: string;
  start: number;
  end: number;
  /** Verb or auxiliary in the past tense (derived: lemma differs from the form). */
  past: boolean;
}

/** A sentence as wink-nlp found it: token index range [first, last]. */
export interface RawSentence {
  first: number;
  last: number;
}

export interface TokenizedText {
  tokens: Token[];
  sentences: RawSentence[];
}

const LONG_RUN = /\S{65,}/g;

/** Whether a UTF-16 code unit is white space as `\s` reads it. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether `text` has a run of 65 or more non-space characters (what `LONG_RUN` finds), probing
 * one character in each stretch of 65 instead of reading them all: such a run holds one of the
 * probes (each next probe is at most 65 past the last one, or past the run it fell in), and a
 * probe that falls on a run is measured in full.
 */
export function hasLongRun(text: string): boolean {
  const n = text.length;
  let i = 64;
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      i += 65;
      continue;
    }
    let lo = i;
    while (lo > 0 && !isSpace(text.charCodeAt(lo - 1))) lo -= 1;
    let hi = i;
    while (hi + 1 < n && !isSpace(text.charCodeAt(hi + 1))) hi += 1;
    if (hi - lo + 1 >= 65) return true;
    i = hi + 66;
  }
  return false;
}

const PAST_AUX = new Set(["was", "were", "had", "did", "'d"]);

function isPast(lower: string, lemma: string, pos: string): boolean {
  if (pos !== "VERB" && pos !== "AUX") return false;
  if (PAST_AUX.has(lower)) return lower !== "'d";
  if (lemma === lower) return false;
  // lemma ≠ form also holds for "running" and "builds"; only the rest are past forms.
  if (lower.endsWith("ing")) return false;
  // `lower` is the lemma plus "s" or "es" (compared without building either string).
  if (lower.startsWith(lemma)) {
    const extra = lower.length - lemma.length;
    if ((extra === 1 && lower.endsWith("s")) || (extra === 2 && lower.endsWith("es"))) return false;
  }
  if (lemma === "be" || lemma === "have" || lemma === "do") return false;
  return true;
}

// Reading wink's own token types costs a pass over the document; the POS tag tells the same.
function typeOf(pos: string, value: string): string {
  if (pos === "SPACE") return value.includes("\n") ? "tabCRLF" : "space";
  if (pos === "PUNCT" || pos === "SYM") return "punctuation";
  if (pos === "NUM") return "number";
  return "word";
}

/** What a token's text and tag give, whatever its place: its lower case, lemma, type and tense. */
interface TokenReading {
  lower: string;
  lemma: string;
  type: string;
  past: boolean;
}

function readToken(value: string, tag: string, winkLemma: string | undefined): TokenReading {
  const lower = value.toLowerCase();
  const lemma = (winkLemma ?? lower).toLowerCase();
  return { lower, lemma, type: typeOf(tag, value), past: isPast(lower, lemma, tag) };
}

// wink's lemma of a token is a function of its text and POS tag alone (the vocabulary and the
// lemmatizer's lists are fixed), except in a contraction ("it's", "let's"), where it comes from
// the contraction: those are read each time. Everything else is read once per (text, tag) and
// reused, which also hands the later passes the same strings each time (their hashes are kept).
// Keyed by text; a text seen with several tags chains its readings. Bounded: clearing it
// changes no output.
type WinkTokens = ReturnType<ReturnType<Nlp["readDoc"]>["tokens"]>;
type WinkIts = Nlp["its"];

// wink's lemma of one token, read only when it is not known yet (a function, not a closure made
// per call: `tsx` names each closure it creates).
function lemmaAt(tokens: WinkTokens, its: WinkIts, i: number): string | undefined {
  return tokens.itemAt(i).out(its.lemma as unknown as typeof its.pos) as string | undefined;
}

interface CachedReading extends TokenReading {
  tag: string;
  next: CachedReading | undefined;
}
const MAX_READINGS = 50_000;
const READINGS = new Map<string, CachedReading>();

function readCached(value: string, tag: string, tokens: WinkTokens, its: WinkIts, i: number): TokenReading {
  const first = READINGS.get(value);
  for (let read = first; read !== undefined; read = read.next) if (read.tag === tag) return read;
  if (READINGS.size >= MAX_READINGS) READINGS.clear();
  const read: CachedReading = {
    ...readToken(value, tag, lemmaAt(tokens, its, i)),
    tag,
    next: READINGS.get(value),
  };
  READINGS.set(value, read);
  return read;
}

/**
 * Reads `text` once with wink-nlp and returns its tokens with offsets.
 * @example tokenize("I fixed it.").tokens.map((t) => t.past) // [false, true, false, false]
 */
/** Lower-case units that wink keeps with their full stop ("ms."): a sentence may end on them. */
const UNIT_END = /^(?:ms|sec|secs|min|mins|hr|hrs|h|s|m|kb|mb|gb|tb|km|kg|pts)\.$/;

export function tokenize(text: string): TokenizedText {
  const n = nlp();
  const its = n.its;
  // wink's tokenizer is quadratic in the length of one run of non-space characters (50,000
  // letters take a second). No spoken word is that long: past 64 characters the run is read
  // as blanks, which keeps every offset where it was.
  const safe = hasLongRun(text)
    ? text.replace(LONG_RUN, (run) => run.slice(0, 64) + " ".repeat(run.length - 64))
    : text;
  const doc = n.readDoc(safe);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  const contracted = tokens.out(its.contractionFlag as unknown as typeof its.pos) as unknown as boolean[];
  const out: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? "";
    // wink keeps every token's text as written (doc.out() === text), so each one is found
    // at or just after the end of the previous one (most often right there, or one space on).
    const found = safe.startsWith(value, cursor)
      ? cursor
      : safe.startsWith(value, cursor + 1)
        ? cursor + 1
        : safe.indexOf(value, cursor);
    const start = found >= 0 ? found : cursor;
    const tag = pos[i] ?? "X";
    const read =
      contracted[i] === true
        ? readToken(value, tag, lemmaAt(tokens, its, i))
        : readCached(value, tag, tokens, its, i);
    out.push({
      text: value,
      lower: read.lower,
      lemma: read.lemma,
      pos: tag,
      type: read.type,
      start,
      end: start + value.length,
      past: read.past,
    });
    cursor = start + value.length;
  }
  const sentences: RawSentence[] = [];
  for (const span of doc.sentences().out(its.span) as unknown as number[][]) {
    let first = span[0] ?? 0;
    const last = span[1] ?? 0;
    // wink reads a lower-case "ms." after a number as the title "Ms." and runs on into the next
    // sentence ("under 100 ms. I learned…"); a unit after a number, then a capital, ends one.
    for (let i = first + 1; i < last; i += 1) {
      if (
        out[i - 1]?.type === "number" &&
        UNIT_END.test(out[i]?.text ?? "") &&
        /^[A-Z]/.test(out[i + 1]?.text ?? "")
      ) {
        sentences.push({ first, last: i });
        first = i + 1;
      }
    }
    sentences.push({ first, last });
  }
  return { tokens: out, sentences };
}
