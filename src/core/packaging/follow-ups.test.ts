import { describe, expect, it } from "vitest";
import { answerOf, readSample, readSeed, SEED_RUNS } from "../../../test/seed.ts";
import type { FollowUpItem } from "../model.ts";
import { compose } from "./compose.ts";
import { FOLLOW_UP_TRIGGERS } from "./data/follow-up-triggers.ts";
import { predictFollowUps } from "./follow-ups.ts";
import { storyFromAnswer } from "./story.ts";
import { splitSentences } from "./text.ts";

const prepared = (key: string, question: string): FollowUpItem => ({
  kind: "follow-up",
  key,
  lines: { start: 1, end: 1 },
  raw: "",
  gapBefore: 0,
  answerKey: "q1/core",
  question,
  answer: "…",
  pointer: false,
});

// A "tell me about yourself" script of our own: a PhD, hands-on ML projects, AWS, a move.
const TMAY =
  "I did my PhD in applied math, focusing on optimization and statistical modeling. " +
  "After that I built hands-on ML projects: a fine-tuned summarisation model and a retrieval pipeline on AWS. " +
  "I took them end to end, with deployment, monitoring and automated retraining. " +
  "Now I'm looking to bring that mix of math and practical ML to a product team.";

const questions = (text: string, options = {}) => predictFollowUps(text, options).map((p) => p.question);

