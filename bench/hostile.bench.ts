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
