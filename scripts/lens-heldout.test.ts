import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAnswers } from "./lens-corpus.ts";

const corpus = join(import.meta.dirname, "..", "eval", "corpus");
const writerL = readFileSync(join(corpus, "heldout", "writer-l.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { id: string; split: string });

describe("held-out writer L (eval/corpus/heldout/)", () => {
  it("is a heldout file of its own ids", () => {
    expect(writerL.length).toBeGreaterThanOrEqual(120);
    expect(writerL.every((r) => r.split === "heldout" && r.id.startsWith("tl-"))).toBe(true);
  });

  it("is not one of the corpus's own answers: neither its train / validation nor its test split", () => {
    // npm run train reads it only as an --extra file (its default since part 4 of "Blind writers
    // in training", docs/lab/risk-lens-lab.md); the corpus splits and npm run eval's test columns read
    // answers through readAnswers(dir, "train" | "test"), which must not hold it.
    const ids = new Set(writerL.map((r) => r.id));
    const read = [...readAnswers(corpus, "train"), ...readAnswers(corpus, "test")];
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((r) => ids.has(r.id) || (r.split as string) === "heldout")).toEqual([]);
  });
});

describe("npx tsx scripts/lens-heldout.ts --file A,B --register R", () => {
  it("pools the files and scores the answers of one register alone", () => {
    const files = ["writer-l.jsonl", "writer-o.jsonl"].map((f) => join(corpus, "heldout", f));
    const rows = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as { register?: string }),
    );
    const out = join(mkdtempSync(join(tmpdir(), "derisk-heldout-")), "report.json");
    const r = spawnSync(
      "npx",
      [
        "tsx",
        join(import.meta.dirname, "lens-heldout.ts"),
        "--file",
        files.join(","),
        "--register",
        "bullets",
        "--json",
        out,
      ],
      { encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("mean macro-F1 (11 labels)");
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      reports: Record<string, { answers: number }>;
    };
    expect(report.reports.heldout?.answers).toBe(rows.length);
    expect(report.reports.bullets?.answers).toBe(rows.filter((x) => x.register === "bullets").length);
    expect(report.reports.bullets?.answers).toBeGreaterThan(0);
  }, 120_000);
});
