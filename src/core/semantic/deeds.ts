/**
 * Deed prototypes (docs/matching.md, "Round 29b"): for each soft concept of the lexicon, a few
 * first-person sentences written by us that show it by what was done ("I coached a new hire through
 * their first release" for mentoring), stored as text in data/deed-prototypes.json. Only the
 * encoder-aware path reads them: the app layer encodes them with the rest (`textsToEmbed`), and a
 * candidate whose best sentence-encoder cosine to a concept's prototypes reaches `DEED_COSINE` meets
 * that concept's ask when the lexicons found nothing of it. The plain path never looks at them.
 */
import data from "./data/deed-prototypes.json" with { type: "json" };
import { type SentenceEmbeddings, unitCosine } from "./sentence-embeddings.ts";

/** Prototypes by concept id. */
export const DEED_PROTOTYPES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries((data as { concepts: Record<string, string[]> }).concepts),
);

/** Every prototype sentence, for the app layer to encode. */
export const DEED_TEXTS: readonly string[] = [...DEED_PROTOTYPES.values()].flat();

/**
 * The cosine at which a candidate's deed meets a soft concept's ask; chosen on dev g001–g596 by the
 * rule written in docs/matching.md ("Round 29b") before it was measured.
 */
export const DEED_COSINE = 0.6;

/**
 * The best cosine between any of `vectors` (a candidate and its clauses) and the prototypes of any
 * of the concepts `ids`; undefined when the lookup does not know a prototype of them (not prepared).
 * @example deedCosine(embeddings, [embeddings.get("I coached a new hire")!], ["soft.mentoring"]) > 0.5
 */
export function deedCosine(
  embeddings: SentenceEmbeddings,
  vectors: readonly Float32Array[],
  ids: readonly string[],
): number | undefined {
  let best = Number.NEGATIVE_INFINITY;
  let missing = false;
  // Every prototype is asked for, so that a lookup recording what it does not know learns all of
  // them in one pass (`withSentenceEmbeddings`).
  for (const id of ids)
    for (const text of DEED_PROTOTYPES.get(id) ?? []) {
      const p = embeddings.get(text);
      if (!p) {
        missing = true;
        continue;
      }
      for (const v of vectors) best = Math.max(best, unitCosine(v, p));
    }
  return missing || best === Number.NEGATIVE_INFINITY ? undefined : best;
}