describe("follow-up triggers (data)", () => {
  it("gives a technique its own reason, not the tool's ('drift' is no tool)", () => {
    // Before: "What did you monitor, and what happened when it alerted?" on "detect drift" said
    // "Naming a tool invites a question on how deeply you used it."
    const out = predictFollowUps(
      // Two sentences: one sentence draws one follow-up.
      "I set out to detect drift automatically. Then I moved the jobs to Airflow.",
      { question: "Tell me about yourself" },
    );
    const monitoring = out.find((p) => p.question.startsWith("What did you monitor"));
    const airflow = out.find((p) => /Airflow/.test(p.question));
    expect(monitoring?.reason).toMatch(/technique/);
    expect(monitoring?.reason).not.toMatch(/tool/);
    expect(airflow?.reason).toMatch(/Naming a tool/);
  });

  it("every trigger has questions and a reason, and phrase triggers a pattern", () => {
    for (const trigger of FOLLOW_UP_TRIGGERS) {
      expect(trigger.questions.length).toBeGreaterThan(0);
      expect(trigger.reason.length).toBeGreaterThan(10);
      if (trigger.kind === "phrase") expect(trigger.pattern).toBeInstanceOf(RegExp);
    }
  });

  it("a degree asks whether it was related to the role's field", () => {
    const [first] = predictFollowUps("I have a PhD in theoretical physics and two years of Python.", {
      role: "ml-engineer",
    });
    expect(first?.question).toBe("Was your PhD in theoretical physics related to ML?");
    expect(first?.trigger).toBe("PhD in theoretical physics");
  });

  it("with no target role the questions still read as spoken, never 'the role work'", () => {
    const out = predictFollowUps(
      // Two sentences: one sentence draws one follow-up.
      "I did my PhD in applied math. I did research on optimisation, then built ML projects on my own.",
    );
    const questions = out.map((p) => p.question);
    expect(questions).toContain("Was your PhD in applied math related to this work?");
    expect(questions).toContain("How does your research background carry over to this work in industry?");
    for (const q of questions) expect(q).not.toMatch(/\bthe role (work|in practice)\b|\{field\}/);
  });

  it("personal projects ask about production and users", () => {
    const out = predictFollowUps("In my free time I built a personal budgeting app project.");
    expect(out.find((p) => p.triggerId === "personal-projects")?.question).toBe(
      "Was it in production? How many users did it have?",
    );
  });

  it("a tool asks for experience with it; a technique asks how it was evaluated", () => {
    expect(questions("I deployed it with Kubernetes.")).toContain("What's your experience with Kubernetes?");
    const tuned = predictFollowUps("I fine-tuned a small language model for support tickets.");
    expect(tuned[0]?.question).toBe("How did you evaluate the fine-tuned model?");
    expect(tuned[0]?.trigger).toBe("fine-tuned");
  });

  it("no figure asks for the impact, quoting the vague phrase", () => {
    const out = predictFollowUps("I rewrote the cache layer. It made the API much faster.");
    const impact = out.find((p) => p.triggerId === "missing-figure");
    expect(impact?.question).toBe("What was the impact? Can you put a number on it?");
    expect(impact?.trigger).toBe("much faster");
    expect(questions("I rewrote the cache layer. Latency fell by 40%.")).not.toContain(
      "What was the impact? Can you put a number on it?",
    );
  });

  it("a story with no figure is asked for its impact where it states its result, not on its last sentence", () => {
    const story = [
      "Our nightly import kept failing on the largest customer's files.",
      "I traced it to a parser that loaded each file whole into memory.",
      "I rewrote it to stream the rows in batches.",
      "The import has run cleanly every night since.",
      "It taught me to test with production-sized inputs before trusting a parser.",
    ].join(" ");
    const impact = predictFollowUps(story, { question: "Tell me about a time you fixed a hard bug" }).find(
      (p) => p.triggerId === "missing-figure",
    );
    expect(impact?.sentence.text).toBe("The import has run cleanly every night since.");
    expect(impact?.trigger).toBe("The import has run cleanly every night since.");
  });

  it("quotes what the user would say: no written STAR label or bold in the quote", () => {
    const story = [
      "**Situation**: Our nightly import kept failing on the largest files.",
      "**Action**: I rewrote the parser to stream the rows in batches.",
      "**Result**: The import has run **cleanly** every night since.",
    ].join("\n\n");
    const out = predictFollowUps(story, { question: "Tell me about a time you fixed a hard bug" });
    expect(out.length).toBeGreaterThan(0);
    for (const p of out)
      expect(`${p.trigger} ${p.sentence.text}`).not.toMatch(/\*\*|Situation:|Action:|Result:/);
    expect(out.find((p) => p.triggerId === "missing-figure")?.trigger).toBe(
      "The import has run cleanly every night since.",
    );
  });

  it("asks how a result was measured where the result is told, not where the same verb names the mistake", () => {
    const story = [
      "I built a weekly sales forecast for every region.",
      "During a refactor I accidentally dropped the rows with missing values, so small regions lost most of their data.",
      "I added checks that flag thin regions instead of dropping them.",
      "After the fix, the forecasts became much more consistent.",
    ].join(" ");
    // The result draws one question (one sentence, one follow-up): how it was measured or, as here
    // where it states no figure, what the impact was; never on the mistake's sentence.
    const out = predictFollowUps(story, { question: "Tell me about a time you made a mistake" });
    const measure = out.find((p) => p.triggerId === "story-measure" || p.triggerId === "missing-figure");
    expect(measure?.sentence.index).toBe(3);
    expect(out.filter((p) => p.triggerId === "story-measure" && p.sentence.index === 1)).toEqual([]);
  });

  it("'what would you do differently?' quotes no arbitrary closing sentence when the story has no lesson or mistake", () => {
    const story = [
      "Our search page timed out for large catalogues.",
      "I profiled the queries and added an index on the product table.",
      "I also cached the facet counts for an hour.",
      "The page now loads instantly for every customer.",
    ].join(" ");
    const probe = predictFollowUps(story, { question: "Tell me about a hard technical problem" }).find(
      (p) => p.triggerId === "story-lesson",
    );
    expect(probe?.question).toBe("What would you do differently?");
    // Nothing in the story prompts it: no quote, rather than the result that happens to come last.
    expect(probe?.trigger).toBe("");
    expect(probe?.sentence.index).toBe(-1);
  });

  it("'what would you do differently?' quotes the habit the story says it kept ('Since then I…')", () => {
    const story = [
      "I switched the billing export to a new job.",
      "A customer found a gap in their invoice a week later.",
      "I rolled the job back and compared every invoice.",
      "Since then I compare every row before I switch a job over.",
    ].join(" ");
    const probe = predictFollowUps(story, { question: "Tell me about a time you made a mistake" }).find(
      (p) => p.triggerId === "story-lesson",
    );
    expect(probe?.trigger).toBe("Since then");
  });

  it("quotes one long written sentence whole, never cut mid-phrase as if it were spoken", () => {
    const long =
      "When I took over the billing service last spring our monthly invoice run failed about twice a month because nobody owned it and support just re-ran it by hand, so I offered to find the cause, added timing logs to every step, found that the tax lookup opened a new connection per invoice, pooled the connections and cached the rates, added an alert on the run's duration, and since then the run has finished on time for eight months and support got back about a day a month, which taught me to measure before I guess.";
    const probes = predictFollowUps(long, { question: "Tell me about a time you solved a hard problem" });
    const quoted = probes.map((p) => p.sentence.text).filter((t) => t !== "");
    expect(quoted.length).toBeGreaterThan(0);
    for (const text of quoted) expect(text).toBe(long);
  });

  // A mistake story of our own whose result's figure comes after a figure in the setting.
  const exportStory = [
    "I switched our nightly export job to a new storage format.",
    "Two days later a colleague reported missing rows in the weekly report.",
    "I traced it to a filter I had copied wrong and re-ran the affected nights.",
    "The export has matched the source row for row for 40 nights since.",
  ].join(" ");

  it("reads a story typed without capitals as sentences, and asks the same probes", () => {
    const story = exportStory;
    const typed = story.toLowerCase();
    const question = "Tell me about a time you made a mistake";
    const ids = (text: string) => predictFollowUps(text, { question }).map((p) => p.triggerId);
    expect(ids(typed)).toEqual(ids(story));
    expect(ids(typed)).toEqual(expect.arrayContaining(["story-own-part", "story-lesson"]));
    expect(splitSentences(typed).map((s) => s.text)).toEqual(
      splitSentences(story).map((s) => s.text.toLowerCase()),
    );
    // Spoken, as speech recognition gives it: no full stops at all. The probes quote a piece of
    // the answer, not the whole of it.
    const spoken = typed.replace(/[.,]/g, "");
    const probes = predictFollowUps(spoken, { question }).filter((p) => p.triggerId.startsWith("story-"));
    expect(probes.map((p) => p.triggerId)).toEqual(
      expect.arrayContaining(["story-own-part", "story-lesson"]),
    );
    for (const p of probes) expect(p.sentence.text.length).toBeLessThan(spoken.length / 2);
    // A capitalised text keeps reading a full stop before a lower-case word as a continuation.
    expect(splitSentences("We cut costs by approx. five percent. It held.").length).toBe(2);
  });

  it("asks how a result was measured of the result's figure, not of a figure in the setting", () => {
    const story = exportStory;
    const measure = predictFollowUps(story, { question: "Tell me about a time you made a mistake" }).find(
      (p) => p.triggerId === "story-measure",
    );
    expect(measure?.sentence.index).not.toBe(1);
  });

  it("a vague word outside the result (the setting) is no claim of impact to question", () => {
    const why = [
      "I taught statistics at a college for several years and loved it.",
      "When enrolment fell, my courses were gradually reduced and then cancelled.",
      "That pushed me to move into industry, where I can build things people use.",
    ].join(" ");
    expect(
      predictFollowUps(why, { question: "Why are you moving into industry now?" }).map((p) => p.triggerId),
    ).not.toContain("missing-figure");
  });

  it("a mistake asks what you would do differently", () => {
    expect(questions("I made a mistake in the migration. We restored from backup.")).toContain(
      "What would you do differently?",
    );
  });

  it("a company name asks why that company, why now", () => {
    const out = predictFollowUps("I'm excited to apply to Globex Analytics because of its fraud work.");
    const company = out.find((p) => p.triggerId === "company");
    expect(company?.question).toBe("Why Globex Analytics? Why now?");
    expect(company?.trigger).toBe("Globex Analytics");
  });
});

