import { type ReactNode, useEffect, useMemo, useState } from "react";
import { compactParts, describeChange } from "../../../src/core/word-diff.ts";
import {
  api,
  describeError,
  type ItemVersion,
  type JournalEntry,
  type JournalVersion,
  journalApi,
  type StoredItem,
} from "../api.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

const SOURCE_LABELS: Record<ItemVersion["source"], string> = {
  imported: "Imported",
  typed: "Typed",
  composed: "Composed",
  "re-angled": "Re-angled",
  restored: "Restored",
  earlier: "Changed before history was kept",
};

/** One text in a history, as far as the panel reads it. */
interface HistoryVersion {
  id: string;
  /** null for a file's text a re-import kept aside (an answer's conflict). */
  version: number | null;
  source: ItemVersion["source"];
  createdAt: string;
  current: boolean;
  /** When a bank restore brought the text in without applying it; null otherwise. */
  fromBackupAt: string | null;
}

/**
 * The line above a text: its number (the one `derisk history` lists and `--restore N` takes),
 * source and date, and what it is (current, or a file's text that was not applied).
 */
export function HistoryMeta({ entry }: { entry: HistoryVersion }) {
  return (
    <p className="history-meta">
      {entry.version !== null && <span className="history-version">Version {entry.version}</span>}
      {entry.version !== null && " · "}
      <strong>{SOURCE_LABELS[entry.source]}</strong> · {new Date(entry.createdAt).toLocaleString()}
      {entry.current && <span className="chip">current</span>}
      {entry.version === null && <span className="chip">from a re-import, not applied</span>}
      {entry.version !== null && !entry.current && entry.fromBackupAt !== null && (
        <span className="chip">
          from a backup restored {new Date(entry.fromBackupAt).toLocaleString()}, not applied
        </span>
      )}
    </p>
  );
}

/** Whose history a panel shows: how to load and restore it, and how it looks where it stands. */
export interface HistorySource<V extends HistoryVersion, R> {
  titleId: string;
  testId: string;
  className: string;
  /** An answer's history is a card of its own (h2); a journal entry's, a section of the entry (h3). */
  heading: "card" | "section";
  /** Why restoring waits, shown while the page holds unsaved text. */
  dirtyHint: string;
  load: () => Promise<V[]>;
  restore: (entry: V, expectedVersion: number) => Promise<R>;
  /** An entry's text; `current` is the current text's entry, to compare an earlier one with. */
  renderText: (entry: V, current: V | undefined) => ReactNode;
  /**
   * Whether restoring `entry` would change anything: the server refuses a text word for word the
   * current one, so its button is not offered. Every earlier entry when left out.
   */
  changesCurrent?: (entry: V, current: V | undefined) => boolean;
}

/**
 * What an earlier text had that the current one lacks, and what the current one added: a
 * one-line summary always shown (a tick, a move, punctuation, layout or markup only named as
 * such), and the words themselves, marked, on demand. Markup is stripped for the word
 * comparison, as in every view of the user's text.
 */
export function VersionChanges({ older, current }: { older: string; current: string }) {
  const [open, setOpen] = useState(false);
  const { diff, summary, same } = useMemo(() => describeChange(older, current), [older, current]);
  if (same) return <p className="history-changes-summary muted">{summary}</p>;
  return (
    <div className="history-changes">
      <p className="history-changes-summary">
        <span className="muted">Since this text: </span>
        {summary}
        {/* A tick, a layout or a markup change leaves the words as they were: nothing to mark. */}
        {diff.place !== null && (
          <>
            {" "}
            <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? "Hide changes" : "Show changes"}
            </button>
          </>
        )}
      </p>
      {open && diff.place !== null && (
        <>
          <p className="history-diff" data-testid="history-diff">
            {compactParts(diff.parts).map((part, index) => {
              if (part.kind === "same") {
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list for one diff.
                return <span key={index}>{part.text}</span>;
              }
              const words = part.text.trimEnd();
              const Mark = part.kind === "removed" ? "del" : "ins";
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list for one diff.
                <span key={index}>
                  <Mark>
                    <span className="visually-hidden">
                      [{part.kind === "removed" ? "removed" : "added"}:{" "}
                    </span>
                    {words}
                    <span className="visually-hidden">]</span>
                  </Mark>
                  {part.text.slice(words.length)}
                </span>
              );
            })}
          </p>
          <p className="history-diff-legend muted">
            <del>Struck through</del>: only in this text. <ins>Underlined</ins>: added in the current text.
            {diff.coarse && " Too many changes to compare word by word: the changed stretch is shown whole."}
          </p>
        </>
      )}
    </div>
  );
}

