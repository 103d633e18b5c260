/**
 * Opening the store: PGlite in the user's data dir (embedded default) or PostgreSQL via
 * DATABASE_URL (server mode), one Kysely code path for both, migrated on open.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { DeriskError } from "../core/errors.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { type AttemptsRepo, attemptsRepo } from "./repos/attempts.ts";
import { type BackupRepo, backupRepo } from "./repos/backup.ts";
import { type CardsRepo, cardsRepo } from "./repos/cards.ts";
import { type DocumentsRepo, documentsRepo } from "./repos/documents.ts";
import { type IdsRepo, idsRepo } from "./repos/ids.ts";
import { type ItemVersionsRepo, itemVersionsRepo } from "./repos/item-versions.ts";
import { type ItemsRepo, itemsRepo } from "./repos/items.ts";
import { type JournalRepo, journalRepo } from "./repos/journal.ts";
import { type PracticeRepo, practiceRepo } from "./repos/practice.ts";
import { type ProfilesRepo, profilesRepo } from "./repos/profiles.ts";
import { type QuestionsRepo, questionsRepo } from "./repos/questions.ts";
import { type Db, inTransaction, sqlState, translatingInputErrors } from "./repos/sql.ts";
import { type StoriesRepo, storiesRepo } from "./repos/stories.ts";
import { type TailoringsRepo, tailoringsRepo } from "./repos/tailorings.ts";
import { type UsersRepo, usersRepo } from "./repos/users.ts";
import type { Database } from "./schema.ts";

export type StoreTarget =
  /** Embedded PGlite, file-backed in `<dataDir>/pglite` (created if missing). */
  | { dataDir: string }
  /** A PostgreSQL server (server mode). */
  | { databaseUrl: string }
  /** A PGlite instance the caller owns (tests, in-memory); `close()` leaves it open. */
  | { pglite: PGlite };

export type StoreOptions = StoreTarget & {
  /** Told about slow steps, e.g. the first-run initialisation of a new data dir. */
  onProgress?: (message: string) => void;
  /**
   * Where a new data dir is initialised (PGlite's initdb): "subprocess" runs it in a short-lived
   * child process, so the ~450 MB of WebAssembly memory initdb grows is returned to the system
   * instead of staying in a long-running server for its whole life (a server's first start then
   * idles at ~300 MB instead of ~800 MB). "in-process" (the default) saves one PGlite start
   * (~3 s), for one-shot CLI runs.
   */
  initialise?: "in-process" | "subprocess";
};

/** The repos, bound to one connection or transaction. */
export interface Repos {
  users: UsersRepo;
  profiles: ProfilesRepo;
  documents: DocumentsRepo;
  items: ItemsRepo;
  itemVersions: ItemVersionsRepo;
  attempts: AttemptsRepo;
  cards: CardsRepo;
  stories: StoriesRepo;
  questions: QuestionsRepo;
  backup: BackupRepo;
  practice: PracticeRepo;
  tailorings: TailoringsRepo;
  journal: JournalRepo;
  ids: IdsRepo;
}

export interface Store extends Repos {
  readonly dialect: "pglite" | "postgres";
  /**
   * Runs several repo calls atomically: all of them are written or none.
   *
   * @example await store.transaction(async (tx) => { const q = await tx.questions.createQuestion(u, input); await tx.cards.upsertCard(u, { questionId: q.id }, fresh); });
   */
  transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T>;
  /**
   * Applies pending migrations (openStore already did); returns their names.
   *
   * @example const { applied } = await store.migrate(); // [] when up to date
   */
  migrate(): Promise<{ applied: string[] }>;
  /** Closes the connections (and the embedded database, unless the caller passed it in). */
  close(): Promise<void>;
}

/** Table that records applied migrations (Kysely's default name, kept explicit). */
const MIGRATION_TABLE = "kysely_migration";

function bindRepos(db: Db): Repos {
  return {
    users: translatingInputErrors(usersRepo(db)),
    profiles: translatingInputErrors(profilesRepo(db)),
    documents: translatingInputErrors(documentsRepo(db)),
    items: translatingInputErrors(itemsRepo(db)),
    itemVersions: translatingInputErrors(itemVersionsRepo(db)),
    attempts: translatingInputErrors(attemptsRepo(db)),
    cards: translatingInputErrors(cardsRepo(db)),
    stories: translatingInputErrors(storiesRepo(db)),
    questions: translatingInputErrors(questionsRepo(db)),
    backup: translatingInputErrors(backupRepo(db)),
    practice: translatingInputErrors(practiceRepo(db)),
    tailorings: translatingInputErrors(tailoringsRepo(db)),
    journal: translatingInputErrors(journalRepo(db)),
    ids: translatingInputErrors(idsRepo(db)),
  };
}

async function migrate(db: Db): Promise<{ applied: string[] }> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: MIGRATION_TABLE,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    throw new DeriskError(
      "IO",
      `Could not update the database schema (migration ${failed} failed): ${error instanceof Error ? error.message : String(error)}. ` +
        "The database was left as it was; report this with `--debug` output.",
      { cause: error },
    );
  }
  return {
    applied: results.filter((result) => result.status === "Success").map((result) => result.migrationName),
  };
}

/** The URL without its password, for messages. */
function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