describe("predictFollowUps", () => {
  it("predicts the PhD, ML-in-practice and why-now follow-ups for a tell-me-about-yourself script", () => {
    const out = predictFollowUps(TMAY, { question: "Tell me about yourself", role: "ml-engineer" });
    const all = out.map((p) => p.question).join("\n");
    expect(all).toMatch(/PhD in applied math related to ML\?/);
    expect(all).toMatch(/experience .* ML in practice/);
    expect(all).toMatch(/Why now\?/);
    // AWS is named in the sentence that already asks about ML in practice: one sentence, one question.
    expect(all).not.toMatch(/experience with AWS/);
    // An introduction has no result to measure.
    expect(out.some((p) => p.triggerId === "missing-figure")).toBe(false);
    for (const p of out) expect(TMAY).toContain(p.trigger);
  });

  it("links predictions to the user's prepared follow-ups by word overlap, else marks a gap", () => {
    const out = predictFollowUps(TMAY, {
      question: "Tell me about yourself",
      role: "ml-engineer",
      prepared: [
        prepared("q1/follow-up-1", "Was your PhD related to AI/ML?"),
        prepared("q1/follow-up-3", "What experience do you have with ML in practice?"),
        prepared("q1/follow-up-4", "What is your greatest weakness?"),
      ],
    });
    const phd = out.find((p) => p.question.startsWith("Was your PhD"));
    expect(phd).toMatchObject({ prepared: "q1/follow-up-1", gap: false });
    expect(out.find((p) => p.triggerId === "hands-on")).toMatchObject({
      prepared: "q1/follow-up-3",
      gap: false,
    });
    const whyNow = out.find((p) => p.triggerId === "career-move");
    expect(whyNow?.gap).toBe(true);
    expect(whyNow?.prepared).toBeUndefined();
  });

  it("probes a behavioral story (do differently, own part, measure) before asking about its tools", () => {
    const story =
      "During a migration we moved the billing jobs to a new cluster. " +
      "The cluster ran Kubernetes with Helm and Terraform. " +
      "I accidentally pointed the nightly export at the staging bucket. " +
      "I rolled it back within an hour and added a check to the pipeline. " +
      "Wrong-bucket exports fell by 80% the next quarter.";
    const out = predictFollowUps(story, {
      question: "Tell me about a time you made a mistake",
      role: "ml-engineer",
    });
    const ids = out.map((p) => p.triggerId);
    expect(ids).toEqual(expect.arrayContaining(["story-lesson", "story-measure", "story-own-part"]));
    const firstTool = ids.indexOf("tool");
    expect(firstTool).toBeGreaterThan(0);
    const probes = new Set(FOLLOW_UP_TRIGGERS.filter((t) => t.probe).map((t) => t.id));
    expect(ids.slice(0, firstTool).every((id) => probes.has(id))).toBe(true);
    expect(out.find((p) => p.triggerId === "story-lesson")?.trigger).toBe("accidentally");
    expect(out.find((p) => p.triggerId === "story-measure")?.sentence.index).toBe(4);
    expect(ids.indexOf("tool")).toBeGreaterThan(ids.lastIndexOf("story-lesson"));
    // An introduction is no episode: no probes.
    const intro = predictFollowUps(TMAY, { question: "Tell me about yourself", role: "ml-engineer" });
    expect(intro.some((p) => p.triggerId.startsWith("story-"))).toBe(false);
  });

  it("links to another question's prepared answer, and prefers the earlier entry on a tie", () => {
    const out = predictFollowUps(TMAY, {
      question: "Tell me about yourself",
      prepared: [
        { key: "q2/core", question: "Why are you moving into industry now?" },
        { key: "other/q9", question: "Why are you moving into industry now?" },
      ],
    });
    expect(out.find((p) => p.triggerId === "career-move")).toMatchObject({ prepared: "q2/core", gap: false });
  });

  it("links a matching follow-up prepared under the question itself before a closer answer elsewhere", () => {
    const elsewhereAnswer = { key: "q2/core", question: "Why are you moving into industry now?" };
    const prepared = [
      elsewhereAnswer,
      { key: "q1/follow-up-2", question: "Why Globex, and why now?", own: true },
    ];
    const out = predictFollowUps(TMAY, { question: "Tell me about yourself", prepared });
    expect(out.find((p) => p.triggerId === "career-move")).toMatchObject({ prepared: "q1/follow-up-2" });
    // Not when it does not match: then the best match anywhere.
    const unrelated = [
      elsewhereAnswer,
      { key: "q1/follow-up-1", question: "Which tools do you use?", own: true },
    ];
    const elsewhere = predictFollowUps(TMAY, { question: "Tell me about yourself", prepared: unrelated });
    expect(elsewhere.find((p) => p.triggerId === "career-move")).toMatchObject({ prepared: "q2/core" });
  });

  it("returns nothing for empty text", () => {
    expect(predictFollowUps("   ")).toEqual([]);
  });
});

