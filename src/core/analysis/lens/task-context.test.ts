import { describe, expect, it } from "vitest";
import type { LensModel } from "./model.ts";
import { readAnswer } from "./read.ts";
import { LENS_MODEL } from "./weights.ts";

// Issue 10 (branch `task32`, docs/lab/risk-lens-lab.md "task32"): a model trained with
// `--task-context` lets the `task` column read whether another sentence of the answer tells a
// charge, and an opening's words apart when none does. Only such a model computes them.
const contextModel: LensModel = { ...LENS_MODEL, taskContext: true };
const context = (text: string, model: LensModel = contextModel): string[][] =>
  readAnswer(text, { story: true }, model).features.map((f) => f.filter((x) => x.startsWith("tc:")));

describe("task context features (--task-context)", () => {
  it("reads an opening's words apart when no other sentence tells a charge", () => {
    const [first, second, third] = context(
      "The board wanted to know which branches to keep open on Sundays. I pulled a year of visits. We closed two branches.",
    );
    expect(first).toContain("tc:untold");
    expect(first).toContain("tc:open");
    expect(first).toContain("tc:open+want");
    expect(first).toContain("tc:open+board");
    expect(second).toContain("tc:open+pull");
    // Only the first two sentences are an opening.
    expect(third).toEqual(["tc:untold"]);
  });

  it("marks the other sentences told when one states the speaker's charge, and reads no opening then", () => {
    const [first, second, third] = context(
      "The board wanted to know which branches to keep open on Sundays. My manager asked me to build the model. I pulled a year of visits.",
    );
    expect(first).toEqual(["tc:told"]);
    // The charge itself: no other sentence tells one, so it is an untold opening.
    expect(second).toContain("tc:untold");
    expect(second).toContain("tc:open+ask");
    expect(third).toEqual(["tc:told"]);
  });

  it("counts a written Task: marker as a told charge", () => {
    const [situation, task] = context(
      "Situation: the board wanted to know which branches to keep open.\nTask: Build a model.\nAction: I pulled a year of visits.",
    );
    expect(situation).toEqual(["tc:told"]);
    expect(task).toContain("tc:untold");
  });

  it("does not count another party's charge that names no speaker", () => {
    const [first] = context(
      "The board wanted to know which branches to keep open. The director was asked to cut costs. I pulled a year of visits.",
    );
    expect(first).toContain("tc:untold");
  });

  it("computes nothing for a model trained without it", () => {
    expect(
      context(
        "The board wanted to know which branches to keep open on Sundays. I pulled a year of visits.",
        LENS_MODEL,
      ).flat(),
    ).toEqual([]);
  });
});
