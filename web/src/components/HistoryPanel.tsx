import { useCallback, useEffect, useState } from "react";
import { api, describeError, type ItemVersion, type StoredItem } from "../api.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

const SOURCE_LABELS: Record<ItemVersion["source"], string> = {
  imported: "Imported",
  typed: "Typed",
  composed: "Composed",
  "re-angled": "Re-angled",
  restored: "Restored",
  earlier: "Changed before history was kept",
};

type Loaded =
  | { state: "closed" }
  | { state: "loading" }
  | { state: "ready"; versions: ItemVersion[] }
  | { state: "error"; error: { code: string; message: string } };

/**
 * Every text an answer has had, newest first, with its date and source; any of them can be
 * made current again. Restoring is refused while the editor holds unsaved text, so it never
 * silently replaces what the user is typing.
 */
export function HistoryPanel({
  itemId,
  version,
  dirty,
  onRestored,
}: {
  itemId: string;
  /** The item's current version: a reload follows every save. */
  version: number;
  dirty: boolean;
  onRestored: (item: StoredItem) => void;
}) {
  const titleId = `history-title-${itemId}`;
  const [loaded, setLoaded] = useState<Loaded>({ state: "closed" });
  const [restoring, setRestoring] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoaded({ state: "loading" });
    try {
      setLoaded({ state: "ready", versions: await api.itemHistory(itemId) });
    } catch (error) {
      setLoaded({ state: "error", error: describeError(error) });
    }
  }, [itemId]);

  const open = loaded.state !== "closed";
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version (a save) refreshes an open history.
  useEffect(() => {
    if (open) void load();
  }, [version]);

  async function restore(entry: ItemVersion): Promise<void> {
    setRestoring(entry.id);
    try {
      const item = await api.restoreVersion(itemId, entry.id, version);
      onRestored(item);
    } catch (error) {
      setLoaded({ state: "error", error: describeError(error) });
    } finally {
      setRestoring(null);
    }
  }

  return (
    <section className="card history" aria-labelledby={titleId} data-testid="history">
      <div className="history-header">
        <h2 id={titleId}>History</h2>
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
          {dirty && <p className="muted">Save or discard your changes to restore an earlier text.</p>}
          <ol className="history-list">
            {loaded.versions.map((entry) => (
              <li key={entry.id} className="history-entry" data-testid="history-entry">
                <p className="history-meta">
                  <strong>{SOURCE_LABELS[entry.source]}</strong> ·{" "}
                  {new Date(entry.createdAt).toLocaleString()}
                  {entry.current && <span className="chip">current</span>}
                  {entry.version === null && <span className="chip">from a re-import, not applied</span>}
                </p>
                <p className="history-text">{entry.text}</p>
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
