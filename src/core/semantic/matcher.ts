/**
 * The shared semantic matcher: does one text (a requirement, a question) find its meaning in
 * another (an evidence sentence, a story, a prepared answer)? Pure, deterministic and fast:
 * concept lexicons with synonyms and abbreviations, lemmas, weighted words and bigrams, and
 * sense checks for ambiguous words ("communication" skills vs. encrypted communication).
 */
import { hasFigure, stem } from "../packaging/text.ts";
import { type AcronymReading, acronymMeets, acronymShared, readAcronyms } from "./acronyms.ts";
import {
  type Alignment,
  type AlignmentProfile,
  alignedPairs,
  alignmentProfile,
  alignWords,
  emptyProfile,
  type VectorText,
  type VectorWord,
  vectorOf,
  vectorText,
  vectorWeight,
  wordId,
} from "./alignment.ts";
import { BACKGROUND_SENTENCES } from "./background.ts";
import { CONCEPT_DEEDS } from "./deeds.ts";
import { CONCEPTS, type ConceptDefinition, type ConceptKind } from "./lexicon.ts";
import { OCCUPATION_CONCEPTS } from "./occupations.ts";
import { ENCODER_MODEL, learnedDecision } from "./pair-scorer.ts";
import { type SentenceEmbeddings, unitCosine } from "./sentence-embeddings.ts";

/** A concept found in a text, with the words that named it. */
export interface ConceptHit {
  id: string;
  kind: ConceptKind;
  label: string;
  /** The words as written (lower-cased). */
  term: string;
}

/** A text read once: its concepts, its weighted lemmas and bigrams. Reuse it across comparisons. */
export interface Analysis {
  readonly text: string;
  /** Concept id → hit, including the broader concepts each hit satisfies. */
  readonly concepts: ReadonlyMap<string, ConceptHit>;
  /** Concepts named directly (not only implied through `broader`). */
  readonly direct: ReadonlySet<string>;
  /** Content lemmas not part of a concept term → weight. */
  readonly lemmas: ReadonlyMap<string, number>;
  /** Every content lemma (concept words included), for lexical recall. */
  readonly allLemmas: ReadonlySet<string>;
  readonly bigrams: ReadonlySet<string>;
  /**
   * Concepts the text offers as alternatives of one ask: "Spark or Airflow", and the examples that
   * spell out a concept ("MLOps: model registry, CI/CD for models", "streaming (Kafka, Flink)").
   */
  readonly alternatives: ReadonlyArray<ReadonlySet<string>>;
  /** Content words with a word vector (words read in another sense left out), for soft alignment. */
  readonly vectors: VectorText;
  /** Lemmas of ambiguous terms read in another sense ("communication" next to "TLS"). */
  readonly otherSenses: ReadonlySet<string>;
  /** Acronyms and the initials of word runs ("HPLC" ↔ "high-performance liquid chromatography"). */
  readonly acronyms: AcronymReading;
  /**
   * Concepts the text opens with: its first words' and those joined to them by "and", "or" or a
   * comma ("Deploy and monitor models in production": deploying and monitoring).
   */
  readonly opening: ReadonlySet<string>;
  /**
   * A sense check took a topical concept's term off ("Licensed tattoo artist": licensing is not
   * intellectual property here). With no concept left, such an ask is guarded (`PairReading.guarded`).
   */
  readonly senseRejected?: boolean;
}

export type Strength = "strong" | "partial" | "none";

export interface SemanticMatch {
  /** 0..1: how much of the query's meaning the candidate shows. */
  score: number;
  strength: Strength;
  /** True when `score` reaches the match threshold. */
  matched: boolean;
  /** The shared ground: concept labels, then shared words. */
  shared: string[];
  /**
   * What the lexicons read of the pair, for ranking evidence that matched (Tailor): the credit on
   * the query's head concept (the ask whose concept the query names first: "communication" in
   * "clear communication with non-technical stakeholders"; 1 shown, 0.5 a neighbour, 0 missed or
   * none named), the weighted share of its concepts met, and the lexicon score (concepts and
   * words, before word vectors and the learned scorer).
   */
  ground?: { head: number; concepts: number; lexicon: number };
}

/** Scores at or above this count as a match; tuned on the dev split only (docs/matching.md). */
export const MATCH_THRESHOLD = 0.5;
/** Scores at or above this are strong evidence. */
export const STRONG_THRESHOLD = 0.75;

// Function words and the boilerplate of postings and answers: they say nothing about a topic.
const STOPWORDS = new Set(
  (
    "a an the and or but if then so of to in on at by for with from as into onto about over under is are was " +
    "were be been being am do does did done have has had having it its this that these those there here i me " +
    "my mine we us our you your he she they them their his her what which who whom how why when where can " +
    "could would should will shall may might must not no yes very really just also than too more most much " +
    "many some any each every all both either neither one out up down off again once because while during " +
    "before after through between tell time like get got make made etc e.g i.e via per within across such " +
    "other others well using use used"
  ).split(" "),
);

// Words every posting and every answer uses: they count, but little.
const GENERIC = new Set(
  (
    "experience experienced strong ability able skill skills knowledge understanding proven track record " +
    "work worked working job role team teams year years plus preferred required requirement bonus nice " +
    "familiarity familiar excellent good great solid deep hands-on hand demonstrated relevant related " +
    "environment environments candidate including include new best practice practices improve improved " +
    "improving build built building develop developed developing design designed create created help helped " +
    "ensure ensured support supported project projects system systems solution solutions thing things way " +
    "reduce reduced increase increased drive driven proficiency proficient fluency fluent " +
    "lot great real world real-world high quality level clear clearly effective effectively"
  )
    .split(" ")
    .map((w) => stem(w)),
);

interface Token {
  raw: string;
  lemma: string;
  /** Offset of the token in the text (normalisation keeps offsets). */
  at: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}+#/.']*/gu;

const REQUEST_VERBS = new Set(["explain", "describe"]);

/** An imperative request verb at the start of the text or of a sentence ("Explain X."). */
function isRequest(text: string, token: Token): boolean {
  if (!REQUEST_VERBS.has(token.raw)) return false;
  const before = text.slice(Math.max(0, token.at - 4), token.at).trimEnd();
  return before === "" || /[.?!:\n]$/.test(before) || /^\s*(?:[-*•]|\d+[.)])$/.test(before);
}

/**
 * Lower-cased tokens with lemmas: hyphens split words ("non-technical" → "non technical"),
 * a possessive "'s" is dropped, trailing dots are not part of a word.
 */
function tokenize(text: string, splitSlashes = false): Token[] {
  const out: Token[] = [];
  const normalized = text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/(\p{L})-(?=\p{L}|\d)/gu, "$1 ")
    .replace(/(\d)-(?=\p{L})/gu, "$1 ");
  for (const match of normalized.matchAll(TOKEN)) {
    let raw = match[0].replace(/[.']+$/, "");
    raw = raw.replace(/'s$/, "");
    if (raw === "") continue;
    const at = match.index ?? 0;
    // "Agile/Scrum", "Flink/Kafka": two words, unless the whole is a term ("CI/CD", "TCP/IP").
    if (splitSlashes && /[^/]\/[^/]/.test(raw) && !PREFIXES.has(lemma(raw))) {
      let offset = at;
      for (const part of raw.split("/")) {
        if (part !== "") out.push({ raw: part, lemma: lemma(part), at: offset });
        offset += part.length + 1;
      }
      continue;
    }
    out.push({ raw, lemma: lemma(raw), at });
  }
  return out;
}

const IRREGULAR: Record<string, string> = {
  led: "lead",
  leading: "lead",
  taught: "teach",
  teaching: "teach",
  built: "build",
  ran: "run",
  running: "run",
  wrote: "write",
  write: "write",
  writes: "write",
  written: "write",
  writing: "write",
  drove: "drive",
  driven: "drive",
  spoke: "speak",
  spoken: "speak",
  made: "make",
  learnt: "learn",
  learned: "learn",
  learning: "learn",
  better: "good",
  analyses: "analysis",
  analyse: "analyz",
  analyze: "analyz",
  analysed: "analyz",
  analyzed: "analyz",
  optimise: "optimiz",
  optimize: "optimiz",
  optimised: "optimiz",
  optimized: "optimiz",
  optimisation: "optimiz",
  optimization: "optimiz",
  prioritise: "prioritiz",
  prioritize: "prioritiz",
  prioritisation: "prioritiz",
  prioritization: "prioritiz",
  prioritised: "prioritiz",
  prioritized: "prioritiz",
  prioritising: "prioritiz",
  prioritizing: "prioritiz",
  prioritises: "prioritiz",
  prioritizes: "prioritiz",
  latencies: "latency",
  // A programme is a scheme (benefits, training, loyalty), not code: its plural stemmed to
  // "programm", the lemma of "programming".
  programmes: "programme",
  maths: "math",
  mathematics: "math",
  mathematical: "math",
  statistical: "statistic",
  statistics: "statistic",
};

function lemma(raw: string): string {
  const irregular = IRREGULAR[raw];
  if (irregular !== undefined) return irregular;
  if (/[^a-z]/.test(raw)) return raw;
  return stem(raw);
}

interface CompiledTerm {
  concepts: ConceptDefinition[];
  length: number;
  /** Sense checks of this term, by concept id, when the concept gives the term its own. */
  senses: Map<string, TermSense>;
  /**
   * Concepts that also list a plain term of this key ("papers" beside the sense term "paper"): for
   * them the sense checks apply only to the sense's own written forms.
   */
  plain: Set<string>;
}

/** A term's own sense checks: `not` words, `needs` words beside it, a unit read only after a number. */
interface TermSense {
  not: string[];
  needs: string[];
  afterFigure?: boolean;
  /** The term names the concept only as the head of its noun phrase (`objectHead`'s `headOnly`). */
  headOnly?: boolean;
  /** Lemmas of object heads that make the term a verb of another sense. */
  objectNot?: string[];
  /** The sense's own terms as written, lower-cased: the forms its checks apply to. */
  forms: Set<string>;
}

const lemmasOf = (list: readonly string[] | undefined) =>
  (list ?? []).map((w) =>
    tokenize(w)
      .map((t) => t.lemma)
      .join(" "),
  );

const BY_ID = new Map(CONCEPTS.map((c) => [c.id, c]));
const OCCUPATION_IDS = new Set(OCCUPATION_CONCEPTS.map((c) => c.id));
const TERMS = new Map<string, CompiledTerm>();
// Every leading run of a term's lemmas: scanning stops as soon as no term can start this way.
const PREFIXES = new Set<string>();
let MAX_TERM = 1;
function addTerm(concept: ConceptDefinition, term: string, sense?: TermSense): void {
  const lemmas = tokenize(term).map((t) => t.lemma);
  if (lemmas.length === 0) return;
  const key = lemmas.join(" ");
  const entry: CompiledTerm = TERMS.get(key) ?? {
    concepts: [],
    length: lemmas.length,
    senses: new Map(),
    plain: new Set(),
  };
  if (!entry.concepts.includes(concept)) entry.concepts.push(concept);
  if (sense) entry.senses.set(concept.id, sense);
  else entry.plain.add(concept.id);
  TERMS.set(key, entry);
  for (let n = 1; n <= lemmas.length; n++) PREFIXES.add(lemmas.slice(0, n).join(" "));
  MAX_TERM = Math.max(MAX_TERM, lemmas.length);
}
/** A term as written, for telling a sense's own form from a plain term of the same lemmas. */
function surfaceForm(text: string): string {
  return tokenize(text)
    .map((t) => t.raw.toLowerCase())
    .join(" ");
}
for (const concept of CONCEPTS) {
  for (const term of concept.terms) addTerm(concept, term);
  for (const sense of concept.senses ?? []) {
    const compiledSense: TermSense = {
      not: [...lemmasOf(sense.not), ...lemmasOf(concept.not)],
      needs: lemmasOf(sense.needs),
      ...(sense.afterFigure ? { afterFigure: true } : {}),
      ...(sense.headOnly ? { headOnly: true } : {}),
      ...(sense.objectNot ? { objectNot: lemmasOf(sense.objectNot) } : {}),
      forms: new Set(sense.terms.map(surfaceForm)),
    };
    for (const term of sense.terms) addTerm(concept, term, compiledSense);
  }
}

// Verb forms of one-word nominalisations: "valued" and "valuing" read as "valuation", "appraised"
// as "appraisal", "documented" as "documentation" — the action named by its noun. Only the past tense
// and -ing form of the derived verb (a noun of the same stem, "value", is another word), only where
// the verb form is not a term itself, each with the nominalisation's sense checks.
const DERIVED = new Map<string, CompiledTerm>();
for (const concept of CONCEPTS) {
  for (const term of [...concept.terms, ...(concept.senses ?? []).flatMap((sense) => sense.terms)]) {
    const tokens = tokenize(term);
    if (tokens.length !== 1) continue;
    const entry = TERMS.get((tokens[0] as Token).lemma);
    if (entry === undefined) continue;
    for (const form of verbFormsOf((tokens[0] as Token).raw)) {
      const derived = lemma(form);
      if (!TERMS.has(derived) && !DERIVED.has(derived)) DERIVED.set(derived, entry);
    }
  }
}

/** The past tense and -ing form of the verb a one-word nominalisation names ("appraisal" → "appraised", "appraising"). */
function verbFormsOf(noun: string): string[] {
  const m = /^([a-z]{4,}?)(?:ation|ition|ment|al)$/.exec(noun);
  if (!m) return [];
  const base = m[1] as string;
  // "valu-ation" → "value", "apprais-al" → "appraise", "procure-ment" → "procure".
  const verbs = base.endsWith("e") ? [base] : [base, `${base}e`];
  return verbs.flatMap((v) => (v.endsWith("e") ? [`${v}d`, `${v.slice(0, -1)}ing`] : [`${v}ed`, `${v}ing`]));
}

// Sense words, lemmatised: single words as a set, phrases as lemma strings.
const SENSE = new Map<string, { not: string[]; needs: string[] }>();
for (const concept of CONCEPTS) {
  SENSE.set(concept.id, { not: lemmasOf(concept.not), needs: lemmasOf(concept.needs) });
}

/** The broader concepts a concept satisfies, itself included (transitively). */
function closure(id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const up of BY_ID.get(out[i] as string)?.broader ?? []) if (!out.includes(up)) out.push(up);
  }
  return out;
}
const CLOSURE = new Map(CONCEPTS.map((c) => [c.id, closure(c.id)]));

