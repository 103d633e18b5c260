import { type FormEvent, useEffect, useState } from "react";
import {
  ApiError,
  api,
  type DocumentSummary,
  describeError,
  type JournalDetail,
  type JournalEntry,
  journalApi,
  type StoredStory,
} from "../api.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { HistoryPanel, journalHistory } from "../components/HistoryPanel.tsx";
import { Icon } from "../components/Icon.tsx";
import { TextBlock } from "../components/TextBlock.tsx";
import { navigate, useLeaveGuard } from "../route.ts";
import { loadJournalDraft, saveJournalDraft } from "../storage.ts";
import { useLoad } from "../use-load.ts";
import { useSampleItemIds } from "../use-sample-items.ts";

type Failure = { code: string; message: string };

const KIND_TITLES = {
  solved: "What you solved",
  learned: "What you learned",
  shows: "What it shows an interviewer",
} as const;

/**
 * The private reflection journal: entries about hard episodes, the reframes derisk finds in
 * the user's own words (and in a linked story), and the one line they keep.
 */
export function JournalPage({
  entryId,
  documents = null,
}: {
  entryId?: string;
  documents?: DocumentSummary[] | null;
}) {
  const { result, reload } = useLoad("journal", journalApi.list);
  useEffect(() => {
    document.title = "Journal · derisk";
  }, []);
  // The sample's reflection starts a journal too: it is marked "sample" and listed after the
  // candidate's own entries, as the Stories page does with the stories drawn from the sample.
  const sampleItemIds = useSampleItemIds(documents);
  const entries = ownEntriesFirst(result.state === "ready" ? result.data : [], sampleItemIds);
  const selectedId = entryId ?? entries[0]?.id;
  const writing = entryId === "new" || (result.state === "ready" && entries.length === 0);
  // The entry just deleted: its texts are kept, so the deletion can be undone from here.
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);
  const [undoError, setUndoError] = useState<Failure | null>(null);

  async function undoDelete(): Promise<void> {
    if (!deleted) return;
    setUndoError(null);
    try {
      const [last] = await journalApi.history(deleted.id);
      if (!last) return;
      await journalApi.restore(deleted.id, last.id);
      setDeleted(null);
      reload();
      navigate({ page: "journal", entryId: deleted.id });
    } catch (caught) {
      setUndoError(describeError(caught));
    }
  }

  return (
    <div className="page page-journal">
      <header className="page-header page-header-row">
        <div>
          <h1>Journal</h1>
          <p className="lede">
            Private: how a hard episode went and how it felt. derisk points at what you solved, what you
            learned and what it shows an interviewer, in your own words. Entries never go on a prep sheet.
          </p>
        </div>
        {!writing && (
          <a className="button button-primary" href="#/journal/new">
            New entry
          </a>
        )}
      </header>
      {deleted && (
        <div className="callout callout-info" role="status">
          <Icon name="info" />
          <div>
            <p>Deleted “{deleted.title}”. Its texts are kept in its history.</p>
            <div className="callout-actions">
              <button type="button" className="button button-small" onClick={() => void undoDelete()}>
                Restore the entry
              </button>
            </div>
          </div>
        </div>
      )}
      {undoError && <ErrorMessage title="The entry was not restored" error={undoError} />}
      {result.state === "loading" && <div className="skeleton skeleton-block" aria-busy="true" />}
      {result.state === "error" && (
        <ErrorMessage title="Couldn't load your journal" error={result.error} onRetry={reload} />
      )}
      {result.state === "ready" && (
        <div className="journal-layout">
          {entries.length > 0 && (
            <nav className="journal-list" aria-label="Entries">
              <ul>
                {entries.map((entry) => (
                  <li key={entry.id}>
                    <a
                      href={`#/journal/${encodeURIComponent(entry.id)}`}
                      aria-current={!writing && entry.id === selectedId ? "page" : undefined}
                    >
                      <span className="journal-list-title">{entry.title}</span>
                      <span className="muted journal-list-date">
                        {new Date(entry.createdAt).toLocaleDateString()}
                        {entry.fromSample && (
                          <span
                            className="chip chip-sample"
                            title="Drawn from derisk's sample document, not from your own notes"
                          >
                            sample
                          </span>
                        )}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="journal-main">
            {writing ? (
              <NewEntry
                first={entries.length === 0}
                onSaved={(id) => {
                  reload();
                  navigate({ page: "journal", entryId: id });
                }}
              />
            ) : (
              selectedId !== undefined && (
                <EntryView
                  key={selectedId}
                  id={selectedId}
                  onChanged={reload}
                  onDeleted={(entry) => {
                    setDeleted(entry);
                    reload();
                    navigate({ page: "journal" });
                  }}
                />
              )
            )}
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * The journal's entries with the candidate's own first and those drawn from the sample document's
 * reflection (`sampleItemIds`) after them, each keeping its place within its group.
 * @example ownEntriesFirst([sampleEntry, ownEntry], new Set([sampleEntry.sourceItemId])) // own, then sample
 */
export function ownEntriesFirst(
  entries: readonly JournalEntry[],
  sampleItemIds: ReadonlySet<string>,
): (JournalEntry & { fromSample: boolean })[] {
  const marked = entries.map((entry) => ({
    ...entry,
    fromSample: entry.sourceItemId !== undefined && sampleItemIds.has(entry.sourceItemId),
  }));
  return [...marked.filter((entry) => !entry.fromSample), ...marked.filter((entry) => entry.fromSample)];
}

function NewEntry({ first, onSaved }: { first: boolean; onSaved: (id: string) => void }) {
  // A new entry is kept in this browser as it is typed, so a crash or a closed tab loses nothing.
  const [kept] = useState(() => loadJournalDraft());
  const [title, setTitle] = useState(kept?.title ?? "");
  const [happened, setHappened] = useState(kept?.happened ?? "");
  const [felt, setFelt] = useState(kept?.felt ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const release = useLeaveGuard(
    !saved && (title.trim() !== "" || happened.trim() !== "" || felt.trim() !== ""),
    "Your journal entry is not saved yet. Leave this page anyway? It stays in this browser and comes back when you open the Journal again.",
  );

  useEffect(() => {
    if (!saved) saveJournalDraft({ title, happened, felt });
  }, [title, happened, felt, saved]);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const entry = await journalApi.add({
        ...(title.trim() === "" ? {} : { title }),
        happened,
        felt,
      });
      setSaved(true);
      saveJournalDraft(null);
      release();
      onSaved(entry.id);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card journal-form" onSubmit={(event) => void save(event)}>
      {first && (
        <EmptyState icon="book" title="Your journal is empty">
          <p className="muted">
            Write about an episode that still stings: a bug that beat you for a week, a review that went
            badly. Importing a prep document with a reflection starts the journal too.
          </p>
        </EmptyState>
      )}
      <h2 className="section-title">New entry</h2>
      <label className="field field-wide">
        <span className="field-label">Title (optional)</span>
        <input className="input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field field-wide">
        <span className="field-label">What happened</span>
        <textarea
          dir="auto"
          className="textarea"
          rows={6}
          value={happened}
          onChange={(e) => setHappened(e.target.value)}
        />
      </label>
      <label className="field field-wide">
        <span className="field-label">How it felt</span>
        <textarea
          dir="auto"
          className="textarea"
          rows={4}
          value={felt}
          onChange={(e) => setFelt(e.target.value)}
        />
      </label>
      {error && <ErrorMessage title="The entry was not saved" error={error} />}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? "Saving…" : "Save the entry"}
      </button>
    </form>
  );
}

function EntryView({
  id,
  onChanged,
  onDeleted,
}: {
  id: string;
  onChanged: () => void;
  onDeleted: (entry: { id: string; title: string }) => void;
}) {
  const { result, reload } = useLoad(`journal:${id}`, () => journalApi.get(id));
  const stories = useLoad("stories", api.listStories);
  if (result.state === "loading") return <div className="skeleton skeleton-block" aria-busy="true" />;
  if (result.state === "error")
    return <ErrorMessage title="Couldn't load the entry" error={result.error} onRetry={reload} />;
  return (
    <EntryDetail
      detail={result.data}
      stories={stories.result.state === "ready" ? stories.result.data : []}
      onSaved={() => {
        reload();
        onChanged();
      }}
      onDeleted={onDeleted}
    />
  );
}

function EntryDetail({
  detail,
  stories,
  onSaved,
  onDeleted,
}: {
  detail: JournalDetail;
  stories: StoredStory[];
  onSaved: () => void;
  onDeleted: (entry: { id: string; title: string }) => void;
}) {
  const { entry, story, reframes } = detail;
  const [takeaway, setTakeaway] = useState(entry.takeaway);
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<Failure | null>(null);
  // Which save failed: its message goes beside the control that made it, not below the reframes.
  const [failed, setFailed] = useState<"takeaway" | "story" | null>(null);
  // The entry was changed elsewhere (another tab) since this one loaded it: its takeaway now,
  // and the version to save over.
  const [conflict, setConflict] = useState<{
    takeaway: string;
    version: number;
    patch: { takeaway?: string; storyId?: string | null };
  } | null>(null);
  useLeaveGuard(
    takeaway.trim() !== entry.takeaway && status !== "saving",
    "Your takeaway is not saved yet. Leave this page anyway?",
  );

  async function save(
    patch: { takeaway?: string; storyId?: string | null },
    expectedVersion = entry.version,
  ): Promise<void> {
    setStatus("saving");
    setError(null);
    setConflict(null);
    setFailed(null);
    try {
      await journalApi.update(entry.id, { ...patch, expectedVersion });
      setStatus("saved");
      onSaved();
    } catch (caught) {
      setStatus("idle");
      setFailed(patch.takeaway === undefined ? "story" : "takeaway");
      if (caught instanceof ApiError && caught.status === 409) {
        // The typed takeaway stays in the field; the latest one is shown beside it.
        try {
          const latest = await journalApi.get(entry.id);
          setConflict({ takeaway: latest.entry.takeaway, version: latest.entry.version, patch });
          onSaved();
          return;
        } catch {
          // Could not read the latest: the refusal itself is said below.
        }
      }
      setError(describeError(caught));
    }
  }

  const conflictNotice = conflict && (
    <div className="callout callout-error" role="alert">
      <Icon name="alert" />
      <div>
        <p className="callout-title">This entry changed since you opened it</p>
        {conflict.patch.takeaway === undefined ? (
          <p>
            Nothing was overwritten: the page now shows the latest entry. Keep it, or save your choice of
            story over it (the latest stays in the history).
          </p>
        ) : (
          <p>
            Nothing was overwritten. Its takeaway now reads{" "}
            {conflict.takeaway === "" ? "nothing (it is empty)" : `“${conflict.takeaway}”`}; yours is still in
            the field. Keep the latest, or save yours over it (the latest stays in the history).
          </p>
        )}
        <div className="callout-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              if (conflict.patch.takeaway !== undefined) setTakeaway(conflict.takeaway);
              setConflict(null);
              setFailed(null);
            }}
          >
            Keep the latest
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              void save(
                conflict.patch.takeaway === undefined ? conflict.patch : { takeaway },
                conflict.version,
              )
            }
          >
            Save mine over it
          </button>
        </div>
      </div>
    </div>
  );

  /** A private entry is the user's to remove: asked once, then gone from the list (its texts are kept). */
  async function remove(): Promise<void> {
    if (!window.confirm(`Delete the entry “${entry.title}”? You can restore it right after.`)) return;
    setError(null);
    try {
      await journalApi.remove(entry.id);
      onDeleted({ id: entry.id, title: entry.title });
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <article className="card journal-entry" aria-labelledby="entry-title">
      <h2 id="entry-title">{entry.title}</h2>
      <p className="muted">{new Date(entry.createdAt).toLocaleDateString()} · private</p>

      <form
        className="takeaway-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ takeaway });
        }}
      >
        <label className="field field-wide">
          <span className="field-label">Your takeaway, in one line</span>
          <input
            className="input"
            value={takeaway}
            maxLength={300}
            onChange={(event) => {
              setTakeaway(event.target.value);
              setStatus("idle");
            }}
          />
        </label>
        <div className="takeaway-actions">
          <button
            type="submit"
            className="button"
            disabled={status === "saving" || takeaway.trim() === entry.takeaway}
          >
            Save the takeaway
          </button>
          <span role="status" className="muted">
            {status === "saved" ? "Saved." : ""}
          </span>
        </div>
        {failed === "takeaway" && conflictNotice}
        {failed === "takeaway" && error && <ErrorMessage title="The takeaway was not saved" error={error} />}
      </form>

      <section aria-labelledby="reframes-title">
        <h3 id="reframes-title" className="section-title">
          Reframes from your own words
        </h3>
        {reframes.length === 0 ? (
          <p className="muted">
            None yet: write what you did and how it ended, or link the story this episode became.
          </p>
        ) : (
          <ul className="journal-reframes">
            {reframes.map((reframe) => (
              <li
                key={`${reframe.kind}:${reframe.quote}`}
                className={`journal-reframe reframe-${reframe.kind}`}
              >
                <p className="reframe-kind">
                  {KIND_TITLES[reframe.kind]}
                  {reframe.shows ? ` · ${reframe.shows}` : ""}
                  {reframe.from === "story" ? " · from the story" : ""}
                </p>
                <blockquote>{reframe.quote}</blockquote>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    setTakeaway(reframe.quote);
                    setStatus("idle");
                  }}
                >
                  Use as takeaway
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <label className="field field-wide journal-story">
        <span className="field-label">The story it became</span>
        <select
          className="select"
          value={story?.id ?? ""}
          disabled={status === "saving"}
          onChange={(event) => void save({ storyId: event.target.value === "" ? null : event.target.value })}
        >
          <option value="">No story linked</option>
          {stories.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {failed === "story" && conflictNotice}
      {failed === "story" && error && <ErrorMessage title="The change was not saved" error={error} />}

      {entry.happened !== "" && (
        <section aria-labelledby="happened-title">
          <h3 id="happened-title" className="section-title">
            What happened
          </h3>
          <TextBlock text={entry.happened} />
        </section>
      )}
      {entry.felt !== "" && (
        <section aria-labelledby="felt-title">
          <h3 id="felt-title" className="section-title">
            How it felt
          </h3>
          <TextBlock text={entry.felt} />
        </section>
      )}
      <HistoryPanel
        source={journalHistory(entry.id)}
        version={entry.version}
        dirty={takeaway.trim() !== entry.takeaway}
        onRestored={(restored) => {
          setTakeaway(restored.takeaway);
          setStatus("idle");
          onSaved();
        }}
      />
      <div className="journal-entry-actions">
        <button type="button" className="button button-quiet" onClick={() => void remove()}>
          <Icon name="trash" size={16} />
          Delete the entry
        </button>
      </div>
    </article>
  );
}
