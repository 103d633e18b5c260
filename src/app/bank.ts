import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { answerText } from "../core/answer-text.ts";
import type {
  DocumentDetail,
  DocumentSummary,
  ImportResult,
  ItemVersion,
  StoredItem,
} from "../core/api-types.ts";
import {
  type BankBackup,
  type BankTable,
  isBankBackup,
  parseBankBackup,
  renderBankBackup,
} from "../core/bank-backup.ts";
import { parseBankJson } from "../core/bank-json.ts";
import { DeriskError } from "../core/errors.ts";
import { describeJsonError } from "../core/json-syntax.ts";
import { rederiveBankDoc } from "../core/markdown/bank-consistency.ts";
import { assertEditReadsBack } from "../core/markdown/edit-read-back.ts";
import {
  addAnswerVariant,
  addQuestionAnswer,
  importPrepDocument,
  parsePrepDocument,
  renderPrepDocument,
  reviseItemText,
  setTodoDone,
} from "../core/markdown/index.ts";
import {
  type AnswerItem,
  type ItemSource,
  PREP_ITEM_KINDS,
  type PrepDoc,
  type PrepItem,
  type PrepItemKind,
} from "../core/model.ts";
import { recognisedShare, summariseReport } from "../core/report-summary.ts";
import { storiesGoingWithSample } from "../core/sample-stories.ts";
import { shortId } from "../core/short-ids.ts";
import { MAX_INT32, unstorableText } from "../core/text-safety.ts";
import type { RestoreCounts, Store } from "../store/index.ts";
import { HINTS, kindWithArticle } from "./errors.ts";
import { resolveId } from "./ids.ts";
import { journalFromDocument } from "./journal.ts";
import { MAX_DOCUMENT_BYTES, MAX_TITLE_LENGTH } from "./limits.ts";
import { listedVersionId } from "./listed-version.ts";

export { MAX_DOCUMENT_BYTES };

export interface ImportInput {
  bytes: Uint8Array;
  filename?: string;
  dryRun?: boolean;
  maxBytes?: number;
}

