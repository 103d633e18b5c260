import { useState } from "react";
import { notScoredLabel } from "../../../src/core/attempt-score.ts";
import { describeDelivery } from "../../../src/core/delivery/describe.ts";
import { stripMarkup } from "../../../src/core/markup.ts";
import { describeError } from "../api.ts";
import { formatDuration } from "../library.ts";
import {
  type AttemptHistory,
  type PracticeReport,
  type PracticeSession,
  practiceApi,
  type ReportStep,
} from "../practice-api.ts";
import { useLoad } from "../use-load.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { SCORE_TEXT } from "./RiskLens.tsx";

/** The end of a session: time used against the budget, score, fixes and follow-up per question. */
export function PracticeReportView({ session }: { session: PracticeSession }) {
  const { result, reload } = useLoad(`report:${session.id}`, () => practiceApi.report(session.id));
  if (result.state === "error") {
    return <ErrorMessage title="Couldn't load the report" error={result.error} onRetry={reload} />;
  }
  if (result.state === "loading") return <div className="skeleton skeleton-block" />;
  const report = result.data;
  return (
    <div className="practice-report">
      <ReportFigures report={report} />
      <ol className="practice-report-steps">
        {report.steps
          .filter((s) => s.kind === "question")
          .map((step) => {
            const followUp = report.steps.find(
              (s) =>
                s.kind === "follow-up" &&
                session.steps.find((v) => v.id === s.stepId)?.followUpOf === step.stepId,
            );
            const view = session.steps.find((s) => s.id === step.stepId);
            const historyId = view?.itemId ?? view?.questionId;
            return (
              <li key={step.stepId} className="card practice-report-step">
                <h3 className="practice-report-question">{step.question}</h3>
                <StepFigures step={step} ended={report.ended} />
                {step.keyPoints !== undefined && step.keyPoints.missed.length > 0 && (
                  <>
                    <p className="field-label">Key points you missed</p>
                    <ul className="practice-fixes">
                      {step.keyPoints.missed.map((point) => (
                        <li key={point}>{point}</li>
                      ))}
                    </ul>
                  </>
                )}
                {step.fixes.length > 0 && (
                  <>
                    <p className="field-label">Fixes</p>
                    <ul className="practice-fixes">
                      {step.fixes.slice(0, 3).map((fix) => (
                        <li key={fix}>{fix}</li>
                      ))}
                    </ul>
                  </>
                )}
                {followUp !== undefined && (
                  <div className="practice-report-followup">
                    <p className="field-label">Follow-up: “{followUp.question}”</p>
                    <StepFigures step={followUp} ended={report.ended} />
                  </div>
                )}
                {view?.attempt?.text !== undefined && view.attempt.text !== "" && (
                  <details className="practice-details">
                    <summary>Your answer next to the prepared one</summary>
                    <div className="practice-compare">
                      <div>
                        <p className="field-label">What you said</p>
                        <p className="practice-text">{stripMarkup(view.attempt.text)}</p>
                      </div>
                      <div>
                        <p className="field-label">Prepared answer</p>
                        <p className="practice-text">
                          {stripMarkup(view.preparedAnswer ?? "None prepared yet.")}
                        </p>
                      </div>
                    </div>
                  </details>
                )}
                {historyId !== undefined && <HistoryList id={historyId} />}
              </li>
            );
          })}
      </ol>
      <div className="report-actions">
        <a className="button button-primary" href="#/practice">
          Practise more
        </a>
        <a className="button" href="#/">
          What next
        </a>
      </div>
    </div>
  );
}

/** Where the interview was ended, as a step it never reached says it. */
export function endedAfter(ended: PracticeReport["ended"]): string {
  if (ended === undefined) return "";
  return ended.afterQuestion === 0 ? "at the first question" : `after question ${ended.afterQuestion}`;
}

/**
 * One step's line of the report: its figures once answered; else why not: skipped by the
 * candidate, deleted during the session, or never reached because the interview was ended.
 */
