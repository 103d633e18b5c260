import {
  AMBIGUITY_CUES,
  BLAME_CUES,
  COMPLAINT_CUES,
  COMPLETION_CUES,
  DECISION_CUES,
  DEPENDENCE_CUES,
  EXCUSE_CUES,
  HUNCH_CUES,
  LOOK_CUES,
  MECHANISM_CUES,
  METHOD_CUES,
  NO_KNOWLEDGE_CUES,
  OWNERSHIP_CUES,
  PROBE_CUES,
  RECURRENCE_CUES,
  ROUTINE_CUES,
  SETBACK_CUES,
  SKIPPED_PROBE_CUES,
  SPINNING_CUES,
  SYSTEMS_CUES,
  UNKNOWN_CUES,
} from "../data/signals.ts";
import { STAR_CUES } from "../data/star-cues.ts";
import type { Corpus } from "../evidence.ts";
import { STAR_PARTS } from "../labels.ts";
import { unbounded } from "../lexicon.ts";
import type { Token } from "../nlp.ts";
import type { Unit } from "../segment.ts";
import { featureId } from "./linear.ts";

export { SENTENCE_TAGS, type SentenceTag } from "../labels.ts";

// Today's hand-written cue lists become features: the model learns how much each one is worth.
const CUE_LISTS: ReadonlyArray<readonly [string, readonly RegExp[]]> = [
  ["ambiguity", AMBIGUITY_CUES],
  ["method", METHOD_CUES],
  ["spinning", SPINNING_CUES],
  ["blame", BLAME_CUES],
  ["complaint", COMPLAINT_CUES],
  ["excuse", EXCUSE_CUES],
  ["setback", [SETBACK_CUES]],
  ["owning", OWNERSHIP_CUES],
  ["decision", DECISION_CUES],
  ["dependence", DEPENDENCE_CUES],
  ["completion", COMPLETION_CUES],
  ["systems", SYSTEMS_CUES],
  ["mechanism", MECHANISM_CUES],
  ["recurrence", RECURRENCE_CUES],
  ["unknown", UNKNOWN_CUES],
  ["probe", PROBE_CUES],
  ...STAR_PARTS.map(
    (part) => [`star-${part}`, STAR_CUES.filter((c) => c.part === part).map((c) => c.pattern)] as const,
  ),
];

// The probing families (a model trained with `--probing` only): hunches, looks taken to learn,
// unknowns told as nobody knowing, probes that did not happen, plain execution of a usual plan.
const PROBING_CUE_LISTS: ReadonlyArray<readonly [string, readonly RegExp[]]> = [
  ["hunch", HUNCH_CUES],
  ["look", LOOK_CUES],
  ["no-knowledge", NO_KNOWLEDGE_CUES],
  ["skipped-probe", SKIPPED_PROBE_CUES],
  ["routine", ROUTINE_CUES],
];

const PROBING_FEATURES = new Set(PROBING_CUE_LISTS.map(([name]) => `cue:${name}`));

/**
 * Whether a sentence feature is one of the probing features (`--probing`): its cue families and
 * the `ctx:` features that place a sentence among the answer's unknowns and probes.
 * @example isProbingFeature("cue:hunch") // true
 */
export function isProbingFeature(feature: string): boolean {
  return feature.startsWith("ctx:") || PROBING_FEATURES.has(feature);
}

// Hedges and fillers are read as their own feature and left out of the n-grams, so that
// sprinkling "I think" or "sort of" over an answer cannot make it look like something else.
const HEDGE_WORDS = new Set([
  "maybe",
  "perhaps",
  "probably",
  "possibly",
  "somewhat",
  "hopefully",
  "basically",
  "literally",
  "honestly",
  "actually",
  "really",
  "just",
  "um",
  "umm",
  "uh",
  "uhm",
  "er",
  "erm",
  "hmm",
]);
const HEDGE_PAIRS = new Set(["sort of", "kind of", "you know", "i mean", "more or less", "a bit"]);
// Each pair's second part by its first word: a pair is found with two lookups, no string built
// (the same test as before: "more or less" needs a next word "or less").
const HEDGE_PAIR_NEXT = new Map<string, Set<string>>();
for (const pair of HEDGE_PAIRS) {
  const first = pair.slice(0, pair.indexOf(" "));
  const rest = HEDGE_PAIR_NEXT.get(first) ?? new Set<string>();
  rest.add(pair.slice(first.length + 1));
  HEDGE_PAIR_NEXT.set(first, rest);
}
const HEDGED_VERBS = new Set(["think", "guess", "suppose", "believe", "feel"]);
const NEGATIONS = new Set(["not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor"]);
const MODALS = new Set(["would", "could", "should", "will", "might", "'d", "'ll", "can", "may", "must"]);
const THIRD = new Set(["they", "he", "she", "them", "their", "his", "her", "someone", "nobody"]);
const SUBJECTS: Readonly<Record<string, string>> = {
  i: "i",
  we: "we",
  they: "they",
  he: "they",
  she: "they",
  you: "you",
  it: "it",
};
// What a token's lower case says to the sentence features, found in one lookup.
const TOKEN_SUBJECT = 1;
const TOKEN_MODAL = 2;
const TOKEN_NEGATION = 4;
const TOKEN_THIRD = 8;
const TOKEN_CLASS = new Map<string, number>();
for (const [words, bit] of [
  [Object.keys(SUBJECTS), TOKEN_SUBJECT],
  [MODALS, TOKEN_MODAL],
  [NEGATIONS, TOKEN_NEGATION],
  [THIRD, TOKEN_THIRD],
] as const)
  for (const w of words) TOKEN_CLASS.set(w, (TOKEN_CLASS.get(w) ?? 0) | bit);
