/**
 * A title the user chose (renamed the document). Kept apart from `title`, the name the
 * import derived, so a re-import of the same file or text still finds the document and
 * keeps the user's name for it.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("documents").addColumn("chosen_title", "text").execute();
}
