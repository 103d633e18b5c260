import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { practiceReport } from "../../app/practice.ts";
import { openStore, type Store } from "../db.ts";
import { MIGRATIONS } from "../migrations/index.ts";
import { describeStores, requirePostgres } from "../test-stores.ts";

const steps = ["First question", "Second question", "Third question"].map((questionText) => ({
  questionText,
  budgetSeconds: 90,
}));

describeStores("practice sessions ended early", (getStore) => {
  it("marks a session ended at the step on screen, once: finished, no current step", async () => {
    const store = getStore();
    const created = await store.practice.createSession("a", { source: { kind: "due" }, steps });
    const second = created.steps[1];
    if (!second) throw new Error("three steps were made");
    await store.practice.setCurrentStep("a", created.id, second.id);
    await store.practice.endSession("a", created.id);
    const ended = await store.practice.getSession("a", created.id);
    // Before: no end marker existed; an ended session read as one run to its end.
    expect(ended).toMatchObject({ status: "finished", ended: { position: 1, at: expect.any(Date) } });
    expect(ended.currentStepId).toBeUndefined();
    expect(ended.finishedAt).toBeInstanceOf(Date);

    // Ending it again changes nothing: the first end stays.
    await store.practice.endSession("a", created.id);
    expect((await store.practice.getSession("a", created.id)).ended).toEqual(ended.ended);
    // Listed sessions carry it too.
    const [listed] = await store.practice.listSessions("a", { status: "finished" });
    expect(listed?.ended).toEqual(ended.ended);
  });

  it("finishes without an end marker a session past its last question, and one run to its end has none", async () => {
    const store = getStore();
    const waiting = await store.practice.createSession("a", { source: { kind: "due" }, steps });
    await store.practice.setCurrentStep("a", waiting.id, undefined, { keepOpen: true });
    await store.practice.endSession("a", waiting.id);
    const finished = await store.practice.getSession("a", waiting.id);
    expect(finished.status).toBe("finished");
    expect(finished.ended).toBeUndefined();

    const ran = await store.practice.createSession("a", { source: { kind: "due" }, steps });
    await store.practice.setCurrentStep("a", ran.id, undefined);
    await store.practice.endSession("a", ran.id);
    expect((await store.practice.getSession("a", ran.id)).ended).toBeUndefined();
  });

  it("ends only the owner's session: another user's is not found, and stays as it was", async () => {
    const store = getStore();
    const created = await store.practice.createSession("a", { source: { kind: "due" }, steps });
    await expect(store.practice.endSession("b", created.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await store.practice.getSession("a", created.id)).toMatchObject({ status: "active" });
    expect((await store.practice.getSession("a", created.id)).ended).toBeUndefined();
  });
});

/**
 * A database made by the schema before the end marker (migration 0014), with a session ended
 * the old way and one still active: rows as the old code wrote them.
 */
async function fillOldSchema(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const migrated = await migrator.migrateTo("0014-new-cards-per-day");
  expect(migrated.error).toBeUndefined();
  await sql`insert into practice_sessions (id, user_id, source, status, current_step_id, finished_at)
    values ('old-ended', 'local', '{"kind":"due"}', 'finished', null, now()),
           ('old-active', 'local', '{"kind":"due"}', 'active', 'act-2', null)`.execute(db);
  await sql`insert into practice_steps (id, user_id, session_id, position, kind, question_text, budget_seconds)
    values ('end-1', 'local', 'old-ended', 0, 'question', 'Why this team?', 60),
           ('end-2', 'local', 'old-ended', 1, 'question', 'A time you failed', 90),
           ('act-1', 'local', 'old-active', 0, 'question', 'Why this team?', 60),
           ('act-2', 'local', 'old-active', 1, 'question', 'A time you failed', 90),
           ('act-3', 'local', 'old-active', 2, 'question', 'A conflict', 90)`.execute(db);
}

/** After the upgrade: every old row is there as it was, and the new end marker works. */
async function checkUpgraded(store: Store): Promise<void> {
  const old = await store.practice.getSession("local", "old-ended");
  expect(old).toMatchObject({ status: "finished", finishedAt: expect.any(Date) });
  // Ended before the marker existed: nothing says where, and the session says it cannot tell.
  expect(old.ended).toBeUndefined();
  expect(old.endUnknown).toBe(true);
  // Its report claims no skip past its last answer (here none): before, "Skipped." for both.
  const report = await practiceReport(store, "local", "old-ended");
  expect(report.steps.map((s) => [s.state, s.skipped])).toEqual([
    ["unanswered", false],
    ["unanswered", false],
  ]);
  expect(old.steps.map((s) => [s.id, s.position, s.questionText])).toEqual([
    ["end-1", 0, "Why this team?"],
    ["end-2", 1, "A time you failed"],
  ]);
  const active = await store.practice.getSession("local", "old-active");
  expect(active).toMatchObject({ status: "active", currentStepId: "act-2" });
  expect(active.steps).toHaveLength(3);
  await store.practice.endSession("local", "old-active");
  const ended = await store.practice.getSession("local", "old-active");
  expect(ended.ended).toMatchObject({ position: 1 });
  expect(ended.endUnknown).toBeUndefined();
  expect((await practiceReport(store, "local", "old-active")).steps.map((s) => s.state)).toEqual([
    "skipped",
    "not-reached",
    "not-reached",
  ]);
}

describe("upgrading a database made before the end marker (migration 0015)", () => {
  it("keeps every session and step on PGlite, and ends the active one with the marker", async () => {
    const pglite = new PGlite();
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
    });
    await fillOldSchema(db);
    await db.destroy();
    const store = await openStore({ pglite });
    try {
      await checkUpgraded(store);
    } finally {
      await store.close();
      await pglite.close();
    }
  }, 120_000);

  const serverUrl = inject("postgresUrl");
  if (serverUrl === "") requirePostgres("upgrading to migration 0015");
  it.runIf(serverUrl !== "")(
    "keeps every session and step on PostgreSQL, and ends the active one with the marker",
    async () => {
      const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
      const name = `t_upgrade_${randomUUID().replaceAll("-", "")}`;
      await admin.query(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      try {
        const db = new Kysely<unknown>({
          dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }),
        });
        await fillOldSchema(db);
        await db.destroy();
        const store = await openStore({ databaseUrl: url.toString() });
        try {
          await checkUpgraded(store);
        } finally {
          await store.close();
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    120_000,
  );
});
