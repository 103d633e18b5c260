import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { DocumentDetail, DocumentSummary, ImportResult, StoredItem } from "../core/api-types.ts";
import { parseBankJson, renderBankJson } from "../core/bank-json.ts";
import { DeriskError } from "../core/errors.ts";
import {
  addAnswerVariant,
  importPrepDocument,
  renderPrepDocument,
  reviseItemText,
} from "../core/markdown/index.ts";
import type { PrepDoc } from "../core/model.ts";
import { summariseReport } from "../core/report-summary.ts";
import type { Store } from "../store/index.ts";

import { MAX_DOCUMENT_BYTES, MAX_TITLE_LENGTH } from "./limits.ts";

export { MAX_DOCUMENT_BYTES };

export interface ImportInput {
  bytes: Uint8Array;
  filename?: string;
  dryRun?: boolean;
  maxBytes?: number;
}

const looksLikeJson = (bytes: Uint8Array, filename: string | undefined): boolean => {
  if (filename?.toLowerCase().endsWith(".json")) return true;
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
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DeriskError(
        "BAD_INPUT",
        `${where} is not valid JSON (${(error as Error).message}): fix the file, or export the bank again with derisk export --format json.`,
        { cause: error },
      );
    }
    const doc = parseBankJson(value, where);
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
      `${input.filename ?? "The document"} is empty: there is nothing to import. Paste or choose a file with your notes.`,
    );
  }
  const { doc, canonicalText } = readDocument(input.bytes, input.filename, input.maxBytes);
  return {
    doc,
    contentSha256: createHash("sha256").update(canonicalText).digest("hex"),
    ...(input.filename === undefined ? {} : { filename: input.filename }),
    summary: summariseReport(doc.report),
  };
}

/** What a dry run reports: the recognition, nothing written. */
export function dryRunResult(prepared: PreparedImport): ImportResult {
  return {
    status: "dry-run",
    title: prepared.doc.title,
    report: prepared.doc.report,
    summary: prepared.summary,
  };
}

/**
 * Saves a prepared import in one transaction. The same content again is "unchanged";
 * the same title or file with new content, "updated".
 * @example const result = await saveImport(store, "local", prepareImport({ bytes }));
 */
export async function saveImport(
  store: Store,
  userId: string,
  prepared: PreparedImport,
): Promise<ImportResult> {
  const saved = await store.documents.saveDocument(userId, prepared.doc, {
    contentSha256: prepared.contentSha256,
    ...(prepared.filename === undefined ? {} : { filename: prepared.filename }),
  });
  return {
    status: saved.status,
    documentId: saved.documentId,
    title: prepared.doc.title,
    report: prepared.doc.report,
    summary: prepared.summary,
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
  const prepared = prepareImport(input);
  return input.dryRun ? dryRunResult(prepared) : saveImport(store, userId, prepared);
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
 * The id to act on: the one given, or the most recently updated document.
 * @example await resolveDocumentId(store, "local") // "0b6f…"
 */
export async function resolveDocumentId(store: Store, userId: string, documentId?: string): Promise<string> {
  if (documentId) return documentId;
  const [latest] = [...(await listDocuments(store, userId))].sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  );
  if (!latest)
    throw new DeriskError("NOT_FOUND", "Your bank is empty: import a document first (derisk import FILE).");
  return latest.id;
}

/** One document with its items in order, as the library shows it. */
export async function getDocument(store: Store, userId: string, documentId: string): Promise<DocumentDetail> {
  const summaries = await store.documents.listDocuments(userId);
  const summary = summaries.find((s) => s.id === documentId);
  if (!summary)
    throw new DeriskError("NOT_FOUND", `No document ${documentId} in your bank: list them with derisk list.`);
  const doc = await store.documents.loadDocument(userId, documentId);
  const items = await store.items.listItems(userId, { documentId });
  return { document: { ...toSummary(summary), report: doc.report }, items: items.map(toStoredItem) };
}

export async function deleteDocument(store: Store, userId: string, documentId: string): Promise<void> {
  await store.documents.deleteDocument(userId, documentId);
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
  const item = await store.items.getItem(userId, itemId);
  if (edit.text.trim() === "") {
    throw new DeriskError(
      "BAD_INPUT",
      "The new text is empty: write the answer, or delete the item instead.",
    );
  }
  const revised = reviseItemText(item, edit.text);
  // The store keeps the base fields (kind, key, lines, id, version…) out of `data` itself.
  const updated = await store.items.updateItem(userId, itemId, {
    raw: revised.raw,
    data: { ...revised },
    ...(edit.expectedVersion === undefined ? {} : { expectedVersion: edit.expectedVersion }),
  });
  return toStoredItem(updated);
}

/**
 * Saves a new answer variant (e.g. a composed or re-angled draft) into the document it
 * belongs to, beside the question's other variants; one transaction.
 * @example const item = await saveAnswerVariant(store, "local", docId, { questionKey: "q3", variant: "ML-focused", text });
 */
export async function saveAnswerVariant(
  store: Store,
  userId: string,
  documentId: string,
  input: { questionKey: string; variant: string; text: string },
): Promise<StoredItem> {
  const { id: _id, ...doc } = await store.documents.loadDocument(userId, documentId);
  const { doc: next, answer } = addAnswerVariant(doc, input);
  const summary = (await store.documents.listDocuments(userId)).find((d) => d.id === documentId);
  await store.documents.saveDocument(userId, next, {
    contentSha256: createHash("sha256").update(renderPrepDocument(next)).digest("hex"),
    ...(summary?.filename === undefined ? {} : { filename: summary.filename }),
  });
  const saved = (await store.items.listItems(userId, { documentId, kind: "answer" })).find(
    (i) => i.key === answer.key,
  );
  if (!saved) throw new DeriskError("INTERNAL", `The variant ${answer.key} was not saved.`);
  return toStoredItem(saved);
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "prep";

/**
 * A document as a file: Markdown that re-imports to the same bank, or the bank JSON.
 * @example const { filename, body } = await exportDocument(store, "local", id, "md");
 */
export async function exportDocument(
  store: Store,
  userId: string,
  documentId: string,
  format: "md" | "json",
): Promise<{ filename: string; contentType: string; body: string }> {
  const { id: _id, ...doc } = await store.documents.loadDocument(userId, documentId);
  const base = slug(doc.title);
  return format === "md"
    ? { filename: `${base}.md`, contentType: "text/markdown; charset=utf-8", body: renderPrepDocument(doc) }
    : { filename: `${base}.json`, contentType: "application/json; charset=utf-8", body: renderBankJson(doc) };
}

const sampleUrl = new URL("../../samples/sample-prep.md", import.meta.url);

/** Our own sample prep document, shipped with derisk, for a first look without one's own notes. */
export async function readSampleDocument(): Promise<{ filename: string; text: string }> {
  try {
    return { filename: "sample-prep.md", text: await readFile(sampleUrl, "utf8") };
  } catch (error) {
    throw new DeriskError("IO", `The sample document is missing (${sampleUrl.pathname}): reinstall derisk.`, {
      cause: error,
    });
  }
}
