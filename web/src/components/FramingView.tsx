import type { StoredOf } from "../api.ts";
import { EmptyState } from "./EmptyState.tsx";
import { TextBlock } from "./TextBlock.tsx";

/** PRODUCT.md's five risks, recognised in the document's own wording of each question. */
const RISKS: { name: string; pattern: RegExp; lowers: string }[] = [
  {
    name: "Ambiguity",
    pattern: /ambigu|unclear|uncertain/i,
    lowers: "names unknowns, states assumptions, decides anyway",
  },
  {
    name: "Spinning",
    pattern: /spin|wander|random/i,
    lowers: "a clear path: hypothesis → check → fix, and a result",
  },
  { name: "Blame", pattern: /blame/i, lowers: "owns their part and credits others fairly" },
  {
    name: "Hand-holding",
    pattern: /hand-?holding|without being told|ship/i,
    lowers: "“I decided / I built / I shipped”",
  },
  { name: "Systems", pattern: /system|root cause/i, lowers: "root cause, prevention, trade-offs" },
];

function riskOf(question: string): (typeof RISKS)[number] | undefined {
  return RISKS.find((risk) => risk.pattern.test(question));
}

/** The risk lens as the document states it: what the interviewer is quietly asking. */
export function FramingView({ framings }: { framings: StoredOf<"framing">[] }) {
  if (framings.length === 0) {
    return (
      <EmptyState icon="info" title="No framing in this document">
        <p className="muted">
          A list of the questions interviewers quietly ask (“Will this person collapse under ambiguity?”)
          shows here.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="framings">
      {framings.map((framing, index) => (
        <article key={framing.id} className="card framing" aria-labelledby={`framing-${index}`}>
          <h2 id={`framing-${index}`}>{framing.title}</h2>
          {framing.intro.trim() !== "" && <TextBlock className="framing-intro" text={framing.intro} />}
          <ol className="risk-list">
            {framing.questions.map((question) => {
              const risk = riskOf(question);
              return (
                <li key={question} className="risk">
                  {risk && <span className="risk-name">{risk.name}</span>}
                  <p className="risk-question">{question}</p>
                  {risk && <p className="risk-lowers">What lowers it: {risk.lowers}</p>}
                </li>
              );
            })}
          </ol>
        </article>
      ))}
    </div>
  );
}