const WINDOW = 8;

function windowHas(lemmas: readonly string[], from: number, to: number, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return false;
  const start = Math.max(0, from - WINDOW);
  const end = Math.min(lemmas.length, to + WINDOW);
  const span = ` ${lemmas.slice(start, end).join(" ")} `;
  return phrases.some((p) => span.includes(` ${p} `));
}

/** `windowHas` on the words beside a term, the term's own words left out: a term is not its own context. */
function besideHas(lemmas: readonly string[], from: number, to: number, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return false;
  const before = lemmas.slice(Math.max(0, from - WINDOW), from).join(" ");
  const after = lemmas.slice(to, Math.min(lemmas.length, to + WINDOW)).join(" ");
  const span = ` ${before} \u0000 ${after} `;
  return phrases.some((p) => span.includes(` ${p} `));
}

// A possessive pronoun stands for something named before it: "Once I retrained the model on fresh
// click data, its accuracy rose" — "its" is the model. In a sense window it counts as its antecedent.
const POSSESSIVE = new Set(["its", "their", "his", "her"]);
const POSSESSIVE_WORD = /\b(?:its|their|his|her)\b/i;
// A sentence ends at a full stop, question or exclamation mark followed by a space ("0.62" does not).
const SENTENCE_END = /[.!?]["'’”)\]]*\s/;

/**
 * The sentence each token belongs to (0, 1, …): a pronoun's antecedent is looked for in its own
 * sentence and the one before.
 */
function sentencesOf(text: string, tokens: readonly Token[]): Uint16Array {
  const out = new Uint16Array(tokens.length);
  let sentence = 0;
  for (let k = 1; k < tokens.length; k++) {
    if (SENTENCE_END.test(text.slice((tokens[k - 1] as Token).at, (tokens[k] as Token).at))) sentence++;
    out[k] = sentence;
  }
  return out;
}

/**
 * The needed word a possessive pronoun in the sense window of the term at `from`..`to` stands for:
 * one of `phrases` named before the pronoun in its sentence or in the sentence before it (in the
 * text, or `before`, the tokens of the sentence that precedes the text). "its accuracy rose" needs a
 * model, and "Once I retrained the model …, its accuracy rose" names it. Undefined when none does.
 */
function pronounStandsFor(
  tokens: readonly Token[],
  lemmas: readonly string[],
  sentences: Uint16Array,
  before: readonly Token[],
  from: number,
  to: number,
  phrases: readonly string[],
): string | undefined {
  const start = Math.max(0, from - WINDOW);
  const end = Math.min(tokens.length, to + WINDOW);
  for (let p = start; p < end; p++) {
    if (!POSSESSIVE.has((tokens[p] as Token).raw)) continue;
    const own = sentences[p] as number;
    let first = p;
    while (first > 0 && (sentences[first - 1] as number) >= own - 1) first--;
    const antecedents =
      own === 0 ? [...before.map((t) => t.lemma), ...lemmas.slice(0, p)] : lemmas.slice(first, p);
    const span = ` ${antecedents.join(" ")} `;
    const found = phrases.find((phrase) => span.includes(` ${phrase} `));
    if (found !== undefined) return found;
  }
  return undefined;
}

// Determiners and possessives an object opens with ("scaling a startup", "scaled our team").
const DETERMINERS = new Set([
  "a",
  "an",
  "the",
  "our",
  "my",
  "their",
  "his",
  "her",
  "its",
  "this",
  "that",
  "up",
]);

/** The text between two tokens, as written. */
const gapBetween = (text: string, a: Token, b: Token) => text.slice(a.at + a.raw.length, b.at);

/**
 * The lemma of the head noun of the object that follows position `from`: after a determiner, the
 * run of content words up to a function word or punctuation, its last word (words joined by a
 * hyphen are one: "start up"). "" when no object follows.
 * @example objectHead("scaling a startup from zero to one", …) // "startup"
 */
function objectHead(text: string, tokens: readonly Token[], from: number): string {
  let k = from;
  // "scaling up the team": up to two such words.
  for (let n = 0; n < 2 && k < tokens.length && DETERMINERS.has((tokens[k] as Token).raw); n++, k++)
    if (k > 0 && /\S/.test(gapBetween(text, tokens[k - 1] as Token, tokens[k] as Token))) return "";
  let head = "";
  for (let n = 0; k < tokens.length && n < 4; k++, n++) {
    const token = tokens[k] as Token;
    const gap = k > 0 ? gapBetween(text, tokens[k - 1] as Token, token) : "";
    const joined = /^-$/.test(gap) && head !== "";
    if (!joined && (/[^\s]/.test(gap) || STOPWORDS.has(token.raw))) break;
    head = joined ? `${head} ${token.lemma}` : token.lemma;
  }
  return head;
}

// People a noun may be said of: "business users", "business leaders" are still an audience.
const PEOPLE = new Set(
  "user users leader leaders leadership owner owners stakeholder stakeholders people side folks colleague colleagues partner partners team teams unit units analyst analysts manager managers head heads sponsor sponsors customer customers client clients"
    .split(" ")
    .map((w) => lemma(w)),
);

/**
 * Whether the word at `next` is a noun the term before it modifies ("small business returns"): a
 * content word right after it, no punctuation between, and not a word for people.
 */
function modifiesNext(text: string, tokens: readonly Token[], next: number): boolean {
  const token = tokens[next];
  if (token === undefined || STOPWORDS.has(token.raw) || PEOPLE.has(token.lemma)) return false;
  return !/[^\s-]/.test(gapBetween(text, tokens[next - 1] as Token, token));
}

// Audiences: the people the work is shown, reported or sold to (stakeholders and the narrower ones).
const AUDIENCE = new Set(
  CONCEPTS.filter((c) => CLOSURE.get(c.id)?.includes("soft.stakeholders")).map((c) => c.id),
);

// What follows a role title at the head of a posting line: "Funeral director with …", "Stage
// lighting designer for …", "Nurse, band 5", "Designer (contract)".
const AFTER_ROLE = new Set(["with", "for", "who", "experienced", "skilled", "needed", "wanted", "required"]);

/**
 * Whether the term at `from`..`to` is the role a posting line hires for: the head of the words the
 * text opens with (at most four, no function word before it), singular, and followed by the end of
 * the text, punctuation or a word that goes on about the role. An audience named so is the job
 * itself, not whom it serves.
 */
function isRoleTitle(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  if (from > 3 || /\S/.test(text.slice(0, (tokens[0] as Token).at))) return false;
  for (let k = 0; k < to; k++) {
    const token = tokens[k] as Token;
    if (STOPWORDS.has(token.raw)) return false;
    if (k > 0 && /[^\s-]/.test(gapBetween(text, tokens[k - 1] as Token, token))) return false;
  }
  const last = tokens[to - 1] as Token;
  if (last.raw.endsWith("s")) return false;
  const next = tokens[to];
  if (next === undefined) return true;
  return AFTER_ROLE.has(next.raw) || /[^\s-]/.test(gapBetween(text, last, next));
}

// The one-word forms each domain's terms are written in ("banking", "advertising" are listed).
const DOMAIN_FORMS = new Map(
  CONCEPTS.filter((c) => c.kind === "domain").map((c) => [
    c.id,
    new Set([...c.terms, ...(c.senses ?? []).flatMap((sense) => sense.terms)].map((t) => t.toLowerCase())),
  ]),
);

/**
 * Whether the -ing word at `at` is a verb with its object: no determiner or modifier before it (the
 * text's start, a function word, or a word every posting uses: "experience regulating", "and
 * claiming"), and a word of its object right after it ("acoustic pianos", "their expenses"). "Core
 * banking", "radio advertising", "the ordering system" are nouns.
 */
function isVerbWithObject(text: string, tokens: readonly Token[], at: number): boolean {
  const token = tokens[at] as Token;
  const prev = tokens[at - 1];
  if (prev !== undefined) {
    const function_ = STOPWORDS.has(prev.raw) && !DETERMINERS.has(prev.raw);
    if (!function_ && !GENERIC.has(prev.lemma) && !/[,;:(]/.test(gapBetween(text, prev, token))) return false;
    if (DETERMINERS.has(prev.raw)) return false;
  }
  const next = tokens[at + 1];
  if (next === undefined || /\S/.test(gapBetween(text, token, next))) return false;
  return DETERMINERS.has(next.raw) || !STOPWORDS.has(next.raw);
}

const WHY_NAME = /\b[Ww]hy (?![Nn]ow\b|[Nn]ot\b|I\b)[A-Z][\p{L}\p{N}&-]+/u;

const WHY_NOW = /\b[Ww]hy\b[^?.!]*\bnow\b/;

// Words after which a text gives examples of what it just named.
const EXAMPLE_CUE = /^(?:such as|e\.?g\.?|for example|for instance|including|like|especially|ideally)\b/i;

/**
 * Groups of concepts that are alternatives of one ask. "A or B" (and "A, B or C"): the concepts
 * on both sides. Examples — in parentheses, after a colon, after "such as", "including", "e.g." —
 * spell out the concept named just before them, so any of them meets it.
 */
function alternativesOf(
  text: string,
  tokens: readonly Token[],
  hits: ReadonlyArray<{ from: number; to: number; ids: string[] }>,
): Set<string>[] {
  const out: Set<string>[] = [];
  // "or": the hit just before (with the run of hits before it that only punctuation separates) and the hit just after.
  tokens.forEach((token, k) => {
    if (token.raw !== "or") return;
    const before = hits.filter((h) => h.to < k && k - h.to <= 2);
    const after = hits.find((h) => h.from > k && h.from - k <= 3);
    if (before.length === 0 || after === undefined) return;
    const group = new Set<string>(after.ids);
    let last = before[before.length - 1] as (typeof hits)[number];
    for (const id of last.ids) group.add(id);
    for (let j = hits.indexOf(last) - 1; j >= 0; j--) {
      const prev = hits[j] as (typeof hits)[number];
      const gap = text.slice((tokens[prev.to] as Token).at, (tokens[last.from] as Token).at);
      if (last.from - prev.to !== 1 || !/^[^\s,;]*[,/]\s*$|^\S+\s*$/.test(gap)) break;
      for (const id of prev.ids) group.add(id);
      last = prev;
    }
    out.push(group);
  });
  // Examples: each zone's concepts join the concept named last before the zone opens.
  const zones: Array<{ from: number; to: number }> = [];
  const close = (from: number, end: RegExp) => {
    const rest = text.slice(from).search(end);
    zones.push({ from, to: rest < 0 ? text.length : from + rest });
  };
  for (let at = text.indexOf("("); at >= 0; at = text.indexOf("(", at + 1)) close(at, /\)/);
  const colon = text.search(/:\s/);
  if (colon >= 0) close(colon, /[.;]\s|$/);
  tokens.forEach((token) => {
    if (EXAMPLE_CUE.test(text.slice(token.at))) close(token.at, /[).;]|$/);
  });
  for (const zone of zones) {
    const inside = hits.filter((h) => {
      const at = (tokens[h.from] as Token).at;
      return at > zone.from && at < zone.to;
    });
    // The head is the last concept before the zone of the same kind as an example: in "a
    // quantitative PhD (statistics, physics …)" the fields spell out "quantitative", not "PhD".
    const kinds = new Set(inside.flatMap((h) => h.ids.map((id) => BY_ID.get(id)?.kind)));
    const ofKind = (ids: readonly string[]) => ids.filter((id) => kinds.has(BY_ID.get(id)?.kind));
    const head = hits.filter((h) => (tokens[h.to] as Token).at < zone.from && ofKind(h.ids).length > 0).pop();
    if (head === undefined) continue;
    out.push(new Set([...ofKind(head.ids), ...inside.flatMap((h) => h.ids)]));
  }
  return out;
}

