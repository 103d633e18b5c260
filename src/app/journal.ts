/**
 * The reflection journal (C10): private entries about a hard episode, reframes drawn from the
 * entry's own facts and its linked story, a one-line takeaway the user edits. Entries are the
 * user's alone: they appear in the whole-bank backup, never in a prep sheet.
 */
import { DeriskError } from "../core/errors.ts";
import { entryFromReflection, offerReframes, type Reframe } from "../core/journal/index.ts";
import { shortId } from "../core/short-ids.ts";
import type { JournalEntry, JournalEntryVersion, Repos, Store } from "../store/index.ts";
import { HINTS } from "./errors.ts";
import { listedVersionId } from "./listed-version.ts";

/** Longest title, and longest "what happened" / "how it felt", in characters. */
export const MAX_JOURNAL_TITLE = 200;
export const MAX_JOURNAL_TEXT = 20_000;
/** The takeaway is one line. */
export const MAX_TAKEAWAY = 300;

export interface JournalEntryInput {
  title?: string;
  happened?: string;
  felt?: string;
  takeaway?: string;
  storyId?: string;
}

export interface JournalEntryPatch {
  title?: string;
  happened?: string;
  felt?: string;
  takeaway?: string;
  /** A story's id links it; `null` unlinks. */
  storyId?: string | null;
  expectedVersion?: number;
}

export interface JournalEntryDetail {
  entry: JournalEntry;
  story?: { id: string; title: string };
  reframes: Reframe[];
}

function checkText(field: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > max)
    throw new DeriskError(
      "TOO_LARGE",
      `${field} is over ${max.toLocaleString("en")} characters: shorten it.`,
    );
  return value;
}

function checkTakeaway(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const line = value.trim();
  if (/[\r\n]/.test(line))
    throw new DeriskError("BAD_INPUT", "The takeaway is one line: keep it to a single sentence.");
  return checkText("The takeaway", line, MAX_TAKEAWAY);
}

/** "The night the TLS bug beat me…" from the first words the user wrote. */
function titleFrom(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, 8).join(" ");
  return words.length > 0 ? (text.trim().split(/\s+/).length > 8 ? `${words}…` : words) : "";
}

/**
 * A new entry's fields, trimmed, each within its size (a too-long title or takeaway is named as
 * such, before an entry with nothing written is called empty).
 * @example checkJournalInput({ title: "x".repeat(300) }) // throws TOO_LARGE "The title is over 200 characters…"
 */
export function checkJournalInput(input: JournalEntryInput): {
  title: string;
  happened: string;
  felt: string;
  takeaway?: string;
} {
  const title = checkText("The title", input.title?.trim(), MAX_JOURNAL_TITLE) ?? "";
  const takeaway = checkTakeaway(input.takeaway);
  const happened = checkText("What happened", input.happened?.trim(), MAX_JOURNAL_TEXT) ?? "";
  const felt = checkText("How it felt", input.felt?.trim(), MAX_JOURNAL_TEXT) ?? "";
  return { title, happened, felt, ...(takeaway === undefined ? {} : { takeaway }) };
}

/**
 * Adds an entry. It needs something written: what happened or how it felt.
 * @example const entry = await addJournalEntry(store, "local", { happened: "The TLS bug took the API down.", felt: "Drained." });
 */
export async function addJournalEntry(
  store: Store,
  userId: string,
  input: JournalEntryInput,
): Promise<JournalEntry> {
  const { title: named, happened, felt, takeaway } = checkJournalInput(input);
  if (happened === "" && felt === "")
    throw new DeriskError("BAD_INPUT", "The entry is empty: write what happened, or how it felt.");
  const title = named || titleFrom(happened || felt);
  const entry = await store.journal.createEntry(userId, {
    title,
    happened,
    felt,
    ...(takeaway === undefined ? {} : { takeaway }),
    ...(input.storyId === undefined ? {} : { storyId: input.storyId }),
  });
  if (!entry) throw new DeriskError("CONFLICT", "That entry is already in the journal.");
  return entry;
}

/**
 * The journal, newest entry first, as every other dated list (sessions, documents, tailorings):
 * a new entry is at the top, not below the older ones.
 * @example const [latest] = await listJournal(store, "local");
 */
export async function listJournal(store: Repos, userId: string): Promise<JournalEntry[]> {
  return (await store.journal.listEntries(userId)).reverse();
}

/**
 * One entry with its linked story and the reframes derisk offers for it.
 * @example const { reframes } = await getJournalEntry(store, "local", id);
 */
export async function getJournalEntry(store: Repos, userId: string, id: string): Promise<JournalEntryDetail> {
  const entry = await store.journal.getEntry(userId, id);
  const story = entry.storyId === undefined ? undefined : await store.stories.getStory(userId, entry.storyId);
  return {
    entry,
    ...(story === undefined ? {} : { story: { id: story.id, title: story.title } }),
    reframes: offerReframes(entry, story),
  };
}

