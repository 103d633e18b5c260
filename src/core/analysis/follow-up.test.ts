import { describe, expect, it } from "vitest";
import { readFollowUpReplies } from "../../../test/follow-up-replies.ts";
import { analyze } from "./analyze.ts";
import { asksHindsight, followUpKind } from "./follow-up.ts";
import { measureFollowUps } from "./follow-up-measure.ts";

const reply = (text: string, followUp: string) => analyze(text, { question: followUp, followUp: true });

describe("follow-up replies are judged by their own rubric", () => {
  it("reads what a follow-up asks for from its wording", () => {
    expect(followUpKind("What would you do differently next time?")).toBe("reflection");
    expect(followUpKind("What exactly was your part?")).toBe("part");
    expect(followUpKind("How did you measure that?")).toBe("measure");
    expect(followUpKind("Why Postgres rather than DynamoDB?")).toBe("reasoning");
    expect(followUpKind("How would you handle it with half the time?")).toBe("approach");
    expect(followUpKind("Why are you leaving your current job?")).toBe("fit");
    expect(followUpKind("Why now? What makes this the right time for the move?")).toBe("timing");
    expect(followUpKind("Why this role?")).toBe("fit");
    expect(followUpKind("What did your manager think?")).toBe("people");
    expect(followUpKind("What was the hardest part?")).toBe("difficulty");
    expect(followUpKind("What experience do you have with ML in practice?")).toBe("experience");
    expect(followUpKind("Is that common in your field?")).toBe("other");
  });

  it("scores a direct, concrete, owned reply high, and asks for no situation, result or lesson", () => {
    const a = reply(
      "I'd add the schema check before training rather than after. We lost two days because a column changed type upstream; every pipeline I build now validates its inputs first and fails loudly.",
      "What would you do differently?",
    );
    expect(a.overall.score).toBeGreaterThanOrEqual(4);
    expect(a.followUp?.kind).toBe("reflection");
    expect(a.followUp?.checks.every((c) => c.met)).toBe(true);
    expect(a.nonStory).toBeUndefined();
    expect(a.fixes.map((f) => f.action).join(" ")).not.toMatch(/^(Result|Lesson|Situation|Action):/m);
  });

  it("reads what changed as the answer to 'why now?', not a miss of 'why this role'", () => {
    // The follow-up practice asks after a motivation answer. Before: read as "why this role", so
    // a reply that says what changed and when scored 2/5 with "does not say why this role, and
    // how your experience carries over" and "the answer comes late".
    const question = "Why now? What makes this the right time for the move?";
    const a = reply(
      "The pandemic ended my teaching post, and by then I had already shipped two ML projects, so the timing was right.",
      question,
    );
    expect(a.followUp?.kind).toBe("timing");
    expect(a.followUp?.checks.find((c) => c.id === "answers")?.met).toBe(true);
    expect(a.followUp?.checks.find((c) => c.id === "direct")?.met).toBe(true);
    expect(a.overall.score).toBeGreaterThanOrEqual(4);
    // A reply that gives no timing at all still misses it, and the fix says what to add.
    const b = reply("I love machine learning and I am a hard worker.", question);
    expect(b.followUp?.checks.find((c) => c.id === "answers")?.met).toBe(false);
    expect(b.fixes[0]?.action).toContain("why now: what changed");
  });

  it("reads notes of projects and tools as an answer to an experience follow-up", () => {
    const a = reply(
      "Two projects: RLHF with GPT-2 (reward model, PPO loop). A chatbot on AWS with LangChain and SageMaker.",
      "What experience do you have with ML in practice?",
    );
    expect(a.followUp?.kind).toBe("experience");
    expect(a.followUp?.checks.find((c) => c.id === "answers")?.met).toBe(true);
    expect(a.overall.score).toBeGreaterThanOrEqual(3);
  });

  it("takes a short reply as a reply, not as 'too short to be an answer'", () => {
    const a = reply(
      "Partly. My thesis was on convex optimisation, which is what your ranking team uses.",
      "Was your PhD related to this?",
    );
    expect(a.warnings.join(" ")).not.toMatch(/too short/);
    expect(a.followUp?.checks.find((c) => c.id === "answers")?.met).toBe(true);
    expect(a.overall.score).toBeGreaterThanOrEqual(4);
  });

  it("marks blame in a reply's subtle forms, and not a plain account of who did what", () => {
    const shifted = reply(
      "Honestly it wasn't really on us. The data team never told us the logging had changed, and product kept adding scope every sprint.",
      "What would you do differently?",
    );
    expect(shifted.labels.blame).toBe(true);
    expect(shifted.overall.score).toBeLessThanOrEqual(2);
    expect(shifted.followUp?.checks.find((c) => c.id === "blame-free")?.met).toBe(false);
    const account = reply(
      "My part was the diagnosis and the retry design: I read three months of failed jobs and added checkpoints every 30 minutes. My colleague did the alerting, that part was not mine.",
      "What exactly was your part?",
    );
    expect(account.labels.blame).toBe(false);
    expect(account.overall.score).toBeGreaterThanOrEqual(4);
    // What the manager wanted is a fact of the story, not fault put on them.
    const deadline = reply(
      "My manager wanted a demo by Friday, so I cut the scope to the two reports the sales team used most and shipped those first.",
      "How did you handle the deadline?",
    );
    expect(deadline.labels.blame).toBe(false);
    expect(deadline.overall.score).toBeGreaterThanOrEqual(4);
  });

  it("scores a dodge, an off-topic reply and gibberish low", () => {
    expect(
      reply(
        "Hard to say really, I moved teams not long after, so I can't really speak to it.",
        "What happened next, long term?",
      ).overall.score,
    ).toBeLessThanOrEqual(2);
    expect(
      reply(
        "I love A/B testing, honestly it's my favourite part of the job.",
        "How would you handle it with less time?",
      ).overall.score,
    ).toBeLessThanOrEqual(2);
    expect(reply("banana keyboard cloud window", "How did you measure that?").overall.score).toBe(1);
  });

  it("agrees with the labelled replies (dev tuned, test written apart and never tuned on)", () => {
    const dev = measureFollowUps(readFollowUpReplies("dev"));
    const test = measureFollowUps(readFollowUpReplies("test"));
    console.log(
      `follow-up replies: dev ${dev.replies} Spearman ${dev.spearman} ±1 ${dev.within1}; test ${test.replies} Spearman ${test.spearman} ±1 ${test.within1}`,
    );
    // Floors a little under the measured figures (dev .895 / 96%, test .64 / 83%): a change
    // that loses ground fails here; the figures themselves are reported by npm run eval.
    expect(dev.spearman).toBeGreaterThanOrEqual(0.85);
    expect(dev.within1).toBeGreaterThanOrEqual(0.9);
    expect(test.spearman).toBeGreaterThanOrEqual(0.6);
    expect(test.within1).toBeGreaterThanOrEqual(0.8);
  });

  it("says a short reply that answers is fine, instead of a budget under its 'Yes'", () => {
    const a = reply(
      "I designed the feature schema myself and wrote the backfill jobs; my manager only reviewed it.",
      "What was your own part in it?",
    );
    const length = a.followUp?.checks.find((c) => c.id === "length");
    expect(length?.met).toBe(true);
    // Before: "about 6 s spoken; a follow-up takes 27–45 s" beside a "Yes".
    expect(length?.note).toMatch(/^about \d+ s spoken: short, which a follow-up may be \(up to \d+ s\)$/);
  });
});