// Spelled numbers, matched as whole words (one set lookup, not a pattern test per word).
const SPELLED: ReadonlySet<string> = new Set(
  "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds thousand thousands million millions billion half twice double triple dozen dozens".split(
    " ",
  ),
);
/** Whether a lower-cased word is a spelled number the tagger reads as `<numword>` ("three", "half"). */
export function isSpelledNumber(lower: string): boolean {
  return SPELLED.has(lower);
}
const UNITS_AFTER_NUMBER =
  /^(%|percent|ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|x|k|m|gb|tb|mb|users?|customers?|people|engineers?|points?)$/;

// What a word's lower case says to `readWords`, found in one lookup: a hedge word, the first word
// of a hedge pair, a spelled number.
const READ_HEDGE = 1;
const READ_PAIR = 2;
const READ_SPELLED = 4;
const READ_CLASS = new Map<string, number>();
for (const [words, bit] of [
  [HEDGE_WORDS, READ_HEDGE],
  [HEDGE_PAIR_NEXT.keys(), READ_PAIR],
  [SPELLED, READ_SPELLED],
] as const)
  for (const w of words) READ_CLASS.set(w, (READ_CLASS.get(w) ?? 0) | bit);

/** The words of a sentence as the tagger reads them: lemmas, numbers as `<num>`, hedges removed. */
export interface SentenceWords {
  lemmas: string[];
  hedges: number;
  fillers: number;
}

/** Whether the text has an ASCII digit (what `/\d/` finds). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function isWord(t: Token): boolean {
  return t.type === "word" || t.type === "number";
}

/**
 * The lemmas of the tokens in [first, last) without hedges and fillers, numbers as `<num>`.
 * @example readWords(tokens, 0, 4).lemmas // ["i", "cut", "it", "by", "<num>"]
 */
export function readWords(tokens: readonly Token[], first: number, last: number): SentenceWords {
  const lemmas: string[] = [];
  let hedges = 0;
  let fillers = 0;
  for (let i = first; i < last; i += 1) {
    const t = tokens[i];
    if (t === undefined || !isWord(t)) continue;
    const lower = t.lower;
    const next = tokens[i + 1];
    const word = READ_CLASS.get(lower) ?? 0;
    if ((word & READ_HEDGE) !== 0) {
      if (lower.startsWith("u") || lower.startsWith("e") || lower.startsWith("h")) fillers += 1;
      else hedges += 1;
      continue;
    }
    if (
      (word & READ_PAIR) !== 0 &&
      HEDGE_PAIR_NEXT.get(lower)?.has(next !== undefined && isWord(next) ? next.lower : "") === true
    ) {
      hedges += 1;
      i += 1;
      continue;
    }
    if (lower === "i" && next !== undefined && HEDGED_VERBS.has(next.lemma) && next.lower !== "felt") {
      hedges += 1;
      i += 1;
      // "I think that…": the "that" belongs to the hedge too.
      if (tokens[i + 1]?.lower === "that") i += 1;
      continue;
    }
    // "one" and "zero" are tagged as numbers but are rarely figures ("one of them").
    if (hasDigit(t.text)) lemmas.push("<num>");
    else lemmas.push((word & READ_SPELLED) !== 0 ? "<numword>" : t.lemma);
  }
  return { lemmas, hedges, fillers };
}

/**
 * Per-sentence hits of each cue list, computed once per answer; with `probing`, the probing
 * families too (a model trained with `--probing`).
 * @example cueHits(corpus).find(([name]) => name === "probe")?.[1].has(0)
 */
export function cueHits(
  corpus: Corpus,
  probing = false,
): ReadonlyArray<readonly [string, ReadonlySet<number>]> {
  const lists = probing ? [...CUE_LISTS, ...PROBING_CUE_LISTS] : CUE_LISTS;
  return lists.map(
    ([name, patterns]) => [name, new Set(corpus.unitsMatching(patterns).map((u) => u.index))] as const,
  );
}

const hitsOf = (
  cues: ReadonlyArray<readonly [string, ReadonlySet<number>]>,
  names: readonly string[],
): ReadonlySet<number> => {
  const out = new Set<number>();
  for (const [name, hits] of cues) if (names.includes(name)) for (const i of hits) out.add(i);
  return out;
};

/** Where the answer states an unknown and where it probes one (a probe that did not happen is none). */
export interface ProbingShape {
  unknown: ReadonlySet<number>;
  probe: ReadonlySet<number>;
  routine: ReadonlySet<number>;
}