describe("predictFollowUps: blanks a draft still holds are not said", () => {
  it("takes no trigger from a blank's line and never answers a follow-up with one (drafts of our sample's stories)", () => {
    const mistake = "Tell me about a time you made a mistake and how you handled it.";
    const technical = compose(storyFromAnswer(answerOf(readSample(), "q3/core")), {
      question: mistake,
      budgetSeconds: 60,
    });
    expect(technical.text).toContain("What went wrong: [");
    for (const p of predictFollowUps(technical.text, { question: mistake, role: "ml-engineer" })) {
      expect(p.sentence.text, p.question).not.toMatch(/\[[^\]]+\?\]/);
    }
    // A draft with no lesson ends "What I learned: [what did you learn?]": that is no lesson stated.
    const disagreed = "Tell me about a time you disagreed with a stakeholder";
    const leak = compose(storyFromAnswer(answerOf(readSample(), "q5/model-focused")), {
      question: disagreed,
      budgetSeconds: 60,
    });
    expect(leak.text).toContain("What I learned: [what did you learn?]");
    const differently = predictFollowUps(leak.text, { question: disagreed }).find((p) =>
      /what would you do differently/i.test(p.question),
    );
    expect(differently).toBeDefined();
    expect(differently?.answeredIn).toBeUndefined();
    expect(differently?.gap).toBe(true);
  });
});

