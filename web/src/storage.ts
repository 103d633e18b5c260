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
  /** Where it is stored (set when loaded), to drop a draft another tab left behind. */
  key?: string;
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

/**
 * The document a page works in: the one chosen on the page, else the one last opened, else the
 * newest of the user's own, else the first. derisk's sample is never the default beside a document
 * of the user's own: imported last, it would otherwise be the one the library opens, the one the
 * Stories page makes stories from and the one Export downloads, though it is not their evidence.
 */
export function currentDocument<D extends { id: string; sample?: boolean }>(
  documents: readonly D[] | null | undefined,
  chosen?: string | null,
): D | undefined {
  if (documents === null || documents === undefined) return undefined;
  const remembered = rememberedDocument();
  return (
    documents.find((doc) => doc.id === chosen) ??
    documents.find((doc) => doc.id === remembered) ??
    documents.find((doc) => doc.sample !== true) ??
    documents[0]
  );
}

/**
 * Each tab keeps its own draft of an item (`derisk:draft:ID@TAB`): two tabs editing the same
 * answer never overwrite each other's draft, and saving in one leaves the other's. The tab's id
 * lives in sessionStorage, so a reload finds its own draft again.
 */
const TAB_KEY = "derisk:tab";
const TAB_SEPARATOR = "@";
let tab: string | null = null;

function thisTab(): string {
  if (tab !== null) return tab;
  try {
    tab = sessionStorage.getItem(TAB_KEY);
    if (tab === null) {
      tab = Math.random().toString(36).slice(2, 10);
      sessionStorage.setItem(TAB_KEY, tab);
    }
  } catch {
    tab = "tab";
  }
  return tab;
}

const ownKey = (itemId: string): string => `${DRAFT_PREFIX}${itemId}${TAB_SEPARATOR}${thisTab()}`;

function parseDraft(key: string): Draft | null {
  const raw = read(key);
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
      const { text, baseVersion, savedAt } = value as Draft;
      return { text, baseVersion, savedAt, key };
    }
  } catch {
    // A corrupt entry is dropped below.
  }
  write(key, null);
  return null;
}

/** Every storage key holding a draft of this item: one per tab, and the single one of before. */
function draftKeys(itemId: string): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key === DRAFT_PREFIX + itemId || key?.startsWith(DRAFT_PREFIX + itemId + TAB_SEPARATOR)) {
        keys.push(key);
      }
    }
  } catch {
    // Storage unavailable: no drafts.
  }
  return keys;
}

/** This tab's draft of the item, else the newest another tab left behind. */
export function loadDraft(itemId: string): Draft | null {
  const own = parseDraft(ownKey(itemId));
  if (own !== null) return own;
  let newest: Draft | null = null;
  for (const key of draftKeys(itemId)) {
    const draft = parseDraft(key);
    if (draft !== null && (newest === null || draft.savedAt > newest.savedAt)) newest = draft;
  }
  return newest;
}

export const saveDraft = (itemId: string, draft: Draft): void => {
  const { text, baseVersion, savedAt } = draft;
  write(ownKey(itemId), JSON.stringify({ text, baseVersion, savedAt }));
};

/** Drops this tab's draft of the item, and `also` (a draft restored from another tab) if given. */
export const clearDraft = (itemId: string, also?: Draft | null): void => {
  write(ownKey(itemId), null);
  if (also?.key !== undefined) write(also.key, null);
};

/**
 * Where the new-answer page keeps its draft of a question's answer; compose writes there to
 * carry a working copy over to it.
 */
export const newAnswerDraftKey = (question: string): string => `new-answer:${question.trim().toLowerCase()}`;

const JOURNAL_DRAFT = "derisk:journal-draft";

/** A journal entry being written and not saved yet: its fields, kept as typed. */
export interface JournalDraft {
  title: string;
  happened: string;
  felt: string;
}

/** The unsaved new journal entry, if one was left (a crash, a closed tab). */
export function loadJournalDraft(): JournalDraft | null {
  try {
    const value = JSON.parse(read(JOURNAL_DRAFT) ?? "null") as Partial<JournalDraft> | null;
    if (value === null || typeof value !== "object") return null;
    return {
      title: typeof value.title === "string" ? value.title : "",
      happened: typeof value.happened === "string" ? value.happened : "",
      felt: typeof value.felt === "string" ? value.felt : "",
    };
  } catch {
    return null;
  }
}

/** Keeps the new entry as typed; an empty one (or `null`, once saved) removes the copy. */
export function saveJournalDraft(draft: JournalDraft | null): void {
  const empty = draft === null || (draft.title + draft.happened + draft.felt).trim() === "";
  write(JOURNAL_DRAFT, empty ? null : JSON.stringify(draft));
}
