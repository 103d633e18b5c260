import { useCallback, useEffect, useState } from "react";
import { describeError, type JournalEntry, type JournalVersion, journalApi } from "../api.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

const SOURCE_LABELS: Record<JournalVersion["source"], string> = {
  imported: "Imported",
  typed: "Typed",
  restored: "Restored",
  earlier: "Changed before history was kept",
};

type Loaded =
  | { state: "closed" }
  | { state: "loading" }
  | { state: "ready"; versions: JournalVersion[] }
  | { state: "error"; error: { code: string; message: string } };

/**
 * Every text a journal entry has had, newest first, as an answer's History shows its texts: any
 * of them can be made current again. Refused while the takeaway holds unsaved text.
 */
export function JournalHistory({
  entryId,
  version,
  dirty,
  onRestored,
}: {
  entryId: string;
  version: number;
  dirty: boolean;
  onRestored: (entry: JournalEntry) => void;
}) {
  const titleId = `journal-history-${entryId}`;
  const [loaded, setLoaded] = useState<Loaded>({ state: "closed" });
  const [restoring, setRestoring] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoaded({ state: "loading" });
    try {
      setLoaded({ state: "ready", versions: await journalApi.history(entryId) });
    } catch (error) {
      setLoaded({ state: "error", error: describeError(error) });
    }
  }, [entryId]);

  const open = loaded.state !== "closed";
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version (a save) refreshes an open history.
  useEffect(() => {
    if (open) void load();
  }, [version]);

  async function restore(entry: JournalVersion): Promise<void> {
    setRestoring(entry.id);
    try {
      onRestored(await journalApi.restore(entryId, entry.id, version));
    } catch (error) {
      setLoaded({ state: "error", error: describeError(error) });
    } finally {
      setRestoring(null);
    }
  }

  return (
    <section className="history journal-history" aria-labelledby={titleId} data-testid="journal-history">
      <div className="history-header">
        <h3 id={titleId} className="section-title">
          History
        </h3>
        <button
          type="button"
          className="button button-small"
          aria-expanded={open}
          onClick={() => (open ? setLoaded({ state: "closed" }) : void load())}
        >
          {open ? "Hide history" : "Show history"}
        </button>
      </div>
      {loaded.state === "loading" && <p className="muted">Loading the history…</p>}
      {loaded.state === "error" && (
        <ErrorMessage title="Couldn't load or restore the history" error={loaded.error} />
      )}
      {loaded.state === "ready" && (
        <>
          {dirty && <p className="muted">Save or clear your takeaway change to restore an earlier text.</p>}
          <ol className="history-list">
            {loaded.versions.map((entry) => (
              <li key={entry.id} className="history-entry" data-testid="history-entry">
                <p className="history-meta">
                  <strong>{SOURCE_LABELS[entry.source]}</strong> ·{" "}
                  {new Date(entry.createdAt).toLocaleString()}
                  {entry.current && <span className="chip">current</span>}
                </p>
                <p className="history-text">
                  <strong>{entry.title}</strong>
                  {entry.takeaway !== "" && ` — ${entry.takeaway}`}
                </p>
                <p className="history-text">
                  {[entry.happened, entry.felt].filter((t) => t !== "").join("\n\n")}
                </p>
                {!entry.current && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={dirty || restoring !== null}
                    onClick={() => void restore(entry)}
                  >
                    {restoring === entry.id ? "Restoring…" : "Restore this text"}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
