import { homedir } from "node:os";
import { join } from "node:path";

/** Where the bank lives: an embedded PGlite directory or a PostgreSQL server. */
export type StorageLocation = { kind: "pglite"; dataDir: string } | { kind: "postgres"; databaseUrl: string };

/**
 * Resolves the storage from the environment: `DATABASE_URL` (server mode) wins, then
 * `DERISK_DATA_DIR`, then `$XDG_DATA_HOME/derisk`, then `~/.local/share/derisk`.
 * @example resolveStorage(process.env) // { kind: "pglite", dataDir: "/home/me/.local/share/derisk" }
 */
export function resolveStorage(env: NodeJS.ProcessEnv): StorageLocation {
  if (env.DATABASE_URL) return { kind: "postgres", databaseUrl: env.DATABASE_URL };
  if (env.DERISK_DATA_DIR) return { kind: "pglite", dataDir: env.DERISK_DATA_DIR };
  const dataHome = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return { kind: "pglite", dataDir: join(dataHome, "derisk") };
}

/** The single local user of the embedded, single-user mode. */
export const LOCAL_USER_ID = "local";
