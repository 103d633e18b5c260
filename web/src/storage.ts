/**
 * What the browser keeps between visits: the last document opened and unsaved answer drafts.
 * Storage can be missing or full (private mode, quota); losing these is an inconvenience, never
 * an error, so every access is guarded.
 */
const LAST_DOCUMENT = "derisk:lastDocument";
const DRAFT_PREFIX = "derisk:draft:";

export interface Draft {
  text: string;
  /** The item version the draft was written against, to tell the user if it moved on since. */
  baseVersion: number;
  savedAt: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // See the module comment: storage is best effort.
  }
}

export const rememberedDocument = (): string | null => read(LAST_DOCUMENT);
export const rememberDocument = (id: string): void => write(LAST_DOCUMENT, id);
export const forgetDocument = (id: string): void => {
  if (read(LAST_DOCUMENT) === id) write(LAST_DOCUMENT, null);
};

/** The document a page works in: the one chosen on the page, else the one last opened, else the first. */
export function currentDocument<D extends { id: string }>(
  documents: readonly D[] | null | undefined,
  chosen?: string | null,
): D | undefined {
  if (documents === null || documents === undefined) return undefined;
  const remembered = rememberedDocument();
  return (
    documents.find((doc) => doc.id === chosen) ??
    documents.find((doc) => doc.id === remembered) ??
    documents[0]
  );
}

export function loadDraft(itemId: string): Draft | null {
  const raw = read(DRAFT_PREFIX + itemId);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === "object" &&
      value !== null &&
      typeof (value as Draft).text === "string" &&
      typeof (value as Draft).baseVersion === "number" &&
      typeof (value as Draft).savedAt === "string"
    ) {
      return value as Draft;
    }
  } catch {
    // A corrupt entry is dropped below.
  }
  write(DRAFT_PREFIX + itemId, null);
  return null;
}

export const saveDraft = (itemId: string, draft: Draft): void =>
  write(DRAFT_PREFIX + itemId, JSON.stringify(draft));
export const clearDraft = (itemId: string): void => write(DRAFT_PREFIX + itemId, null);
