/**
 * hostile-*: importing the inputs that once hung or crashed the importer (deep nesting,
 * emphasis-delimiter runs, a flood of reference links, thousands of one-line paragraphs),
 * each against the bare `fromMarkdown` parse of realistic text of the same size. A ratio
 * near or below 1 means the input costs no more than ordinary prose; quadratic inputs used to
 * reach 100–1000. Run through `npm run bench` (bench/run.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fromMarkdown } from "mdast-util-from-markdown";
import { parsePrepDocument } from "../src/core/markdown/index.ts";
import { textBlocks } from "../src/core/markup.ts";
import type { Benchmark } from "./run.ts";

const sample = readFileSync(fileURLToPath(new URL("../samples/sample-prep.md", import.meta.url)), "utf8");

/** Realistic prep text cut to `length` characters: the baseline every hostile input is held to. */
const realistic = (length: number): string =>
  sample.repeat(Math.ceil(length / sample.length)).slice(0, length);

const inputs: Record<string, string> = {
  "nested-quote-list-20kb": `${"> - ".repeat(5000)}x`,
  "nested-quotes-50kb": ">".repeat(50_000),
  "nested-stars-100kb": `${"* ".repeat(50_000)}x`,
  "emphasis-runs-80kb": `${"*_".repeat(20_000)}x\n\n# ${"*_".repeat(20_000)}`,
  "reference-links-900kb": `[a]: /u\n\n${"[a]".repeat(300_000)}`,
  "one-line-paragraphs-90kb": "x\n\n".repeat(30_000),
};

export const benchmarks: Benchmark[] = Object.entries(inputs).map(([name, text]) => {
  const baseline = realistic(text.length);
  return {
    name: `hostile-${name}`,
    baselineName: `fromMarkdown-realistic-${name.split("-").pop()}`,
    run: () => {
      parsePrepDocument(text);
    },
    baseline: () => {
      fromMarkdown(baseline);
    },
  };
});

// Markdown tables as the views read them (`textBlocks`): a 32,000-row table, and 32,000 lines that
// each look like a separator with a ragged last row (read as text, each line once). Each is held
// to sixteen reads of the same input at 2,000 lines: a ratio near 1 is linear, quadratic would be
// near 16. (Moved here from a timed ratio in src/core/markup.test.ts, which a loaded machine
// could tip over its bound.)
const table = (n: number): string =>
  ["| n | text |", "|---|---|", ...Array.from({ length: n }, (_, i) => `| ${i} | row ${i} |`)].join("\n");
const ragged = (n: number): string => [...Array.from({ length: n }, () => "|-|"), "| a | b |"].join("\n");
for (const [name, make] of [
  ["table", table],
  ["ragged-table", ragged],
] as const) {
  const small = make(2_000);
  const large = make(32_000);
  benchmarks.push({
    name: `hostile-${name}-32k-lines`,
    baselineName: `${name}-2k-lines-x16`,
    run: () => {
      textBlocks(large);
    },
    baseline: () => {
      for (let i = 0; i < 16; i++) textBlocks(small);
    },
  });
}
