import {
  type FollowUpCheckId,
  type FollowUpKind,
  levelText,
  type RubricCheckId,
  SIGNAL_NAMES,
  starPartText,
} from "../../../src/core/analysis/types.ts";
import { STAR_PARTS, type StarPart } from "../../../src/core/model.ts";
import type { Analysis } from "../api.ts";
import { formatDuration } from "../library.ts";
import type { AnalysisState } from "../use-analysis.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

/** The five risks and their levels in words, shared with the CLI (src/core/analysis/types.ts). */
export const SIGNALS = SIGNAL_NAMES;
export { levelText };

export const PART_NAMES: Record<StarPart, string> = {
  situation: "Situation",
  task: "Task",
  action: "Action",
  result: "Result",
  lesson: "Lesson",
};

/** The rubric of questions that are not stories (LABELING.md), as the lens names it. */
export const RUBRIC_NAMES: Record<RubricCheckId, string> = {
  answers: "Answers the question",
  specific: "Specific",
  fit: "Fits the role",
  arc: "Clear arc",
  ending: "Inviting ending",
  length: "Length in budget",
};

/** The rubric of replies to follow-up questions (src/core/analysis/follow-up.ts). */
export const FOLLOW_UP_CHECK_NAMES: Record<FollowUpCheckId, string> = {
  answers: "Answers the follow-up",
  direct: "Says it first",
  specific: "Specific",
  owned: "Your own part",
  "blame-free": "No blame",
  length: "Length in budget",
};

/** What each kind of follow-up asks for, as the rubric's heading says it. */
const FOLLOW_UP_ASKS: Record<FollowUpKind, string> = {
  fit: "why this role",
  timing: "why now",
  reflection: "what you'd do differently",
  part: "for your own part",
  experience: "about your experience",
  approach: "how you'd handle it",
  measure: "how it was measured",
  reasoning: "why",
  outcome: "what happened next",
  people: "how people took it",
  difficulty: "what was hard",
  other: "",
};

export const SCORE_TEXT = ["", "Raises risk", "Weak", "Fair", "Good", "Excellent"];

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * The risk lens beside an answer: overall score, the five signals with their evidence, timing
 * against the budget, STAR balance, role fit and the three fixes, each pointing at a sentence.
 */
export function RiskLens({
  state,
  title = "Risk lens",
  onGoToSentence,
}: {
  state: AnalysisState;
  title?: string;
  /** Where the text is editable: selects a fix's sentence in it (UTF-16 offsets). */
  onGoToSentence?: (start: number, end: number) => void;
}) {
  const analysis =
    state.state === "ready" ? state.analysis : state.state === "loading" ? state.previous : null;
  return (
    <section className="lens card" aria-labelledby="lens-title" aria-busy={state.state === "loading"}>
      <header className="lens-header">
        <h2 id="lens-title" className="lens-title">
          {title}
        </h2>
        <span className="lens-status" role="status">
          {state.state === "loading" && "Updating…"}
        </span>
      </header>
      {state.state === "error" && <ErrorMessage title="The analysis failed" error={state.error} />}
      {state.state === "idle" && (
        <p className="muted">Write an answer to see how it lowers the interviewer’s risk.</p>
      )}
      {analysis === null && state.state === "loading" && <div className="skeleton lens-skeleton" />}
      {analysis !== null && (
        <LensBody analysis={analysis} {...(onGoToSentence === undefined ? {} : { onGoToSentence })} />
      )}
    </section>
  );
}

/**
 * The risk that most needs work: a risk shown (blame), else (for a question that is not a
 * story) the first point of its rubric not met, else the first strength not shown.
 */
function topRisk(analysis: Analysis): string | undefined {
  const risky = SIGNALS.find((signal) => analysis.signals[signal.id].level === "risk");
  if (risky) return `Risk: ${risky.name.toLowerCase()}`;
  if (analysis.followUp !== undefined) {
    const unmet = analysis.followUp.checks.find((check) => !check.met);
    return unmet ? `To work on: ${FOLLOW_UP_CHECK_NAMES[unmet.id].toLowerCase()}` : undefined;
  }
  if (analysis.nonStory !== undefined) {
    const unmet = analysis.nonStory.checks.find((check) => !check.met);
    return unmet ? `To work on: ${RUBRIC_NAMES[unmet.id].toLowerCase()}` : undefined;
  }
  const missing = SIGNALS.find((signal) => !signal.risk && analysis.signals[signal.id].level === "absent");
  return missing ? `Not shown: ${missing.name.toLowerCase()}` : undefined;
}

/**
 * One line of the lens (score and the top risk) that stays in sight above the text while
 * typing on a narrow screen, where the full lens sits below the editor.
 */
