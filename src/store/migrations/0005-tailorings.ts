/**
 * Tailorings: a job posting the user matched their bank against, kept with the result so it
 * can be listed and reopened (issue 11). The posting is the user's text; company and title are
 * what the posting says, or what the user corrected them to. Add-only: one new table.
 */
import { type Kysely, sql } from "kysely";

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tailorings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("company", "text")
    .addColumn("title", "text")
    .addColumn("posting", "text", (c) => c.notNull())
    /** The tailoring and the "why this company" scaffold as last computed. */
    .addColumn("result", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("tailorings_user_id_id_key", ["user_id", "id"])
    .execute();
  await db.schema
    .createIndex("tailorings_user_updated_idx")
    .on("tailorings")
    .columns(["user_id", "updated_at"])
    .execute();
}
