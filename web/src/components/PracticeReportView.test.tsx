import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { checkDelivery } from "../../../src/core/delivery/figures.ts";
import type { PracticeReport, ReportStep } from "../practice-api.ts";
import { ReportFigures, StepFigures } from "./PracticeReportView.tsx";

const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const step = (extra: Partial<ReportStep>): ReportStep => ({
  stepId: "s1",
  kind: "question",
  question: "Tell me about a time you made a mistake.",
  budgetSeconds: 90,
  usedSeconds: 124,
  overBudget: true,
  score: 3,
  fixes: [],
  peeked: false,
  answered: true,
  skipped: false,
  removed: false,
  state: "answered",
  ...extra,
});

describe("the session report's figures", () => {
  it("names typing time as typing time, not as time over the spoken budget", () => {
    const html = renderToStaticMarkup(<StepFigures step={step({})} />);
    expect(textOf(html)).toContain("typed in 2 min 04 s (the 1 min 30 s budget is for saying it aloud)");
    expect(html).not.toContain("over-budget");
  });

  it("keeps a spoken answer's time against its budget", () => {
    const delivery = checkDelivery(
      {
        recordedMs: 124_000,
        answerMs: 120_000,
        speakingMs: 100_000,
        firstWordMs: 1_000,
        pauses: 1,
        longestPauseMs: 2_000,
        pauseMinMs: 1_500,
      },
      90,
    );
    const html = renderToStaticMarkup(<StepFigures step={step({ delivery })} />);
    expect(textOf(html)).toContain("2 min 04 s of 1 min 30 s");
    expect(textOf(html)).not.toContain("typed in");
    expect(html).toContain("over-budget");
  });

  it("gives a drilled answer's key points covered, not a behavioral score", () => {
    const { score: _score, ...withoutScore } = step({});
    const html = renderToStaticMarkup(
      <StepFigures step={{ ...withoutScore, keyPoints: { covered: 3, total: 5, missed: ["a", "b"] } }} />,
    );
    expect(textOf(html)).toContain("3 of 5 key points covered");
    expect(html).not.toContain("question-score");
  });
});

describe("a question peeked at", () => {
  const peekedAnswer = step({
    stepId: "q1",
    score: 4,
    usedSeconds: 60,
    peeked: true,
    answered: false,
    state: "peeked",
    afterPeek: "answered",
  });
  const cleanAnswer = step({ stepId: "q2", score: 2, usedSeconds: 30 });
  const {
    usedSeconds: _used,
    score: _score,
    overBudget: _over,
    ...peekedSkip
  } = step({ stepId: "q3", peeked: true, answered: false, state: "peeked", afterPeek: "skipped" });

  it("shows the answer given after a peek with its score, named as no clean answer", () => {
    const html = renderToStaticMarkup(<StepFigures step={peekedAnswer} />);
    expect(textOf(html)).toContain("typed in 1 min (the 1 min 30 s budget is for saying it aloud)");
    expect(textOf(html)).toContain("peeked: not a clean answer");
    expect(html).toContain("is-peeked");
    expect(textOf(renderToStaticMarkup(<StepFigures step={peekedSkip} />))).toBe(
      "Peeked at the prepared answer, then skipped.",
    );
    const ended = { ...peekedSkip, afterPeek: "ended" } as ReportStep;
    expect(textOf(renderToStaticMarkup(<StepFigures step={ended} />))).toBe(
      "Peeked at the prepared answer; the interview was ended here.",
    );
  });

  it("counts it apart from the questions answered, and keeps its score out of the mean", () => {
    const report = {
      sessionId: "p9",
      status: "finished",
      steps: [peekedAnswer, cleanAnswer, peekedSkip],
      answered: 1,
      peeked: 2,
      total: 3,
    } as PracticeReport;
    const text = textOf(renderToStaticMarkup(<ReportFigures report={report} />));
    expect(text).toContain("1/3 questions answered");
    expect(text).toContain("2 peeked at the prepared answer, not counted as answered");
    // Time: both answers given (1 min 30 s), of which the minute after the peek.
    expect(text).toContain(
      "1 min 30 s typing time (the 3 min budget is for saying it aloud), 1 min of it after peeking",
    );
    // The mean is the clean answer's 2, not (4 + 2) / 2.
    expect(text).toContain("2.0 mean score out of 5, clean answers only");
  });
});

