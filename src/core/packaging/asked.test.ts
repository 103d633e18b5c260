import { describe, expect, it } from "vitest";
import { missingAsk } from "./asked.ts";

// A technical story with nothing of the soft deeds these questions ask about.
const STORY = ["I trained a churn model on six months of usage data.", "It reached 0.82 AUC and shipped."];

describe("missingAsk: the question's deed, said back as a candidate would read it", () => {
  it("keeps 'had to' with the deed and says a perfect tense as the past", () => {
    // Before: "no moment you push back …", "no moment you resolve …", "no moment you have disagreed …".
    expect(
      missingAsk("Describe a situation where you had to push back on a senior engineer.", STORY, [])?.deed,
    ).toBe("had to push back on a senior engineer");
    expect(
      missingAsk("Tell me about a time you had to resolve a conflict in your team.", STORY, [])?.note,
    ).toMatch(/^This story shows no moment you had to resolve a conflict in your team, /);
    expect(missingAsk("Give an example of when you have disagreed with your manager.", STORY, [])?.deed).toBe(
      "disagreed with your manager",
    );
  });

  it("says nothing when the story shows what is asked", () => {
    const told = [
      ...STORY,
      "I explained the model's errors to the sales team in plain words, with one chart.",
    ];
    expect(
      missingAsk("Tell me about a time you explained a model to non-technical people.", told, []),
    ).toBeUndefined();
  });
});