describe("a hindsight question is a follow-up on a story already told (issue 11)", () => {
  it("reads 'what would you do differently' about it or that project as hindsight, a question that names an episode as a story", () => {
    for (const q of [
      "What would you do differently?",
      "Looking back, what would you change about that project?",
      "What did you learn from it?",
      "If you did it again, what would you change?",
      "In hindsight, what would you have done differently on that migration?",
    ])
      expect({ q, hindsight: asksHindsight(q) }).toEqual({ q, hindsight: true });
    for (const q of [
      "What is your greatest weakness?",
      "Tell me about a project you'd do differently.",
      "Describe a decision you would make differently now.",
      "What's something you'd handle differently if you could redo it?",
      "Tell me about a time you failed. What would you do differently?",
      "What did you learn during your PhD?",
      "How do you detect overfitting and prevent it?",
      "How do you handle models behaving differently in production?",
    ])
      expect({ q, hindsight: asksHindsight(q) }).toEqual({ q, hindsight: false });
  });

  it("judges a reply to it by the follow-up rubric, not as a strength or a weakness", () => {
    // Before: "What would you do differently?" was read as a strength or weakness question: a reply
    // naming the mistake and what changed since "answers a different question" (1 of 5), budget 45–90 s.
    const reply =
      "I signed off the new export after checking a handful of rows, and it dropped a region. Since then I never switch a job over on a sample; I compare the whole output first.";
    const a = analyze(reply, { question: "What would you do differently?" });
    expect(a.followUp?.kind).toBe("reflection");
    expect(a.timing.budget).toEqual({ min: 20, max: 45 });
    expect(a.overall.reasons).not.toContain("answers a different question than the one asked");
    // The caller still decides: told it is no follow-up, it is read as its own question.
    expect(
      analyze(reply, { question: "What would you do differently?", followUp: false }).followUp,
    ).toBeUndefined();
  });
});
