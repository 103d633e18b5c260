/**
 * Prep documents and their ordered items: the lossless skeleton of what the user imported.
 */
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { sql } from "kysely";
import type { ImportChange, ImportChanges } from "../../core/api-types.ts";
import { DeriskError } from "../../core/errors.ts";
import {
  type ItemSource,
  PREP_ITEM_KINDS,
  type PrepDoc,
  type PrepItem,
  type PrepItemKind,
  type SourceEncoding,
} from "../../core/model.ts";
import type { DocumentRow, ItemRow, ItemUpdate, NewItemRow } from "../schema.ts";
import { type ItemVersionEntry, recordVersions, versionsOfDocument } from "./item-versions.ts";
import {
  type Db,
  inSnapshot,
  inTransaction,
  json,
  notFound,
  optional,
  staleVersion,
  toCount,
} from "./sql.ts";

export interface DocumentMeta {
  /** Name of the imported file, if it came from one: a re-import of the same file updates it. */
  filename?: string;
  /** sha256 (hex) of the imported bytes: the same bytes again are "unchanged". */
  contentSha256: string;
  /**
   * Where the document's new text comes from: "imported" (a file; the default) keeps what the
   * user wrote in derisk; another source (e.g. "composed" for a saved variant) is a rewrite of
   * the stored document by derisk itself and applies as it is.
   */
  source?: ItemSource;
  /** The document to rewrite (a save by derisk itself), instead of finding it by content, title or file. */
  documentId?: string;
  /** Work out what the save would do, and write nothing (the transaction is rolled back). */
  dryRun?: boolean;
  /**
   * An import of derisk's own sample document: stored as the sample. An import decides it anew
   * (a file of the user's that updates the sample's entry makes it theirs); a save by derisk
   * itself (`documentId`) keeps what the document was.
   */
  sample?: boolean;
}

export type SaveStatus = "created" | "updated" | "unchanged";

export interface SavedDocument {
  status: SaveStatus;
  /** In a dry run that would create the document: the id it would have had. */
  documentId: string;
  /** For "updated": item by item, what changed (see ImportChanges). */
  changes?: ImportChanges;
}

/** Thrown to roll a dry run back, carrying its result out of the transaction. */
class DryRunResult extends Error {
  constructor(readonly saved: SavedDocument) {
    super("dry run");
  }
}

/** A document as stored: exactly the PrepDoc that was saved, plus its id. */
export type StoredPrepDoc = PrepDoc & { id: string };

export interface DocumentSummary {
  id: string;
  title: string;
  targetRole?: string;
  filename?: string;
  contentSha256: string;
  /** How the imported bytes were decoded, and whether mojibake was repaired. */
  encoding: SourceEncoding;
  repaired: boolean;
  /** derisk's own sample document, not the user's experience. */
  sample: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Items per kind; every kind is present (0 when absent). */
  counts: Record<PrepItemKind, number>;
}

/** Rows per insert: keeps each statement well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

type ItemColumns = Pick<
  NewItemRow,
  "kind" | "key" | "line_start" | "line_end" | "raw" | "gap_before" | "data"
>;

function itemColumns(item: PrepItem): ItemColumns {
  const { kind, key, lines, raw, gapBefore, ...data } = item;
  return {
    kind,
    key,
    line_start: lines.start,
    line_end: lines.end,
    raw,
    gap_before: gapBefore,
    data: json(data),
  };
}

/** Rebuilds the PrepItem from its row. */
export function itemFromRow(row: ItemRow): PrepItem {
  // The row was written from a PrepItem by itemColumns; kind and data travel together.
  return {
    ...row.data,
    kind: row.kind,
    key: row.key,
    lines: { start: row.line_start, end: row.line_end },
    raw: row.raw,
    gapBefore: row.gap_before,
  } as PrepItem;
}

function emptyCounts(): Record<PrepItemKind, number> {
  return Object.fromEntries(PREP_ITEM_KINDS.map((kind) => [kind, 0])) as Record<PrepItemKind, number>;
}