const CACHE = new Map<string, Analysis>();
const CACHE_LIMIT = 2_000;

/**
 * Reads a text once: concepts (with sense checks), content lemmas and bigrams. `before`, the
 * sentence that precedes the text where it was written (Tailor reads an answer sentence by
 * sentence), is where a possessive pronoun at the text's start may find what it stands for; it
 * adds nothing else to the reading.
 * @example analyzeText("A quantitative PhD").concepts.has("field.quantitative") // true
 * @example analyzeText("Its accuracy rose.", "I retrained the classifier.").concepts.has("metric.accuracy") // true
 */
export function analyzeText(text: string, before?: string): Analysis {
  // The sentence before matters only to a text with a possessive pronoun.
  const cacheKey = before === undefined || !POSSESSIVE_WORD.test(text) ? text : `${before}\u0000${text}`;
  const cached = CACHE.get(cacheKey);
  if (cached !== undefined) return cached;
  const tokens = tokenize(text, true);
  const lemmas = tokens.map((t) => t.lemma);
  let context: Token[] = [];
  if (cacheKey !== text && before !== undefined) {
    const told = tokenize(before, true);
    const last = sentencesOf(before, told);
    const lastSentence = told.length === 0 ? 0 : (last[told.length - 1] as number);
    context = told.filter((_, k) => last[k] === lastSentence);
  }
  // Words of the sentence before that a pronoun of this text stands for ("its" for "classifier"):
  // read as words of this text too, as if it had said "the classifier's precision".
  const standIns: Token[] = [];
  // A sense check took a topical concept's term off (Analysis.senseRejected).
  let senseRejected = false;
  let sentences: Uint16Array | undefined;
  const concepts = new Map<string, ConceptHit>();
  const direct = new Set<string>();
  const inTerm = new Uint8Array(tokens.length);
  // Tokens whose ambiguous term was read in another sense: they do not count as words either.
  const otherSense = new Uint8Array(tokens.length);
  // Topical concept hits in order: first and last token, the concepts the term fired.
  const hits: Array<{ from: number; to: number; ids: string[] }> = [];
  for (let i = 0; i < tokens.length; i++) {
    // "Explain the bias–variance trade-off", "Describe a time…": a request that opens the text or
    // a sentence asks for an answer; it is not the communication skill.
    if (isRequest(text, tokens[i] as Token)) continue;
    // Candidate keys grow one lemma at a time; the longest term that exists wins.
    const keys: string[] = [];
    let grown = "";
    for (let n = 1; n <= Math.min(MAX_TERM, tokens.length - i); n++) {
      grown = n === 1 ? (lemmas[i] as string) : `${grown} ${lemmas[i + n - 1]}`;
      if (!PREFIXES.has(grown)) break;
      keys.push(grown);
    }
    const token = tokens[i] as Token;
    const verbForm = /(?:ed|ing)$/.test(token.raw) && DERIVED.has(token.lemma);
    if (keys.length === 0 && verbForm) keys.push(token.lemma);
    for (let n = keys.length; n >= 1; n--) {
      const key = keys[n - 1] as string;
      const entry = TERMS.get(key) ?? (n === 1 && verbForm ? DERIVED.get(key) : undefined);
      if (entry === undefined) continue;
      let fired = false;
      const firedIds: string[] = [];
      // A term read in another sense (a `not` word nearby) is not a word of this topic either.
      let negated = false;
      for (const concept of entry.concepts) {
        // Every form of the term's lemmas gets the sense's checks, as written or inflected ("owning"
        // beside the sense term "own"). Only the rule that a needed word must stand beside the term is
        // kept to the sense's own forms: a plain term of the concept sharing the lemmas ("papers"
        // beside the sense term "paper") may be its own needed word, as before.
        const own = entry.senses.get(concept.id);
        const sense = own ?? SENSE.get(concept.id);
        if (sense && windowHas(lemmas, i, i + n, sense.not)) {
          negated = true;
          if (concept.kind !== "intent") senseRejected = true;
          continue;
        }
        // A unit ("ms") is read only right after a number: "100 ms", not "MS Excel" or "LC-MS".
        if (own?.afterFigure && !(i > 0 && /^\d/.test((tokens[i - 1] as Token).raw))) {
          if (concept.kind !== "intent") senseRejected = true;
          continue;
        }
        // "Scaling a startup" grows a company; "small business returns" are returns: the words right
        // after the term say it is in another sense, or only modifies the noun that follows. These and
        // the two checks below: docs/lab/matching-lab.md, "Round 34".
        if (
          (own?.objectNot && own.objectNot.includes(objectHead(text, tokens, i + n))) ||
          (own?.headOnly && modifiesNext(text, tokens, i + n))
        ) {
          senseRejected = true;
          continue;
        }
        // "Funeral director with experience …": the role a posting hires for, not an audience.
        if (AUDIENCE.has(concept.id) && isRoleTitle(text, tokens, i, i + n)) {
          senseRejected = true;
          continue;
        }
        // "Experience regulating acoustic pianos": a verb with its object is an action, not the
        // industry (regulated industries) its stem also names, unless the lexicon lists that form.
        if (
          concept.kind === "domain" &&
          n === 1 &&
          token.raw.endsWith("ing") &&
          !DOMAIN_FORMS.get(concept.id)?.has(token.raw) &&
          isVerbWithObject(text, tokens, i)
        ) {
          senseRejected = true;
          continue;
        }
        const ownForm =
          own !== undefined &&
          (!entry.plain.has(concept.id) ||
            own.forms.has(
              tokens
                .slice(i, i + n)
                .map((t) => t.raw.toLowerCase())
                .join(" "),
            ));
        // A term's own sense needs a word beside it ("paper" beside a journal, "plant" beside a
        // garden); a concept's needs list naming one of its terms says that term is enough alone.
        const needsMet = ownForm
          ? besideHas(lemmas, i, i + n, own.needs)
          : windowHas(lemmas, i, i + n, sense?.needs ?? []);
        if (sense && sense.needs.length > 0 && !needsMet) {
          // The term itself may be one of the concept's needed words ("throughput"), or a possessive
          // pronoun beside it may stand for one ("its accuracy", the model's).
          if (ownForm || !sense.needs.includes(key)) {
            sentences ??= sentencesOf(text, tokens);
            const found = pronounStandsFor(tokens, lemmas, sentences, context, i, i + n, sense.needs);
            if (found === undefined) {
              if (concept.kind !== "intent") senseRejected = true;
              continue;
            }
            const said = found.split(" ");
            if (!said.every((l) => lemmas.includes(l)))
              standIns.push(...context.filter((t) => said.includes(t.lemma)));
          }
        }
        fired = true;
        direct.add(concept.id);
        if (concept.kind !== "intent") firedIds.push(concept.id);
        const term = tokens
          .slice(i, i + n)
          .map((t) => t.raw)
          .join(" ");
        for (const id of CLOSURE.get(concept.id) ?? [concept.id]) {
          if (concepts.has(id)) continue;
          const def = BY_ID.get(id) as ConceptDefinition;
          concepts.set(id, { id, kind: def.kind, label: def.label, term });
        }
      }
      // Words of a question intent stay words: intents count only question to question.
      const topical = entry.concepts.some((concept) => concept.kind !== "intent");
      if (firedIds.length > 0) hits.push({ from: i, to: i + n - 1, ids: firedIds });
      for (let k = i; k < i + n; k++) {
        if (fired && topical) inTerm[k] = 1;
        else if (fired) continue;
        else if (negated) otherSense[k] = 1;
      }
      i += n - 1;
      break;
    }
  }
  const opening = new Set<string>();
  let next = 0;
  for (const hit of hits) {
    if (hit.from !== next) break;
    for (const id of hit.ids) opening.add(id);
    // The run goes on past "and", "or", "&" or a comma: "Deploy and monitor", "Deploy, scale".
    const end = tokens[hit.to] as Token;
    let k = hit.to + 1;
    if (tokens[k]?.raw === "and" || tokens[k]?.raw === "or") k++;
    const gap = k < tokens.length ? text.slice(end.at + end.raw.length, (tokens[k] as Token).at) : "";
    if (k === hit.to + 1 && !/[,&/]/.test(gap)) break;
    next = k;
  }
  // "Why are you moving now?": a why-question about now asks why now, whatever sits between.
  if (!concepts.has("intent.why-now") && WHY_NOW.test(text)) {
    const def = BY_ID.get("intent.why-now") as ConceptDefinition;
    direct.add(def.id);
    concepts.set(def.id, { id: def.id, kind: def.kind, label: def.label, term: "why … now" });
  }
  // "Why Acme?": a question naming an organisation after "why" asks why this company.
  if (!concepts.has("intent.why-company") && WHY_NAME.test(text)) {
    const def = BY_ID.get("intent.why-company") as ConceptDefinition;
    direct.add(def.id);
    concepts.set(def.id, { id: def.id, kind: def.kind, label: def.label, term: "why <name>" });
  }
  // A measured figure is measurable impact, whatever words carry it.
  if (!concepts.has("soft.impact") && hasFigure(text)) {
    const def = BY_ID.get("soft.impact") as ConceptDefinition;
    concepts.set(def.id, { id: def.id, kind: def.kind, label: def.label, term: "a figure" });
  }
  const weights = new Map<string, number>();
  const all = new Set<string>();
  const content: string[] = [];
  const vectorWords: VectorWord[] = [];
  const otherSenses = new Set<string>();
  for (const token of standIns) {
    if (all.has(token.lemma)) continue;
    all.add(token.lemma);
    const vector = /^[a-z]+$/.test(token.raw) ? vectorOf(token.raw) : undefined;
    if (vector !== undefined)
      vectorWords.push({
        lemma: token.lemma,
        word: token.raw,
        weight: GENERIC.has(token.lemma) ? 0 : vectorWeight(token.raw),
        vector,
        id: wordId(token.raw),
      });
  }
  tokens.forEach((token, k) => {
    const l = lemmas[k] as string;
    if (STOPWORDS.has(token.raw) || l.length < 2 || /^\d+$/.test(l)) {
      content.push("");
      return;
    }
    if (otherSense[k]) {
      content.push(`${l}#other`);
      otherSenses.add(l);
      return;
    }
    content.push(l);
    all.add(l);
    if (/^[a-z]+$/.test(token.raw) && !vectorWords.some((w) => w.word === token.raw)) {
      const vector = vectorOf(token.raw);
      if (vector !== undefined)
        vectorWords.push({
          lemma: l,
          word: token.raw,
          weight: GENERIC.has(l) ? 0 : vectorWeight(token.raw),
          vector,
          id: wordId(token.raw),
        });
    }
    if (inTerm[k]) return;
    weights.set(l, GENERIC.has(l) ? 0.3 : 1);
  });
  const bigrams = new Set<string>();
  for (let k = 0; k + 1 < content.length; k++) {
    const a = content[k] as string;
    const b = content[k + 1] as string;
    if (a && b && !a.endsWith("#other") && !b.endsWith("#other")) bigrams.add(`${a} ${b}`);
  }
  const analysis: Analysis = {
    text,
    concepts,
    direct,
    lemmas: weights,
    allLemmas: all,
    bigrams,
    alternatives: alternativesOf(text, tokens, hits),
    vectors: vectorText(vectorWords),
    otherSenses,
    acronyms: readAcronyms(text, tokens, (raw) => STOPWORDS.has(raw)),
    opening,
    ...(senseRejected ? { senseRejected } : {}),
  };
  if (CACHE.size >= CACHE_LIMIT) CACHE.delete(CACHE.keys().next().value as string);
  CACHE.set(cacheKey, analysis);
  return analysis;
}