/** A UTF-16 byte-order mark: a bank file saved again by an editor as "Unicode" (Notepad). */
const utf16Label = (bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined =>
  bytes[0] === 0xff && bytes[1] === 0xfe
    ? "utf-16le"
    : bytes[0] === 0xfe && bytes[1] === 0xff
      ? "utf-16be"
      : undefined;

/**
 * The text of a JSON file: UTF-8 (with or without a BOM), or UTF-16 with its BOM. Read as UTF-8,
 * a UTF-16 bank file was refused as "not valid JSON at line 3476 … Unexpected token '�'".
 */
function jsonText(bytes: Uint8Array): string {
  return new TextDecoder(utf16Label(bytes) ?? "utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
}

const looksLikeJson = (bytes: Uint8Array, filename: string | undefined): boolean => {
  if (filename?.toLowerCase().endsWith(".json")) return true;
  if (utf16Label(bytes) !== undefined) return /^\s*\{/.test(jsonText(bytes.subarray(0, 256)));
  for (const byte of bytes) {
    if (
      byte === 0x20 ||
      byte === 0x0a ||
      byte === 0x0d ||
      byte === 0x09 ||
      byte === 0xef ||
      byte === 0xbb ||
      byte === 0xbf
    ) {
      continue;
    }
    return byte === 0x7b; // "{": a bank file; prep documents never start with a brace
  }
  return false;
};

/**
 * Reads a prep document (Markdown/text in any supported encoding) or a derisk bank JSON
 * file into a PrepDoc, refusing unusable input with a message that says what to do.
 * @example const { doc } = readDocument(bytes, "prep.md");
 */
export function readDocument(
  bytes: Uint8Array,
  filename?: string,
  maxBytes = MAX_DOCUMENT_BYTES,
): { doc: PrepDoc; canonicalText: string } {
  const where = filename ?? "the document";
  if (looksLikeJson(bytes, filename)) {
    if (bytes.byteLength > maxBytes) {
      throw new DeriskError(
        "TOO_LARGE",
        `${where} is over the ${maxBytes / 1024 / 1024} MiB limit: split it.`,
      );
    }
    const text = jsonText(bytes);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DeriskError(
        "BAD_INPUT",
        `${where} is not valid JSON at ${describeJsonError(text, error)}: fix it there`,
        { cause: error, hint: HINTS.bankFile },
      );
    }
    const doc = rederiveBankDoc(parseBankJson(value, where), where);
    return { doc, canonicalText: renderPrepDocument(doc) };
  }
  const doc = importPrepDocument(bytes, { ...(filename === undefined ? {} : { filename }), maxBytes });
  return { doc, canonicalText: renderPrepDocument(doc) };
}

/** A document read and recognised, ready to save: all validation happens before any store is opened. */
export interface PreparedImport {
  doc: PrepDoc;
  contentSha256: string;
  filename?: string;
  summary: string;
  /** Set when the file is a whole-bank backup (bank file version 2): it is restored, not imported. */
  backup?: BankBackup;
}

function parseJsonFile(bytes: Uint8Array, where: string): unknown {
  const text = jsonText(bytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DeriskError(
      "BAD_INPUT",
      `${where} is not valid JSON at ${describeJsonError(text, error)}: fix it there`,
      { cause: error, hint: HINTS.bankFile },
    );
  }
}

/** Item counts per kind of a backup's items, as an import report shows them. */
function backupReport(backup: BankBackup): PrepDoc["report"] {
  const counts = Object.fromEntries(PREP_ITEM_KINDS.map((kind) => [kind, 0])) as Record<PrepItemKind, number>;
  for (const row of backup.tables.items) {
    const kind = row.kind as PrepItemKind;
    if (kind in counts) counts[kind]++;
  }
  return {
    encoding: "utf-8",
    repaired: false,
    counts,
    unrecognised: [],
    lines: { total: 0, nonBlank: 0, inNotes: 0 },
    warnings: [],
  };
}

/**
 * Reads and recognises an import without touching the bank, so bad input is refused
 * before a database is opened and a dry run needs none.
 * @example const prepared = prepareImport({ bytes, filename: "prep.md" }); prepared.summary
 */
export function prepareImport(input: ImportInput): PreparedImport {
  if (input.bytes.byteLength === 0) {
    throw new DeriskError(
      "BAD_INPUT",
      `${input.filename ?? "The document"} is empty: there is nothing to import.`,
      {
        hint: {
          cli:
            input.filename === undefined
              ? " Pipe your notes in (derisk import - < prep.md) or give the file's path."
              : " Add your prep notes to it and import it again.",
          web: " Paste or choose a file with your notes.",
        },
      },
    );
  }
  const maxBytes = input.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (looksLikeJson(input.bytes, input.filename) && input.bytes.byteLength <= maxBytes) {
    const where = input.filename ?? "the document";
    const value = parseJsonFile(input.bytes, where);
    if (isBankBackup(value)) {
      const backup = parseBankBackup(value, where);
      const doc: PrepDoc = {
        title: "Your derisk bank",
        gapAfter: 0,
        finalNewline: true,
        items: [],
        report: backupReport(backup),
      };
      return {
        doc,
        backup,
        contentSha256: createHash("sha256").update(new Uint8Array(input.bytes)).digest("hex"),
        ...(input.filename === undefined ? {} : { filename: input.filename }),
        summary: describeBackup(backup.tables),
      };
    }
  }
  const { doc, canonicalText } = readDocument(input.bytes, input.filename, input.maxBytes);
  const unstorable = unstorableText(canonicalText);
  if (unstorable) {
    throw new DeriskError(
      "BAD_INPUT",
      `${input.filename ?? "The document"} ${unstorable}: remove it and import again.`,
    );
  }
  return {
    doc,
    contentSha256: createHash("sha256").update(canonicalText).digest("hex"),
    ...(input.filename === undefined ? {} : { filename: input.filename }),
    summary: summariseReport(doc.report),
  };
}

/**
 * Saves a prepared import in one transaction. The same content again is "unchanged";
 * the same title or file with new content, "updated": what the user wrote in derisk is kept
 * (edits, variants), and where the file changed an item the user changed too, the user's text
 * stays current and the file's goes to the item's history (`changes.conflicts`). A dry run
 * works all of this out and writes nothing (`status` "dry-run", `wouldBe`, `changes`).
 * @example const result = await saveImport(store, "local", prepareImport({ bytes }), { dryRun: true });
 */
export async function saveImport(
  store: Store,
  userId: string,
  prepared: PreparedImport,
  options: { dryRun?: boolean; sample?: boolean } = {},
): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  if (prepared.backup) return restoreBank(store, userId, prepared, prepared.backup, dryRun);
  // The sample is someone else's made-up experience: stored as such when imported through the
  // sample button or route, or when its text is the shipped sample's whatever the file is called.
  const sample = options.sample === true || prepared.contentSha256 === (await sampleSha256());
  const saved = await store.documents.saveDocument(userId, prepared.doc, {
    contentSha256: prepared.contentSha256,
    ...(prepared.filename === undefined ? {} : { filename: prepared.filename }),
    dryRun,
    sample,
  });
  // A reflection in the document (the seed's talk after a bug) starts the journal.
  if (!dryRun) await journalFromDocument(store, userId, saved.documentId);
  // A document already in the bank is reported under its own title, a name the user gave it
  // included: the file's heading (or file name) named a document that is not in the bank.
  const stored =
    saved.status === "created"
      ? undefined
      : (await store.documents.listDocuments(userId)).find((d) => d.id === saved.documentId);
  return {
    status: dryRun ? "dry-run" : saved.status,
    ...(dryRun ? { wouldBe: saved.status } : {}),
    // A dry run that would create the document has no id to give.
    ...(dryRun && saved.status === "created" ? {} : { documentId: saved.documentId }),
    title: stored?.title ?? prepared.doc.title,
    report: prepared.doc.report,
    summary: prepared.summary,
    ...(saved.changes === undefined ? {} : { changes: saved.changes }),
    recognisedShare: recognisedShare(prepared.doc.report),
  };
}

/**
 * Imports a document into the user's bank in one transaction, or only reports (dry run).
 * @example const result = await importDocument(store, "local", { bytes, filename: "prep.md" });
 */
export async function importDocument(
  store: Store,
  userId: string,
  input: ImportInput,
): Promise<ImportResult> {
  return saveImport(store, userId, prepareImport(input), { dryRun: input.dryRun ?? false });
}

/** "2 documents, 31 items (40 versions), 3 stories, 0 questions, 0 attempts, 0 cards, 1 journal entry, a profile" */
function describeBackup(tables: Record<BankTable, unknown[]>): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  return [
    n(tables.documents.length, "document"),
    `${n(tables.items.length, "item")} (${n(tables.item_versions.length, "version")})`,
    n(tables.stories.length, "story", "stories"),
    n(tables.questions.length, "question"),
    n(tables.attempts.length, "attempt"),
    n(tables.cards.length, "card"),
    n(tables.journal_entries.length, "journal entry", "journal entries"),
    tables.profiles.length > 0 ? "a profile" : "no profile",
  ].join(", ");
}

