/**
 * The real `derisk serve` in its own process (bin/derisk.js, as a user starts it), for tests that
 * must kill it outright or watch its memory from outside: its URL, its PID, and its resident
 * memory read from /proc.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = join(fileURLToPath(new URL("../../", import.meta.url)), "bin/derisk.js");

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
  /** What the server printed on stderr so far (progress lines, errors). */
  stderr(): string;
}

/** Starts `derisk serve --port 0` on `dataDir` and resolves once it prints its URL. */
export async function startServerProcess(dataDir: string, timeoutMs = 300_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, "serve", "--port", "0"], {
    env: { ...process.env, NO_COLOR: "1", DERISK_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`));
  });
  const url = await printedUrl(child, {
    what: "derisk serve",
    timeoutMs,
    ended: exited,
    stderr: () => err,
    // Not left running behind a failed spec.
    onTimeout: () => child.kill("SIGKILL"),
  });
  if (child.pid === undefined) throw new Error("derisk serve has no PID");
  return { url, pid: child.pid, child, exited, stderr: () => err };
}

/**
 * The URL a starting server prints ("running at http://…") on its standard output. Rejects with
 * what it printed when it ends first (`ended` says how) or prints none within `timeoutMs`.
 * @example const url = await printedUrl(child, { what: "npm start", timeoutMs: 240_000, ended, stderr: () => err });
 */
export function printedUrl(
  child: ChildProcess,
  options: {
    what: string;
    timeoutMs: number;
    ended: Promise<string>;
    stderr: () => string;
    onTimeout?: () => void;
  },
): Promise<string> {
  let out = "";
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      options.onTimeout?.();
      reject(
        new Error(
          `${options.what} printed no URL within ${options.timeoutMs} ms: ${out}\n${options.stderr()}`,
        ),
      );
    }, options.timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void options.ended.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${options.what} ended (${how}) before serving: ${out}\n${options.stderr()}`));
    });
  });
}

/** Resident memory of a live process, in MB: now (VmRSS) and its peak so far (VmHWM). */
export function residentMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}