/**
 * The answer's unknowns, probes and plain executions, by sentence index, from its cue hits.
 * @example probingShape(cueHits(corpus, true)).probe.has(1)
 */
export function probingShape(cues: ReadonlyArray<readonly [string, ReadonlySet<number>]>): ProbingShape {
  const unknown = hitsOf(cues, ["unknown", "no-knowledge"]);
  const skipped = hitsOf(cues, ["skipped-probe"]);
  const probe = new Set([...hitsOf(cues, ["probe", "hunch", "look"])].filter((i) => !skipped.has(i)));
  return { unknown, probe, routine: hitsOf(cues, ["routine"]) };
}

const AFTER_UNKNOWN = feature("ctx:after-unknown");
const AFTER_UNKNOWN_PROBE = feature("ctx:after-unknown+probe");
const UNKNOWN_PROBED_LATER = feature("ctx:unknown+probe-later");
const UNKNOWN_UNPROBED = feature("ctx:unknown+no-probe");
const UNKNOWN_ROUTINE_LATER = feature("ctx:unknown+routine-later");
const PROBE_NO_UNKNOWN = feature("ctx:probe+no-unknown");

/**
 * A sentence read with the rest of the answer: a probe after a stated unknown, an unknown that
 * the answer goes on to probe (or never probes, or meets with a usual plan), a probe with no
 * unknown anywhere (asking a colleague what they want is not handling an unknown).
 */
function probingFeatures(shape: ProbingShape, index: number, out: string[], ids: number[] | undefined): void {
  let before = false;
  for (const i of shape.unknown) if (i < index) before = true;
  let probeLater = false;
  let probeAnywhere = false;
  for (const i of shape.probe) {
    probeAnywhere = true;
    if (i > index) probeLater = true;
  }
  let routineLater = false;
  for (const i of shape.routine) if (i > index) routineLater = true;
  const probes = shape.probe.has(index);
  if (before) add(out, ids, AFTER_UNKNOWN);
  if (before && probes) add(out, ids, AFTER_UNKNOWN_PROBE);
  if (shape.unknown.has(index)) {
    if (probeLater || probes) add(out, ids, UNKNOWN_PROBED_LATER);
    if (!probeAnywhere) add(out, ids, UNKNOWN_UNPROBED);
    if (routineLater) add(out, ids, UNKNOWN_ROUTINE_LATER);
  }
  if (probes && shape.unknown.size === 0) add(out, ids, PROBE_NO_UNKNOWN);
}

// ---------------------------------------------------------------- obligation clauses
// A task told inside a clause of a long spoken piece ("so the search was slow and my manager asked
// me to look at it") is outweighed by the rest of the piece's words. With `--clause-cues` (branch
// `task17`, docs/lab/risk-lens-lab.md "task told inside a clause") each sentence is cut into clauses at the
// openers of speech, and a clause that states an obligation, an ask, a responsibility or a
// deadline adds features of its own: its kind, who is obliged, where the clause sits in the
// sentence and the sentence in the answer, and whether the speaker acts after it in the sentence.

// Words that open a clause; "and" opens one before a subject or "then"/"so".
const CLAUSE_OPENERS = new Set(["so", "because", "cause", "but", "then", "when", "which", "while", "until"]);
const AFTER_AND = new Set(["then", "so", "i", "we", "they", "he", "she", "it", "my", "our", "the"]);

