/**
 * The risk-lens analysis on answers at its size cap, moved here from 5 s wall-clock budgets in
 * src/core/analysis/properties.test.ts (the 15,000-bullet answer took 0.8–1.5 s there on a
 * loaded 2-core machine, too close to the bound); the unit tests still read each answer whole and
 * check the report.
 *
 * - analyze-hostile-<input>: one 199,000-letter word, 15,000 one-line bullets, one 199,000-
 *   character sentence, each against the analysis of ordinary answer prose cut to the same
 *   length. A ratio near or under 1 means the odd shape costs no more than prose.
 * - analyze-at-cap-200k: ordinary prose at the 200,000-character cap, against four analyses of
 *   the same prose at a quarter of the length. A ratio near 1 is linear, quadratic near 4.
 *
 * Each analysis here takes up to a second or so: these entries take about a minute together.
 * Run through `npm run bench` (bench/run.ts; `-- --filter analyze-` for these alone).
 */
import { analyze } from "../src/core/analysis/index.ts";
import type { Benchmark } from "./run.ts";

const QUESTION = "Tell me about a time you solved a hard technical problem.";
const SENTENCE = "I traced the slow query to a missing index and cut p95 latency by 40% for 3,000 users. ";
/** Ordinary answer prose, as long as asked. */
const prose = (length: number): string =>
  SENTENCE.repeat(Math.ceil(length / SENTENCE.length)).slice(0, length);
const read = (text: string): void => {
  analyze(text, { question: QUESTION, role: "ml-engineer" });
};

const hostile: Record<string, string> = {
  "one-word-199k": "a".repeat(199_000),
  "bullets-15k": "- I built it\n".repeat(15_000),
  "one-sentence-199k": "the data pipeline we built improved latency ".repeat(4_500),
};

export const benchmarks: Benchmark[] = Object.entries(hostile).map(([name, text]) => {
  const ordinary = prose(text.length);
  return {
    name: `analyze-hostile-${name}`,
    baselineName: `analyze-prose-${Math.round(text.length / 1000)}k`,
    run: () => read(text),
    baseline: () => read(ordinary),
  };
});

const atCap = SENTENCE.repeat(Math.floor(200_000 / SENTENCE.length));
const quarter = SENTENCE.repeat(Math.floor(50_000 / SENTENCE.length));
benchmarks.push({
  name: "analyze-at-cap-200k",
  baselineName: "analyze-prose-50k-x4",
  run: () => read(atCap),
  baseline: () => {
    for (let i = 0; i < 4; i++) read(quarter);
  },
});