/** Thrown to roll a dry-run restore back, carrying its counts out of the transaction. */
class RestoreDryRun extends Error {
  constructor(readonly counts: RestoreCounts) {
    super("dry run");
  }
}

async function restoreBank(
  store: Store,
  userId: string,
  prepared: PreparedImport,
  backup: BankBackup,
  dryRun: boolean,
): Promise<ImportResult> {
  const tables = backup.tables;
  let counts: RestoreCounts;
  try {
    counts = await store.transaction(async (tx) => {
      const written = await tx.backup.restoreBank(userId, tables);
      if (dryRun) throw new RestoreDryRun(written);
      return written;
    });
  } catch (error) {
    if (!(error instanceof RestoreDryRun)) throw error;
    counts = error.counts;
  }
  const skipped = Object.values(counts.skipped).reduce((a, b) => a + b, 0);
  const added = Object.values(counts.added).reduce((a, b) => a + b, 0);
  const updated = Object.values(counts.updated).reduce((a, b) => a + b, 0);
  const rows = (n: number) => `${n.toLocaleString("en-US")} row${n === 1 ? "" : "s"}`;
  const were = (n: number) => (dryRun ? "would be" : n === 1 ? "was" : "were");
  // What the file holds is not what was written: a second restore adds nothing, and says so.
  // Texts the file has a later version of (a newer backup over an older bank) are said apart.
  const later =
    updated === 0
      ? ""
      : `; ${updated === 1 ? "1 text" : `${updated.toLocaleString("en-US")} texts`} (an answer or journal entry the file has a later version of) ${dryRun ? "would be" : updated === 1 ? "was" : "were"} brought up to it, the earlier ${updated === 1 ? "one" : "ones"} kept in the history`;
  const keptAside = Object.values(counts.keptAside).reduce((a, b) => a + b, 0);
  // Both edited since: the bank's text stays, the file's joins the history, said as such.
  const aside =
    keptAside === 0
      ? ""
      : `; ${keptAside === 1 ? "1 answer or journal entry" : `${keptAside.toLocaleString("en-US")} answers or journal entries`} edited here since the file was written ${dryRun ? "would keep" : keptAside === 1 ? "keeps" : "keep"} ${keptAside === 1 ? "its" : "their"} text: the file's ${dryRun ? "would join" : "joined"} ${keptAside === 1 ? "its" : "their"} history as later versions marked "from a backup, not applied"`;
  const summary =
    skipped === 0 && updated === 0
      ? prepared.summary
      : skipped === 0
        ? `The file holds ${prepared.summary}; ${rows(added)} ${were(added)} added${later}`
        : added === 0 && updated === 0
          ? `Nothing new: the file holds ${prepared.summary}; all of it (${rows(skipped)}) is already in your bank and ${dryRun ? "would be" : "was"} left as it is`
          : `The file holds ${prepared.summary}; ${rows(added)} ${were(added)} added, ${rows(skipped)} already in your bank ${dryRun ? "would be" : skipped === 1 ? "was" : "were"} left as ${skipped === 1 ? "it is" : "they are"}${later}${aside}`;
  return {
    status: dryRun ? "dry-run" : "restored",
    ...(dryRun ? { wouldBe: "restored" as const } : {}),
    title: prepared.doc.title,
    report: prepared.doc.report,
    summary,
    recognisedShare: recognisedShare(prepared.doc.report),
    restored: counts,
  };
}

