import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Restoring an answer's texts and re-importing its file, through the real `derisk` process on a
// real PGlite data dir, as a user types it.
const root = new URL("../..", import.meta.url).pathname;
const sample = readFileSync(join(root, "samples/sample-prep.md"), "utf8");

let work: string;

function derisk(dataDir: string, args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), join(root, "src/cli/main.ts"), ...args],
    {
      cwd: work,
      env: { ...process.env, DERISK_DATA_DIR: dataDir, NO_COLOR: "1", DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 150_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Version {
  version: number | null;
  source: string;
  current: boolean;
  text: string;
}

function firstAnswer(dataDir: string): { id: string; raw: string } {
  const shown = derisk(dataDir, ["show", "--kind", "answer", "--json"]);
  expect(shown.code, shown.stderr).toBe(0);
  const items = (JSON.parse(shown.stdout) as { items: { id: string; kind: string; raw: string }[] }).items;
  const answer = items.find((item) => item.kind === "answer");
  if (!answer) throw new Error("the sample has an answer");
  return answer;
}

function versionsOf(dataDir: string, id: string): Version[] {
  const listed = derisk(dataDir, ["history", id, "--json"]);
  expect(listed.code, listed.stderr).toBe(0);
  return (JSON.parse(listed.stdout) as { versions: Version[] }).versions;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "derisk-restore-reimport-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Several real processes per test (tsx, the NLP model, PGlite); the bound is for a hang.
describe("derisk history --restore and re-import", { timeout: 360_000 }, () => {
  it("applies a file's change to an answer whose imported text was restored, with no conflict", () => {
    const dataDir = join(work, "reimport");
    const file = join(work, "prep.md");
    writeFileSync(file, sample);
    expect(derisk(dataDir, ["import", file]).code).toBe(0);
    const answer = firstAnswer(dataDir);
    expect(derisk(dataDir, ["set", answer.id, "--text", "A short rewrite I tried and dropped."]).code).toBe(
      0,
    );
    expect(derisk(dataDir, ["history", answer.id, "--restore", "1"]).code).toBe(0);

    // The file is edited: one sentence of that answer changes.
    const sentence = "I spent six years as an experimental physicist";
    expect(sample).toContain(sentence);
    writeFileSync(file, sample.replace(sentence, "I spent seven years as an experimental physicist"));
    const again = derisk(dataDir, ["import", file]);
    expect(again.code, again.stderr).toBe(0);
    // Before: the restored text counted as the user's own, so the file's edit was kept aside as a
    // conflict ("the file changed it and so did you") though the user's text was the file's.
    expect(again.stdout).not.toContain("conflict");
    expect(again.stdout).toMatch(/changes: 0 added, 1 changed, 0 removed/);
    const [current] = versionsOf(dataDir, answer.id);
    expect(current?.current).toBe(true);
    expect(current?.source).toBe("imported");
    expect(current?.text).toContain("seven years");

    // A text the user typed still wins over the file's, which goes to the history.
    expect(derisk(dataDir, ["set", answer.id, "--text", "My own words now, kept."]).code).toBe(0);
    writeFileSync(file, sample.replace(sentence, "I spent eight years as an experimental physicist"));
    const third = derisk(dataDir, ["import", file]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain("conflict");
    const kept = firstAnswer(dataDir).raw;
    expect(kept).toContain("My own words now, kept.");
    expect(kept).not.toContain("eight years");
  });

  it("refuses to restore a text that is word for word the current one, and adds no copy", () => {
    const dataDir = join(work, "restore");
    const file = join(work, "restore.md");
    writeFileSync(file, sample);
    expect(derisk(dataDir, ["import", file]).code).toBe(0);
    const { id } = firstAnswer(dataDir);
    expect(derisk(dataDir, ["set", id, "--text", "First rewrite: I measured, then fixed it."]).code).toBe(0);
    expect(derisk(dataDir, ["set", id, "--text", "Second rewrite: I fixed it."]).code).toBe(0);
    const first = derisk(dataDir, ["history", id, "--restore", "2"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("now version 4");

    // Before: a second restore of version 2 wrote version 5, the same text again.
    const twice = derisk(dataDir, ["history", id, "--restore", "2"]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/Version 2 of answer \S+ is word for word its current text \(version 4\)/);
    expect(twice.stderr).not.toMatch(/\n\s+at /);
    const versions = versionsOf(dataDir, id);
    expect(versions.map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });
});