function documentColumns(doc: PrepDoc, meta: DocumentMeta) {
  return {
    title: doc.title,
    target_role: doc.targetRole ?? null,
    filename: meta.filename ?? null,
    content_sha256: meta.contentSha256,
    encoding: doc.report.encoding,
    repaired: doc.report.repaired,
    report: json(doc.report),
    gap_after: doc.gapAfter,
    final_newline: doc.finalNewline,
  };
}

function assertUniqueKeys(doc: PrepDoc): void {
  const seen = new Set<string>();
  for (const item of doc.items) {
    if (seen.has(item.key)) {
      throw new DeriskError(
        "BAD_INPUT",
        `Two items of "${doc.title}" share the key "${item.key}" (line ${item.lines.start}): keys must be unique within a document.`,
      );
    }
    seen.add(item.key);
  }
}

async function insertItems(
  trx: Db,
  userId: string,
  documentId: string,
  rows: { item: PrepItem; position: number }[],
  source: ItemSource,
) {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const values = rows.slice(start, start + INSERT_CHUNK).map(({ item, position }) => ({
      id: randomUUID(),
      user_id: userId,
      document_id: documentId,
      position,
      ...itemColumns(item),
    }));
    await trx.insertInto("items").values(values).execute();
    await recordVersions(
      trx,
      userId,
      values.map((row) => ({
        itemId: row.id,
        version: 1,
        source,
        kind: row.kind,
        raw: row.raw,
        data: JSON.parse(row.data) as Record<string, unknown>,
      })),
    );
  }
}

/** What the user calls an item in an import report: its question, title or first words. */
function labelOf(item: PrepItem): string {
  const text = (() => {
    switch (item.kind) {
      case "answer":
        return `${item.question} (${item.variant})`;
      case "follow-up":
        return item.question;
      case "section":
      case "framing":
      case "technical-section":
        return item.title;
      case "technical-question":
      case "note":
        return item.text;
      case "to-do":
        return item.entries.map((e) => `${e.done ? "☑" : "☐"} ${e.text}`).join(" ");
      case "snippet":
        return `${item.language ?? "code"}: ${item.code}`;
      default:
        return item.raw;
    }
  })()
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text || item.key;
}

function change(item: PrepItem, itemId?: string): ImportChange {
  return {
    key: item.key,
    kind: item.kind,
    label: labelOf(item),
    ...(itemId === undefined ? {} : { itemId }),
  };
}

function noChanges(): ImportChanges {
  return { added: [], changed: [], removed: [], kept: [], conflicts: [] };
}

type Slot = { item: PrepItem; row: ItemRow | undefined } | { kept: ItemRow };
const slotKey = (slot: Slot) => ("kept" in slot ? slot.kept.key : slot.item.key);

/**
 * Re-import: items keep their id (and so their cards and attempts) when their key survives.
 * From a file (`source` "imported"), what the user wrote in derisk is never replaced: an item
 * whose current text is the user's own keeps it (if the file changed that item too, the file's
 * text goes to its history as a conflict), and the user's items the file no longer has stay,
 * after the item they followed. Every new text is recorded in the item's history.
 */
