/**
 * The reflection journal: private entries, each optionally linked to a story and to the
 * document reflection it was imported from.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { JournalEntryRow } from "../schema.ts";
import { type Db, inTransaction, notFound, optional, sqlState, staleVersion } from "./sql.ts";

export interface JournalEntryInput {
  title: string;
  happened?: string;
  felt?: string;
  takeaway?: string;
  storyId?: string;
  /** The reflection item the entry was imported from. */
  sourceItemId?: string;
}

export interface JournalEntry {
  id: string;
  title: string;
  happened: string;
  felt: string;
  takeaway: string;
  storyId?: string;
  sourceItemId?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** `storyId: null` unlinks the story. */
export type JournalEntryPatch = Partial<Omit<JournalEntryInput, "storyId" | "sourceItemId">> & {
  storyId?: string | null;
  expectedVersion?: number;
};

function entryFromRow(row: JournalEntryRow): JournalEntry {
  return {
    id: row.id,
    title: row.title,
    happened: row.happened,
    felt: row.felt,
    takeaway: row.takeaway,
    ...optional("storyId", row.story_id),
    ...optional("sourceItemId", row.source_item_id),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A foreign key refused: the story or item is not this user's (or is gone). */
async function owned<T>(
  refs: { storyId?: string | null | undefined; itemId?: string },
  write: () => Promise<T>,
) {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) !== "23503") throw error;
    const constraint = String((error as { constraint?: unknown }).constraint ?? "");
    if (constraint.includes("story")) throw notFound("story", String(refs.storyId));
    if (constraint.includes("item")) throw notFound("item", String(refs.itemId));
    throw notFound("user", "");
  }
}

export interface JournalRepo {
  /**
   * Adds an entry; one imported from a reflection item already in the journal is not added
   * again (`undefined` is returned).
   *
   * @example const entry = await store.journal.createEntry("local", { title: "The TLS bug", felt: "Drained." });
   */
  createEntry(userId: string, input: JournalEntryInput): Promise<JournalEntry | undefined>;
  /** @example await store.journal.getEntry("local", entryId); */
  getEntry(userId: string, entryId: string): Promise<JournalEntry>;
  /** Oldest first: the journal reads in the order it was written. */
  listEntries(userId: string): Promise<JournalEntry[]>;
  /** @example await store.journal.updateEntry("local", id, { takeaway: "I can learn any layer.", expectedVersion: 1 }); */
  updateEntry(userId: string, entryId: string, patch: JournalEntryPatch): Promise<JournalEntry>;
  /**
   * Deletes an entry. One drawn from a document's reflection is remembered as dismissed, so that
   * importing that document again does not bring it back (see `dismissedSources`).
   * @example await store.journal.deleteEntry("local", id);
   */
  deleteEntry(userId: string, entryId: string): Promise<void>;
  /**
   * The reflection items whose entry the user deleted.
   * @example (await store.journal.dismissedSources("local")).has(item.id)
   */
  dismissedSources(userId: string): Promise<Set<string>>;
}

export function journalRepo(db: Db): JournalRepo {
  return {
    async createEntry(userId, input) {
      const row = await owned(
        { storyId: input.storyId, ...(input.sourceItemId ? { itemId: input.sourceItemId } : {}) },
        () =>
          db
            .insertInto("journal_entries")
            .values({
              id: randomUUID(),
              user_id: userId,
              title: input.title,
              ...(input.happened !== undefined ? { happened: input.happened } : {}),
              ...(input.felt !== undefined ? { felt: input.felt } : {}),
              ...(input.takeaway !== undefined ? { takeaway: input.takeaway } : {}),
              story_id: input.storyId ?? null,
              source_item_id: input.sourceItemId ?? null,
            })
            .onConflict((oc) => oc.columns(["user_id", "source_item_id"]).doNothing())
            .returningAll()
            .executeTakeFirst(),
      );
      return row ? entryFromRow(row) : undefined;
    },

    async getEntry(userId, entryId) {
      const row = await db
        .selectFrom("journal_entries")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", entryId)
        .executeTakeFirst();
      if (!row) throw notFound("journal entry", entryId);
      return entryFromRow(row);
    },

    async listEntries(userId) {
      const rows = await db
        .selectFrom("journal_entries")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(entryFromRow);
    },

    async updateEntry(userId, entryId, patch) {
      return inTransaction(db, async (trx) => {
        let update = trx
          .updateTable("journal_entries")
          .set({
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.happened !== undefined ? { happened: patch.happened } : {}),
            ...(patch.felt !== undefined ? { felt: patch.felt } : {}),
            ...(patch.takeaway !== undefined ? { takeaway: patch.takeaway } : {}),
            ...(patch.storyId !== undefined ? { story_id: patch.storyId } : {}),
            version: sql<number>`version + 1`,
            updated_at: sql<Date>`now()`,
          })
          .where("user_id", "=", userId)
          .where("id", "=", entryId);
        if (patch.expectedVersion !== undefined) update = update.where("version", "=", patch.expectedVersion);
        const row = await owned({ storyId: patch.storyId }, () => update.returningAll().executeTakeFirst());
        if (row) return entryFromRow(row);
        const current = await trx
          .selectFrom("journal_entries")
          .select("version")
          .where("user_id", "=", userId)
          .where("id", "=", entryId)
          .executeTakeFirst();
        if (!current || patch.expectedVersion === undefined) throw notFound("journal entry", entryId);
        throw staleVersion("journal entry", current.version, patch.expectedVersion);
      });
    },

    deleteEntry(userId, entryId) {
      return inTransaction(db, async (trx) => {
        const deleted = await trx
          .deleteFrom("journal_entries")
          .where("user_id", "=", userId)
          .where("id", "=", entryId)
          .returning("source_item_id")
          .executeTakeFirst();
        if (!deleted) throw notFound("journal entry", entryId);
        if (deleted.source_item_id !== null) {
          await trx
            .insertInto("journal_dismissals")
            .values({ id: randomUUID(), user_id: userId, source_item_id: deleted.source_item_id })
            .onConflict((c) => c.columns(["user_id", "source_item_id"]).doNothing())
            .execute();
        }
      });
    },

    async dismissedSources(userId) {
      const rows = await db
        .selectFrom("journal_dismissals")
        .select("source_item_id")
        .where("user_id", "=", userId)
        .execute();
      return new Set(rows.map((row) => row.source_item_id));
    },
  };
}
