/**
 * Prep documents and their ordered items: the lossless skeleton of what the user imported.
 */
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { sql } from "kysely";
import { DeriskError } from "../../core/errors.ts";
import {
  PREP_ITEM_KINDS,
  type PrepDoc,
  type PrepItem,
  type PrepItemKind,
  type SourceEncoding,
} from "../../core/model.ts";
import type { DocumentRow, ItemRow, NewItemRow } from "../schema.ts";
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
}

export type SaveStatus = "created" | "updated" | "unchanged";

export interface SavedDocument {
  status: SaveStatus;
  documentId: string;
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
  }
}

/** Re-import: items keep their id (and so their cards and attempts) when their key survives. */
async function replaceItems(trx: Db, userId: string, documentId: string, items: PrepItem[]) {
  const existing = await trx
    .selectFrom("items")
    .selectAll()
    .where("user_id", "=", userId)
    .where("document_id", "=", documentId)
    .execute();
  const byKey = new Map(existing.map((row) => [row.key, row]));
  const kept = new Set<string>();
  const added: { item: PrepItem; position: number }[] = [];
  for (const [position, item] of items.entries()) {
    const row = byKey.get(item.key);
    if (!row) {
      added.push({ item, position });
      continue;
    }
    kept.add(row.id);
    const next = itemColumns(item);
    // jsonb reorders keys, so compare values, not JSON text.
    const contentChanged =
      row.kind !== next.kind || row.raw !== next.raw || !isDeepStrictEqual(row.data, JSON.parse(next.data));
    const placeChanged =
      row.position !== position ||
      row.line_start !== next.line_start ||
      row.line_end !== next.line_end ||
      row.gap_before !== next.gap_before;
    if (!contentChanged && !placeChanged) continue;
    await trx
      .updateTable("items")
      .set({
        ...next,
        position,
        updated_at: sql<Date>`now()`,
        // Only a change of content makes an open editor's copy stale.
        ...(contentChanged ? { version: sql<number>`version + 1` } : {}),
      })
      .where("id", "=", row.id)
      .where("user_id", "=", userId)
      .execute();
  }
  const gone = existing.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (gone.length > 0) {
    await trx.deleteFrom("items").where("user_id", "=", userId).where("id", "in", gone).execute();
  }
  await insertItems(trx, userId, documentId, added);
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
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    counts,
  };
}

export function documentsRepo(db: Db): DocumentsRepo {
  return {
    async saveDocument(userId, doc, meta) {
      assertUniqueKeys(doc);
      return inTransaction(db, async (trx) => {
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
        if (same) return { status: "unchanged", documentId: same.id };

        const filename = meta.filename ?? null;
        const previous = await trx
          .selectFrom("documents")
          .select(["id", "title", "chosen_title"])
          .where("user_id", "=", userId)
          .where((eb) =>
            eb.or([
              eb("title", "=", doc.title),
              // A renamed document saved again (a new variant) carries its chosen title.
              eb("chosen_title", "=", doc.title),
              ...(filename === null ? [] : [eb("filename", "=", filename)]),
            ]),
          )
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
              // The chosen title stays; `title` keeps the name a re-import will look for.
              ...(previous.chosen_title === doc.title ? { title: previous.title } : {}),
              version: sql<number>`version + 1`,
              updated_at: sql<Date>`now()`,
            })
            .where("id", "=", previous.id)
            .where("user_id", "=", userId)
            .execute();
          await replaceItems(trx, userId, previous.id, doc.items);
          return { status: "updated", documentId: previous.id };
        }

        const documentId = randomUUID();
        await trx
          .insertInto("documents")
          .values({ id: documentId, user_id: userId, ...documentColumns(doc, meta) })
          .execute();
        await insertItems(
          trx,
          userId,
          documentId,
          doc.items.map((item, position) => ({ item, position })),
        );
        return { status: "created", documentId };
      });
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