/**
 * The concepts a text names directly, in order of first mention.
 * @example conceptsOf("improve p99 latency").map((c) => c.id) // ["metric.latency"]
 */
export function conceptsOf(text: string): ConceptHit[] {
  const a = analyzeText(text);
  return [...a.direct].map((id) => a.concepts.get(id) as ConceptHit);
}

// How much a concept of each kind weighs in a query: naming a degree or a metric is specific.
const KIND_WEIGHT: Record<ConceptKind, number> = {
  degree: 1.2,
  field: 1.2,
  metric: 1.2,
  tool: 1,
  skill: 1,
  soft: 1,
  domain: 1,
  intent: 1.2,
};
// Concepts so broad that a single generic word names them.
const BROAD = new Set([
  "skill.ml",
  "skill.deployment",
  "skill.cloud",
  "degree.any",
  "skill.analytics",
  "skill.devops",
  "skill.services",
  "soft.greenfield",
  // A language is usually how the work is done ("communication in English"), rarely the ask.
  "lang.english",
  "lang.spanish",
  "lang.french",
  "lang.german",
  "lang.portuguese",
  "lang.italian",
  "lang.dutch",
  "lang.mandarin",
  "lang.japanese",
  "lang.arabic",
]);

function strengthOf(score: number): Strength {
  return score >= STRONG_THRESHOLD ? "strong" : score >= MATCH_THRESHOLD ? "partial" : "none";
}

// Share of the concept score that asks for every concept; the rest rewards the best-met one.
const MIX = 0.7;

// Word vectors (alignment.ts), chosen on the dev split only (docs/matching.md). The vector score
// is CONTEXT_SHARE × the cosine of the two texts' unshared words + the rest × how well each
// unshared query word finds a close candidate word. Any two work sentences score fairly high,
// so a candidate counts only when its score is at least VECTOR_THRESHOLD and stands out from
// the same query's scores against background work sentences by VECTOR_Z standard deviations.
const CONTEXT_SHARE = 0.5;
const VECTOR_THRESHOLD = 0.25;
const VECTOR_Z = 1.5;
// Candidates with more content words than this (a whole story) are not compared by vectors.
const VECTOR_MAX_WORDS = 40;

let background: VectorText[] | undefined;
const BACKGROUND_STATS = new WeakMap<Analysis, { mean: number; sd: number }>();

function vectorScore(q: VectorText, c: VectorText): number {
  const a = alignWords(q, c);
  return CONTEXT_SHARE * a.context + (1 - CONTEXT_SHARE) * a.align;
}

/** How a query's vector score is spread over the background sentences: its mean and deviation. */
// The last query's stats and plan, in front of the WeakMaps: a tailoring or a ranking asks for
// the same query's against candidate after candidate.
let lastBackgroundOf: Analysis | undefined;
let lastBackground = { mean: 0, sd: 1 };

function backgroundOf(q: Analysis): { mean: number; sd: number } {
  if (q === lastBackgroundOf) return lastBackground;
  const known = BACKGROUND_STATS.get(q);
  if (known) {
    lastBackgroundOf = q;
    lastBackground = known;
    return known;
  }
  background ??= BACKGROUND_SENTENCES.map((s) => analyzeText(s).vectors);
  let sum = 0;
  let squares = 0;
  for (const b of background) {
    const v = vectorScore(q.vectors, b);
    sum += v;
    squares += v * v;
  }
  const mean = sum / background.length;
  const stats = { mean, sd: Math.sqrt(Math.max(1e-6, squares / background.length - mean * mean)) };
  BACKGROUND_STATS.set(q, stats);
  lastBackgroundOf = q;
  lastBackground = stats;
  return stats;
}

/**
 * The word-vector reading of a pair: the score, and how many standard deviations it stands above
 * the same query against background work sentences (`z`). Shared words are left out.
 * @example vectorSimilarity("Resolving conflicts in a team", "I mediated a dispute between two leads.").z > 2
 */
export function vectorSimilarity(
  query: string | Analysis,
  candidate: string | Analysis,
): { score: number; z: number } {
  const q = asAnalysis(query);
  const c = asAnalysis(candidate);
  if (q.vectors.words.length === 0 || c.vectors.words.length === 0) return { score: 0, z: 0 };
  const score = vectorScore(q.vectors, c.vectors);
  const { mean, sd } = backgroundOf(q);
  return { score, z: (score - mean) / sd };
}

const asAnalysis = (x: string | Analysis) => (typeof x === "string" ? analyzeText(x) : x);

/**
 * How the words of `query` relate to those of `candidate` by word vectors, shared words left out.
 * @example alignmentOf("Resolving conflicts in a team", "I mediated a dispute between two leads.").align > 0.4
 */
export function alignmentOf(query: string | Analysis, candidate: string | Analysis): Alignment {
  return alignWords(asAnalysis(query).vectors, asAnalysis(candidate).vectors);
}

/** How `semanticMatch` reads a pair. */
export interface MatchOptions {
  /** Question intents count (question ↔ question). */
  intents?: boolean;
  /** Word vectors (and with them the learned scorer); on by default. */
  vectors?: boolean;
  /** The learned pair scorer; on by default. */
  learned?: boolean;
  /**
   * Sentence embeddings prepared by the app layer (`textsToEmbed` lists what to prepare). When
   * they know the query and the candidate, the pair scorer fitted with the sentence encoder's
   * cosines decides; otherwise the one fitted without them.
   */
  embeddings?: SentenceEmbeddings;
  /**
   * Round 43's design S, off by default and not adopted: an ask left with no credit whose concept
   * the candidate tells by its deeds (`deeds.ts`, two words) earns a neighbour's half credit instead
   * of only a lower bar (docs/lab/matching-lab.md, "Round 43").
   */
  deedCredit?: boolean;
  /**
   * Round 44's design C, off by default and not adopted: on the plain path, a sentence the learned
   * scorer rejects whole is read clause by clause (`clausesOf`), each clause a candidate of its own;
   * a matched clause makes the pair partial evidence (docs/lab/matching-lab.md, "Round 44").
   */
  clauses?: boolean;
  /**
   * Round 44's design C2, off by default and not adopted: as `clauses`, but each clause only lends
   * its word alignment; the concepts, senses and bars are the whole sentence's reading.
   */
  clauseAlignment?: boolean;
}