/** The kinds of obligation a clause can state, each a closed list of forms. */
const OBLIGATION_FORMS: ReadonlyArray<readonly [string, RegExp]> = [
  [
    "need",
    /\b(had|needed|need|have|has) to\b|\b(was|were|are|am|is) (supposed|expected|meant|required) to\b/,
  ],
  [
    "ask",
    /\b(asked|told|wanted|needed|assigned|begged|pinged|got) (me|us) to\b|\b(was|were|got|been|be) (asked|told|assigned|given|handed|tasked)\b|\b(asked|told) (me|us) (for|if|whether)\b|\b(said|says|asked) (can|could|would) (you|we|i|someone)\b|\b(they|he|she|manager|boss|director|client|customer|lead|team|company|owner|head|department|editor|ceo|cto) (wanted|needed|asked for|requested|want|need) (a|an|the|our|their|us|me|it|to|someone)\b/,
  ],
  [
    "charge",
    /\b(responsible|accountable) for\b|\bin charge of\b|\btasked with\b|\b(my|our|the) (main |whole |only |actual |real )?(job|goal|task|brief|role|aim|target|mission|objective|assignment|remit) (was|is|were)\b|\bhad (a|the|one) (goal|target|deadline|task|brief|mandate)\b|\b(on|up to) me\b|\b(i|we)( will|'ll) take it\b|\b(i|we) (owned|own) (the|it|this|that)\b/,
  ],
  [
    "due",
    /\bby (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of|end of|next|the next|the following|then)\b|\bwithin (a|one|two|three|four|five|six|a few|\w+) (days?|weeks?|months?|hours?|quarter)\b|\bdue (that|this|the|on|by|in|before|at)\b|\bhad (a|one|two|three|four|five|six|ten|a few|\w+) (days?|weeks?|months?|hours?) to\b|\bdeadline\b/,
  ],
];
// The forms a model trained with `--clause-reading` reads (design 4): as above, but a goal stated
// in the present ("my goal is always to add value") is a habit, not the episode's, and "on me" /
// "up to me" reads as owning a mistake ("that was totally on me") as often as a responsibility.
const EPISODE_OBLIGATION_FORMS: ReadonlyArray<readonly [string, RegExp]> = OBLIGATION_FORMS.map(
  ([kind, form]) =>
    [
      kind,
      kind === "charge"
        ? /\b(responsible|accountable) for\b|\bin charge of\b|\btasked with\b|\b(my|our|the) (main |whole |only |actual |real )?(job|goal|task|brief|role|aim|target|mission|objective|assignment|remit) (was|were)\b|\bhad (a|the|one) (goal|target|deadline|task|brief|mandate)\b|\b(i|we)( will|'ll) take it\b|\b(i|we) (owned|own) (the|it|this|that)\b/
        : form,
    ] as const,
);
const SPEAKER = /\b(i|we|me|us|my|our)\b/;

/** A clause of a sentence: its text (lower case, words joined by one space), first word and tokens. */
export interface Clause {
  text: string;
  first: string;
  /** Token indexes of the clause, [from, to). */
  from: number;
  to: number;
  words: number;
}

/**
 * The clauses of the tokens in [first, last): cut before an opener, and before "and" followed by
 * a subject, "then" or "so". Punctuation tokens are left out.
 * @example clausesOf(tokens, 0, 12).map((c) => c.text) // ["the search was slow", "and my manager asked me to look at it"]
 */
export function clausesOf(tokens: readonly Token[], first: number, last: number): Clause[] {
  const out: Clause[] = [];
  let words: string[] = [];
  let from = first;
  let to = first;
  // The next word after the current one, found once per word (not searched again for each).
  let at = nextWordAt(tokens, first, last);
  while (at < last) {
    const t = tokens[at] as Token;
    const after = nextWordAt(tokens, at + 1, last);
    const lower = t.lower;
    const opens =
      CLAUSE_OPENERS.has(lower) ||
      (lower === "and" && after < last && AFTER_AND.has((tokens[after] as Token).lower));
    if (opens && words.length > 0) {
      out.push(clauseOf(words, from, to));
      words = [];
    }
    if (words.length === 0) from = at;
    words.push(lower);
    to = at + 1;
    at = after;
  }
  if (words.length > 0) out.push(clauseOf(words, from, to));
  return out;
}

/** The index of the first word or number token in [from, last), or `last`. */
function nextWordAt(tokens: readonly Token[], from: number, last: number): number {
  for (let j = from; j < last; j += 1) {
    const u = tokens[j];
    if (u !== undefined && isWord(u)) return j;
  }
  return last;
}

function clauseOf(words: readonly string[], from: number, to: number): Clause {
  return { text: words.join(" "), first: words[0] as string, from, to, words: words.length };
}

/**
 * The clauses of one sentence as the clause features read them: each clause's obligation kinds
 * (bit k set when the k-th form of the list matches) and whether the speaker acts in it (read
 * only where it counts, for a clause after one that states an obligation; false elsewhere). A
 * sentence that states no obligation, which no clause feature reads, is not cut into clauses
 * (`clauses` is empty).
 */
export interface SentenceClauses {
  clauses: readonly Clause[];
  kinds: readonly number[];
  acts: readonly boolean[];
}

const NO_CLAUSES: SentenceClauses = { clauses: [], kinds: [], acts: [] };

function formsOf(clauseCues: true | "task"): ReadonlyArray<readonly [string, RegExp]> {
  return clauseCues === "task" ? EPISODE_OBLIGATION_FORMS : OBLIGATION_FORMS;
}

// Each list's forms as one alternation: whether any of them matches, in one pass. Every
// alternative of every form opens on `\b`, so the boundary is tested once per position, up
// front (`\b(?:a|b)` matches where `\ba|\bb` does).
function anyForm(forms: ReadonlyArray<readonly [string, RegExp]>): RegExp {
  const bare = forms.map(([, form]) => unbounded(form.source));
  if (bare.every((source) => source !== undefined)) return new RegExp(`\\b(?:${bare.join("|")})`);
  return new RegExp(forms.map(([, form]) => `(?:${form.source})`).join("|"));
}
const ANY_OBLIGATION = anyForm(OBLIGATION_FORMS);
const ANY_EPISODE_OBLIGATION = anyForm(EPISODE_OBLIGATION_FORMS);

/**
 * The clauses of the tokens in [first, last), each tested once against the obligation forms of
 * `clauseCues`, and read for whether the speaker acts where that counts. The forms are first
 * tested on the sentence's words (its clauses' texts joined by one space): a clause's text is a
 * run of them between two spaces, and `\b` reads the same at the run's ends with or without the
 * space beside it, so a form that fails on the sentence fails on each of its clauses.
 */
export function sentenceClauses(
  tokens: readonly Token[],
  first: number,
  last: number,
  clauseCues: true | "task",
): SentenceClauses {
  const words: string[] = [];
  for (let i = first; i < last; i += 1) {
    const t = tokens[i];
    if (t !== undefined && isWord(t)) words.push(t.lower);
  }
  const text = words.join(" ");
  if (!(clauseCues === "task" ? ANY_EPISODE_OBLIGATION : ANY_OBLIGATION).test(text)) return NO_CLAUSES;
  const forms = formsOf(clauseCues);
  let sentenceMask = 0;
  for (let k = 0; k < forms.length; k += 1)
    if ((forms[k] as readonly [string, RegExp])[1].test(text)) sentenceMask |= 1 << k;
  const clauses = clausesOf(tokens, first, last);
  const kinds = new Array<number>(clauses.length).fill(0);
  let firstObliged = clauses.length;
  for (let c = 0; c < clauses.length; c += 1) {
    const clause = clauses[c] as Clause;
    let mask = 0;
    for (let k = 0; k < forms.length; k += 1) {
      if ((sentenceMask & (1 << k)) === 0) continue;
      if (clauses.length === 1 || (forms[k] as readonly [string, RegExp])[1].test(clause.text))
        mask |= 1 << k;
    }
    kinds[c] = mask;
    if (mask !== 0 && c < firstObliged) firstObliged = c;
  }
  const acts = clauses.map((clause, c) => c > firstObliged && speakerActs(clause));
  return { clauses, kinds, acts };
}

/**
 * The first clause of the sentence that states an obligation of the episode (the forms of
 * `--clause-reading`), when the sentence has more than one clause: what design 4 reads alone.
 */
export function obligationClause(tokens: readonly Token[], first: number, last: number): Clause | undefined {
  const clauses = clausesOf(tokens, first, last);
  if (clauses.length < 2) return undefined;
  return clauses.find((c) => EPISODE_OBLIGATION_FORMS.some(([, form]) => form.test(c.text)));
}

/**
 * `obligationClause` of a sentence whose clauses were read with the episode's forms
 * (`sentenceClauses(…, "task")`), with that clause's reading as a sentence of its own: its token
 * range holds that one clause (a word that opens a clause inside it would have cut it there).
 */
export function obligationClauseOf(read: SentenceClauses): SentenceClauses | undefined {
  if (read.clauses.length < 2) return undefined;
  for (let c = 0; c < read.clauses.length; c += 1) {
    if (read.kinds[c] === 0) continue;
    return {
      clauses: [read.clauses[c] as Clause],
      kinds: [read.kinds[c] as number],
      acts: [false],
    };
  }
  return undefined;
}

/** Whether a clause is the speaker (or their team) acting: "so i rang", "and we moved". */
function speakerActs(clause: Clause): boolean {
  const { text } = clause;
  // The first words of the text, read in place with no list of words built (and no closure,
  // which `tsx` would name on each call).
  let end = wordEnd(text, 0);
  let w = text.slice(0, end);
  if (CLAUSE_OPENERS.has(w) || w === "and") {
    const from = end + 1;
    end = from <= text.length ? wordEnd(text, from) : from;
    w = from <= text.length ? text.slice(from, end) : "";
  }
  if (w === "then" || w === "so") {
    const from = end + 1;
    end = from <= text.length ? wordEnd(text, from) : from;
    w = from <= text.length ? text.slice(from, end) : "";
  }
  return w === "i" || w === "we";
}

/** Where the word of `text` that starts at `from` ends: the next space, or the text's end. */
function wordEnd(text: string, from: number): number {
  const end = text.indexOf(" ", from);
  return end < 0 ? text.length : end;
}

// The `ob:` feature names, built once: by kind (the order of the forms, the same in both lists),
// who is obliged and the sentence's quarter.
const OB_KINDS = OBLIGATION_FORMS.map(([kind]) => kind);
const OB_WHO = ["i", "other"] as const;
const OB_QUARTERS = ["q0", "q1", "q2", "q3"] as const;
const OB_KIND = OB_KINDS.map((kind) => feature(`ob:${kind}`));
const OB_ANY = feature("ob:any");
const OB_KIND_WHO = OB_KINDS.map((kind) => OB_WHO.map((who) => feature(`ob:${kind}+who:${who}`)));
const OB_KIND_CLAUSE = OB_KINDS.map((kind) =>
  ["first", "later"].map((place) => feature(`ob:${kind}+clause:${place}`)),
);
const OB_KIND_AT = OB_KINDS.map((kind) => OB_QUARTERS.map((q) => feature(`ob:${kind}+at:${q}`)));
const OB_ANY_AT = OB_QUARTERS.map((q) => feature(`ob:any+at:${q}`));
const OB_ANY_WHO_AT = OB_WHO.map((who) => OB_QUARTERS.map((q) => feature(`ob:any+who:${who}+at:${q}`)));
const OB_KIND_THEN = OB_KINDS.map((kind) => feature(`ob:${kind}+then:i`));
const OB_ANY_LONG = feature("ob:any+long");

// The `ob:` features of the sentence being read, each added once.
const obAdded: Feature[] = [];

function addOnce(f: Feature, out: string[], ids: number[] | undefined): void {
  if (obAdded.includes(f)) return;
  obAdded.push(f);
  out.push(f.name);
  ids?.push(f.id);
}

function clauseFeatures(
  ctx: AnswerContext,
  index: number,
  clauseCues: true | "task",
  out: string[],
  ids: number[] | undefined,
): void {
  const unit = ctx.units[index];
  if (unit === undefined) return;
  const read = ctx.clauses?.[index] ?? sentenceClauses(ctx.tokens, unit.first, unit.last, clauseCues);
  const { clauses, kinds, acts } = read;
  const n = ctx.units.length;
  const q = Math.min(3, Math.floor((4 * index) / Math.max(1, n)));
  const forms = formsOf(clauseCues).length;
  obAdded.length = 0;
  for (let c = 0; c < clauses.length; c += 1) {
    const mask = kinds[c] as number;
    if (mask === 0) continue;
    const who = SPEAKER.test((clauses[c] as Clause).text) ? 0 : 1;
    let then = false;
    for (let d = c + 1; d < clauses.length; d += 1) if (acts[d] === true) then = true;
    for (let k = 0; k < forms; k += 1) {
      if ((mask & (1 << k)) === 0) continue;
      addOnce(OB_KIND[k] as Feature, out, ids);
      addOnce(OB_ANY, out, ids);
      addOnce((OB_KIND_WHO[k] as Feature[])[who] as Feature, out, ids);
      addOnce((OB_KIND_CLAUSE[k] as Feature[])[c === 0 ? 0 : 1] as Feature, out, ids);
      addOnce((OB_KIND_AT[k] as Feature[])[q] as Feature, out, ids);
      addOnce(OB_ANY_AT[q] as Feature, out, ids);
      addOnce((OB_ANY_WHO_AT[who] as Feature[])[q] as Feature, out, ids);
      if (then) addOnce(OB_KIND_THEN[k] as Feature, out, ids);
      if (clauses.length > 1) addOnce(OB_ANY_LONG, out, ids);
    }
  }
}

/**
 * The sub-word reading of a model trained with `--subword` (issue 10, branch `lens36`): each
 * content lemma is also read as its character n-grams, hashed into a fixed number of buckets, so
 * that a word form the training answers never used ("disambiguating") shares features with the
 * forms they did ("ambiguity", "ambiguous"). Only the tagger columns named at training read them.
 */
export interface SubwordSpec {
  /** The n-gram lengths, read from the lemma padded with "^" and "$" (e.g. [4, 5]). */
  grams: readonly number[];
  /** The hashing budget: every n-gram is read as one of this many features, `g:<bucket>`. */
  buckets: number;
  /** Lemmas of letters a–z only, at least this long, are read; shorter ones and figures are not. */
  minLength: number;
}

/**
 * Whether a sentence feature is a sub-word bucket (`g:<bucket>`, a model trained with `--subword`).
 * @example isSubwordFeature("g:1021") // true
 */
export function isSubwordFeature(feature: string): boolean {
  return feature.charCodeAt(0) === 103 && feature.charCodeAt(1) === 58;
}

/** Whether the lemma is read for its sub-words: letters a–z only, at least `minLength` long. */
function readsSubwords(lemma: string, minLength: number): boolean {
  if (lemma.length < minLength) return false;
  for (let i = 0; i < lemma.length; i += 1) {
    const c = lemma.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * The buckets of a lemma's character n-grams (FNV-1a over the n-gram of "^lemma$", seeded by n),
 * sorted, each once; none for a lemma the spec does not read.
 * @example subwordBuckets("clarify", { grams: [4], buckets: 4096, minLength: 5 }).length // 6
 */
export function subwordBuckets(lemma: string, spec: SubwordSpec): number[] {
  if (!readsSubwords(lemma, spec.minLength)) return [];
  const length = lemma.length + 2;
  const at = (i: number): number => (i === 0 ? 94 : i === length - 1 ? 36 : lemma.charCodeAt(i - 1));
  const out = new Set<number>();
  for (const n of spec.grams) {
    for (let start = 0; start + n <= length; start += 1) {
      let h = (0x811c9dc5 ^ n) >>> 0;
      for (let i = start; i < start + n; i += 1) h = Math.imul(h ^ at(i), 0x01000193) >>> 0;
      out.add(h % spec.buckets);
    }
  }
  return [...out].sort((a, b) => a - b);
}

// Each lemma's sub-word features, built once per lemma and spec and reused (bounded, as the
// n-gram caches are).
const SUBWORDS = new WeakMap<SubwordSpec, Map<string, Feature[]>>();

function subwordsOf(lemma: string, spec: SubwordSpec): Feature[] {
  let cache = SUBWORDS.get(spec);
  if (cache === undefined) {
    cache = new Map();
    SUBWORDS.set(spec, cache);
  }
  let found = cache.get(lemma);
  if (found === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    found = subwordBuckets(lemma, spec).map((b) => named("g:", String(b)));
    cache.set(lemma, found);
  }
  return found;
}

/** A sentence's sub-word features: every bucket of its content lemmas, each once. */
function subwordFeatures(
  spec: SubwordSpec,
  lemmas: readonly string[],
  out: string[],
  ids: number[] | undefined,
): void {
  const seen = new Set<Feature>();
  for (const lemma of lemmas)
    for (const f of subwordsOf(lemma, spec)) {
      if (seen.has(f)) continue;
      seen.add(f);
      add(out, ids, f);
    }
}

/** What the sentence features need to know about the whole answer. */
export interface AnswerContext {
  units: readonly Unit[];
  tokens: readonly Token[];
  cues: ReadonlyArray<readonly [string, ReadonlySet<number>]>;
  /** The question calls for a story (not "about me", "why us", a concept…). */
  story: boolean;
  /** The rule-based part each sentence got from `assignStarParts`. */
  ruleParts: readonly string[];
  /** A model trained with `--probing`: the answer's unknowns and probes (`probingShape`). */
  probing?: ProbingShape | undefined;
  /**
   * A model trained with `--clause-cues` (true) or `--clause-reading` ("task"): the obligation
   * clauses of each sentence are read.
   */
  clauseCues?: true | "task" | undefined;
  /**
   * With `clauseCues`: each sentence's clauses, read once (`sentenceClauses`); a sentence without
   * one here is read when its features are.
   */
  clauses?: ReadonlyArray<SentenceClauses | undefined> | undefined;
  /** A model trained with `--subword`: content lemmas are also read as hashed n-grams. */
  subword?: SubwordSpec | undefined;
}

// The n-gram feature strings, built once per lemma (pair) and reused across sentences and
// analyses, each with its id (`featureId`): scoring then looks no string up. The caches are
// bounded; clearing them changes no output.
const MAX_CACHED = 50_000;

/**
 * A feature name and its id; a unigram's also keeps the bigrams that start on its lemma (every
 * feature has the slot, so that all share one shape).
 */
interface Feature {
  name: string;
  id: number;
  next: Map<string, Feature> | undefined;
}

function feature(name: string): Feature {
  return { name, id: featureId(name), next: undefined };
}

/** Adds a feature's name to `out` and its id to `ids`. */
function add(out: string[], ids: number[] | undefined, f: Feature): void {
  out.push(f.name);
  ids?.push(f.id);
}

const UNIGRAMS = new Map<string, Feature>();
// The bigrams that open a sentence ("b:<s>_i").
const START: Feature = { name: "", id: -1, next: undefined };

function unigram(lemma: string): Feature {
  let found = UNIGRAMS.get(lemma);
  if (found === undefined) {
    if (UNIGRAMS.size >= MAX_CACHED) UNIGRAMS.clear();
    found = feature(`w:${lemma}`);
    UNIGRAMS.set(lemma, found);
  }
  return found;
}

/** The bigram `prev lemma`, found from `prev`'s own gram: one lookup, not two. */
function bigram(from: Feature, prev: string, lemma: string): Feature {
  let row = from.next;
  if (row === undefined || row.size >= MAX_CACHED) {
    row = new Map();
    from.next = row;
  }
  let found = row.get(lemma);
  if (found === undefined) {
    found = feature(`b:${prev}_${lemma}`);
    row.set(lemma, found);
  }
  return found;
}

// Feature names made of a prefix and a value ("rule:action"), built once per pair and reused.
const NAMED = new Map<string, Map<string, Feature>>();

function named(prefix: string, value: string): Feature {
  let row = NAMED.get(prefix);
  if (row === undefined) {
    row = new Map();
    NAMED.set(prefix, row);
  }
  let found = row.get(value);
  if (found === undefined) {
    if (row.size >= MAX_CACHED) row.clear();
    found = feature(`${prefix}${value}`);
    row.set(value, found);
  }
  return found;
}

const QUARTERS = ["at:q0", "at:q1", "at:q2", "at:q3"].map(feature);
const PAST = feature("past");
const MODAL = feature("modal");
const NEG = feature("neg");
const NEG_THIRD = feature("neg+third");
const THIRD_PERSON = feature("third");
const FIGURE = feature("figure");
const FIGURE_UNIT = feature("figure+unit");
const NUMWORD = feature("numword");
const HEDGE = feature("hedge");
const FILLER = feature("filler");
const QMARK = feature("qmark");
const AT_FIRST = feature("at:first");
const AT_LAST = feature("at:last");
const BULLET = feature("bullet");
const MECHANISM_RECURRENCE = feature("cue:mechanism+recurrence");
const UNKNOWN_PROBE = feature("cue:unknown+probe");
const NONSTORY = feature("nonstory");
const NONSTORY_PAST = feature("nonstory+past");
const LENGTHS = ["len:xs", "len:s", "len:m", "len:l", "len:xl"].map(feature);

/** Whether the text has an ASCII digit or one of $ € £ ¥ (a figure or an amount). */
function hasFigureChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) return true;
  }
  return false;
}

/** Whether the text ends with "?" and then only white space (what `/\?\s*$/` finds). */
function endsWithQuestion(text: string): boolean {
  return text.trimEnd().endsWith("?");
}

function lengthBucket(words: number): Feature {
  return LENGTHS[words < 6 ? 0 : words < 12 ? 1 : words < 25 ? 2 : words < 40 ? 3 : 4] as Feature;
}

/**
 * The sparse, binary features of one sentence: lemma unigrams and bigrams, subject person,
 * negation, tense, figures, position, written STAR markers, the rule-based part and cue-list hits.
 * With `ids`, each feature's `featureId` is pushed there too (`ids[j]` of the result's `[j]`).
 * @example sentenceFeatures(ctx, 0, readWords(tokens, u.first, u.last)) // ["w:i", "b:<s>_i", "subj:i", …]
 */
export function sentenceFeatures(
  ctx: AnswerContext,
  index: number,
  words: SentenceWords,
  ids?: number[],
): string[] {
  const unit = ctx.units[index];
  if (unit === undefined) return [];
  const out: string[] = [];
  const { lemmas } = words;
  let prev = "<s>";
  let from = START;
  for (const lemma of lemmas) {
    const gram = unigram(lemma);
    add(out, ids, gram);
    add(out, ids, bigram(from, prev, lemma));
    prev = lemma;
    from = gram;
  }
  if (lemmas.length > 0) add(out, ids, bigram(from, prev, "</s>"));
  if (ctx.subword !== undefined) subwordFeatures(ctx.subword, lemmas, out, ids);

  let subject: string | undefined;
  let past = false;
  let modal = false;
  let negated = false;
  let third = false;
  let figure = false;
  let figureUnit = false;
  for (let i = unit.first; i < unit.last; i += 1) {
    const t = ctx.tokens[i];
    if (t === undefined) continue;
    const lower = t.lower;
    const word = TOKEN_CLASS.get(lower) ?? 0;
    if (subject === undefined && (word & TOKEN_SUBJECT) !== 0 && t.pos === "PRON") {
      const next = ctx.tokens[i + 1];
      if (!(lower === "i" && next !== undefined && HEDGED_VERBS.has(next.lemma))) subject = SUBJECTS[lower];
    }
    if (t.past) past = true;
    if ((word & TOKEN_MODAL) !== 0) modal = true;
    if ((word & TOKEN_NEGATION) !== 0) negated = true;
    if ((word & TOKEN_THIRD) !== 0) third = true;
    if (hasFigureChar(t.text)) {
      figure = true;
      const next = ctx.tokens[i + 1]?.lower ?? "";
      if (UNITS_AFTER_NUMBER.test(next) || lower.endsWith("%")) figureUnit = true;
    }
  }
  add(out, ids, named("subj:", subject ?? "none"));
  if (past) add(out, ids, PAST);
  if (modal) add(out, ids, MODAL);
  if (negated) add(out, ids, NEG);
  if (negated && third) add(out, ids, NEG_THIRD);
  if (third) add(out, ids, THIRD_PERSON);
  if (figure) add(out, ids, FIGURE);
  if (figureUnit) add(out, ids, FIGURE_UNIT);
  if (lemmas.includes("<numword>")) add(out, ids, NUMWORD);
  if (words.hedges > 0) add(out, ids, HEDGE);
  if (words.fillers > 0) add(out, ids, FILLER);
  if (endsWithQuestion(unit.text)) add(out, ids, QMARK);

  const n = ctx.units.length;
  if (index === 0) add(out, ids, AT_FIRST);
  if (index === n - 1) add(out, ids, AT_LAST);
  add(out, ids, QUARTERS[Math.min(3, Math.floor((4 * index) / Math.max(1, n)))] as Feature);
  add(out, ids, lengthBucket(unit.words));
  if (unit.marker !== undefined) add(out, ids, named("mark:", unit.marker));
  if (unit.bullet) add(out, ids, BULLET);

  const rule = ctx.ruleParts[index] ?? "other";
  add(out, ids, named("rule:", rule));
  add(out, ids, named("prev:", index > 0 ? (ctx.ruleParts[index - 1] ?? "other") : "none"));
  add(out, ids, named("next:", index < n - 1 ? (ctx.ruleParts[index + 1] ?? "other") : "none"));
  let mechanism = false;
  let recurrence = false;
  let unknown = false;
  let probe = false;
  for (const [name, hits] of ctx.cues) {
    if (!hits.has(index)) continue;
    add(out, ids, named("cue:", name));
    if (name === "mechanism") mechanism = true;
    else if (name === "recurrence") recurrence = true;
    else if (name === "unknown") unknown = true;
    else if (name === "probe") probe = true;
  }
  // Both halves in one sentence: a mechanism for later cases, an unknown met with a probe.
  if (mechanism && recurrence) add(out, ids, MECHANISM_RECURRENCE);
  if (unknown && probe) add(out, ids, UNKNOWN_PROBE);
  if (ctx.probing !== undefined) probingFeatures(ctx.probing, index, out, ids);
  if (ctx.clauseCues !== undefined) clauseFeatures(ctx, index, ctx.clauseCues, out, ids);
  if (!ctx.story) {
    add(out, ids, NONSTORY);
    add(out, ids, named("nonstory+rule:", rule));
    if (subject !== undefined) add(out, ids, named("nonstory+subj:", subject));
    if (past) add(out, ids, NONSTORY_PAST);
  }
  return out;
}
