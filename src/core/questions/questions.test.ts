import { describe, expect, it } from "vitest";
import { readSeed, SEED_RUNS } from "../../../test/seed.ts";
import { RISK_SIGNALS } from "../analysis/types.ts";
import { COMPETENCIES } from "../model.ts";
import {
  BEHAVIORAL_QUESTIONS,
  bankMatchFor,
  TECHNICAL_CATEGORIES,
  TECHNICAL_QUESTIONS,
  TECHNICAL_TAGS,
} from "./index.ts";

describe("the technical bank", () => {
  it("has at least 60 questions, each with 3–6 key points, an outline, a tag and a category", () => {
    expect(TECHNICAL_QUESTIONS.length).toBeGreaterThanOrEqual(60);
    for (const q of TECHNICAL_QUESTIONS) {
      expect(q.keyPoints.length, q.key).toBeGreaterThanOrEqual(3);
      expect(q.keyPoints.length, q.key).toBeLessThanOrEqual(6);
      expect(q.outline.split(/\s+/).length, q.key).toBeGreaterThanOrEqual(15);
      expect(TECHNICAL_TAGS, q.key).toContain(q.competency);
      expect(TECHNICAL_CATEGORIES, q.key).toContain(q.category);
      expect(q.text.trim(), q.key).toMatch(/[?.]$/);
      for (const point of q.keyPoints) expect(point.trim().length, q.key).toBeGreaterThan(2);
    }
  });

  it("covers every category and both tags, with the topics an ML interview asks about", () => {
    for (const category of TECHNICAL_CATEGORIES)
      expect(
        TECHNICAL_QUESTIONS.filter((q) => q.category === category).length,
        category,
      ).toBeGreaterThanOrEqual(8);
    for (const tag of TECHNICAL_TAGS)
      expect(TECHNICAL_QUESTIONS.filter((q) => q.competency === tag).length, tag).toBeGreaterThanOrEqual(20);
    const all = TECHNICAL_QUESTIONS.map((q) => `${q.text} ${q.keyPoints.join(" ")}`.toLowerCase()).join("\n");
    for (const topic of [
      "bias",
      "overfitting",
      "precision",
      "roc",
      "regularisation",
      "cross-validation",
      "leakage",
      "transformer",
      "attention",
      "fine-tun",
      "lora",
      "rlhf",
      "ppo",
      "retrieval",
      "evaluat",
      "serv",
      "batch",
      "kubernetes",
      "ci/cd",
      "drift",
      "feature store",
      "data quality",
      "design",
    ])
      expect(all, topic).toContain(topic);
  });

  it("has unique keys and unique questions across both banks", () => {
    const keys = [...TECHNICAL_QUESTIONS, ...BEHAVIORAL_QUESTIONS].map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    const texts = [...TECHNICAL_QUESTIONS, ...BEHAVIORAL_QUESTIONS].map((q) => q.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("the behavioral bank", () => {
  it("has at least 80 questions over all 16 competencies, each saying which risks it checks", () => {
    expect(BEHAVIORAL_QUESTIONS.length).toBeGreaterThanOrEqual(80);
    for (const competency of COMPETENCIES)
      expect(
        BEHAVIORAL_QUESTIONS.filter((q) => q.competency === competency).length,
        competency,
      ).toBeGreaterThanOrEqual(5);
    for (const q of BEHAVIORAL_QUESTIONS) {
      expect(q.checks.length, q.key).toBeGreaterThanOrEqual(1);
      for (const risk of q.checks) expect(RISK_SIGNALS, q.key).toContain(risk);
      expect(q.listeningFor.split(/\s+/).length, q.key).toBeGreaterThanOrEqual(6);
    }
  });
});

describe("bankMatchFor", () => {
  it("matches a question to the bank entry that asks the same thing, in other words", () => {
    expect(bankMatchFor("How would you monitor a model in production?")?.entry.key).toBe("tech.monitoring");
    expect(bankMatchFor("What's your experience with Kubernetes?")?.entry.key).toBe("tech.kubernetes");
    expect(bankMatchFor("How do you detect drift?")?.entry.key).toBe("tech.drift");
  });

  it("matches nothing for questions the bank does not hold", () => {
    for (const text of [
      "Explain gradient boosting",
      "Explain how a hash map works",
      "How do you handle customer complaints?",
      "Tell me about a conflict with your manager",
      "What is a REST API?",
    ])
      expect(bankMatchFor(text), text).toBeUndefined();
  });

  it.runIf(SEED_RUNS)("finds the bank entry for each of the seed's ten technical questions", () => {
    const seed = readSeed();
    const technical = (seed?.items ?? []).filter((i) => i.kind === "technical-question");
    expect(technical).toHaveLength(10);
    const matched = technical.map((item) =>
      item.kind === "technical-question" ? bankMatchFor(item.text) : undefined,
    );
    expect(matched.every((m) => m !== undefined)).toBe(true);
    // Ten different entries: no two seed questions collapse onto one.
    expect(new Set(matched.map((m) => m?.entry.key)).size).toBe(10);
  });
});