async function replaceItems(
  trx: Db,
  userId: string,
  documentId: string,
  items: PrepItem[],
  source: ItemSource,
): Promise<ImportChanges> {
  const existing = await trx
    .selectFrom("items")
    .selectAll()
    .where("user_id", "=", userId)
    .where("document_id", "=", documentId)
    .orderBy("position")
    .execute();
  const rowById = new Map(existing.map((row) => [row.id, row]));
  const currentSource = new Map<string, ItemSource>();
  const lastImported = new Map<string, string>();
  if (source === "imported") {
    for (const entry of await versionsOfDocument(trx, userId, documentId)) {
      if (entry.version !== null && entry.version === rowById.get(entry.itemId)?.version) {
        currentSource.set(entry.itemId, entry.source);
      }
      if (entry.source === "imported") lastImported.set(entry.itemId, entry.raw);
    }
  }
  // The user's own text: typed, composed, restored… unless it is word for word what the file
  // last brought (a restore of the imported text), which the file may then change again.
  const isOwn = (row: ItemRow) =>
    (currentSource.get(row.id) ?? "imported") !== "imported" && row.raw !== lastImported.get(row.id);
  const changes = noChanges();

  const byKey = new Map(existing.map((row) => [row.key, row]));
  const incoming = new Set(items.map((item) => item.key));
  const slots: Slot[] = items.map((item) => ({ item, row: byKey.get(item.key) }));
  const gone: string[] = [];
  for (const [index, row] of existing.entries()) {
    if (incoming.has(row.key)) continue;
    if (!isOwn(row)) {
      gone.push(row.id);
      changes.removed.push(change(itemFromRow(row), row.id));
      continue;
    }
    // Keep it where it was: after the nearest earlier item that is still in the document.
    let at = 0;
    for (let before = index - 1; before >= 0; before--) {
      const key = existing[before]?.key;
      const found = slots.findIndex((slot) => slotKey(slot) === key);
      if (found >= 0) {
        at = found + 1;
        break;
      }
    }
    slots.splice(at, 0, { kept: row });
    changes.kept.push({
      ...change(itemFromRow(row), row.id),
      reason: lastImported.has(row.id) ? "edited" : "created",
    });
  }

  const versions: ItemVersionEntry[] = [];
  const added: { item: PrepItem; position: number }[] = [];
  for (const [position, slot] of slots.entries()) {
    const row = "kept" in slot ? slot.kept : slot.row;
    if (!("kept" in slot) && !row) {
      added.push({ item: slot.item, position });
      changes.added.push(change(slot.item));
      continue;
    }
    if (!row) continue;
    let set: ItemUpdate | undefined;
    let bump = false;
    if ("kept" in slot) {
      if (row.position !== position) set = { position };
    } else {
      const next = itemColumns(slot.item);
      const data = JSON.parse(next.data) as Record<string, unknown>;
      // jsonb reorders keys, so compare values, not JSON text.
      const contentChanged =
        row.kind !== next.kind || row.raw !== next.raw || !isDeepStrictEqual(row.data, data);
      const placeChanged =
        row.position !== position ||
        row.line_start !== next.line_start ||
        row.line_end !== next.line_end ||
        row.gap_before !== next.gap_before;
      if (contentChanged && isOwn(row)) {
        // The user's text stays current; the file's, if it is new, is kept aside in the history.
        if (lastImported.get(row.id) !== next.raw) {
          versions.push({ itemId: row.id, version: null, source, kind: next.kind, raw: next.raw, data });
          changes.conflicts.push(change(slot.item, row.id));
        } else {
          changes.kept.push({ ...change(itemFromRow(row), row.id), reason: "edited" });
        }
        if (row.position !== position) set = { position };
      } else if (contentChanged) {
        set = { ...next, position };
        bump = true;
        versions.push({
          itemId: row.id,
          version: row.version + 1,
          source,
          kind: next.kind,
          raw: next.raw,
          data,
        });
        changes.changed.push(change(slot.item, row.id));
      } else if (placeChanged) {
        // Only a change of content makes an open editor's copy stale.
        set = { position, line_start: next.line_start, line_end: next.line_end, gap_before: next.gap_before };
      }
    }
    if (set) {
      await trx
        .updateTable("items")
        .set({ ...set, updated_at: sql<Date>`now()`, ...(bump ? { version: sql<number>`version + 1` } : {}) })
        .where("id", "=", row.id)
        .where("user_id", "=", userId)
        .execute();
    }
  }
  if (gone.length > 0) {
    await trx.deleteFrom("items").where("user_id", "=", userId).where("id", "in", gone).execute();
  }
  await insertItems(trx, userId, documentId, added, source);
  await recordVersions(trx, userId, versions);
  return changes;
}

