import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";

const root = join(import.meta.dirname, "..");
const rowsOf = (w: string): Array<{ id: string; register?: string; labels: Record<string, unknown> }> =>
  readFileSync(join(root, "eval", "corpus", "heldout", `writer-${w}.jsonl`), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));

/** A lens-heldout report whose predictions are the gold labels, with `flip` read the other way. */
function report(w: string, flip?: string): string {
  const predictions = rowsOf(w).map((r) => ({
    id: r.id,
    ...Object.fromEntries(
      SENTENCE_TAGS.map((t) => [t, t === flip ? r.labels[t] !== true : r.labels[t] === true]),
    ),
  }));
  return JSON.stringify({ model: null, reports: { heldout: { predictions } } });
}

describe("npx tsx scripts/lens-pool.ts", () => {
  it("pools each writer's predictions against the gold, optionally one register alone", () => {
    const work = mkdtempSync(join(tmpdir(), "derisk-pool-"));
    mkdirSync(join(work, "scores"));
    for (const w of ["l", "o"]) {
      writeFileSync(join(work, "scores", `base-${w}.json`), report(w));
      writeFileSync(join(work, "scores", `X-${w}.json`), report(w, "task"));
    }
    const run = (extra: string[]): string => {
      const r = spawnSync(
        "npx",
        ["tsx", "scripts/lens-pool.ts", "--work", work, "--name", "X", "--writers", "l,o", ...extra],
        { cwd: root, encoding: "utf8" },
      );
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const all = run([]);
    expect(all).toContain(`${rowsOf("l").length + rowsOf("o").length} answers (l, o)`);
    // The gold read back scores 1; the task column read the other way scores 0.
    expect(all).toMatch(/task\s+1\.000 → 0\.000/);
    expect(all).toMatch(/action\s+1\.000 → 1\.000/);
    const notes = [...rowsOf("l"), ...rowsOf("o")].filter((r) => r.register === "bullets").length;
    expect(run(["--register", "bullets"])).toContain(`${notes} answers (l, o, bullets)`);
  }, 60_000);
});
