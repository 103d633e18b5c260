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

it("gives items saved before history was kept their current text as a first version", async () => {
  expect((await migrator.migrateTo("0001-initial")).error).toBeUndefined();
  await sql`insert into documents (id, user_id, title, content_sha256, encoding, repaired, report, gap_after, final_newline)
    values ('d', 'local', 'Prep', 'x', 'utf-8', false, '{}', 0, true)`.execute(db);
  await sql`insert into items (id, user_id, document_id, position, kind, key, line_start, line_end, raw, gap_before, data, version)
    values ('fresh', 'local', 'd', 0, 'note', 'note-1', 1, 1, 'as imported', 0, '{"text":"as imported"}', 1),
           ('changed', 'local', 'd', 1, 'note', 'note-2', 2, 2, 'edited once', 0, '{"text":"edited once"}', 2)`.execute(
    db,
  );
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const { rows } = await sql<{ item_id: string; version: number; source: string; raw: string }>`
    select item_id, version, source, raw from item_versions order by item_id`.execute(db);
  // A text changed since its import may be the user's own: it counts as theirs, so a re-import keeps it.
  expect(rows).toEqual([
    { item_id: "changed", version: 2, source: "earlier", raw: "edited once" },
    { item_id: "fresh", version: 1, source: "imported", raw: "as imported" },
  ]);
}, 120_000);