export interface DocumentsRepo {
  /**
   * Saves an imported document in one transaction: the same bytes again → "unchanged" (nothing
   * written); the same title or filename with other bytes → "updated" (items replaced, items
   * whose key survives keep their id); otherwise "created".
   *
   * @example const { status, documentId } = await store.documents.saveDocument("local", doc, { filename: "prep.md", contentSha256 });
   */
  saveDocument(userId: string, doc: PrepDoc, meta: DocumentMeta): Promise<SavedDocument>;
  /**
   * The document exactly as saved (items in order, every field equal).
   *
   * @example const doc = await store.documents.loadDocument("local", documentId); renderPrepDoc(doc);
   */
  loadDocument(userId: string, documentId: string): Promise<StoredPrepDoc>;
  /**
   * The user's documents, newest first, with item counts per kind.
   *
   * @example const [latest] = await store.documents.listDocuments("local"); latest?.counts.answer;
   */
  listDocuments(userId: string): Promise<DocumentSummary[]>;
  /**
   * Renames a document: the new title is shown everywhere and survives re-imports of its file.
   *
   * @example const renamed = await store.documents.renameDocument("local", documentId, { title: "ML Engineer prep", expectedVersion: 3 });
   */
  renameDocument(
    userId: string,
    documentId: string,
    rename: { title: string; expectedVersion?: number },
  ): Promise<DocumentSummary>;
  /**
   * Deletes a document and its items; attempts on them stay, without the item link.
   *
   * @example await store.documents.deleteDocument("local", documentId);
   */
  deleteDocument(userId: string, documentId: string): Promise<void>;
}

function summaryFromRow(row: DocumentRow, counts: Record<PrepItemKind, number>): DocumentSummary {
  return {
    id: row.id,
    title: row.chosen_title ?? row.title,
    ...optional("targetRole", row.target_role),
    ...optional("filename", row.filename),
    contentSha256: row.content_sha256,
    encoding: row.encoding as SourceEncoding,
    repaired: row.repaired,
    sample: row.sample,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    counts,
  };
}

