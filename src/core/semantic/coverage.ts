/**
 * Key-point coverage: which key points of a technical question a typed answer covers, matched
 * by concept rather than exact words. Builds on the semantic matcher: its lemmas (stems),
 * weights and concept lexicon, plus the ML vocabulary of `ml-terms.ts`, which reads "L2",
 * "ridge" and "weight decay" as one idea before any comparison. Pure and deterministic.
 */

import scorerData from "./data/coverage-scorer.json" with { type: "json" };
import { type Analysis, analyzeText } from "./matcher.ts";
import { ML_CLASS_MEMBERS, ML_TERM_GROUPS } from "./ml-terms.ts";
import { type SentenceEmbeddings, unitCosine } from "./sentence-embeddings.ts";
import { rarityWeight, wordVector } from "./vectors.ts";

/** A key point counts as covered at this score or above; tuned on the dev split only (docs/drill.md). */
export const COVERAGE_THRESHOLD = 0.39;
/** The learned scorer covers no key point whose rule score is below this (docs/drill.md). */
export const LEARNED_RULE_FLOOR = 0.35;
/**
 * With sentence embeddings, a key point whose rule score is below `LEARNED_RULE_FLOOR` but at
 * least this may still be covered, when some part of the answer is closer in meaning to it than
 * to every other key point of the question by more than `SENTENCE_LEAD` (docs/drill.md).
 */
export const SENTENCE_RULE_FLOOR = 0.25;
export const SENTENCE_LEAD = 0.1;

export interface KeyPointResult {
  keyPoint: string;
  covered: boolean;
  /** 0..1: the weighted share of the key point's ideas found in the best part of the answer. */
  score: number;
  /** The sentence(s) of the answer that cover it best, when it is covered. */
  evidence?: string;
}

export interface Coverage {
  points: KeyPointResult[];
  covered: string[];
  missed: string[];
}

// Each group becomes one token the matcher keeps as written (it holds a digit, so no stemming).
// The token an idea of the ML vocabulary is read as: no English word starts so.
const IDEA_PREFIX = "k9g";
const tokenOf = (index: number) => `${IDEA_PREFIX}${index}`;
const isIdea = (word: string) => word.startsWith(IDEA_PREFIX);
const IDEA_TOKENS = new RegExp(`\\b${IDEA_PREFIX}\\d+\\b`, "g");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const normaliseSpacing = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[,;:()"“”!?]/g, " ")
    .replace(/\s+/g, " ");

const addToken = (map: Map<string, string[]>, term: string, token: string) => {
  const key = normaliseSpacing(term).trim();
  const tokens = map.get(key) ?? [];
  if (!tokens.includes(token)) tokens.push(token);
  map.set(key, tokens);
};
const TERM_TOKENS = new Map<string, string[]>();
ML_TERM_GROUPS.forEach((group, index) => {
  for (const term of group.terms) addToken(TERM_TOKENS, term, tokenOf(index));
});
// A member's classes, read only in answers: a member says its class, the class no member.
const CLASS_TOKENS = new Map<string, string[]>();
for (const { class: id, members } of ML_CLASS_MEMBERS) {
  const index = ML_TERM_GROUPS.findIndex((group) => group.id === id);
  if (index < 0) throw new Error(`ML_CLASS_MEMBERS: no term group ${id}`);
  for (const member of members) addToken(CLASS_TOKENS, member, tokenOf(index));
}
// Longest terms first, so "l2 regularisation" wins over "l2"; a plural "s"/"es" is allowed. One
// pattern per first character: one alternation of every term, tried at every position of the
// text, took most of a drill answer's time. A bucket keeps its terms in the same order.
function patternsOf(terms: Iterable<string>): Map<string, RegExp> {
  const byFirst = new Map<string, string[]>();
  for (const term of [...new Set(terms)].sort((a, b) => b.length - a.length)) {
    const first = term[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), term]);
  }
  const patterns = new Map<string, RegExp>();
  for (const [first, bucket] of byFirst)
    patterns.set(
      first,
      new RegExp(
        `(?<![\\p{L}\\p{N}])(${bucket
          .map((t) => escapeRegExp(t).replace(/ /g, "[ -]"))
          .join("|")})(?:s|es)?(?![\\p{L}\\p{N}])`,
        "uy",
      ),
    );
  return patterns;
}
// A key point reads terms only; an answer reads members too.
const TERM_PATTERNS = patternsOf(TERM_TOKENS.keys());
const ANSWER_PATTERNS = patternsOf([...TERM_TOKENS.keys(), ...CLASS_TOKENS.keys()]);

/**
 * A text with every ML term replaced by the token of its idea (several when a term belongs to
 * several ideas: "ridge" is L2 and regularisation). Read as an answer, a named member of a class
 * (`ML_CLASS_MEMBERS`) adds the class's token too.
 * @example canonicalise("We used weight decay") // "we used k9g0 k9g2"
 */
export function canonicalise(text: string, asAnswer = false): string {
  const normal = normaliseSpacing(text);
  let out = "";
  let from = 0;
  for (let i = 0; i < normal.length; i++) {
    const pattern = (asAnswer ? ANSWER_PATTERNS : TERM_PATTERNS).get(normal[i] as string);
    if (pattern === undefined) continue;
    pattern.lastIndex = i;
    const m = pattern.exec(normal);
    if (m === null) continue;
    const [match, term = ""] = m;
    const lookUp = (map: ReadonlyMap<string, string[]>) =>
      map.get(term.replace(/-/g, " ")) ?? map.get(term) ?? map.get(match);
    const tokens = lookUp(TERM_TOKENS);
    // A member that is no term keeps the terms inside it ("gradient boosted trees").
    const said = tokens === undefined ? canonicalise(match) : ` ${tokens.join(" ")} `;
    const classes = asAnswer ? (lookUp(CLASS_TOKENS) ?? []).filter((c) => !said.includes(` ${c} `)) : [];
    out += normal.slice(from, i) + (classes.length === 0 ? said : `${said} ${classes.join(" ")} `);
    from = i + match.length;
    i = from - 1;
  }
  return out + normal.slice(from);
}

/**
 * The ML ideas a text names, as the tokens `canonicalise` reads them as.
 * @example mlIdeasOf("How do you detect drift?").size // 1
 */
