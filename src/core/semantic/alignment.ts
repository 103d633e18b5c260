/**
 * Soft alignment by word vectors: how close in meaning the words of a query are to the words of
 * a candidate when they share no lexicon concept and few words. The matcher's recall on wording
 * it has no lexicon entry for ("mediated a dispute" for "resolving conflicts") comes from here.
 *
 * Words the two texts share (the same lemma, or one word family: "procured" / "procurement")
 * are left out on both sides: a shared word is what a hard negative is made of ("resolved the
 * merge conflicts" for "resolving conflicts between team members"), so only the words around
 * it — its context — say whether the candidate means the same thing.
 */
import { meanVector, wordRank, wordVector } from "./vectors.ts";

/** A content word of a text with its vector and its weight (rarer words weigh more). */
export interface VectorWord {
  /** The matcher's lemma, to tell shared words apart. */
  lemma: string;
  /** The word as written (lower-cased), for display. */
  word: string;
  weight: number;
  vector: Float32Array;
  /** A number per distinct word (see `wordId`), for the similarity cache. */
  id: number;
}

/** A text's vector words, read once: their weighted sum is reused by every comparison. */
export interface VectorText {
  words: readonly VectorWord[];
  /** Σ weight × vector over `words`. */
  sum: Float32Array;
  /** Each word's lemma as a number. */
  lemmas: Int32Array;
  /** Each word's family as a number: its first five letters; -1 for a shorter word. */
  families: Int32Array;
  /** dot(sum, sum). */
  norm2: number;
}

export interface Alignment {
  /** Cosine of the weighted mean vectors of the two texts' unshared words (-1..1). */
  context: number;
  /** Weighted mean, over the query's unshared words, of the best cosine to a candidate word (0..1). */
  align: number;
}

const VECTORS = new Map<string, Float32Array | null>();
const IDS = new Map<string, number>();
const LEMMAS = new Map<string, number>();
const FAMILIES = new Map<string, number>();

function idIn(map: Map<string, number>, key: string): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
  }
  return id;
}

/** A number per distinct word, the same for as long as the module is loaded. */
export function wordId(word: string): number {
  return idIn(IDS, word);
}

// Word-pair cosines already computed: a tailoring compares the same few hundred words over and
// over (every requirement against every sentence of the bank). One row per query word, indexed
// by the candidate word's id in blocks of 1,024 (NaN until computed): array reads, not a hash
// lookup, per pair, and memory only for the blocks of words a query word meets.
type Row = Array<Float64Array | undefined>;
const BLOCK_BITS = 10;
const BLOCK = 1 << BLOCK_BITS;
let rows: Array<Row | undefined> = [];
let cells = 0;
const SIMILARITY_LIMIT = 2_000_000;

/** The cosines of `a` computed so far, by the other word's id. */
function rowOf(a: VectorWord): Row {
  let row = rows[a.id];
  if (row === undefined) {
    row = [];
    rows[a.id] = row;
  }
  return row;
}

/** The cosine of `a` and `b`, from `a`'s row (see `rowOf`). */
function similarityIn(row: Row, a: VectorWord, b: VectorWord): number {
  let block = row[b.id >> BLOCK_BITS];
  if (block !== undefined) {
    const s = block[b.id & (BLOCK - 1)] as number;
    if (!Number.isNaN(s)) return s;
  } else {
    if (cells + BLOCK > SIMILARITY_LIMIT) {
      // Start over; the row in hand still serves the comparison under way.
      rows = [];
      cells = 0;
    }
    block = new Float64Array(BLOCK).fill(Number.NaN);
    row[b.id >> BLOCK_BITS] = block;
    cells += BLOCK;
  }
  const s = dot(a.vector, b.vector);
  block[b.id & (BLOCK - 1)] = s;
  return s;
}

// British spellings and inflections GloVe may only know in another form.
const VARIANTS: Array<[RegExp, string]> = [
  [/isation(s?)$/, "ization$1"],
  [/ise(s|d)?$/, "ize$1"],
  [/ising$/, "izing"],
  [/yse(s|d)?$/, "yze$1"],
  [/ysing$/, "yzing"],
  [/our(s?)$/, "or$1"],
  [/tre(s?)$/, "ter$1"],
  [/ies$/, "y"],
  [/es$/, ""],
  [/s$/, ""],
];

/**
 * The vector of a word as written, or of its American spelling or singular when GloVe does not
 * know the word itself ("optimising" → "optimizing", "registries" → "registry"); centred on
 * the mean of all words and scaled to unit length, so that frequent words stop looking alike.
 * @example vectorOf("localisation") !== undefined // true
 */
