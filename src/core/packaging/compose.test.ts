import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerOf, readSample, readSeed, SEED_RUNS } from "../../../test/seed.ts";
import { analyze } from "../analysis/index.ts";
import { answerText } from "../answer-text.ts";
import type { AnswerItem, StarPart } from "../model.ts";
import { leansOnTrouble, STATES_MISTAKE, tellsTrouble } from "./acts.ts";
import { BLANKS, compose, type Draft, tagStoryParts } from "./compose.ts";
import { parseStory, type Story, storyFromAnswer, storySentences } from "./story.ts";
import { countsTimeOnly, leansBack, leansOnAnyStep, sayAsides, withoutBlanks } from "./text.ts";

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
  it("keeps the result and the lesson on a tight budget where they fit, else fits by leaving one out whole", () => {
    for (const budgetSeconds of [15, 20, 25, 30]) {
      const draft = compose(fraud, {
        question: "Tell me about a model you improved",
        role: "ml-engineer",
        budgetSeconds,
      });
      const parts = draft.sentences.map((s) => s.part);
      // The draft fits the budget by the lens's estimate; nothing is over it, nothing warned.
      expect(draft.seconds, `${budgetSeconds} s`).toBeLessThanOrEqual(budgetSeconds);
      expect(
        draft.warnings.filter((w) => w.startsWith("What must stay")),
        `${budgetSeconds} s`,
      ).toEqual([]);
      // The setting and the speaker's deed always stay.
      expect(parts[0], `${budgetSeconds} s`).toBe("situation");
      expect(parts, `${budgetSeconds} s`).toContain("action");
      // A result or a lesson left out for time is listed as left out; the result is asked for by
      // its blank (a draft never ends without saying what came of it), the lesson by none.
      const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.part);
      for (const part of ["result", "lesson"] as const) {
        if (said.includes(part)) continue;
        expect(
          draft.trimmed.map((t) => t.part),
          `${budgetSeconds} s`,
        ).toContain(part);
      }
      expect(draft.blanks, `${budgetSeconds} s`).toEqual(said.includes("result") ? [] : [BLANKS.result]);
      expect(draft.trimmed.length).toBeGreaterThan(0);
    }
  });

  it("leaves out the lower-value of the result and the lesson: the lesson, unless the question asks about a mistake", () => {
    const story = parseStory({
      title: "Search ranking",
      situation: "Our search ranking model had not been retrained in a year.",
      actions: [
        "I shipped a retrained model without checking how it ranked new listings.",
        "I rolled it back the same afternoon and added a check for new listings to the release gate.",
      ],
      result: "The next release raised clicks on new listings by nine percent without hurting the rest.",
      lesson: "I learned to test a model on the slices that changed, not just on the whole set.",
    });
    // (At 25 s: the mistake, how it was handled and one of the two fit; compose38: at 20 s the
    // mistake draft keeps the rollback rather than the lesson, see the price import case below.)
    const partsOf = (question: string) =>
      compose(story, { question, budgetSeconds: 25 })
        .sentences.filter((s) => s.origin.from === "story")
        .map((s) => s.part);
    // What the question asks about a mistake is the lesson drawn from it; elsewhere the result.
    expect(partsOf("Tell me about a time you made a mistake")).toEqual([
      "situation",
      "action",
      "action",
      "lesson",
    ]);
    expect(partsOf("Tell me about a model you improved")).toEqual([
      "situation",
      "action",
      "action",
      "result",
    ]);
    // The result left out is still asked for, by a blank that takes no time.
    const mistake = compose(story, {
      question: "Tell me about a time you made a mistake",
      budgetSeconds: 25,
    });
    expect(mistake.blanks).toContain(BLANKS.result);
    expect(mistake.seconds).toBeLessThanOrEqual(25);
  });

  it("keeps the actions in the order they happened and trims the least relevant to fit", () => {
    const draft = compose(fraud, {
      question: "How did you evaluate a model?",
      role: "ml-engineer",
      budgetSeconds: 120,
    });
    const actions = draft.sentences.filter((s) => s.part === "action").map((s) => s.text);
    expect(actions).toEqual(fraud.actions);
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

  it("asks for no figure after a result that states its outcome in measuring words ('near-zero error rates')", () => {
    for (const result of [
      "After the fix, latency dropped sharply and we saw near-zero error rates, even under burst traffic.",
      "We were no longer paged at night.",
      "The rewrite eliminated the manual review step.",
    ]) {
      const story = parseStory({
        situation: "Our inference API timed out under burst traffic.",
        actions: ["I added request batching and an autoscaling policy on queue depth."],
        result,
        lesson: "I learned to load-test before launch.",
      });
      const draft = compose(story, { question: "Tell me about a hard bug", budgetSeconds: 90 });
      expect(draft.text, result).toContain(result);
      expect(draft.blanks, result).not.toContain(BLANKS.figure);
      expect(draft.text, result).not.toContain("In numbers:");
    }
    // Words that only say "more" still ask for the figure.
    const vague = parseStory({
      situation: "Our inference API timed out under burst traffic.",
      actions: ["I added request batching."],
      result: "Latency dropped sharply and errors became much rarer.",
      lesson: "I learned to load-test before launch.",
    });
    expect(compose(vague, { question: "Tell me about a hard bug", budgetSeconds: 90 }).blanks).toContain(
      BLANKS.figure,
    );
  });

  it("asks for no figure when the result states one as notes or in words ('4/week -> 0', 'from four a week to zero')", () => {
    for (const result of ["pages 4/week -> 0, ~3h saved", "and pages went from four a week to zero"]) {
      const story = parseStory({
        situation: "on call got paged every night",
        actions: ["i tuned the alert thresholds on a month of real traffic"],
        result,
        lesson: "i now test alerts against history first",
      });
      const draft = compose(story, { question: "Tell me about a problem you solved", budgetSeconds: 60 });
      expect(draft.blanks).not.toContain(BLANKS.figure);
    }
  });

  it("keeps a note without a full stop apart from the next in the draft's text", () => {
    const story = parseStory({
      situation: "releases slipped every sprint\nno one tracked the blockers",
      actions: ["started a ten minute blocker check each morning"],
      result: "three releases on time in a row",
    });
    const draft = compose(story, { question: "Tell me about a problem you solved", budgetSeconds: 60 });
    expect(draft.text).toContain("releases slipped every sprint\nno one tracked the blockers");
    expect(draft.text).not.toContain("blockers started");
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
          // A result and a lesson are said, asked for by a blank, or left out whole for time.
          for (const part of ["result", "lesson"] as const)
            expect(
              draft.sentences.some((s) => s.part === part) || draft.trimmed.some((s) => s.part === part),
            ).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

const ORDER: readonly StarPart[] = ["situation", "task", "action", "result", "lesson"];

function composeAnswer(answer: AnswerItem, budgetSeconds: number): Draft {
  return compose(storyFromAnswer(answer), {
    question: answer.question,
    role: "ml-engineer",
    budgetSeconds,
    telling: answerText(answer),
  });
}

/**
 * What a candidate would notice: the story told in the order it happened, parts never going back
 * but for the problem told between two actions ("This led to…"), which is never an action itself.
 */
function expectChronology(draft: Draft, told: string): void {
  const own = draft.sentences.filter((s) => s.origin.from === "story");
  // A sentence the story joined from a lead-in and its list's first item ("…, I" + "Refactored…")
  // is found by its opening words.
  const locate = (text: string) => {
    const whole = told.indexOf(text);
    return whole >= 0 ? whole : told.indexOf(text.split(/\s+/).slice(0, 6).join(" "));
  };
  const at = own.map((s) => locate(s.text)).filter((i) => i >= 0);
  expect(at.length).toBeGreaterThan(own.length / 2);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  const parts = draft.sentences.map((s) => s.part);
  const between = (i: number) =>
    parts[i] === "situation" && parts.slice(0, i).includes("action") && parts.slice(i + 1).includes("action");
  const ranks = parts.filter((_, i) => !between(i)).map((p) => ORDER.indexOf(p));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

/** The draft's time is the lens's time of what can be said today, and it fits the budget. */
function expectLensTime(draft: Draft, question: string): void {
  const lens = analyze(withoutBlanks(draft.text), { question, budgetSeconds: draft.budgetSeconds });
  expect(draft.seconds).toBe(lens.timing.seconds);
  expect(draft.words).toBe(lens.timing.words);
  // Over the budget only when what must stay cannot fit, and then the draft says so.
  if (lens.timing.status === "long") expect(draft.warnings.join(" ")).toMatch(/^What must stay/);
}

const seed = readSeed();

describe("compose on the seed document", () => {
  it.runIf(SEED_RUNS)(
    "tells the ML-focused mistake story in order: setting, mistake, fix, result, lesson",
    () => {
      const answer = answerOf(seed, "q6/ml-focused");
      for (const budget of [60, 90, 120]) {
        const draft = composeAnswer(answer, budget);
        expectChronology(draft, answerText(answer));
        expectLensTime(draft, answer.question);
        // What the mistake led to is the problem, never one of the speaker's actions, and not
        // the story's result.
        const consequence = draft.sentences.find((s) => s.text.startsWith("This led to poor model training"));
        if (consequence) expect(consequence.part).toBe("situation");
        expect(draft.text).toMatch(/I had accidentally dropped rows/);
        expect(draft.sentences.at(-1)?.text).toMatch(/^The experience reminded me/);
      }
      const full = composeAnswer(answer, 90);
      expect(full.sentences[0]?.text).toMatch(/^During a forecasting project/);
    },
  );

  it.runIf(SEED_RUNS)(
    'opens the technical story\'s actions with "I started by…" and ends with its own lesson, no blank for one',
    () => {
      const answer = answerOf(seed, "q3/core");
      for (const budget of [60, 90, 120]) {
        const draft = composeAnswer(answer, budget);
        expectChronology(draft, answerText(answer));
        expectLensTime(draft, answer.question);
        const actions = draft.sentences.filter((s) => s.part === "action");
        expect(actions[0]?.text).toMatch(/^I started by/);
        // "It helped me solidify my … understanding" is what the story taught: the lesson.
        expect(draft.blanks, `${budget} s`).not.toContain(BLANKS.lesson);
        expect(draft.sentences.at(-1)?.text, `${budget} s`).toMatch(/^It helped me solidify/);
        expect(draft.sentences.at(-1)?.part).toBe("lesson");
        expect(draft.spoken).not.toMatch(/\[/);
      }
    },
  );
});

describe("compose: what is left out", () => {
  it.runIf(SEED_RUNS)(
    "lists the seed's left-out sentences in the order the story tells them ('twofold:' before its items)",
    () => {
      const answer = answerOf(seed, "q3/core");
      const draft = composeAnswer(answer, 60);
      // As said: an aside in brackets is said between commas in the draft and in what it leaves out.
      const told = sayAsides(answerText(answer));
      const at = draft.trimmed.map((t) => told.indexOf(t.text.split(/\s+/).slice(0, 6).join(" ")));
      expect(draft.trimmed.length).toBeGreaterThan(2);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    },
  );
});

describe("compose on the seed's model-serving mistake story", () => {
  it.runIf(SEED_RUNS)(
    "tells the cold starts before the fix: the fix joined to its lead-in ('Once I identified the issue…, I refactored…') keeps its place",
    () => {
      const answer = answerOf(seed, "q6/model-serving-inference-api-focus");
      for (const budget of [60, 90, 120]) {
        const draft = composeAnswer(answer, budget);
        expectChronology(draft, answerText(answer));
        const said = draft.sentences.map((s) => s.text);
        const fix = said.findIndex((t) => t.startsWith("Once I identified the issue"));
        const coldStarts = said.findIndex((t) => t.startsWith("During autoscaling"));
        if (fix >= 0 && coldStarts >= 0) expect(coldStarts, `${budget} s`).toBeLessThan(fix);
      }
    },
  );
});

describe("compose on the sample document", () => {
  const sample = readSample();

  it("tells the mistake stories in the order they happened and in the lens's time", () => {
    for (const key of ["q5/core", "q5/model-focused", "q5/serving-latency-focus", "q3/core"]) {
      const answer = answerOf(sample, key);
      for (const budget of [45, 90]) {
        const draft = composeAnswer(answer, budget);
        expectChronology(draft, answerText(answer));
        expectLensTime(draft, answer.question);
        if (budget === 90) expect(draft.seconds, key).toBeLessThanOrEqual(90);
      }
    }
    const mistake = composeAnswer(answerOf(sample, "q5/core"), 45);
    // The mistake and owning it are what a mistake question asks for: kept on a tight budget.
    expect(mistake.text).toMatch(/I had used an inner join/);
    expect(mistake.text).toMatch(/I told the team straight away/);
    const first = composeAnswer(answerOf(sample, "q3/core"), 90).sentences.find((s) => s.part === "action");
    expect(first?.text).toMatch(/^I started with simple per-channel statistics/);
  });

  it("never leaves out a story's setting to make room: the scene opens the draft at any budget", () => {
    // At 45 s the sample's mistake story used to open mid-action ("I compared a sample of
    // outputs…": which outputs, which job?) with no blank asking for the scene either.
    for (const key of ["q5/core", "q5/model-focused", "q5/serving-latency-focus", "q3/core"]) {
      const answer = answerOf(sample, key);
      const setting = storySentences(storyFromAnswer(answer)).find((s) => s.field === "situation")?.text;
      expect(setting, key).toBeDefined();
      for (const budget of [30, 45, 60, 90]) {
        const draft = composeAnswer(answer, budget);
        expect(draft.sentences[0]?.text, `${key} at ${budget} s`).toBe(setting);
        expect(draft.blanks, `${key} at ${budget} s`).not.toContain(BLANKS.context);
        // What cannot fit is said, not hidden: over the budget only with the warning.
        if (draft.seconds > budget)
          expect(draft.warnings.join(" "), `${key} at ${budget} s`).toMatch(/setting/);
      }
    }
  });

  it("tells how the mistake surfaced before a further step of the fix (model-focused story, 45 s)", () => {
    // Before: "I built an anomaly detector… I went back and realised my random split had leaked" —
    // went back why? The operators' report was left out for "Added a check…" and "Re-tuned…".
    const answer = answerOf(sample, "q5/model-focused");
    const draft = composeAnswer(answer, 45);
    const said = draft.sentences.map((s) => s.text);
    const surfaced = said.findIndex((t) => t.startsWith("Within a week the operators said"));
    const mistake = said.findIndex((t) => t.startsWith("I went back and realised"));
    expect(surfaced, said.join(" | ")).toBeGreaterThan(0);
    expect(mistake).toBe(surfaced + 1);
    // "Within a week" of what: the line it leans on is said right before it.
    expect(said[surfaced - 1]).toMatch(/^The scores looked excellent, so I deployed it/);
    expect(draft.seconds).toBeLessThanOrEqual(45);
  });

  it("opens the model-focused mistake story with its own setting, no context blank", () => {
    const answer = answerOf(sample, "q5/model-focused");
    for (const budget of [60, 90, 120]) {
      const draft = composeAnswer(answer, budget);
      expect(draft.blanks, `${budget} s`).not.toContain(BLANKS.context);
      expect(draft.sentences[0]?.text, `${budget} s`).toMatch(/^I built an anomaly detector/);
      expect(draft.sentences[0]?.part).toBe("situation");
    }
  });

  it("never counts an unfilled blank as a lesson or as time", () => {
    const story = parseStory({
      title: "Drift alerts",
      situation: "Our detector drifted out of calibration every few weeks.",
      actions: ["I trained a model of each channel's expected response and alerted on the residual."],
      result: "Drift was caught within twelve hours instead of three weeks.",
      lesson: "[what did you learn?]",
    });
    const draft = compose(story, { question: "Tell me about a model you built", budgetSeconds: 60 });
    expect(draft.sentences.some((s) => s.origin.from === "story" && s.part === "lesson")).toBe(false);
    expect(draft.blanks).toContain(BLANKS.lesson);
    expectLensTime(draft, draft.question);
    const lens = analyze(withoutBlanks(draft.text), { question: draft.question });
    expect(lens.labels.lesson).toBe(false);
  });
});

describe("tagStoryParts", () => {
  it("reads parts with the lens's tagger and never goes back in the telling order", () => {
    const parts = tagStoryParts([
      "Our nightly forecasts for three regions were off by a wide margin.",
      "I reviewed the preprocessing and found I had dropped rows with missing values.",
      "This led to poor model training.",
      "I rewrote the data checks and added tests for missing values.",
      "After the fix, the error fell by 40%.",
      "I learned to treat data pipelines like production code.",
    ]);
    expect(parts[0]).toBe("situation");
    expect(parts[1]).toBe("action");
    // What the mistake led to is the problem, told between the finding and the fix.
    expect(parts[2]).toBe("situation");
    expect(parts[3]).toBe("action");
    expect(parts[4]).toBe("result");
    expect(parts[5]).toBe("lesson");
  });
});

describe("compose: what a mistake led to is never one of the speaker's actions", () => {
  const churn = parseStory({
    title: "Churn join",
    situation: "I maintained the nightly churn model for a subscription app.",
    actions: [
      "After a schema change, I noticed the churn scores for new customers had all collapsed to zero.",
      "I traced it to my own join, which had silently dropped every customer without a billing record.",
      "This left the model with almost no recent sign-ups to learn from.",
      "To fix it, I switched to a left join and added a row-count check before training.",
    ],
    result: "The next run scored new customers again, and the check has caught two bad loads since.",
    lesson: "I learned to count rows before and after every join I write.",
  });

  it("files a consequence filed under Actions as the problem, in its place, and keeps the story's own result", () => {
    for (const budgetSeconds of [45, 60, 90]) {
      const draft = compose(churn, {
        question: "Tell me about a time you made a mistake and how you handled it.",
        budgetSeconds,
      });
      const consequence = draft.sentences.find((s) => s.text.startsWith("This left the model"));
      if (consequence) expect(consequence.part, `${budgetSeconds} s`).toBe("situation");
      const result = draft.sentences.filter((s) => s.part === "result" && s.origin.from === "story");
      expect(result.at(-1)?.text, `${budgetSeconds} s`).toMatch(/^The next run scored/);
    }
    const full = compose(churn, { question: "Tell me about a mistake you made", budgetSeconds: 90 });
    expect(full.sentences.map((s) => s.part)).toEqual([
      "situation",
      "situation",
      "action",
      "situation",
      "action",
      "result",
      "result",
      "lesson",
    ]);
  });

  it("asks for how it ended when the only outcome told is what the mistake led to", () => {
    const story = parseStory({
      title: "Pricing release",
      situation: "I owned the pricing service of a travel site.",
      actions: [
        "I shipped a new rounding rule on a Friday without a canary.",
        "Within an hour, hundreds of bookings had been charged twice the fare.",
        "I rolled the release back and refunded every affected booking myself.",
      ],
      lesson: "I learned never to ship pricing changes without a canary.",
    });
    const draft = compose(story, { question: "Tell me about a mistake you made", budgetSeconds: 90 });
    expect(draft.sentences.find((s) => s.text.startsWith("Within an hour"))?.part).not.toBe("action");
    expect(draft.blanks).toContain(BLANKS.result);
  });

  it("never takes the problem found among the actions for the setting", () => {
    const story = parseStory({
      title: "Rounding",
      actions: [
        "I rewrote the fare rounding code and deployed it straight to production.",
        "This doubled the price of some bookings.",
        "I rolled the rule back within the hour.",
      ],
      result: "No customer paid the doubled price.",
      lesson: "I learned to put pricing changes behind a canary.",
    });
    const draft = compose(story, { question: "Tell me about a mistake you made", budgetSeconds: 60 });
    expect(draft.sentences.find((s) => s.text.startsWith("This doubled"))?.part).toBe("situation");
    expect(draft.blanks).toContain(BLANKS.context);
    expect(draft.sentences[0]?.text).toBe(`Context: ${BLANKS.context}`);
  });
});

describe("compose: a lesson told as growth", () => {
  const feature = (closing: string) =>
    parseStory({
      title: "Feature store",
      situation: "Our team ran a recommendation service for a news site.",
      actions: [
        "I rebuilt the feature store so that training and serving read the same features.",
        "I added a nightly job that compared the two and alerted on drift.",
      ],
      result: `Click-through went up by 6% in the first month. ${closing}`,
    });

  it("reads what the work did to the speaker's understanding as the lesson, with no blank for one", () => {
    for (const closing of [
      "It sharpened my understanding of how training and serving drift apart.",
      "The project helped me solidify my grasp of how features reach production.",
      "It gave me a far deeper appreciation for how fragile feature pipelines are.",
    ]) {
      const draft = compose(feature(closing), {
        question: "Tell me about a model you improved",
        budgetSeconds: 60,
      });
      expect(draft.sentences.at(-1)?.text, closing).toBe(closing);
      expect(draft.sentences.at(-1)?.part, closing).toBe("lesson");
      expect(draft.blanks, closing).not.toContain(BLANKS.lesson);
    }
  });

  it("keeps a result that only mentions understanding someone else's problem a result", () => {
    const draft = compose(feature("The editors finally understood why the list changed every morning."), {
      question: "Tell me about a model you improved",
      budgetSeconds: 60,
    });
    expect(draft.blanks).toContain(BLANKS.lesson);
  });
});

describe("compose: a story opens with its setting", () => {
  it("reads the opening filed as the Situation as the scene even when it is told as a deed", () => {
    const story = parseStory({
      title: "Spam split",
      situation: "I built a spam filter for support tickets and tested it on a random split of the inbox.",
      actions: [
        "The offline numbers looked great, so I put it live.",
        "I went back and saw that the same customers sat on both sides of the split.",
        "I re-split by customer and retrained.",
      ],
      result: "The live error settled where the honest test said it would.",
      lesson: "I learned to split by the unit that repeats.",
    });
    const draft = compose(story, { question: "Tell me about a mistake you made", budgetSeconds: 90 });
    expect(draft.blanks).not.toContain(BLANKS.context);
    expect(draft.sentences[0]?.text).toMatch(/^I built a spam filter/);
    expect(draft.sentences[0]?.part).toBe("situation");
  });

  it("still asks for the setting when the story opens with an action it files as one", () => {
    const story = parseStory({
      title: "Cache",
      actions: [
        "I added a cache in front of the ranking model.",
        "I load-tested it with last week's traffic.",
      ],
      result: "p95 latency fell by 40%.",
      lesson: "I learned to measure before I optimise.",
    });
    const draft = compose(story, {
      question: "Tell me about a time you improved latency",
      budgetSeconds: 60,
    });
    expect(draft.blanks).toContain(BLANKS.context);
  });
});

describe("compose: a line that announces a list", () => {
  const twofold = parseStory({
    title: "Chatbot on AWS",
    situation: "I was deploying a retrieval chatbot on AWS for a side project with a small user base.",
    task: [
      "The challenge was twofold:",
      "- Tune the language model so its answers stayed grounded in the retrieved documents.",
      "- Build a backend that served those answers securely and reliably under real traffic.",
    ].join("\n"),
    actions: [
      "I served the model behind FastAPI and stored the embeddings in Postgres.",
      "I added Prometheus and Grafana dashboards to watch latency and errors.",
    ],
    result: "The chatbot ran for three months with p95 latency under 800 ms.",
    lesson: "I learned to set latency budgets before choosing the serving stack.",
  });

  it("is said only with every item it announces", () => {
    for (const budgetSeconds of [20, 30, 40, 50, 60, 90]) {
      const draft = compose(twofold, { question: "Tell me about a hard technical problem", budgetSeconds });
      const said = draft.sentences.map((s) => s.text);
      if (said.includes("The challenge was twofold:")) {
        expect(said, `${budgetSeconds} s`).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^Tune the language model/),
            expect.stringMatching(/^Build a backend/),
          ]),
        );
      }
    }
    // With room for everything, the announcement and both items are said.
    const roomy = compose(twofold, {
      question: "Tell me about a hard technical problem",
      budgetSeconds: 120,
    });
    expect(roomy.sentences.map((s) => s.text)).toContain("The challenge was twofold:");
  });

  it("says an item only after the line that announces it", () => {
    // One item speaks to the question, the other not: a tight budget keeps the first alone.
    const ranking = parseStory({
      title: "Ranking drift",
      situation: "I looked after the search ranking model for a small online bookshop.",
      task: [
        "The job was twofold:",
        "- Retrain the ranking model so it evaluated well on recent clicks.",
        "- Rewrite the nightly export scripts that copied the catalogue tables between three old servers and a shared drive.",
      ].join("\n"),
      actions: [
        "I retrained the ranking model weekly on recent clicks and evaluated it against the old one.",
      ],
      result: "Click-through rose by 9% in a month.",
      lesson: "I learned to watch the freshness of training data.",
    });
    for (const budgetSeconds of [20, 25, 30, 35, 40, 60]) {
      const draft = compose(ranking, {
        question: "How did you retrain and evaluate a ranking model?",
        role: "data-scientist",
        budgetSeconds,
      });
      const said = draft.sentences.map((s) => s.text);
      const items = said.filter((s) => /^(?:Retrain the ranking|Rewrite the nightly)/.test(s));
      expect(items.length === 0 || said.includes("The job was twofold:"), `${budgetSeconds} s`).toBe(true);
    }
  });

  it.runIf(SEED_RUNS)("never says one of the seed's 'twofold' items alone (Q3, any budget)", () => {
    const answer = answerOf(readSeed(), "q3/core");
    for (const budgetSeconds of [45, 60, 75, 90]) {
      const draft = composeAnswer(answer, budgetSeconds);
      const said = draft.sentences.map((s) => s.text);
      const items = said.filter((s) => /^(?:Fine-tune and serve|Build the backend)/.test(s));
      const lead = said.some((s) => /twofold:$/.test(s));
      expect(lead ? items.length : 0, `${budgetSeconds} s`).toBe(items.length);
      if (lead) expect(items, `${budgetSeconds} s`).toHaveLength(2);
      expect(draft.seconds).toBeLessThanOrEqual(budgetSeconds);
    }
  });
});

describe("compose: a sentence that leans on the one before", () => {
  it("says a list item with no subject of its own ('Added a check…') only after the line that gives it its 'I' (sample Q5)", () => {
    for (const key of ["q5/model-focused", "q5/serving-latency-focus"]) {
      const answer = answerOf(readSample(), key);
      const story = storyFromAnswer(answer);
      const told = storySentences(story).map((s) => s.text);
      for (const budgetSeconds of [30, 45, 60, 90]) {
        const draft = composeAnswer(answer, budgetSeconds);
        const said = draft.sentences.map((s) => s.text);
        said.forEach((text, i) => {
          if (!/^(?:Added|Re-tuned|Load-tested|Cached|Re-split)\b/.test(text)) return;
          const before = told[told.indexOf(text) - 1];
          expect(said[i - 1], `${key} at ${budgetSeconds} s: "${text}"`).toBe(before);
        });
      }
    }
  });
});

describe("compose: a sentence that continues the one before ('At first…', 'But…')", () => {
  it("reads a sentence that opens by continuing the one before as leaning on it", () => {
    for (const text of [
      "At first, I assumed the staging database was slow, but the failures also came at night.",
      "But the failures also came at night.",
      "However, the reruns kept failing.",
      "After that, I logged every run for a week.",
      "Instead, I gave each test its own customer.",
    ])
      expect(leansBack(text), text).toBe(true);
    for (const text of [
      "I noticed that one test in five failed on a rerun.",
      "Atlas, our scheduler, ran the suite at night.",
      "Butter sales drove the forecast.",
    ])
      expect(leansBack(text), text).toBe(false);
  });

  it.runIf(SEED_RUNS)(
    "on the seed's ML-focused mistake story, 'At first…' follows the sentence where the problem is noticed",
    () => {
      const answer = answerOf(readSeed(), "q6/ml-focused");
      const story = storyFromAnswer(answer);
      const told = storySentences(story).map((s) => s.text);
      const atFirst = told.findIndex((t) => /^At first\b/.test(t));
      expect(atFirst).toBeGreaterThan(0);
      for (const budgetSeconds of [30, 45, 60, 90]) {
        const draft = composeAnswer(answer, budgetSeconds);
        const said = draft.sentences.map((s) => s.text);
        const at = said.indexOf(told[atFirst] ?? "");
        if (at >= 0) expect(said[at - 1], `${budgetSeconds} s`).toBe(told[atFirst - 1]);
      }
    },
  );
});

describe("compose: 'Then, I…' is the next step after any step the draft tells", () => {
  it("reads 'Then, I…' as leaning on an earlier step, not on the one sentence before it", () => {
    for (const text of [
      "Then, I used AWS CDK to deploy the model.",
      "Next, we moved the queue.",
      "After that, I logged every run.",
    ])
      expect(leansOnAnyStep(text), text).toBe(true);
    for (const text of [
      "Then the queue filled up.",
      "This led to poor forecasts.",
      "Thereafter nothing changed.",
      "I then deployed it.",
    ])
      expect(leansOnAnyStep(text), text).toBe(false);
  });

  const rollout = parseStory({
    title: "Serving rollout",
    situation: "I was the only engineer on a team that served a fraud model to the checkout service.",
    actions: [
      "I wrapped the fraud model in a small HTTP service behind the checkout, with a schema check on every request.",
      "I spent a long afternoon comparing four serialisation libraries, reading their benchmarks and their issue trackers before settling on the one we already used elsewhere in the company.",
      "Then, I deployed the service to Kubernetes with autoscaling and alerts.",
    ],
    result: "The checkout kept its latency under 80 ms at three times the usual traffic.",
    lesson: "I learned to decide small tooling questions quickly and spend the time on the rollout.",
  });

  it("keeps the deploy step when the sentence before it is left out to fit the budget", () => {
    const draft = compose(rollout, {
      question: "Tell me about a time you built a service for a fraud model",
      budgetSeconds: 35,
    });
    const said = draft.sentences.map((s) => s.text);
    expect(said.some((t) => t.startsWith("I spent a long afternoon"))).toBe(false);
    const deploy = said.findIndex((t) => t.startsWith("Then, I deployed"));
    expect(deploy).toBeGreaterThan(0);
    // …and it is never the first step told.
    const wrapped = said.findIndex((t) => t.startsWith("I wrapped the fraud model"));
    expect(wrapped).toBeGreaterThanOrEqual(0);
    expect(wrapped).toBeLessThan(deploy);
  });

  it("never says 'Then, I…' right after the goal: a step of the speaker is said before it, as in re-angle", () => {
    const story = parseStory({
      title: "Delivery-time model",
      situation: "At a logistics startup, our delivery-time model only ran on a laptop.",
      task: "My goal was to serve its predictions to the dispatch app.",
      actions: [
        "I wrote Terraform for the VPC, the subnets, the IAM roles, the state bucket, the lock table and every security group the service would need, then reviewed each plan with the platform lead.",
        "Then, I retrained the model on a year of features and evaluated it against the old baseline.",
      ],
      result: "Delivery-time error fell by 20%.",
    });
    for (const budgetSeconds of [20, 25, 30, 40, 60]) {
      const draft = compose(story, { question: "Tell me about a technical challenge", budgetSeconds });
      const then = draft.sentences.findIndex((s) => s.text.startsWith("Then, I"));
      if (then < 0) continue;
      expect(
        draft.sentences.slice(0, then).some((s) => s.part === "action" && s.origin.from !== "template"),
        `${budgetSeconds} s`,
      ).toBe(true);
    }
  });
});

describe("compose: a sentence that tells its time from the one before ('Two days later…')", () => {
  it("reads a time counted from the sentence before as leaning on it", () => {
    for (const text of [
      "Three weeks later, the finance team called about missing invoices.",
      "The next morning the queue held forty thousand jobs.",
      "Within a day the support inbox filled with complaints.",
      "Soon after, the pager went quiet.",
    ])
      expect(leansBack(text), text).toBe(true);
    for (const text of [
      "Within a week of launch, the support inbox filled with complaints.",
      "Soon after the migration, I took over the billing service.",
      "Two days of profiling showed the cache was cold.",
    ])
      expect(leansBack(text), text).toBe(false);
  });

  it("never opens a draft of the sample's mistake story with 'Two days later…' (any budget)", () => {
    const answer = answerOf(readSample(), "q5/core");
    const story = storyFromAnswer(answer);
    const told = storySentences(story).map((s) => s.text);
    const later = told.findIndex((t) => /^Two days later\b/.test(t));
    expect(later).toBeGreaterThan(0);
    for (const budgetSeconds of [30, 45, 60, 90]) {
      const draft = composeAnswer(answer, budgetSeconds);
      const said = draft.sentences.map((s) => s.text);
      const at = said.indexOf(told[later] ?? "");
      // After the line it counts from, or (compose38) after the setting that tells the work it
      // counts from: "During a migration…, I was responsible for rewriting the join…".
      if (at >= 0) expect([told[later - 1], told[0]], `${budgetSeconds} s`).toContain(said[at - 1]);
    }
  });
});

describe("compose: a mistake question asks how you handled it", () => {
  const dropped = parseStory({
    title: "Dropped rows",
    situation:
      "I ran the weekly demand forecast for a chain of bakeries, retrained every Monday on the latest sales.",
    actions: [
      "After a refactor the forecasts for small shops went badly wrong.",
      "I found that I had accidentally dropped every row with a missing price, which emptied the data of the small shops.",
      "This made the model learn almost nothing about them.",
      "To fix it, I rewrote the cleaning step to impute missing prices and flag shops with too little data.",
      "I also wrote a dashboard of the models' feature importances and partial dependence plots for the analysts.",
    ],
    result: "After these changes the small-shop forecasts were back within 10% of actual sales.",
    lesson: "I learned to check what a cleaning step removes before I trust it.",
  });

  it("keeps the fix, so a result that leans on it ('After these changes') has something to lean on", () => {
    for (const budgetSeconds of [40, 50, 60]) {
      const draft = compose(dropped, {
        question: "Tell me about a time you made a mistake and how you handled it.",
        role: "data-scientist",
        budgetSeconds,
      });
      expect(draft.text, `${budgetSeconds} s`).toContain("To fix it, I rewrote the cleaning step");
      expect(draft.text, `${budgetSeconds} s`).toContain("I had accidentally dropped");
    }
  });

  it.runIf(SEED_RUNS)("keeps the fix of the seed's ML-focused mistake story at 60 s", () => {
    const answer = answerOf(readSeed(), "q6/ml-focused");
    const draft = compose(storyFromAnswer(answer), {
      question: answer.question,
      role: "ml-engineer",
      budgetSeconds: 60,
      telling: answerText(answer),
    });
    expect(draft.text).toMatch(/To resolve it, I rewrote the data quality checks/);
    expect(draft.seconds).toBeLessThanOrEqual(60);
  });
});

describe("compose keeps what went wrong before a further step of the fix", () => {
  // What went wrong, as each mistake story tells it: the draft that leaves it out fixes
  // something the listener never heard of.
  const SYMPTOMS: Record<string, RegExp> = {
    "q6/model-serving-inference-api-focus": /high error rates|5xx errors/,
    "q6/ml-focused": /forecasted values were significantly off/,
    "q6/core": /application was inaccessible/,
  };
  it.runIf(SEED_RUNS)("on the seed's mistake stories, at 45 s, 60 s and 90 s", () => {
    for (const [key, symptom] of Object.entries(SYMPTOMS)) {
      const answer = answerOf(seed, key);
      for (const budget of [45, 60, 90]) {
        const draft = composeAnswer(answer, budget);
        expect(draft.spoken, `${key} at ${budget} s`).toMatch(symptom);
        expectChronology(draft, answerText(answer));
      }
    }
  });

  it("on the sample's mistake stories, at 45 s and 60 s", () => {
    const sample = readSample();
    const symptoms: Record<string, RegExp> = {
      "q5/core": /reported odd constants/,
      "q5/serving-latency-focus": /the requests timed out/,
      "q5/model-focused": /missed the events they cared about/,
    };
    for (const [key, symptom] of Object.entries(symptoms)) {
      const answer = answerOf(sample, key);
      for (const budget of [45, 60]) {
        const draft = composeAnswer(answer, budget);
        expect(draft.spoken, `${key} at ${budget} s`).toMatch(symptom);
      }
    }
    // …and the mistake itself stays beside it ("I had loaded…" is what the speaker did wrong).
    expect(composeAnswer(answerOf(sample, "q5/serving-latency-focus"), 45).spoken).toMatch(
      /I had loaded the channel history from disk/,
    );
  });
});

describe("compose: a kept line whose 'it' or 'that' points back ('I traced it to…')", () => {
  it("reads an object pronoun right after the speaker's verb as pointing at the sentence before", () => {
    for (const text of [
      "I traced it to my join: I had used an inner join.",
      "Once I saw that in the traces, I cached the history in memory.",
      "We fixed it within the hour.",
      "I reported this to the platform team.",
    ])
      expect(leansBack(text), text).toBe(true);
    for (const text of [
      "I noticed that the forecasted values were off.",
      "I found that my split had leaked.",
      "I realised that it was my own change.",
      "I built a tool from scratch as a side project with two friends.",
    ])
      expect(leansBack(text), text).toBe(false);
  });

  it("never says 'I traced it to…' without what 'it' is, at any budget", () => {
    const story = parseStory({
      title: "Billing export",
      situation: "I moved our nightly billing export from cron to a new workflow scheduler.",
      actions: [
        "I assumed the old cron settings would carry over unchanged.",
        "A week later, finance flagged forty missing invoices from the weekend runs.",
        "I traced it to the scheduler's default timezone, which skipped the runs between midnight and one.",
        "I told my manager and re-ran the missing days.",
        "I added a check that compares each night's invoice count with the day before.",
      ],
      result: "No invoice has gone missing since, over eight months of runs.",
      lesson: "I learned to read a new tool's defaults before trusting a migration.",
    });
    for (let budgetSeconds = 20; budgetSeconds <= 80; budgetSeconds += 5) {
      const draft = compose(story, { question: "Tell me about a mistake you made", budgetSeconds });
      if (draft.spoken.includes("I traced it to"))
        expect(draft.spoken, `${budgetSeconds} s`).toContain(
          "missing invoices from the weekend runs. I traced it",
        );
    }
  });
});

describe("compose: a setting that overruns a tight budget", () => {
  it.runIf(SEED_RUNS)(
    "fits the seed's mistake stories at 45 s by leaving out whole sentences, in order",
    () => {
      // Before: the serving story took 53 s of 45 s and the ML-focused one 57 s, each with a
      // warning to cut words. Now each fits by the lens's estimate: its lesson, the lower-value of
      // what must stay once the scene, what went wrong, the mistake and the fix are said, is left out.
      for (const key of ["q6/model-serving-inference-api-focus", "q6/ml-focused"]) {
        const answer = answerOf(seed, key);
        const draft = composeAnswer(answer, 45);
        expect(draft.seconds, key).toBeLessThanOrEqual(45);
        expectLensTime(draft, answer.question);
        expectChronology(draft, answerText(answer));
        expect(
          draft.warnings.filter((w) => w.startsWith("What must stay")),
          key,
        ).toEqual([]);
        // Whole sentences of the story, none rewritten.
        const own = new Set(storySentences(storyFromAnswer(answer)).map((s) => s.text));
        for (const s of draft.sentences)
          if (s.origin.from === "story") expect(own.has(s.text), key).toBe(true);
        expect(
          draft.trimmed.map((t) => t.part),
          key,
        ).toContain("lesson");
        expect(
          draft.sentences.map((s) => s.part),
          key,
        ).toContain("result");
      }
      const serving = composeAnswer(answerOf(seed, "q6/model-serving-inference-api-focus"), 45).spoken;
      // The scene, what went wrong, the mistake and the fix, in the order they happened.
      const said = [
        "In one project, I deployed a FastAPI-based inference service",
        "Latency increased significantly",
        "It turned out the model loading code",
        "Once I identified the issue",
        "After the fix, latency dropped sharply",
      ].map((opening) => serving.indexOf(opening));
      expect(said.every((at) => at >= 0)).toBe(true);
      expect(said).toEqual([...said].sort((a, b) => a - b));
    },
  );

  it.runIf(SEED_RUNS)(
    "gives the shortest telling where even it cannot fit, says by how much, and keeps the whole story one step away (the serving story at 30 s)",
    () => {
      // Before (compose40): the draft kept the whole story (53 s) and its warning said the story
      // took 35 s even at its shortest. Now the draft is that shortest telling, the closest to 30 s.
      const answer = answerOf(seed, "q6/model-serving-inference-api-focus");
      const draft = composeAnswer(answer, 30);
      const over = draft.seconds - 30;
      expect(over).toBeGreaterThan(0);
      const warning = draft.warnings.find((w) => /this story takes/.test(w)) ?? "";
      expect(warning).toMatch(
        /^This draft is the story at its shortest \([^)]*\), leaving out the result, the lesson and \d+ other sentences/,
      );
      expect(warning).toContain(`${over} s over the 30 s budget: this story takes ${draft.seconds} s.`);
      expect(warning).toMatch(/cut about \d+ words/);
      // The longest line of that telling is named, by its opening words and its length.
      expect(warning).toMatch(/“It turned out the model loading…” \(\d+ words\)/);
      expect(draft.wholeSeconds).toBeGreaterThan(draft.seconds);
      expect(warning).toContain(`The whole story takes ${draft.wholeSeconds} s.`);
      // It opens with the setting and says the mistake and the fix, the result asked for by a blank.
      expect(draft.sentences[0]?.text).toMatch(
        /^In one project, I deployed a FastAPI-based inference service/,
      );
      expect(draft.sentences.some((s) => /^It turned out the model loading/.test(s.text))).toBe(true);
      expect(draft.blanks).toContain(BLANKS.result);
      expect(draft.trimmed.map((t) => t.part)).toEqual(expect.arrayContaining(["result", "lesson"]));
      // Asked for whole, the draft keeps the whole story, as long as said, and the old warning.
      const whole = compose(storyFromAnswer(answer), {
        question: answer.question,
        role: "ml-engineer",
        budgetSeconds: 30,
        telling: answerText(answer),
        whole: true,
      });
      expect(whole.seconds).toBe(draft.wholeSeconds);
      expect(whole.wholeSeconds).toBeUndefined();
      expect(whole.sentences.map((s) => s.part)).toEqual(expect.arrayContaining(["result", "lesson"]));
      const wholeWarning = whole.warnings.find((w) => w.startsWith("What must stay")) ?? "";
      expect(wholeWarning).toContain(`${whole.seconds - 30} s over the 30 s budget`);
      expect(wholeWarning).toMatch(
        /even at its shortest \([^)]*\) this story takes \d+ s\. Give it about \d+ s/,
      );
    },
  );
});

