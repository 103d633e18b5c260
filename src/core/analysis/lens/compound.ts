import type { Token } from "../nlp.ts";

// ---------------------------------------------------------------- compound sentences
// A sentence that tells a deed and its outcome ("I wrote a checklist, got the team to use it, and
// failures dropped from five a week to one.") is one bag of words to the tagger, which gives it
// one strong part. At inference each such sentence is also read clause by clause (branch
// clause23, docs/risk-lens.md "clause23: compound sentences"): cut at the coordination points
// that open a new finite clause, each clause read by the tagger in the sentence's place.

/** A clause of a compound sentence: token indexes [from, to), the opener and comma left out. */
export interface ClauseSpan {
  from: number;
  to: number;
  /**
   * A clause that opens on its verb ("…, got the team to use it"): the token index of the subject
   * pronoun it shares with the clause before, when that clause has one.
   */
  subject?: number;
}

const OPENERS = new Set(["and", "but", "so", "then"]);
// What may follow the first opener word as part of the opener ("and then", "and so", "so then").
const OPENER_TAIL = new Set(["then", "so"]);
// "so" before these is a purpose or a degree ("so that", "so much"), not a new clause.
const NOT_AFTER_SO = new Set(["that", "as", "much", "many", "far", "long"]);
// The words a subject of at most four words is made of ("failures", "the page", "our p99 latency").
const SUBJECT_POS = new Set(["PRON", "DET", "NOUN", "PROPN", "ADJ", "NUM"]);
// A subject may also hold "of" and the words after it ("the number of reworked screens").
const MAX_SUBJECT = 6;
// The subject pronouns a clause that opens on its verb can share with the clause before.
const SHARED_SUBJECTS = new Set(["i", "we", "they", "he", "she"]);
/** What opens at a place: no finite clause, a clause with its own subject, or one on its verb. */
const NO_CLAUSE = 0;
const OWN_SUBJECT = 1;
const ON_VERB = 2;
const MIN_WORDS = 3;

const isVerb = (t: Token): boolean => t.pos === "VERB" || t.pos === "AUX";
const isWord = (t: Token): boolean => t.type === "word" || t.type === "number";

/**
 * Whether a finite clause opens at `at` (an index into `seq`, the sentence's tokens without
 * spaces): after any adverbs, a past-tense verb (the same subject's next deed: `ON_VERB`) or a
 * subject of at most six words (with "of" and adverbs inside it: "the number of reworked
 * screens", "they now") and then a verb or an auxiliary (`OWN_SUBJECT`).
 */
function opensClause(seq: readonly Token[], at: number): number {
  let k = at;
  while (k < seq.length && seq[k]?.pos === "ADV" && !OPENERS.has(seq[k]?.lower ?? "")) k += 1;
  const head = seq[k];
  if (head === undefined) return NO_CLAUSE;
  if (isVerb(head)) return head.past ? ON_VERB : NO_CLAUSE;
  let subject = 0;
  while (k < seq.length && subject < MAX_SUBJECT) {
    const t = seq[k] as Token;
    const inside =
      SUBJECT_POS.has(t.pos) ||
      (subject > 0 && t.lower === "of") ||
      (subject > 0 && t.pos === "ADV" && !OPENERS.has(t.lower));
    if (!inside) break;
    subject += 1;
    k += 1;
  }
  const verb = seq[k];
  return subject > 0 && verb !== undefined && isVerb(verb) ? OWN_SUBJECT : NO_CLAUSE;
}

/**
 * The clauses of the sentence in tokens [first, last) when it is compound (two or more), else
 * undefined. A cut is made before a clause opener ("and", "but", "so", "then", "and then", with
 * or without a comma) followed by a finite clause (`opensClause`), or at a comma followed directly
 * by a past-tense verb; only where the piece before holds a verb, and each piece holds at least
 * three words. A sentence with fewer than two verbs or auxiliaries is not scanned.
 * @example compoundClauses(tokens, 0, 24) // [{ from: 0, to: 10 }, { from: 11, to: 16 }, { from: 18, to: 24 }]
 */
export function compoundClauses(
  tokens: readonly Token[],
  first: number,
  last: number,
): ClauseSpan[] | undefined {
  // The sentence's tokens without spaces, and their indexes.
  const seq: Token[] = [];
  const at: number[] = [];
  let verbs = 0;
  for (let i = first; i < last; i += 1) {
    const t = tokens[i];
    if (t === undefined || t.type === "space" || t.type === "tabCRLF") continue;
    seq.push(t);
    at.push(i);
    if (isVerb(t)) verbs += 1;
  }
  if (verbs < 2) return undefined;
  const spans: ClauseSpan[] = [];
  // The piece being read: where it starts (in `seq`), its words and whether it holds a verb.
  let start = 0;
  let words = 0;
  let verb = false;
  // Whether the piece being read opens on its verb, and whether the next one will.
  let onVerb = false;
  let nextOnVerb = false;
  // A piece as a span: a piece that opens on its verb shares the subject of the piece before.
  const spanOf = (from: number, end: number): ClauseSpan => {
    const span: ClauseSpan = { from: at[from] as number, to: end < 0 ? last : (at[end - 1] as number) + 1 };
    const before = spans[spans.length - 1];
    if (onVerb && before !== undefined) {
      const subject = before.subject ?? subjectIn(tokens, before);
      if (subject !== undefined) span.subject = subject;
    }
    return span;
  };
  for (let k = 0; k < seq.length; k += 1) {
    const t = seq[k] as Token;
    // Where the cut ends this piece (`end`, exclusive) and where the next piece starts (`next`).
    let end = -1;
    let next = -1;
    if (OPENERS.has(t.lower) && verb && words >= MIN_WORDS) {
      let after = k + 1;
      if (t.lower !== "then" && OPENER_TAIL.has(seq[after]?.lower ?? "")) after += 1;
      const purpose = seq[after - 1]?.lower === "so" && NOT_AFTER_SO.has(seq[after]?.lower ?? "");
      const opens = purpose ? NO_CLAUSE : opensClause(seq, after);
      if (opens !== NO_CLAUSE) {
        end = seq[k - 1]?.lower === "," ? k - 1 : k;
        next = after;
        nextOnVerb = opens === ON_VERB;
      }
    } else if (t.lower === "," && verb && words >= MIN_WORDS) {
      const v = seq[k + 1];
      if (v !== undefined && v.pos === "VERB" && v.past) {
        end = k;
        next = k + 1;
        nextOnVerb = true;
      }
    }
    if (end >= 0 && next > k) {
      spans.push(spanOf(start, end));
      start = next;
      onVerb = nextOnVerb;
      words = 0;
      verb = false;
      k = next - 1;
      continue;
    }
    if (isWord(t)) words += 1;
    if (isVerb(t)) verb = true;
  }
  if (spans.length === 0) return undefined;
  // The last piece: too short, it goes back to the one before (", and it worked").
  let tail = 0;
  for (let k = start; k < seq.length; k += 1) if (isWord(seq[k] as Token)) tail += 1;
  if (tail < MIN_WORDS) {
    (spans[spans.length - 1] as ClauseSpan).to = last;
    return spans.length < 2 ? undefined : spans;
  }
  spans.push(spanOf(start, -1));
  return spans;
}

/** The first subject pronoun ("I", "we", "they", "he", "she") of a clause, as a token index. */
function subjectIn(tokens: readonly Token[], span: ClauseSpan): number | undefined {
  for (let i = span.from; i < span.to; i += 1) {
    const t = tokens[i];
    if (t !== undefined && t.pos === "PRON" && SHARED_SUBJECTS.has(t.lower)) return i;
  }
  return undefined;
}
