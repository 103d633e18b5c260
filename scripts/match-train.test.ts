import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
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

describe("npm run match:train -- --plain (docs/lab/matching-lab.md, 'The pair scorer rebuilds')", () => {
  it("chooses the threshold on dev g337–g444 only: a batch joining dev later does not move it", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-match-train-"));
    const all = plainThreshold(pairsFile);
    // g469–g516 joined dev after the committed set was fitted; without them the choice is the same.
    expect(plainThreshold(pairsWithout(dir, "before-g469.jsonl", 469, 516))).toBe(all);
    // A batch inside the range does move it (the pairs file is read).
    expect(plainThreshold(pairsWithout(dir, "without-g421.jsonl", 421, 444))).not.toBe(all);
  }, 180_000);
});

describe("MATCH_PLAIN_CHOSEN_ON (docs/lab/matching-lab.md, 'Round 39')", () => {
  const run = (range: string) =>
    spawnSync("npx", ["tsx", join(root, "scripts", "match-train.ts"), "--plain", "--check", "--no-bank"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, MATCH_PLAIN_CHOSEN_ON: range },
    });

  it("chooses the plain set's threshold on the range it names, and says so", () => {
    const r = run("337-420");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^threshold [\d.]+ \(precision ≥ [\d.]+ on dev g337–g420\)/m);
    expect(r.stdout).toMatch(/^ {2}chosen on g337–g420 /m);
  }, 120_000);

  it("refuses a range that is not one, with what to write instead", () => {
    const r = run("420-337");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('MATCH_PLAIN_CHOSEN_ON="420-337" is not a range of dev groups');
    expect(r.stderr).toContain("337-420");
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 120_000);
});

const scorerFile = join(root, "src", "core", "semantic", "data", "pair-scorer.json");

/** `match:train --plain --verify`, against the committed weight sets or a copy. */
function verifyPlain(scorer?: string) {
  const r = spawnSync(
    "npx",
    [
      "tsx",
      join(root, "scripts", "match-train.ts"),
      "--plain",
      "--verify",
      ...(scorer ? ["--scorer", scorer] : []),
    ],
    { cwd: root, encoding: "utf8" },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A copy of the committed weight sets, with `change` applied to the set without embeddings. */
function scorerCopy(dir: string, name: string, change: (plain: Record<string, unknown>) => void): string {
  const all = JSON.parse(readFileSync(scorerFile, "utf8")) as Record<string, unknown>;
  change(all);
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(all, null, 1)}\n`);
  return file;
}

describe("npm run match:train -- --plain --verify (docs/lab/matching-lab.md, 'Round 22')", () => {
  it("rebuilds the committed set without embeddings from the inputs its fit record names", () => {
    const r = verifyPlain();
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(
      "verified: the committed train set and weight set without embeddings equal the rebuild",
    );
  }, 120_000);

  it("fails on a weight that is not the fit's, and on frozen inputs that are not the recorded file", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-match-verify-"));
    const edited = verifyPlain(
      scorerCopy(dir, "weight.json", (plain) => {
        (plain.weights as number[])[0] = 0.5;
      }),
    );
    expect(edited.status).toBe(1);
    expect(edited.out).toContain("NOT REBUILT: the weight set without embeddings");

    // One train row's feature changed in a copy of the frozen file: with the recorded hash the file
    // is refused; with the copy's own hash it is read, and its fit is not the committed weights.
    const fit = (JSON.parse(readFileSync(scorerFile, "utf8")) as { fit: { file: string; sha256: string } })
      .fit;
    const lines = readFileSync(join(root, fit.file), "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes('"use":"train"') && l.includes('"learned":true'));
    const row = JSON.parse(lines[at] as string) as { x: number[] };
    row.x[0] = (row.x[0] as number) + 0.5;
    lines[at] = JSON.stringify(row);
    const frozen = join(dir, "frozen.jsonl");
    writeFileSync(frozen, lines.join("\n"));
    const hash = createHash("sha256").update(readFileSync(frozen, "utf8")).digest("hex");
    const wrongFile = verifyPlain(
      scorerCopy(dir, "file.json", (plain) => {
        (plain.fit as { file: string }).file = frozen;
      }),
    );
    expect(wrongFile.status).toBe(1);
    expect(wrongFile.out).toContain("sha256 differs");
    const rehashed = verifyPlain(
      scorerCopy(dir, "rehashed.json", (plain) => {
        Object.assign(plain.fit as object, { file: frozen, sha256: hash });
      }),
    );
    expect(rehashed.status).toBe(1);
    expect(rehashed.out).not.toContain("sha256 differs");
    expect(rehashed.out).toContain("NOT REBUILT: the weight set without embeddings");
  }, 240_000);
});

describe("MATCH_PLAIN_DECISION (docs/lab/matching-lab.md, 'Round 41')", () => {
  const run = (args: string[], decision?: string) =>
    spawnSync("npx", ["tsx", join(root, "scripts", "match-train.ts"), ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ...(decision === undefined ? {} : { MATCH_PLAIN_DECISION: decision }) },
    });

  it("refuses a criterion it does not know, and one asked without --plain, with what to write", () => {
    for (const r of [run(["--plain", "--check", "--no-bank"], "loose"), run(["--check"], "strict")]) {
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        "write MATCH_PLAIN_DECISION=strict or MATCH_PLAIN_DECISION=slack with --plain",
      );
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  }, 120_000);

  it("keeps the weights, records the choice, and --verify chooses it again from the record", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-match-decision-"));
    const committed = JSON.parse(readFileSync(scorerFile, "utf8")) as Record<string, unknown>;
    const copy = scorerCopy(dir, "decision.json", () => {});
    const chosen = run(["--plain", "--no-bank", "--scorer", copy], "strict");
    expect(chosen.status, chosen.stderr).toBe(0);
    expect(chosen.stdout).toMatch(
      /^the decision chosen as a whole \(strict\) on \d+ labelled pairs of g337–g420/m,
    );
    const written = JSON.parse(readFileSync(copy, "utf8")) as Record<string, unknown> & {
      fit: { decision?: { criterion: string; chosenOn: number[] } };
    };
    expect(written.weights).toEqual(committed.weights);
    expect(written.bias).toBe(committed.bias);
    expect(written.noneMetThreshold).toEqual(expect.any(Number));
    expect(written.fit.decision).toEqual({ criterion: "strict", chosenOn: [337, 420] });
    const rebuilt = verifyPlain(copy);
    expect(rebuilt.status, rebuilt.out).toBe(0);
    const moved = verifyPlain(
      scorerCopy(dir, "moved.json", (plain) => {
        Object.assign(plain, written, { noneMetThreshold: 0.95 });
      }),
    );
    expect(moved.status).toBe(1);
    expect(moved.out).toContain("NOT REBUILT: the weight set without embeddings");
  }, 240_000);
});