export function LensSummary({ state, lensId }: { state: AnalysisState; lensId: string }) {
  const analysis =
    state.state === "ready" ? state.analysis : state.state === "loading" ? state.previous : null;
  const score = analysis?.overall.score;
  const risk = analysis === null ? undefined : topRisk(analysis);
  return (
    <div className="lens-summary" data-score={analysis?.language === undefined ? score : undefined}>
      {analysis === null || score === undefined ? (
        <span className="muted">
          {state.state === "error"
            ? "The analysis failed"
            : state.state === "loading"
              ? "Risk lens: analysing…"
              : "Risk lens: write to see the score"}
        </span>
      ) : analysis.language !== undefined ? (
        <span className="lens-summary-risk" data-testid="lens-not-english">
          Not scored: reads as {analysis.language.name} (the lens reads English only)
        </span>
      ) : (
        <>
          <span className="lens-summary-score">
            {score}/5 <span className="lens-summary-label">{SCORE_TEXT[score]}</span>
          </span>
          <span className="lens-summary-risk">{risk ?? "All five risks covered"}</span>
        </>
      )}
      <a
        className="lens-summary-more"
        href={`#${lensId}`}
        onClick={(event) => {
          // The hash is the router's: scroll without touching it.
          event.preventDefault();
          globalThis.document.getElementById(lensId)?.scrollIntoView({ block: "start" });
        }}
      >
        Full lens
      </a>
    </div>
  );
}

