/**
 * Journal entries the user deleted that came from a document's reflection: remembered, so that
 * importing the same document again does not bring them back. One row per reflection item;
 * it goes with the item (a document deleted, a reflection gone from the file).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("journal_dismissals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("source_item_id", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("journal_dismissals_user_source_key", ["user_id", "source_item_id"])
    .execute();
  // Composite key: a dismissal can only name its own user's item.
  await sql`alter table journal_dismissals add constraint journal_dismissals_item_fk foreign key (user_id, source_item_id)
        references items (user_id, id) on delete cascade`.execute(db);
}