function connectionError(databaseUrl: string, error: unknown): DeriskError {
  const where = redact(databaseUrl);
  const state = sqlState(error);
  const code = (error as { code?: unknown } | null)?.code;
  let why = error instanceof Error ? error.message : String(error);
  let fix = "Check DATABASE_URL, or unset it to use the embedded database.";
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EHOSTUNREACH") {
    why =
      code === "ENOTFOUND"
        ? "the host name does not resolve"
        : "the server refused or did not answer the connection";
    fix =
      "Start PostgreSQL (or fix the host and port in DATABASE_URL), or unset DATABASE_URL to use the embedded database.";
  } else if (state === "28P01" || state === "28000") {
    why = "the user name or password was rejected";
    fix = "Fix the credentials in DATABASE_URL.";
  } else if (state === "3D000") {
    why = "the database does not exist";
    fix = "Create it (`createdb <name>`) or fix the database name in DATABASE_URL.";
  }
  return new DeriskError("IO", `Cannot open the database at ${where}: ${why}. ${fix}`, { cause: error });
}

async function openPostgres(databaseUrl: string): Promise<{ db: Db; close: () => Promise<void> }> {
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  } catch (error) {
    throw connectionError(databaseUrl, error);
  }
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw connectionError(databaseUrl, error);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

function kyselyOver(pglite: PGlite): Db {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
  });
}

/**
 * PostgreSQL's default shared_buffers (128 MB) is sized for a server; a derisk bank is a few MB,
 * and the buffers live in PGlite's WebAssembly memory, so 32 MB keeps the whole bank cached while
 * an idle process holds ~130 MB less (bench/idle-memory.ts).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

/** PGlite's entry, resolved from here, for the child process that initialises a data dir. */
const pgliteEntry = (): string =>
  pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite")).href;

/**
 * Creates a PGlite data dir at `pgDir` in a child process: initdb runs in a scratch folder beside
 * it that is renamed into place only once complete, so a start killed half-way leaves no
 * half-written database behind, and the memory initdb used leaves with the child.
 */
async function initialiseDataDirInChild(pgDir: string): Promise<void> {
  const scratch = `${pgDir}.initialising`;
  rmSync(scratch, { recursive: true, force: true });
  const script =
    `const { PGlite } = await import(${JSON.stringify(pgliteEntry())});` +
    `const pg = await PGlite.create(${JSON.stringify(scratch)}); await pg.close();`;
  const stderr: Buffer[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.once("error", fail);
    child.once("exit", (exitCode) => done(exitCode));
  });
  if (code !== 0 || !existsSync(join(scratch, "PG_VERSION"))) {
    rmSync(scratch, { recursive: true, force: true });
    const why = Buffer.concat(stderr).toString("utf8").trim().split("\n").slice(-3).join(" ");
    throw new Error(`initialising the database failed (exit ${code})${why ? `: ${why}` : ""}`);
  }
  renameSync(scratch, pgDir);
}

async function openDataDir(
  dataDir: string,
  onProgress: ((message: string) => void) | undefined,
  initialise: StoreOptions["initialise"],
): Promise<{ db: Db; close: () => Promise<void> }> {
  const root = resolve(dataDir);
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    throw new DeriskError(
      "IO",
      `Cannot create the data folder ${root}: check its permissions or set DERISK_DATA_DIR.`,
      {
        cause: error,
      },
    );
  }
  const release = lockDataDir(root);
  const pgDir = join(root, "pglite");
  let pglite: PGlite;
  try {
    if (!existsSync(join(pgDir, "PG_VERSION"))) {
      onProgress?.("Initialising the database (first run, ~5 s)…");
      if (initialise === "subprocess") {
        // An empty folder (e.g. made by hand) is replaced; one with files makes the rename fail below.
        if (existsSync(pgDir)) rmdirSync(pgDir);
        await initialiseDataDirInChild(pgDir);
      }
    }
    pglite = await PGlite.create(pgDir, { startParams: PGLITE_START_PARAMS });
  } catch (error) {
    release();
    throw new DeriskError(
      "IO",
      `Cannot open the database in ${pgDir}: ${error instanceof Error ? error.message : String(error)}. ` +
        "If it was copied or half-written, move that folder away and retry (a new one is created), or set DERISK_DATA_DIR.",
      { cause: error },
    );
  }
  const db = kyselyOver(pglite);
  return {
    db,
    close: async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Opens (and migrates) the store.
 *
 * @example
 * const store = await openStore({ dataDir: "/home/me/.local/share/derisk", onProgress: console.log });
 * const docs = await store.documents.listDocuments("local");
 * await store.close();
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  let opened: { db: Db; close: () => Promise<void> };
  let dialect: Store["dialect"] = "pglite";
  if ("databaseUrl" in options) {
    dialect = "postgres";
    opened = await openPostgres(options.databaseUrl);
  } else if ("dataDir" in options) {
    opened = await openDataDir(options.dataDir, options.onProgress, options.initialise);
  } else {
    const db = kyselyOver(options.pglite);
    opened = { db, close: () => db.destroy() };
  }
  const { db, close } = opened;
  try {
    await migrate(db);
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  let closed = false;
  return {
    dialect,
    ...bindRepos(db),
    transaction: (fn) => inTransaction(db, (trx) => fn(bindRepos(trx))),
    migrate: () => migrate(db),
    close: async () => {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}