/**
 * The clauses of a candidate whose embeddings the matcher compares with the query besides the
 * whole sentence: pieces between commas, semicolons, colons, dashes, brackets and "and", "but",
 * "while", "which", of three words or more (none when the sentence is one piece).
 * @example clausesOf("I cut costs by half, and I mentored two juniors on the team") // ["I cut costs by half", "I mentored two juniors on the team"]
 */
export function clausesOf(text: string): string[] {
  const parts = text
    .split(/\s*(?:[,;:—–()]|\band\b|\bbut\b|\bwhile\b|\bwhich\b)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 3);
  return parts.length > 1 ? parts : [];
}

/**
 * Every text whose sentence embedding the matcher may ask for when `texts` are compared with one
 * another: each text and its clauses. The app layer prepares these before matching.
 * @example textsToEmbed(["Kubernetes", "I ran the cluster, and I wrote the runbooks"]).length // 4
 */
export function textsToEmbed(texts: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    out.add(text);
    for (const clause of clausesOf(text)) out.add(clause);
  }
  return [...out];
}

/**
 * The names of the features the encoder-aware scorer adds to `PAIR_FEATURES`: the sentence
 * encoder's two cosines, and `namedElsewhere` (see `PairReading`).
 */
export const ENCODER_FEATURES = ["sentence cosine", "best clause cosine", "named elsewhere"] as const;

/**
 * The sentence encoder's reading of a pair: the cosine of the two texts' embeddings and the best
 * cosine of the query with the candidate or one of its clauses; undefined when the query or the
 * candidate was not prepared. Every text it may need is asked for, so a lookup that records what
 * it is asked learns all of them in one pass.
 */
export function encoderFeatures(
  embeddings: SentenceEmbeddings | undefined,
  query: string,
  candidate: string,
): [number, number] | undefined {
  if (!embeddings) return undefined;
  const q = embeddings.get(query);
  const c = embeddings.get(candidate);
  const clauses = clausesOf(candidate).map((t) => embeddings.get(t));
  if (!q || !c) return undefined;
  const whole = unitCosine(q, c);
  let best = whole;
  for (const v of clauses) if (v) best = Math.max(best, unitCosine(q, v));
  return [whole, best];
}

const ENCODED: number[] = [];

function withEncoderFeatures(
  features: readonly number[],
  encoded: readonly number[],
  reading: PairReading,
): number[] {
  ENCODED.length = 0;
  for (const v of features) ENCODED.push(v);
  for (const v of encoded) ENCODED.push(v);
  ENCODED.push(reading.namedElsewhere);
  return ENCODED;
}

// The default options, one object for every call.
const DEFAULTS = Object.freeze({});
// Scratch space for one pair at a time (the matcher is synchronous): semanticMatch's alignment
// profile and learned-scorer inputs are read before the next pair, so none is allocated per pair.
const PROFILE = emptyProfile();

/**
 * How much of the query's meaning (a requirement, a question) the candidate (an evidence
 * sentence, a story, an answer) shows. Asymmetric: the query's concepts must be found in the
 * candidate; a narrower concept in the candidate satisfies a broader one in the query
 * ("PhD in applied mathematics" answers "a quantitative PhD"), a neighbouring one earns half.
 * A sentence-sized candidate the lexicons do not match can still match, as partial evidence, by
 * word vectors (`options.vectors`, on by default): see `vectorSimilarity`.
 * @example semanticMatch("clear communication with non-technical stakeholders", "I explained the forecast to the sales team.").matched // true
 * @example semanticMatch("clear communication with non-technical stakeholders", "I enabled secure communication with the chatbot over TLS.").matched // false
 */
export function semanticMatch(
  query: string | Analysis,
  candidate: string | Analysis,
  options: MatchOptions = DEFAULTS,
): SemanticMatch {
  const q = asAnalysis(query);
  const c = asAnalysis(candidate);
  // One word-by-word alignment serves both the rules' vector fallback and the learned scorer.
  const learnedOn = options.vectors !== false && options.learned !== false && learnedApplies(q, c);
  const profile = learnedOn && !vetoedBy(q, c) ? alignmentProfile(q.vectors, c.vectors, PROFILE) : undefined;
  const reading = readPair(q, c, options, profile);
  let score = reading.score;
  const shared = reading.shared;
  // The learned pair scorer (pair-scorer.ts) decides for sentence-sized candidates: it weighs the
  // lexicon reading with the word-vector alignment, fitted on our own train set. Off when the
  // vectors are (question ↔ question links), and for whole stories (too long to align word by word).
  // A query word the candidate uses in another sense stays a veto: the rules alone decide then.
  if (profile !== undefined && !reading.languageUnmet) {
    const features = pairFeaturesOf(q, reading, profile, FEATURES);
    // With sentence embeddings for both texts, the scorer fitted with them decides, by its own
    // reading: the guard on asks a sense check emptied reads the word alignment, which is the plain
    // set's signal, so it applies to the plain set only (docs/lab/matching-lab.md, "Round 27").
    const encoded = encoderFeatures(options.embeddings, q.text, c.text);
    const learned = encoded
      ? learnedDecision(
          withEncoderFeatures(features, encoded, reading),
          { ...reading, guarded: false },
          ENCODER_MODEL,
        )
      : // A candidate that tells the deeds of every concept left unmet (deeds.ts) is held to the
        // ordinary threshold, not the unmet-concept one (docs/lab/matching-lab.md, "Round 32").
        learnedDecision(features, reading.deedsPointAt ? { ...reading, unmet: 0 } : reading);
    if (learned.matched && score < MATCH_THRESHOLD) {
      score = Math.min(STRONG_THRESHOLD - 0.01, learned.score);
      if (!shared.some((s) => s.includes(" ≈ ")))
        for (const [word, partner] of alignedPairs(q.vectors, c.vectors).slice(0, 2))
          shared.push(`${word} ≈ ${partner}`);
    } else if (
      !learned.matched &&
      score >= MATCH_THRESHOLD &&
      !alternativeMet(q, reading) &&
      !nothingToAlign(profile)
    ) {
      score = MATCH_THRESHOLD - 0.001;
    }
  }
  const rounded = Math.round(score * 1000) / 1000;
  // Design C (off by default): the plain set's rejection of the whole sentence, read again clause by
  // clause. A sense veto of the whole (no profile) and the encoder path stay out.
  if (
    options.clauses === true &&
    rounded < MATCH_THRESHOLD &&
    profile !== undefined &&
    !reading.languageUnmet &&
    encoderFeatures(options.embeddings, q.text, c.text) === undefined
  ) {
    const byClause = clauseMatch(q, c.text, options);
    if (byClause !== undefined) return byClause;
  }
  // Design C2 (off by default): the whole sentence's reading, one clause's alignment.
  if (
    options.clauseAlignment === true &&
    rounded < MATCH_THRESHOLD &&
    profile !== undefined &&
    !reading.languageUnmet &&
    encoderFeatures(options.embeddings, q.text, c.text) === undefined
  ) {
    for (const clause of clausesOf(c.text)) {
      const cl = asAnalysis(clause);
      if (cl.vectors.words.length === 0) continue;
      const clauseProfile = alignmentProfile(q.vectors, cl.vectors, PROFILE);
      const features = pairFeaturesOf(q, reading, clauseProfile, FEATURES);
      const learned = learnedDecision(features, reading.deedsPointAt ? { ...reading, unmet: 0 } : reading);
      if (!learned.matched) continue;
      const clauseScore = Math.round(Math.min(STRONG_THRESHOLD - 0.01, learned.score) * 1000) / 1000;
      if (!shared.some((s) => s.includes(" ≈ ")))
        for (const [word, partner] of alignedPairs(q.vectors, cl.vectors).slice(0, 2))
          shared.push(`${word} ≈ ${partner}`);
      return {
        score: clauseScore,
        strength: strengthOf(clauseScore),
        matched: clauseScore >= MATCH_THRESHOLD,
        shared,
        ground: { head: reading.head, concepts: reading.concepts, lexicon: reading.base },
      };
    }
  }
  return {
    score: rounded,
    strength: strengthOf(rounded),
    matched: rounded >= MATCH_THRESHOLD,
    shared,
    ground: { head: reading.head, concepts: reading.concepts, lexicon: reading.base },
  };
}

/** The first clause of `text` the matcher meets on its own, as partial evidence (design C). */
function clauseMatch(q: Analysis, text: string, options: MatchOptions): SemanticMatch | undefined {
  const clauseOptions = { ...options, clauses: false };
  for (const clause of clausesOf(text)) {
    const m = semanticMatch(q, clause, clauseOptions);
    if (!m.matched) continue;
    const score = Math.min(STRONG_THRESHOLD - 0.01, m.score);
    return { ...m, score, strength: strengthOf(score) };
  }
  return undefined;
}

/**
 * A strong lexicon match that meets every concept group of a query offering alternatives ("Kubernetes
 * or Terraform" ← a Kubernetes cluster) stands whatever the learned scorer says: the words of the
 * alternative not taken ("Terraform") find nothing in the candidate, which the word alignment reads
 * as a miss.
 */
function alternativeMet(q: Analysis, reading: PairReading): boolean {
  return reading.score >= STRONG_THRESHOLD && reading.concepts >= 1 && q.alternatives.length > 0;
}

/**
 * Every weighted query word is shared with the candidate ("Deploy and monitor models in
 * production" ← "I deployed models to production and monitored them."): the word alignment has
 * nothing left to compare, so the learned scorer's alignment features read as a miss (cosines 0,
 * background z at its floor) and the candidate's echo of the ask as a hard negative. The scorer
 * then does not veto a rule match: the rules decide, as they do for a sense veto. It can still
 * raise a pair the rules reject.
 */
function nothingToAlign(profile: AlignmentProfile): boolean {
  return profile.sharedWeight >= 1 - 1e-9;
}

/** The lexicon and word-vector reading of a pair, before the learned scorer. */
interface PairReading {
  /** The rule-based score (lexicons, words, and the word-vector fallback). */
  score: number;
  /** The lexicon part alone: concepts and words, before the vector fallback. */
  base: number;
  /** Weighted share of the query's concepts the candidate meets (0 when it names none). */
  concepts: number;
  conceptTotal: number;
  bestGroup: number;
  /** Specific concepts the query names that the candidate does not show at all. */
  unmet: number;
  /**
   * Every ask counted in `unmet` has a concept whose deeds the candidate tells (`DEEDS_NEEDED` words
   * of its list in deeds.ts): the plain learned scorer holds it to its ordinary threshold.
   */
  deedsPointAt: boolean;
  /**
   * When the candidate shows none of the concepts the query names: a quarter for each concept it
   * names itself (intents left out), at most 1. A sentence about something else the lexicons know
   * ("built end-to-end systems" for "managing a team of 10+ engineers").
   */
  namedElsewhere: number;
  lexical: number;
  bigrams: number;
  /** A query word the candidate uses in another sense. */
  vetoed: boolean;
  /**
   * The query names no concept and a sense check took one off it: the plain learned scorer must
   * reach background z ≥ GUARD_Z besides its threshold (pair-scorer.ts); the encoder-aware one is
   * not guarded.
   */
  guarded: boolean;
  /** The query asks only for languages and the candidate shows none: the learned scorer stays out. */
  languageUnmet: boolean;
  /** The credit on the query's head concept (`QueryPlan.head`): 1 shown, 0.5 a neighbour, else 0. */
  head: number;
  shared: string[];
}

