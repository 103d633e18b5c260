/**
 * Spoken attempts: the delivery figures measured from the audio (jsonb, the shape of core's
 * `Delivery`) on the attempt, and the recordings a user chose to keep, in their own table so an
 * attempt row stays small. A recording goes with its attempt. Add-only.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table attempts add column delivery jsonb`.execute(db);
  await db.schema
    .createTable("attempt_recordings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("attempt_id", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("bytes", "bytea", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("attempt_recordings_attempt_key", ["user_id", "attempt_id"])
    .execute();
  // Composite key: a recording can only belong to its own user's attempt.
  await sql`alter table attempt_recordings add constraint attempt_recordings_attempt_fk foreign key (user_id, attempt_id)
        references attempts (user_id, id) on delete cascade`.execute(db);
}
