import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `derisk practice --list --json`, through the real `derisk` process on a real PGlite data dir.
const root = new URL("../..", import.meta.url).pathname;

let work: string;

function derisk(args: string[], input = "") {
  const result = spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), join(root, "src/cli/main.ts"), ...args],
    {
      cwd: work,
      input,
      env: { ...process.env, DERISK_DATA_DIR: join(work, "data"), NO_COLOR: "1", DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 150_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "derisk-practice-list-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("derisk practice --list --json", { timeout: 360_000 }, () => {
  it("prints the unfinished sessions as JSON, and refuses --json on a mock interview", () => {
    // Before: "unknown option '--json'" (exit 1), though the README gives --json to every read command.
    const none = derisk(["practice", "--list", "--json"]);
    expect(none.code, none.stderr).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ sessions: [] });

    const typed = derisk(["practice", "--json", "--question", "Why us?"], "I like the product.\n\n");
    expect(typed.code).toBe(1);
    expect(typed.stderr).toContain("--json goes with --list");
    expect(typed.stderr).not.toMatch(/\n\s+at /);
  });
});
