import { stripMarkup } from "../../../src/core/markup.ts";
import type { ConcernEntry, FollowUpEntry } from "../library.ts";
import { formatDuration } from "../library.ts";
import { route } from "../links.ts";
import { Icon } from "./Icon.tsx";
import { TextBlock } from "./TextBlock.tsx";

/** The likely next questions, each with the prepared answer, or a pointer to one with its time budget. */
export function FollowUps({ followUps }: { followUps: FollowUpEntry[] }) {
  if (followUps.length === 0) return null;
  return (
    <section className="followups" aria-labelledby="followups-title">
      <h3 id="followups-title" className="section-title">
        Follow-ups you prepared <span className="count">{followUps.length}</span>
      </h3>
      <ol className="followup-list">
        {followUps.map((followUp) => (
          <li key={followUp.id} className="followup">
            <p className="followup-question">{followUp.question}</p>
            {followUp.pointer ? (
              <p className="followup-pointer">
                <span className="pointer-label">Points to</span> {followUp.answer}
                {followUp.budgetSeconds !== undefined && (
                  <span className="chip chip-time">{formatDuration(followUp.budgetSeconds)}</span>
                )}
              </p>
            ) : (
              <div className="followup-answer">
                <TextBlock text={followUp.answer} />
                <div className="followup-meta">
                  {followUp.budgetSeconds !== undefined && (
                    <span className="chip chip-time">{formatDuration(followUp.budgetSeconds)}</span>
                  )}
                  <a className="link-button" href={route.edit(followUp.id)}>
                    <Icon name="edit" size={15} />
                    Edit<span className="visually-hidden"> the answer to “{followUp.question}”</span>
                  </a>
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Judgements to avoid, each with the candidate's own reframing lines. */
export function Concerns({ concerns }: { concerns: ConcernEntry[] }) {
  if (concerns.length === 0) return null;
  return (
    <section className="concerns" aria-labelledby="concerns-title">
      <h3 id="concerns-title" className="section-title">
        Concern to avoid {concerns.length > 1 && <span className="count">{concerns.length}</span>}
      </h3>
      {concerns.map((concern) => (
        <div key={concern.id} className="concern">
          <p className="concern-judgement">
            <Icon name="alert" />
            <span>
              Don’t let them think <q>{concern.judgement}</q>
            </span>
          </p>
          {concern.reframes.length > 0 && (
            <>
              <p className="concern-say">Frame it like:</p>
              <ul className="reframes">
                {concern.reframes.map((line) => (
                  <li key={line} className="reframe">
                    {stripMarkup(line)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
