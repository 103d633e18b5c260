/**
 * A history entry a bank restore brought in without applying it: the backup's text of an answer
 * or journal entry that the bank had edited in its own way since. `from_backup_at` is when that
 * restore ran (null for every other entry); the entry keeps its own date in `created_at`.
 * Add-only.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ["item_versions", "journal_entry_versions"]) {
    await db.schema.alterTable(table).addColumn("from_backup_at", "timestamptz").execute();
  }
}