/**
 * The whole bank of the user as the bank file (version 2): every document with its items and
 * their history, stories, questions, attempts, cards and the profile. Importing it into an
 * empty bank and exporting again gives the same bytes.
 * @example const { body } = await exportBank(store, "local"); await writeFile("bank.json", body);
 */
export async function exportBank(
  store: Store,
  userId: string,
): Promise<{ filename: string; contentType: string; body: string }> {
  return {
    filename: "derisk-bank.json",
    contentType: "application/json; charset=utf-8",
    body: renderBankBackup(await store.backup.dumpBank(userId)),
  };
}

type StoreSummary = Awaited<ReturnType<Store["documents"]["listDocuments"]>>[number];

function toSummary(summary: StoreSummary): DocumentSummary {
  return {
    id: summary.id,
    title: summary.title,
    ...(summary.targetRole === undefined ? {} : { targetRole: summary.targetRole }),
    ...(summary.filename === undefined ? {} : { filename: summary.filename }),
    encoding: summary.encoding,
    repaired: summary.repaired,
    ...(summary.sample ? { sample: true as const } : {}),
    counts: summary.counts,
    createdAt: summary.createdAt.toISOString(),
    updatedAt: summary.updatedAt.toISOString(),
    version: summary.version,
  };
}

type StoreItem = Awaited<ReturnType<Store["items"]["getItem"]>>;
const toStoredItem = (item: StoreItem): StoredItem => ({ ...item, updatedAt: item.updatedAt.toISOString() });

/** The user's documents, most recently updated first. */
export async function listDocuments(store: Store, userId: string): Promise<DocumentSummary[]> {
  return (await store.documents.listDocuments(userId)).map(toSummary);
}

/**
 * The id to act on: the one given (whole, or a unique start of it: see `resolveId`), or the
 * most recently updated document.
 * @example await resolveDocumentId(store, "local") // "0b6f…"
 */
export async function resolveDocumentId(store: Store, userId: string, documentId?: string): Promise<string> {
  if (documentId) return resolveId(store, userId, "document", documentId);
  const [latest] = [...(await listDocuments(store, userId))].sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  );
  if (!latest)
    throw new DeriskError("NOT_FOUND", "Your bank is empty: import a document first", {
      hint: HINTS.importFirst,
    });
  return latest.id;
}

/**
 * One document's summary, or a NOT_FOUND error that says how to list the documents.
 * @example const summary = await findDocument(store, "local", docId);
 */
async function findDocument(store: Store, userId: string, documentId: string): Promise<StoreSummary> {
  const summary = (await store.documents.listDocuments(userId)).find((s) => s.id === documentId);
  if (!summary)
    throw new DeriskError("NOT_FOUND", `No document ${documentId} in your bank`, { hint: HINTS.documents });
  return summary;
}

