import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  conceptsOf,
  type LabelledPair,
  measureMatching,
  questionSimilarity,
  semanticMatch,
  splitOf,
  yearsClaims,
  yearsRequired,
} from "./index.ts";

describe("semanticMatch", () => {
  it("tells communication skills from encrypted communication", () => {
    const ask = "Clear communication with non-technical stakeholders";
    expect(
      semanticMatch(ask, "I walked the sales managers through the forecast in plain language.").matched,
    ).toBe(true);
    expect(
      semanticMatch(ask, "I enabled secure communication with the chatbot using OAuth2 and TLS.").matched,
    ).toBe(false);
    expect(conceptsOf("The devices communicate over Bluetooth.").map((c) => c.id)).not.toContain(
      "soft.communication",
    );
  });

  it("lets a narrower concept answer a broader one: a PhD in applied mathematics is a quantitative PhD", () => {
    const match = semanticMatch("A quantitative PhD", "I have a PhD in Applied Mathematics.");
    expect(match).toMatchObject({ matched: true, strength: "strong" });
    expect(match.shared).toEqual(expect.arrayContaining(["PhD", "quantitative field"]));
    expect(semanticMatch("A quantitative PhD", "I did a PhD in medieval history.").matched).toBe(false);
  });

  it("reads latency in its synonyms: p99, response time, milliseconds", () => {
    for (const evidence of [
      "p99 fell from 900 ms to 200 ms.",
      "Cold starts made response times long.",
      "Latency dropped sharply after the fix.",
    ]) {
      expect(semanticMatch("Improve latency", evidence).matched).toBe(true);
    }
    expect(semanticMatch("Improve latency", "I improved the onboarding guide.").matched).toBe(false);
  });

  it("matches questions by meaning in both directions", () => {
    expect(
      questionSimilarity(
        "What experience do you have with ML in practice?",
        "Tell me about the machine learning models you shipped.",
      ).score,
    ).toBeGreaterThan(
      questionSimilarity("What experience do you have with ML in practice?", "Why now?").score,
    );
  });

  it("is deterministic", () => {
    const a = semanticMatch("Experience with Kubernetes", "I ran the services on EKS with Helm.");
    const b = semanticMatch("Experience with Kubernetes", "I ran the services on EKS with Helm.");
    expect(a).toEqual(b);
  });
});

describe("years", () => {
  it("reads durations the way people write them", () => {
    expect(yearsClaims("I spent six years as a physicist.", 2026).map((c) => c.years)).toEqual([6]);
    expect(yearsClaims("I worked there 2017–2021.", 2026).map((c) => c.years)).toEqual([4]);
    expect(yearsClaims("I have used Python since 2019.", 2026).map((c) => c.years)).toEqual([7]);
    expect(yearsClaims("The model uses ten years of data.", 2026)).toEqual([]);
    expect(yearsRequired("3-5 years of Python")).toBe(3);
    expect(yearsRequired("At least five years building ML systems")).toBe(5);
  });
});

// The labelled set (eval/matching/pairs.jsonl, docs/matching.md): the frozen test split is
// scored here and in `npm run eval`, never tuned on.
const pairs = readFileSync(new URL("../../../eval/matching/pairs.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as LabelledPair);

describe("the labelled requirement/evidence set", () => {
  it("holds at least 300 pairs with hard negatives, each in the split its requirement's hash decides", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    expect(pairs.filter((p) => p.kind === "hard-negative").length).toBeGreaterThanOrEqual(100);
    expect(pairs.filter((p) => splitOf(p.requirement) !== p.split)).toEqual([]);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
  });

  it("keeps test-split precision at or above 0.85", () => {
    expect(measureMatching(pairs.filter((p) => p.split === "test")).precision).toBeGreaterThanOrEqual(0.85);
  });

  it("keeps test-split recall at or above its measured floor (0.70; the 0.85 target is not met yet)", () => {
    // Raise this floor to 0.85 when the matcher reaches the target (docs/matching.md).
    expect(measureMatching(pairs.filter((p) => p.split === "test")).recall).toBeGreaterThanOrEqual(0.7);
  });

  it("keeps dev-split precision and recall at or above 0.85", () => {
    const dev = measureMatching(pairs.filter((p) => p.split === "dev"));
    expect(dev.precision).toBeGreaterThanOrEqual(0.85);
    expect(dev.recall).toBeGreaterThanOrEqual(0.85);
  });
});
