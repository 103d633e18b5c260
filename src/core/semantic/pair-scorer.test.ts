import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import model from "./data/pair-scorer.json" with { type: "json" };
import { ENCODER_FEATURES, PAIR_FEATURES, pairFeatures, semanticMatch } from "./matcher.ts";
import type { LabelledPair } from "./measure.ts";
import { ENCODER_MODEL, learnedDecision, learnedProbability, NONE_MET_THRESHOLD } from "./pair-scorer.ts";

const readJsonl = <T>(name: string): T[] =>
  readFileSync(new URL(`../../../eval/matching/${name}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);

describe("the learned pair scorer", () => {
  it("is fitted on the features the matcher computes today, and stays small", () => {
    // A feature added to or dropped from the matcher without `npm run match:train` fails here.
    expect(model.features).toEqual([...PAIR_FEATURES]);
    expect(model.weights).toHaveLength(PAIR_FEATURES.length);
    expect(pairFeatures("Resolving conflicts in a team", "I mediated a dispute.").values).toHaveLength(
      PAIR_FEATURES.length,
    );
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(statSync(new URL("./data/pair-scorer.json", import.meta.url)).size).toBeLessThan(2_000_000);
    expect(ENCODER_MODEL.features).toEqual([...PAIR_FEATURES, ...ENCODER_FEATURES]);
    expect(ENCODER_MODEL.weights).toHaveLength(PAIR_FEATURES.length + ENCODER_FEATURES.length);
  });

  it("reads a candidate about other things the lexicons know (namedElsewhere)", () => {
    const ask = "Experience managing a team of 10+ engineers";
    const elsewhere = pairFeatures(
      ask,
      "I moved our nightly Spark jobs to Airflow and cut the cloud bill by a third.",
    ).namedElsewhere;
    expect(elsewhere).toBeGreaterThanOrEqual(0.5);
    expect(elsewhere).toBeLessThanOrEqual(1);
    expect(pairFeatures(ask, "I managed a team of twelve engineers.").namedElsewhere).toBe(0);
    expect(pairFeatures(ask, "We went hiking at the weekend.").namedElsewhere).toBe(0);
  });

  it("matches paraphrases the rules alone miss", () => {
    for (const [ask, evidence] of [
      [
        "Experience teaching adults",
        "I ran evening classes in bookkeeping for grown-up learners at the community college.",
      ],
      [
        "Experience coordinating volunteers",
        "I organised 60 helpers into shifts for the food bank's holiday drive.",
      ],
    ] as const) {
      expect(semanticMatch(ask, evidence, { learned: false }).matched).toBe(false);
      const match = semanticMatch(ask, evidence);
      expect(match).toMatchObject({ matched: true, strength: "partial" });
      expect(match.shared.some((s) => s.includes("≈"))).toBe(true);
    }
  });

  it("keeps the sense vetoes and the lexicons' no on a known concept the candidate lacks", () => {
    expect(
      semanticMatch("Ability to mentor junior designers", "I was mentored by a senior designer for a year.")
        .matched,
    ).toBe(false);
    expect(
      semanticMatch(
        "Experience with payments or billing systems",
        "Some clients received errors after the release.",
      ).matched,
    ).toBe(false);
  });

  it("decides on the probability: a strong lexicon match needs only to clear the veto", () => {
    const features = pairFeatures("Improve latency", "p99 fell from 900 ms to 200 ms.").values;
    const p = learnedProbability(features);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    const m = { ...model, threshold: 0.99, veto: 0.01 };
    expect(learnedDecision(features, { score: 0.8, unmet: 0, concepts: 1 }, m).matched).toBe(true);
    expect(learnedDecision(features, { score: 0.4, unmet: 0, concepts: 1 }, m).matched).toBe(false);
    expect(learnedDecision(features, { score: 1, unmet: 0, concepts: 1 }, { ...m, veto: 0.99 }).matched).toBe(
      true,
    );
    // The lexicons see none of the concepts asked: the probability must reach NONE_MET_THRESHOLD.
    const at = (probability: number) => ({
      ...model,
      weights: model.weights.map(() => 0),
      bias: Math.log(probability / (1 - probability)),
      threshold: 0.3,
      unmetThreshold: 0.5,
    });
    const none = { score: 0.2, unmet: 1, concepts: 0 };
    expect(learnedDecision(features, none, at(NONE_MET_THRESHOLD - 0.05)).matched).toBe(false);
    expect(learnedDecision(features, none, at(NONE_MET_THRESHOLD + 0.05)).matched).toBe(true);
    expect(learnedDecision(features, { ...none, concepts: 0.5 }, at(NONE_MET_THRESHOLD - 0.05)).matched).toBe(
      true,
    );
    // The encoder-aware set: a candidate about two or more other things must reach elsewhereThreshold.
    const elsewhere = (probability: number) => ({ ...at(probability), elsewhereThreshold: 0.85 });
    expect(learnedDecision(features, { ...none, namedElsewhere: 0.5 }, elsewhere(0.8)).matched).toBe(false);
    expect(learnedDecision(features, { ...none, namedElsewhere: 0.5 }, elsewhere(0.9)).matched).toBe(true);
    expect(learnedDecision(features, { ...none, namedElsewhere: 0.25 }, elsewhere(0.8)).matched).toBe(true);
    expect(learnedDecision(features, { ...none, namedElsewhere: 1 }, at(0.8)).matched).toBe(true);
    // A candidate that names no concept at all (round 15): its silence is not a sign it is about
    // something else, so the ordinary unmet threshold applies, not NONE_MET_THRESHOLD.
    expect(learnedDecision(features, { ...none, namedElsewhere: 0 }, at(0.6)).matched).toBe(true);
    expect(learnedDecision(features, { ...none, namedElsewhere: 0 }, at(0.45)).matched).toBe(false);
    expect(learnedDecision(features, { ...none, namedElsewhere: 0.25 }, at(0.6)).matched).toBe(false);
    expect(ENCODER_MODEL.elsewhereThreshold).toBeGreaterThan(NONE_MET_THRESHOLD);
    // A set that records its own none-met bar (chosen with its threshold, "Round 41") is read by it.
    const ownBar = (probability: number) => ({ ...at(probability), noneMetThreshold: 0.6 });
    expect(learnedDecision(features, none, ownBar(0.65)).matched).toBe(true);
    expect(learnedDecision(features, none, ownBar(0.55)).matched).toBe(false);
  });
});

describe("the train set (eval/matching/train.jsonl)", () => {
  interface TrainPair extends Omit<LabelledPair, "split"> {
    split: string;
  }
  const train = readJsonl<TrainPair>("train.jsonl");
  const evaluation = readJsonl<LabelledPair>("pairs.jsonl");

  it("holds at least 1,500 pairs across many requirements, with hard negatives", () => {
    expect(train.length).toBeGreaterThanOrEqual(1500);
    expect(train.every((p) => p.split === "train")).toBe(true);
    expect(new Set(train.map((p) => p.id)).size).toBe(train.length);
    expect(new Set(train.map((p) => p.requirement)).size).toBeGreaterThanOrEqual(150);
    expect(train.filter((p) => p.label === 1).length).toBeGreaterThanOrEqual(train.length * 0.3);
    expect(train.filter((p) => p.kind === "hard-negative").length).toBeGreaterThanOrEqual(300);
    for (const p of train) expect(p.label === 1).toBe(p.kind === "positive");
  });

  it("shares no requirement and no evidence sentence with the evaluation pairs", () => {
    const requirements = new Set(evaluation.map((p) => p.requirement.toLowerCase()));
    const evidence = new Set(evaluation.map((p) => p.evidence.toLowerCase()));
    expect(train.filter((p) => requirements.has(p.requirement.toLowerCase())).map((p) => p.id)).toEqual([]);
    expect(train.filter((p) => evidence.has(p.evidence.toLowerCase())).map((p) => p.id)).toEqual([]);
  });
});
