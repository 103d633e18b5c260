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

/**
 * When the process started (clock ticks since boot, from /proc on Linux): with the pid it
 * names one process for good, so a pid reused after a reboot or a container restart is
 * told apart from the derisk that wrote the lock. Undefined where /proc is not available.
 */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

interface Holder {
  pid: number;
  /** The holder's start time as it wrote it; absent in locks of older versions. */
  started?: string;
}

function holderOf(path: string): Holder | undefined {
  try {
    const [pidText, started] = readFileSync(path, "utf8").split("\n");
    const pid = Number.parseInt(pidText?.trim() ?? "", 10);
    if (!(Number.isInteger(pid) && pid > 0)) return undefined;
    return started?.trim() ? { pid, started: started.trim() } : { pid };
  } catch {
    return undefined;
  }
}

/**
 * Whether the process has exited and only waits for its parent to collect its status (a
 * zombie, state Z in /proc): it holds no files any more. False where /proc is not available.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** Whether the lock's holder is still the live process that wrote it. */
function holds(holder: Holder): boolean {
  if (!isAlive(holder.pid) || isZombie(holder.pid)) return false;
  if (holder.started === undefined) return true; // cannot tell: assume it is
  const now = startTimeOf(holder.pid);
  return now === undefined || now === holder.started;
}

function inUse(dataDir: string, pid: number | undefined): DeriskError {
  const who = pid === undefined ? "another derisk process" : `another derisk process (pid ${pid})`;
  return new DeriskError(
    "IN_USE",
    `The database in ${dataDir} is in use by ${who}: one process at a time can open it, and a ` +
      "running `npm start` (or `derisk serve`) holds it. Stop the server and retry, or leave it " +
      "running and use its HTTP API instead (e.g. curl -s http://127.0.0.1:4178/api/documents; " +
      "see docs/api.md), or point DERISK_DATA_DIR at another folder. " +
      `If no derisk is running (say, after a restart), remove ${join(dataDir, LOCK_FILE)} and retry.`,
  );
}

/**
 * Takes the lock on `dataDir` (which must exist) and returns its release function. A lock
 * left by a process that no longer runs, or whose pid now belongs to a process started
 * later (a reboot or container restart), is taken over.
 *
 * @example const release = lockDataDir("/home/me/.local/share/derisk"); … release();
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  if (heldHere.has(path)) throw inUse(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n${startTimeOf(process.pid) ?? ""}\n`, { flag: "wx" });
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
      const holder = holderOf(path);
      if (holder !== undefined && holder.pid !== process.pid && holds(holder))
        throw inUse(dataDir, holder.pid);
      rmSync(path, { force: true });
    }
  }
  throw inUse(dataDir, holderOf(path)?.pid);
}
