/**
 * The reflection journal: private entries, each optionally linked to a story and to the
 * document reflection it was imported from.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { JournalEntryRow, JournalEntryVersionRow } from "../schema.ts";
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
  /** How the new text came: typed by the user (default) or an earlier one restored. */
  source?: "typed" | "restored";
};

/** Where a journal text came from. */
export type JournalSource = JournalEntryVersionRow["source"];

/** One text a journal entry has had (the current one included). */
export interface JournalEntryVersion {
  id: string;
  entryId: string;
  version: number;
  source: JournalSource;
  title: string;
  happened: string;
  felt: string;
  takeaway: string;
  storyId?: string;
  createdAt: Date;
  /** When a bank restore brought this text in without applying it (the entry was edited here since); else null. */
  fromBackupAt: Date | null;
}

function versionFromRow(row: JournalEntryVersionRow): JournalEntryVersion {
  return {
    id: row.id,
    entryId: row.entry_id,
    version: row.version,
    source: row.source,
    title: row.title,
    happened: row.happened,
    felt: row.felt,
    takeaway: row.takeaway,
    ...optional("storyId", row.story_id),
    createdAt: row.created_at,
    fromBackupAt: row.from_backup_at,
  };
}

/** Appends the entry's text as it now is to its history (inside the caller's transaction). */
async function recordVersion(trx: Db, userId: string, row: JournalEntryRow, source: JournalSource) {
  await trx
    .insertInto("journal_entry_versions")
    .values({
      id: randomUUID(),
      user_id: userId,
      entry_id: row.id,
      version: row.version,
      source,
      title: row.title,
      happened: row.happened,
      felt: row.felt,
      takeaway: row.takeaway,
      story_id: row.story_id,
    })
    .execute();
}

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

/**
 * Records the entry's current text if its history lacks it (an entry restored from a bank file
 * written before journal history was kept), so the edit about to replace it loses nothing.
 */
async function keepCurrentText(trx: Db, userId: string, entryId: string): Promise<void> {
  const row = await trx
    .selectFrom("journal_entries")
    .selectAll()
    .where("user_id", "=", userId)
    .where("id", "=", entryId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return;
  const kept = await trx
    .selectFrom("journal_entry_versions")
    .select("id")
    .where("user_id", "=", userId)
    .where("entry_id", "=", entryId)
    .where("version", "=", row.version)
    .executeTakeFirst();
  if (!kept) await recordVersion(trx, userId, row, "earlier");
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
  /**
   * Every text the entry has had, newest first (the current one included). A deleted entry
   * keeps its history; an id that never was an entry is NOT_FOUND.
   * @example const [latest, before] = await store.journal.listVersions("local", id);
   */
  listVersions(userId: string, entryId: string): Promise<JournalEntryVersion[]>;
  /** @example (await store.journal.getVersion("local", versionId)).title */
  getVersion(userId: string, versionId: string): Promise<JournalEntryVersion>;
  /**
   * Makes an earlier text of the entry current again, as a new version; an entry that was
   * deleted comes back with that text (its history goes on).
   * @example await store.journal.restoreVersion("local", id, versionId, { expectedVersion: 3 });
   */
  restoreVersion(
    userId: string,
    entryId: string,
    versionId: string,
    options?: { expectedVersion?: number },
  ): Promise<JournalEntry>;
}

export function journalRepo(db: Db): JournalRepo {
  return {
    createEntry(userId, input) {
      return inTransaction(db, async (trx) => {
        const row = await owned(
          { storyId: input.storyId, ...(input.sourceItemId ? { itemId: input.sourceItemId } : {}) },
          () =>
            trx
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
        if (!row) return undefined;
        await recordVersion(trx, userId, row, input.sourceItemId ? "imported" : "typed");
        return entryFromRow(row);
      });
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

    updateEntry(userId, entryId, patch) {
      return inTransaction(db, async (trx) => {
        await keepCurrentText(trx, userId, entryId);
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
        if (row) {
          await recordVersion(trx, userId, row, patch.source ?? "typed");
          return entryFromRow(row);
        }
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

    async listVersions(userId, entryId) {
      const rows = await db
        .selectFrom("journal_entry_versions")
        .selectAll()
        .where("user_id", "=", userId)
        .where("entry_id", "=", entryId)
        .orderBy("version", "desc")
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
      if (rows.length === 0) {
        // An entry from a bank file written before journal history was kept has none yet.
        await journalRepo(db).getEntry(userId, entryId);
        return [];
      }
      return rows.map(versionFromRow);
    },

    async getVersion(userId, versionId) {
      const row = await db
        .selectFrom("journal_entry_versions")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", versionId)
        .executeTakeFirst();
      if (!row) throw notFound("journal history entry", versionId);
      return versionFromRow(row);
    },

    restoreVersion(userId, entryId, versionId, options = {}) {
      return inTransaction(db, async (trx) => {
        const old = await trx
          .selectFrom("journal_entry_versions")
          .selectAll()
          .where("user_id", "=", userId)
          .where("id", "=", versionId)
          .executeTakeFirst();
        if (!old || old.entry_id !== entryId)
          throw notFound(`version of journal entry ${entryId}`, versionId);
        // A story deleted since is not linked again.
        const story =
          old.story_id === null
            ? undefined
            : await trx
                .selectFrom("stories")
                .select("id")
                .where("user_id", "=", userId)
                .where("id", "=", old.story_id)
                .executeTakeFirst();
        const text = {
          title: old.title,
          happened: old.happened,
          felt: old.felt,
          takeaway: old.takeaway,
          storyId: story?.id ?? null,
        };
        const current = await trx
          .selectFrom("journal_entries")
          .select("id")
          .where("user_id", "=", userId)
          .where("id", "=", entryId)
          .executeTakeFirst();
        if (current) {
          return journalRepo(trx).updateEntry(userId, entryId, {
            ...text,
            source: "restored",
            ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
          });
        }
        // The entry was deleted: it comes back under its id and first date, one version after its last text.
        const last = await trx
          .selectFrom("journal_entry_versions")
          .select((eb) => [eb.fn.max("version").as("version"), eb.fn.min("created_at").as("created_at")])
          .where("user_id", "=", userId)
          .where("entry_id", "=", entryId)
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto("journal_entries")
          .values({
            id: entryId,
            user_id: userId,
            title: text.title,
            happened: text.happened,
            felt: text.felt,
            takeaway: text.takeaway,
            story_id: text.storyId,
            source_item_id: null,
            version: Number(last.version ?? 0) + 1,
            ...(last.created_at ? { created_at: new Date(last.created_at) } : {}),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordVersion(trx, userId, row, "restored");
        return entryFromRow(row);
      });
    },
  };
}
