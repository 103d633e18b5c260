import { stripMarkup } from "../../../src/core/markup.ts";
import type { StoredOf } from "../api.ts";
import { formatLines } from "../library.ts";
import { route } from "../links.ts";
import { EmptyState } from "./EmptyState.tsx";

/** Résumé-style achievement lines from the document: raw material to turn into stories. */
export function AccomplishmentsView({ accomplishments }: { accomplishments: StoredOf<"accomplishment">[] }) {
  if (accomplishments.length === 0) {
    return (
      <EmptyState icon="book" title="No accomplishments in this document">
        <p className="muted">
          Achievement bullets such as “Reduced deployment time from 2 weeks to 3 days” show here, ready to
          become stories.
        </p>
      </EmptyState>
    );
  }
  return (
    <section className="accomplishments" aria-labelledby="accomplishments-title">
      <h2 id="accomplishments-title" className="visually-hidden">
        Accomplishments
      </h2>
      <p className="muted">
        Achievement lines from your notes. Each one is the result of a story:{" "}
        <a href={route.newStory()}>write the story behind it</a> so it can answer a question.
      </p>
      <ul className="plain-list accomplishment-list">
        {accomplishments.map((item) => (
          <li key={item.id} className="card accomplishment">
            <p>{stripMarkup(item.text)}</p>
            <p className="muted">
              <span className="chip">
                {item.lines.start === item.lines.end ? "Line" : "Lines"} {formatLines(item.lines)}
              </span>{" "}
              {item.metrics.length > 0 ? (
                <>figures: {item.metrics.join(", ")}</>
              ) : (
                <>no figure yet: by how much?</>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
