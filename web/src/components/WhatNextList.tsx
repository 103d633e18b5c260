import { useState } from "react";
import { type DocumentSummary, describeError } from "../api.ts";
import { route } from "../links.ts";
import { practiceApi, type WhatNextEntry, type WhatNextTarget } from "../practice-api.ts";
import { navigate } from "../route.ts";
import { useLoad } from "../use-load.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

const KIND_LABEL: Record<WhatNextEntry["kind"], string> = {
  due: "Due",
  "low-score": "Low score",
  "follow-up-gap": "Follow-up",
  "role-fit": "Role fit",
};

function hrefOf(target: Exclude<WhatNextTarget, { page: "practice" }>): string {
  switch (target.page) {
    case "edit":
      return route.edit(target.itemId);
    case "followups":
      return route.followUps(target.itemId);
    case "reangle":
      return route.reangle(target.itemId);
    case "library":
      return route.library(target.documentId, target.itemId);
  }
}

/**
 * "What next": the few things in the bank most worth fixing, each one click from its page.
 * `refreshKey` reloads it (after an import). With more than one document, each entry names its
 * document: the same question in two documents would otherwise read as one entry listed twice.
 */
export function WhatNextList({
  refreshKey = "",
  documents = null,
}: {
  refreshKey?: string;
  documents?: DocumentSummary[] | null;
}) {
  const { result, reload } = useLoad(`what-next:${refreshKey}`, () => practiceApi.whatNext());
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  if (result.state === "loading") return null;
  if (result.state === "error") {
    // An unreachable server is said once, by whatever the user asked for (an import, a save):
    // a second alert here would only repeat it. Other failures are this list's own.
    if (result.error.code === "NETWORK") return null;
    return <ErrorMessage title="Couldn't work out what to do next" error={result.error} onRetry={reload} />;
  }
  const { entries, hasBank } = result.data;
  if (!hasBank) return null;
  return (
    <section className="card what-next" aria-labelledby="what-next-title" data-testid="what-next">
      <h2 id="what-next-title">What next</h2>
      {entries.length === 0 ? (
        <p className="muted">
          Nothing stands out: every answer scores fair or better and nothing is due.{" "}
          <a href="#/practice">Run a mock interview</a> to keep it that way.
        </p>
      ) : (
        <ul className="what-next-list">
          {entries.map((entry) => (
            <li key={`${entry.kind}:${entry.itemId ?? ""}:${entry.title}`} className="what-next-entry">
              <span className={`what-next-kind kind-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
              <div className="what-next-text">
                <p className="what-next-title">
                  {entry.title}
                  {entry.score !== undefined && <span className="muted"> · {entry.score}/5</span>}
                </p>
                {documents !== null && documents.length > 1 && entry.documentId !== undefined && (
                  <p className="muted what-next-document">
                    in “{documents.find((d) => d.id === entry.documentId)?.title ?? "another document"}”
                  </p>
                )}
                <p className="muted">{entry.reason}</p>
              </div>
              {entry.target.page === "practice" ? (
                <button
                  type="button"
                  className="button button-small button-primary"
                  disabled={starting}
                  onClick={() => {
                    setStarting(true);
                    practiceApi.start({ from: { kind: "due" } }).then(
                      (session) => navigate({ page: "practice", sessionId: session.id }),
                      (caught: unknown) => {
                        setError(describeError(caught));
                        setStarting(false);
                      },
                    );
                  }}
                >
                  {starting ? "Starting…" : entry.action}
                </button>
              ) : (
                <a className="button button-small" href={hrefOf(entry.target)}>
                  {entry.action}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorMessage title="Couldn't start practising" error={error} />}
    </section>
  );
}
