/**
 * Word vectors: how close two words are in meaning, for the matchers that must recognise a
 * paraphrase they have no lexicon entry for ("mentored" ~ "coached", "latency" ~ "slow").
 *
 * The vectors are GloVe's (6B tokens, 100 dimensions; public domain, PDDL), distilled by
 * scripts/distill-vectors.ts to about 40,000 frequent words plus the words of derisk's own
 * lexicons and banks, each unit length and quantised to signed bytes. Pure and synchronous:
 * decoded once, on first use, from the committed JSON.
 */
import distilled from "./data/word-vectors.json" with { type: "json" };

interface Distilled {
  dimensions: number;
  scale: number;
  words: string;
  ranks: string;
  vectors: string;
}

interface Table {
  dims: number;
  index: Map<string, number>;
  ranks: Uint32Array;
  data: Int8Array;
}

let table: Table | undefined;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const SEXTET = new Uint8Array(128);
for (let i = 0; i < BASE64.length; i++) SEXTET[BASE64.charCodeAt(i)] = i;

/** Base64 to bytes, without atob's intermediate string (4 MB of vectors decode in a few ms). */
function base64Bytes(text: string): Uint8Array {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let j = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      ((SEXTET[text.charCodeAt(i)] ?? 0) << 18) |
      ((SEXTET[text.charCodeAt(i + 1)] ?? 0) << 12) |
      ((SEXTET[text.charCodeAt(i + 2)] ?? 0) << 6) |
      (SEXTET[text.charCodeAt(i + 3)] ?? 0);
    bytes[j++] = n >>> 16;
    if (j < bytes.length) bytes[j++] = (n >>> 8) & 255;
    if (j < bytes.length) bytes[j++] = n & 255;
  }
  return bytes;
}

function load(): Table {
  if (table) return table;
  const d = distilled as Distilled;
  const words = d.words.split(" ");
  const index = new Map<string, number>();
  words.forEach((w, i) => {
    index.set(w, i);
  });
  const rankBytes = base64Bytes(d.ranks);
  const vectorBytes = base64Bytes(d.vectors);
  table = {
    dims: d.dimensions,
    index,
    ranks: new Uint32Array(rankBytes.buffer, rankBytes.byteOffset, words.length),
    data: new Int8Array(vectorBytes.buffer, vectorBytes.byteOffset, words.length * d.dimensions),
  };
  return table;
}

/** The number of dimensions of every vector. */
export const VECTOR_DIMENSIONS = (distilled as Distilled).dimensions;

/**
 * A word's unit vector (lower-cased before lookup), or undefined when the word is unknown.
 * @example wordVector("latency")?.length // 100
 */
export function wordVector(word: string): Float32Array | undefined {
  const t = load();
  const i = t.index.get(word.toLowerCase());
  if (i === undefined) return undefined;
  const v = new Float32Array(t.dims);
  const offset = i * t.dims;
  for (let d = 0; d < t.dims; d++) v[d] = (t.data[offset + d] ?? 0) / 127;
  return v;
}

/**
 * A word's frequency rank in GloVe's corpus (0 = "the"), or undefined when unknown: rare words
 * say more about a text than common ones, so callers weight by it.
 * @example wordRank("the") // 0
 */
export function wordRank(word: string): number | undefined {
  const t = load();
  const i = t.index.get(word.toLowerCase());
  return i === undefined ? undefined : t.ranks[i];
}

/**
 * The cosine of two words' vectors, in [-1, 1]; 1 for the same known word, undefined when
 * either word is unknown.
 * @example wordSimilarity("mentor", "coach") > wordSimilarity("mentor", "invoice") // true
 */
export function wordSimilarity(a: string, b: string): number | undefined {
  const t = load();
  const i = t.index.get(a.toLowerCase());
  const j = t.index.get(b.toLowerCase());
  if (i === undefined || j === undefined) return undefined;
  if (i === j) return 1;
  let dot = 0;
  const oi = i * t.dims;
  const oj = j * t.dims;
  for (let d = 0; d < t.dims; d++) dot += (t.data[oi + d] ?? 0) * (t.data[oj + d] ?? 0);
  return dot / (127 * 127);
}

/**
 * A rarity weight for a word from its frequency rank: about 1 for the commonest words, rising
 * with the log of the rank (an idf stand-in); unknown words weigh like the rarest known ones.
 * @example rarityWeight("model") < rarityWeight("regularisation") // true
 */
export function rarityWeight(word: string): number {
  const rank = wordRank(word);
  return Math.log(10 + (rank ?? 400_000)) / Math.log(10);
}

/**
 * The weighted mean of the known words' unit vectors (not normalised), or undefined when no
 * word is known. `weight` defaults to 1 per word.
 * @example textVector(["reduced", "latency"])?.length // 100
 */
export function textVector(
  words: readonly string[],
  weight: (word: string) => number = () => 1,
): Float32Array | undefined {
  const t = load();
  const sum = new Float32Array(t.dims);
  let total = 0;
  for (const word of words) {
    const i = t.index.get(word.toLowerCase());
    if (i === undefined) continue;
    const w = weight(word);
    if (w <= 0) continue;
    const offset = i * t.dims;
    for (let d = 0; d < t.dims; d++) sum[d] = (sum[d] ?? 0) + ((t.data[offset + d] ?? 0) / 127) * w;
    total += w;
  }
  if (total === 0) return undefined;
  for (let d = 0; d < t.dims; d++) sum[d] = (sum[d] ?? 0) / total;
  return sum;
}

/**
 * The cosine of two vectors of the same length (0 when either is all zeros).
 * @example vectorCosine(new Float32Array([1, 0]), new Float32Array([1, 1])) // ≈ 0.707
 */
export function vectorCosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    const x = a[d] ?? 0;
    const y = b[d] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

let mean: Float32Array | undefined;

/**
 * The mean of every word's unit vector: the direction all GloVe words share, which callers
 * subtract so that frequent words stop looking alike ("all but the top", Mu and Viswanath 2018).
 * @example meanVector().length // 100
 */
export function meanVector(): Float32Array {
  if (mean) return mean;
  const t = load();
  const sum = new Float32Array(t.dims);
  const n = t.index.size;
  for (let i = 0; i < n; i++) {
    const offset = i * t.dims;
    for (let d = 0; d < t.dims; d++) sum[d] = (sum[d] ?? 0) + (t.data[offset + d] ?? 0) / 127;
  }
  for (let d = 0; d < t.dims; d++) sum[d] = (sum[d] ?? 0) / n;
  mean = sum;
  return sum;
}
