/**
 * The initial schema (see schema.ts for the decisions behind it). Migrations are add-only:
 * never edit this file once released; write 0002-… instead.
 */
import { type Kysely, sql } from "kysely";

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  // The single user of the embedded, local-only mode.
  await sql`insert into users (id, name) values ('local', 'Local user')`.execute(db);

  await db.schema
    .createTable("profiles")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("target_role", "text")
    .addColumn("background", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("target_companies", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("words_per_minute", "integer", (c) =>
      c.notNull().defaultTo(150).check(sql`words_per_minute between 40 and 400`),
    )
    .addColumn("budgets", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("framing", "jsonb")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("target_role", "text")
    .addColumn("filename", "text")
    .addColumn("content_sha256", "text", (c) => c.notNull())
    .addColumn("encoding", "text", (c) => c.notNull())
    .addColumn("repaired", "boolean", (c) => c.notNull())
    .addColumn("report", "jsonb", (c) => c.notNull())
    .addColumn("gap_after", "integer", (c) => c.notNull())
    .addColumn("final_newline", "boolean", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    // Target of the composite foreign keys below.
    .addUniqueConstraint("documents_user_id_id_key", ["user_id", "id"])
    .execute();
  await db.schema
    .createIndex("documents_user_sha_idx")
    .on("documents")
    .columns(["user_id", "content_sha256"])
    .execute();
  await db.schema
    .createIndex("documents_user_title_idx")
    .on("documents")
    .columns(["user_id", "title"])
    .execute();

  await db.schema
    .createTable("items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("line_start", "integer", (c) => c.notNull())
    .addColumn("line_end", "integer", (c) => c.notNull())
    .addColumn("raw", "text", (c) => c.notNull())
    .addColumn("gap_before", "integer", (c) => c.notNull())
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("items_user_id_id_key", ["user_id", "id"])
    // Keys identify an item across re-imports, so cards and attempts keep pointing at it.
    .addUniqueConstraint("items_document_id_key_key", ["document_id", "key"])
    .addForeignKeyConstraint(
      "items_document_fk",
      ["user_id", "document_id"],
      "documents",
      ["user_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("items_user_document_position_idx")
    .on("items")
    .columns(["user_id", "document_id", "position"])
    .execute();
  await db.schema.createIndex("items_user_kind_idx").on("items").columns(["user_id", "kind"]).execute();

  await db.schema
    .createTable("stories")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("situation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("task", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("actions", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("result", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("lesson", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("metrics", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("tags", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("competencies", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("source_item_id", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("stories_user_id_id_key", ["user_id", "id"])
    .execute();
  await db.schema.createIndex("stories_user_idx").on("stories").columns(["user_id", "updated_at"]).execute();

  await db.schema
    .createTable("questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("competency", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("category", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("key_points", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("item_id", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("questions_user_id_id_key", ["user_id", "id"])
    .execute();
  await db.schema
    .createIndex("questions_user_competency_idx")
    .on("questions")
    .columns(["user_id", "competency"])
    .execute();

  await db.schema
    .createTable("attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("item_id", "text")
    .addColumn("question_id", "text")
    .addColumn("question_text", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode in ('typed', 'spoken')`))
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("duration_ms", "integer", (c) => c.notNull().defaultTo(0).check(sql`duration_ms >= 0`))
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("analysis", "jsonb")
    .addColumn("self_rating", "smallint", (c) => c.check(sql`self_rating between 1 and 4`))
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("finished_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("attempts_user_started_idx")
    .on("attempts")
    .columns(["user_id", "started_at"])
    .execute();
  await db.schema
    .createIndex("attempts_user_item_idx")
    .on("attempts")
    .columns(["user_id", "item_id"])
    .execute();

  await db.schema
    .createTable("cards")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("item_id", "text")
    .addColumn("question_id", "text")
    .addColumn("due", "timestamptz", (c) => c.notNull())
    .addColumn("stability", "double precision", (c) => c.notNull())
    .addColumn("difficulty", "double precision", (c) => c.notNull())
    .addColumn("elapsed_days", "integer", (c) => c.notNull())
    .addColumn("scheduled_days", "integer", (c) => c.notNull())
    .addColumn("learning_steps", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reps", "integer", (c) => c.notNull())
    .addColumn("lapses", "integer", (c) => c.notNull())
    .addColumn("state", "smallint", (c) => c.notNull().check(sql`state between 0 and 3`))
    .addColumn("last_review", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("cards_one_ref", sql`(item_id is null) <> (question_id is null)`)
    // NULLs are distinct in unique constraints, so each holds only for its kind of ref.
    .addUniqueConstraint("cards_user_item_key", ["user_id", "item_id"])
    .addUniqueConstraint("cards_user_question_key", ["user_id", "question_id"])
    .execute();
  await db.schema.createIndex("cards_user_due_idx").on("cards").columns(["user_id", "due"]).execute();

  // Composite foreign keys: a row can only point at rows of the same user. `set null (col)`
  // (PostgreSQL ≥ 15) clears the ref but keeps user_id, so an attempt outlives its item.
  const foreignKeys = [
    sql`alter table stories add constraint stories_source_item_fk foreign key (user_id, source_item_id)
        references items (user_id, id) on delete set null (source_item_id)`,
    sql`alter table questions add constraint questions_item_fk foreign key (user_id, item_id)
        references items (user_id, id) on delete set null (item_id)`,
    sql`alter table attempts add constraint attempts_item_fk foreign key (user_id, item_id)
        references items (user_id, id) on delete set null (item_id)`,
    sql`alter table attempts add constraint attempts_question_fk foreign key (user_id, question_id)
        references questions (user_id, id) on delete set null (question_id)`,
    sql`alter table cards add constraint cards_item_fk foreign key (user_id, item_id)
        references items (user_id, id) on delete cascade`,
    sql`alter table cards add constraint cards_question_fk foreign key (user_id, question_id)
        references questions (user_id, id) on delete cascade`,
  ];
  for (const statement of foreignKeys) await statement.execute(db);
}
