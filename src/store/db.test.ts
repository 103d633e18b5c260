import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { openStore } from "./db.ts";
import { describeStores, requirePostgres, samplePrepDoc, sha256 } from "./test-stores.ts";

describeStores("openStore", (getStore, backend) => {
  it("runs migrations once: a second run applies nothing", async () => {
    expect(await getStore().migrate()).toEqual({ applied: [] });
    expect(getStore().dialect).toBe(backend);
  });

  it("commits a transaction across repos, or nothing when it throws", async () => {
    const store = getStore();
    await expect(
      store.transaction(async (tx) => {
        await tx.stories.createStory("a", { title: "kept?" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.stories.listStories("a")).toEqual([]);
    const id = await store.transaction(async (tx) => {
      const q = await tx.questions.createQuestion("a", { text: "Q", competency: "ml-concept" });
      await tx.documents.saveDocument("a", samplePrepDoc(), { contentSha256: sha256("v1") });
      return q.id;
    });
    expect((await store.questions.getQuestion("a", id)).text).toBe("Q");
    expect(await store.documents.listDocuments("a")).toHaveLength(1);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe("openStore on a data dir (embedded PGlite)", () => {
  it("initialises a new dir once, keeps autosaved attempts across reopen, and refuses a second opener", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "derisk-data-")), "nested", "derisk");
    try {
      const progress: string[] = [];
      const store = await openStore({ dataDir, onProgress: (message) => progress.push(message) });
      expect(progress).toEqual(["Initialising the database (first run, ~5 s)…"]);
      await expect(openStore({ dataDir })).rejects.toMatchObject({
        code: "IN_USE",
        message: expect.stringContaining("is in use by another derisk process"),
      });
      const { documentId } = await store.documents.saveDocument("local", samplePrepDoc(), {
        contentSha256: sha256("v1"),
      });
      const attempt = await store.attempts.createAttempt("local", { questionText: "Q", mode: "typed" });
      await store.attempts.autosaveAttempt("local", attempt.id, { text: "typed so far", durationMs: 12_000 });
      await store.close();

      const again: string[] = [];
      const reopened = await openStore({ dataDir, onProgress: (message) => again.push(message) });
      try {
        expect(again).toEqual([]);
        expect(await reopened.migrate()).toEqual({ applied: [] });
        expect(await reopened.attempts.getAttempt("local", attempt.id)).toMatchObject({
          text: "typed so far",
          durationMs: 12_000,
        });
        expect((await reopened.documents.loadDocument("local", documentId)).items).toEqual(
          samplePrepDoc().items,
        );
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(join(dataDir, "..", ".."), { recursive: true, force: true });
    }
  }, 120_000); // two cold PGlite initialisations: ~10 s alone, far more on a busy 2-core machine

  it("initialises a new dir in a child process, replacing what a killed first start left half-written", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "derisk-data-"));
    try {
      // A first start killed during initdb leaves its scratch folder behind, with junk in it.
      mkdirSync(join(dataDir, "pglite.initialising"));
      writeFileSync(join(dataDir, "pglite.initialising", "PG_VERSION"), "half");
      const progress: string[] = [];
      const store = await openStore({
        dataDir,
        initialise: "subprocess",
        onProgress: (message) => progress.push(message),
      });
      try {
        expect(progress).toEqual(["Initialising the database (first run, ~5 s)…"]);
        expect(
          readdirSync(dataDir)
            .filter((name) => name.startsWith("pglite"))
            .sort(),
        ).toEqual(["pglite"]);
        expect(readFileSync(join(dataDir, "pglite", "PG_VERSION"), "utf8").trim()).toMatch(/^\d+$/);
        await store.documents.saveDocument("local", samplePrepDoc(), { contentSha256: sha256("v1") });
        expect(await store.documents.listDocuments("local")).toHaveLength(1);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("openStore on DATABASE_URL", () => {
  it("explains a refused connection without printing the password", async () => {
    const port = await freePort();
    const opening = openStore({ databaseUrl: `postgres://derisk:s3cret@127.0.0.1:${port}/derisk` });
    await expect(opening).rejects.toMatchObject({
      code: "IO",
      message: expect.stringMatching(/127\.0\.0\.1:\d+.*refused.*Start PostgreSQL.*unset DATABASE_URL/),
    });
    await expect(opening).rejects.toSatisfy((error: Error) => !error.message.includes("s3cret"));
  });

  const serverUrl = inject("postgresUrl");
  if (serverUrl === "") requirePostgres("openStore");
  it.runIf(serverUrl !== "")("explains a wrong password and a missing database", async () => {
    const wrongPassword = new URL(serverUrl);
    wrongPassword.password = "wrong";
    await expect(openStore({ databaseUrl: wrongPassword.toString() })).rejects.toMatchObject({
      code: "IO",
      message: expect.stringContaining("password was rejected"),
    });
    const missing = new URL(serverUrl);
    missing.pathname = "/no_such_database";
    await expect(openStore({ databaseUrl: missing.toString() })).rejects.toMatchObject({
      code: "IO",
      message: expect.stringContaining("database does not exist"),
    });
  });
});
