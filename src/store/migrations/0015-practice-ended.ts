/**
 * An interview ended early (the web's "End interview", the terminal's /end) says so: when it was
 * ended and the position of the step that was on screen then. Its report tells the questions the
 * candidate passed ("skipped") from those the interview never reached. Both null for a session
 * that ran to its last question, and for every session ended before this migration (those read
 * as before). Add-only: two nullable columns, no row rewritten.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("practice_sessions").addColumn("ended_at", "timestamptz").execute();
  await db.schema.alterTable("practice_sessions").addColumn("ended_position", "double precision").execute();
  // Set together or not at all: a time without the place it was ended reads as nothing.
  await sql`alter table practice_sessions add constraint practice_sessions_ended_check
    check ((ended_at is null) = (ended_position is null))`.execute(db);
}
