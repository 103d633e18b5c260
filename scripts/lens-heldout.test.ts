import { readFileSync } from "node:fs";
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

  it("is read neither by npm run train nor by the test columns of npm run eval", () => {
    // Both scripts read answers through readAnswers(dir, "train" | "test").
    const ids = new Set(writerL.map((r) => r.id));
    const read = [...readAnswers(corpus, "train"), ...readAnswers(corpus, "test")];
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((r) => ids.has(r.id) || (r.split as string) === "heldout")).toEqual([]);
  });
});
