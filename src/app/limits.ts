/** Largest document accepted by an import (bytes): 10 MiB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