export function StepFigures({
  step,
  ended,
}: {
  step: ReportStep;
  ended?: PracticeReport["ended"] | undefined;
}) {
  if (!gaveAnswer(step))
    return (
      <p className="muted" data-state={step.state}>
        {step.state === "removed"
          ? "Deleted from your bank during the session: skipped."
          : step.afterPeek === "skipped"
            ? "Peeked at the prepared answer, then skipped."
            : step.afterPeek === "ended"
              ? "Peeked at the prepared answer; the interview was ended here."
              : step.state === "peeked"
                ? "Peeked at the prepared answer; not answered."
                : step.state === "not-reached"
                  ? `Not reached: the interview was ended ${endedAfter(ended)}.`
                  : step.state === "skipped"
                    ? "Skipped."
                    : step.state === "unanswered"
                      ? // Finished before derisk recorded an early end: a skip and a question never reached look alike.
                        "Not answered."
                      : "Not answered yet."}
      </p>
    );
  const peeked = step.state === "peeked";
  return (
    <p className="practice-figures" data-state={step.state}>
      {step.delivery === undefined ? (
        // Typing time is not speaking time: named as such, and not held against the spoken budget.
        <span data-testid="typed-time">
          typed in {formatDuration(step.usedSeconds ?? 0)} (the {formatDuration(step.budgetSeconds)} budget is
          for saying it aloud)
        </span>
      ) : (
        <span className={step.overBudget ? "over-budget" : ""}>
          {formatDuration(step.usedSeconds ?? 0)} of {formatDuration(step.budgetSeconds)}
        </span>
      )}
      {step.keyPoints !== undefined && (
        <span className="chip" data-testid="key-points">
          {step.keyPoints.covered} of {step.keyPoints.total} key points covered
        </span>
      )}
      {step.score !== undefined && (
        // A score read after a peek is shown, muted and named so: not a clean answer's.
        <span className={`question-score${peeked ? " is-peeked" : ""}`} data-score={step.score}>
          {step.score}
          <span className="score-of">/5</span>
          <span className="visually-hidden">
            , {SCORE_TEXT[step.score]}
            {peeked ? ", after peeking" : ""}
          </span>
        </span>
      )}
      {step.notScored !== undefined && (
        <span className="chip" data-testid="not-scored">
          {notScoredLabel(step.notScored)}
        </span>
      )}
      {step.rating !== undefined && <span className="chip">rated {step.rating}</span>}
      {peeked ? (
        <span className="chip chip-peeked" data-testid="peeked">
          peeked: not a clean answer
        </span>
      ) : (
        step.peeked && <span className="chip">peeked</span>
      )}
      {step.delivery !== undefined && (
        <span className="chip" title={describeDelivery(step.delivery).join(" ")}>
          spoken · {step.delivery.pauses} {step.delivery.pauses === 1 ? "pause" : "pauses"} over{" "}
          {step.delivery.pauseMinMs / 1000} s
        </span>
      )}
    </p>
  );
}

/** A step with an answer given: clean, or after a peek at the prepared answer. */
function gaveAnswer(step: ReportStep): boolean {
  return step.state === "answered" || step.afterPeek === "answered";
}

/** Every attempt of an answer, oldest first: the score over time. */
function HistoryList({ id }: { id: string }) {
  const [history, setHistory] = useState<AttemptHistory | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <div className="practice-history">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        onClick={() => {
          setOpen((was) => !was);
          if (history === null)
            practiceApi.history(id).then(setHistory, (e: unknown) => setError(describeError(e)));
        }}
      >
        {open ? "Hide attempt history" : "Attempt history"}
      </button>
      {open && error !== null && <ErrorMessage title="Couldn't load the history" error={error} />}
      {open && history !== null && (
        <ol className="practice-history-list">
          {history.attempts
            .filter((a) => a.finishedAt !== undefined)
            .map((attempt) => (
              <li key={attempt.id}>
                <span>{new Date(attempt.startedAt).toLocaleString()}</span>
                <span>{formatDuration(attempt.durationSeconds)}</span>
                <span>{attempt.words} words</span>
                <span className="practice-history-bar" aria-hidden="true">
                  <span style={{ width: `${((attempt.score ?? 0) / 5) * 100}%` }} />
                </span>
                <span>
                  {attempt.score !== undefined
                    ? `${attempt.score}/5`
                    : attempt.notScored !== undefined
                      ? notScoredLabel(attempt.notScored)
                      : "no score"}
                </span>
                {attempt.rating !== undefined && <span className="chip">{attempt.rating}</span>}
                {attempt.mode === "spoken" && (
                  <span className="chip">{attempt.hasRecording ? "spoken, recording kept" : "spoken"}</span>
                )}
              </li>
            ))}
        </ol>
      )}
    </div>
  );
}

/**
 * The report's head figures: questions answered (follow-ups apart, as the terminal counts them),
 * the time, and the mean score (out of 5) and/or the key points covered. Typed answers' time is typing time,
 * named so and not coloured against the spoken budget.
 */