/**
 * Edits an entry: its text, its takeaway (one line), the story it links to.
 * @example await updateJournalEntry(store, "local", id, { takeaway: "I can learn any layer of the stack.", expectedVersion: 1 });
 */
export async function updateJournalEntry(
  store: Repos,
  userId: string,
  id: string,
  patch: JournalEntryPatch,
): Promise<JournalEntry> {
  const title = checkText("The title", patch.title?.trim(), MAX_JOURNAL_TITLE);
  if (title === "") throw new DeriskError("BAD_INPUT", "The title is empty: give the entry a name.");
  const happened = checkText("What happened", patch.happened, MAX_JOURNAL_TEXT);
  const felt = checkText("How it felt", patch.felt, MAX_JOURNAL_TEXT);
  const takeaway = checkTakeaway(patch.takeaway);
  return store.journal.updateEntry(userId, id, {
    ...(title === undefined ? {} : { title }),
    ...(happened === undefined ? {} : { happened }),
    ...(felt === undefined ? {} : { felt }),
    ...(takeaway === undefined ? {} : { takeaway }),
    ...(patch.storyId === undefined ? {} : { storyId: patch.storyId }),
    ...(patch.expectedVersion === undefined ? {} : { expectedVersion: patch.expectedVersion }),
  });
}

/** @example await deleteJournalEntry(store, "local", id); */
export async function deleteJournalEntry(store: Repos, userId: string, id: string): Promise<void> {
  await store.journal.deleteEntry(userId, id);
}

/** One text of an entry's history; `current` marks the text the entry has now (none once deleted). */
export type JournalVersion = JournalEntryVersion & { current: boolean };

/**
 * Every text an entry has had, newest first, with its date and source — a deleted entry's too,
 * so the deletion can be undone with `restoreJournalVersion`.
 * @example const [now, before] = await getJournalHistory(store, "local", id);
 */
export async function getJournalHistory(store: Repos, userId: string, id: string): Promise<JournalVersion[]> {
  const versions = await store.journal.listVersions(userId, id);
  const entry = await store.journal.getEntry(userId, id).catch((error: unknown) => {
    if (error instanceof DeriskError && error.code === "NOT_FOUND") return undefined;
    throw error;
  });
  let marked = false;
  return versions.map((version) => {
    const current = !marked && entry !== undefined && version.version === entry.version;
    if (current) marked = true;
    return { ...version, current };
  });
}

/**
 * Makes an earlier text of an entry its text again, as a new version (the text it replaces stays
 * in the history); a deleted entry comes back with it. `version` is a history entry's id, or the
 * version number the history lists ("2").
 * @example await restoreJournalVersion(store, "local", id, "2", { expectedVersion: 3 });
 */
export async function restoreJournalVersion(
  store: Repos,
  userId: string,
  id: string,
  version: string,
  options: { expectedVersion?: number } = {},
): Promise<JournalEntry> {
  let versionId = version;
  if (/^\d+$/.test(version)) {
    const versions = await getJournalHistory(store, userId, id);
    versionId = listedVersionId(versions, version, {
      what: `the journal entry "${versions[0]?.title ?? id}"`,
      hint: HINTS.listedVersions(`derisk journal history ${shortId(id)}`, "the entry's History"),
    });
  }
  return store.journal.restoreVersion(userId, id, versionId, options);
}

/**
 * Adds a journal entry for each reflection of an imported document that the journal does not
 * hold yet (same item, or the same title and words) and whose entry the user has not deleted
 * (a deletion is remembered per reflection, as re-imports keep the user's other edits).
 * Returns the entries added.
 * @example await journalFromDocument(store, "local", documentId); // the seed's talk after the bug
 */
export async function journalFromDocument(
  store: Repos,
  userId: string,
  documentId: string,
): Promise<JournalEntry[]> {
  const reflections = await store.items.listItems(userId, { documentId, kind: "reflection" });
  if (reflections.length === 0) return [];
  const existing = await store.journal.listEntries(userId);
  const dismissed = await store.journal.dismissedSources(userId);
  const added: JournalEntry[] = [];
  for (const item of reflections) {
    if (item.kind !== "reflection" || dismissed.has(item.id)) continue;
    const drawn = entryFromReflection(item);
    if (
      existing.some((e) => e.sourceItemId === item.id || (e.title === drawn.title && e.felt === drawn.felt))
    )
      continue;
    const entry = await store.journal.createEntry(userId, { ...drawn, sourceItemId: item.id });
    if (entry) added.push(entry);
  }
  return added;
}
