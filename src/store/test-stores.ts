/**
 * Test support (imported by tests only): registers the same store tests on PGlite and on a
 * real PostgreSQL server, each test on a fresh, migrated database.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject, it } from "vitest";
import type { PrepDoc, PrepItem, PrepItemKind } from "../core/model.ts";
import { openStore, type Store } from "./db.ts";

export type Backend = "pglite" | "postgres";

/**
 * A migrated PGlite data dir as a tarball, cached in the temp dir under a hash of the
 * migrations, so each test file pays ~0.6 s to load it instead of ~4 s to initialise one.
 */
async function pgliteTemplate(): Promise<Blob> {
  const migrationsDir = new URL("./migrations/", import.meta.url);
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsDir).sort())
    hash.update(file).update(readFileSync(new URL(file, migrationsDir)));
  // A new PGlite release may change the data dir format.
  hash.update(readFileSync(new URL("../package.json", import.meta.resolve("@electric-sql/pglite"))));
  const cached = join(tmpdir(), `derisk-store-template-${hash.digest("hex").slice(0, 16)}.tar`);
  if (existsSync(cached)) return new Blob([readFileSync(cached)]);
  const pglite = await PGlite.create();
  const store = await openStore({ pglite });
  await store.close();
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const partial = `${cached}.${process.pid}.${randomUUID()}`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, cached);
  return dump;
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

let skipWarned = false;

/**
 * Accounts for a PostgreSQL suite that cannot run because the test server did not start: under
 * CI=true it fails, with the reason, as one test; elsewhere it is skipped, said once per file.
 */
export function requirePostgres(name: string): void {
  const reason = inject("postgresSkipReason");
  if (process.env.CI === "true") {
    describe(`${name} [postgres]`, () => {
      it("needs the test PostgreSQL server (mandatory under CI=true)", () => {
        throw new Error(reason);
      });
    });
    return;
  }
  if (!skipWarned) {
    skipWarned = true;
    console.warn(`[derisk store tests] PostgreSQL half skipped: ${reason}`);
  }
}

/**
 * Registers `body` twice: `name [pglite]` and `name [postgres]`. `getStore()` is a fresh,
 * migrated store for the running test, with users "a" and "b" created.
 *
 * @example describeStores("documents", (getStore) => { it("saves", async () => { await getStore().documents.saveDocument("a", doc, meta); }); });
 */
export function describeStores(name: string, body: (getStore: () => Store, backend: Backend) => void): void {
  describe(`${name} [pglite]`, () => {
    let template: Blob;
    let pglite: PGlite | undefined;
    let store: Store | undefined;
    beforeAll(async () => {
      template = await pgliteTemplate();
    });
    beforeEach(async () => {
      pglite = await PGlite.create({ loadDataDir: template });
      store = await openStore({ pglite });
      await seedUsers(store);
    });
    afterEach(async () => {
      await store?.close();
      await pglite?.close();
    });
    body(() => {
      if (!store) throw new Error("getStore() is only available inside a test");
      return store;
    }, "pglite");
  });

  const serverUrl = inject("postgresUrl");
  if (serverUrl === "") {
    requirePostgres(name);
    return;
  }
  describe(`${name} [postgres]`, () => {
    let admin: pg.Pool;
    const templateDb = `t_tpl_${randomUUID().replaceAll("-", "")}`;
    let database: string | undefined;
    let store: Store | undefined;
    beforeAll(async () => {
      admin = new pg.Pool({ connectionString: serverUrl, max: 2 });
      await admin.query(`create database ${templateDb}`);
      const migrated = await openStore({ databaseUrl: databaseUrl(serverUrl, templateDb) });
      await migrated.close();
    });
    beforeEach(async () => {
      database = `t_${randomUUID().replaceAll("-", "")}`;
      await admin.query(`create database ${database} template ${templateDb} strategy file_copy`);
      store = await openStore({ databaseUrl: databaseUrl(serverUrl, database) });
      await seedUsers(store);
    });
    afterEach(async () => {
      await store?.close();
      if (database) await admin.query(`drop database if exists ${database} with (force)`);
    });
    afterAll(async () => {
      await admin.query(`drop database if exists ${templateDb} with (force)`);
      await admin.end();
    });
    body(() => {
      if (!store) throw new Error("getStore() is only available inside a test");
      return store;
    }, "postgres");
  });
}

async function seedUsers(store: Store): Promise<void> {
  await store.users.ensureUser("a", { name: "Ada" });
  await store.users.ensureUser("b", { name: "Bob" });
}

