/** Largest document accepted by an import (bytes): 10 MiB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Longest document title a user may choose (characters): a name, not a paragraph. */
export const MAX_TITLE_LENGTH = 120;
