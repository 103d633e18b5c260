import { useState } from "react";
import { stripMarkup } from "../../../src/core/markup.ts";
import { api, describeError, type StoredOf } from "../api.ts";
import { formatLines } from "../library.ts";
import { route } from "../links.ts";
import { navigate } from "../route.ts";
import { EmptyState } from "./EmptyState.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";

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
        Achievement lines from your notes. Each one is the result of a story: make it a story and write what
        led to it, or <a href={route.newStory()}>write a story from scratch</a>.
      </p>
      <ul className="plain-list accomplishment-list">
        {accomplishments.map((item) => (
          <Accomplishment key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function Accomplishment({ item }: { item: StoredOf<"accomplishment"> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  async function makeStory() {
    setBusy(true);
    setError(null);
    try {
      const { story } = await api.storyFromAnswer(item.id);
      navigate({ page: "stories", storyId: story.id });
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }
  return (
    <li className="card accomplishment">
      <p>{stripMarkup(item.text)}</p>
      <p className="muted">
        <span className="chip">
          {item.lines.start === item.lines.end ? "Line" : "Lines"} {formatLines(item.lines)}
        </span>{" "}
        {item.metrics.length > 0 ? <>figures: {item.metrics.join(", ")}</> : <>no figure yet: by how much?</>}
      </p>
      <button type="button" className="link-button" disabled={busy} onClick={() => void makeStory()}>
        {busy ? "Making a story…" : "Make a story"}
        <span className="visually-hidden"> from “{stripMarkup(item.text)}”</span>
      </button>
      {error !== null && <ErrorMessage title="Couldn't make a story from this line" error={error} />}
    </li>
  );
}
