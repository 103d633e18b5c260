import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.ts";

const question = "Tell me about a technical challenge.";

describe("a label with a digit in it is no figure", () => {
  // Before: each of these was `quantified`, its "Q1", "Q2b", "P0" or "v2" read as a measured figure.
  it.each([
    "For Q1 I said I led the rewrite. I moved the jobs to a queue and the team stopped paging at night.",
    "For Q2b I said I led the rewrite. I moved the jobs to a queue and the team stopped paging at night.",
    "We had a P0 outage. I found the bad config, rolled it back and wrote the runbook, and the alerts stopped.",
    "I shipped v2 of the parser. I rewrote the tokenizer and the reviews got easier.",
  ])("%s", (text) => {
    expect(analyze(text, { question }).labels.quantified).toBe(false);
  });

  it("still counts the figure beside a label", () => {
    for (const text of [
      "I moved search to the new cluster and p95 latency fell by 40%.",
      "For Q1 I cut the build from 40 minutes to 12 minutes by caching the dependencies.",
    ])
      expect(analyze(text, { question }).labels.quantified, text).toBe(true);
  });
});