export function ReportFigures({ report }: { report: PracticeReport }) {
  // Every answer given, clean or after a peek: the time was spent either way.
  const answered = report.steps.filter(gaveAnswer);
  const used = answered.reduce((sum, s) => sum + (s.usedSeconds ?? 0), 0);
  const usedAfterPeek = answered
    .filter((s) => s.state === "peeked")
    .reduce((sum, s) => sum + (s.usedSeconds ?? 0), 0);
  const budget = answered.reduce((sum, s) => sum + s.budgetSeconds, 0);
  // The mean is of clean answers: an answer given after reading the prepared one is no recall.
  const scores = answered.flatMap((s) => (s.score === undefined || s.state === "peeked" ? [] : [s.score]));
  const peekedScores = answered.filter((s) => s.state === "peeked" && s.score !== undefined).length;
  const mean = scores.length === 0 ? undefined : scores.reduce((a, b) => a + b, 0) / scores.length;
  // A drill is judged by key points, not by the behavioral lens's score.
  const drilled = answered.flatMap((s) => (s.keyPoints === undefined ? [] : [s.keyPoints]));
  const points =
    drilled.length === 0
      ? undefined
      : {
          covered: drilled.reduce((sum, k) => sum + k.covered, 0),
          total: drilled.reduce((sum, k) => sum + k.total, 0),
        };
  const questions = report.steps.filter((s) => s.kind === "question");
  const clean = questions.filter((s) => s.answered).length;
  const peeked = questions.filter((s) => s.state === "peeked").length;
  const followUps = answered.filter((s) => s.kind === "follow-up" && s.answered).length;
  const typed = answered.every((s) => s.delivery === undefined);
  const grid = (
    <div className="stat-grid">
      <div className="stat">
        <span className="stat-value">
          {clean}/{questions.length}
        </span>
        <span className="stat-label">
          {questions.length === 1 ? "question" : "questions"} answered
          {followUps > 0 && ` + ${followUps} ${followUps === 1 ? "follow-up" : "follow-ups"}`}
        </span>
      </div>
      {peeked > 0 && (
        // Counted apart: a question answered or passed after reading its prepared answer.
        <div className="stat" data-testid="peeked-count">
          <span className="stat-value">{peeked}</span>
          <span className="stat-label">peeked at the prepared answer, not counted as answered</span>
        </div>
      )}
      <div className="stat">
        {answered.length === 0 ? (
          // Nothing answered: no time to set against a budget ("0 s used of 0 s" said nothing).
          <>
            <span className="stat-value">–</span>
            <span className="stat-label">time used: nothing answered</span>
          </>
        ) : (
          <>
            <span className={`stat-value${!typed && used > budget ? " over-budget" : ""}`}>
              {formatDuration(used)}
            </span>
            <span className="stat-label">
              {typed
                ? `typing time (the ${formatDuration(budget)} budget is for saying it aloud)`
                : `used of ${formatDuration(budget)}`}
              {usedAfterPeek > 0 && `, ${formatDuration(usedAfterPeek)} of it after peeking`}
            </span>
          </>
        )}
      </div>
      {/* A session of answers and technical questions (Cards due) has both figures; a drill only key points. */}
      {(points === undefined || mean !== undefined) && (
        <div className="stat">
          <span className="stat-value">{mean === undefined ? "–" : mean.toFixed(1)}</span>
          <span className="stat-label">
            {scores.length > 0 && points !== undefined
              ? `mean score out of 5, of ${scores.length} ${scores.length === 1 ? "answer" : "answers"}`
              : "mean score out of 5"}
            {peekedScores > 0 && (scores.length > 0 ? ", clean answers only" : ": no clean answer")}
          </span>
        </div>
      )}
      {points !== undefined && (
        <div className="stat">
          <span className="stat-value">
            {points.covered}/{points.total}
          </span>
          <span className="stat-label">key points covered</span>
        </div>
      )}
    </div>
  );
  if (report.ended === undefined) return grid;
  // Said before the figures: "1/3 answered" alone reads as two questions skipped.
  return (
    <>
      <p className="practice-ended" data-testid="ended-early">
        Ended early, {endedAfter(report.ended)}: {clean} of {questions.length}{" "}
        {questions.length === 1 ? "question" : "questions"} answered{peeked > 0 ? `, ${peeked} peeked` : ""}.
      </p>
      {grid}
    </>
  );
}
