/**
 * The question the library asks before deleting a document. Deleting the sample also deletes the
 * stories drawn from its answers that the user never edited (src/core/sample-stories.ts), so the
 * question says so: with their number when it is known, without it when the stories could not be
 * read.
 * @example deleteDocumentQuestion({ title: "Sample", sample: true }, 2)
 * // "Delete “Sample” and all its answers? Also deletes the 2 stories drawn from it that you have not edited; stories you edited stay. This cannot be undone."
 */
export function deleteDocumentQuestion(
  document: { title: string; sample?: boolean | undefined },
  storiesGoing: number | undefined,
): string {
  const head = `Delete “${document.title}” and all its answers?`;
  const tail = "This cannot be undone.";
  if (document.sample !== true || storiesGoing === 0) return `${head} ${tail}`;
  const stories =
    storiesGoing === undefined
      ? "the stories"
      : storiesGoing === 1
        ? "the 1 story"
        : `the ${storiesGoing} stories`;
  return `${head} Also deletes ${stories} drawn from it that you have not edited; stories you edited stay. ${tail}`;
}