export function vectorOf(word: string): Float32Array | undefined {
  const cached = VECTORS.get(word);
  if (cached !== undefined) return cached ?? undefined;
  let v = wordVector(word);
  for (const [pattern, replacement] of VARIANTS) {
    if (v !== undefined) break;
    if (pattern.test(word)) v = wordVector(word.replace(pattern, replacement));
  }
  if (v !== undefined) {
    const m = meanVector();
    let n = 0;
    for (let d = 0; d < v.length; d++) {
      v[d] = (v[d] as number) - (m[d] as number);
      n += (v[d] as number) ** 2;
    }
    n = Math.sqrt(n);
    for (let d = 0; d < v.length; d++) v[d] = (v[d] as number) / n;
  }
  VECTORS.set(word, v ?? null);
  return v;
}

/** Smooth inverse frequency: the commonest words weigh about nothing, rare ones about 1. */
export function vectorWeight(word: string): number {
  const rank = wordRank(word) ?? 100_000;
  return rank / (rank + 200);
}

/**
 * A text's vector words with their weighted sum.
 * @example vectorText([]).words.length // 0
 */
export function vectorText(words: readonly VectorWord[]): VectorText {
  const sum = new Float32Array(words[0]?.vector.length ?? 0);
  for (const w of words) addScaled(sum, w.vector, w.weight);
  return {
    words,
    sum,
    lemmas: Int32Array.from(words, (w) => idIn(LEMMAS, w.lemma)),
    families: Int32Array.from(words, (w) => (w.word.length >= 5 ? idIn(FAMILIES, w.word.slice(0, 5)) : -1)),
    norm2: dot(sum, sum),
  };
}

function addScaled(into: Float32Array, v: Float32Array, k: number): void {
  for (let d = 0; d < into.length; d++) into[d] = (into[d] as number) + k * (v[d] as number);
}

function dot(a: Float32Array, b: Float32Array): number {
  // Four terms a step, still added one by one in order: the same sum as a plain loop, sooner.
  const n = a.length;
  let s = 0;
  let d = 0;
  for (; d + 3 < n; d += 4) {
    s += (a[d] as number) * (b[d] as number);
    s += (a[d + 1] as number) * (b[d + 1] as number);
    s += (a[d + 2] as number) * (b[d + 2] as number);
    s += (a[d + 3] as number) * (b[d + 3] as number);
  }
  for (; d < n; d++) s += (a[d] as number) * (b[d] as number);
  return s;
}

const SCRATCH_Q = new Float32Array(256);
const SCRATCH_C = new Float32Array(256);

/** The sum without the shared words, written into `into` (scratch space, reused). */
function without(text: VectorText, shared: Uint8Array, into: Float32Array): Float32Array {
  const out = into.subarray(0, text.sum.length);
  out.set(text.sum);
  for (let i = 0; i < text.words.length; i++) {
    const w = text.words[i] as VectorWord;
    if (shared[i]) addScaled(out, w.vector, -w.weight);
  }
  return out;
}

/** Whether some of the first `n` words are not shared. */
function anyLeft(shared: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!shared[i]) return true;
  return false;
}

/** A text's sum without some of its words (a bit per word left out), with its dot with itself. */
interface Masked {
  mask: number;
  sum: Float32Array;
  norm2: number;
}

// A query meets many candidates that share the same few of its words, and a candidate many
// queries: each text keeps the sums it was asked for without its shared words.
const MASKED = new WeakMap<VectorText, Masked[]>();
const MASKED_PER_TEXT = 8;

/** `without` and its dot with itself, from the text's cache when its words fit in a bit mask. */
function maskedSum(text: VectorText, shared: Uint8Array, scratch: Float32Array): Masked {
  const n = text.words.length;
  let mask = -1;
  let list: Masked[] | undefined;
  if (n <= 30) {
    mask = 0;
    for (let i = 0; i < n; i++) if (shared[i]) mask |= 1 << i;
    list = MASKED.get(text);
    if (list === undefined) {
      list = [];
      MASKED.set(text, list);
    }
    for (const m of list) if (m.mask === mask) return m;
  }
  const keep = list !== undefined && list.length < MASKED_PER_TEXT;
  const sum = without(text, shared, keep ? new Float32Array(text.sum.length) : scratch);
  const entry = { mask, sum, norm2: dot(sum, sum) };
  if (keep) list?.push(entry);
  return entry;
}

