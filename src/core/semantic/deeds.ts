/**
 * Deed prototypes (docs/matching.md, "Round 29b", "Round 30"): for each soft concept of the lexicon, a few
 * first-person sentences written by us that show it by what was done ("I coached a new hire through
 * their first release" for mentoring), stored as text in data/deed-prototypes.json. Only the
 * encoder-aware path reads them: the app layer encodes them with the rest (`textsToEmbed`), and a
 * pair whose ask has a soft concept the lexicons found nothing of is decided by a second scorer that
 * reads the candidate's best cosine to that concept's prototypes (docs/matching.md, "Round 30").
 * The plain path never looks at them.
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
 * The best cosine between any of `vectors` (a candidate and its clauses) and the prototypes of any
 * of the concepts `ids`; undefined when the lookup does not know a prototype of them (not prepared).
 * @example deedCosine(embeddings, [embeddings.get("I coached a new hire")!], ["soft.mentoring"]) > 0.5
 */
export function deedCosine(
  embeddings: SentenceEmbeddings,
  vectors: readonly Float32Array[],
  ids: readonly string[],
): number | undefined {
  // Every prototype is asked for, so a lookup that records what it is asked learns all of them.
  let best = Number.NEGATIVE_INFINITY;
  let missing = false;
  for (const id of ids)
    for (const text of DEED_PROTOTYPES.get(id) ?? []) {
      const p = embeddings.get(text);
      if (!p) missing = true;
      else for (const v of vectors) best = Math.max(best, unitCosine(v, p));
    }
  return missing || best === Number.NEGATIVE_INFINITY ? undefined : best;
}

/**
 * The deed margin (docs/lab/matching-lab.md, "Round 30b"): the best cosine to a prototype of the
 * concepts `ids` minus the best cosine to a prototype of any other soft concept, so that a deed of
 * some other quality scores low; undefined when a prototype was not prepared.
 * @example deedMargin(embeddings, [embeddings.get("I coached a new hire")!], ["soft.mentoring"]) > 0
 */
export function deedMargin(
  embeddings: SentenceEmbeddings,
  vectors: readonly Float32Array[],
  ids: readonly string[],
): number | undefined {
  const own = deedCosine(embeddings, vectors, ids);
  const other = deedCosine(
    embeddings,
    vectors,
    [...DEED_PROTOTYPES.keys()].filter((id) => !ids.includes(id)),
  );
  return own === undefined || other === undefined ? undefined : own - other;
}
