import type { TechnicalGroup } from "../library.ts";
import { plural } from "../report.ts";
import { EmptyState } from "./EmptyState.tsx";
import { PracticeButton } from "./PracticeButton.tsx";

const COMPETENCY_LABELS: Record<string, string> = {
  "ml-concept": "ML concept",
  "ml-engineering": "ML engineering",
};

/** The technical question bank by section, key points folded so the user can self-test first. */
export function TechnicalBank({ groups }: { groups: TechnicalGroup[] }) {
  if (groups.length === 0) {
    return (
      <EmptyState icon="book" title="No technical questions in this document">
        <p className="muted">
          Sections such as “🧠 ML Foundations” followed by a list of questions are imported here.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="technical">
      {groups.map((group, groupIndex) => {
        const title = group.section?.title ?? "Technical questions";
        const headingId = `tech-${groupIndex}`;
        return (
          <section
            key={group.section?.id ?? `loose-${groupIndex}`}
            className="card tech-section"
            aria-labelledby={headingId}
          >
            <header className="tech-header">
              {group.section?.emoji !== undefined && (
                <span className="tech-emoji" aria-hidden="true">
                  {group.section.emoji}
                </span>
              )}
              <div>
                <h2 id={headingId}>{title}</h2>
                <p className="muted">
                  {plural(group.questions.length, "question", "questions")}
                  {group.section !== null &&
                    ` · ${COMPETENCY_LABELS[group.section.competency] ?? group.section.competency}`}
                </p>
              </div>
            </header>
            {group.section?.description !== undefined && (
              <p className="tech-description">{group.section.description}</p>
            )}
            <ol className="tech-questions">
              {group.questions.map((question) => (
                <li key={question.id} className="tech-question">
                  <p className="tech-question-text">{question.text}</p>
                  <PracticeButton id={question.id} className="link-button tech-practice" />
                  {question.keyPoints.length > 0 && (
                    <details className="key-points">
                      <summary>{plural(question.keyPoints.length, "key point", "key points")}</summary>
                      <ul>
                        {question.keyPoints.map((point) => (
                          <li key={point}>{point}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
