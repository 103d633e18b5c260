/**
 * Packaging on inputs a user might paste whole, moved here from wall-clock budgets in unit tests
 * (src/core/packaging/robustness.test.ts had 2 s, tailor.test.ts 1 s), which a loaded machine
 * could tip over; the unit tests still read each input and check the result.
 *
 * - list-like-12k-items: a comma list of 12,000 tool names ("EKS, Istio, Helm, " × 4,000) through
 *   reangle, detectConcerns, predictFollowUps and extractRequirements, against four passes over
 *   the same list at a quarter of the length. A ratio near 1 is linear, quadratic would be near 4.
 * - posting-refused-1mb: extractRequirements on a posting of ~1 MB, refused by its size limit,
 *   against reading an ordinary posting (PLAIN_POSTING) whole. A ratio at or under 1 means the
 *   huge one is refused before any parsing.
 *
 * Run through `npm run bench` (bench/run.ts).
 */
import { detectConcerns } from "../src/core/packaging/concerns.ts";
import { PLAIN_POSTING } from "../src/core/packaging/fixtures/postings.ts";
import { predictFollowUps } from "../src/core/packaging/follow-ups.ts";
import { reangle } from "../src/core/packaging/reangle.ts";
import { extractRequirements } from "../src/core/packaging/tailor.ts";
import type { Benchmark } from "./run.ts";

const list = (repeats: number): string => `${"EKS, Istio, Helm, ".repeat(repeats)}and FluxCD`;

/** What the unit test runs on the list. */
const readList = (text: string): void => {
  reangle(text, { toRole: "ml-engineer" });
  detectConcerns(text, { role: "ml-engineer" });
  predictFollowUps(text);
  extractRequirements(`## Requirements\n- ${text}`);
};

const small = list(1_000);
const large = list(4_000);
const huge = `## Requirements\n${"- Python and SQL experience\n".repeat(40_000)}`;

export const benchmarks: Benchmark[] = [
  {
    name: "list-like-12k-items",
    baselineName: "list-like-3k-items-x4",
    run: () => readList(large),
    baseline: () => {
      for (let i = 0; i < 4; i++) readList(small);
    },
  },
  {
    name: "posting-refused-1mb",
    baselineName: "posting-plain-read",
    run: () => {
      try {
        extractRequirements(huge);
      } catch {
        return;
      }
      throw new Error("a ~1 MB posting was not refused");
    },
    baseline: () => {
      extractRequirements(PLAIN_POSTING);
    },
  },
];