/**
 * The documents a view or an export covers: the one asked for, or the whole bank. A missing
 * document and an empty bank are refused with what to do instead.
 * @example const ids = (await documentsInScope(store, "local")).map((d) => d.id);
 */
export async function documentsInScope(
  store: Store,
  userId: string,
  documentId?: string,
): Promise<StoreSummary[]> {
  if (documentId !== undefined) return [await findDocument(store, userId, documentId)];
  const summaries = await store.documents.listDocuments(userId);
  if (summaries.length === 0)
    throw new DeriskError("NOT_FOUND", "Your bank is empty: import a document first", {
      hint: HINTS.importFirst,
    });
  return summaries;
}

/** One document with its items in order, as the library shows it. */
export async function getDocument(store: Store, userId: string, documentId: string): Promise<DocumentDetail> {
  const summary = await findDocument(store, userId, documentId);
  const doc = await store.documents.loadDocument(userId, documentId);
  const items = await store.items.listItems(userId, { documentId });
  return { document: { ...toSummary(summary), report: doc.report }, items: items.map(toStoredItem) };
}

/**
 * Deletes a document with its items, in one transaction. Deleting derisk's sample also deletes
 * the stories drawn from its answers that the user never edited: they are someone else's made-up
 * experience, and with their source gone nothing would tell them from the user's own stories
 * (matching, coverage and tailoring would read them as the user's evidence). A story the user
 * edited is their work and stays.
 * @example await deleteDocument(store, "local", documentId);
 */
export async function deleteDocument(store: Store, userId: string, documentId: string): Promise<void> {
  const sample = (await store.documents.listDocuments(userId)).some((d) => d.id === documentId && d.sample);
  await store.transaction(async (tx) => {
    if (sample) {
      const items = new Set((await tx.items.listItems(userId, { documentId })).map((item) => item.id));
      for (const story of storiesGoingWithSample(await tx.stories.listStories(userId), items))
        await tx.stories.deleteStory(userId, story.id);
    }
    await tx.documents.deleteDocument(userId, documentId);
  });
}

/**
 * Renames a document; the new title is kept when its file is imported again.
 * @example await renameDocument(store, "local", id, { title: "ML Engineer prep", expectedVersion: 2 });
 */
export async function renameDocument(
  store: Store,
  userId: string,
  documentId: string,
  rename: { title: string; expectedVersion?: number },
): Promise<DocumentSummary> {
  const title = rename.title.replace(/\s+/g, " ").trim();
  if (title === "") throw new DeriskError("BAD_INPUT", "The new title is empty: give the document a name.");
  if (title.length > MAX_TITLE_LENGTH) {
    throw new DeriskError(
      "BAD_INPUT",
      `The new title is ${title.length} characters long: keep it to ${MAX_TITLE_LENGTH} or fewer.`,
    );
  }
  const renamed = await store.documents.renameDocument(userId, documentId, {
    title,
    ...(rename.expectedVersion === undefined ? {} : { expectedVersion: rename.expectedVersion }),
  });
  return toSummary(renamed);
}

export async function getItem(store: Store, userId: string, itemId: string): Promise<StoredItem> {
  return toStoredItem(await store.items.getItem(userId, itemId));
}

/**
 * Replaces the text of an answer (or a follow-up's prepared answer) and rewrites its
 * Markdown so the document still exports and re-imports to the same structure.
 * @example await editItemText(store, "local", id, { text: "I led…", expectedVersion: 2 });
 */
export async function editItemText(
  store: Store,
  userId: string,
  itemId: string,
  edit: { text: string; expectedVersion?: number },
): Promise<StoredItem> {
  const unstorable = unstorableText(edit.text);
  if (unstorable) throw new DeriskError("BAD_INPUT", `The new text ${unstorable}: remove it and retry.`);
  const version = edit.expectedVersion;
  if (version !== undefined && !(Number.isInteger(version) && version >= 1 && version <= MAX_INT32)) {
    throw new DeriskError(
      "BAD_INPUT",
      `The expected version ${version} is not a version number (1 to ${MAX_INT32}): use the version shown with the item.`,
    );
  }
  const item = await store.items.getItem(userId, itemId);
  if (edit.text.trim() === "") {
    throw new DeriskError(
      "BAD_INPUT",
      "The new text is empty: write the answer, or delete the item instead.",
    );
  }
  const revised = reviseItemText(item, edit.text);
  // The document must read back with the new text as it does now, or every later save into it fails.
  const { id: _doc, ...doc } = await store.documents.loadDocument(userId, item.documentId);
  assertEditReadsBack(doc, revised);
  // The store keeps the base fields (kind, key, lines, id, version…) out of `data` itself.
  const updated = await store.items.updateItem(userId, itemId, {
    raw: revised.raw,
    data: { ...revised },
    source: "typed",
    ...(edit.expectedVersion === undefined ? {} : { expectedVersion: edit.expectedVersion }),
  });
  return toStoredItem(updated);
}

