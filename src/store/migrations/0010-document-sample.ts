/**
 * Whether a document is derisk's own sample (imported through the sample button or route, or
 * byte for byte the shipped sample): someone else's made-up experience, which the cross-document
 * pools (tailor, trailer, coverage, follow-up links, story matching) leave out once the user has
 * material of their own.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("documents")
    .addColumn("sample", "boolean", (column) => column.notNull().defaultTo(false))
    .execute();
}
