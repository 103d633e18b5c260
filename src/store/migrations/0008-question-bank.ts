/**
 * The built-in question banks (src/core/questions): a bank question a user drills or practises
 * becomes a row of `questions` with its bank key, so its card and attempts have something to
 * point at. Questions gain an answer outline (technical) and the risks an interviewer checks
 * with them (behavioral).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("questions")
    .addColumn("bank_key", "text")
    .addColumn("outline", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("checks", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  // One row per bank question and user: starting two drills at once cannot add it twice.
  await db.schema
    .createIndex("questions_user_bank_key_idx")
    .on("questions")
    .columns(["user_id", "bank_key"])
    .unique()
    .execute();
}