/**
 * Ticks (or unticks) one entry of a to-do list: only its checkbox changes in the Markdown, as
 * a new version of the item ("typed"), so the history shows it and a re-import keeps it.
 * @example await setTodoEntry(store, "local", id, { entry: 1, done: true, expectedVersion: 1 });
 */
export async function setTodoEntry(
  store: Store,
  userId: string,
  itemId: string,
  change: { entry: number; done: boolean; expectedVersion?: number },
): Promise<StoredItem> {
  const version = change.expectedVersion;
  if (version !== undefined && !(Number.isInteger(version) && version >= 1 && version <= MAX_INT32)) {
    throw new DeriskError(
      "BAD_INPUT",
      `The expected version ${version} is not a version number (1 to ${MAX_INT32}): use the version shown with the item.`,
    );
  }
  const item = await store.items.getItem(userId, itemId);
  if (item.kind !== "to-do") {
    throw new DeriskError(
      "BAD_INPUT",
      `Item ${itemId} is ${kindWithArticle(item.kind)}, not a to-do list: only to-do entries can be ticked`,
      { hint: { cli: " (derisk show --kind to-do).", web: " (the document's To-do tab lists them)." } },
    );
  }
  const current = item.entries[change.entry];
  const revised = setTodoDone(item, change.entry, change.done);
  // Ticking a box that is already ticked changes nothing and makes no new version.
  if (current?.done === change.done) return toStoredItem(item);
  const updated = await store.items.updateItem(userId, itemId, {
    raw: revised.raw,
    data: { ...revised },
    source: "typed",
    ...(version === undefined ? {} : { expectedVersion: version }),
  });
  return toStoredItem(updated);
}

/** Where a saved variant came from, for its history. */
export type VariantSource = Extract<ItemSource, "typed" | "composed" | "re-angled">;
export const VARIANT_SOURCES = ["typed", "composed", "re-angled"] as const satisfies readonly VariantSource[];

/**
 * Saves a new answer variant (e.g. a composed or re-angled draft) into the document it
 * belongs to, beside the question's other variants; one transaction.
 * @example const item = await saveAnswerVariant(store, "local", docId, { questionKey: "q3", variant: "ML-focused", text });
 */
export async function saveAnswerVariant(
  store: Store,
  userId: string,
  documentId: string,
  input: { questionKey: string; variant: string; text: string; source?: VariantSource },
): Promise<StoredItem> {
  const { id: _id, ...doc } = await store.documents.loadDocument(userId, documentId);
  if (input.source === "re-angled" || input.source === "composed") {
    // A draft derisk made (a re-angle, a composed answer, a trailer) that says an existing variant
    // of the question word for word is no new variant: a re-angle that trimmed nothing, or the same
    // draft saved a second time (after a reload, or the same command run again).
    const { saysTheSame } = await import("../core/packaging/reangle.ts");
    const same = doc.items.find(
      (i): i is AnswerItem =>
        i.kind === "answer" && i.questionKey === input.questionKey && saysTheSame(answerText(i), input.text),
    );
    if (same) {
      const question = same.questionNumber ?? `“${same.question}”`;
      // Was that variant itself saved from a draft? Its first text says where it came from.
      const stored = (await store.items.listItems(userId, { documentId, kind: "answer" })).find(
        (i) => i.key === same.key,
      );
      const first = stored ? (await store.itemVersions.listVersions(userId, stored.id)).at(-1) : undefined;
      const savedDraft = first?.source === "re-angled" || first?.source === "composed";
      throw new DeriskError(
        "BAD_INPUT",
        input.source === "re-angled" && !savedDraft
          ? `This re-angled text is variant “${same.variant}” of ${question} word for word: re-angling kept every sentence, so the answer already fits the role as written. Nothing was saved.`
          : `This text is already saved as variant “${same.variant}” of ${question}, word for word: nothing new was saved. Open that variant in the library; to keep another version, change the text first.`,
      );
    }
  }
  const { doc: next, answer } = addAnswerVariant(doc, input);
  const summary = (await store.documents.listDocuments(userId)).find((d) => d.id === documentId);
  await store.documents.saveDocument(userId, next, {
    documentId,
    source: input.source ?? "typed",
    contentSha256: createHash("sha256").update(renderPrepDocument(next)).digest("hex"),
    ...(summary?.filename === undefined ? {} : { filename: summary.filename }),
  });
  const saved = (await store.items.listItems(userId, { documentId, kind: "answer" })).find(
    (i) => i.key === answer.key,
  );
  if (!saved) throw new DeriskError("INTERNAL", `The variant ${answer.key} was not saved.`);
  return toStoredItem(saved);
}

