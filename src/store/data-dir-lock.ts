/**
 * PGlite has no lock of its own: two processes opening one data dir both succeed and then
 * corrupt it. So the store takes an exclusive lock file beside the database before opening it.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DeriskError } from "../core/errors.ts";

const LOCK_FILE = "derisk.lock";
/** Data dirs this process holds: its own pid in a lock file does not mean the lock is stale. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holderOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function inUse(dataDir: string, pid: number | undefined): DeriskError {
  const who = pid === undefined ? "another derisk process" : `another derisk process (pid ${pid})`;
  return new DeriskError(
    "IO",
    `The database in ${dataDir} is in use by ${who}: one process at a time can open it, and a ` +
      "running `npm start` (or `derisk serve`) holds it. Stop the server and retry, or leave it " +
      "running and use its HTTP API instead (e.g. curl -s http://127.0.0.1:4178/api/documents; " +
      "see docs/api.md), or point DERISK_DATA_DIR at another folder.",
  );
}

/**
 * Takes the lock on `dataDir` (which must exist) and returns its release function. A lock
 * left by a process that no longer runs is taken over.
 *
 * @example const release = lockDataDir("/home/me/.local/share/derisk"); … release();
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  if (heldHere.has(path)) throw inUse(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: "wx" });
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new DeriskError(
          "IO",
          `Cannot write to ${dataDir}: check its permissions or set DERISK_DATA_DIR.`,
          {
            cause: error,
          },
        );
      }
      const pid = holderOf(path);
      if (pid !== undefined && pid !== process.pid && isAlive(pid)) throw inUse(dataDir, pid);
      rmSync(path, { force: true });
    }
  }
  throw inUse(dataDir, holderOf(path));
}
