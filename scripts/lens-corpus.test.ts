import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type RelabelEdit, readAnswers, readRelabelEdits, relabelRows } from "./lens-corpus.ts";

const root = join(import.meta.dirname, "..");
const corpus = join(root, "eval", "corpus");

describe("relabelRows (npm run train -- --relabel RULES)", () => {
  const rows = readAnswers(corpus, "train");
  const t1 = readRelabelEdits(corpus, new Set(["T1"]));

  it("reads the edits of the named rules only", () => {
    expect(t1.length).toBeGreaterThan(0);
    expect(t1.every((e) => e.rule === "T1")).toBe(true);
    expect(readRelabelEdits(corpus, new Set())).toEqual([]);
  });

  it("applies them to the named splits only, in memory, and leaves every other row as it was", () => {
    const before = JSON.stringify(rows);
    const train = relabelRows(rows, t1, new Set(["train"]));
    const both = relabelRows(rows, t1, new Set(["train", "validation"]));
    expect(JSON.stringify(rows)).toBe(before);
    const split = new Map(rows.map((r) => [r.id, r.split]));
    expect(train.changed.length).toBeGreaterThan(0);
    expect(
      train.changed.every((c) => split.get(c.id) === "train" && c.label === "task" && c.to === true),
    ).toBe(true);
    expect(both.changed.some((c) => split.get(c.id) === "validation")).toBe(true);
    const edited = new Set(t1.map((e) => e.id));
    train.rows.forEach((r, i) => {
      if (!edited.has(r.id) || r.split !== "train") expect(r).toBe(rows[i]);
    });
  });

  it("gives the rows scripts/corpus-relabel.mjs writes into the files", () => {
    const dir = mkdtempSync(join(tmpdir(), "derisk-relabel-"));
    mkdirSync(join(dir, "scripts"));
    cpSync(join(root, "scripts", "corpus-relabel.mjs"), join(dir, "scripts", "corpus-relabel.mjs"));
    cpSync(join(corpus, "answers"), join(dir, "eval", "corpus", "answers"), {
      recursive: true,
      filter: (f) => !/test-[a-z]\.jsonl$/.test(f),
    });
    const list = join(dir, "t1.json");
    cpSync(join(corpus, "additions", "relabel-task-autonomy.json"), list);
    const r = spawnSync(
      "node",
      [
        "-e",
        `const fs=require("fs");const l=JSON.parse(fs.readFileSync(${JSON.stringify(list)},"utf8"));fs.writeFileSync(${JSON.stringify(list)},JSON.stringify(l.filter(e=>e.rule==="T1")))`,
      ],
      { encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const applied = spawnSync("node", [join(dir, "scripts", "corpus-relabel.mjs"), list], {
      encoding: "utf8",
    });
    expect(applied.status, applied.stderr).toBe(0);
    const fromFiles = readAnswers(join(dir, "eval", "corpus"), "train");
    const inMemory = relabelRows(rows, t1, new Set(["train", "validation"])).rows;
    expect(inMemory).toEqual(fromFiles);
  });

  it("writes into the corpus copy named by --corpus and leaves the default corpus as it was", () => {
    // amb32's list (docs/lab/risk-lens-lab.md "amb32"), unapplied to the committed files.
    const list = join(corpus, "additions", "relabel-ambiguity-halves.json");
    const edits = JSON.parse(readFileSync(list, "utf8")) as RelabelEdit[];
    const dir = mkdtempSync(join(tmpdir(), "derisk-relabel-copy-"));
    mkdirSync(join(dir, "scripts"));
    cpSync(join(root, "scripts", "corpus-relabel.mjs"), join(dir, "scripts", "corpus-relabel.mjs"));
    const noTest = { recursive: true, filter: (f: string) => !/test-[a-z]\.jsonl$/.test(f) };
    cpSync(join(corpus, "answers"), join(dir, "eval", "corpus", "answers"), noTest);
    cpSync(join(corpus, "answers"), join(dir, "copy", "answers"), noTest);
    const applied = spawnSync(
      "node",
      [join(dir, "scripts", "corpus-relabel.mjs"), list, "--corpus", join(dir, "copy")],
      { encoding: "utf8" },
    );
    expect(applied.status, applied.stderr).toBe(0);
    expect(readAnswers(join(dir, "eval", "corpus"), "train")).toEqual(rows);
    const copy = readAnswers(join(dir, "copy"), "train");
    const inMemory = relabelRows(rows, edits, new Set(["train"]));
    expect(copy).toEqual(inMemory.rows);
    expect(inMemory.changed.length).toBe(51);
    expect(edits.every((e) => e.label === "ambiguity" && typeof e.reason === "string")).toBe(true);
  });

  it("refuses an edit of an answer the corpus does not have", () => {
    expect(() =>
      relabelRows(rows, [{ id: "zz-9999", label: "task", s: 0, op: "add", rule: "T1" }], new Set(["train"])),
    ).toThrow(/zz-9999/);
  });
});