export function mlIdeasOf(text: string): Set<string> {
  return new Set(canonicalise(text).match(IDEA_TOKENS) ?? []);
}

// Words every ML answer uses: they count, but little.
const WEAK = new Set([
  "model",
  "data",
  "train",
  "set",
  "use",
  "make",
  "way",
  "first",
  "only",
  "often",
  "value",
  "new",
  "one",
  "two",
  "several",
  "many",
  "each",
  "level",
  "step",
  "steps",
]);
const IDEA_WEIGHT = 2;
const CONCEPT_WEIGHT = 0.5;

interface Unit {
  kind: "lemma" | "concept";
  id: string;
  weight: number;
  /** Said under a negation in the key point ("never shuffled folds"): the answer may say it either way. */
  negated: boolean;
}

/** One idea of a key point: a single unit, or alternatives ("oversampling, undersampling or SMOTE") of which one is enough. */
interface Part {
  /** Each alternative's units; a plain idea has one alternative of one unit. */
  options: Unit[][];
  weight: number;
}

// Words that bound an alternative in a list ("fight overfitting with regularisation, dropout or more data").
const LIST_STOP = new Set(
  (
    "a an the and or but of to in on at by for with from as into is are be been can must may will it its " +
    "such more some several many when where while if so that this these those than then each every their " +
    "against about over through via per within across"
  ).split(" "),
);
// In a key point: the words after these are said negatively ("avoid leakage", "never shuffled folds").
const KEY_NEGATORS =
  /^(?:not|never|no|without|avoid|avoids|avoiding|prevent|prevents|preventing|instead|cannot|.*n't)$/;
// In an answer: a verbal negation ("it does not reduce variance", "trees don't need it").
const ANSWER_NEGATORS = /^(?:not|never|cannot|.*n't)$/;
const NEGATION_SCOPE = 3;
const CLAUSE_BREAK = new Set(["but", "so", "because", "which", "and"]);
const CONDITIONAL = new Set(["if", "unless", "otherwise", "whether"]);

/**
 * A text as canonical words (ML terms already read as their ideas' tokens), with the marks
 * that bound clauses and lists kept as words of their own: , ; : ( ) and "." for a sentence end.
 */
export function canonicalWords(text: string, asAnswer = false): string[] {
  return (
    text
      .replace(/[’‘`]/g, "'")
      // "sqrt(d_k)" is a formula, not an aside.
      .replace(/(\S)\(([^()\s]*)\)/g, "$1 $2 ")
      .split(/([,;:()]|[.!?](?=\s|$))/)
      .flatMap((piece) => {
        if (/^[,;:()]$/.test(piece)) return [piece];
        if (/^[.!?]$/.test(piece)) return ["."];
        return canonicalise(piece, asAnswer)
          .split(" ")
          .filter((w) => w !== "");
      })
  );
}
const PUNCTUATION = /^[(),;:.]$/;
// Words inside an item that neither count nor end it ("more data", "a model").
const SKIP = new Set(["a", "an", "the", "more", "some", "several", "many"]);
const isBoundary = (w: string) => (LIST_STOP.has(w) && !SKIP.has(w)) || PUNCTUATION.test(w);

/**
 * The word positions of each list of alternatives in a key point: "X, Y or Z" (each item up to
 * two words, the last as long as the first) and a parenthesis naming the same thing in other
 * words ("L1 (lasso)", "optimizer state (ZeRO, FSDP)").
 */
function alternativesOf(words: readonly string[]): number[][][] {
  const lists: number[][][] = [];
  const used = new Set<number>();
  const content = (item: readonly number[]) => item.filter((k) => !SKIP.has(words[k] as string)).length;
  const itemLeft = (end: number): number[] => {
    const item: number[] = [];
    for (let k = end; k >= 0 && content(item) < 2 && !isBoundary(words[k] as string) && !used.has(k); k--)
      item.unshift(k);
    while (
      item.length > 0 &&
      SKIP.has(words[item[0] as number] as string) &&
      words[(item[0] as number) - 1] !== ","
    )
      item.shift();
    return content(item) > 0 ? item : [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === "such" && words[i + 1] === "as") {
      // "tests such as PSI or KS", "optimizers such as momentum and Adam": the noun or any example.
      const head = itemLeft(i - 1);
      const items: number[][] = head.length > 0 ? [head] : [];
      let j = i + 2;
      for (;;) {
        const item: number[] = [];
        for (; j < words.length && content(item) < 2 && !isBoundary(words[j] as string); j++) item.push(j);
        if (content(item) === 0) break;
        items.push(item);
        if (words[j] === "," && (words[j + 1] === "or" || words[j + 1] === "and")) j++;
        if (words[j] !== "," && words[j] !== "or" && words[j] !== "and") break;
        j++;
      }
      if (items.length < 2) continue;
      for (const it of items) for (const x of it) used.add(x);
      lists.push(items);
      i = j - 1;
    } else if (w === "or") {
      const items: number[][] = [];
      let k = i - 1;
      if (words[k] === ",") k--;
      let item = itemLeft(k);
      while (item.length > 0) {
        items.unshift(item);
        const before = (item[0] as number) - 1;
        if (words[before] !== ",") break;
        item = itemLeft(before - 1);
      }
      if (items.length === 0) continue;
      const size = Math.min(2, content(items[0] as number[]));
      let j = i + 1;
      while (j < words.length && LIST_STOP.has(words[j] as string)) j++;
      const last: number[] = [];
      for (; j < words.length && content(last) < size && !isBoundary(words[j] as string); j++) last.push(j);
      if (content(last) === 0) continue;
      items.push(last);
      for (const it of items) for (const x of it) used.add(x);
      lists.push(items);
    } else if (w === "(") {
      const close = words.indexOf(")", i);
      if (close < 0) continue;
      const items: number[][] = [];
      const head = itemLeft(i - 1);
      if (head.length > 0) items.push(head);
      let current: number[] = [];
      for (let k = i + 1; k < close; k++) {
        if (words[k] === ",") {
          if (current.length > 0) items.push(current);
          current = [];
        } else current.push(k);
      }
      if (current.length > 0) items.push(current);
      if (items.length < 2) continue;
      for (const it of items) for (const x of it) used.add(x);
      lists.push(items);
      i = close;
    }
  }
  return lists;
}

/** The positions a key point says under a negation: up to three words after a negator, within the clause. */
function keyNegatedPositions(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!KEY_NEGATORS.test(words[i] as string) || words[i + 1] === "only" || words[i + 1] === "just")
      continue;
    for (let k = i + 1, n = 0; k < words.length && n < NEGATION_SCOPE; k++) {
      const w = words[k] as string;
      if (PUNCTUATION.test(w) || CLAUSE_BREAK.has(w)) break;
      out.add(k);
      if (!LIST_STOP.has(w)) n++;
    }
  }
  return out;
}

// "I don't *bother with* calibration", "we never *use* dropout": the verb dismisses what follows.
const DISMISS_OBJECT = new Set(["bother", "bothered", "care", "use", "used", "uses"]);
// "examples never *help*", "the batch size doesn't *matter*": the verb dismisses what came before.
const DISMISS_SUBJECT = new Set([
  "help",
  "helps",
  "helped",
  "matter",
  "matters",
  "mattered",
  "work",
  "works",
]);

/**
 * The words an answer denies: the first content word after a verbal negation ("does not
 * *reduce* variance"). Not in a condition ("overfits if depth is not tuned"), not "not only",
 * and not an ML idea, whose family may hold both poles ("never idles" is still about utilisation).
 * A dismissing verb denies its object or subject too, ML ideas included ("I don't bother with
 * calibration", "the batch size doesn't matter").
 */
export function deniedPositions(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  const ends = (w: string) => PUNCTUATION.test(w) || CLAUSE_BREAK.has(w);
  for (let i = 0; i < words.length; i++) {
    if (!ANSWER_NEGATORS.test(words[i] as string) || words[i + 1] === "only" || words[i + 1] === "just")
      continue;
    let conditional = false;
    for (let k = i - 1; k >= 0 && !PUNCTUATION.test(words[k] as string); k--)
      if (CONDITIONAL.has(words[k] as string)) conditional = true;
    if (conditional) continue;
    let k = i + 1;
    while (k < words.length && LIST_STOP.has(words[k] as string)) k++;
    const w = words[k];
    if (w === undefined || PUNCTUATION.test(w)) continue;
    if (!isIdea(w)) out.add(k);
    if (DISMISS_OBJECT.has(w))
      for (let j = k + 1, n = 0; j < words.length && n < NEGATION_SCOPE && !ends(words[j] as string); j++) {
        if (LIST_STOP.has(words[j] as string)) continue;
        out.add(j);
        n++;
      }
    if (DISMISS_SUBJECT.has(w))
      for (let j = i - 1, n = 0; j >= 0 && n < NEGATION_SCOPE && !ends(words[j] as string); j--) {
        if (LIST_STOP.has(words[j] as string) || ANSWER_NEGATORS.test(words[j] as string)) continue;
        out.add(j);
        n++;
      }
  }
  return out;
}

// Ideas that are each other's opposite: an answer that defines one as the other ("overfitting is
// when the model is too simple") says neither. Pairs of group ids of `ML_TERM_GROUPS`.
const OPPOSITE_IDEAS: ReadonlyArray<readonly [string, string]> = [
  ["overfit", "underfit"],
  ["false-positive", "false-negative"],
  ["data-parallel", "model-parallel"],
  ["online-store", "offline-store"],
  ["bagging", "boosting"],
];
const OPPOSITE_TOKENS: ReadonlyArray<readonly [string, string]> = OPPOSITE_IDEAS.map(([a, b]) => {
  const token = (id: string) => {
    const index = ML_TERM_GROUPS.findIndex((group) => group.id === id);
    if (index < 0) throw new Error(`OPPOSITE_IDEAS: no term group ${id}`);
    return tokenOf(index);
  };
  return [token(a), token(b)] as const;
});
// Words that define what came before as what comes after ("X is / means / happens when … Y").
const DEFINING = new Set([
  "is",
  "are",
  "was",
  "were",
  "'s",
  "means",
  "mean",
  "meaning",
  "happens",
  "happen",
  "occurs",
  "occur",
  "when",
  "refers",
  "called",
  "=",
]);
// Words that set the two poles against each other rather than equate them ("the opposite of",
// "unlike", "worse than", "from … to").
const CONTRASTING =
  /^(?:opposite|unlike|versus|vs|than|whereas|while|opposed|instead|rather|compared?|differ\w*|not|never|no|both|either|neither|between|from|into|towards?|.*n't)$/;

/**
 * The positions of opposite ideas one clause equates: "overfitting is when the model is too
 * simple" names overfitting and (by "too simple") underfitting, and says neither. A clause that
 * contrasts them ("the opposite of", "unlike", "than") equates nothing.
 * @example conflatedPositions(canonicalWords("Overfitting is when the model is too simple", true)).size // 2
 */
export function conflatedPositions(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  let start = 0;
  for (let end = 0; end <= words.length; end++) {
    const w = words[end];
    if (w !== undefined && !PUNCTUATION.test(w) && !CLAUSE_BREAK.has(w)) continue;
    const clause = words.slice(start, end);
    if (!clause.some((x) => CONTRASTING.test(x)))
      for (const [a, b] of OPPOSITE_TOKENS)
        for (const [first, second] of [
          [a, b],
          [b, a],
        ] as const) {
          const i = clause.indexOf(first);
          const j = clause.indexOf(second, i + 1);
          if (i < 0 || j < 0 || !clause.slice(i + 1, j).some((x) => DEFINING.has(x))) continue;
          out.add(start + i);
          out.add(start + j);
        }
    start = end + 1;
  }
  return out;
}

function unitsOfText(canonicalText: string, negated: boolean): Unit[] {
  const a = analyzeText(canonicalText);
  const units: Unit[] = [];
  for (const [lemma, weight] of a.lemmas) {
    const w = isIdea(lemma) ? IDEA_WEIGHT : WEAK.has(lemma) ? 0.3 : weight;
    units.push({ kind: "lemma", id: lemma, weight: w, negated });
  }
  for (const id of a.direct) units.push({ kind: "concept", id, weight: CONCEPT_WEIGHT, negated });
  return units;
}

const PARTS = new Map<string, Part[]>();

function partsOf(keyPoint: string): Part[] {
  const cached = PARTS.get(keyPoint);
  if (cached !== undefined) return cached;
  const words = canonicalWords(keyPoint);
  const negated = keyNegatedPositions(words);
  const lists = alternativesOf(words);
  const inList = new Set(lists.flat(2));
  const seen = new Set<string>();
  const key = (u: Unit) => `${u.kind}:${u.id}`;
  const parts: Part[] = [];
  // The negators themselves are function words here: their meaning is carried by `negated`.
  const plainText = (keep: (i: number) => boolean) =>
    words.filter((w, i) => keep(i) && !PUNCTUATION.test(w) && !KEY_NEGATORS.test(w)).join(" ");
  for (const negatedSide of [false, true]) {
    const text = plainText((i) => !inList.has(i) && negated.has(i) === negatedSide);
    for (const unit of unitsOfText(text, negatedSide)) {
      if (seen.has(key(unit))) continue;
      seen.add(key(unit));
      parts.push({ options: [[unit]], weight: unit.weight });
    }
  }
  for (const list of lists) {
    const options = list
      .map((item) =>
        unitsOfText(
          plainText((i) => item.includes(i)),
          item.some((i) => negated.has(i)),
        ),
      )
      .map((units) => units.filter((u) => !seen.has(key(u))))
      .filter((units) => units.length > 0);
    if (options.length === 0) continue;
    for (const u of options.flat()) seen.add(key(u));
    const weight = Math.max(...options.map((units) => units.reduce((sum, u) => sum + u.weight, 0)));
    parts.push({ options, weight });
  }
  PARTS.set(keyPoint, parts);
  return parts;
}

function sentencesOf(answer: string): string[] {
  return answer
    .split(/(?<=[.!?])\s+|\n+|;\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A sentence's clauses of three words or more: cut at , ; : ( ), a dash and "and", "but", "because", … */
function clausesOf(sentence: string): string[] {
  return sentence
    .split(/[,;:()]|\s[-–—]\s|\b(?:and|but|so|because|which|while|whereas|then)\b/)
    .map((s) => s.trim())
    .filter((s) => (s.match(WORD) ?? []).length >= 3);
}

/** The parts of an answer a key point is compared with: sentences, pairs of neighbouring sentences, clauses. */
function partsOfAnswer(answer: string): { sentences: string[]; windows: string[]; clauses: string[] } {
  const sentences = sentencesOf(answer);
  const windows: string[] = [...sentences];
  for (let i = 0; i + 1 < sentences.length; i++) windows.push(`${sentences[i]} ${sentences[i + 1]}`);
  const clauses = [...new Set(sentences.flatMap(clausesOf))].filter((c) => !sentences.includes(c));
  return { sentences, windows, clauses };
}

/**
 * The texts whose sentence embeddings `keyPointCoverage` reads when given them: the key points
 * and the answer's sentences, pairs of sentences and clauses. The app layer encodes these first.
 * @example coverageTexts("Bagging averages trees. It lowers variance.", ["bagging reduces variance"]).length // 4
 */
export function coverageTexts(answer: string, keyPoints: readonly string[]): string[] {
  const { windows, clauses } = partsOfAnswer(answer);
  return [...new Set([...keyPoints, ...windows, ...clauses])];
}

/**
 * For each key point, its best embedding cosine with any part of the answer, and its best lead
 * in one part over the question's other key points there. Undefined when a text was not prepared.
 */
function sentenceFeatures(
  answer: string,
  keyPoints: readonly string[],
  embeddings: SentenceEmbeddings | undefined,
): Array<[number, number]> | undefined {
  if (embeddings === undefined) return undefined;
  const { windows, clauses } = partsOfAnswer(answer);
  const vectorsOf = (texts: readonly string[]) => texts.map((t) => embeddings.get(t));
  const points = vectorsOf(keyPoints);
  const parts = vectorsOf([...windows, ...clauses]);
  if (parts.length === 0 || [...points, ...parts].some((v) => v === undefined)) return undefined;
  const cosines = (points as Float32Array[]).map((p) =>
    (parts as Float32Array[]).map((u) => unitCosine(p, u)),
  );
  return cosines.map((mine, k) => {
    let best = -1;
    let lead = -2;
    mine.forEach((c, u) => {
      best = Math.max(best, c);
      let other = 0;
      let first = true;
      cosines.forEach((theirs, j) => {
        if (j === k) return;
        other = first ? (theirs[u] as number) : Math.max(other, theirs[u] as number);
        first = false;
      });
      lead = Math.max(lead, c - other);
    });
    return [best, lead];
  });
}

/**
 * The window read twice: everything it says, and only what it does not negate ("bagging does
 * not reduce variance" affirms nothing about reducing variance).
 */
/** A content word as written, with its lemma (the matcher's stem) and its word vector if known. */
interface Word {
  word: string;
  lemma: string;
  vector: Float32Array | undefined;
}

const WORD = /[\p{L}\p{N}]+/gu;
const WORDS = new Map<string, Word | null>();
// Every distinct word a user types lands here; a long-running server starts over past this.
const WORDS_LIMIT = 50_000;
// GloVe is mostly American: "summarise", "centre" and "behaviour" are found as "summarize", …
const SPELLINGS: Array<[RegExp, string]> = [
  [/is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1"],
  [/our(s|ed|ing)?$/, "or$1"],
  [/tre(s)?$/, "ter$1"],
];
function wordOf(word: string): Word | null {
  const cached = WORDS.get(word);
  if (cached !== undefined) return cached;
  const lemma = isIdea(word) ? undefined : analyzeText(word).allLemmas.values().next().value;
  let vector: Float32Array | undefined;
  if (lemma !== undefined) {
    vector = wordVector(word);
    for (const [pattern, replacement] of SPELLINGS)
      if (vector === undefined && pattern.test(word)) vector = wordVector(word.replace(pattern, replacement));
  }
  const out = lemma === undefined ? null : { word, lemma, vector };
  if (WORDS.size >= WORDS_LIMIT) WORDS.clear();
  WORDS.set(word, out);
  return out;
}

/** The content words of a text, once each (ML idea tokens and function words left out). */
function wordsOf(text: string, leaveOut: ReadonlySet<string> = new Set()): Word[] {
  const out = new Map<string, Word>();
  for (const [raw] of text.toLowerCase().matchAll(WORD)) {
    if (leaveOut.has(raw)) continue;
    const w = wordOf(raw);
    if (w !== null) out.set(w.word, w);
  }
  return [...out.values()];
}

// "The live inputs don't look like the training data", "they aren't the ones it was trained on":
// a denied sameness says a difference, not a denial of the key point's "sees" or "features".
const DENIED_SAMENESS =
  /\b(?:(?:do|does|did|is|are|was|were|has|have)(?:n't|n’t| not)|never|not)\s+(?:quite\s+|really\s+|exactly\s+|always\s+)?(?:look(?:s|ed)?\s+like|match(?:es|ed)?|agree[ds]?|line[sd]?\s+up|the\s+same(?:\s+as)?|equal|identical(?:\s+to)?|the\s+ones?|consistent(?:\s+with)?)\b/gi;

/**
 * A window with each denied sameness read as "different from".
 * @example sayDifference("the features don't match") // "the features different from"
 */
export function sayDifference(window: string): string {
  // A phrase the ML vocabulary lists ("never quite agreed" for skew) keeps its own reading.
  return window.replace(DENIED_SAMENESS, (m) => (mlIdeasOf(m).size > 0 ? m : "different from"));
}

interface Reading {
  all: Analysis;
  affirmed: Analysis;
  /** The window's content words as written: all of them, and only those it does not deny. */
  allWords: Word[];
  affirmedWords: Word[];
  /** The words the window denies ("does not *lower* variance"). */
  deniedWords: Word[];
  /** The window says something is avoided, kept apart or ruled out ("never", "only", "untouched"). */
  avoids: boolean;
  /** The window's words as written, in order. */
  raw: string[];
}

// Words of direction and size, up or down: an answer that says one where the key point says the
// other, of the same next word ("bagging increases variance" for "… reduces variance", "a
// simpler model" for "a more expressive model"), says the opposite.
const UP_WORDS =
  /^(?:more|greater|higher|high|increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|larger|bigger|longer|deeper|complex|expressive|flexible|add(?:s|ed|ing)?)$/;
const DOWN_WORDS =
  /^(?:fewer|less|lower|low|lowers|lowered|lowering|decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|smaller|shorter|shallower|simpler|simple|simplistic|remov(?:e|es|ed|ing))$/;
const poleOf = (w: string) => (UP_WORDS.test(w) ? 1 : DOWN_WORDS.test(w) ? -1 : 0);
const ANTONYM_REACH = 2;
// Words as written, with the marks that end a phrase kept as words of their own.
const rawWordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+|[.,;:!?()]/gu) ?? [];
// Words between an up or down word and what it is said of ("lowers *its* bias").
const DETERMINERS = new Set([
  "a",
  "an",
  "the",
  "its",
  "their",
  "our",
  "your",
  "my",
  "his",
  "her",
  "this",
  "that",
]);
const headOf = (w: string) => w.replace(/(?:es|s)$/, "");

/**
 * For each up or down word of a text, what it is said of: the next word, past determiners and
 * other up or down words ("a more expressive *model*"), within the phrase.
 */
function polesOf(words: readonly string[]): Array<{ pole: number; head: string }> {
  const out: Array<{ pole: number; head: string }> = [];
  words.forEach((w, i) => {
    const pole = poleOf(w);
    if (pole === 0) return;
    for (let k = i + 1; k <= i + ANTONYM_REACH + 1 && k < words.length; k++) {
      const x = words[k] as string;
      if (poleOf(x) !== 0 || DETERMINERS.has(x)) continue;
      if (!LIST_STOP.has(x) && !PUNCTUATION.test(x) && !/^[!?]$/.test(x)) out.push({ pole, head: headOf(x) });
      return;
    }
  });
  return out;
}

/**
 * The window says the opposite direction or size of the key point's about the same thing, and
 * never the key point's own about it.
 */
function saysOpposite(keyPoint: readonly string[], window: readonly string[]): boolean {
  const said = polesOf(window);
  for (const { pole, head } of polesOf(keyPoint)) {
    const about = said.filter((s) => s.head === head);
    if (about.some((s) => s.pole === -pole) && !about.some((s) => s.pole === pole)) return true;
  }
  return false;
}

const AVOIDING =
  /\b(?:not|never|no|nothing|none|without|avoid\w*|instead|rather|only|untouched|unseen|separate\w*|apart|aside|prevent\w*|stop\w*|keep\w*|kept|held|hold\w*|until|else|otherwise)\b|n['’]t\b/i;

function readWindow(window: string): Reading {
  const all = analyzeText(canonicalise(window, true));
  const allWords = wordsOf(window);
  const words = canonicalWords(window, true);
  // An equated pair of opposite ideas is read as denied: the window says neither.
  const negated = new Set([...deniedPositions(words), ...conflatedPositions(words)]);
  const avoids = AVOIDING.test(window);
  const raw = rawWordsOf(window);
  if (negated.size === 0)
    return { all, affirmed: all, allWords, affirmedWords: allWords, deniedWords: [], avoids, raw };
  const affirmed = analyzeText(words.filter((w, i) => !negated.has(i) && !PUNCTUATION.test(w)).join(" "));
  const denied = new Set([...negated].map((i) => words[i] as string));
  return {
    all,
    affirmed,
    allWords,
    affirmedWords: wordsOf(window, denied),
    deniedWords: wordsOf([...denied].join(" ")),
    avoids,
    raw,
  };
}

/**
 * How word vectors add to the concept score: `score + weight × alignment`, where alignment is
 * the rarity-weighted share of the key point's words the window says, each word credited
 * with its closest window word's cosine, ramped from `floor` (nothing) to 1 (the same word).
 * A denied word this close to a key point's word (`deniedCosine`) is a denial of it.
 */
export interface CoverageTuning {
  weight: number;
  floor: number;
  deniedCosine: number;
  /** A list of alternatives counts as named when one of its words is this close to a window word. */
  alternativeCosine: number;
  /** A denied or unmet key point keeps this share of its score. */
  contradiction: number;
}
/** Tuned on the dev split only (docs/drill.md). */
export const COVERAGE_TUNING: CoverageTuning = {
  weight: 0.3,
  floor: 0.4,
  deniedCosine: 0.6,
  alternativeCosine: 0.6,
  contradiction: 0.35,
};

const dot = (a: Float32Array, b: Float32Array) => {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d] as number) * (b[d] as number);
  return sum;
};

/** A key point's words for alignment, each weighted by rarity, half when the question's topic. */
interface AlignWord extends Word {
  weight: number;
}

const ALIGN_WORDS = new Map<string, Word[]>();
function alignWordsOf(keyPoint: string): Word[] {
  const cached = ALIGN_WORDS.get(keyPoint);
  if (cached !== undefined) return cached;
  const words = wordsOf(keyPoint).filter((w) => !KEY_NEGATORS.test(w.word) && !WEAK.has(w.lemma));
  ALIGN_WORDS.set(keyPoint, words);
  return words;
}

/** One of a list's alternatives is said in other words: a word of it is this close to a window word. */
function nearAlternative(
  part: Part,
  words: readonly Word[],
  window: readonly Word[],
  cosine: number,
): boolean {
  if (cosine > 1) return false;
  const lemmas = new Set(part.options.flat().map((u) => u.id));
  for (const w of words)
    if (lemmas.has(w.lemma) && w.vector !== undefined)
      for (const x of window) if (x.vector !== undefined && dot(w.vector, x.vector) >= cosine) return true;
  return false;
}

/** The window denies one of the key point's words, or a word this close to it in meaning. */
function deniesWord(words: readonly Word[], denied: readonly Word[], cosine: number): boolean {
  for (const w of words)
    for (const d of denied)
      if (
        d.lemma === w.lemma ||
        (w.vector !== undefined && d.vector !== undefined && dot(w.vector, d.vector) >= cosine)
      )
        return true;
  return false;
}

/** 0..1: the rarity-weighted share of the key point's words that the window says, by meaning. */
function alignment(words: readonly AlignWord[], window: readonly Word[], floor: number): number {
  let total = 0;
  let got = 0;
  for (const w of words) {
    total += w.weight;
    let best = 0;
    for (const x of window) {
      if (x.lemma === w.lemma) {
        best = 1;
        break;
      }
      if (w.vector !== undefined && x.vector !== undefined) best = Math.max(best, dot(w.vector, x.vector));
    }
    if (best > floor) got += w.weight * Math.min(1, (best - floor) / (1 - floor));
  }
  return total === 0 ? 0 : got / total;
}

/** What one window says about one key point: the rule score and the parts it is made of. */
interface WindowScore {
  /** The rule score: concept share plus `weight` × alignment, scaled down when denied or unmet. */
  score: number;
  /** The weighted share of the key point's ideas found (before the alignment and the cap). */
  concept: number;
  /** 0..1: the rarity-weighted share of the key point's words said, by meaning. */
  aligned: number;
  /** The window denies the key point, or names none of its alternatives. */
  capped: boolean;
  /** The found share of the key point's ML ideas (0 when it has none), and of its other words. */
  ideaShare: number;
  hasIdeas: boolean;
  plainShare: number;
}

function scoreIn(
  parts: readonly Part[],
  words: readonly AlignWord[],
  reading: Reading,
  t: CoverageTuning = COVERAGE_TUNING,
  keyPointWords: readonly string[] = [],
): WindowScore {
  const { all, affirmed } = reading;
  // A key point that itself says "not" is met by answers that put the negation anywhere.
  const negative = parts.some((p) => p.options.some((units) => units.some((u) => u.negated)));
  const window = negative ? reading.allWords : reading.affirmedWords;
  const has = (a: Analysis, u: Unit) => (u.kind === "lemma" ? a.allLemmas.has(u.id) : a.concepts.has(u.id));
  const found = (u: Unit) => has(negative ? all : affirmed, u);
  let total = 0;
  let got = 0;
  let capped = false;
  // Found and total weight of the parts that are ML ideas, and of the others.
  const shares = { idea: { got: 0, total: 0 }, plain: { got: 0, total: 0 } };
  for (const part of parts) {
    if (
      !negative &&
      part.options.some((units) => units.some((u) => u.weight > 0 && has(all, u) && !has(affirmed, u)))
    )
      capped = true;
    total += part.weight;
    let best = 0;
    for (const units of part.options) {
      const weight = units.reduce((sum, u) => sum + u.weight, 0);
      const share = units.reduce((sum, u) => sum + (found(u) ? u.weight : 0), 0) / weight;
      if (share > best) best = share;
    }
    got += best * part.weight;
    const kind = part.options.some((units) => units.some((u) => isIdea(u.id))) ? "idea" : "plain";
    shares[kind].got += best * part.weight;
    shares[kind].total += part.weight;
    // A list of alternatives is what the key point is about: none of them named, no full credit.
    if (part.options.length > 1 && best === 0 && !nearAlternative(part, words, window, t.alternativeCosine))
      capped = true;
  }
  const share = (x: { got: number; total: number }) => (x.total === 0 ? 0 : x.got / x.total);
  const none = { score: 0, concept: 0, aligned: 0, capped, ideaShare: 0, hasIdeas: false, plainShare: 0 };
  if (total === 0) return none;
  if (!negative && !capped && deniesWord(words, reading.deniedWords, t.deniedCosine)) capped = true;
  if (!negative && !capped && saysOpposite(keyPointWords, reading.raw)) capped = true;
  // "Never on the test set" is not met by "evaluated on the test set": an answer that says what
  // the key point rules out, with no word of avoiding it, says the opposite.
  if (
    negative &&
    !reading.avoids &&
    parts.some((p) => p.options.some((units) => units.some((u) => u.negated && u.weight > 0 && has(all, u))))
  )
    capped = true;
  const aligned = t.weight === 0 ? 0 : alignment(words, window, t.floor);
  const score = Math.min(1, got / total + t.weight * aligned);
  return {
    // The answer denies what the key point asserts, or names none of its alternatives: a share of the score.
    score: capped ? score * t.contradiction : score,
    concept: got / total,
    aligned,
    capped,
    ideaShare: share(shares.idea),
    hasIdeas: shares.idea.total > 0,
    plainShare: share(shares.plain),
  };
}

// An idea named by several key points of one question is the question's topic ("calibration",
// "tokens"): every answer names it, so it says little about which point is made.
const TOPIC_MIN_POINTS = 2;
const TOPIC_FACTOR = 0.5;
const unitKey = (u: Unit) => `${u.kind}:${u.id}`;

function topicUnits(keyPoints: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const keyPoint of new Set(keyPoints)) {
    const keys = new Set(partsOf(keyPoint).flatMap((p) => p.options.flat().map(unitKey)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= TOPIC_MIN_POINTS).map(([key]) => key));
}

function topicLemmas(keyPoints: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const keyPoint of new Set(keyPoints))
    for (const w of alignWordsOf(keyPoint)) counts.set(w.lemma, (counts.get(w.lemma) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= TOPIC_MIN_POINTS).map(([lemma]) => lemma));
}

function discountTopic(parts: readonly Part[], topical: ReadonlySet<string>): Part[] {
  if (topical.size === 0) return [...parts];
  const weigh = (u: Unit): Unit => (topical.has(unitKey(u)) ? { ...u, weight: u.weight * TOPIC_FACTOR } : u);
  return parts.map((part) => {
    const options = part.options.map((units) => units.map(weigh));
    if (part.options.length > 1) return { options, weight: part.weight };
    return { options, weight: options[0]?.[0]?.weight ?? part.weight };
  });
}

/**
 * Which key points the answer covers (by concept: stems, synonyms, abbreviations) and which it
 * misses. A key point is judged against each sentence of the answer and each pair of
 * neighbouring sentences; the best part decides. Word vectors add credit for words close in
 * meaning; `options.tuning` overrides the dev-tuned weights (for measuring, not for callers).
 * @example keyPointCoverage("We added weight decay to stop overfitting.", ["L2 regularisation"]).covered // ["L2 regularisation"]
 */
export function keyPointCoverage(
  answer: string,
  keyPoints: readonly string[],
  options: CoverageOptions = {},
): Coverage {
  // Sentence embeddings are read by the default scorer only, and only when every text was prepared.
  const sentences = options.scorer === undefined ? options.embeddings : undefined;
  const best = bestWindows(answer, keyPoints, { ...COVERAGE_TUNING, ...options.tuning }, sentences);
  const withSentences = best.some((b) => b.features.length === COVERAGE_SENTENCE_FEATURES.length);
  const scorer =
    options.scorer !== undefined
      ? options.scorer
      : withSentences
        ? COVERAGE_SENTENCE_SCORER
        : COVERAGE_SCORER;
  const threshold = options.threshold ?? scorer?.threshold ?? COVERAGE_THRESHOLD;
  const points = best.map((best, i): KeyPointResult => {
    const keyPoint = keyPoints[i] as string;
    const raw = scorer === null ? best.window.score : learnedScore(scorer, best.features);
    const score = Math.round(raw * 1000) / 1000;
    // A denial (or none of a list's alternatives) is a veto the learned scorer cannot outweigh,
    // and it does not lift a point whose rule score is far below the rule's own threshold.
    const covered =
      score >= threshold &&
      best.window.score > 0 &&
      (scorer === null || (!best.window.capped && passesRuleFloor(best.features)));
    return {
      keyPoint,
      covered,
      score,
      ...(covered && best.evidence !== undefined ? { evidence: best.evidence } : {}),
    };
  });
  return {
    points,
    covered: points.filter((p) => p.covered).map((p) => p.keyPoint),
    missed: points.filter((p) => !p.covered).map((p) => p.keyPoint),
  };
}

export interface CoverageOptions {
  /** Overrides the scorer's threshold (the rule score's 0.39 when `scorer` is null). */
  threshold?: number;
  /** Overrides the dev-tuned weights of the rule score (for measuring, not for callers). */
  tuning?: Partial<CoverageTuning>;
  /** The learned scorer to decide with; null: the rule score alone. Default: the committed one. */
  scorer?: CoverageScorer | null;
  /**
   * Sentence embeddings of `coverageTexts(answer, keyPoints)`, prepared by the app layer. With
   * them the default scorer also reads how close each key point is to a sentence or clause of
   * the answer in meaning (docs/drill.md); without them, or when a text is missing, or with an
   * explicit `scorer`, the result is exactly what it is without embeddings.
   */
  embeddings?: SentenceEmbeddings;
}

/**
 * A logistic regression over `COVERAGE_FEATURES`, fitted on the train and dev judgements by
 * `scripts/coverage-fit.ts`, its threshold chosen on dev (docs/drill.md).
 */
export interface CoverageScorer {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  threshold: number;
}

/** What the learned scorer reads for one key point, all from the window with the best rule score. */
export const COVERAGE_FEATURES = [
  "rule score",
  "concept share",
  "alignment",
  "denied or unmet",
  "ML ideas found",
  "has ML ideas",
  "other words found",
  "ideas in the key point (log)",
  "words in the answer (log)",
  "two sentences",
  "other key points met in the same window",
  "the window denies something",
  "words in the window (log)",
] as const;

/**
 * The learned scorer covers no key point below the rule floor: a rule score of
 * `LEARNED_RULE_FLOOR`, or with sentence embeddings `SENTENCE_RULE_FLOOR` and a lead in meaning
 * over the other key points above `SENTENCE_LEAD`.
 */
export function passesRuleFloor(features: readonly number[]): boolean {
  const rule = features[0] as number;
  if (rule >= LEARNED_RULE_FLOOR) return true;
  const lead = features[COVERAGE_SENTENCE_FEATURES.length - 1];
  return (
    features.length === COVERAGE_SENTENCE_FEATURES.length &&
    rule >= SENTENCE_RULE_FLOOR &&
    (lead as number) > SENTENCE_LEAD
  );
}

/** The features of the scorer that also reads sentence embeddings: the above and two more. */
export const COVERAGE_SENTENCE_FEATURES = [
  ...COVERAGE_FEATURES,
  "sentence embedding: best cosine with a part of the answer",
  "sentence embedding: best lead over the other key points in one part",
] as const;

export const COVERAGE_SCORER: CoverageScorer | null = checkScorer(scorerData.plain, COVERAGE_FEATURES);
/** The scorer used when the app layer passes sentence embeddings. */
export const COVERAGE_SENTENCE_SCORER: CoverageScorer = checkScorer(
  scorerData.sentences,
  COVERAGE_SENTENCE_FEATURES,
);

function checkScorer(data: CoverageScorer, features: readonly string[]): CoverageScorer {
  const same =
    data.features.length === features.length &&
    data.features.every((f, i) => f === features[i]) &&
    data.weights.length === features.length;
  if (!same)
    throw new Error(
      "src/core/semantic/data/coverage-scorer.json does not match COVERAGE_FEATURES: refit it with `npx tsx scripts/coverage-fit.ts`",
    );
  return data;
}

function learnedScore(scorer: CoverageScorer, features: readonly number[]): number {
  let z = scorer.bias;
  for (let i = 0; i < features.length; i++) z += (scorer.weights[i] as number) * (features[i] as number);
  return 1 / (1 + Math.exp(-z));
}

interface Best {
  window: WindowScore;
  evidence: string | undefined;
  features: number[];
}

function bestWindows(
  answer: string,
  keyPoints: readonly string[],
  tuning: CoverageTuning,
  embeddings?: SentenceEmbeddings,
): Best[] {
  const { sentences, windows } = partsOfAnswer(answer);
  const fromSentences = sentenceFeatures(answer, keyPoints, embeddings);
  // Each window is read once for all the key points.
  const readings = windows.map((w) => readWindow(sayDifference(w)));
  const topical = topicUnits(keyPoints);
  const topicWords = topicLemmas(keyPoints);
  const answerWords = (answer.match(WORD) ?? []).length;
  // Every key point's rule score in every window: a window that meets many key points at once
  // is often a list of names ("caching, autoscaling, quantisation").
  const scores = keyPoints.map((keyPoint) => {
    const parts = discountTopic(partsOf(keyPoint), topical);
    const words = alignWordsOf(keyPoint).map((w) => ({
      ...w,
      weight: rarityWeight(w.word) * (topicWords.has(w.lemma) ? TOPIC_FACTOR : 1),
    }));
    const raw = rawWordsOf(keyPoint);
    return { parts, windows: readings.map((reading) => scoreIn(parts, words, reading, tuning, raw)) };
  });
  const bestAt = scores.map(({ windows: inWindow }) => {
    let at = -1;
    inWindow.forEach((score, w) => {
      if (score.score > (inWindow[at]?.score ?? 0)) at = w;
    });
    return at;
  });
  return scores.map(({ parts, windows: inWindow }, k): Best => {
    const at = bestAt[k] as number;
    const best = inWindow[at] ?? NO_SCORE;
    // The other key points this same window meets best, at the threshold.
    const others =
      at < 0 || keyPoints.length < 2
        ? 0
        : scores.filter(
            (o, j) => j !== k && bestAt[j] === at && (o.windows[at]?.score ?? 0) >= COVERAGE_THRESHOLD,
          ).length /
          (keyPoints.length - 1);
    const reading = at < 0 ? undefined : readings[at];
    const features = [
      best.score,
      best.concept,
      best.aligned,
      best.capped ? 1 : 0,
      best.ideaShare,
      best.hasIdeas ? 1 : 0,
      best.plainShare,
      Math.log1p(parts.length) / 3,
      Math.log1p(answerWords) / 5,
      at >= sentences.length ? 1 : 0,
      others,
      reading !== undefined && reading.deniedWords.length > 0 ? 1 : 0,
      Math.log1p(at < 0 ? 0 : ((windows[at] as string).match(WORD) ?? []).length) / 5,
      ...(fromSentences?.[k] ?? []),
    ];
    return { window: best, evidence: at < 0 ? undefined : windows[at], features };
  });
}

const NO_SCORE: WindowScore = {
  score: 0,
  concept: 0,
  aligned: 0,
  capped: false,
  ideaShare: 0,
  hasIdeas: false,
  plainShare: 0,
};

/**
 * The learned scorer's features for each key point (`COVERAGE_FEATURES`, or
 * `COVERAGE_SENTENCE_FEATURES` when every text's embedding is given), for fitting it.
 * @example coverageFeatures("Bagging reduces variance.", ["bagging reduces variance"])[0]?.length // 13
 */
export function coverageFeatures(
  answer: string,
  keyPoints: readonly string[],
  embeddings?: SentenceEmbeddings,
): number[][] {
  return bestWindows(answer, keyPoints, COVERAGE_TUNING, embeddings).map((b) => b.features);
}

/** One labelled judgement: does `answer` cover `keyPoint`? */
export interface CoverageJudgement {
  id: string;
  /** "train" judgements fit the learned scorer and are never evaluated on. */
  split: "train" | "dev" | "test";
  answer: string;
  keyPoint: string;
  covered: boolean;
  /** Every key point of the question (the judged one included), as the drill passes them. */
  keyPoints?: readonly string[];
}

export interface CoverageFigures {
  judgements: number;
  positives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  errors: Array<{ id: string; keyPoint: string; expected: boolean; score: number }>;
}

/**
 * Precision and recall of `keyPointCoverage` on labelled judgements.
 * @example measureCoverage(judgements.filter((j) => j.split === "test")).recall
 */
export function measureCoverage(
  judgements: readonly CoverageJudgement[],
  options: CoverageOptions = {},
): CoverageFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: CoverageFigures["errors"] = [];
  for (const j of judgements) {
    const siblings = j.keyPoints ?? [j.keyPoint];
    const result = keyPointCoverage(j.answer, siblings, options).points[siblings.indexOf(j.keyPoint)];
    const got = result?.covered === true;
    if (got && j.covered) tp++;
    else if (got) fp++;
    else if (j.covered) fn++;
    if (got !== j.covered)
      errors.push({ id: j.id, keyPoint: j.keyPoint, expected: j.covered, score: result?.score ?? 0 });
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    judgements: judgements.length,
    positives: judgements.filter((j) => j.covered).length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: round(tp + fp === 0 ? 1 : tp / (tp + fp)),
    recall: round(tp + fn === 0 ? 1 : tp / (tp + fn)),
    errors,
  };
}
