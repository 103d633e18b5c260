import { stripMarkup } from "../../../src/core/markup.ts";
import type { StoredOf } from "../api.ts";
import { EmptyState } from "./EmptyState.tsx";
import { TextBlock } from "./TextBlock.tsx";

/** The private journal: the conversation as it happened, then the reframes worth keeping. */
export function ReflectionView({ reflections }: { reflections: StoredOf<"reflection">[] }) {
  if (reflections.length === 0) {
    return (
      <EmptyState icon="book" title="No reflection in this document">
        <p className="muted">
          A journal entry about a hard episode, with the reframes you drew from it, shows here.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="reflections">
      {reflections.map((reflection, index) => (
        <article key={reflection.id} className="card reflection" aria-labelledby={`reflection-${index}`}>
          <h2 id={`reflection-${index}`}>{reflection.title ?? "Reflection"}</h2>
          <div className="turns">
            {reflection.turns.map((turn, turnIndex) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: turns never reorder; the position is the identity.
                key={turnIndex}
                className={`turn ${turnIndex % 2 === 0 ? "turn-self" : "turn-other"}`}
              >
                <p className="turn-speaker">
                  <span className="avatar" aria-hidden="true">
                    {turn.speaker.slice(0, 1).toUpperCase()}
                  </span>
                  {turn.speaker}
                </p>
                <TextBlock text={turn.text} />
              </div>
            ))}
          </div>
          {reflection.reframes.length > 0 && (
            <section className="reframe-box" aria-labelledby={`reframes-${index}`}>
              <h3 id={`reframes-${index}`} className="section-title">
                Reframes to keep
              </h3>
              <ul className="reframes">
                {reflection.reframes.map((line) => (
                  <li key={line} className="reframe">
                    {stripMarkup(line)}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </article>
      ))}
    </div>
  );
}