/** An answer's (or any item's) texts: the editor's History card. */
export function itemHistory(itemId: string): HistorySource<ItemVersion, StoredItem> {
  return {
    titleId: `history-title-${itemId}`,
    testId: "history",
    className: "card history",
    heading: "card",
    dirtyHint: "Save or discard your changes to restore an earlier text.",
    load: () => api.itemHistory(itemId),
    restore: (entry, expectedVersion) => api.restoreVersion(itemId, entry.id, expectedVersion),
    changesCurrent: (entry, current) => current === undefined || entry.raw !== current.raw,
    renderText: (entry, current) => (
      <>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls past 12rem; a keyboard user must reach it to scroll. */}
        <p className="history-text" tabIndex={0}>
          {entry.text}
        </p>
        {!entry.current && current !== undefined && (
          <VersionChanges older={entry.text} current={current.text} />
        )}
      </>
    ),
  };
}

/** A journal entry's texts: title and takeaway, then what happened and how it felt. */
export function journalHistory(entryId: string): HistorySource<JournalVersion, JournalEntry> {
  return {
    titleId: `journal-history-${entryId}`,
    testId: "journal-history",
    className: "history journal-history",
    heading: "section",
    dirtyHint: "Save or clear your takeaway change to restore an earlier text.",
    load: () => journalApi.history(entryId),
    restore: (entry, expectedVersion) => journalApi.restore(entryId, entry.id, expectedVersion),
    renderText: (entry) => (
      <>
        <p className="history-text">
          <strong>{entry.title}</strong>
          {entry.takeaway !== "" && ` — ${entry.takeaway}`}
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls past 12rem; a keyboard user must reach it to scroll. */}
        <p className="history-text" tabIndex={0}>
          {[entry.happened, entry.felt].filter((t) => t !== "").join("\n\n")}
        </p>
      </>
    ),
  };
}

type Loaded<V> =
  | { state: "closed" }
  | { state: "loading" }
  | { state: "ready"; versions: V[] }
  | { state: "error"; error: { code: string; message: string } };

/**
 * Every text an answer or a journal entry has had, newest first, with its date and source; any
 * of them can be made current again. Restoring is refused while the page holds unsaved text, so
 * it never silently replaces what the user is typing.
 */
export function HistoryPanel<V extends HistoryVersion, R>({
  source,
  version,
  dirty,
  onRestored,
}: {
  source: HistorySource<V, R>;
  /** The current version: a reload follows every save. */
  version: number;
  dirty: boolean;
  onRestored: (restored: R) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded<V>>({ state: "closed" });
  const [restoring, setRestoring] = useState<string | null>(null);

  async function load(): Promise<void> {
    setLoaded({ state: "loading" });
    try {
      setLoaded({ state: "ready", versions: await source.load() });
    } catch (error) {
      setLoaded({ state: "error", error: describeError(error) });
    }
  }

  const open = loaded.state !== "closed";
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version (a save) refreshes an open history.
  useEffect(() => {
    if (open) void load();
  }, [version]);

  async function restore(entry: V): Promise<void> {
    setRestoring(entry.id);
    try {
      onRestored(await source.restore(entry, version));
    } catch (error) {
      setLoaded({ state: "error", error: describeError(error) });
    } finally {
      setRestoring(null);
    }
  }

  return (
    <section className={source.className} aria-labelledby={source.titleId} data-testid={source.testId}>
      <div className="history-header">
        {source.heading === "card" ? (
          <h2 id={source.titleId}>History</h2>
        ) : (
          <h3 id={source.titleId} className="section-title">
            History
          </h3>
        )}
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
          {dirty && <p className="muted">{source.dirtyHint}</p>}
          <ol className="history-list">
            {loaded.versions.map((entry) => (
              <li key={entry.id} className="history-entry" data-testid="history-entry">
                <HistoryMeta entry={entry} />
                {source.renderText(
                  entry,
                  loaded.versions.find((version) => version.current),
                )}
                {!entry.current &&
                  (source.changesCurrent?.(
                    entry,
                    loaded.versions.find((version) => version.current),
                  ) ??
                    true) && (
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