describe("compose: 'I then…' is said after a step of the speaker", () => {
  it("reads 'I then trained…' as the next step of a sequence, like 'Then, I…'", () => {
    expect(leansOnAnyStep("I then trained a small model of each channel.")).toBe(true);
    expect(leansOnAnyStep("We then shipped it behind a flag.")).toBe(true);
    expect(leansOnAnyStep("I thenceforth logged every run.")).toBe(false);
  });

  it("never opens the sample's technical story's actions with 'I then trained…' (any budget)", () => {
    const answer = answerOf(readSample(), "q3/core");
    for (const budget of [30, 45, 60, 90]) {
      const draft = composeAnswer(answer, budget);
      const first = draft.sentences.find((s) => s.part === "action" && s.origin.from === "story");
      expect(first?.text, `${budget} s`).not.toMatch(/^(?:I|We) then\b/);
    }
  });
});

describe("a kept line with no subject", () => {
  const subjectless = (draft: Draft) => draft.warnings.find((w) => /no subject/.test(w));

  it.runIf(SEED_RUNS)(
    "is said as written and named in a note, on the seed's ML-focused mistake story",
    () => {
      const draft = composeAnswer(answerOf(seed, "q6/ml-focused"), 90);
      // Never rewritten: the line stays as the story tells it.
      expect(draft.text).toContain("Refactored the pipeline to impute missing values");
      const note = subjectless(draft);
      expect(note).toMatch(/“Refactored the pipeline to impute missing…”/);
      expect(note).toMatch(/“Added tests to ensure schema validation…”/);
      expect(note).toMatch(/“I refactored…” if it was you/);
      // The list's first item is said with its lead-in ("To resolve it, I rewrote…"): it has a subject.
      expect(draft.text).toContain("To resolve it, I rewrote the data quality checks");
      expect(note).not.toMatch(/Rewrote/);
    },
  );

  it("is named in a note on our sample's serving story, and not at all where every line has a subject", () => {
    const draft = composeAnswer(answerOf(readSample(), "q5/serving-latency-focus"), 90);
    const note = subjectless(draft) ?? "";
    expect(note).toMatch(/“Added a latency panel…”.*“Load-tested the service with a night's…”/);
    expect(note).not.toMatch(/Cached the history/);
    expect(subjectless(composeAnswer(answerOf(readSample(), "q5/core"), 90))).toBeUndefined();
  });

  it("is named for notes typed in lower case", () => {
    const story = parseStory({
      title: "Slow checkout",
      text: "- checkout p95 was 4 s during the sale\n- led migration of the cart service to redis\n- fixed the cache invalidation\n- p95 fell to 300 ms",
    });
    const draft = compose(story, {
      question: "Tell me about a complex technical problem.",
      budgetSeconds: 90,
    });
    expect(draft.text).toContain("led migration of the cart service to redis");
    expect(subjectless(draft)).toMatch(
      /^2 lines have no subject.*“led migration of the cart service…”, “fixed the cache invalidation”/,
    );
  });
});

describe("compose: a question the story does not answer says what to add", () => {
  const mistake = "Tell me about a time you made a mistake and how you handled it.";

  it("asks for the mistake when a mistake question is drafted from a story that tells none (sample Q3)", () => {
    const story = storyFromAnswer(answerOf(readSample(), "q3/core"));
    const draft = compose(story, { question: mistake, budgetSeconds: 90 });
    expect(draft.blanks).toContain(BLANKS.mistake);
    // Before the first deed, and nothing of the blank is counted as said.
    const at = draft.sentences.findIndex((s) => s.text.includes(BLANKS.mistake));
    const firstDeed = draft.sentences.findIndex((s) => s.part === "action");
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(firstDeed);
    expect(draft.spoken).not.toContain(BLANKS.mistake);
    expect(draft.warnings.some((w) => w.startsWith("The question asks about a mistake"))).toBe(true);
  });

  it.runIf(SEED_RUNS)(
    "adds no mistake blank to a story that tells its mistake (seed and sample mistake stories)",
    () => {
      const answers = [
        ...["q6/core", "q6/ml-focused", "q6/model-serving-inference-api-focus"].map((k) =>
          answerOf(readSeed(), k),
        ),
        ...["q5/core", "q5/model-focused", "q5/serving-latency-focus"].map((k) => answerOf(readSample(), k)),
      ];
      for (const answer of answers) {
        const draft = composeAnswer(answer, 60);
        expect(draft.blanks, answer.key).not.toContain(BLANKS.mistake);
        expect(draft.warnings.join(" "), answer.key).not.toMatch(/tells none of yours/);
      }
    },
  );

  it("opens a draft for a question that asks for no story with a blank for the answer itself", () => {
    const story = storyFromAnswer(answerOf(readSample(), "q3/core"));
    for (const question of ["What is your greatest weakness?", "Tell me about yourself"]) {
      const draft = compose(story, { question, budgetSeconds: 90 });
      expect(draft.sentences[0]?.origin.from, question).toBe("template");
      expect(draft.text, question).toMatch(/^My answer: \[/);
      // Said as one text: the blank closes like a question, so the story runs on after it.
      expect(draft.text, question).not.toContain("\n");
      expect(draft.warnings.some((w) => /not a story: say that in a line of your own first/.test(w))).toBe(
        true,
      );
    }
    // A story question gets no such line.
    const told = compose(story, {
      question: "Tell me about a difficult technical problem you solved.",
      budgetSeconds: 90,
    });
    expect(told.text).not.toMatch(/^My answer:/);
  });
});

describe("compose: a draft reads as speech", () => {
  // Our own story, written as notes are: asides in brackets, an "e.g." and an acronym after its words.
  const story = parseStory({
    title: "Search latency",
    situation:
      "Our search service (the one behind the shop's search box) answered slowly at peak, e.g. after a sale mail went out.",
    actions: [
      "I added a cache for the top queries (i.e., the thousand most frequent) with a five-minute expiry.",
      "I moved the ranking to a learning-to-rank (LTR) model that scored only the first hundred hits.",
    ],
    result: "Median latency fell from 900 ms to 140 ms at peak.",
    lesson: "I learned to measure the slowest hour (not the average day) before tuning anything.",
  });

  it("says each aside between commas, its abbreviation in words, and keeps every word of it", () => {
    const draft = compose(story, { question: "Tell me about a hard technical problem", budgetSeconds: 120 });
    expect(draft.text).not.toMatch(/[()]|\be\.g\.|\bi\.e\./);
    expect(draft.text).toContain("Our search service, the one behind the shop's search box, answered slowly");
    expect(draft.text).toContain("at peak, for example, after a sale mail went out.");
    expect(draft.text).toContain(
      "for the top queries, that is, the thousand most frequent, with a five-minute expiry.",
    );
    expect(draft.text).toContain("to a learning-to-rank, or LTR, model that scored");
    expect(draft.text).toContain("measure the slowest hour, not the average day, before tuning anything.");
  });

  it.runIf(SEED_RUNS)(
    "on the seed's technical story: '(e.g., GPT-based)' and '(RAG)' are said, not read out",
    () => {
      const draft = composeAnswer(answerOf(seed, "q3/core"), 180);
      expect(draft.text).not.toMatch(/\(e\.g\.|\(RAG\)/);
      expect(draft.text).toContain("an LLM, for example, GPT-based, with RAG");
      expect(draft.text).toContain("retrieval-augmented generation, or RAG,");
    },
  );
});

describe("compose: a story that does not answer the question asked", () => {
  const EXPLAIN = "Tell me about a time you explained a model to non-technical people";
  const drift = parseStory({
    title: "Sensor drift",
    situation: "Our plant logged millions of sensor readings a day, and a few sensors drifted slowly.",
    actions: [
      "I trained a small model of each sensor's expected reading from its neighbours.",
      "I alerted on the residual and ran the job nightly in Airflow.",
    ],
    result: "Drift was caught within a day instead of a month.",
    lesson: "I learned that the checks around a model matter as much as the model.",
  });
  const notShown = (draft: Draft) =>
    draft.warnings.filter((w) => /^This story (?:does not show|shows no moment)/.test(w));

  it("says plainly what the question asks that no sentence shows, and makes nothing up", () => {
    const draft = compose(drift, { question: EXPLAIN, budgetSeconds: 90 });
    expect(notShown(draft)).toEqual([
      expect.stringMatching(
        /^This story shows no moment you explained a model to non-technical people.*add that moment/,
      ),
    ]);
    // Only the story's own sentences and the usual blanks: nothing written for the user.
    const own = new Set(storySentences(drift).map((s) => s.text));
    for (const s of draft.sentences) if (s.origin.from === "story") expect(own.has(s.text)).toBe(true);
    expect(
      draft.sentences
        .filter((s) => s.origin.from === "template")
        .map((s) => s.text)
        .join(" "),
    ).not.toMatch(/explain|non-technical/i);
  });

  it("names what is missing from the question's skills when it does not word a deed", () => {
    const draft = compose(drift, {
      question: "Describe how you explained a model to non-technical stakeholders.",
      budgetSeconds: 90,
    });
    expect(notShown(draft)).toEqual([
      expect.stringMatching(/does not show communication or non-technical stakeholders/),
    ]);
  });

  it("gives no such note when a sentence shows it, or the story answers its own kind of question", () => {
    const told = parseStory({
      ...drift,
      actions: [
        ...drift.actions,
        "I explained the model to the plant managers in plain language, with one chart.",
      ],
    });
    expect(notShown(compose(told, { question: EXPLAIN, budgetSeconds: 90 }))).toEqual([]);
    expect(
      notShown(
        compose(drift, {
          question: "Tell me about a difficult technical problem you solved.",
          budgetSeconds: 90,
        }),
      ),
    ).toEqual([]);
  });

  it("on the sample, warns for the drift story asked about explaining a model, and for no story asked its own question", () => {
    const sample = readSample();
    const answers = sample.items.filter(
      (i): i is AnswerItem => i.kind === "answer" && /technical problem|mistake/i.test(i.question),
    );
    expect(answers.length).toBeGreaterThanOrEqual(3);
    for (const answer of answers) {
      const story = storyFromAnswer(answer);
      expect(notShown(compose(story, { question: answer.question, budgetSeconds: 90 })), answer.key).toEqual(
        [],
      );
    }
    const drifting = answers.find((a) => /technical problem/i.test(a.question));
    const draft = compose(storyFromAnswer(drifting as AnswerItem), { question: EXPLAIN, budgetSeconds: 90 });
    // Before: no note at all; the draft read as an answer.
    expect(notShown(draft)).toHaveLength(1);
  });

  it.runIf(SEED_RUNS)("on the seed, no story asked its own question gets the note", () => {
    const doc = readSeed();
    const answers = (doc?.items ?? []).filter(
      (i): i is AnswerItem => i.kind === "answer" && /technical problem|mistake/i.test(i.question),
    );
    expect(answers.length).toBeGreaterThanOrEqual(3);
    for (const answer of answers) {
      const story = storyFromAnswer(answer);
      expect(notShown(compose(story, { question: answer.question, budgetSeconds: 90 })), answer.key).toEqual(
        [],
      );
    }
  });
});

describe("compose for a problem solved: the main action is the fix, not the mistake (compose34)", () => {
  it("says how the sample's serving story was fixed before 'After that, the latency dropped…' (30 s)", () => {
    // Before: "…the requests timed out. I had loaded the channel history from disk on every request.
    // After that, the 95th-percentile latency dropped…": the latency dropped after the mistake.
    const answer = answerOf(readSample(), "q5/serving-latency-focus");
    const draft = compose(storyFromAnswer(answer), {
      question: "Tell me about a difficult technical problem you solved.",
      budgetSeconds: 30,
    });
    const said = draft.sentences.map((s) => s.text);
    const fix = said.findIndex((t) => /I cached the history in memory/.test(t));
    const result = said.findIndex((t) => /^After that, the 95th-percentile latency dropped/.test(t));
    expect(fix).toBeGreaterThanOrEqual(0);
    expect(result).toBeGreaterThan(fix);
    expect(said[result - 1]).not.toMatch(/^I had loaded the channel history/);
    expect(draft.seconds).toBeLessThanOrEqual(30);
  });

  it("keeps the fix rather than only the mistake of a story told for a technical question", () => {
    const story = parseStory({
      title: "Nightly import",
      situation: "I ran the nightly import that fed our pricing model.",
      actions: [
        "One morning the prices for two regions came out empty.",
        "I had accidentally filtered out every row with a missing currency code.",
        "I changed the filter to fill the code from the store's country and added a test for empty regions.",
      ],
      result: "After that, no region came out empty again.",
    });
    const draft = compose(story, {
      question: "Tell me about a difficult technical problem you solved.",
      budgetSeconds: 20,
    });
    const said = draft.sentences.map((s) => s.text).join(" ");
    expect(said).toMatch(/I changed the filter/);
    expect(said).toMatch(/After that, no region came out empty again\./);
    // A mistake question still keeps the mistake, what it asks for.
    const mistake = compose(story, {
      question: "Tell me about a time you made a mistake.",
      budgetSeconds: 60,
    });
    expect(mistake.sentences.map((s) => s.text).join(" ")).toMatch(/I had accidentally filtered out/);
  });
});

describe("compose on a tight budget keeps the problem a kept line leans on (compose35)", () => {
  const saysTroubleFirst = (draft: Draft, line: RegExp) => {
    const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
    const at = said.findIndex((t) => line.test(t));
    return at < 0 || said.slice(0, at).some((t) => /inner join|odd constants|inaccessible|timeout/.test(t));
  };

  it("never says the sample's 'No published analysis used the bad constants.' without the bad constants (30 s)", () => {
    // Before: setting, "I told the team straight away, rolled back…", "No published analysis used the bad
    // constants." — constants never mentioned.
    const answer = answerOf(readSample(), "q5/core");
    for (const question of [
      "Tell me about a difficult technical problem you solved.",
      "Tell me about a project you are proud of.",
    ]) {
      const draft = compose(storyFromAnswer(answer), {
        question,
        role: "ml-engineer",
        budgetSeconds: 30,
        telling: answerText(answer),
      });
      expect(saysTroubleFirst(draft, /the bad constants/), question).toBe(true);
      expect(draft.seconds).toBeLessThanOrEqual(30);
    }
  });

  it.runIf(SEED_RUNS)(
    "never says the seed's 'acknowledged the issue' or 'The fix restored…' before the issue (30 s)",
    () => {
      const answer = answerOf(seed, "q6/core");
      const draft = compose(storyFromAnswer(answer), {
        question: "Tell me about a difficult technical problem you solved.",
        role: "ml-engineer",
        budgetSeconds: 30,
        telling: answerText(answer),
      });
      expect(saysTroubleFirst(draft, /acknowledged the issue/)).toBe(true);
      expect(saysTroubleFirst(draft, /^The fix restored/)).toBe(true);
      expect(draft.seconds).toBeLessThanOrEqual(30);
    },
  );

  it.runIf(SEED_RUNS)(
    "tells the seed's ML-focused story at 30 s with its fix, after a line that says what went wrong",
    () => {
      // Before: the setting and the 45-word mistake only, no fix ("To resolve it, I…" cost the mistake too).
      const answer = answerOf(seed, "q6/ml-focused");
      const draft = compose(storyFromAnswer(answer), {
        question: "Tell me about a difficult technical problem you solved.",
        role: "ml-engineer",
        budgetSeconds: 30,
        telling: answerText(answer),
      });
      const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
      const fix = said.findIndex((t) => /^To resolve it, I rewrote/.test(t));
      expect(fix).toBeGreaterThan(0);
      expect(
        said.slice(0, fix).some((t) => /significantly off|accidentally dropped|unreliable/.test(t)),
      ).toBe(true);
      expect(draft.seconds).toBeLessThanOrEqual(30);
    },
  );

  it("keeps what went wrong, told among the deeds, before a result about it where it fits", () => {
    const story = parseStory({
      title: "Nightly export",
      situation: "I owned the nightly export that fed our billing reports.",
      actions: [
        "I moved the export to a new scheduler and checked one night's files by hand.",
        "A week later the export failed silently on the nights with no invoices.",
        "I added a check that fails the run on an empty file, and an alert to the on-call channel.",
      ],
      result: "The fix has caught two empty nights since, before any report went out.",
    });
    const draft = compose(story, {
      question: "Tell me about a difficult technical problem you solved.",
      budgetSeconds: 25,
    });
    const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
    const result = said.findIndex((t) => /^The fix has caught/.test(t));
    const trouble = said.findIndex((t) => /failed silently/.test(t));
    expect(result).toBeGreaterThan(trouble);
    expect(trouble).toBeGreaterThanOrEqual(0);
    expect(draft.seconds).toBeLessThanOrEqual(25);
  });
});

describe("compose: a deed whose verb mends something is said after what went wrong (compose36)", () => {
  it("reads rolling back, reverting, patching and restoring by the speaker as leaning on a failure", () => {
    for (const line of [
      "We rolled back the release.",
      "I told the team, rolled back to the old job, and compared every channel.",
      "I reverted the migration the same evening.",
      "I patched the parser and redeployed.",
      "We restored the index from the nightly snapshot.",
      "Rolled back the deploy through the pipeline.",
    ])
      expect(leansOnTrouble(line), line).toBe(true);
    for (const line of [
      // "Fixed" names what was broken as its object: the line says it itself.
      "I fixed the cache invalidation.",
      "We restored the service an hour into the outage.",
      "I rolled back the deploy because the health checks failed.",
      "I had accidentally reverted a colleague's config.",
      "The service answered in 40 ms.",
    ])
      expect(leansOnTrouble(line), line).toBe(false);
  });

  it("never says the sample's 'rolled back to the old job' without what failed (30 s)", () => {
    // Before: the setting, "I told the team straight away, rolled back to the old job, and wrote a
    // full comparison…" and the lesson: rolled back from what?
    const answer = answerOf(readSample(), "q5/core");
    for (const question of [
      "Tell me about a difficult technical problem you solved.",
      "Tell me about a project you are proud of.",
    ]) {
      for (const budgetSeconds of [30, 45, 60]) {
        const draft = compose(storyFromAnswer(answer), {
          question,
          role: "ml-engineer",
          budgetSeconds,
          telling: answerText(answer),
        });
        const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
        const at = said.findIndex((t) => /rolled back/.test(t));
        if (at >= 0)
          expect(
            said.slice(0, at).some((t) => /inner join|odd constants/.test(t)),
            `${question} ${budgetSeconds} s`,
          ).toBe(true);
        expect(draft.seconds).toBeLessThanOrEqual(budgetSeconds);
      }
    }
  });
});

describe("compose: a draft never ends without its result (compose36)", () => {
  const QUESTIONS = [
    "Tell me about a difficult technical problem you solved.",
    "Tell me about a time you made a mistake and how you handled it.",
    "Tell me about a project you are proud of.",
  ];
  const draftOf = (
    doc: Parameters<typeof answerOf>[0],
    key: string,
    question: string,
    budgetSeconds: number,
  ) => {
    const answer = answerOf(doc, key);
    return compose(storyFromAnswer(answer), {
      question,
      role: "ml-engineer",
      budgetSeconds,
      telling: answerText(answer),
    });
  };

  it("says a result, or leaves the blank for one, in every 30 s draft of our sample's stories", () => {
    // Before: the technical, calibration and serving stories at 30 s stopped after a deed (or
    // the lesson), with neither a result nor a blank asking for one.
    for (const key of ["q3/core", "q5/core", "q5/model-focused", "q5/serving-latency-focus"])
      for (const question of QUESTIONS) {
        const draft = draftOf(readSample(), key, question, 30);
        const results = draft.sentences.filter((s) => s.part === "result");
        expect(results.length, `${key} ${question}`).toBeGreaterThan(0);
        // A blank asks; it is never said, nor timed.
        expect(draft.spoken).not.toContain(BLANKS.result);
        if (results.every((s) => s.origin.from === "template"))
          expect(draft.blanks, `${key} ${question}`).toContain(BLANKS.result);
        // Within the budget, or a warning says by how much what must stay runs over it.
        if (draft.seconds > 30) expect(draft.warnings.join(" ")).toMatch(/over the 30 s budget/);
      }
  });

  it("times every draft of our sample's stories (3 questions x 30, 60, 90 s) as the lens times it, blanks left out", () => {
    // Over the budget only where what must stay cannot fit in whole sentences, and then it says so.
    for (const key of ["q3/core", "q5/core", "q5/model-focused", "q5/serving-latency-focus"])
      for (const question of QUESTIONS)
        for (const budgetSeconds of [30, 60, 90])
          expectLensTime(draftOf(readSample(), key, question, budgetSeconds), question);
  });

  it("keeps the sample's serving result at 30 s by leaving out a further deed, not the result", () => {
    // Before: "…I cached the history in memory… Added a latency panel and an alert…", and no result.
    const draft = draftOf(readSample(), "q5/serving-latency-focus", QUESTIONS[0] as string, 30);
    const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
    const fix = said.findIndex((t) => /I cached the history in memory/.test(t));
    const result = said.findIndex((t) => /^After that, the 95th-percentile latency dropped/.test(t));
    expect(fix).toBeGreaterThan(0);
    expect(result).toBeGreaterThan(fix);
    expect(said.some((t) => /^Added a latency panel/.test(t))).toBe(false);
    expect(draft.trimmed.map((t) => t.text)).toContain(
      "Added a latency panel and an alert on the 95th percentile.",
    );
    expect(draft.seconds).toBeLessThanOrEqual(30);
  });

  it("keeps the main deed rather than the result when only a step before it would stay (technical story, 30 s)", () => {
    // "I started with simple per-channel statistics and found they missed slow drifts" followed by
    // "Drift was caught within twelve hours" would credit the statistics that failed.
    const draft = draftOf(readSample(), "q3/core", QUESTIONS[0] as string, 30);
    expect(draft.text).toContain("I then trained a small model");
    expect(draft.text).toContain(BLANKS.result);
    expect(draft.spoken).not.toContain("Drift was caught");
  });

  it.runIf(SEED_RUNS)("tells the seed's TLS story at 30 s to 'The fix restored secure access'", () => {
    // Before: the setting, "I discovered… inaccessible", "I immediately acknowledged the issue,
    // rolled back…", "I then updated the Envoy configuration…", and no result.
    const draft = draftOf(seed, "q6/core", QUESTIONS[0] as string, 30);
    const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
    expect(said.at(-1)).toMatch(/^The fix restored secure access/);
    expect(said.some((t) => /inaccessible/.test(t))).toBe(true);
    expect(draft.seconds).toBeLessThanOrEqual(30);
  });
});

describe("compose: a mistake question on a tight budget keeps its shortest telling (compose37)", () => {
  const MISTAKE_Q = "Tell me about a time you made a mistake and how you handled it.";
  const draftOf = (doc: Parameters<typeof answerOf>[0], key: string, budgetSeconds: number) => {
    const answer = answerOf(doc, key);
    return compose(storyFromAnswer(answer), {
      question: MISTAKE_Q,
      role: "ml-engineer",
      budgetSeconds,
      telling: answerText(answer),
    });
  };
  const storyLines = (draft: Draft) =>
    draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);

  it("tells the sample's leaked-split story in 30 s: setting, the mistake owned, its fix, blanks for the rest", () => {
    // Before: all of it (44 s) with a warning that it ran 14 s over the budget.
    const draft = draftOf(readSample(), "q5/model-focused", 30);
    expect(draft.seconds).toBeLessThanOrEqual(30);
    expect(draft.warnings.filter((w) => w.startsWith("What must stay"))).toEqual([]);
    const said = storyLines(draft);
    expect(said[0]).toMatch(/^I built an anomaly detector/);
    const mistake = said.findIndex((t) => /my random split had leaked/.test(t));
    const fix = said.findIndex((t) => /^To fix it, I re-split the data by fill/.test(t));
    expect(mistake).toBeGreaterThan(0);
    expect(fix).toBeGreaterThan(mistake);
    // What came of it and what was learned are asked for, never dropped unsaid.
    expect(draft.blanks).toContain(BLANKS.result);
    expect(draft.blanks).toContain(BLANKS.lesson);
    expect(draft.spoken).not.toMatch(/\[/);
  });

  it("asks for the lesson in a few words when the story's own lesson has no room", () => {
    // Before: the lesson left out for time, with no blank: the draft never said what was learned.
    const story = parseStory({
      title: "Price import",
      situation: "I ran the nightly price import for our shop.",
      actions: [
        "I had accidentally filtered out every row with a missing currency code, and two regions lost their prices.",
        "I restored the rows from the backup and added a test that fails on an empty region.",
      ],
      result: "No customer saw a wrong price, and the test has caught one empty region since.",
      lesson:
        "I learned that a filter which silently drops rows is a decision about the data, and that every such decision deserves a test and a count written down before the job goes live.",
    });
    const draft = compose(story, { question: MISTAKE_Q, budgetSeconds: 20 });
    expect(draft.seconds).toBeLessThanOrEqual(20);
    expect(draft.warnings.filter((w) => w.startsWith("What must stay"))).toEqual([]);
    const said = storyLines(draft);
    expect(said.some((t) => /I had accidentally filtered out/.test(t))).toBe(true);
    expect(said.some((t) => /^I learned that a filter/.test(t))).toBe(false);
    expect(draft.blanks).toContain(BLANKS.shortLesson);
    expect(draft.trimmed.map((t) => t.part)).toContain("lesson");
  });

  it("tells the calibration story in 30 s: the setting, 'Two days later a colleague reported…', the mistake, one fix", () => {
    // Before: "Two days later…" was walked back to "I compared a sample of outputs…", so the
    // shortest telling ran over and the whole story stayed (59 s) with a warning. Its time counts
    // from the work the setting tells ("…I was responsible for rewriting the join…").
    const draft = draftOf(readSample(), "q5/core", 30);
    expect(draft.seconds).toBeLessThanOrEqual(30);
    expect(draft.warnings.filter((w) => w.startsWith("What must stay"))).toEqual([]);
    const said = storyLines(draft);
    expect(said[0]).toMatch(/^During a migration of the calibration pipeline/);
    expect(said[1]).toMatch(/^Two days later a colleague reported odd constants/);
    expect(said[2]).toMatch(/^I traced it to my join/);
    expect(said).toHaveLength(4);
    expect(draft.blanks).toContain(BLANKS.result);
  });

  it("reads a line that only counts its time from the line before apart from one that refers back", () => {
    expect(countsTimeOnly("Two days later a colleague reported odd constants on the edge channels.")).toBe(
      true,
    );
    expect(countsTimeOnly("The next morning the on-call engineer reported that the queue was full.")).toBe(
      true,
    );
    // "it" stands for something said before; "This led…" is no time at all.
    expect(countsTimeOnly("Within a week the operators said it missed the events they cared about.")).toBe(
      false,
    );
    expect(countsTimeOnly("This led to poor forecasts.")).toBe(false);
    expect(countsTimeOnly("Two days later I traced it to my join.")).toBe(false);
  });

  it("says 'Two days later…' without the line it counts from only after a setting that tells the speaker's work", () => {
    // A setting that tells no work of the speaker's gives the time nothing to count from.
    const story = parseStory({
      title: "Nightly job",
      situation: "The nightly job loads the detector readings into the archive.",
      actions: [
        "I switched the job to the new cluster without a dry run.",
        "Two days later a colleague reported missing nights in the archive.",
        "I had accidentally left out the cluster's retention setting, so old nights were deleted.",
        "I restored the nights from the backup and added the setting to the migration checklist.",
      ],
      result: "Every night was back by the end of the week.",
      lesson: "I learned to dry-run every migration.",
    });
    for (const budgetSeconds of [15, 20, 25, 30]) {
      const said = storyLines(compose(story, { question: MISTAKE_Q, budgetSeconds }));
      const later = said.findIndex((t) => /^Two days later/.test(t));
      if (later >= 0) expect(said[later - 1], `${budgetSeconds} s`).toMatch(/^I switched the job/);
    }
  });

  it.runIf(SEED_RUNS)(
    "tells the seed's TLS mistake in 30 s: what went wrong, then 'I traced the issue…'",
    () => {
      // Before compose37: 45 s, 15 s over the budget, with a warning. compose37 fitted it as the
      // setting, "Eventually, I traced the issue to a misconfiguration…" (which issue? the line that
      // said the app was inaccessible was left out), the acknowledgement and "The fix restored…".
      // compose38: the issue is told first; how it was handled is one line, the result a blank.
      const draft = draftOf(seed, "q6/core", 30);
      expect(draft.seconds).toBeLessThanOrEqual(30);
      expect(draft.warnings.filter((w) => w.startsWith("What must stay"))).toEqual([]);
      const said = storyLines(draft);
      expect(said[0]).toMatch(/^During my LLM deployment project/);
      const seen = said.findIndex((t) => /the application was inaccessible/.test(t));
      const traced = said.findIndex((t) => /I traced the issue to a misconfiguration/.test(t));
      expect(seen).toBeGreaterThan(0);
      expect(traced).toBeGreaterThan(seen);
      // One line of how it was handled, told after the mistake.
      expect(said.length).toBe(traced + 2);
      expect(draft.blanks).toContain(BLANKS.result);
      expect(draft.blanks).toContain(BLANKS.shortLesson);
    },
  );

  it("keeps how a mistake was handled when the result or the lesson has to give way (price import, 20 s)", () => {
    // Before: the setting, the mistake and "No customer saw a wrong price, and the test has caught
    // one empty region since": the draft went from the mistake to its result, and "the test" was
    // never introduced.
    const story = parseStory({
      title: "Price import",
      situation: "I ran the nightly price import for our shop.",
      actions: [
        "I had accidentally filtered out every row with a missing currency code, and two regions lost their prices.",
        "I restored the rows from the backup and added a test that fails on an empty region.",
      ],
      result: "No customer saw a wrong price, and the test has caught one empty region since.",
      lesson: "I learned that a filter which silently drops rows deserves a test before the job goes live.",
    });
    for (const budgetSeconds of [20, 25, 30]) {
      const draft = compose(story, { question: MISTAKE_Q, budgetSeconds });
      expect(draft.seconds, `${budgetSeconds} s`).toBeLessThanOrEqual(budgetSeconds);
      const said = storyLines(draft);
      const mistake = said.findIndex((t) => /I had accidentally filtered out/.test(t));
      const restored = said.findIndex((t) => /^I restored the rows from the backup/.test(t));
      expect(mistake, `${budgetSeconds} s`).toBeGreaterThan(0);
      expect(restored, `${budgetSeconds} s`).toBe(mistake + 1);
    }
  });

  it("reads a line that traces a trouble named as known as leaning on it, whatever cause it names", () => {
    // Before: "misconfiguration" read as what went wrong, so the line stood alone.
    expect(
      leansOnTrouble("Eventually, I traced the issue to a misconfiguration in the TLS certificate."),
    ).toBe(true);
    expect(leansOnTrouble("Once I identified the problem through logs, I refactored the app.")).toBe(true);
    // A cause found with no trouble named as known still stands alone.
    expect(leansOnTrouble("I traced it to my join: I had used an inner join.")).toBe(false);
    expect(leansOnTrouble("I had accidentally dropped rows with missing values.")).toBe(false);
  });
});

describe("compose: a result that names what the fix made", () => {
  // The result's "the new pipeline" is the one the fix built: said after the mistake alone, it
  // stands for nothing the listener heard of.
  const story = parseStory({
    title: "Ingest pipeline",
    situation: "I owned the nightly ingest pipeline that loads weather station readings into our warehouse.",
    actions: [
      "I rewrote the deduplication step and shipped it after a quick check on one station.",
      "Within a few days an analyst asked why rainfall totals had doubled for the coastal stations in the region.",
      "I dug in and realised my deduplication key ignored the timestamp, so every reading of the coastal feed was loaded twice over two different nights.",
      "To fix it, I added the timestamp to the key and reloaded the affected nights from the raw files.",
      "Added a test that compares daily totals against the raw feed before each load.",
    ],
    result:
      "The new pipeline has matched the raw totals every night since, and the analysts rely on it for their monthly reports.",
  });
  for (const question of [
    "Tell me about a difficult technical problem you solved.",
    "Tell me about a project you are proud of.",
  ])
    it(`says it only after a fix, or leaves a blank for it (${question.slice(14, 40)})`, () => {
      for (const budgetSeconds of [30, 45, 60, 90]) {
        const draft = compose(story, { question, role: "ml-engineer", budgetSeconds });
        const at = draft.sentences.findIndex((s) => /The new pipeline/.test(s.text));
        // The deed before the mistake made what went wrong, not the new pipeline: only the fix counts.
        const fixed = (upTo: number) =>
          draft.sentences.slice(0, upTo).some((s) => /^To fix it|^Added a test/.test(s.text));
        if (at >= 0) expect(fixed(at), `${budgetSeconds} s`).toBe(true);
        else expect(draft.text, `${budgetSeconds} s`).toContain(BLANKS.result);
        // The fix is the main action of a problem solved: kept at every budget.
        expect(draft.text, `${budgetSeconds} s`).toMatch(/To fix it, I added the timestamp/);
      }
    });

  it("keeps the sample's fix before 'The new version', or leaves the result blank", () => {
    const answer = answerOf(readSample(), "q5/model-focused");
    for (const question of [
      "Tell me about a difficult technical problem you solved.",
      "Tell me about a project you are proud of.",
    ]) {
      const draft = compose(storyFromAnswer(answer), {
        question,
        role: "ml-engineer",
        budgetSeconds: 30,
        telling: answerText(answer),
      });
      const at = draft.sentences.findIndex((s) => /^The new version/.test(s.text));
      const fix = draft.sentences.findIndex((s) => /^To fix it|^Added a check|^Re-tuned/.test(s.text));
      expect(fix, question).toBeGreaterThanOrEqual(0);
      if (at >= 0) expect(fix, question).toBeLessThan(at);
      else expect(draft.text, question).toContain(BLANKS.result);
    }
  });
});

describe("compose: a question not about a mistake keeps a fix, not the deed that went wrong (compose40)", () => {
  it("tells the sample's calibration story at 30 s with what went wrong, a fix and the result", () => {
    // Before: the setting, "I compared a sample of outputs, saw they matched, and switched the
    // production job over." (the deed that went wrong), "Two days later…", a blank for the result
    // and the lesson: the fix the question asks for was never said. The most relevant fix needs
    // what went wrong said before it and did not fit by words; the next fix was never tried.
    const answer = answerOf(readSample(), "q5/core");
    for (const question of [
      "Tell me about a difficult technical problem you solved.",
      "Tell me about a project you are proud of.",
    ]) {
      const draft = compose(storyFromAnswer(answer), {
        question,
        role: "ml-engineer",
        budgetSeconds: 30,
        telling: answerText(answer),
      });
      const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
      expect(said.join(" "), question).not.toMatch(/I compared a sample of outputs/);
      const fix = said.findIndex((t) => /rolled back|I fixed the join/.test(t));
      expect(fix, question).toBeGreaterThan(0);
      // What went wrong comes before the fix, and the result is said, not asked for.
      expect(
        said.slice(0, fix).some((t) => /odd constants|inner join/.test(t)),
        question,
      ).toBe(true);
      expect(said.at(-1), question).toMatch(/^No published analysis used the bad constants/);
      expect(draft.blanks, question).not.toContain(BLANKS.result);
      expect(draft.seconds, question).toBeLessThanOrEqual(30);
    }
  });
});

describe("compose: a tight budget keeps the story's shortest telling, or says how long the story needs (compose40)", () => {
  const QUESTIONS = [
    "Tell me about a difficult technical problem you solved.",
    "Tell me about a time you made a mistake and how you handled it.",
    "Tell me about a project you are proud of.",
  ];
  const draftOf = (answer: AnswerItem, question: string, budgetSeconds: number) =>
    compose(storyFromAnswer(answer), {
      question,
      role: "ml-engineer",
      budgetSeconds,
      telling: answerText(answer),
    });

  it("tells our sample's serving story at 25 s as the setting, what went wrong and the fix, in order", () => {
    // Before: at 25 s, asked about a problem solved or a project, the whole story stayed (41 s)
    // with a warning to cut 40 words. Now: a line of the setting, what went wrong, the fix.
    const answer = answerOf(readSample(), "q5/serving-latency-focus");
    for (const question of [QUESTIONS[0] as string, QUESTIONS[2] as string]) {
      const draft = draftOf(answer, question, 25);
      expect(draft.seconds, question).toBeLessThanOrEqual(25);
      expect(draft.warnings.filter((w) => w.startsWith("What must stay"))).toEqual([]);
      expectChronology(draft, answerText(answer));
      const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
      expect(said[0]).toMatch(/^I exposed the drift model/);
      expect(said.at(-1)).toMatch(/^Once I saw that in the traces, I cached the history/);
      expect(draft.blanks).toContain(BLANKS.result);
    }
  });

  it("says how long each story needs where even its shortest telling overruns 20 s, never more than it says", () => {
    // Before: "… (25 s even with the result and the lesson left out): cut about 58 words, most easily
    // from … “It taught me that an ML…”", words from lines the shortest telling does not say.
    const docs: Array<[ReturnType<typeof readSample> | undefined, string[]]> = [
      [readSample(), ["q3/core", "q5/core", "q5/serving-latency-focus"]],
    ];
    if (SEED_RUNS) docs.push([seed, ["q6/core", "q6/ml-focused", "q6/model-serving-inference-api-focus"]]);
    let over = 0;
    for (const [doc, keys] of docs)
      for (const key of keys)
        for (const question of QUESTIONS) {
          const draft = draftOf(answerOf(doc, key), question, 20);
          if (draft.seconds <= 20) continue;
          over += 1;
          const warning = draft.warnings.find((w) => /this story takes/.test(w)) ?? "";
          const needs = /this story takes (\d+) s\. Give it about \1 s, or cut about (\d+) words/.exec(
            warning,
          );
          expect(needs, `${key} ${question}`).not.toBeNull();
          const seconds = Number(needs?.[1]);
          expect(seconds, `${key} ${question}`).toBeGreaterThan(20);
          // compose41: the draft is that shortest telling (was: the whole story, longer than it said).
          expect(seconds, `${key} ${question}`).toBe(draft.seconds);
          expect(draft.wholeSeconds, `${key} ${question}`).toBeGreaterThan(draft.seconds);
          // The words to cut make that telling fit: its overrun at the speaking rate, rounded up.
          expect(Number(needs?.[2]), `${key} ${question}`).toBe(Math.ceil(((seconds - 20) * 150) / 60));
        }
    expect(over).toBeGreaterThan(0);
  });

  it("names, as the longest lines to cut, only lines of that shortest telling", () => {
    // Before: the sample's drift story at 20 s named its lesson (“It taught me that an ML…”) as a
    // line to cut, though the time it said it would take left the lesson out.
    const answer = answerOf(readSample(), "q3/core");
    const draft = draftOf(answer, QUESTIONS[0] as string, 20);
    const warning = draft.warnings.find((w) => /this story takes/.test(w)) ?? "";
    expect(warning).toMatch(/this story takes \d+ s/);
    expect(warning).not.toMatch(/It taught me/);
  });
});

describe("compose: asked for a budget no telling fits, the draft is the closest telling (compose41)", () => {
  const QS = [
    "Tell me about a difficult technical problem you solved.",
    "Tell me about a time you made a mistake and how you handled it.",
    "Tell me about a project you are proud of.",
  ];
  it("gives the sample's stories at 20 s in their shortest telling, never the whole story, and the whole one step away", () => {
    // Before: at 20 s every story of the sample stayed whole (41-59 s), two or three times too long.
    let over = 0;
    for (const key of ["q3/core", "q5/core", "q5/serving-latency-focus"]) {
      const answer = answerOf(readSample(), key);
      for (const question of QS) {
        const options = {
          question,
          role: "ml-engineer" as const,
          budgetSeconds: 20,
          telling: answerText(answer),
        };
        const draft = compose(storyFromAnswer(answer), options);
        if (draft.seconds <= 20) continue;
        over += 1;
        const whole = compose(storyFromAnswer(answer), { ...options, whole: true });
        expect(draft.seconds, `${key} ${question}`).toBeLessThan(whole.seconds);
        expect(draft.wholeSeconds, `${key} ${question}`).toBe(whole.seconds);
        // The shortest telling leaves out what the whole story says, and says so.
        expect(draft.trimmed.length, `${key} ${question}`).toBeGreaterThan(whole.trimmed.length);
        expect(draft.warnings.some((w) => w.startsWith("This draft is the story at its shortest"))).toBe(
          true,
        );
        // Still a draft that asks for what it leaves out rather than ending mid-story.
        expect(draft.sentences.some((s) => s.part === "result")).toBe(true);
      }
    }
    expect(over).toBeGreaterThan(0);
  });
});

describe("compose for a hindsight follow-up (issue 11)", () => {
  // "What would you do differently?" asked after a story: before, compose read it as a strength or
  // weakness question, opened the draft with "My answer: [which strength or weakness is it?]" and
  // told the whole story again.
  const question = "What would you do differently?";
  const cases: Array<readonly [ReturnType<typeof readSample> | undefined, string]> = [
    [readSample(), "q5/core"],
    [readSample(), "q5/model-focused"],
    ...(SEED_RUNS ? [[readSeed(), "q6/core"] as const] : []),
  ];

  it("drafts what went wrong in a line and the lesson, not the story again nor a strength or weakness", () => {
    for (const [doc, key] of cases) {
      const answer = answerOf(doc, key);
      const story = storyFromAnswer(answer);
      const whole = composeAnswer(answer, 300);
      const draft = compose(story, {
        question,
        role: "ml-engineer",
        budgetSeconds: 90,
        telling: answerText(answer),
      });
      const said = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
      expect(draft.text, key).not.toMatch(/strength or weakness/);
      expect(draft.warnings.join(" "), key).not.toMatch(/strength or a weakness/);
      // The story's lesson is said (a story with none leaves a blank for it), and the draft ends on it…
      const lessons = whole.sentences.filter((s) => s.part === "lesson" && s.origin.from === "story");
      for (const l of lessons) expect(said, key).toContain(l.text);
      if (lessons.length === 0) expect(draft.blanks, key).toContain(BLANKS.hindsight);
      expect(draft.sentences.at(-1)?.part, key).toBe("lesson");
      // …after what went wrong, in the order told…
      const told = whole.sentences.map((s) => s.text);
      const at = said.map((t) => told.indexOf(t));
      expect(at, key).toEqual([...at].sort((a, b) => a - b));
      expect(
        said.some((t) => STATES_MISTAKE.test(t) || tellsTrouble(t)),
        key,
      ).toBe(true);
      // …and the rest of the story, which the interviewer has heard, is not told again.
      expect(said.length, key).toBeLessThan(told.length / 2 + 1);
      expect(draft.seconds, key).toBeLessThanOrEqual(45);
      // The lens beside the draft reads it as the reply to a follow-up.
      const lens = analyze(draft.spoken, { question, budgetSeconds: draft.budgetSeconds });
      expect(lens.followUp?.kind, key).toBe("reflection");
      expect(lens.overall.reasons, key).not.toContain("answers a different question than the one asked");
    }
  });

  it("leaves a blank for what would change when the story tells no lesson", () => {
    const story = parseStory({
      id: "no-lesson",
      title: "Export",
      situation: "Last year I moved our billing export to a new scheduler.",
      actions: [
        "I checked ten invoices by hand and switched it on.",
        "A week later finance reported wrong totals for two regions.",
        "I had excluded rows with an empty region code, so I fixed the filter and re-ran the month.",
      ],
      result: "Every invoice went out on time that quarter.",
    });
    const draft = compose(story, { question, budgetSeconds: 60 });
    expect(draft.blanks).toContain(BLANKS.hindsight);
    expect(draft.text).toMatch(/excluded rows with an empty region code/);
    expect(draft.text).not.toMatch(/moved our billing export/);
  });
});

describe("compose warnings say durations as the app does", () => {
  // Before: "… takes 142 s, 122 s over the 20 s budget" — raw seconds where every other view
  // says "2 min 22 s" (formatDuration, shared by the web pages and the CLI).
  it("a draft a minute and more over its budget says minutes and seconds, never a raw count over 59 s", () => {
    for (const whole of [false, true]) {
      const draft = compose(fraud, {
        question: "Tell me about a model you improved",
        role: "ml-engineer",
        budgetSeconds: 10,
        wordsPerMinute: 20,
        whole,
      });
      const warning = draft.warnings.find((w) => /over the .* budget/.test(w)) ?? "";
      expect(draft.seconds - 10, `whole ${whole}`).toBeGreaterThanOrEqual(60);
      expect(warning, `whole ${whole}`).toMatch(/\d+ min(?: \d\d s)? over the 10 s budget/);
      // No count of seconds of a minute or more is left raw ("95 s").
      expect(warning.match(/\b\d+ s\b/g)?.filter((s) => Number.parseInt(s, 10) >= 60) ?? []).toEqual([]);
    }
  });
});
