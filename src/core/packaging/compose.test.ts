import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLANKS, compose } from "./compose.ts";
import { parseStory, type Story, storySentences } from "./story.ts";

const fraud = parseStory({
  title: "Fraud model platform",
  situation: "I was the DevOps engineer on a small team running a fraud model for an online shop.",
  task: "My task was to make weekly model releases safe.",
  actions: [
    "I set up the cluster on EKS with Istio, Helm and FluxCD.",
    "I retrained the fraud model weekly on fresh labelled data.",
    "I evaluated each new model against the previous one on precision and recall.",
  ],
  result: "False positives fell by 30% and releases went from two days to one hour.",
  lesson: "I learned to treat the model and its data as the product.",
});

describe("compose", () => {
  it("keeps the result and the lesson even on a tight budget", () => {
    const draft = compose(fraud, {
      question: "Tell me about a model you improved",
      role: "ml-engineer",
      budgetSeconds: 20,
    });
    const parts = draft.sentences.map((s) => s.part);
    expect(parts).toContain("result");
    expect(parts).toContain("lesson");
    expect(draft.trimmed.length).toBeGreaterThan(0);
  });

  it("leads the actions with what speaks to the role and the question", () => {
    const draft = compose(fraud, {
      question: "How did you evaluate a model?",
      role: "ml-engineer",
      budgetSeconds: 120,
    });
    const actions = draft.sentences.filter((s) => s.part === "action").map((s) => s.text);
    expect(actions[0]).toMatch(/evaluated each new model/);
    expect(actions.at(-1)).toMatch(/EKS/);
    expect(draft.blanks).toEqual([]);
    expect(draft.seconds).toBeLessThanOrEqual(120);
  });

  it("marks a missing figure and a missing lesson as visible blanks", () => {
    const story = parseStory({
      title: "Flaky tests",
      situation: "Our CI failed randomly.",
      actions: ["I quarantined the flaky tests and fixed the shared fixture."],
      result: "The pipeline became much more reliable.",
    });
    const draft = compose(story, { question: "Tell me about a problem you solved", budgetSeconds: 60 });
    expect(draft.blanks).toEqual([BLANKS.figure, BLANKS.lesson]);
    expect(draft.text).toContain("[by how much?]");
    expect(draft.text.endsWith("What I learned: [what did you learn?]")).toBe(true);
    const template = draft.sentences.filter((s) => s.origin.from === "template");
    expect(template.map((s) => s.part)).toEqual(["result", "lesson"]);
  });

  it("refuses a budget that is not positive", () => {
    expect(() => compose(fraud, { question: "q", budgetSeconds: 0 })).toThrowError(
      /positive number of seconds/,
    );
  });

  it("never invents: every sentence is verbatim from the story or a template line with a blank", () => {
    const sentence = fc
      .array(
        fc.constantFrom(
          "I",
          "we",
          "model",
          "deployed",
          "cut",
          "30%",
          "latency",
          "team",
          "the",
          "data",
          "learned",
        ),
        {
          minLength: 1,
          maxLength: 12,
        },
      )
      .map((w) => `${w.join(" ")}.`);
    const field = fc.oneof(
      fc.constant(""),
      fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(" ")),
    );
    const storyArb = fc
      .record({
        title: fc.string({ maxLength: 20 }),
        situation: field,
        task: field,
        actions: fc.array(field, { maxLength: 4 }),
        result: field,
        lesson: field,
      })
      .filter((s) => [s.situation, s.task, s.result, s.lesson, ...s.actions].some((f) => f.trim() !== ""));
    fc.assert(
      fc.property(
        storyArb,
        fc.constantFrom("ml-engineer", "software-engineer", undefined),
        fc.integer({ min: 5, max: 300 }),
        (input, role, budgetSeconds) => {
          const story: Story = parseStory(input);
          const own = new Set(storySentences(story).map((s) => s.text));
          const draft = compose(story, {
            question: "Tell me about a model you deployed",
            budgetSeconds,
            ...(role ? { role } : {}),
          });
          for (const s of draft.sentences) {
            if (s.origin.from === "story") expect(own.has(s.text)).toBe(true);
            else expect(s.text).toMatch(/\[[^\]]+\]/);
          }
          expect(draft.sentences.some((s) => s.part === "result")).toBe(true);
          expect(draft.sentences.some((s) => s.part === "lesson")).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
