import { describe, expect, it } from "vitest";
import { budgetFor, DEFAULT_WPM } from "../timing.ts";
import type { LensModel } from "./model.ts";
import { judgeAnswer, readAnswer } from "./read.ts";
import { LENS_MODEL } from "./weights.ts";

// Issue 10 (branch `lens44`, docs/lab/risk-lens-lab.md "task44", design T44, not adopted): a model
// trained with `--task-opening` reads the corpus's task convention T1 as a rule. In a story, a
// sentence of the answer's first quarter with an episode obligation clause naming the speaker or
// their team sets `task` and carries it. The committed model does not read it.
const openingModel: LensModel = { ...LENS_MODEL, taskOpening: true };
const TASK = 1;

function judge(text: string, model: LensModel, story = true) {
  const competency = story ? "technical-challenge" : "about-me";
  const read = readAnswer(text, { story }, model);
  return judgeAnswer(read, model, competency, undefined, budgetFor(competency, {}), DEFAULT_WPM);
}

// Our own words: an ask told as the scene, then the speaker's actions and the result.
const ASKED =
  "At a small chain of bakeries, the owner asked me to cut the bread we threw away each evening. " +
  "I compared three months of orders with the till data for every shop. " +
  "Two shops were ordering for a busy Saturday every day of the week, so I changed their standing orders. " +
  "Within a month the bread thrown away fell by about a third.";

describe("T1 read as a rule at answer level (--task-opening)", () => {
  it("sets task from an opening ask naming the speaker, and that sentence carries it", () => {
    const j = judge(ASKED, openingModel);
    expect(j.labels.task).toBe(true);
    expect(j.probs[0]?.[TASK]).toBeGreaterThanOrEqual(openingModel.thresholds.task);
    // The head's probability and every other label are the committed model's.
    const committed = judge(ASKED, LENS_MODEL);
    expect(j.labelProbs.task).toBe(committed.labelProbs.task);
    for (const tag of Object.keys(committed.labels) as Array<keyof typeof committed.labels>)
      if (tag !== "task") expect(j.labels[tag]).toBe(committed.labels[tag]);
  });

  it("is read only by a model trained with it", () => {
    const committed = judge(ASKED, LENS_MODEL);
    expect(committed.probs[0]?.[TASK]).toBeLessThan(LENS_MODEL.thresholds.task);
    expect(committed.labels.task).toBe(false);
  });

  it("leaves a non-story answer and an obligation told late in the story alone", () => {
    const aboutMe =
      "I am a data analyst at a logistics firm, and my manager asked me to build our first demand forecast. " +
      "Before that I studied statistics and worked in a call centre. " +
      "I want to join a team where forecasts drive decisions.";
    expect(judge(aboutMe, openingModel, false).labels.task).toBe(
      judge(aboutMe, LENS_MODEL, false).labels.task,
    );
    const late =
      "At a small chain of bakeries, bread was thrown away every evening. " +
      "I compared three months of orders with the till data for every shop. " +
      "Two shops were ordering for a busy Saturday every day of the week. " +
      "I changed their standing orders and set up a weekly review with the managers. " +
      "Within a month the bread thrown away fell by about a third. " +
      "After that the owner asked me to do the same for the cakes.";
    const j = judge(late, openingModel);
    expect(j.labels.task).toBe(judge(late, LENS_MODEL).labels.task);
    expect(j.probs[5]?.[TASK]).toBe(judge(late, LENS_MODEL).probs[5]?.[TASK]);
  });
});
