import { describe, expect, it } from "vitest";
import { readSample, readSeed, SEED_RUNS } from "../../../test/seed.ts";
import type { AnswerItem, PrepDoc } from "../model.ts";
import { competencyCues, coverageMatrix, indexStories, rankStories } from "./match.ts";
import { parseStories, type Story, storyFromAnswer } from "./story.ts";

const stories = parseStories([
  {
    id: "outage",
    title: "The rollback I forgot",
    situation: "I shipped a schema migration on a Friday.",
    actions: [
      "I missed that the old service still read the dropped column.",
      "I rolled back and wrote the post-mortem.",
    ],
    result: "Checkout was down for 20 minutes.",
    lesson: "I learned to ship expand-and-contract migrations.",
    competencies: ["mistake-failure"],
  },
  {
    id: "drift",
    title: "Catching model drift",
    situation: "Our fraud model's precision dropped every month.",
    actions: ["I added drift monitoring on the features and automated retraining."],
    result: "Precision stayed above 0.9 and false positives fell by 25%.",
    lesson: "I learned that a model is only as good as its data checks.",
    competencies: ["ml-engineering", "technical-challenge"],
  },
  {
    id: "cluster",
    title: "Kubernetes migration",
    actions: ["I moved our services to EKS with Helm and FluxCD."],
    result: "Deploys became automatic.",
    competencies: ["technical-challenge"],
  },
  {
    id: "disagreement",
    title: "Disagreeing on the metric",
    situation: "My lead wanted accuracy; I thought recall mattered more for fraud.",
    actions: ["I showed the cost of missed fraud with last quarter's data and we agreed on recall."],
    result: "We shipped with recall as the target.",
    competencies: ["conflict"],
  },
]);