/** sha256 hex of a string, as the importer computes it for a file's bytes. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

const ZERO_COUNTS: Record<PrepItemKind, number> = {
  section: 0,
  framing: 0,
  answer: 0,
  "follow-up": 0,
  concern: 0,
  "technical-section": 0,
  "technical-question": 0,
  reflection: 0,
  accomplishment: 0,
  "to-do": 0,
  snippet: 0,
  note: 0,
};

/** A small prep document with one item of every kind and the awkward characters real ones have. */
export function samplePrepDoc(overrides: { title?: string; answerText?: string } = {}): PrepDoc {
  const answerText =
    overrides.answerText ??
    'I’m an Applied-Math PhD who moved into ML — I built and shipped a 40% faster pipeline. 👉 "quoted" \\ backslash';
  const items: PrepItem[] = [
    {
      kind: "section",
      key: "section-1",
      lines: { start: 1, end: 1 },
      raw: "## For ML Engineer roles",
      gapBefore: 0,
      title: "For ML Engineer roles",
      depth: 2,
      role: "ML Engineer",
    },
    {
      kind: "framing",
      key: "framing",
      lines: { start: 3, end: 5 },
      raw: "Will this person…\n- handle ambiguity?\n- own it?",
      gapBefore: 1,
      title: "The risk lens",
      intro: "Will this person…",
      questions: ["handle ambiguity?", "own it?"],
    },
    {
      kind: "answer",
      key: "q1/core",
      lines: { start: 7, end: 9 },
      raw: `### Q1. Tell me about yourself\n> ${answerText}`,
      gapBefore: 1,
      questionKey: "q1",
      questionNumber: "Q1",
      question: "Tell me about yourself",
      variant: "core",
      format: "beats",
      text: answerText,
      beats: ["PhD → ML", "pipeline → 40% faster"],
      budgetSeconds: 120,
    },
    {
      kind: "answer",
      key: "q2/core",
      lines: { start: 11, end: 14 },
      raw: "**S – Situation**\nA flaky job.\n**R – Result**\nFixed.",
      gapBefore: 1,
      questionKey: "q2",
      question: "A technical challenge?",
      variant: "ML-focused",
      format: "star",
      text: "A flaky job. Fixed.",
      star: { situation: "A flaky job.", result: "Fixed." },
      remark: "Re-angled from DevOps.",
    },
    {
      kind: "follow-up",
      key: "q1/follow-up-1",
      lines: { start: 16, end: 17 },
      raw: "They'll likely ask: was it related to ML?\n👉 Answer: yes.",
      gapBefore: 1,
      answerKey: "q1/core",
      question: "Was it related to ML?",
      answer: "Yes.",
      pointer: false,
    },
    {
      kind: "concern",
      key: "q1/concern-1",
      lines: { start: 19, end: 21 },
      raw: "Avoid: too academic\n- reframe one\n- reframe two",
      gapBefore: 1,
      answerKey: "q1/core",
      judgement: "too academic",
      reframes: ["reframe one", "reframe two"],
    },
    {
      kind: "technical-section",
      key: "tech-1",
      lines: { start: 23, end: 23 },
      raw: "## 🧠 ML Foundations",
      gapBefore: 1,
      title: "ML Foundations",
      emoji: "🧠",
      competency: "ml-concept",
    },
    {
      kind: "technical-question",
      key: "tech-1/q1",
      lines: { start: 24, end: 24 },
      raw: "1. What is dropout?",
      gapBefore: 0,
      sectionKey: "tech-1",
      text: "What is dropout?",
      competency: "ml-concept",
      keyPoints: [],
    },
    {
      kind: "reflection",
      key: "reflection-1",
      lines: { start: 26, end: 27 },
      raw: "Me: I felt behind.\nCoach: you're not behind.",
      gapBefore: 1,
      turns: [
        { speaker: "Me", text: "I felt behind." },
        { speaker: "Coach", text: "you're not behind." },
      ],
      reframes: ["You solved it."],
    },
    {
      kind: "accomplishment",
      key: "accomplishment-1",
      lines: { start: 28, end: 28 },
      raw: "- Cut GPU spend by 35% in a quarter",
      gapBefore: 0,
      text: "Cut GPU spend by 35% in a quarter",
      metrics: ["35%"],
    },
    {
      kind: "to-do",
      key: "to-do-1",
      lines: { start: 30, end: 31 },
      raw: "- [x] Update the CV\n  - [ ] Rehearse Q1 “out loud”",
      gapBefore: 1,
      entries: [
        { text: "Update the CV", done: true, depth: 0 },
        { text: "Rehearse Q1 “out loud”", done: false, depth: 1 },
      ],
    },
    {
      kind: "snippet",
      key: "snippet-1",
      lines: { start: 33, end: 35 },
      raw: "```python\nprint('👉 \\\\ done')\n```",
      gapBefore: 1,
      language: "python",
      code: "print('👉 \\\\ done')",
      closed: true,
    },
    {
      kind: "note",
      key: "note-1",
      lines: { start: 37, end: 37 },
      raw: "random note ‚Äô kept",
      gapBefore: 1,
      text: "random note ‚Äô kept",
    },
  ];
  const counts = { ...ZERO_COUNTS };
  for (const item of items) counts[item.kind] += 1;
  return {
    title: overrides.title ?? "ML Engineer prep",
    targetRole: "ML Engineer",
    gapAfter: 1,
    finalNewline: true,
    items,
    report: {
      encoding: "utf-8-mojibake-mac-roman",
      repaired: true,
      counts,
      unrecognised: [{ start: 37, end: 37 }],
      lines: { total: 38, nonBlank: 28, inNotes: 1 },
      warnings: [],
    },
  };
}