function LensBody({
  analysis,
  onGoToSentence,
}: {
  analysis: Analysis;
  onGoToSentence?: (start: number, end: number) => void;
}) {
  const { timing } = analysis;
  const score = analysis.overall.score;
  const scale = Math.max(timing.budget.max * 1.25, timing.seconds, 1);
  // Another language: no score, part or signal is shown (each would read words the lens
  // does not know), only what it is and what to do.
  if (analysis.language !== undefined)
    return (
      <div className="lens-body">
        <div className="lens-block lens-block-wide" data-testid="lens-not-english">
          <h3 className="lens-subtitle">Not scored: this answer reads as {analysis.language.name}</h3>
          <p>
            The risk lens reads English only, so its labels and score do not apply. Write the answer in
            English to have it analysed.
          </p>
        </div>
      </div>
    );
  return (
    <div className="lens-body">
      <div className="lens-score" data-score={score}>
        <span className="score-value">
          {score}
          <span className="score-max">/5</span>
        </span>
        <span>
          <span className="score-label">{SCORE_TEXT[score]}</span>
          {analysis.overall.reasons.length > 0 && (
            <span className="score-reasons">{analysis.overall.reasons.slice(0, 3).join(" · ")}</span>
          )}
        </span>
      </div>

      <div className="lens-block">
        <h3 className="lens-subtitle">Five risks</h3>
        <ul className="signal-list">
          {SIGNALS.map((signal) => {
            const report = analysis.signals[signal.id];
            const quote = report.evidence[0]?.quote;
            const reason = report.reasons[0];
            return (
              <li key={signal.id} className="signal">
                <span className="signal-name">{signal.name}</span>
                <span className={`signal-level level-${report.level}${signal.risk ? " is-risk" : ""}`}>
                  {levelText(signal.id, report.level)}
                </span>
                {report.level !== "absent" &&
                  (quote !== undefined ? (
                    <q className="signal-quote">{quote}</q>
                  ) : (
                    reason !== undefined && <span className="signal-reason muted">{reason}</span>
                  ))}
              </li>
            );
          })}
        </ul>
        {(analysis.nonStory !== undefined || analysis.followUp !== undefined) && (
          <p className="lens-note" data-testid="risks-not-expected">
            {analysis.followUp !== undefined ? "A follow-up reply" : "An answer of this kind"} need not show
            these: it is judged on the checks below. A blaming line still counts against it.
          </p>
        )}
      </div>

      <div className="lens-block">
        <h3 className="lens-subtitle">
          Timing <span className={`timing-status status-${timing.status}`}>{timing.status}</span>
        </h3>
        <div
          className="timing-bar"
          role="img"
          aria-label={`${formatDuration(timing.seconds)} spoken; budget ${formatDuration(timing.budget.min)} to ${formatDuration(timing.budget.max)}`}
        >
          <span
            className="timing-window"
            style={{
              left: `${(timing.budget.min / scale) * 100}%`,
              width: `${((timing.budget.max - timing.budget.min) / scale) * 100}%`,
            }}
          />
          <span
            className={`timing-fill status-${timing.status}`}
            style={{ width: `${(timing.seconds / scale) * 100}%` }}
          />
        </div>
        <p className="lens-caption">
          {/* Each figure stays on one line: "2 min" above "30 s" read as two budgets. */}
          <span className="lens-figure">
            ≈ {formatDuration(timing.seconds)} at {timing.wordsPerMinute} wpm
          </span>{" "}
          · budget{" "}
          <span className="lens-figure" data-testid="lens-budget">
            {formatDuration(timing.budget.min)}–{formatDuration(timing.budget.max)}
          </span>
        </p>
      </div>

      {analysis.followUp !== undefined ? (
        <RubricList
          title={
            analysis.followUp.kind === "other"
              ? "A follow-up reply: judged on"
              : `A follow-up reply (it asks ${FOLLOW_UP_ASKS[analysis.followUp.kind]}): judged on`
          }
          checks={analysis.followUp.checks.map((check) => ({
            ...check,
            name: FOLLOW_UP_CHECK_NAMES[check.id],
          }))}
        />
      ) : analysis.nonStory !== undefined ? (
        <RubricList
          title="Not a story: judged on"
          checks={analysis.nonStory.checks.map((check) => ({ ...check, name: RUBRIC_NAMES[check.id] }))}
        />
      ) : (
        <StarBalance analysis={analysis} />
      )}

      {analysis.roleFit !== undefined && analysis.roleFit.mix !== "none" && (
        <div className="lens-block">
          <h3 className="lens-subtitle">Role fit</h3>
          <div
            className="fit-bar"
            role="img"
            aria-label={`${percent(analysis.roleFit.core)} core role skills`}
          >
            <span className="fit-core" style={{ width: percent(analysis.roleFit.core) }} />
          </div>
          <p className="lens-caption">
            {percent(analysis.roleFit.core)} core to the role · {percent(analysis.roleFit.adjacent)} adjacent
          </p>
          {analysis.roleFit.suggestion !== undefined && (
            <p className="lens-caption">{analysis.roleFit.suggestion}</p>
          )}
        </div>
      )}

      {analysis.fixes.length > 0 && (
        <div className="lens-block lens-block-wide">
          <h3 className="lens-subtitle">Top fixes</h3>
          <ol className="fix-list">
            {analysis.fixes.slice(0, 3).map((fix) => (
              <li key={`${fix.index}-${fix.action}`} className="fix">
                <p>{fix.action}</p>
                <q className="fix-quote">{fix.quote}</q>
                {onGoToSentence !== undefined && analysis.sentences[fix.index] !== undefined && (
                  <button
                    type="button"
                    className="button button-small fix-go"
                    onClick={() => {
                      const sentence = analysis.sentences[fix.index];
                      if (sentence) onGoToSentence(sentence.start, sentence.end);
                    }}
                  >
                    Go to sentence {fix.index + 1}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}

      {analysis.concerns.length > 0 && (
        <div className="lens-block lens-block-wide">
          <h3 className="lens-subtitle">Might sound like</h3>
          <ul className="fix-list">
            {analysis.concerns.map((concern) => (
              <li key={concern.id} className="fix">
                <p>
                  <q>{concern.judgement}</q> — {concern.reframe}
                </p>
                {concern.evidence[0] && <q className="fix-quote">{concern.evidence[0].quote}</q>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** STAR balance: each part's share of speaking time, and which parts are missing. */
function StarBalance({ analysis }: { analysis: Analysis }) {
  return (
    <div className="lens-block">
      <h3 className="lens-subtitle">STAR balance</h3>
      <div className="star-bar" role="img" aria-label={starLabel(analysis)}>
        {STAR_PARTS.map((part) =>
          analysis.star.parts[part].share > 0 ? (
            <span
              key={part}
              className={`star-seg seg-${part}`}
              style={{ width: percent(analysis.star.parts[part].share) }}
            />
          ) : null,
        )}
      </div>
      <ul className="star-legend">
        {STAR_PARTS.map((part) => {
          const p = analysis.star.parts[part];
          // Sentences read as the part while the answer does not count it: weak, not missing. A
          // part the answer has with no sentence of its own is weak too, never "0%".
          const state = p.present
            ? p.words > 0
              ? undefined
              : "is-weak"
            : p.words > 0
              ? "is-weak"
              : "is-missing";
          return (
            <li key={part} className={state} data-part={part}>
              <span className={`legend-dot seg-${part}`} aria-hidden="true" />
              {PART_NAMES[part]} {starPartText(p)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * For a question that is not a story (about me, motivation…) or a reply to a follow-up: the
 * rubric the score reads instead of STAR, each point met or to work on, with the sentence that
 * shows it.
 */
function RubricList({
  title,
  checks,
}: {
  title: string;
  checks: Array<{ id: string; name: string; met: boolean; note: string; evidence: Array<{ quote: string }> }>;
}) {
  return (
    <div className="lens-block">
      <h3 className="lens-subtitle">{title}</h3>
      <ul className="signal-list rubric-list">
        {checks.map((check) => (
          <li key={check.id} className="signal rubric-check" data-check={check.id}>
            <span className="signal-name">{check.name}</span>
            <span className={`signal-level ${check.met ? "level-strong" : "level-absent"}`}>
              {check.met ? "Yes" : "To work on"}
            </span>
            <span className="rubric-note">{check.note}</span>
            {check.met && check.evidence[0] !== undefined && (
              <q className="signal-quote">{check.evidence[0].quote}</q>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function starLabel(analysis: Analysis): string {
  return STAR_PARTS.map((part) => `${PART_NAMES[part]} ${starPartText(analysis.star.parts[part])}`).join(
    ", ",
  );
}