async function saveInTransaction(
  trx: Db,
  userId: string,
  doc: PrepDoc,
  meta: DocumentMeta,
  source: ItemSource,
): Promise<SavedDocument> {
  // One import at a time per user: two concurrent imports of one new file (a double
  // click, two tabs) must not both see "no such document" and create it twice.
  await sql`select pg_advisory_xact_lock(hashtext(${`derisk:import:${userId}`}))`.execute(trx);
  const same = await trx
    .selectFrom("documents")
    .select("id")
    .where("user_id", "=", userId)
    .where("content_sha256", "=", meta.contentSha256)
    .limit(1)
    .executeTakeFirst();
  if (same && meta.documentId === undefined) return { status: "unchanged", documentId: same.id };

  const filename = meta.filename ?? null;
  const previous =
    meta.documentId !== undefined
      ? await trx
          .selectFrom("documents")
          .select(["id", "title", "chosen_title"])
          .where("user_id", "=", userId)
          .where("id", "=", meta.documentId)
          .forUpdate()
          .executeTakeFirst()
      : await trx
          .selectFrom("documents")
          .select(["id", "title", "chosen_title"])
          .where("user_id", "=", userId)
          .where((eb) => {
            const sameTitle = eb.or([
              eb("title", "=", doc.title),
              // A renamed document saved again (a new variant) carries its chosen title.
              eb("chosen_title", "=", doc.title),
            ]);
            // Two files are two documents even when both open with the same `# Interview prep`:
            // the title finds a namesake only where one side has no file name (pasted text).
            if (filename === null) return sameTitle;
            return eb.or([eb("filename", "=", filename), eb.and([eb("filename", "is", null), sameTitle])]);
          })
          // Prefer the same file over a namesake, then the most recent.
          .orderBy(sql`filename is not distinct from ${filename}`, "desc")
          .orderBy("updated_at", "desc")
          .limit(1)
          .forUpdate()
          .executeTakeFirst();

  if (previous) {
    await trx
      .updateTable("documents")
      .set({
        ...documentColumns(doc, meta),
        ...(meta.documentId === undefined ? { sample: meta.sample === true } : {}),
        // The chosen title stays; `title` keeps the name a re-import will look for.
        ...(previous.chosen_title === doc.title ? { title: previous.title } : {}),
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", previous.id)
      .where("user_id", "=", userId)
      .execute();
    const changes = await replaceItems(trx, userId, previous.id, doc.items, source);
    return { status: "updated", documentId: previous.id, changes };
  }

  const documentId = randomUUID();
  await trx
    .insertInto("documents")
    .values({ id: documentId, user_id: userId, ...documentColumns(doc, meta), sample: meta.sample === true })
    .execute();
  await insertItems(
    trx,
    userId,
    documentId,
    doc.items.map((item, position) => ({ item, position })),
    source,
  );
  return { status: "created", documentId };
}

export function documentsRepo(db: Db): DocumentsRepo {
  return {
    async saveDocument(userId, doc, meta) {
      assertUniqueKeys(doc);
      const source = meta.source ?? "imported";
      const save = (trx: Db) => saveInTransaction(trx, userId, doc, meta, source);
      if (!meta.dryRun) return inTransaction(db, save);
      try {
        return await inTransaction(db, async (trx) => {
          throw new DryRunResult(await save(trx));
        });
      } catch (error) {
        if (error instanceof DryRunResult) return error.saved;
        throw error;
      }
    },
    loadDocument(userId, documentId) {
      return inSnapshot(db, async (db) => {
        const row = await db
          .selectFrom("documents")
          .selectAll()
          .where("user_id", "=", userId)
          .where("id", "=", documentId)
          .executeTakeFirst();
        if (!row) throw notFound("document", documentId);
        const items = await db
          .selectFrom("items")
          .selectAll()
          .where("user_id", "=", userId)
          .where("document_id", "=", documentId)
          .orderBy("position")
          .execute();
        return {
          id: row.id,
          title: row.chosen_title ?? row.title,
          ...optional("targetRole", row.target_role),
          gapAfter: row.gap_after,
          finalNewline: row.final_newline,
          items: items.map(itemFromRow),
          // Written from an ImportReport by saveDocument.
          report: row.report as PrepDoc["report"],
        };
      });
    },

    listDocuments(userId) {
      return inSnapshot(db, async (db) => {
        const rows = await db
          .selectFrom("documents")
          .selectAll()
          .where("user_id", "=", userId)
          .orderBy("updated_at", "desc")
          .orderBy("id")
          .execute();
        const counts = await db
          .selectFrom("items")
          .select(["document_id", "kind", (eb) => eb.fn.countAll<string>().as("n")])
          .where("user_id", "=", userId)
          .groupBy(["document_id", "kind"])
          .execute();
        const perDocument = new Map<string, Record<PrepItemKind, number>>();
        for (const { document_id, kind, n } of counts) {
          const forDocument = perDocument.get(document_id) ?? emptyCounts();
          forDocument[kind as PrepItemKind] = toCount(n);
          perDocument.set(document_id, forDocument);
        }
        return rows.map((row) => summaryFromRow(row, perDocument.get(row.id) ?? emptyCounts()));
      });
    },

    renameDocument(userId, documentId, rename) {
      return inTransaction(db, async (trx) => {
        let update = trx
          .updateTable("documents")
          .set({
            chosen_title: rename.title,
            version: sql<number>`version + 1`,
            updated_at: sql<Date>`now()`,
          })
          .where("user_id", "=", userId)
          .where("id", "=", documentId);
        // The version check is in the UPDATE itself, so of two concurrent renames exactly one matches.
        if (rename.expectedVersion !== undefined)
          update = update.where("version", "=", rename.expectedVersion);
        const row = await update.returningAll().executeTakeFirst();
        if (!row) {
          const current = await trx
            .selectFrom("documents")
            .select("version")
            .where("user_id", "=", userId)
            .where("id", "=", documentId)
            .executeTakeFirst();
          if (!current || rename.expectedVersion === undefined) throw notFound("document", documentId);
          throw staleVersion("document", current.version, rename.expectedVersion);
        }
        const counts = emptyCounts();
        const perKind = await trx
          .selectFrom("items")
          .select(["kind", (eb) => eb.fn.countAll<string>().as("n")])
          .where("user_id", "=", userId)
          .where("document_id", "=", documentId)
          .groupBy("kind")
          .execute();
        for (const { kind, n } of perKind) counts[kind as PrepItemKind] = toCount(n);
        return summaryFromRow(row, counts);
      });
    },

    async deleteDocument(userId, documentId) {
      const result = await db
        .deleteFrom("documents")
        .where("user_id", "=", userId)
        .where("id", "=", documentId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound("document", documentId);
    },
  };
}