/**
 * The candidate abbreviates the words that named an asked concept in the query, or spells out its
 * acronym ("Active Directory" ← "AD groups"): the lexicon lists one of the two forms at most.
 */
function acronymOf(q: Analysis, m: AskedConcept, c: Analysis): boolean {
  const term = q.concepts.get((CONCEPTS[m.index] as ConceptDefinition).id)?.term;
  return term !== undefined && acronymMeets(term, q.acronyms, c.acronyms, (raw) => STOPWORDS.has(raw));
}

/** A query word the candidate uses in another sense ("encrypted communication", "mentored by"). */
function vetoedBy(q: Analysis, c: Analysis): boolean {
  for (const l of c.otherSenses) if (q.allLemmas.has(l)) return true;
  return false;
}

/** One concept of an ask, read from the query alone. */
interface AskedConcept {
  /** The concept's position in CONCEPTS. */
  index: number;
  label: string;
  /** The label of a neighbouring or broader concept's half credit. */
  relatedLabel: string;
  /** The credit when the candidate shows the concept itself (a quarter for a broad one among specific ones). */
  metCredit: number;
  /** Positions of its related concepts. */
  related: readonly number[];
  /** Positions of the broader concepts than asked that earn half credit (not broad ones). */
  broader: readonly number[];
}

/** One ask of the query: concepts any one of which meets it, and what it weighs. */
interface Ask {
  members: readonly AskedConcept[];
  weight: number;
  /** Whether missing it counts as an unmet concept. */
  unmetWhenMissed: boolean;
  /**
   * Every concept of the ask is one of round 42's occupations (`occupations.ts`): missed, the ask is
   * left out of the pair's reading (neither weight nor unmet), so it can raise a pair but never hold one back.
   */
  onlyWhenShown: boolean;
  /**
   * The older concepts the query names that an occupation of this ask replaced, being narrower
   * ("pharmacy and dispensing" under "medication"): when the candidate does not show the occupation
   * itself, the ask is read as it was before the occupation was known, by these (round 43).
   */
  fallback?: Ask;
}

/** What a query asks for, worked out once per query and reused for every candidate. */
interface QueryPlan {
  asks: readonly Ask[];
  /** The query's lemmas and their weights, in order. */
  lemmas: readonly string[];
  weights: readonly number[];
  /** Σ weight over the query's lemmas. */
  lexTotal: number;
  bigrams: readonly string[];
  /** The query asks for languages and nothing else. */
  onlyLanguages: boolean;
  /** The position in `asks` of the ask whose concept the query names first, -1 when none. */
  head: number;
}

const PLANS = new WeakMap<Analysis, QueryPlan>();
const INTENT_PLANS = new WeakMap<Analysis, QueryPlan>();

let lastPlanOf: Analysis | undefined;
let lastPlanIntents = false;
let lastPlan: QueryPlan | undefined;

function planOf(q: Analysis, intents: boolean): QueryPlan {
  if (q === lastPlanOf && intents === lastPlanIntents) return lastPlan as QueryPlan;
  const cache = intents ? INTENT_PLANS : PLANS;
  let plan = cache.get(q);
  if (plan === undefined) {
    plan = makePlan(q, intents);
    cache.set(q, plan);
  }
  lastPlanOf = q;
  lastPlanIntents = intents;
  lastPlan = plan;
  return plan;
}

function makePlan(q: Analysis, intents: boolean): QueryPlan {
  // Only the most specific concepts the query names: "PhD" implies "advanced degree", which is not asked twice.
  // Question intents ("why now", "what would you do differently") count only question to question.
  const named = [...q.direct].filter((id) => intents || BY_ID.get(id)?.kind !== "intent");
  const asked = named.filter(
    (id) => !named.some((other) => other !== id && (CLOSURE.get(other) ?? []).includes(id)),
  );
  // Concepts listed side by side under one broader concept are alternatives ("statistics, physics
  // or mathematics"): the group is met by any one of them.
  let groups = new Map<string, string[]>();
  for (const id of asked) {
    const parent = BY_ID.get(id)?.broader?.[0];
    const siblings = parent === undefined ? [] : asked.filter((o) => BY_ID.get(o)?.broader?.[0] === parent);
    const key = siblings.length >= 2 && parent !== undefined ? `group:${parent}` : id;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  // Alternatives the query offers ("Spark or Airflow", examples in parentheses) meet one ask together;
  // a named alternative that is not asked on its own (broader than another) still answers it.
  for (const alternative of q.alternatives) {
    const keys = [...groups.keys()].filter((key) => groups.get(key)?.some((id) => alternative.has(id)));
    if (keys.length === 0) continue;
    const members = new Set(keys.flatMap((key) => groups.get(key) ?? []));
    for (const id of alternative) if (named.includes(id)) members.add(id);
    const merged = new Map<string, string[]>();
    for (const [key, value] of groups) if (!keys.includes(key)) merged.set(key, value);
    merged.set(keys.join("|"), [...members]);
    groups = merged;
  }
  const asks = asksOf(q, groups.values(), asked);
  // An occupation narrower than an older concept the query names replaces it among the asked
  // concepts ("Pharmacy experience dispensing …" names medication too). The concepts the query would
  // ask without the occupations stay the ask's fallback, read as they were read before (round 43).
  const older = named.filter((id) => !OCCUPATION_IDS.has(id));
  const olderAsked = older.filter(
    (id) => !older.some((other) => other !== id && (CLOSURE.get(other) ?? []).includes(id)),
  );
  const replaced = olderAsked.filter((id) => !asked.includes(id));
  if (replaced.length > 0)
    for (const [k, members] of [...groups.values()].entries()) {
      const ask = asks[k] as Ask;
      if (!ask.onlyWhenShown) continue;
      const implied = replaced.filter((id) => members.some((m) => (CLOSURE.get(m) ?? []).includes(id)));
      const fallback = implied.length > 0 ? asksOf(q, [implied], olderAsked)[0] : undefined;
      if (fallback !== undefined) ask.fallback = fallback;
    }
  let lexTotal = 0;
  for (const weight of q.lemmas.values()) lexTotal += weight;
  const plan = {
    asks,
    lemmas: [...q.lemmas.keys()],
    weights: [...q.lemmas.values()],
    lexTotal,
    bigrams: [...q.bigrams],
    onlyLanguages: asked.length > 0 && asked.every((id) => id.startsWith("lang.")),
    head: headAsk(q, asks),
  };
  return plan;
}

/** The asks of groups of concepts, each group met by any one of its members; `asked` is every concept asked. */
function asksOf(q: Analysis, groups: Iterable<readonly string[]>, asked: readonly string[]): Ask[] {
  const allBroad = asked.every((id) => BROAD.has(id));
  const beneficiaries = new Set(asked.filter((id) => namedOnlyAsBeneficiary(q, id)));
  const asks: Ask[] = [];
  for (const members of groups) {
    let weight = 0;
    const concepts: AskedConcept[] = [];
    for (const id of members) {
      const def = BY_ID.get(id) as ConceptDefinition;
      // A broad concept next to specific ones is context ("… for cloud deployments"), not the ask,
      // unless the ask opens with it: "Deploy and monitor models" asks to deploy as much as to monitor.
      // So is a concept named only as whom the work is for ("Improve latency for our users"): the
      // beneficiary of the ask, not an ask of its own, when the query asks something else too.
      const context =
        (BROAD.has(id) && !allBroad && !q.opening.has(id)) ||
        (beneficiaries.has(id) && asked.some((other) => !beneficiaries.has(other)));
      weight = Math.max(weight, KIND_WEIGHT[def.kind] * (context ? 0.25 : 1));
      concepts.push({
        index: CONCEPT_INDEX.get(id) as number,
        label: def.label,
        relatedLabel: `${def.label} (related)`,
        // Alternatives that mix a broad concept with specific ones ("data warehousing (Snowflake,
        // BigQuery)"): meeting only the broad one (a file in S3) is weak evidence for the group.
        metCredit: BROAD.has(id) && !allBroad && members.some((m) => !BROAD.has(m)) ? 0.25 : 1,
        related: indicesOf(def.related ?? []),
        broader: indicesOf((CLOSURE.get(id) ?? []).slice(1).filter((up) => !BROAD.has(up))),
      });
    }
    asks.push({
      members: concepts,
      weight,
      // A language is unmet when it is the whole ask ("Fluent in Mandarin"): word vectors cannot
      // tell a language from the words near it ("Mandarin" ≈ "tune").
      unmetWhenMissed:
        weight >= 1 &&
        (!members.some((id) => BROAD.has(id)) || (allBroad && members.every((id) => id.startsWith("lang.")))),
      onlyWhenShown: members.every((id) => OCCUPATION_IDS.has(id)),
    });
  }
  return asks;
}

// Whom the work is for, as a posting writes it: "for our users", "for your clients", "for their
// enterprise customers" (up to two words between the possessive and the term).
const BENEFICIARY = /\bfor (?:our|your|their)(?: [\p{L}-]+){0,2} $/u;
// The role an ask is made for: "…, for a client-facing role", "in a customer-facing position". What
// the role deals with is its setting; the ask is what comes before it.
const ROLE_BEFORE = /\b(?:for|in) (?:a|an|the|this)(?: [\p{L}-]+){0,2} $/u;
const ROLE_AFTER = /^[\p{L}-]*(?: [\p{L}-]+){0,2} (?:role|position|job|post)\b/u;

/**
 * Whether every mention of the concept's term in the query stands in a beneficiary phrase
 * ("Improve latency for our users": the users are whom the latency is improved for) or names the
 * role the ask is for ("Written communication skills, for a client-facing role").
 * @example namedOnlyAsBeneficiary(analyzeText("Improve latency for our users"), "soft.customer") // true
 */
function namedOnlyAsBeneficiary(q: Analysis, id: string): boolean {
  const term = q.concepts.get(id)?.term;
  if (term === undefined || term === "") return false;
  // A term's words are kept apart by spaces where the text may join them ("customer-facing").
  const text = q.text.toLowerCase().replace(/-/g, " ");
  let at = text.indexOf(term);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(term, at + term.length)) {
    const before = text.slice(Math.max(0, at - 60), at);
    const role =
      ROLE_BEFORE.test(before) && ROLE_AFTER.test(text.slice(at + term.length, at + term.length + 60));
    if (!role && !BENEFICIARY.test(before)) return false;
  }
  return true;
}

/**
 * The ask whose concept the query names first: a posting's ask leads with what it asks for
 * ("Monitor models in production for drift" is about monitoring; "Spot anomalies and explain what
 * drives them", about anomalies). -1 when the query names no concept.
 */
