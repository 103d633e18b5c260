/**
 * Item history: every text an item has had, with its date and source. Written in the same
 * transaction as the item itself, by the documents and items repos.
 */
import { randomUUID } from "node:crypto";
import type { ItemSource } from "../../core/model.ts";
import type { ItemVersionRow } from "../schema.ts";
import { type Db, json, notFound } from "./sql.ts";

/** One text an item has had; `version` null: a file's text an import kept aside (a conflict). */
export interface ItemVersionEntry {
  itemId: string;
  version: number | null;
  source: ItemSource;
  kind: string;
  raw: string;
  /** The PrepItem minus its base fields, as in `items.data`. */
  data: Record<string, unknown>;
}

/** `fromBackupAt`: when a bank restore brought the text in without applying it (else null). */
export type StoredItemVersion = ItemVersionEntry & { id: string; createdAt: Date; fromBackupAt: Date | null };

const INSERT_CHUNK = 500;

function fromRow(row: ItemVersionRow): StoredItemVersion {
  return {
    id: row.id,
    itemId: row.item_id,
    version: row.version,
    source: row.source,
    kind: row.kind,
    raw: row.raw,
    data: row.data,
    createdAt: row.created_at,
    fromBackupAt: row.from_backup_at,
  };
}

/**
 * A history newest first: numbered texts by their number (a backup's text kept aside carries
 * its own older date but a later number), and a re-import's text kept aside (no number) where
 * its date puts it among them.
 */
function newestFirst(rows: StoredItemVersion[]): StoredItemVersion[] {
  const byTime = (a: StoredItemVersion, b: StoredItemVersion) =>
    b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id);
  const numbered = rows
    .filter((v) => v.version !== null)
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0) || byTime(a, b));
  const unnumbered = rows.filter((v) => v.version === null).sort(byTime);
  const out: StoredItemVersion[] = [];
  for (const entry of numbered) {
    while (unnumbered[0] !== undefined && unnumbered[0].createdAt.getTime() >= entry.createdAt.getTime())
      out.push(unnumbered.shift() as StoredItemVersion);
    out.push(entry);
  }
  return [...out, ...unnumbered];
}

/** Appends versions to the history of items of `userId` (inside the caller's transaction). */
export async function recordVersions(trx: Db, userId: string, entries: ItemVersionEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
    await trx
      .insertInto("item_versions")
      .values(
        entries.slice(start, start + INSERT_CHUNK).map((entry) => ({
          id: randomUUID(),
          user_id: userId,
          item_id: entry.itemId,
          version: entry.version,
          source: entry.source,
          kind: entry.kind,
          raw: entry.raw,
          data: json(entry.data),
        })),
      )
      .execute();
  }
}

/** The history of every item of a document, oldest first (for the re-import merge). */
export async function versionsOfDocument(
  trx: Db,
  userId: string,
  documentId: string,
): Promise<StoredItemVersion[]> {
  const rows = await trx
    .selectFrom("item_versions")
    .innerJoin("items", (join) =>
      join
        .onRef("items.id", "=", "item_versions.item_id")
        .onRef("items.user_id", "=", "item_versions.user_id"),
    )
    .selectAll("item_versions")
    .where("item_versions.user_id", "=", userId)
    .where("items.document_id", "=", documentId)
    .orderBy("item_versions.created_at")
    .orderBy("item_versions.version")
    .execute();
  return rows.map(fromRow);
}

export interface ItemVersionsRepo {
  /**
   * Every text the item has had, newest first (the current one included).
   *
   * @example const [latest] = await store.itemVersions.listVersions("local", itemId); latest?.source;
   */
  listVersions(userId: string, itemId: string): Promise<StoredItemVersion[]>;
  /**
   * One entry of an item's history.
   *
   * @example const old = await store.itemVersions.getVersion("local", versionId); old.raw;
   */
  getVersion(userId: string, versionId: string): Promise<StoredItemVersion>;
}

export function itemVersionsRepo(db: Db): ItemVersionsRepo {
  return {
    async listVersions(userId, itemId) {
      const item = await db
        .selectFrom("items")
        .select("id")
        .where("user_id", "=", userId)
        .where("id", "=", itemId)
        .executeTakeFirst();
      if (!item) throw notFound("item", itemId);
      const rows = await db
        .selectFrom("item_versions")
        .selectAll()
        .where("user_id", "=", userId)
        .where("item_id", "=", itemId)
        .orderBy("created_at", "desc")
        .orderBy("version", (ob) => ob.desc().nullsLast())
        .orderBy("id")
        .execute();
      return newestFirst(rows.map(fromRow));
    },

    async getVersion(userId, versionId) {
      const row = await db
        .selectFrom("item_versions")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", versionId)
        .executeTakeFirst();
      if (!row) throw notFound("version", versionId);
      return fromRow(row);
    },
  };
}
