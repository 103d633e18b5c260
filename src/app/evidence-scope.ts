/**
 * Whose experience the cross-document pools read. derisk's sample document is someone else's
 * made-up experience: while it is all the user has, it is the demo and every pool reads it; once
 * the user has material of their own (a document, or a story not drawn from the sample), tailor,
 * the trailer, coverage, follow-up links and story matching leave it out, and say so once.
 */
import type { Store } from "../store/index.ts";

/** Said once wherever the sample's material was left out. */
export const SAMPLE_LEFT_OUT = "The sample document is not used as your evidence.";

export interface EvidenceScope {
  /** The sample documents left out (empty when nothing is). */
  leftOut: ReadonlySet<string>;
  /** SAMPLE_LEFT_OUT when something is left out. */
  note?: string;
  /** Whether an item of this document is the user's evidence (or the document asked about). */
  keepsItem(item: { documentId: string }, asked?: string): boolean;
  /** Whether a story is the user's (not drawn from an answer of a left-out sample). */
  keepsStory(story: { sourceItemId?: string }): boolean;
}

/**
 * The scope of the user's evidence: which sample documents to leave out.
 * @example const scope = await evidenceScope(store, "local"); items.filter((i) => scope.keepsItem(i));
 */
export async function evidenceScope(store: Store, userId: string): Promise<EvidenceScope> {
  const documents = await store.documents.listDocuments(userId);
  const samples = documents.filter((d) => d.sample).map((d) => d.id);
  const everything: EvidenceScope = { leftOut: new Set(), keepsItem: () => true, keepsStory: () => true };
  if (samples.length === 0) return everything;
  const sampleItems = new Set<string>();
  for (const documentId of samples) {
    for (const item of await store.items.listItems(userId, { documentId })) sampleItems.add(item.id);
  }
  const fromSample = (story: { sourceItemId?: string }) =>
    story.sourceItemId !== undefined && sampleItems.has(story.sourceItemId);
  const ownDocument = documents.some((d) => !d.sample);
  const ownStory = !ownDocument && (await store.stories.listStories(userId)).some((s) => !fromSample(s));
  // The sample alone is the demo: it works as it always did.
  if (!ownDocument && !ownStory) return everything;
  const leftOut = new Set(samples);
  return {
    leftOut,
    note: SAMPLE_LEFT_OUT,
    keepsItem: (item, asked) => item.documentId === asked || !leftOut.has(item.documentId),
    keepsStory: (story) => !fromSample(story),
  };
}