// Scratch space for one comparison at a time (the matcher is synchronous): no allocation per pair.
let qShared = new Uint8Array(64);
let cShared = new Uint8Array(64);

/** Marks the words of each text that the other has too (one family), in the scratch arrays. */
function markShared(query: VectorText, candidate: VectorText): boolean {
  const qw = query.words;
  const cw = candidate.words;
  if (qShared.length < qw.length) qShared = new Uint8Array(qw.length * 2);
  if (cShared.length < cw.length) cShared = new Uint8Array(cw.length * 2);
  for (let i = 0; i < qw.length; i++) qShared[i] = 0;
  for (let j = 0; j < cw.length; j++) cShared[j] = 0;
  let any = false;
  for (let i = 0; i < qw.length; i++) {
    const la = query.lemmas[i] as number;
    const fa = query.families[i] as number;
    for (let j = 0; j < cw.length; j++) {
      // One family: the same lemma, or the same first five letters ("procured", "procurement").
      if (la === candidate.lemmas[j] || (fa >= 0 && fa === candidate.families[j])) {
        qShared[i] = 1;
        cShared[j] = 1;
        any = true;
      }
    }
  }
  return any;
}

/**
 * Marks the shared words (in the scratch arrays) and returns the cosine of the two texts' sums
 * without them: `Alignment.context`.
 */
function unsharedContext(query: VectorText, candidate: VectorText): number {
  const anyShared = markShared(query, candidate);
  if (
    !anyLeft(qShared, query.words.length) ||
    !anyLeft(cShared, candidate.words.length) ||
    query.sum.length === 0 ||
    query.sum.length > SCRATCH_Q.length
  ) {
    return 0;
  }
  if (anyShared) {
    const a = maskedSum(query, qShared, SCRATCH_Q);
    const b = maskedSum(candidate, cShared, SCRATCH_C);
    const n = Math.sqrt(a.norm2 * b.norm2);
    return n === 0 ? 0 : dot(a.sum, b.sum) / n;
  }
  const n = Math.sqrt(query.norm2 * candidate.norm2);
  return n === 0 ? 0 : dot(query.sum, candidate.sum) / n;
}

/**
 * How the unshared words of `query` relate to those of `candidate` in meaning.
 * @example alignWords(vectorText(q), vectorText(c)).context > 0.3
 */
export function alignWords(query: VectorText, candidate: VectorText, withAlign = true): Alignment {
  const context = unsharedContext(query, candidate);
  if (!withAlign) return { context, align: 0 };
  const qw = query.words;
  const cw = candidate.words;
  let got = 0;
  let total = 0;
  for (let i = 0; i < qw.length; i++) {
    if (qShared[i]) continue;
    const w = qw[i] as VectorWord;
    total += w.weight;
    if (w.weight === 0) continue;
    const row = rowOf(w);
    let best = 0;
    for (let j = 0; j < cw.length; j++) {
      if (cShared[j]) continue;
      const s = similarityIn(row, w, cw[j] as VectorWord);
      if (s > best) best = s;
    }
    got += w.weight * best;
  }
  return { context, align: total === 0 ? 0 : got / total };
}

/**
 * The query's unshared words weighing at least 0.5, each with the closest unshared candidate
 * word and their cosine, closest first: what a vector match shows as its shared ground.
 * @example alignedPairs(vectorText(q), vectorText(c))[0] // ["conflicts", "dispute", 0.62]
 */
export function alignedPairs(query: VectorText, candidate: VectorText): Array<[string, string, number]> {
  markShared(query, candidate);
  const out: Array<[string, string, number]> = [];
  for (let i = 0; i < query.words.length; i++) {
    const w = query.words[i] as VectorWord;
    if (qShared[i] || w.weight < 0.5) continue;
    const row = rowOf(w);
    let best = 0;
    let partner = "";
    for (let j = 0; j < candidate.words.length; j++) {
      if (cShared[j]) continue;
      const x = candidate.words[j] as VectorWord;
      const s = similarityIn(row, w, x);
      if (s > best) {
        best = s;
        partner = x.word;
      }
    }
    if (partner !== "") out.push([w.word, partner, best]);
  }
  return out.sort((a, b) => b[2] - a[2]);
}

