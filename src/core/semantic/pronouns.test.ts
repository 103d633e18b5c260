import { describe, expect, it } from "vitest";
import { analyzeText, semanticMatch } from "./index.ts";

// tail15 (docs/lab/matching-lab.md, "Pronouns, deeds and final states"): a possessive pronoun stands for a
// needed sense word named before it, and a broad concept the ask opens with is asked in full.
describe("a possessive pronoun in a sense window", () => {
  const accuracy = (text: string, before?: string) => analyzeText(text, before).direct.has("metric.accuracy");

  it("counts as the model it stands for, named earlier in the sentence", () => {
    // "accuracy" needs a model word within eight words; "its" stands for the churn model.
    expect(
      accuracy(
        "After I rebuilt the churn model with a month of fresh support tickets and usage events, its accuracy went up.",
      ),
    ).toBe(true);
    expect(
      accuracy(
        "After I rebuilt the churn model with a month of fresh support tickets and usage events, their accuracy went up.",
      ),
    ).toBe(true);
    // Without a pronoun, a model eight words away is not this accuracy's.
    expect(
      accuracy(
        "After I rebuilt the churn model with a month of fresh support tickets and usage events, the accuracy of the sales team went up.",
      ),
    ).toBe(false);
  });

  it("counts as the model named in the sentence before, and only there", () => {
    const sentence = "Within a month, its accuracy rose from 71% to 83%.";
    expect(accuracy(sentence)).toBe(false);
    expect(accuracy(sentence, "I retrained the forecasting model on two more years of sales.")).toBe(true);
    expect(accuracy(sentence, "I moved to the Berlin office in spring.")).toBe(false);
    // Two sentences back is too far.
    expect(accuracy(sentence, "I retrained the forecasting model. Then I moved to the Berlin office.")).toBe(
      false,
    );
  });

  it("lets the sentence meet an accuracy ask through the pronoun", () => {
    const ask = analyzeText("Improve the accuracy of our models");
    const sentence = "Within a month, its accuracy rose from 71% to 83%.";
    expect(semanticMatch(ask, analyzeText(sentence)).matched).toBe(false);
    const told = analyzeText(sentence, "I retrained the forecasting model on two more years of sales.");
    expect(semanticMatch(ask, told).matched).toBe(true);
  });
});

describe("a broad concept the ask opens with", () => {
  it("is read as the ask's opening, not as context", () => {
    expect([...analyzeText("Deploy and monitor models in production").opening].sort()).toEqual(
      expect.arrayContaining(["skill.deployment", "skill.observability"]),
    );
    expect(analyzeText("Experience with cloud deployments of fraud models").opening.size).toBe(0);
  });

  it("is met in full by a sentence that does it: deploying answers 'Deploy and monitor'", () => {
    const ask = "Deploy and monitor models in production";
    const deployed = "Last spring I deployed our pricing model as a small web service on Cloud Run.";
    // Weighed as context (a quarter), deploying met a fifth of the ask and scored 0.23.
    expect(semanticMatch(ask, deployed, { learned: false }).score).toBeGreaterThanOrEqual(0.5);
  });
});
