/**
 * The History card's change summary on a large document, run through `npm run bench`
 * (bench/run.ts). Each entry times `describeChange` (the word diff and its one-line summary)
 * against a plain line diff of the same two texts (common opening and ending lines set aside,
 * an LCS table over the rest), as a `diff` of the file would do:
 * - word-diff-10k-scattered: 400 paragraphs (~11,000 words), an edit in every 20th and at both
 *   ends (before: reported coarse, "about N words");
 * - word-diff-10k-moved: the same with a paragraph moved from the start to the end;
 * - word-diff-10k-rewrite: every third paragraph reworded.
 */
import { describeChange } from "../src/core/word-diff.ts";
import type { Benchmark } from "./run.ts";

const paragraph = (i: number, word = "work"): string =>
  `Paragraph ${i} is about topic ${i} and the ${word} we did on it in week ${i % 9}. ` +
  `A second sentence tells what came of topic ${i}, with p99 down by ${i % 50} ms.`;

const older = Array.from({ length: 400 }, (_, i) => paragraph(i));
const scattered = older.map((text, i) => (i % 20 === 3 ? text.replace("work", "hard work") : text));
const moved = [...scattered.slice(1), scattered[0] ?? ""];
const rewrite = older.map((text, i) =>
  i % 3 === 0 ? paragraph(i, "careful rework").replace("came of", "followed") : text,
);

const olderText = `An opening line.\n\n${older.join("\n\n")}\n\nA closing line.`;
const texts = {
  scattered: `A new opening line.\n\n${scattered.join("\n\n")}\n\nThe closing line.`,
  moved: `A new opening line.\n\n${moved.join("\n\n")}\n\nThe closing line.`,
  rewrite: `An opening line.\n\n${rewrite.join("\n\n")}\n\nA closing line.`,
};

/** The baseline: a line diff (trim, then an LCS table over the changed lines). */
function lineDiff(a: string, b: string): number {
  const x = a.split("\n");
  const y = b.split("\n");
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head += 1;
  let tail = 0;
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x[x.length - 1 - tail] === y[y.length - 1 - tail]
  ) {
    tail += 1;
  }
  const n = x.length - head - tail;
  const m = y.length - head - tail;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const at = i * (m + 1) + j;
      table[at] =
        x[head + i] === y[head + j]
          ? (table[at + m + 2] ?? 0) + 1
          : Math.max(table[at + m + 1] ?? 0, table[at + 1] ?? 0);
    }
  }
  return table[0] ?? 0;
}

export const benchmarks: Benchmark[] = Object.entries(texts).map(([name, newer]) => ({
  name: `word-diff-10k-${name}`,
  run: () => {
    describeChange(olderText, newer);
  },
  baseline: () => {
    lineDiff(olderText, newer);
  },
  baselineName: "line diff of the same texts",
}));
