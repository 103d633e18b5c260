import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the real PostgreSQL server started for this run ("" when it could not start). */
    postgresUrl: string;
    /** Why PostgreSQL is unavailable, and how to fix it ("" when it runs). */
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
 * Starts one real PostgreSQL server for the whole test run, so the store suite runs against
 * PGlite and real PostgreSQL alike. A failure to start never stops the run: the PostgreSQL
 * suites then fail under CI=true (and are skipped elsewhere) with the reason, and every
 * other suite still runs and reports.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide("postgresUrl", process.env.DATABASE_URL);
    project.provide("postgresSkipReason", "");
    return async () => {};
  }
  try {
    const server = await startTestPostgres(await freePort(), "derisk-test");
    project.provide("postgresUrl", server.url);
    project.provide("postgresSkipReason", "");
    return () => server.stop();
  } catch (error) {
    const reason =
      `the test PostgreSQL server did not start: ${error instanceof Error ? error.message : String(error)}. ` +
      "Fix that, or point the tests at a running server with DATABASE_URL=postgres://user:password@host:port/db";
    project.provide("postgresUrl", "");
    project.provide("postgresSkipReason", reason);
    process.stdout.write(`[derisk tests] ${reason}\n`);
    return async () => {};
  }
}
