/**
 * Journal history: every text a journal entry has had (title, what happened, how it felt, the
 * takeaway, the linked story), with its date and source, as items keep theirs (0002). A row does
 * not go with its entry: a deleted entry's texts stay, so the deletion can be undone. Add-only.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("journal_entry_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("entry_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) =>
      c.notNull().check(sql`source in ('imported', 'typed', 'restored', 'earlier')`),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("happened", "text", (c) => c.notNull())
    .addColumn("felt", "text", (c) => c.notNull())
    .addColumn("takeaway", "text", (c) => c.notNull())
    .addColumn("story_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("journal_entry_versions_user_id_id_key", ["user_id", "id"])
    .execute();
  await db.schema
    .createIndex("journal_entry_versions_user_entry_idx")
    .on("journal_entry_versions")
    .columns(["user_id", "entry_id", "created_at"])
    .execute();
  // Entries written before history was kept: their current text is their first version; one
  // already edited (version > 1) counts as the user's own ("earlier").
  await sql`insert into journal_entry_versions
      (id, user_id, entry_id, version, source, title, happened, felt, takeaway, story_id, created_at)
    select gen_random_uuid()::text, user_id, id, version,
           case when version > 1 then 'earlier' when source_item_id is not null then 'imported' else 'typed' end,
           title, happened, felt, takeaway, story_id, updated_at
    from journal_entries`.execute(db);
}