function headAsk(q: Analysis, asks: readonly Ask[]): number {
  const text = q.text.toLowerCase();
  let head = -1;
  let first = Number.POSITIVE_INFINITY;
  asks.forEach((ask, k) => {
    for (const m of ask.members) {
      const term = q.concepts.get((CONCEPTS[m.index] as ConceptDefinition).id)?.term;
      const at = term === undefined ? -1 : text.indexOf(term);
      if (at >= 0 && at < first) {
        first = at;
        head = k;
      }
    }
  });
  return head;
}

const CONCEPT_INDEX = new Map(CONCEPTS.map((c, i) => [c.id, i]));

// Words of a concept's deeds a candidate must use to point at it (round 32).
const DEEDS_NEEDED = 2;
// The lemmas of each concept's deeds (deeds.ts), by position in CONCEPTS; undefined when it lists none.
const DEED_LEMMAS: ReadonlyArray<ReadonlySet<string> | undefined> = CONCEPTS.map((c) => {
  const words = CONCEPT_DEEDS[c.id];
  return words === undefined ? undefined : new Set(words.map((w) => lemma(w.toLowerCase())));
});

/**
 * Whether a candidate tells the deeds of a concept: it uses `DEEDS_NEEDED` different lemmas of the
 * concept's deeds (deeds.ts). "My class of thirty: I planned the units, marked books every night"
 * tells classroom work (class, mark) without a term of it.
 */
function toldByDeeds(index: number, c: Analysis): boolean {
  const deeds = DEED_LEMMAS[index];
  if (deeds === undefined) return false;
  let n = 0;
  for (const l of deeds) if (c.allLemmas.has(l) && ++n >= DEEDS_NEEDED) return true;
  return false;
}
const indicesOf = (ids: readonly string[]) =>
  ids.flatMap((id) => {
    const i = CONCEPT_INDEX.get(id);
    return i === undefined ? [] : [i];
  });

// A candidate's concepts as flags by position in CONCEPTS: shown (implied included), named
// directly, listed as related by a concept it names directly.
const SHOWN = 1;
const NAMED = 2;
const RELATED = 4;
const CONCEPT_FLAGS = new WeakMap<Analysis, Uint8Array>();

function conceptFlags(c: Analysis): Uint8Array {
  let flags = CONCEPT_FLAGS.get(c);
  if (flags === undefined) {
    const out = new Uint8Array(CONCEPTS.length);
    const mark = (id: string, flag: number) => {
      const i = CONCEPT_INDEX.get(id);
      if (i !== undefined) out[i] = (out[i] as number) | flag;
    };
    for (const id of c.concepts.keys()) mark(id, SHOWN);
    for (const id of c.direct) {
      mark(id, NAMED);
      for (const r of BY_ID.get(id)?.related ?? []) mark(r, RELATED);
    }
    flags = out;
    CONCEPT_FLAGS.set(c, flags);
  }
  return flags;
}

function namesAny(flags: Uint8Array, indices: readonly number[]): boolean {
  for (const i of indices) if ((flags[i] as number) & NAMED) return true;
  return false;
}

/** How many concepts a text names directly, question intents left out. */
function namedCount(c: Analysis): number {
  let n = 0;
  for (const id of c.direct) if (BY_ID.get(id)?.kind !== "intent") n++;
  return n;
}

/** The credit a candidate earns on one ask, and the label of what earned it. */
function creditOf(ask: Ask, q: Analysis, c: Analysis, flags: Uint8Array): [number, string] {
  let best = 0;
  let bestLabel = "";
  for (const m of ask.members) {
    let credit = 0;
    const flag = flags[m.index] as number;
    if (flag & SHOWN) credit = m.metCredit;
    else if (c.acronyms.acronyms.size + c.acronyms.expansions.size > 0 && acronymOf(q, m, c))
      credit = m.metCredit;
    else if (namesAny(flags, m.related) || flag & RELATED || namesAny(flags, m.broader)) {
      // A neighbouring concept, or a broader one than asked ("quantitative" for "statistics").
      credit = 0.5;
    }
    if (credit > best) {
      best = credit;
      bestLabel = credit === 1 ? m.label : m.relatedLabel;
    }
  }
  return [best, bestLabel];
}

function readPair(
  q: Analysis,
  c: Analysis,
  options: { intents?: boolean; vectors?: boolean; deedCredit?: boolean },
  profile?: AlignmentProfile,
): PairReading {
  const shared: string[] = [];
  const plan = planOf(q, options.intents === true);
  const flags = conceptFlags(c);
  let conceptTotal = 0;
  let conceptGot = 0;
  // Specific concepts the query names that the candidate does not show at all.
  let unmet = 0;
  let deedsPointAt = true;
  let bestGroup = 0;
  let head = 0;
  for (const [k, planned] of plan.asks.entries()) {
    let ask = planned;
    let [best, bestLabel] = creditOf(ask, q, c, flags);
    // An occupation the candidate does not show itself: the older concept it replaced is still the
    // ask's, read as before the occupation was known (round 43).
    if (ask.fallback !== undefined && best < 1) {
      const [older, olderLabel] = creditOf(ask.fallback, q, c, flags);
      ask = ask.fallback;
      if (older > best) [best, bestLabel] = [older, olderLabel];
    }
    // Design S (off by default): deeds of an asked concept count as a neighbour's half credit.
    if (
      best === 0 &&
      options.deedCredit === true &&
      (planned.members.some((m) => toldByDeeds(m.index, c)) ||
        (ask !== planned && ask.members.some((m) => toldByDeeds(m.index, c))))
    ) {
      best = 0.5;
      bestLabel = `${(ask.members[0] as AskedConcept).label} (deeds)`;
    }
    const weight = ask.weight;
    // An occupation the candidate does not show is read as an ask the lexicons do not know (round 42).
    if (best === 0 && ask.onlyWhenShown) continue;
    conceptTotal += weight;
    conceptGot += weight * best;
    if (best * weight > bestGroup) bestGroup = best * Math.min(1, weight);
    if (k === plan.head) head = best;
    if (best > 0) shared.push(bestLabel);
    else if (ask.unmetWhenMissed) {
      unmet++;
      if (deedsPointAt && !ask.members.some((m) => toldByDeeds(m.index, c))) deedsPointAt = false;
    }
  }
  const lexTotal = plan.lexTotal;
  let lexGot = 0;
  // A word the candidate abbreviates or spells out counts as shared ("HPLC" ↔ "high-performance
  // liquid chromatography"; acronyms.ts).
  const viaAcronym = acronymShared(q.acronyms, c.acronyms);
  for (let i = 0; i < plan.lemmas.length; i++) {
    const l = plan.lemmas[i] as string;
    if (c.allLemmas.has(l) || viaAcronym?.has(l)) {
      const weight = plan.weights[i] as number;
      lexGot += weight;
      if (weight >= 1) shared.push(l);
    }
  }
  // Shared word pairs are rarer than shared words: a small bonus on top.
  let pairs = 0;
  for (const bigram of plan.bigrams) if (c.bigrams.has(bigram)) pairs++;
  const lexical = lexTotal === 0 ? 0 : lexGot / lexTotal;
  // Meaning first: when the query names concepts, they carry three quarters of the score.
  const base =
    conceptTotal > 0
      ? 0.75 * (MIX * (conceptGot / conceptTotal) + (1 - MIX) * bestGroup) + 0.25 * lexical
      : lexTotal === 0
        ? 0
        : lexical;
  const lexiconScore = Math.min(1, base + (base > 0 ? Math.min(0.15, 0.05 * pairs) : 0));
  let score = lexiconScore;
  // The sense checks stay vetoes: a query word the candidate uses in another sense ("encrypted
  // communication", "mentored by") rules the candidate out.
  const vetoed = vetoedBy(q, c);
  // Wording the lexicons do not know: the words around the shared ones, compared by word
  // vectors, may still say the same thing. Sentence-sized candidates only (the mean vector of a
  // whole story is about everything), and never above partial.
  if (
    score < MATCH_THRESHOLD &&
    options.vectors !== false &&
    // Vectors are for what the lexicons cannot read: when the query names a concept they know
    // and the candidate shows none of it, the lexicons' "no" stands ("payments or billing" is
    // not met by "some clients received errors", however close "clients" is to "billing").
    unmet === 0 &&
    c.vectors.words.length <= VECTOR_MAX_WORDS &&
    q.vectors.words.length > 0 &&
    c.vectors.words.length > 0 &&
    !vetoed
  ) {
    const v = profile
      ? CONTEXT_SHARE * profile.context + (1 - CONTEXT_SHARE) * profile.align
      : vectorScore(q.vectors, c.vectors);
    const { mean, sd } = v >= VECTOR_THRESHOLD ? backgroundOf(q) : { mean: 1, sd: 1 };
    if (v >= VECTOR_THRESHOLD && (v - mean) / sd >= VECTOR_Z) {
      score = Math.min(STRONG_THRESHOLD - 0.01, MATCH_THRESHOLD + (v - VECTOR_THRESHOLD));
      for (const [word, partner] of alignedPairs(q.vectors, c.vectors).slice(0, 2))
        shared.push(`${word} ≈ ${partner}`);
    }
  }
  return {
    score,
    base: lexiconScore,
    concepts: conceptTotal === 0 ? 0 : conceptGot / conceptTotal,
    conceptTotal,
    bestGroup,
    unmet,
    deedsPointAt: unmet > 0 && deedsPointAt,
    namedElsewhere: conceptTotal > 0 && conceptGot === 0 ? Math.min(1, 0.25 * namedCount(c)) : 0,
    guarded: conceptTotal === 0 && q.senseRejected === true,
    lexical,
    bigrams: pairs,
    vetoed,
    // Word vectors cannot tell a language from the words near it ("Mandarin" ≈ "tune", "language
    // model"), so when languages are the whole ask and none is shown, the rules' "no" stands.
    languageUnmet: plan.onlyLanguages && conceptGot === 0,
    head,
    shared,
  };
}

/** The names of `pairFeatures`' values, in order (the learned scorer's inputs). */
export const PAIR_FEATURES = [
  "rule score",
  "rule match",
  "lexicon score",
  "concepts met",
  "names concepts",
  "best concept group",
  "unmet concepts",
  "lexical overlap",
  "shared bigrams",
  "vector score",
  "background z",
  "context cosine",
  "mean best cosine",
  "coverage 0.35",
  "coverage 0.5",
  "coverage 0.65",
  "weakest word",
  "strongest word",
  "shared vector weight",
  "reverse mean best cosine",
  "reverse coverage 0.5",
  "reverse shared weight",
] as const;

const FEATURES: number[] = [];

