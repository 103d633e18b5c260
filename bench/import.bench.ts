/**
 * import-1mb: importing a ~1 MB prep document (mojibake repair + Markdown parse + recognition
 * of every item) against the bare `fromMarkdown` parse of the same text that the import cannot
 * avoid. Target: ratio ≤ 3. Run through `npm run bench` (bench/run.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fromMarkdown } from "mdast-util-from-markdown";
import { damageAsMojibake, parsePrepDocument, repairMojibake } from "../src/core/markdown/index.ts";
import type { Benchmark } from "./run.ts";

const sample = readFileSync(fileURLToPath(new URL("../samples/sample-prep.md", import.meta.url)), "utf8");

/** The sample repeated with fresh question numbers until it reaches ~1 MB, then damaged as Mac Roman. */
function makeDocument(targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let copy = 0; size < targetBytes; copy++) {
    const part = sample.replace(/\bQ(\d+)-/g, (_, n: string) => `Q${copy * 10 + Number(n)}-`);
    parts.push(part);
    size += new TextEncoder().encode(part).length;
  }
  return damageAsMojibake(parts.join("\n\n"), "mac-roman");
}

const TEXT = makeDocument(1024 * 1024);

export const benchmarks: Benchmark[] = [
  {
    name: "import-1mb",
    baselineName: "fromMarkdown-1mb",
    run: () => {
      parsePrepDocument(repairMojibake(TEXT).text);
    },
    baseline: () => {
      fromMarkdown(TEXT);
    },
  },
];
