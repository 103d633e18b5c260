import { describe, expect, it } from "vitest";
import { analyze } from "./index.ts";

// A compound sentence is read as every STAR part it carries (docs/lab/risk-lens-lab.md, "clause23:
// compound sentences"): the same words read as one sentence or cut into several show the same
// parts, and near misses (a purpose clause, two results, "and" between two noun phrases) are read
// as before.
// The defect stays: no design met the adoption rule (clause23 in docs/lab/risk-lens-lab.md), so the five
// readings it asks for are expected failures (`it.fails`) until a change reads compound sentences;
// the near misses are read correctly today and must stay so.
const QUESTION = "Tell me about a time you improved a process.";

const labelsOf = (text: string, question: string | undefined = QUESTION) =>
  analyze(text, question === undefined ? {} : { question }).labels;

describe("compound sentences", () => {
  it.fails("reads the deeds and the figure of a sentence that also tells the result (the lead's case)", () => {
    const compound =
      "When our deploys kept failing I wrote a checklist, got the team to use it, and failures dropped from five a week to one.";
    const split =
      "When our deploys kept failing I wrote a checklist. I got the team to use it. Failures dropped from five a week to one.";
    for (const question of [undefined, QUESTION]) {
      const whole = labelsOf(compound, question);
      expect(whole.action).toBe(true);
      expect(whole.result).toBe(true);
      expect(whole.quantified).toBe(true);
      const cut = labelsOf(split, question);
      expect([whole.action, whole.result, whole.quantified]).toEqual([
        cut.action,
        cut.result,
        cut.quantified,
      ]);
    }
  });

  it.fails("reads a deed told after its situation in one sentence", () => {
    const labels = labelsOf(
      "Our warehouse kept shipping the wrong sizes, so I relabelled the shelves and retrained the pickers.",
    );
    expect(labels.action).toBe(true);
  });

  it.fails("reads a deed and its measured outcome joined by “and”", () => {
    const labels = labelsOf(
      "I switched the search index to a smaller shard size and query times fell from 900 ms to 250 ms.",
    );
    expect(labels.action).toBe(true);
    expect(labels.result).toBe(true);
    expect(labels.quantified).toBe(true);
  });

  it.fails("reads two deeds and a result with a figure", () => {
    const labels = labelsOf(
      "I listened to twenty sales calls, rewrote the demo script, and the trial-to-paid rate rose from 8% to 13%.",
    );
    expect(labels.action).toBe(true);
    expect(labels.result).toBe(true);
    expect(labels.quantified).toBe(true);
  });

  it.fails("reads a spoken lower-case run-on as its deeds and its measured result", () => {
    const labels = labelsOf(
      "so i cleaned up the alert rules and then we split the pager rota and it went down to about three pages a night",
    );
    expect(labels.action).toBe(true);
    expect(labels.result).toBe(true);
    expect(labels.quantified).toBe(true);
  });

  it("keeps near misses as they were read: a purpose clause, two results, two noun phrases", () => {
    // Each label checked here is read so by the committed code and must stay so.
    // A single deed with its purpose: no result.
    const purpose = labelsOf("I wrote a runbook so that the night shift would stop escalating to me.");
    expect(purpose.result).toBe(false);
    expect(purpose.quantified).toBe(false);
    // Two coordinated results: no deed.
    const results = labelsOf("Page loads got faster and the bounce rate dropped by a quarter.");
    expect(results.action).toBe(false);
    expect(results.result).toBe(true);
    // "and" joining two noun phrases: one deed, nothing more.
    const nouns = labelsOf("I reviewed the pricing page and the checkout flow.");
    expect(nouns.result).toBe(false);
    expect(nouns.quantified).toBe(false);
  });
});
