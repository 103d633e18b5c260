import { describe, expect, it } from "vitest";
import { COMPETENCIES } from "../model.ts";
import { classify } from "./index.ts";

describe("classify", () => {
  it.each([
    ["Walk me through your resume.", "about-me"],
    ["Why do you want to join our team?", "motivation"],
    ["Tell me about a time you made a mistake at work.", "mistake-failure"],
    ["Describe a disagreement with a colleague and how you resolved it.", "conflict"],
    ["How do you handle competing deadlines?", "prioritization-deadline"],
    ["Tell me about a time you received critical feedback.", "feedback"],
    ["What is your biggest weakness?", "strength-weakness"],
    ["Explain the bias-variance trade-off.", "ml-concept"],
    ["How would you monitor a model in production for drift?", "ml-engineering"],
    ["Tell me about a time you had to work with incomplete information.", "ambiguity"],
  ])("%s → %s", (question, competency) => {
    expect(classify(question).competency).toBe(competency);
  });

  it("scores every competency", () => {
    expect(Object.keys(classify("Tell me about yourself.").scores).sort()).toEqual([...COMPETENCIES].sort());
  });
});
