import { forwardRef, useId } from "react";
import { LANGUAGE_NAMES } from "../../../src/core/analysis/language.ts";
import { type AnswerScoreReading, notScoredLabel, notScoredTitle } from "../../../src/core/attempt-score.ts";
import { matchesFilter, type QuestionGroup, type SectionGroup } from "../library.ts";
import { route } from "../links.ts";
import { Icon } from "./Icon.tsx";

interface Props {
  documentId: string;
  sections: SectionGroup[];
  selected: QuestionGroup | null;
  filter: string;
  onFilterChange: (value: string) => void;
  /** The analyzer's overall score of each answer, by answer id, once known. */
  scores?: ReadonlyMap<string, AnswerScoreReading>;
}

/** Questions grouped by the document's own sections, numbered as written; the filter input takes "/". */
export const QuestionList = forwardRef<HTMLInputElement, Props>(function QuestionList(
  { documentId, sections, selected, filter, onFilterChange, scores },
  filterRef,
) {
  const filterId = useId();
  const visible = sections
    .map((section) => ({ ...section, questions: section.questions.filter((q) => matchesFilter(q, filter)) }))
    .filter((section) => section.questions.length > 0);
  return (
    <nav className="question-list" aria-label="Questions">
      <div className="filter">
        <label htmlFor={filterId} className="visually-hidden">
          Filter questions
        </label>
        <Icon name="search" />
        <input
          ref={filterRef}
          id={filterId}
          type="search"
          className="filter-input"
          placeholder="Filter questions"
          value={filter}
          onChange={(event) => onFilterChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              onFilterChange("");
              event.currentTarget.blur();
            }
          }}
        />
        <span className="filter-kbd" aria-hidden="true">
          <kbd>/</kbd>
        </span>
      </div>
      {visible.length === 0 && <p className="muted list-empty">No question matches “{filter}”.</p>}
      {visible.map((section, sectionIndex) => (
        <div key={section.title ?? `untitled-${sectionIndex}`} className="question-section">
          {section.title !== null && <h2 className="question-section-title">{section.title}</h2>}
          <ul>
            {section.questions.map((group) => {
              const first = group.variants[0];
              if (first === undefined) return null;
              const current = selected?.questionKey === group.questionKey;
              return (
                <li key={group.questionKey}>
                  <a
                    className="question-link"
                    href={route.library(documentId, first.id)}
                    aria-current={current ? "page" : undefined}
                  >
                    {group.number !== undefined && <span className="question-number">{group.number}</span>}
                    <span className="question-text">{group.question}</span>
                    <AnswerScore score={scores?.get(first.id)} />
                    {group.variants.length > 1 && (
                      <span className="question-variants" title={`${group.variants.length} variants`}>
                        {group.variants.length}
                        <span className="visually-hidden"> variants</span>
                      </span>
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
});

const SCORE_WORDS = ["", "raises risk", "weak", "fair", "good", "excellent"];

/**
 * A fixed-width slot from the first paint, so the score arriving later moves nothing. An answer in
 * another language shows its language's code instead of a number: the lens does not score it.
 */
export function AnswerScore({ score: reading }: { score: AnswerScoreReading | undefined }) {
  if (reading === undefined) return <span className="question-score" aria-hidden="true" />;
  if ("notScored" in reading)
    return (
      <span
        className="question-score"
        data-not-scored={reading.notScored}
        title={`${notScoredTitle(reading.notScored)}: the risk lens reads English only`}
      >
        <span aria-hidden="true">{languageCode(reading.notScored)}</span>
        <span className="visually-hidden">{notScoredLabel(reading.notScored)}</span>
      </span>
    );
  const { score } = reading;
  return (
    <span
      className="question-score"
      data-score={score}
      title={`Risk-lens score ${score} of 5: ${SCORE_WORDS[score]}`}
    >
      {score}
      <span className="score-of">/5</span>
      <span className="visually-hidden">, {SCORE_WORDS[score]}</span>
    </span>
  );
}

/** "French" → "FR": the language's code where the name is known, else its first two letters. */
function languageCode(name: string): string {
  const code = Object.entries(LANGUAGE_NAMES).find(([, n]) => n === name)?.[0] ?? name.slice(0, 2);
  return code.toUpperCase();
}
