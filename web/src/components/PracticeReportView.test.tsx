import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { checkDelivery } from "../../../src/core/delivery/figures.ts";
import type { ReportStep } from "../practice-api.ts";
import { StepFigures } from "./PracticeReportView.tsx";

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
  ...extra,
});

describe("the session report's figures", () => {
  it("names typing time as typing time, not as time over the spoken budget", () => {
    const html = renderToStaticMarkup(<StepFigures step={step({})} />);
    expect(textOf(html)).toContain("typed in 2 min 04 s (budget 1 min 30 s said aloud)");
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
