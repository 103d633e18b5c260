/**
 * The sentence tagger's dense part, as shipped: a score per word and tag. Training fits weights
 * over the mean of a sentence's word vectors (GloVe, scripts/lens-words.ts); a linear function of
 * a mean is the mean of the per-word values (w · mean(v) = mean(w · v)), so each word's vector is
 * replaced by its projection on every tag's weights, quantised to a signed byte. The analyzer then
 * needs no vectors: a sentence adds the mean of its known words' scores to each tag's logit.
 */

/** Per-word tag scores, word-major, as committed in the lens model. */
export interface WordScores {
  /** The tagger classes scored, each a column of `scores`. */
  classes: string[];
  /** The words, space-separated, in the order of their rows. */
  words: string;
  /** Signed bytes (two's complement), `classes.length` per word, base64. */
  scores: string;
  /** Per class: score = byte / scale. */
  scales: number[];
  /** Which lemmas of a sentence are read: all, or only its verbs'. */
  only?: "verbs";
}

interface Table {
  index: Map<string, number>;
  data: Int8Array;
  width: number;
  /** Per column: 1 / scale. */
  unit: Float64Array;
}

const tables = new WeakMap<WordScores, Table>();

function decode(text: string): Int8Array {
  const binary = atob(text);
  const out = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  return out;
}

function tableOf(scores: WordScores): Table {
  let table = tables.get(scores);
  if (table === undefined) {
    const index = new Map<string, number>();
    scores.words.split(" ").forEach((w, i) => {
      index.set(w, i);
    });
    table = {
      index,
      data: decode(scores.scores),
      width: scores.classes.length,
      unit: Float64Array.from(scores.scales, (s) => 1 / s),
    };
    tables.set(scores, table);
  }
  return table;
}

// Per column: the running sum of a sentence's word scores, reused.
let sums = new Int32Array(16);

/**
 * Adds to `logits[columns[c]]` the mean score of column c over the lemmas the table knows (words
 * it does not know are left out of the mean; a sentence with none adds nothing).
 * @example addWordScores(model.sentenceWords, ["probe", "unknown"], [7, 9, 1], logits)
 */
export function addWordScores(
  scores: WordScores,
  lemmas: readonly string[],
  columns: readonly number[],
  logits: Float64Array,
): void {
  const { index, data, width, unit } = tableOf(scores);
  if (sums.length < width) sums = new Int32Array(width);
  sums.fill(0, 0, width);
  let known = 0;
  for (const lemma of lemmas) {
    const row = index.get(lemma);
    if (row === undefined) continue;
    known += 1;
    const at = row * width;
    for (let c = 0; c < width; c += 1) sums[c] = (sums[c] as number) + (data[at + c] as number);
  }
  if (known === 0) return;
  for (let c = 0; c < width; c += 1) {
    const k = columns[c] as number;
    logits[k] = (logits[k] as number) + ((sums[c] as number) * (unit[c] as number)) / known;
  }
}
