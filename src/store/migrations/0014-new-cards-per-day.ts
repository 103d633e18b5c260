/**
 * How many never-practised cards the due queue and the drill may introduce a day: the user's
 * setting (`derisk drill --new-per-day N`, the Practice page), 10 until they change it.
 * Add-only.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("profiles")
    .addColumn("new_cards_per_day", "integer", (column) =>
      column.notNull().defaultTo(10).check(sql`new_cards_per_day between 0 and 100`),
    )
    .execute();
}
