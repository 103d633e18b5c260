import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The real `derisk` process, as a user runs it: a posting on standard input, stories from a file.
const root = new URL("../../..", import.meta.url).pathname;
let work: string;
let storiesPath: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "derisk-tailor-parts-"));
  storiesPath = join(work, "stories.json");
  writeFileSync(
    storiesPath,
    JSON.stringify([
      {
        id: "calibration",
        title: "Moving the calibration job",
        situation: "Our nightly sensor calibration took nine hours on one machine.",
        actions: ["I migrated the calibration pipeline to Spark."],
        result: "It now finishes in forty minutes.",
      },
    ]),
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const POSTING =
  "# Data Engineer\nFjordline Ferries\n\n## What you bring\n- Strong SQL and Spark skills\n- Experience with Spark\n";

describe("derisk tailor: a requirement read per thing it names (tailor50)", { timeout: 300_000 }, () => {
  it("prints which thing of the line the stories show and which is missing", () => {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        import.meta.resolve("tsx"),
        join(root, "src/cli/main.ts"),
        "tailor",
        "-",
        "--stories",
        storiesPath,
      ],
      {
        cwd: work,
        input: POSTING,
        env: { ...process.env, DERISK_DATA_DIR: join(work, "data"), NO_COLOR: "1", DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 240_000,
      },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toContain("✓ [skill] Strong SQL and Spark skills (partly met: SQL no, Spark yes)");
    expect(lines).toContain("    no · SQL — nothing in your stories or answers shows it yet");
    expect(lines).toContain("    yes · Spark — “I migrated the calibration pipeline to Spark.”");
    // The sentence stands as the line's partial evidence, wrapped to 80 columns as every line is.
    const at = lines.indexOf('    partial · story "Moving the calibration job":');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe("    “I migrated the calibration pipeline to Spark.”");
    expect(lines).toContain("      (shows Spark, not SQL)");
    // A line that names one thing reads as before.
    expect(lines).toContain("✓ [skill] Experience with Spark (strong)");
    expect(lines.filter((l) => l.startsWith("    yes · ") || l.startsWith("    no · "))).toHaveLength(2);
  });
});
