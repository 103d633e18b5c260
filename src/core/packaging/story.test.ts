import { describe, expect, it } from "vitest";
import { answerOf, readSample, readSeed, SEED_RUNS } from "../../../test/seed.ts";
import { DeriskError } from "../errors.ts";
import type { AnswerItem } from "../model.ts";
import {
  extractMetrics,
  extractTools,
  parseStories,
  parseStory,
  storyFromAnswer,
  storySentences,
  titleFromMaterial,
} from "./story.ts";
import { hasFigure } from "./text.ts";

const answer = (over: Partial<AnswerItem>): AnswerItem => ({
  kind: "answer",
  key: "q3/core",
  lines: { start: 1, end: 5 },
  raw: "",
  gapBefore: 0,
  questionKey: "q3",
  question: "Tell me about a time you made a mistake.",
  variant: "core",
  format: "free",
  text: "",
  ...over,
});

describe("parseStory", () => {
  it("refuses an empty story, saying what is missing", () => {
    expect(() => parseStory({})).toThrowError(/empty: give at least what happened/);
    try {
      parseStory({ title: "   " });
    } catch (error) {
      expect(error).toBeInstanceOf(DeriskError);
      expect((error as DeriskError).code).toBe("BAD_INPUT");
    }
  });

  it("refuses a story with only a title, naming it", () => {
    expect(() => parseStory({ title: "The outage" })).toThrowError(
      /“The outage” has only a title: add what happened/,
    );
  });

  it("refuses wrong shapes and unknown competencies with a clear message", () => {
    expect(() => parseStory({ title: 3 })).toThrowError(/title/);
    expect(() => parseStory({ title: "x", result: "It worked.", competencies: ["bravery"] })).toThrowError(
      /unknown competency “bravery”.*about-me/,
    );
  });

  it("derives id, metrics and tags from the user's own words", () => {
    const story = parseStory({
      title: "Cut p95 latency!",
      actions: "I profiled the service.\nI added a Redis cache in front of PostgreSQL.",
      result: "p95 fell by 40% in 2 weeks.",
      competencies: "technical-challenge, ownership-initiative",
    });
    expect(story.id).toBe("cut-p95-latency");
    expect(story.actions).toEqual([
      "I profiled the service.",
      "I added a Redis cache in front of PostgreSQL.",
    ]);
    expect(story.metrics).toEqual(["40%", "2 weeks"]);
    expect(story.tags).toEqual(["SQL"]);
    expect(story.competencies).toEqual(["technical-challenge", "ownership-initiative"]);
  });

  it("splits a story given as free text into its parts", () => {
    const story = parseStory({
      text: "Our nightly training job kept failing. I traced it to a schema change upstream. I added a contract test on the input data. Failures dropped to zero for three months. I learned to test the data, not only the code.",
    });
    expect(story.situation).toMatch(/kept failing/);
    expect(story.actions.join(" ")).toMatch(/contract test/);
    expect(story.lesson).toBe("I learned to test the data, not only the code.");
  });
});

describe("parseStories", () => {
  it("numbers duplicate ids and says which story is broken", () => {
    expect(
      parseStories([
        { title: "A", result: "x." },
        { title: "A", result: "y." },
      ]).map((s) => s.id),
    ).toEqual(["a", "a-2"]);
    expect(() => parseStories([{ title: "A", result: "x." }, {}])).toThrowError(
      /^Story 2: The story is empty/,
    );
    expect(() => parseStories({})).toThrowError(/JSON array/);
  });
});

describe("storyFromAnswer", () => {
  it("maps STAR sections to fields in one step", () => {
    const story = storyFromAnswer(
      answer({
        format: "star",
        question: "Tell me about a challenging bug.",
        star: {
          situation: "Our model API timed out under load.",
          task: "I had to fix it before launch.",
          action: "I profiled the handler. I batched the inference calls.",
          result: "p99 fell from 2 s to 300 ms.",
          lesson: "I learned to load-test before launch.",
        },
      }),
    );
    expect(story.id).toBe("q3/core");
    expect(story.actions).toEqual(["I profiled the handler.", "I batched the inference calls."]);
    expect(story.metrics.join(" ")).toMatch(/from 2 s to 300 ms/);
    expect(story.competencies).toHaveLength(1);
  });

  it("splits a free-text mistake story by cues", () => {
    const story = storyFromAnswer(
      answer({
        text: "Last year I shipped a feature flag change without a rollback plan. It broke checkout for an hour. I rolled it back, wrote the incident report and added a canary stage. Since then I always write the rollback step first.",
      }),
    );
    expect(story.competencies).toEqual(["mistake-failure"]);
    expect(story.lesson).toMatch(/^Since then I always write the rollback step first\.$/);
    const all = storySentences(story).map((s) => s.text);
    expect(all.join(" ")).toContain("It broke checkout for an hour.");
  });
});