/** The learned scorer's inputs for a pair, written into `out`. */
function pairFeaturesOf(
  q: Analysis,
  reading: PairReading,
  profile: AlignmentProfile,
  out: number[],
): number[] {
  const a = profile;
  const v = CONTEXT_SHARE * a.context + (1 - CONTEXT_SHARE) * a.align;
  const { mean, sd } = backgroundOf(q);
  out[0] = reading.score;
  out[1] = reading.score >= MATCH_THRESHOLD ? 1 : 0;
  out[2] = reading.base;
  out[3] = reading.concepts;
  out[4] = reading.conceptTotal > 0 ? 1 : 0;
  out[5] = reading.bestGroup;
  out[6] = Math.min(3, reading.unmet);
  out[7] = reading.lexical;
  out[8] = Math.min(3, reading.bigrams);
  out[9] = v;
  out[10] = Math.max(-4, Math.min(8, (v - mean) / sd));
  out[11] = a.context;
  out[12] = a.align;
  out[13] = profile.coverage[0];
  out[14] = profile.coverage[1];
  out[15] = profile.coverage[2];
  out[16] = profile.weakest;
  out[17] = profile.strongest;
  out[18] = profile.sharedWeight;
  out[19] = profile.back.align;
  out[20] = profile.back.coverage;
  out[21] = profile.back.sharedWeight;
  return out;
}

/**
 * The learned scorer's inputs for a pair (see `PAIR_FEATURES`): the lexicon reading, the word
 * vectors' alignment and the background z-score, with whether the learned scorer decides the pair
 * at all (`learned`: a sentence-sized candidate, words with vectors on both sides, no sense veto)
 * and the rule-based decision. For scripts/match-train.ts.
 * @example pairFeatures("Resolving conflicts", "I mediated a dispute.").values.length === PAIR_FEATURES.length // true
 */
export function pairFeatures(
  query: string | Analysis,
  candidate: string | Analysis,
): {
  values: number[];
  learned: boolean;
  ruleMatched: boolean;
  alternativeMet: boolean;
  /** Every weighted query word is shared: the scorer does not veto a rule match (`nothingToAlign`). */
  nothingToAlign: boolean;
  /** The encoder-aware scorer's `namedElsewhere` input (see `PairReading`). */
  namedElsewhere: number;
  /** `PairReading.deedsPointAt`. */
  deedsPointAt: boolean;
  /** `PairReading.guarded`. */
  guarded: boolean;
} {
  const q = asAnalysis(query);
  const c = asAnalysis(candidate);
  const profile = alignmentProfile(q.vectors, c.vectors);
  const reading = readPair(q, c, {}, profile);
  return {
    values: pairFeaturesOf(q, reading, profile, []),
    learned: learnedApplies(q, c) && !reading.vetoed && !reading.languageUnmet,
    ruleMatched: reading.score >= MATCH_THRESHOLD,
    alternativeMet: alternativeMet(q, reading),
    nothingToAlign: nothingToAlign(profile),
    namedElsewhere: reading.namedElsewhere,
    deedsPointAt: reading.deedsPointAt,
    guarded: reading.guarded,
  };
}

function learnedApplies(q: Analysis, c: Analysis): boolean {
  return (
    c.vectors.words.length <= VECTOR_MAX_WORDS && q.vectors.words.length > 0 && c.vectors.words.length > 0
  );
}

/**
 * Symmetric similarity of two short texts (two questions): both must find the other.
 * @example questionSimilarity("What experience do you have with ML in practice?", "Tell me about applied machine learning you have done") > 0.5
 */
// Factor on the similarity of two questions that do not ask for the same thing; chosen on q001–q128.
const INTENT_MISMATCH = 0.6;

// A closed question (it opens with an auxiliary: "Was…", "Did…", "Has…") that points back at what
// was just told ("it", "that", "this"): "Was it in production?", "Did real customers use it?". A
// modal opening is a request, not a yes/no question ("Can you put a number on it?").
const CLOSED_QUESTION = /^(?:was|were|is|are|did|does|do|has|have|had)\b/i;
const POINTS_BACK = /\b(?:it|its|that|this)\b/i;

/**
 * Whether a question asks a yes/no fact of the story the candidate just told.
 * @example asksFactOfStory("Was it in production? How many users did it have?") // true
 * @example asksFactOfStory("Have you deployed models in production?") // false
 */
function asksFactOfStory(text: string): boolean {
  return text
    .split(/(?<=[?.!])\s+/)
    .some((sentence) => CLOSED_QUESTION.test(sentence.trim()) && POINTS_BACK.test(sentence));
}

export function questionSimilarity(
  a: string | Analysis,
  b: string | Analysis,
  options: { intents?: boolean; vectors?: boolean } = {},
): SemanticMatch {
  // Intents ("why now", "in practice") say what a behavioural question is after; a technical
  // question is matched on its topic alone (options.intents: false).
  const intents = options.intents ?? true;
  // Off by default: on the labelled question pairs, vectors traded precision for recall
  // (0.907 / 0.850 → 0.897 / 0.875), and a question bank's near-duplicates are decided here too.
  const vectors = options.vectors ?? false;
  const ab = semanticMatch(a, b, { intents, vectors });
  const ba = semanticMatch(b, a, { intents, vectors });
  let score = ab.score + ba.score === 0 ? 0 : (2 * ab.score * ba.score) / (ab.score + ba.score);
  // What a question asks for decides before its topic: when one of the two asks for something
  // (how long, why now, a weakness) and the other asks for none of it, they are other questions
  // even on the same topic ("How long did the migration take?" vs "Why did you do the migration?").
  if (intents) {
    const intentsOf = (x: Analysis) =>
      new Set([...x.direct].filter((id) => BY_ID.get(id)?.kind === "intent"));
    const ia = intentsOf(asAnalysis(a));
    const ib = intentsOf(asAnalysis(b));
    const shareIntent = [...ia].some((id) => ib.has(id));
    const intentApart = (ia.size > 0 || ib.size > 0) && !shareIntent;
    // A yes/no question about the story just told ("Was it in production?") asks for one fact of
    // that story, not for an account of the speaker's experience ("What experience do you have
    // with ML in practice?"), even where the words read as one intent ("in production" ~ "in
    // practice"): it meets only another question about the story.
    const factApart = asksFactOfStory(asAnalysis(a).text) !== asksFactOfStory(asAnalysis(b).text);
    if (intentApart || factApart) score *= INTENT_MISMATCH;
  }
  const rounded = Math.round(score * 1000) / 1000;
  return {
    score: rounded,
    strength: strengthOf(rounded),
    matched: rounded >= MATCH_THRESHOLD,
    shared: [...new Set([...ab.shared, ...ba.shared])],
  };
}

/**
 * The best of many candidates for a query (ties go to the earlier one), or undefined when none matches.
 * @example bestMatch("improve latency", ["I wrote docs.", "p99 fell from 900 ms to 200 ms."])?.index // 1
 */
export function bestMatch(
  query: string | Analysis,
  candidates: ReadonlyArray<string | Analysis>,
): { index: number; match: SemanticMatch } | undefined {
  const q = asAnalysis(query);
  let best: { index: number; match: SemanticMatch } | undefined;
  candidates.forEach((candidate, index) => {
    const match = semanticMatch(q, candidate);
    if (match.matched && (best === undefined || match.score > best.match.score)) best = { index, match };
  });
  return best;
}

/** One thing a query names that is needed on its own: concepts any one of which meets it ("Spark or Databricks"). */
export interface AskedThing {
  /** The concepts' labels, in the order the query names them. */
  labels: string[];
  /** The words the query names them with, as written ("Spark", "Databricks"), first named first. */
  names: string[];
  /** Where the query names it: from its first term's start to its last term's end (-1, -1 when nowhere). */
  span: [number, number];
}

/** How a candidate reads against one thing a query names: 1 shown, 0.5 a neighbour or broader concept, 0 missing. */
export interface ThingCredit {
  credit: number;
  /** The label of what earned the credit ("Apache Spark", "SQL (related)"); empty when none. */
  label: string;
  /**
   * When the candidate shows the thing in other words than the query's ("scikit-learn" shows
   * Python, "k8s" Kubernetes): the words it uses.
   */
  through?: string;
}

/**
 * The asks of `q`'s plan that are each needed (context and occupations left out), in the order
 * the query names them, with where each asked concept's term first stands in the query.
 */
function thingsInOrder(q: Analysis): { asks: Ask[]; at: (m: AskedConcept) => number } {
  const text = q.text.toLowerCase();
  const at = (m: AskedConcept) => {
    const term = q.concepts.get((CONCEPTS[m.index] as ConceptDefinition).id)?.term;
    const found = term === undefined ? -1 : text.indexOf(term);
    return found < 0 ? Number.POSITIVE_INFINITY : found;
  };
  const asks = planOf(q, false)
    .asks.filter((ask) => ask.unmetWhenMissed && !ask.onlyWhenShown)
    .map((ask) => ({ ask, first: Math.min(...ask.members.map(at)) }))
    .sort((a, b) => a.first - b.first)
    .map(({ ask }) => ask);
  return { asks, at };
}

/**
 * The things a query names that are each needed, as the matcher's concept reading groups them
 * (Tailor reads a compound requirement per thing: "Strong SQL and Spark skills" names SQL and
 * Spark; "Spark or Databricks" is one thing, met by either). Concepts that are only context (a
 * broad concept beside specific ones, whom the work is for) and occupations are left out. Reads
 * the plan `semanticMatch` uses; changes no score.
 * @example askedThings(analyzeText("Strong SQL and Spark skills")).length // 2
 */
export function askedThings(q: Analysis): AskedThing[] {
  const { asks, at } = thingsInOrder(q);
  return asks.map((ask) => {
    const members = [...ask.members].sort((a, b) => at(a) - at(b));
    const names: string[] = [];
    const span: [number, number] = [-1, -1];
    for (const m of members) {
      const from = at(m);
      const term = q.concepts.get((CONCEPTS[m.index] as ConceptDefinition).id)?.term;
      if (term === undefined || !Number.isFinite(from)) continue;
      const name = q.text.slice(from, from + term.length);
      if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
      if (span[0] < 0 || from < span[0]) span[0] = from;
      span[1] = Math.max(span[1], from + term.length);
    }
    return { labels: members.map((m) => m.label), names, span };
  });
}

/**
 * The credit a candidate earns on each of `askedThings(q)`, in the same order.
 * @example thingCredits(analyzeText("Strong SQL and Spark skills"), analyzeText("I migrated the pipeline to Spark.")).map((t) => t.credit) // [0, 1]
 */
export function thingCredits(q: Analysis, c: Analysis): ThingCredit[] {
  const flags = conceptFlags(c);
  return thingsInOrder(q).asks.map((ask) => {
    const [credit, label] = creditOf(ask, q, c, flags);
    if (credit < 1) return { credit, label };
    const ids = ask.members.map((m) => (CONCEPTS[m.index] as ConceptDefinition).id);
    const asked = new Set(ids.map((id) => lemma(q.concepts.get(id)?.term ?? "")));
    const hit = ids.map((id) => c.concepts.get(id)).find((h) => h !== undefined);
    return hit === undefined || asked.has(lemma(hit.term))
      ? { credit, label }
      : { credit, label, through: hit.term };
  });
}
