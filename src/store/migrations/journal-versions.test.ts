import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { MIGRATIONS } from "./index.ts";

const pglite = new PGlite();
const db = new Kysely<unknown>({
  dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
});
const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });

afterAll(async () => {
  await db.destroy();
  await pglite.close();
});

it("gives journal entries written before history was kept their current text as a first version", async () => {
  expect((await migrator.migrateTo("0011-spoken-attempts")).error).toBeUndefined();
  // The 'local' user is made by the first migration.
  await sql`insert into journal_entries (id, user_id, title, felt, version)
    values ('fresh', 'local', 'Written once', 'Tired.', 1), ('edited', 'local', 'Edited twice', 'Calmer.', 3)`.execute(
    db,
  );
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const { rows } = await sql<{ entry_id: string; version: number; source: string; title: string }>`
    select entry_id, version, source, title from journal_entry_versions order by entry_id`.execute(db);
  expect(rows).toEqual([
    { entry_id: "edited", version: 3, source: "earlier", title: "Edited twice" },
    { entry_id: "fresh", version: 1, source: "typed", title: "Written once" },
  ]);
}, 120_000);