describe("the session report's head", () => {
  it("counts questions answered with follow-ups apart, and names typed time as typing time", () => {
    const report: PracticeReport = {
      sessionId: "p1",
      status: "finished",
      steps: [
        step({ stepId: "q1" }),
        step({ stepId: "f1", kind: "follow-up", budgetSeconds: 45, usedSeconds: 50 }),
        { ...step({ stepId: "q2", answered: false, skipped: true, state: "skipped" }), usedSeconds: 0 },
      ],
      answered: 2,
      total: 3,
    } as PracticeReport;
    const html = renderToStaticMarkup(<ReportFigures report={report} />);
    // Before: "2/3 answered" (steps, the follow-up among them) and "2 min 54 s used of 2 min 15 s" in red.
    expect(textOf(html)).toContain("1/2 questions answered + 1 follow-up");
    expect(textOf(html)).toContain("typing time (the 2 min 15 s budget is for saying it aloud)");
    expect(html).not.toContain("over-budget");
  });

  it("gives a session of answers and technical questions both its mean score and its key points", () => {
    const { score: _score, ...withoutScore } = step({ stepId: "t1" });
    const report = {
      sessionId: "p2",
      status: "finished",
      steps: [
        step({ stepId: "q1", score: 2 }),
        { ...withoutScore, keyPoints: { covered: 4, total: 5, missed: ["services and ingress"] } },
      ],
      answered: 2,
      total: 2,
    } as PracticeReport;
    const text = textOf(renderToStaticMarkup(<ReportFigures report={report} />));
    // Before: only "4/5 key points covered", the answer's 2/5 nowhere in the head.
    expect(text).toContain("2.0 mean score out of 5, of 1 answer");
    expect(text).toContain("4/5 key points covered");
  });

  it("names an answer in another language as not scored, and keeps it out of the mean", () => {
    const { score: _score, ...unscored } = step({ stepId: "fr" });
    const french: ReportStep = { ...unscored, notScored: "French" };
    const html = renderToStaticMarkup(<StepFigures step={french} />);
    expect(textOf(html)).toContain("not scored (French)");
    expect(html).not.toContain("question-score");
    const report = {
      sessionId: "p3",
      status: "finished",
      steps: [french, step({ stepId: "en", score: 4 })],
      answered: 2,
      total: 2,
    } as PracticeReport;
    expect(textOf(renderToStaticMarkup(<ReportFigures report={report} />))).toContain("4.0 mean score");
  });
});

describe("a report of an interview ended early", () => {
  const unanswered = (stepId: string, state: ReportStep["state"]): ReportStep => {
    const { score: _score, usedSeconds: _used, overBudget: _over, ...rest } = step({ stepId });
    return { ...rest, answered: false, skipped: state === "skipped", removed: state === "removed", state };
  };

  it("says per question: skipped, deleted, or not reached because the interview was ended", () => {
    const ended = { at: "2026-12-07T04:00:00.000Z", afterQuestion: 2 };
    const line = (s: ReportStep) => textOf(renderToStaticMarkup(<StepFigures step={s} ended={ended} />));
    // Before: "Skipped." for a question passed and for one the interview never reached alike.
    expect(line(unanswered("q2", "skipped"))).toBe("Skipped.");
    expect(line(unanswered("q3", "not-reached"))).toBe(
      "Not reached: the interview was ended after question 2.",
    );
    expect(line(unanswered("q4", "removed"))).toBe("Deleted from your bank during the session: skipped.");
    // A session finished before the early end was recorded: past its last answer, no claim of a skip.
    expect(line(unanswered("q5", "unanswered"))).toBe("Not answered.");
    expect(
      textOf(
        renderToStaticMarkup(
          <StepFigures step={unanswered("q1", "not-reached")} ended={{ ...ended, afterQuestion: 0 }} />,
        ),
      ),
    ).toBe("Not reached: the interview was ended at the first question.");
  });

  it("heads the report with the early end and the questions answered of all", () => {
    const report = {
      sessionId: "p4",
      status: "finished",
      ended: { at: "2026-12-07T04:00:00.000Z", afterQuestion: 2 },
      steps: [step({ stepId: "q1" }), unanswered("q2", "skipped"), unanswered("q3", "not-reached")],
      answered: 1,
      total: 3,
    } as PracticeReport;
    const text = textOf(renderToStaticMarkup(<ReportFigures report={report} />));
    expect(text).toContain("Ended early, after question 2: 1 of 3 questions answered.");
    const { ended: _ended, ...ranToEnd } = report;
    expect(textOf(renderToStaticMarkup(<ReportFigures report={ranToEnd} />))).not.toContain("Ended early");
  });
});
