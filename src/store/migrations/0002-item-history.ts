/**
 * Item history: every text an item has had, with its date and source, so an import or an
 * edit never loses what the user wrote (PRODUCT.md, "Version"). Add-only, like every migration.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("item_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    // The item version this text was; null for a file's text an import offered but did not apply.
    .addColumn("version", "integer")
    .addColumn("source", "text", (c) =>
      c.notNull().check(sql`source in ('imported', 'typed', 'composed', 're-angled', 'restored', 'earlier')`),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("raw", "text", (c) => c.notNull())
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("item_versions_user_id_id_key", ["user_id", "id"])
    .addForeignKeyConstraint(
      "item_versions_item_fk",
      ["user_id", "item_id"],
      "items",
      ["user_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("item_versions_user_item_idx")
    .on("item_versions")
    .columns(["user_id", "item_id", "created_at"])
    .execute();
  // Items saved before history was kept: their current text is their first version. A text
  // already changed once (version > 1) may be the user's own, so it counts as theirs ("earlier").
  await sql`insert into item_versions (id, user_id, item_id, version, source, kind, raw, data, created_at)
    select gen_random_uuid()::text, user_id, id, version,
           case when version = 1 then 'imported' else 'earlier' end, kind, raw, data, updated_at
    from items`.execute(db);
}
