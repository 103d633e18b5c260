import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const pairsFile = join(root, "eval", "matching", "pairs.jsonl");

/** The threshold `match:train --plain --check` chooses for the set without embeddings on a pairs file. */
function plainThreshold(pairs: string): number {
  const r = spawnSync(
    "npx",
    ["tsx", join(root, "scripts", "match-train.ts"), "--plain", "--check", "--no-bank", "--pairs", pairs],
    { cwd: root, encoding: "utf8" },
  );
  expect(r.status, r.stderr).toBe(0);
  const threshold = /^threshold ([\d.]+) /m.exec(r.stdout)?.[1];
  expect(threshold, r.stdout).toBeDefined();
  return Number(threshold);
}

// Only the dev lines are filtered by group; the other lines are copied as they are, never read here.
function pairsWithout(dir: string, name: string, from: number, to: number): string {
  const kept = readFileSync(pairsFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => {
      const p = JSON.parse(line) as { split: string; group: string };
      const g = Number(p.group.slice(1));
      return p.split !== "dev" || g < from || g > to;
    });
  const file = join(dir, name);
  writeFileSync(file, `${kept.join("\n")}\n`);
  return file;
}

describe("npm run match:train -- --plain (docs/matching.md, 'The pair scorer rebuilds')", () => {
  it("chooses the threshold on dev g337–g444 only: a batch joining dev later does not move it", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-match-train-"));
    const all = plainThreshold(pairsFile);
    // g469–g516 joined dev after the committed set was fitted; without them the choice is the same.
    expect(plainThreshold(pairsWithout(dir, "before-g469.jsonl", 469, 516))).toBe(all);
    // A batch inside the range does move it (the pairs file is read).
    expect(plainThreshold(pairsWithout(dir, "without-g421.jsonl", 421, 444))).not.toBe(all);
  }, 180_000);
});