describe("a story drawn from an answer is titled by what happened, not by its question", () => {
  const star = (situation: string, more: Partial<NonNullable<AnswerItem["star"]>> = {}) =>
    storyFromAnswer(
      answer({
        format: "star",
        question: "Tell me about a time you made a mistake.",
        star: { situation, action: "I rolled the change back. I added a canary stage.", ...more },
      }),
    ).title;

  it("names the project its opening frame names", () => {
    expect(star("During the billing service migration to Kotlin, I owned the ledger module.")).toBe(
      "Billing service migration to Kotlin",
    );
  });

  it("says the deed without its speaker when the frame names nothing", () => {
    expect(star("In one project, I built a fraud model for card payments using XGBoost.")).toBe(
      "Built a fraud model for card payments",
    );
    expect(star("I was working on a recommender for a small bookshop, and it was slow.")).toBe(
      "Recommender for a small bookshop",
    );
  });

  it("prefers the sentence where the speaker acts to the backdrop before it", () => {
    expect(
      star("Our warehouse ran nightly batch jobs for every store.", {
        task: "I set out to cut the nightly run below an hour.",
      }),
    ).toBe("Set out to cut the nightly run below an hour");
  });

  it("stops a long deed where a phrase begins, never mid-phrase", () => {
    const title = star(
      "I deployed a Go-based search service for the internal product catalogue hosted on three regions behind a load balancer.",
    );
    expect(title).toBe("Deployed a Go-based search service for the internal product catalogue");
    expect(title.split(" ").length).toBeLessThanOrEqual(10);
  });

  it("shows no markup", () => {
    expect(star("**During the payroll export rewrite**, I changed the rounding.")).toBe(
      "Payroll export rewrite",
    );
  });

  it("falls back to the question when the material names nothing", () => {
    const story = storyFromAnswer(
      answer({ question: "Tell me about a time you failed.", text: "Sure. I failed." }),
    );
    expect(story.title).toBe("Tell me about a time you failed.");
    expect(
      titleFromMaterial(parseStory({ title: "x", situation: "Sure.", actions: "Fixed it." })),
    ).toBeUndefined();
  });

  it("titles the sample's four stories apart, each by its own episode", () => {
    const sample = readSample();
    const titles = ["q3/core", "q5/core", "q5/model-focused", "q5/serving-latency-focus"].map(
      (key) => storyFromAnswer(answerOf(sample, key)).title,
    );
    expect(titles).toEqual([
      "Set out to detect drift automatically",
      "Migration of the calibration pipeline to Spark",
      "Built an anomaly detector for beam-loss events",
      "Exposed the drift model through a small HTTP service",
    ]);
  });

  it.runIf(SEED_RUNS)("titles the seed's stories by what happened, none by its question", () => {
    const seed = readSeed();
    const keys = ["q3/core", "q6/core", "q6/ml-focused", "q6/model-serving-inference-api-focus"];
    const stories = keys.map((key) => ({
      answer: answerOf(seed, key),
      story: storyFromAnswer(answerOf(seed, key)),
    }));
    for (const { answer: a, story } of stories) {
      expect(story.title).not.toBe(a.question);
      expect(story.title.split(" ").length).toBeLessThanOrEqual(10);
      expect(story.title).not.toMatch(/[*_#…]|[,;:]$/);
    }
    expect(new Set(stories.map((s) => s.story.title)).size).toBe(keys.length);
    expect(stories[1]?.story.title).toBe("LLM deployment project on AWS EKS");
  });
});

describe("storyFromAnswer on a STAR answer without a Lesson section", () => {
  it("takes the Result's closing lesson line as the lesson, and reads figures written in words", () => {
    const story = storyFromAnswer(
      answer({
        format: "star",
        star: {
          situation: "Alerts fired all night.",
          action: "I rewrote the thresholds.",
          result: "Pages fell to two per week. It taught me to tune alerts on real traffic.",
        },
      }),
    );
    expect(story.result).toBe("Pages fell to two per week.");
    expect(story.lesson).toBe("It taught me to tune alerts on real traffic.");
    expect(hasFigure(story.result)).toBe(true);
    expect(hasFigure("It went much better.")).toBe(false);
  });

  it("reads a rate and a hedged change as figures ('from about 40 a week to 2')", () => {
    expect(hasFigure("Reruns fell from about 40 a week to 2.")).toBe(true);
    expect(hasFigure("We shipped 3 a sprint instead of one.")).toBe(true);
    expect(hasFigure("Moved from Python 2 to a newer stack in 2019.")).toBe(false);
    expect(hasFigure("It was a week to remember.")).toBe(false);
  });

  it("reads figures said as words or jotted as notes ('from four a month to zero', '20h', '4/month -> 0')", () => {
    expect(hasFigure("and failures went from four a month to zero")).toBe(true);
    expect(hasFigure("saved ~20h on-call per quarter")).toBe(true);
    expect(hasFigure("failures 4/month -> 0")).toBe(true);
    expect(hasFigure("upgraded the client v1 -> v2")).toBe(false);
    expect(hasFigure("I moved from one team to the next")).toBe(false);
  });
});

describe("storyFromAnswer on a mistake story told in one block", () => {
  it.runIf(SEED_RUNS)(
    "files the seed's serving problem (error rates, 5xx, cold starts) as the situation, not the result",
    () => {
      const story = storyFromAnswer(answerOf(readSeed(), "q6/model-serving-inference-api-focus"));
      expect(story.situation).toMatch(/high error rates/);
      expect(story.situation).toMatch(/cold starts/);
      expect(story.result).not.toMatch(/high error rates|5xx|cold starts/);
      expect(story.result).toMatch(/^After the fix, latency dropped sharply/);
      expect(story.actions[0]).toMatch(/^Once I identified the issue/);
    },
  );

  it("keeps our sample's 'Within a week the operators said it missed…' in its place among the actions, not in the result", () => {
    const story = storyFromAnswer(answerOf(readSample(), "q5/model-focused"));
    expect(story.result).not.toMatch(/Within a week/);
    const at = story.actions.findIndex((a) => a.startsWith("Within a week"));
    expect(at).toBeGreaterThan(0);
    expect(story.actions[at + 1]).toMatch(/^I went back and realised/);
  });
});

describe("storyFromAnswer on spoken lists", () => {
  it("completes a lead-in that ends on its subject with the list's first line, and drops pleasantries", () => {
    const story = storyFromAnswer(
      answer({
        text: "Sure. I exposed the model through an API so operators could query it.\n\nOnce I saw the timeouts in the traces, I\nCached the history in memory.\nAdded an alert on the 95th percentile.\n\nLatency dropped to under 100 ms.",
      }),
    );
    expect(story.situation).toBe("I exposed the model through an API so operators could query it.");
    expect(story.actions).toEqual([
      "Once I saw the timeouts in the traces, I cached the history in memory.",
      "Added an alert on the 95th percentile.",
    ]);
    expect(storySentences(story).map((s) => s.text)).not.toContain("Sure.");
  });
});

describe("extractors", () => {
  it("finds figures and tools verbatim", () => {
    expect(extractMetrics("Deploys went from 2 days to 1 hour; costs halved.")).toEqual([
      "from 2 days to 1 hour",
      "halved",
    ]);
    expect(extractMetrics("It improved a lot in 2021.")).toEqual([]);
    expect(extractTools("I deployed it on EKS with Helm and PyTorch.")).toEqual(["Kubernetes", "PyTorch"]);
  });
});

describe("a story written as notes or spoken, without full stops", () => {
  it("keeps each unpunctuated note its own sentence, never fused with the next", () => {
    const story = parseStory({
      text: "- billing export broke every month end\n- nobody owned it\n- wrote a retry around the upload\n- month end closes on time since",
    });
    const said = storySentences(story).map((s) => s.text);
    // Fused, the two notes read "…every month end nobody owned it": one sentence the user never wrote.
    expect(said.slice(0, 2)).toEqual(["billing export broke every month end", "nobody owned it"]);
    expect(story.title).toBe("billing export broke every month end");
  });
});

describe("parseStory on values of the wrong kind", () => {
  it("names the field and the kind it needs in plain words, never the checker's 'Invalid input'", () => {
    const said = (value: unknown): string => {
      try {
        parseStory(value);
        return "accepted";
      } catch (error) {
        expect(error).toBeInstanceOf(DeriskError);
        return (error as Error).message;
      }
    };
    expect(said({ situation: 5, result: "x" })).toMatch(
      /^The story is not valid: field "situation" must be text \(a JSON string in quotes\), not a number\. A story is an object/,
    );
    expect(said({ actions: { a: 1 }, result: "x" })).toMatch(
      /field “actions” must be text or a list of texts/,
    );
    expect(said(null)).toMatch(/the story must be a JSON object \(\{ … \}\), not null/);
    for (const value of [{ situation: 5 }, { tags: [1] }, [1], "x"])
      expect(said(value)).not.toMatch(/Invalid input/);
  });
});
