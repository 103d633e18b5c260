import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The CLI as users launch it: `npx derisk` in a clone, and the packed package installed into
// another project, run through its node_modules/.bin link. Each goes through a symlink, which
// once left the CLI silent with exit 0.
const root = new URL("../..", import.meta.url).pathname;
const sample = join(root, "samples/sample-prep.md");
let work: string;
let project: string;
let tarballPath: string;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
}

function explain(result: SpawnSyncReturns<string>): string {
  return `exit ${result.status}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "derisk-install-"));
  chmodSync(work, 0o755);
  // dist/ and web/dist/ exist: the test runner builds before the e2e suite.
  const packed = run("npm", ["pack", "--ignore-scripts", "--pack-destination", work], root);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${explain(packed)}`);
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball in ${work}`);
  tarballPath = join(work, tarball);
  project = join(work, "project");
  run("mkdir", ["-p", project], work);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "candidate", version: "1.0.0", private: true }),
  );
  const installed = run(
    "npm",
    ["install", join(work, tarball), "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    project,
  );
  if (installed.status !== 0) throw new Error(`installing the packed derisk failed: ${explain(installed)}`);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the derisk command however it is launched", () => {
  it("npx derisk --help in the clone prints the usage", () => {
    const help = run("npx", ["--no-install", "derisk", "--help"], root);
    expect(help.status, explain(help)).toBe(0);
    expect(help.stdout).toContain("Usage: derisk");
    expect(help.stdout).toContain("import");
  });

  it("the installed package's bin link runs --help, import and list --json", () => {
    const bin = join(project, "node_modules/.bin/derisk");
    const data = { DERISK_DATA_DIR: join(work, "data") };

    const help = run(bin, ["--help"], project, data);
    expect(help.status, explain(help)).toBe(0);
    expect(help.stdout).toContain("Usage: derisk");

    const imported = run(bin, ["import", sample, "--json"], project, data);
    expect(imported.status, explain(imported)).toBe(0);
    const report = JSON.parse(imported.stdout) as { status: string; documentId: string };
    expect(report.status).toBe("created");

    const listed = run(bin, ["list", "--json"], project, data);
    expect(listed.status, explain(listed)).toBe(0);
    const { documents } = JSON.parse(listed.stdout) as { documents: { id: string }[] };
    expect(documents.map((d) => d.id)).toEqual([report.documentId]);
  });

  it("the tarball holds what the installed bin needs, and nothing of development", () => {
    const listed = run("tar", ["tzf", tarballPath], work);
    expect(listed.status, explain(listed)).toBe(0);
    const files = listed.stdout
      .split("\n")
      .filter(Boolean)
      .map((path) => path.replace(/^package\//, ""));
    for (const needed of [
      "bin/derisk.js",
      "dist/cli/main.js",
      "dist/core/index.js",
      "dist/core/index.d.ts",
      "dist/core/analysis/data/lens-model.json",
      "dist/core/semantic/data/word-vectors.json",
      "web/dist/index.html",
      "samples/sample-prep.md",
      "README.md",
      "package.json",
    ]) {
      expect(files, needed).toContain(needed);
    }
    // No corpus (its frozen test split least of all), tests, test fixtures, sources or repository data.
    const development = files.filter((path) =>
      /^(eval|test|src|bench|scripts|node_modules|\.git|\.ci)\/|\.test\.|\/fixtures\/|\/testing\/|\.jsonl$/.test(
        path,
      ),
    );
    expect(development).toEqual([]);
    expect(statSync(tarballPath).size).toBeLessThan(12 * 1024 * 1024);
  });

  it("a command the CLI does not know never exits 0", () => {
    const bin = join(project, "node_modules/.bin/derisk");
    const unknown = run(bin, ["imprt", sample], project, { DERISK_DATA_DIR: join(work, "data") });
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command/i);
  });

  it("the installed package prints the prep sheet as a PDF (its Chromium comes with it)", () => {
    const bin = join(project, "node_modules/.bin/derisk");
    const data = { DERISK_DATA_DIR: join(work, "data-pdf") };
    const imported = run(bin, ["import", sample], project, data);
    expect(imported.status, explain(imported)).toBe(0);
    const pdf = join(work, "sheet.pdf");
    const exported = run(bin, ["export", "--format", "pdf", "-o", pdf], project, data);
    expect(exported.status, explain(exported)).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