/**
 * Writes the answer to a new question (e.g. a coverage gap's "write your answer") into a
 * document: a numbered question of its own at the end, saved with the document in one
 * transaction, so the library, export and re-import all see it.
 * @example const item = await addAnswer(store, "local", docId, { question: "Why this team?", text: "Because…" });
 */
export async function addAnswer(
  store: Store,
  userId: string,
  documentId: string,
  input: { question: string; text: string },
): Promise<StoredItem> {
  for (const [field, value] of [
    ["question", input.question],
    ["answer", input.text],
  ] as const) {
    const unstorable = unstorableText(value);
    if (unstorable) throw new DeriskError("BAD_INPUT", `The ${field} ${unstorable}: remove it and retry.`);
  }
  const { id: _id, ...doc } = await store.documents.loadDocument(userId, documentId);
  const { doc: next, answer } = addQuestionAnswer(doc, input);
  const summary = (await store.documents.listDocuments(userId)).find((d) => d.id === documentId);
  await store.documents.saveDocument(userId, next, {
    documentId,
    source: "typed",
    contentSha256: createHash("sha256").update(renderPrepDocument(next)).digest("hex"),
    ...(summary?.filename === undefined ? {} : { filename: summary.filename }),
  });
  const saved = (await store.items.listItems(userId, { documentId, kind: "answer" })).find(
    (i) => i.key === answer.key,
  );
  if (!saved) throw new DeriskError("INTERNAL", `The answer ${answer.key} was not saved.`);
  return toStoredItem(saved);
}

/** The text of an item as the editor shows it (an answer's STAR parts joined, a follow-up's answer…). */
function editableText(item: PrepItem): string {
  switch (item.kind) {
    case "answer":
      return answerText(item);
    case "follow-up":
      return item.answer;
    case "technical-question":
    case "note":
      return item.text;
    case "snippet":
      return item.code;
    case "to-do":
      return item.entries.map((e) => `${"  ".repeat(e.depth)}[${e.done ? "x" : " "}] ${e.text}`).join("\n");
    default:
      return item.raw;
  }
}

type StoreVersion = Awaited<ReturnType<Store["itemVersions"]["getVersion"]>>;

function toItemVersion(entry: StoreVersion, currentVersion: number): ItemVersion {
  // History rows hold the item's kind-specific fields; the text is read the way the editor reads it.
  const item = { ...entry.data, kind: entry.kind, raw: entry.raw } as PrepItem;
  return {
    id: entry.id,
    itemId: entry.itemId,
    version: entry.version,
    source: entry.source,
    createdAt: entry.createdAt.toISOString(),
    current: entry.version === currentVersion,
    fromBackupAt: entry.fromBackupAt?.toISOString() ?? null,
    text: editableText(item),
    raw: entry.raw,
  };
}

/**
 * Every text an item has had, newest first, with its date and source; `current` marks the
 * text in use. A file's text that a re-import kept aside (a conflict) has `version` null.
 * @example const [now, before] = await getItemHistory(store, "local", itemId);
 */
export async function getItemHistory(store: Store, userId: string, itemId: string): Promise<ItemVersion[]> {
  const item = await store.items.getItem(userId, itemId);
  const entries = await store.itemVersions.listVersions(userId, itemId);
  let marked = false;
  return entries.map((entry) => {
    const version = toItemVersion(entry, item.version);
    // Only one entry is current, even if an old history holds the same version twice.
    if (version.current && marked) version.current = false;
    if (version.current) marked = true;
    return version;
  });
}

