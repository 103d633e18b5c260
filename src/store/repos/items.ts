/**
 * The items of prep documents (answers, follow-ups, concerns, notes…), read and edited one
 * at a time with optimistic concurrency: an editor sends the version it started from.
 */
import { sql } from "kysely";
import type { ItemSource, PrepItem, PrepItemKind } from "../../core/model.ts";
import type { ItemRow } from "../schema.ts";
import { itemFromRow } from "./documents.ts";
import { recordVersions } from "./item-versions.ts";
import { type Db, inTransaction, json, notFound, staleVersion } from "./sql.ts";

/** A PrepItem as stored: its fields plus where it lives and which version it is. */
export type StoredItem = PrepItem & { id: string; documentId: string; version: number; updatedAt: Date };

export interface ItemPatch {
  /** The item's new Markdown, as it will be exported. */
  raw: string;
  /** The new kind-specific fields (e.g. an answer's `text`, `star`); the item's base fields are ignored. */
  data: Record<string, unknown>;
  /** The version the editor started from: a newer one in the database is a CONFLICT. */
  expectedVersion?: number;
  /** Where the new text came from, for the item's history (default "typed"). */
  source?: ItemSource;
}

export interface ItemFilter {
  documentId?: string;
  kind?: PrepItemKind;
}

/** Fields every PrepItem has; they live in columns, not in `data`. */
const BASE_FIELDS = new Set([
  "kind",
  "key",
  "lines",
  "raw",
  "gapBefore",
  "id",
  "documentId",
  "version",
  "updatedAt",
]);

/** What the user calls an item of this kind in a message. */
function nounOf(kind: string): string {
  if (kind === "technical-question") return "question";
  if (kind === "technical-section") return "section";
  return kind;
}

function storedItem(row: ItemRow): StoredItem {
  return {
    ...itemFromRow(row),
    id: row.id,
    documentId: row.document_id,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export interface ItemsRepo {
  /**
   * @example const item = await store.items.getItem("local", itemId); if (item.kind === "answer") item.text;
   */
  getItem(userId: string, itemId: string): Promise<StoredItem>;
  /**
   * Items in document order (documents oldest first), optionally of one document and/or kind.
   *
   * @example const answers = await store.items.listItems("local", { documentId, kind: "answer" });
   */
  listItems(userId: string, filter?: ItemFilter): Promise<StoredItem[]>;
  /**
   * Replaces an item's Markdown and fields, bumps its version and records the new text in the
   * item's history (the previous text is already there).
   *
   * @example await store.items.updateItem("local", item.id, { raw, data: { ...fields, text }, expectedVersion: item.version });
   */
  updateItem(userId: string, itemId: string, patch: ItemPatch): Promise<StoredItem>;
}

export function itemsRepo(db: Db): ItemsRepo {
  return {
    async getItem(userId, itemId) {
      const row = await db
        .selectFrom("items")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", itemId)
        .executeTakeFirst();
      if (!row) throw notFound("item", itemId);
      return storedItem(row);
    },

    async listItems(userId, filter = {}) {
      let query = db
        .selectFrom("items")
        .innerJoin("documents", (join) =>
          join
            .onRef("documents.id", "=", "items.document_id")
            .onRef("documents.user_id", "=", "items.user_id"),
        )
        .selectAll("items")
        .where("items.user_id", "=", userId);
      if (filter.documentId !== undefined) query = query.where("items.document_id", "=", filter.documentId);
      if (filter.kind !== undefined) query = query.where("items.kind", "=", filter.kind);
      const rows = await query
        .orderBy("documents.created_at")
        .orderBy("items.document_id")
        .orderBy("items.position")
        .execute();
      return rows.map(storedItem);
    },

    async updateItem(userId, itemId, patch) {
      const data = Object.fromEntries(
        Object.entries(patch.data).filter(([field]) => !BASE_FIELDS.has(field)),
      );
      return inTransaction(db, async (trx) => {
        let update = trx
          .updateTable("items")
          .set({
            raw: patch.raw,
            data: json(data),
            version: sql<number>`version + 1`,
            updated_at: sql<Date>`now()`,
          })
          .where("user_id", "=", userId)
          .where("id", "=", itemId);
        // The version check is in the UPDATE itself, so of two concurrent saves exactly one matches.
        if (patch.expectedVersion !== undefined) update = update.where("version", "=", patch.expectedVersion);
        const row = await update.returningAll().executeTakeFirst();
        if (!row) {
          const current = await trx
            .selectFrom("items")
            .select(["kind", "version"])
            .where("user_id", "=", userId)
            .where("id", "=", itemId)
            .executeTakeFirst();
          if (!current || patch.expectedVersion === undefined) throw notFound("item", itemId);
          throw staleVersion(nounOf(current.kind), current.version, patch.expectedVersion);
        }
        await recordVersions(trx, userId, [
          {
            itemId: row.id,
            version: row.version,
            source: patch.source ?? "typed",
            kind: row.kind,
            raw: row.raw,
            data,
          },
        ]);
        await trx
          .updateTable("documents")
          .set({ updated_at: sql<Date>`now()` })
          .where("user_id", "=", userId)
          .where("id", "=", row.document_id)
          .execute();
        return storedItem(row);
      });
    },
  };
}