/** How each unshared query word finds its closest candidate word: what the learned scorer reads. */
export interface AlignmentProfile extends Alignment {
  /** Share of the query's vector weight on words the candidate has too (one family). */
  sharedWeight: number;
  /** Weighted share of the unshared query words whose best cosine reaches 0.35, 0.5, 0.65. */
  coverage: [number, number, number];
  /** The lowest best cosine over unshared query words weighing at least 0.5 (1 when there are none). */
  weakest: number;
  /** The highest best cosine over unshared query words (0 when there are none). */
  strongest: number;
  /** The best cosine of the query's rarest word (its most specific one; 1 when the candidate uses it). */
  rarest: number;
  /** The other way round, candidate to query: `align`, coverage at 0.5 and shared weight. */
  back: { align: number; coverage: number; sharedWeight: number };
}

const CUTOFFS = [0.35, 0.5, 0.65] as const;
let bestOfCandidate = new Float64Array(64);

/** A fresh profile to fill. */
export function emptyProfile(): AlignmentProfile {
  return {
    context: 0,
    align: 0,
    sharedWeight: 0,
    coverage: [0, 0, 0],
    weakest: 1,
    strongest: 0,
    rarest: 1,
    back: { align: 0, coverage: 0, sharedWeight: 0 },
  };
}

/**
 * The word-by-word profile of an alignment, both ways (see `AlignmentProfile`): one pass over
 * the word pairs, since a cosine is the same either way round. Written into `into` when given
 * (a caller comparing many pairs reuses one profile instead of allocating one a pair).
 * @example alignmentProfile(vectorText(q), vectorText(c)).coverage[0] // 0.8
 */
export function alignmentProfile(
  query: VectorText,
  candidate: VectorText,
  into: AlignmentProfile = emptyProfile(),
): AlignmentProfile {
  // The context marks the shared words; the profile reuses the marks.
  const context = unsharedContext(query, candidate);
  const qw = query.words;
  const cw = candidate.words;
  if (bestOfCandidate.length < cw.length) bestOfCandidate = new Float64Array(cw.length * 2);
  for (let j = 0; j < cw.length; j++) bestOfCandidate[j] = 0;
  let got = 0;
  let sharedW = 0;
  let total = 0;
  let unsharedW = 0;
  let covered35 = 0;
  let covered50 = 0;
  let covered65 = 0;
  let weakest = 1;
  let strongest = 0;
  let rarestWeight = -1;
  let rarest = 1;
  for (let i = 0; i < qw.length; i++) {
    const w = qw[i] as VectorWord;
    total += w.weight;
    if (qShared[i]) {
      sharedW += w.weight;
      if (w.weight > rarestWeight) {
        rarestWeight = w.weight;
        rarest = 1;
      }
      continue;
    }
    const row = rowOf(w);
    let best = 0;
    for (let j = 0; j < cw.length; j++) {
      if (cShared[j]) continue;
      const s = similarityIn(row, w, cw[j] as VectorWord);
      if (s > best) best = s;
      if (s > (bestOfCandidate[j] as number)) bestOfCandidate[j] = s;
    }
    if (w.weight === 0) continue;
    unsharedW += w.weight;
    got += w.weight * best;
    if (best >= CUTOFFS[0]) covered35 += w.weight;
    if (best >= CUTOFFS[1]) covered50 += w.weight;
    if (best >= CUTOFFS[2]) covered65 += w.weight;
    if (w.weight >= 0.5 && best < weakest) weakest = best;
    if (best > strongest) strongest = best;
    if (w.weight > rarestWeight) {
      rarestWeight = w.weight;
      rarest = best;
    }
  }
  let backGot = 0;
  let backCovered = 0;
  let backShared = 0;
  let backTotal = 0;
  let backUnshared = 0;
  for (let j = 0; j < cw.length; j++) {
    const w = (cw[j] as VectorWord).weight;
    backTotal += w;
    if (cShared[j]) {
      backShared += w;
      continue;
    }
    backUnshared += w;
    backGot += w * (bestOfCandidate[j] as number);
    if ((bestOfCandidate[j] as number) >= 0.5) backCovered += w;
  }
  const u = unsharedW === 0 ? 0 : 1 / unsharedW;
  const bu = backUnshared === 0 ? 0 : 1 / backUnshared;
  into.context = context;
  into.align = got * u;
  into.sharedWeight = total === 0 ? 0 : sharedW / total;
  into.coverage[0] = covered35 * u;
  into.coverage[1] = covered50 * u;
  into.coverage[2] = covered65 * u;
  into.weakest = weakest;
  into.strongest = strongest;
  into.rarest = rarest;
  into.back.align = backGot * bu;
  into.back.coverage = backCovered * bu;
  into.back.sharedWeight = backTotal === 0 ? 0 : backShared / backTotal;
  return into;
}
