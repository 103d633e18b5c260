/** Largest document a bank file may describe (characters of its Markdown): the default import limit, 10 MiB. */
export const MAX_DOCUMENT_CHARS = 10 * 1024 * 1024;
/** Longest document title: titles are indexed, and a btree row holds ~2.7 KB. */
export const MAX_TITLE_CHARS = 300;
