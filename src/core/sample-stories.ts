/**
 * The stories that go when the sample document is deleted: those drawn from its answers that the
 * user never edited (still at version 1). A story the user edited is their work and stays. The
 * bank deletes them and the web's delete confirmation counts them with this one rule.
 * @example storiesGoingWithSample([{ sourceItemId: "i1", version: 1 }], new Set(["i1"])).length // 1
 */
export function storiesGoingWithSample<S extends { sourceItemId?: string | undefined; version: number }>(
  stories: readonly S[],
  itemIds: ReadonlySet<string>,
): S[] {
  return stories.filter(
    (story) => story.sourceItemId !== undefined && itemIds.has(story.sourceItemId) && story.version === 1,
  );
}
