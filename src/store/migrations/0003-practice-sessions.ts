/**
 * Practice sessions (C6–C7): a session is an ordered list of steps (questions, and the
 * follow-ups asked after them); which step is current and when its timer started live here,
 * so a reload or a killed server resumes at the same question. Add-only: new tables, new
 * nullable columns on attempts (audio and transcript, for spoken attempts later).
 */
import { type Kysely, sql } from "kysely";

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("practice_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text")
    /** How the questions were picked: { kind: "due" | "competency" | "items" | "question", … }. */
    .addColumn("source", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("active").check(sql`status in ('active', 'finished')`),
    )
    .addColumn("current_step_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("finished_at", "timestamptz")
    .addUniqueConstraint("practice_sessions_user_id_id_key", ["user_id", "id"])
    .execute();
  await db.schema
    .createIndex("practice_sessions_user_created_idx")
    .on("practice_sessions")
    .columns(["user_id", "created_at"])
    .execute();

  // Attempts become a foreign-key target of steps, with the same composite key as the others.
  await sql`alter table attempts add constraint attempts_user_id_id_key unique (user_id, id)`.execute(db);
  await sql`alter table attempts add column audio_ref text`.execute(db);
  await sql`alter table attempts add column transcript text`.execute(db);

  await db.schema
    .createTable("practice_steps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.notNull())
    // Questions at 0, 1, 2…; a follow-up sits just after its question (position + 0.5).
    .addColumn("position", "double precision", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('question', 'follow-up')`))
    .addColumn("item_id", "text")
    .addColumn("question_id", "text")
    .addColumn("question_text", "text", (c) => c.notNull())
    .addColumn("competency", "text")
    .addColumn("budget_seconds", "integer", (c) => c.notNull().check(sql`budget_seconds > 0`))
    .addColumn("prepared_answer", "text")
    .addColumn("peeked", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("timer_started_at", "timestamptz")
    .addColumn("attempt_id", "text")
    .addColumn("follow_up_of", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("practice_steps_session_position_key", ["session_id", "position"])
    .addForeignKeyConstraint(
      "practice_steps_session_fk",
      ["user_id", "session_id"],
      "practice_sessions",
      ["user_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  const foreignKeys = [
    sql`alter table practice_steps add constraint practice_steps_item_fk foreign key (user_id, item_id)
        references items (user_id, id) on delete set null (item_id)`,
    sql`alter table practice_steps add constraint practice_steps_question_fk foreign key (user_id, question_id)
        references questions (user_id, id) on delete set null (question_id)`,
    sql`alter table practice_steps add constraint practice_steps_attempt_fk foreign key (user_id, attempt_id)
        references attempts (user_id, id) on delete set null (attempt_id)`,
  ];
  for (const statement of foreignKeys) await statement.execute(db);
}
