import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createContext } from "./context.ts";
import { runCli } from "./main.ts";

// The real program and context; only the stream standard error writes to is captured.
function runOn(stderr: { isTTY: boolean; columns?: number }, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const ctx = createContext({ NO_COLOR: "1", ...env }, { stdout: { isTTY: false }, stderr });
  const printed: string[] = [];
  ctx.err = (text) => printed.push(text);
  return runCli(argv, ctx).then((code) => ({ code, text: printed.join("\n") }));
}

const missing = ["analyze", "/no/such/folder/answer-for-the-panel.txt", "-q", "Tell me about a mistake"];

describe("error messages", () => {
  it("wrap between words to a terminal's width, the rest indented under the message", async () => {
    const { code, text } = await runOn({ isTTY: true, columns: 60 }, missing);
    expect(code).toBe(2);
    const lines = text.split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(60);
    expect(lines[0]).toMatch(/^error: Cannot read\b/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    expect(text.replace(/\n\s+/g, " ")).toBe(
      "error: Cannot read /no/such/folder/answer-for-the-panel.txt: no such file. Check the path (or pass - to read standard input).",
    );
  });

  it("stay on one line in a pipe, for logs and grep", async () => {
    const { code, text } = await runOn({ isTTY: false }, missing);
    expect(code).toBe(2);
    expect(text).not.toContain("\n");
  });
});

describe("commands looked for by another name", () => {
  it("point from backup and restore to the JSON bank file, not to 'Did you mean history?'", async () => {
    const backup = await runOn({ isTTY: false }, ["backup"]);
    expect(backup.code).toBe(1);
    expect(backup.text).toBe(
      'error: derisk has no "backup" command: the JSON bank file is the complete backup. Write it with derisk export --format json -o bank.json, and restore it with derisk import bank.json.',
    );
    const restore = await runOn({ isTTY: false }, ["restore", "bank.json"]);
    expect(restore.code).toBe(1);
    expect(restore.text).toMatch(
      /^error: derisk has no "restore" command: restore a backup with derisk import bank\.json /,
    );
    expect(restore.text).not.toMatch(/Did you mean/);
  });
});

describe("an unknown tailoring id", () => {
  it("says where the ids are listed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "derisk-unknown-tailoring-"));
    try {
      const run = await runOn({ isTTY: false }, ["tailor", "--open", "zzzz"], {
        DERISK_DATA_DIR: dataDir,
        DATABASE_URL: "",
      });
      expect(run.code).toBe(2);
      expect(run.text).toBe(
        "error: No tailoring with id zzzz in your bank: check the id (derisk tailor --list lists them); it may have been deleted.",
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("usage errors", () => {
  it("point to the help of the command that was mistyped, and to the command list for an unknown command", async () => {
    // Before: every usage error said "(run derisk --help for usage)", the list of all commands.
    const history = await runOn({ isTTY: false }, ["history"]);
    expect(history.code).toBe(1);
    expect(history.text).toMatch(/missing required argument 'item'\n\(run derisk history --help for usage\)/);
    const journal = await runOn({ isTTY: false }, ["journal", "history"]);
    expect(journal.text).toContain("(run derisk journal history --help for usage)");
    const unknown = await runOn({ isTTY: false }, ["bogus"]);
    expect(unknown.text).toContain("(run derisk --help for usage)");
  });
});