describe("rankStories", () => {
  it("ranks by competency fit first, with reasons", () => {
    const ranking = rankStories("Tell me about a time you made a mistake.", stories);
    expect(ranking.competency).toBe("mistake-failure");
    expect(ranking.results[0]?.storyId).toBe("outage");
    expect(ranking.results[0]?.reasons[0]).toBe("serves mistake-failure, the question's competency");
    expect(ranking.results[0]?.reasons.join("\n")).toMatch(/evidence: a result, a figure, a lesson/);
  });

  it("prefers the story that speaks to the role and the question's words", () => {
    const ranking = rankStories(
      "Tell me about a difficult technical problem with a model in production",
      stories,
      {
        role: "ml-engineer",
      },
    );
    expect(ranking.results[0]?.storyId).toBe("drift");
    expect(ranking.results[0]?.reasons.join("\n")).toMatch(/ml-engineer core: .*model/);
  });

  it("names the question's own words it shares with a story, never their stems", () => {
    const question = "How have you handled monitoring and retraining of models?";
    const ranking = rankStories(question, stories);
    const drift = ranking.results.find((r) => r.storyId === "drift");
    const shared = drift?.reasons.find((r) => r.startsWith("shares words with the question: "));
    expect(shared).toBeDefined();
    const listed = (shared ?? "").replace("shares words with the question: ", "").split(", ");
    expect(listed).toContain("monitoring");
    for (const word of listed) expect(question.toLowerCase()).toMatch(new RegExp(`\\b${word}\\b`));
  });

  it("warns when one story already answers three questions, and ranks it lower", () => {
    const question = "Tell me about a hard technical challenge";
    const plain = rankStories(question, stories, { role: "ml-engineer" });
    const used = rankStories(question, stories, { role: "ml-engineer", usage: { drift: 3 } });
    expect(used.results[0]?.storyId).toBe(plain.results[0]?.storyId);
    const drift = used.results.find((r) => r.storyId === "drift");
    // The title quoted as the app quotes everywhere: “…”, not straight quotes.
    expect(drift?.warnings[0]).toMatch(/^“[^”"]+” already answers 3 questions/);
    expect(drift?.score).toBeLessThan(plain.results.find((r) => r.storyId === "drift")?.score ?? 0);
  });

  it("counts recency of practice only with a clock given", () => {
    const question = "Tell me about a technical challenge";
    const last = { cluster: "2026-01-10T00:00:00Z" };
    const fresh = rankStories(question, stories, { lastPracticed: last, now: "2026-01-12T00:00:00Z" });
    const noClock = rankStories(question, stories, { lastPracticed: last });
    const withClock = fresh.results.find((r) => r.storyId === "cluster");
    expect(withClock?.components.recency).toBeCloseTo(0.93, 2);
    expect(withClock?.reasons).toContain("practised 2 days ago");
    expect(noClock.results.find((r) => r.storyId === "cluster")?.components.recency).toBe(0);
  });

  it("gives the same answer from a prebuilt index, and refuses an empty question", () => {
    const index = indexStories(stories);
    expect(rankStories("Tell me about a conflict", index).results[0]?.storyId).toBe("disagreement");
    expect(() => rankStories("  ", stories)).toThrowError(/question is empty/);
  });

  it("ranks 10,000 stories (its speed is pinned by bench/packaging.bench.ts, not here)", () => {
    const many: Story[] = Array.from({ length: 10_000 }, (_, i) => ({
      ...(stories[i % stories.length] as Story),
      id: `s${i}`,
      title: `Story ${i} about ${["latency", "drift", "conflict", "rollback"][i % 4]}`,
    }));
    const ranked = rankStories("Tell me about a time you fixed model drift in production", many, {
      role: "ml-engineer",
      limit: 5,
    });
    expect(ranked.results).toHaveLength(5);
    expect(ranked.results.map((r) => r.title).every((title) => title.endsWith("drift"))).toBe(true);
  });
});

describe("coverageMatrix", () => {
  it("scores competencies × stories 0–3 and lists the gaps", () => {
    const matrix = coverageMatrix(stories);
    const row = (c: string) => matrix.cells[matrix.competencies.indexOf(c as never)] ?? [];
    expect(matrix.stories.map((s) => s.id)).toEqual(["outage", "drift", "cluster", "disagreement"]);
    expect(row("mistake-failure")).toEqual([3, 0, 0, 0]);
    expect(row("technical-challenge")).toEqual([0, 3, 1, 0]);
    expect(row("conflict")).toEqual([0, 0, 0, 1]);
    expect(matrix.gaps).toContain("leadership-influence");
    expect(matrix.gaps).not.toContain("conflict");
    expect(matrix.thin).toContain("conflict");
    // A gap says what to do: write a story, or drill for concept questions.
    const action = (c: string) => matrix.rows.find((r) => r.competency === c)?.action;
    expect(action("leadership-influence")?.kind).toBe("write-story");
    expect(action("ml-concept")).toMatchObject({ kind: "drill", label: "Drill technical questions" });
  });

  it("infers competencies from the story's words when none are stated", () => {
    const [story] = parseStories([
      {
        title: "Pushback",
        actions: ["I disagreed with the design and we reached a compromise after a tense argument."],
        result: "We shipped on time.",
      },
    ]);
    const matrix = coverageMatrix(story ? [story] : []);
    expect(matrix.cells[matrix.competencies.indexOf("conflict")]).toEqual([1]);
  });

  it("grades a competency read from a story's words by what its sentences show, not by the story's parts", () => {
    // Three mistake stories, each with a result, a figure and a lesson; ML engineering is read
    // from their words. Before: every one of them was 2 (3 less one), whatever it said of ML.
    const common = {
      result: "Refunds fell by 30% within a month.",
      lesson: "I learned to check the data before the code.",
      competencies: ["mistake-failure" as const],
    };
    const [mentions, shows, runsThrough] = parseStories([
      {
        ...common,
        title: "The wrong refund rule",
        situation: "Our team owned the refund rules, next to the fraud model and its training pipeline.",
        actions: [
          "I missed an edge case in a refund rule.",
          "I rolled back the rule and wrote the post-mortem.",
        ],
      },
      {
        ...common,
        title: "The stale features",
        situation: "Our fraud model flagged too many good payments.",
        actions: [
          "I missed that a feature table had gone stale.",
          "I retrained the model on fresh features and added a drift check.",
        ],
      },
      {
        ...common,
        title: "The silent drift",
        situation: "Our fraud model flagged 4% of good payments after a schema change.",
        task: "I owned the model's training pipeline.",
        actions: [
          "I missed that the schema change zeroed two features in training.",
          "I retrained the model on the repaired features and compared it offline on 3 months of payments.",
          "I added a drift check on every feature to the deployment pipeline.",
          "I deployed the new model behind a shadow run for a week.",
        ],
      },
    ]);
    const matrix = coverageMatrix([mentions, shows, runsThrough].filter((s) => s !== undefined));
    const ml = matrix.cells[matrix.competencies.indexOf("ml-engineering")];
    expect(ml).toEqual([1, 2, 3]);
    // The stated competency still counts result, figure and lesson: 3 for all three.
    expect(matrix.cells[matrix.competencies.indexOf("mistake-failure")]).toEqual([3, 3, 3]);
  });

  it.runIf(SEED_RUNS)("grades the seed's ML stories apart where their ML evidence differs", () => {
    // Before: every ML-engineering cell of the seed's stories was 1. The seed's structure is
    // read at run time: the stories a user draws from its episodes, each story's share of
    // sentences that carry an ML cue counted here by the cue words alone.
    const stories = (readSeed()?.items ?? [])
      .filter(
        (i): i is AnswerItem => i.kind === "answer" && /a time you|problem you solved/i.test(i.question),
      )
      .map((a) => storyFromAnswer(a))
      .filter((story) => !story.competencies.includes("ml-engineering"));
    expect(stories.length).toBeGreaterThanOrEqual(3);
    const matrix = coverageMatrix(stories);
    const ml = matrix.cells[matrix.competencies.indexOf("ml-engineering")] ?? [];
    const served = ml.filter((cell) => cell > 0);
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(new Set(served).size).toBeGreaterThan(1);
    const share = (story: Story): number => {
      const sentences = [story.situation, story.task, ...story.actions, story.result, story.lesson]
        .join("\n")
        .split(/(?<=[.!?])\s+|\n+/)
        .filter((sentence) => sentence.trim() !== "");
      const carrying = sentences.filter((sentence) =>
        competencyCues(sentence, { concepts: false }).has("ml-engineering"),
      );
      return carrying.length / sentences.length;
    };
    // A higher grade goes with more of the story about ML, never less.
    const graded = stories
      .map((story, i) => ({ share: share(story), cell: ml[i] ?? 0 }))
      .filter((g) => g.cell > 0);
    const top = Math.max(...graded.map((g) => g.cell));
    const low = Math.min(...graded.map((g) => g.cell));
    const mean = (cell: number) => {
      const at = graded.filter((g) => g.cell === cell);
      return at.reduce((sum, g) => sum + g.share, 0) / at.length;
    };
    expect(mean(top)).toBeGreaterThan(mean(low));
  });

  it("grades our sample's stories the same way: not all alike", () => {
    const stories = (readSample().items ?? [])
      .filter(
        (i): i is AnswerItem => i.kind === "answer" && /a time you|problem you solved/i.test(i.question),
      )
      .map((a) => storyFromAnswer(a));
    const matrix = coverageMatrix(stories);
    const read = matrix.competencies.flatMap((c, ci) =>
      stories.flatMap((story, si) => (story.competencies.includes(c) ? [] : [matrix.cells[ci]?.[si] ?? 0])),
    );
    expect(new Set(read.filter((cell) => cell > 0)).size).toBeGreaterThan(1);
  });

  it("reads a prepared answer's strength with the lens, never from its length", () => {
    const question = "Tell me about a time you made a mistake.";
    const told =
      "Last year I pushed a config change to our payment service without a canary, and 3% of checkouts failed for twenty minutes. " +
      "I rolled it back, wrote the incident note myself and added a canary stage to the deploy pipeline. " +
      "Failed checkouts went back to 0.1% within the hour. I learned to treat config like code: it now goes through the same review and canary.";
    // As long, a figure in it, but no result and no lesson: the story stops at the trouble.
    const stalled =
      "Last year our team of 12 was moving the payment service to a new cluster, and there were about 40 config files to carry over. " +
      "I was in charge of the config files and I was working through them one by one while the others moved the services. " +
      "It was a busy month, with a lot of meetings and a lot of files to check by hand.";
    const matrix = coverageMatrix([], {
      answers: [
        { id: "told", question, text: told },
        { id: "stalled", question, text: stalled },
      ],
    });
    const row = matrix.rows.find((r) => r.competency === "mistake-failure");
    const strength = (id: string) => row?.evidence.find((e) => e.id === id)?.strength;
    expect(strength("told")).toBe(3);
    expect(strength("stalled")).toBe(1);
  });

  it("reads a prepared follow-up answer as a reply (follow-up rubric), not as a story", () => {
    const question = "What experience do you have with model serving in practice?";
    // Direct, specific and owned: all a follow-up asks, though it tells no result or lesson.
    const direct =
      "I run two models behind a FastAPI service on Kubernetes: a ranking model at about 300 requests a second, and a fraud scorer I retrain every week.";
    const dodge = "Some, here and there, it depends on the project I guess.";
    const matrix = coverageMatrix([], {
      answers: [
        { id: "direct", question, text: direct, followUp: true },
        { id: "dodge", question, text: dodge, followUp: true },
      ],
    });
    const row = matrix.rows.find((r) => r.competency === "ml-engineering");
    const strength = (id: string) => row?.evidence.find((e) => e.id === id)?.strength;
    expect(strength("direct")).toBe(3);
    expect(strength("dodge")).toBe(1);
  });
});

describe("coverage credits a candidate would not dispute", () => {
  it("does not count a generic follow-up's reply for a competency the classifier only guesses", () => {
    // Replies saved under story probes ("How did you measure it?", "What was your part?"): what
    // was measured and who did what, in our own words. Neither is feedback nor teamwork.
    const matrix = coverageMatrix([], {
      answers: [
        {
          id: "measure",
          question: "How did you measure it?",
          text: "I watched the ingress error rate in CloudWatch: it went from every request timing out to zero errors within ten minutes of the fix.",
          followUp: true,
        },
        {
          id: "part",
          question: "What was your part?",
          text: "I wrote the rollback script and ran the postmortem; the platform team reviewed the certificate change.",
          followUp: true,
        },
        // A follow-up that plainly asks its kind still counts for it.
        {
          id: "ml",
          question: "What experience do you have with ML in practice?",
          text: "I run two forecasting models in production, retrained every night by an Airflow job, and I own their drift alerts.",
          followUp: true,
        },
      ],
    });
    const rowsWith = (id: string) =>
      matrix.rows.filter((r) => r.evidence.some((e) => e.id === id)).map((r) => r.competency);
    expect(rowsWith("measure")).not.toContain("feedback");
    expect(rowsWith("part")).not.toContain("teamwork");
    expect(rowsWith("ml")).toContain("ml-engineering");
    expect(matrix.gaps).toContain("feedback");
  });

  it("counts an answer about oneself for what it answers, not for each competency a word names", () => {
    const matrix = coverageMatrix([], {
      answers: [
        {
          id: "me",
          question: "Tell me about yourself.",
          text:
            "I trained as a chemist and moved into data work five years ago. I enjoy open-ended problems and collaborating with my team, " +
            "and I have deployed models and pipelines for forecasting and pricing.",
        },
        {
          id: "now",
          question: "Why are you looking for a new role now?",
          text: "I want to work where models reach customers at scale and where the team values feedback and collaboration.",
        },
      ],
    });
    const credited = (id: string) =>
      matrix.rows.filter((r) => r.evidence.some((e) => e.id === id)).map((r) => r.competency);
    expect(credited("me")).toEqual(["about-me"]);
    expect(credited("now")).toEqual(["motivation"]);
  });

  it("counts one phrase once, whether written with a hyphen or not", () => {
    // "open-ended" is a cue word and, as "open ended problems", a concept of the shared matcher.
    expect(competencyCues("We were handed an open-ended problem.").get("ambiguity")).toBe(1);
  });

  it("still credits an episode for every competency its words evidence", () => {
    const matrix = coverageMatrix([], {
      answers: [
        {
          id: "fail",
          question: "Tell me about a time you made a mistake.",
          text:
            "I rolled out a retrained model without checking drift, and the failed rollout cost us a day of pricing. " +
            "I rolled back, added a drift check to the deploy pipeline and retrained on fresh features.",
        },
      ],
    });
    const credited = matrix.rows
      .filter((r) => r.evidence.some((e) => e.id === "fail"))
      .map((r) => r.competency);
    expect(credited).toEqual(expect.arrayContaining(["mistake-failure", "ml-engineering"]));
  });
});

describe("the competencies a question also touches", () => {
  // The stories a user draws from the document's episodes: every STAR-like answer and variant.
  const episodes = (doc: PrepDoc | undefined) =>
    (doc?.items ?? [])
      .filter(
        (i): i is AnswerItem => i.kind === "answer" && /a time you|problem you solved/i.test(i.question),
      )
      .map((a) => storyFromAnswer(a));
  const touched = (question: string, stories: Story[]) =>
    rankStories(question, stories)
      .results.flatMap((r) => r.reasons)
      .filter((r) => r.endsWith("which the question also touches"))
      .map((r) => r.replace(/^serves /, "").replace(/, which the question also touches$/, ""));

  const check = (stories: Story[]) => {
    expect(stories.length).toBeGreaterThanOrEqual(4);
    // The classifier gives every competency a sliver (mistake-failure 0.2% for this question): a
    // sliver is no reason, so no mistake story "serves mistake-failure, which the question also touches".
    expect(touched("Tell me about a time you worked with ambiguity.", stories)).toEqual([]);
    expect(touched("Tell me about a time you disagreed with a teammate.", stories)).toEqual([]);
    // "A project you are proud of" does touch a technical challenge, not a mistake or ML engineering.
    const proud = touched("Tell me about a project you are proud of.", stories);
    expect(proud.length).toBeGreaterThan(0);
    for (const list of proud) expect(list).toBe("technical-challenge");
  };

  it.runIf(SEED_RUNS)("names only what the question cues, on the seed's stories", () => {
    check(episodes(readSeed()));
  });

  it("names only what the question cues, on our sample's stories", () => {
    check(episodes(readSample()));
  });
});
