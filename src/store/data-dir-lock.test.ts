import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock.ts";

const dirs: string[] = [];
const children: ChildProcess[] = [];

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "derisk-lock-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("lockDataDir", () => {
  it("refuses a second open in the same process until the first releases", () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(
      expect.objectContaining({ code: "IN_USE", message: expect.stringContaining("in use") }),
    );
    release();
    expect(existsSync(join(dir, "derisk.lock"))).toBe(false);
    lockDataDir(dir)();
  });

  it("refuses a dir held by another running process, naming its pid and the fix", () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    children.push(holder);
    writeFileSync(join(dir, "derisk.lock"), `${holder.pid}\n`);
    expect(() => lockDataDir(dir)).toThrow(
      expect.objectContaining({
        code: "IN_USE",
        message: expect.stringMatching(
          new RegExp(
            `in use by another derisk process \\(pid ${holder.pid}\\).*Stop the server.*HTTP API.*curl .*/api/documents.*DERISK_DATA_DIR`,
          ),
        ),
      }),
    );
  });

  it.runIf(existsSync("/proc/self/stat"))(
    "takes over a lock whose pid now belongs to another, later process (a reboot or container restart)",
    () => {
      const dir = freshDir();
      const unrelated = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
      children.push(unrelated);
      // Same pid, but the start time the old derisk wrote is not this process's.
      writeFileSync(join(dir, "derisk.lock"), `${unrelated.pid}\n1\n`);
      const release = lockDataDir(dir);
      release();
    },
  );

  it("names the lock file to remove when the holder cannot be told apart", () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    children.push(holder);
    writeFileSync(join(dir, "derisk.lock"), `${holder.pid}\n`);
    expect(() => lockDataDir(dir)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`remove ${join(dir, "derisk.lock")}`) }),
    );
  });

  it.runIf(existsSync("/proc/self/stat"))(
    "takes over a lock whose holder has exited but was not yet collected by its parent (a zombie)",
    async () => {
      const dir = freshDir();
      // The background child exits once its parent has become `sleep`, which never collects it
      // (exiting at once raced the shell, which could collect it before the exec).
      const parent = spawn("sh", ["-c", "sh -c 'sleep 0.3; exit 0' & echo $!; exec sleep 30"], {
        stdio: ["ignore", "pipe", "ignore"],
      });
      children.push(parent);
      const pid = await new Promise<number>((resolve) =>
        parent.stdout?.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
      );
      let state = "";
      for (let i = 0; i < 100 && state !== "Z"; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
      }
      expect(state).toBe("Z");
      writeFileSync(join(dir, "derisk.lock"), `${pid}\n`);
      const release = lockDataDir(dir);
      release();
    },
  );

  it("takes over a lock left by a process that has exited", () => {
    const dir = freshDir();
    const gone = spawnSync(process.execPath, ["-e", "process.pid"]);
    writeFileSync(join(dir, "derisk.lock"), `${gone.pid}\n`);
    const release = lockDataDir(dir);
    release();
  });
});
