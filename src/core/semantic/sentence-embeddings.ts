/**
 * Sentence embeddings as core sees them: a synchronous lookup of vectors that the app layer
 * computed beforehand (the encoder itself is asynchronous and runs in Node only, see
 * src/app/encoder.ts). Core never computes an embedding; a matcher that is given no lookup,
 * or a lookup that does not know a text, falls back to what it does without one. So the web
 * app and the lens worker, which have no encoder, keep working unchanged.
 */
export interface SentenceEmbeddings {
  /** The unit-length vector of `text`, or undefined when it was not prepared. */
  get(text: string): Float32Array | undefined;
}

/** Cosine of two unit-length vectors (their dot product). */
export function unitCosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) dot += (a[i] as number) * (b[i] as number);
  return dot;
}

/** The cosine of two texts' embeddings, or undefined when either was not prepared. */
export function embeddingSimilarity(
  embeddings: SentenceEmbeddings | undefined,
  a: string,
  b: string,
): number | undefined {
  if (!embeddings) return undefined;
  const va = embeddings.get(a);
  if (!va) return undefined;
  const vb = embeddings.get(b);
  if (!vb) return undefined;
  return unitCosine(va, vb);
}
