import { answerText } from "../../../src/core/answer-text.ts";
import { notScoredTitle } from "../../../src/core/attempt-score.ts";
import { stripMarkup } from "../../../src/core/markup.ts";
import { type RoleId, STAR_PARTS } from "../../../src/core/model.ts";
import type { AnswerEntry } from "../library.ts";
import { formatDuration } from "../library.ts";
import { plural } from "../report.ts";
import { useAnalysis } from "../use-analysis.ts";
import {
  FOLLOW_UP_CHECK_NAMES,
  levelText,
  PART_NAMES,
  RUBRIC_NAMES,
  SCORE_TEXT,
  SIGNALS,
} from "./RiskLens.tsx";

/**
 * The variants of one question side by side, each with its own analysis: which one to say
 * is a choice between measured trade-offs (score, time, the five risks, the STAR parts).
 */
export function VariantComparison({
  question,
  variants,
  role,
}: {
  question: string;
  variants: AnswerEntry[];
  role: RoleId | undefined;
}) {
  return (
    <section className="variant-compare" aria-label="Variants side by side">
      {variants.map((variant) => (
        <VariantColumn key={variant.id} question={question} variant={variant} role={role} />
      ))}
    </section>
  );
}

function VariantColumn({
  question,
  variant,
  role,
}: {
  question: string;
  variant: AnswerEntry;
  role: RoleId | undefined;
}) {
  const state = useAnalysis(answerText(variant), {
    question,
    ...(role === undefined ? {} : { role }),
    ...(variant.budgetSeconds === undefined ? {} : { budgetSeconds: variant.budgetSeconds }),
  });
  const analysis =
    state.state === "ready" ? state.analysis : state.state === "loading" ? state.previous : null;
  return (
    <article className="card variant-column" aria-busy={state.state === "loading"}>
      <h3 className="variant-column-title">{variant.variant}</h3>
      {analysis === null ? (
        <p className="muted">{state.state === "error" ? state.error.message : "Analysing…"}</p>
      ) : (
        <>
          {analysis.language !== undefined ? (
            // Another language: the lens does not score it, so no 1/5 stands beside the others.
            <p className="variant-column-score" data-testid="variant-not-scored">
              <strong>{notScoredTitle(analysis.language.name)}</strong> (the risk lens reads English only)
            </p>
          ) : (
            <p className="variant-column-score">
              <strong>{analysis.labels.overall}/5</strong> {SCORE_TEXT[analysis.labels.overall]}
            </p>
          )}
          <p className="muted">
            {plural(analysis.timing.words, "word", "words")} · ≈ {formatDuration(analysis.timing.seconds)} (
            {analysis.timing.status})
          </p>
          {/* Another language: no signal or part is read from words the lens does not know. */}
          {analysis.language === undefined && (
            <dl className="variant-column-signals">
              {SIGNALS.map((signal) => (
                <div key={signal.id}>
                  <dt>{signal.name}</dt>
                  <dd>{levelText(signal.id, analysis.signals[signal.id].level)}</dd>
                </div>
              ))}
              {analysis.followUp !== undefined ? (
                <div>
                  <dt>Follow-up reply: met</dt>
                  <dd>
                    {analysis.followUp.checks
                      .filter((check) => check.met)
                      .map((check) => FOLLOW_UP_CHECK_NAMES[check.id])
                      .join(", ") || "none"}
                  </dd>
                </div>
              ) : analysis.nonStory !== undefined ? (
                <div>
                  <dt>Not a story: met</dt>
                  <dd>
                    {analysis.nonStory.checks
                      .filter((check) => check.met)
                      .map((check) => RUBRIC_NAMES[check.id])
                      .join(", ") || "none"}
                  </dd>
                </div>
              ) : (
                <div>
                  <dt>STAR parts</dt>
                  <dd>
                    {STAR_PARTS.filter((part) => analysis.star.parts[part].present)
                      .map((part) => PART_NAMES[part])
                      .join(", ") || "none"}
                  </dd>
                </div>
              )}
            </dl>
          )}
        </>
      )}
      <p className="variant-column-text">{stripMarkup(variant.text)}</p>
    </article>
  );
}