/**
 * Makes an earlier text of an item (or a file's text kept aside) its current text again, as a
 * new version: nothing is lost, the text it replaces stays in the history. `version` is a
 * history entry's id, or the version number the history lists ("2").
 * @example const item = await restoreItemVersion(store, "local", itemId, "2", { expectedVersion: 3 });
 */
export async function restoreItemVersion(
  store: Store,
  userId: string,
  itemId: string,
  version: string,
  options: { expectedVersion?: number } = {},
): Promise<StoredItem> {
  let versionId = version;
  let item: Awaited<ReturnType<Store["items"]["getItem"]>> | undefined;
  if (/^\d+$/.test(version)) {
    item = await store.items.getItem(userId, itemId);
    versionId = listedVersionId(await getItemHistory(store, userId, itemId), version, {
      what: `${item.kind} ${item.key}`,
      hint: HINTS.listedVersions(`derisk history ${shortId(itemId)}`, "the answer's History"),
    });
  }
  const entry = await store.itemVersions.getVersion(userId, versionId);
  if (entry.itemId !== itemId) {
    throw new DeriskError("NOT_FOUND", `Version ${versionId} is not in the history of item ${itemId}`, {
      hint: HINTS.history(itemId),
    });
  }
  // An earlier text word for word the current one (restored twice, or typed back): restoring it
  // would only add a copy to the history.
  const current = item ?? (await store.items.getItem(userId, itemId));
  if (current.raw === entry.raw) {
    const which = entry.version === null ? "The file's text kept aside" : `Version ${entry.version}`;
    throw new DeriskError(
      "USAGE",
      `${which} of ${current.kind} ${current.key} is word for word its current text (version ${current.version}), so there is nothing to restore`,
      { hint: HINTS.listedVersions(`derisk history ${shortId(itemId)}`, "the answer's History") },
    );
  }
  const updated = await store.items.updateItem(userId, itemId, {
    raw: entry.raw,
    data: entry.data,
    source: "restored",
    ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
  });
  return toStoredItem(updated);
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "prep";

/**
 * A document as a file: Markdown that re-imports to the same document, or (json) the whole
 * bank file, which holds this document and everything else in the bank.
 * @example const { filename, body } = await exportDocument(store, "local", id, "md");
 */
export async function exportDocument(
  store: Store,
  userId: string,
  documentId: string,
  format: "md" | "json",
): Promise<{ filename: string; contentType: string; body: string }> {
  const { id: _id, ...doc } = await store.documents.loadDocument(userId, documentId);
  if (format === "json") return exportBank(store, userId);
  return {
    filename: `${slug(doc.title)}.md`,
    contentType: "text/markdown; charset=utf-8",
    body: renderPrepDocument(doc),
  };
}

const sampleUrl = new URL("../../samples/sample-prep.md", import.meta.url);

let sampleHash: Promise<string | undefined> | undefined;

/** The content hash an import of the shipped sample gets (undefined if the file is missing). */
function sampleSha256(): Promise<string | undefined> {
  sampleHash ??= readFile(sampleUrl).then(
    (bytes) => prepareImport({ bytes: new Uint8Array(bytes), filename: "sample-prep.md" }).contentSha256,
    () => undefined,
  );
  return sampleHash;
}

/**
 * Imports our sample document into the user's bank, marked as the sample: it is the demo while
 * it is the user's only material, and never their evidence once they have their own.
 * @example const { documentId } = await importSampleDocument(store, "local");
 */
export async function importSampleDocument(store: Store, userId: string): Promise<ImportResult> {
  const { filename, text } = await readSampleDocument();
  return saveImport(store, userId, prepareImport({ bytes: new TextEncoder().encode(text), filename }), {
    sample: true,
  });
}

/**
 * Our own sample prep document, shipped with derisk, for a first look without one's own notes;
 * `targetRole` is the role the sample itself says it is pitched for (what the start page names).
 */
export async function readSampleDocument(): Promise<{ filename: string; text: string; targetRole?: string }> {
  try {
    const text = await readFile(sampleUrl, "utf8");
    const { targetRole } = parsePrepDocument(text, { filename: "sample-prep.md" });
    return { filename: "sample-prep.md", text, ...(targetRole === undefined ? {} : { targetRole }) };
  } catch (error) {
    throw new DeriskError("IO", `The sample document is missing (${sampleUrl.pathname}): reinstall derisk.`, {
      cause: error,
    });
  }
}
