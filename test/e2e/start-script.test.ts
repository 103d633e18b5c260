import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { printedUrl } from "./server-process.ts";

// `npm start` as a user runs it: scripts/start.mjs in its own process group (a terminal's
// foreground job), serving the built app. Ctrl-C reaches the whole group; the prompt must come
// back only once the server has closed the bank, and a server killed outright must not look
// like a clean stop (it once exited 0 after a kill -9 of the server).
const root = new URL("../..", import.meta.url).pathname;
const sample = join(root, "samples/sample-prep.md");
const dataDir = mkdtempSync(join(tmpdir(), "derisk-start-"));
let running: ChildProcess | undefined;

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

async function start(): Promise<Started> {
  // detached: its own process group, so a signal to -pid reaches every process of it, as Ctrl-C does.
  const child = spawn(process.execPath, [join(root, "scripts/start.mjs"), "--port", "0"], {
    cwd: root,
    detached: true,
    env: { ...process.env, NO_COLOR: "1", DERISK_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = child;
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal, stderr: err }));
    },
  );
  const url = await printedUrl(child, {
    what: "npm start",
    timeoutMs: 240_000,
    ended: exited.then((how) => String(how.code ?? how.signal)),
    stderr: () => err,
  });
  return { child, url, exited };
}

/** The `derisk serve` process that start.mjs launched. */
function serverPid(parent: number): number {
  const found = spawnSync("pgrep", ["-P", String(parent)], { encoding: "utf8" });
  const pid = Number.parseInt(found.stdout.trim().split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid)) throw new Error(`no server process under ${parent}: ${found.stderr}`);
  return pid;
}

afterEach(() => {
  if (running?.pid !== undefined && running.exitCode === null && running.signalCode === null) {
    try {
      process.kill(-running.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start (scripts/start.mjs)", () => {
  it("Ctrl-C: the prompt comes back after the bank is closed, exit 0, and the next start has the data", async () => {
    const first = await start();
    const imported = await fetch(`${first.url}/api/import?filename=sample-prep.md`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: readFileSync(sample),
    });
    expect(imported.status).toBe(200);
    const { documentId } = (await imported.json()) as { documentId: string };

    process.kill(-(first.child.pid as number), "SIGINT");
    const ended = await first.exited;
    expect(ended.signal, ended.stderr).toBeNull();
    expect(ended.code, ended.stderr).toBe(0);
    // The server has let go of the bank by the time npm start returns.
    expect(existsSync(join(dataDir, "derisk.lock"))).toBe(false);

    const second = await start();
    const listed = (await (await fetch(`${second.url}/api/documents`)).json()) as {
      documents: { id: string }[];
    };
    expect(listed.documents.map((d) => d.id)).toEqual([documentId]);
    process.kill(-(second.child.pid as number), "SIGINT");
    expect((await second.exited).code).toBe(0);
  }, 300_000);

  it("a server killed with kill -9 ends npm start with 137 and says so", async () => {
    const started = await start();
    process.kill(serverPid(started.child.pid as number), "SIGKILL");
    const ended = await started.exited;
    expect(ended.code).toBe(137);
    expect(ended.stderr).toContain("the server was stopped by SIGKILL");
    expect(ended.stderr).toContain("run npm start again");
  }, 300_000);
});
