/**
 * The reflection journal (C10): private entries about a hard episode (what happened, how it
 * felt), a one-line takeaway the user writes, and the story the entry can become. An entry
 * drawn from a document's reflection remembers that item, so it is imported once.
 */
import { type Kysely, sql } from "kysely";

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("journal_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("happened", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("felt", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("takeaway", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("story_id", "text")
    .addColumn("source_item_id", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("journal_entries_user_id_id_key", ["user_id", "id"])
    .addUniqueConstraint("journal_entries_user_source_key", ["user_id", "source_item_id"])
    .execute();
  await db.schema
    .createIndex("journal_entries_user_created_idx")
    .on("journal_entries")
    .columns(["user_id", "created_at"])
    .execute();
  // Composite keys: an entry can only point at its own user's story and item.
  const foreignKeys = [
    sql`alter table journal_entries add constraint journal_entries_story_fk foreign key (user_id, story_id)
        references stories (user_id, id) on delete set null (story_id)`,
    sql`alter table journal_entries add constraint journal_entries_item_fk foreign key (user_id, source_item_id)
        references items (user_id, id) on delete set null (source_item_id)`,
  ];
  for (const statement of foreignKeys) await statement.execute(db);
}