describe("predictFollowUps: what an introduction and a career path invite", () => {
  // Our own introduction: a team's work told as "we", and how an interest began.
  const intro =
    "I trained as a chemist, and my lab work naturally led me to data analysis. " +
    "At Brightwell we built a forecasting service that planners used every morning. " +
    "I enjoy messy data and clear questions.";

  it("asks no story probe of an introduction (no 'What was your own part in it?')", () => {
    const out = predictFollowUps(intro, { question: "Tell me about yourself", role: "ml-engineer" });
    expect(out.some((p) => p.question === "What was your own part in it?")).toBe(false);
    expect(out.some((p) => FOLLOW_UP_TRIGGERS.find((t) => t.id === p.triggerId)?.probe)).toBe(false);
    // The same "we built" in a story is still probed.
    const story = predictFollowUps(`${intro} Forecast error fell by a third.`, {
      question: "Tell me about a project you are proud of",
    });
    expect(story.some((p) => p.question === "What was your own part in it?")).toBe(true);
  });

  it("reads how an interest began as the past, not a move to time ('led me to' asks no 'Why now?')", () => {
    const out = predictFollowUps(intro, { question: "Tell me about yourself", role: "ml-engineer" });
    expect(out.some((p) => p.triggerId === "career-move")).toBe(false);
    // A move being made now still is.
    const moving = predictFollowUps(
      `${intro} I'm excited to bring both my lab rigour and my forecasting work to a product team.`,
      { question: "Tell me about yourself" },
    );
    expect(moving.find((p) => p.triggerId === "career-move")?.trigger).toBe(
      "bring both my lab rigour and my forecasting work to a product team",
    );
  });

  it.runIf(SEED_RUNS)(
    "on the seed's introduction: 'Why now?' is caused by the move it names, not by 'naturally led me'",
    () => {
      const about = answerOf(readSeed(), "q1/core").text;
      const whyNow = predictFollowUps(about, {
        question: "Tell me about yourself",
        role: "ml-engineer",
      }).find((p) => p.triggerId === "career-move");
      expect(whyNow?.trigger).not.toMatch(/led me/);
      expect(whyNow?.trigger).toMatch(/^bring /);
    },
  );
});
