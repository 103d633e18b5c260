import { useEffect, useMemo, useRef, useState } from "react";
import { storiesGoingWithSample } from "../../../src/core/sample-stories.ts";
import { api, type DocumentDetail, type DocumentSummary, describeError, type StoredItem } from "../api.ts";
import { AccomplishmentsView } from "../components/AccomplishmentsView.tsx";
import { AnswerPanel } from "../components/AnswerPanel.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { FramingView } from "../components/FramingView.tsx";
import { Icon } from "../components/Icon.tsx";
import { NotesView } from "../components/NotesView.tsx";
import { QuestionList } from "../components/QuestionList.tsx";
import { ReflectionView } from "../components/ReflectionView.tsx";
import { SnippetsView } from "../components/SnippetsView.tsx";
import { TechnicalBank } from "../components/TechnicalBank.tsx";
import { TodoView } from "../components/TodoView.tsx";
import { deleteDocumentQuestion } from "../delete-document.ts";
import { buildLibrary, type Library, matchesFilter, type QuestionGroup } from "../library.ts";
import { route as links } from "../links.ts";
import { documentLabels } from "../names.ts";
import { describeEncoding, plural } from "../report.ts";
import { href, type LibraryView, navigate } from "../route.ts";
import { useShortcuts } from "../shortcuts.ts";
import { currentDocument, forgetDocument, rememberDocument } from "../storage.ts";
import { roleIdOf } from "../use-analysis.ts";
import { useAnswerScores } from "../use-answer-scores.ts";
import { useScrollEdges } from "../use-scroll-edges.ts";

type Loaded =
  | { state: "loading"; id: string }
  | { state: "error"; id: string; error: { code: string; message: string } }
  | { state: "ready"; id: string; document: DocumentDetail; items: StoredItem[] };

interface Props {
  documents: DocumentSummary[] | null;
  documentsError: { code: string; message: string } | null;
  documentId: string | undefined;
  view: LibraryView;
  itemId: string | undefined;
  onDocumentsChanged: () => Promise<void>;
}

export function LibraryPage({
  documents,
  documentsError,
  documentId,
  view,
  itemId,
  onDocumentsChanged,
}: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reloadCount, setReloadCount] = useState(0);

  // With no document in the address, open the one used last (or the newest) in place.
  useEffect(() => {
    if (documentId !== undefined || documents === null || documents.length === 0) return;
    const target = currentDocument(documents);
    if (target) navigate({ page: "library", documentId: target.id, view: "answers" }, { replace: true });
  }, [documentId, documents]);

  // `reloadCount` is a dependency on purpose: "Try again" bumps it to fetch again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    if (documentId === undefined) return;
    let cancelled = false;
    // Refetching the document on screen keeps it visible; anything else shows the skeleton.
    setLoaded((previous) =>
      previous?.id === documentId && previous.state === "ready"
        ? previous
        : { state: "loading", id: documentId },
    );
    api.getDocument(documentId).then(
      ({ document, items }) => {
        if (cancelled) return;
        rememberDocument(documentId);
        setLoaded({ state: "ready", id: documentId, document, items });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ state: "error", id: documentId, error: describeError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, reloadCount]);

  if (documentsError !== null && documents === null) {
    return (
      <div className="page">
        <ErrorMessage
          title="Couldn't load your documents"
          error={documentsError}
          onRetry={() => void onDocumentsChanged()}
        />
      </div>
    );
  }
  if (documents !== null && documents.length === 0) {
    return (
      <div className="page">
        <EmptyState icon="library" title="Your library is empty" level={1}>
          <p className="muted">
            Import your prep notes, or start from the sample document, to see them here.
          </p>
          <a className="button button-primary" href="#/">
            Import a document
          </a>
        </EmptyState>
      </div>
    );
  }
  if (documentId === undefined || loaded === null || loaded.id !== documentId || loaded.state === "loading") {
    return <LibrarySkeleton />;
  }
  if (loaded.state === "error") {
    return (
      <div className="page">
        <ErrorMessage
          title="Couldn't open this document"
          error={loaded.error}
          onRetry={() => setReloadCount((count) => count + 1)}
        />
        <p>
          <a href="#/library">Back to the library</a>
        </p>
      </div>
    );
  }
  return (
    <LoadedLibrary
      documents={documents ?? []}
      document={loaded.document}
      items={loaded.items}
      view={view}
      itemId={itemId}
      onDeleted={onDocumentsChanged}
      onItemChanged={(item) =>
        setLoaded((previous) =>
          previous?.state === "ready"
            ? { ...previous, items: previous.items.map((i) => (i.id === item.id ? item : i)) }
            : previous,
        )
      }
      onRenamed={(summary) => {
        setLoaded((previous) =>
          previous?.state === "ready" && previous.id === summary.id
            ? { ...previous, document: { ...previous.document, ...summary } }
            : previous,
        );
        void onDocumentsChanged();
      }}
    />
  );
}

function LoadedLibrary({
  documents,
  document,
  items,
  view,
  itemId,
  onDeleted,
  onItemChanged,
  onRenamed,
}: {
  documents: DocumentSummary[];
  document: DocumentDetail;
  items: StoredItem[];
  view: LibraryView;
  itemId: string | undefined;
  onDeleted: () => Promise<void>;
  onItemChanged: (item: StoredItem) => void;
  onRenamed: (summary: DocumentSummary) => void;
}) {
  const library = useMemo(() => buildLibrary(items), [items]);
  const scores = useAnswerScores(library.questions, roleIdOf(document.targetRole));
  const [filter, setFilter] = useState("");
  const [deleteError, setDeleteError] = useState<{ code: string; message: string } | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const visibleQuestions = useMemo(
    () => library.questions.filter((group) => matchesFilter(group, filter)),
    [library, filter],
  );
  const selectedVariant =
    itemId === undefined
      ? visibleQuestions[0]?.variants[0]
      : items.find(
          (item): item is Extract<StoredItem, { kind: "answer" }> =>
            item.id === itemId && item.kind === "answer",
        );
  const selectedGroup =
    selectedVariant === undefined
      ? null
      : (library.questions.find((group) => group.questionKey === selectedVariant.questionKey) ?? null);

  useEffect(() => {
    globalThis.document.title = `${document.title} · derisk`;
  }, [document.title]);

  // Keep the selected question in view in the list when it changes by keyboard.
  // Not on first render: Chromium moves the Tab starting point to a scrolled-to element, and Tab
  // on a freshly opened page must reach the skip link first.
  const shownGroup = useRef(selectedGroup);
  useEffect(() => {
    if (selectedGroup === null || shownGroup.current === selectedGroup) return;
    shownGroup.current = selectedGroup;
    globalThis.document
      .querySelector('.question-link[aria-current="page"]')
      ?.scrollIntoView({ block: "nearest" });
  }, [selectedGroup]);

  function select(group: QuestionGroup | undefined): void {
    const first = group?.variants[0];
    if (first)
      navigate(
        { page: "library", documentId: document.id, view: "answers", itemId: first.id },
        { replace: true },
      );
  }

  useShortcuts({
    "/": () => {
      if (filterRef.current !== null) {
        filterRef.current.focus();
        return;
      }
      // From another view the filter exists only after the answers view renders.
      navigate({ page: "library", documentId: document.id, view: "answers" });
      requestAnimationFrame(() => filterRef.current?.focus());
    },
    j: () => {
      if (view !== "answers") return;
      const index = visibleQuestions.findIndex((group) => group.questionKey === selectedGroup?.questionKey);
      select(visibleQuestions[Math.min(index + 1, visibleQuestions.length - 1)]);
    },
    k: () => {
      if (view !== "answers") return;
      const index = visibleQuestions.findIndex((group) => group.questionKey === selectedGroup?.questionKey);
      select(visibleQuestions[Math.max(index - 1, 0)]);
    },
    e: () => {
      if (view === "answers" && selectedVariant) navigate({ page: "edit", itemId: selectedVariant.id });
    },
  });

  async function deleteDocument(): Promise<void> {
    // Deleting the sample also deletes the stories drawn from it that were never edited: count them
    // (one read of the stories); if they cannot be read, the question says so without a number.
    const going = document.sample
      ? await api
          .listStories()
          .then((stories) => storiesGoingWithSample(stories, new Set(items.map((item) => item.id))).length)
          .catch(() => undefined)
      : 0;
    if (!window.confirm(deleteDocumentQuestion(document, going))) return;
    try {
      await api.deleteDocument(document.id);
      setDeleteError(null);
      // Forget it and wait for the new list, or the library would reopen the deleted document.
      forgetDocument(document.id);
      await onDeleted();
      navigate({ page: "library", view: "answers" });
    } catch (error) {
      setDeleteError(describeError(error));
    }
  }

  const sectionTitle =
    selectedGroup === null
      ? null
      : (library.sections.find((section) => section.questions.includes(selectedGroup))?.title ?? null);

  return (
    <div className="page page-library">
      <header className="library-header">
        <div className="library-title">
          <DocumentTitle document={document} onRenamed={onRenamed} />
          <p className="muted doc-meta">
            {[
              document.targetRole,
              document.filename,
              describeEncoding(document),
              `updated ${new Date(document.updatedAt).toLocaleString()}`,
            ]
              .filter((part): part is string => part !== undefined && part !== "")
              .join(" · ")}
          </p>
        </div>
        <div className="library-actions">
          {documents.length > 1 && (
            <label className="doc-switch">
              <span className="visually-hidden">Document</span>
              <select
                className="select"
                value={document.id}
                onChange={(event) =>
                  navigate({ page: "library", documentId: event.target.value, view: "answers" })
                }
              >
                {documents.map((doc) => (
                  <option key={doc.id} value={doc.id}>
                    {documentLabels(documents).get(doc.id) ?? doc.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          <a className="button button-small" href={links.exportPage(document.id)}>
            <Icon name="download" size={16} />
            Export
          </a>
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => void deleteDocument()}
          >
            <Icon name="trash" size={16} />
            Delete
          </button>
        </div>
      </header>
      {deleteError && <ErrorMessage title="Couldn't delete the document" error={deleteError} />}

      <ViewTabs documentId={document.id} view={view} library={library} />

      {view === "answers" &&
        (library.questions.length === 0 ? (
          <EmptyState icon="file" title="No answers in this document yet">
            <p className="muted">
              Add questions with your answers to your notes (for example “### Q1- Tell me about yourself”
              followed by the answer) and import the file again.
            </p>
            <a className="button" href="#/">
              Import again
            </a>
          </EmptyState>
        ) : (
          <div className={`answers-layout ${itemId === undefined ? "show-list" : "show-answer"}`}>
            <QuestionList
              ref={filterRef}
              documentId={document.id}
              sections={library.sections}
              selected={selectedGroup}
              filter={filter}
              onFilterChange={setFilter}
              scores={scores}
            />
            <div className="answer-pane">
              {selectedGroup !== null && selectedVariant !== undefined ? (
                <AnswerPanel
                  key={selectedGroup.questionKey}
                  documentId={document.id}
                  group={selectedGroup}
                  variant={selectedVariant}
                  sectionTitle={sectionTitle}
                  role={roleIdOf(document.targetRole)}
                  scores={scores}
                  onSelectVariant={(variant) =>
                    navigate(
                      { page: "library", documentId: document.id, view: "answers", itemId: variant.id },
                      { replace: true },
                    )
                  }
                />
              ) : (
                <EmptyState icon="search" title="No question selected">
                  <p className="muted">Pick a question on the left, or clear the filter.</p>
                </EmptyState>
              )}
            </div>
          </div>
        ))}
      {view === "technical" && <TechnicalBank groups={library.technical} />}
      {view === "accomplishments" && <AccomplishmentsView accomplishments={library.accomplishments} />}
      {view === "to-do" && <TodoView todos={library.todos} onChanged={onItemChanged} />}
      {view === "code" && <SnippetsView documentId={document.id} snippets={library.snippets} />}
      {view === "reflection" && <ReflectionView reflections={library.reflections} />}
      {view === "framing" && <FramingView framings={library.framings} />}
      {view === "notes" && <NotesView notes={library.notes} />}
    </div>
  );
}

/** The document's name as the page heading, with an inline rename (Enter saves, Escape cancels). */
function DocumentTitle({
  document,
  onRenamed,
}: {
  document: DocumentDetail;
  onRenamed: (summary: DocumentSummary) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  const editing = draft !== null;
  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);
  useEffect(() => {
    if (draft === null && refocus.current) {
      refocus.current = false;
      renameRef.current?.focus();
    }
  }, [draft]);

  function close(): void {
    refocus.current = true;
    setDraft(null);
    setError(null);
  }

  async function save(): Promise<void> {
    if (draft === null) return;
    const title = draft.replace(/\s+/g, " ").trim();
    if (title === document.title) {
      close();
      return;
    }
    if (title === "") {
      setError({ code: "BAD_INPUT", message: "The title is empty: give the document a name." });
      return;
    }
    setSaving(true);
    try {
      onRenamed(await api.renameDocument(document.id, title, document.version));
      close();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  }

  if (draft === null) {
    return (
      <div className="doc-title">
        <h1>{document.title}</h1>
        <button
          ref={renameRef}
          type="button"
          className="button button-small button-quiet doc-rename"
          onClick={() => setDraft(document.title)}
          aria-label={`Rename “${document.title}”`}
        >
          <Icon name="edit" size={16} />
          <span className="doc-rename-label">Rename</span>
        </button>
      </div>
    );
  }
  return (
    <form
      className="doc-title doc-title-editing"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h1 className="visually-hidden">{document.title}</h1>
      <label className="visually-hidden" htmlFor="doc-title-input">
        Document title
      </label>
      <input
        id="doc-title-input"
        ref={inputRef}
        className="input doc-title-input"
        value={draft}
        maxLength={120}
        disabled={saving}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : "doc-title-error"}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            close();
          }
        }}
      />
      <button type="submit" className="button button-small button-primary" disabled={saving}>
        Save
      </button>
      <button type="button" className="button button-small button-quiet" onClick={close}>
        Cancel
      </button>
      {error && (
        <p id="doc-title-error" className="field-error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}

function ViewTabs({
  documentId,
  view,
  library,
}: {
  documentId: string;
  view: LibraryView;
  library: Library;
}) {
  // Each count says what it counts (its tooltip and its words for a screen reader); the Framing
  // tab counts framings, as the import report does ("1 framing"), not the questions inside them.
  const technical = library.technical.reduce((sum, group) => sum + group.questions.length, 0);
  const open = library.todos.reduce((sum, todo) => sum + todo.entries.filter((e) => !e.done).length, 0);
  const tabs: { view: LibraryView; label: string; count: number; counted: string }[] = [
    {
      view: "answers",
      label: "Answers",
      count: library.questions.length,
      counted: plural(library.questions.length, "question", "questions"),
    },
    {
      view: "technical",
      label: "Technical",
      count: technical,
      counted: plural(technical, "technical question", "technical questions"),
    },
    {
      view: "accomplishments",
      label: "Accomplishments",
      count: library.accomplishments.length,
      counted: plural(library.accomplishments.length, "accomplishment", "accomplishments"),
    },
    {
      view: "to-do",
      label: "To-do",
      count: open,
      counted: `${plural(open, "entry", "entries")} still open`,
    },
    {
      view: "code",
      label: "Code",
      count: library.snippets.length,
      counted: plural(library.snippets.length, "code snippet", "code snippets"),
    },
    {
      view: "reflection",
      label: "Reflection",
      count: library.reflections.length,
      counted: plural(library.reflections.length, "reflection", "reflections"),
    },
    {
      view: "framing",
      label: "Framing",
      count: library.framings.length,
      counted: plural(library.framings.length, "framing", "framings"),
    },
    {
      view: "notes",
      label: "Notes",
      count: library.notes.length,
      counted: plural(library.notes.length, "note", "notes"),
    },
  ];
  const rowRef = useRef<HTMLElement>(null);
  useScrollEdges(rowRef, view);
  return (
    <nav ref={rowRef} className="view-tabs scroll-row" aria-label="Library views">
      {tabs.map((tab) => (
        <a
          key={tab.view}
          className="view-tab"
          href={href({ page: "library", documentId, view: tab.view })}
          aria-current={tab.view === view ? "page" : undefined}
        >
          {tab.label}
          <span className="count" title={tab.counted} aria-hidden="true">
            {tab.count}
          </span>
          <span className="visually-hidden">, {tab.counted}</span>
        </a>
      ))}
    </nav>
  );
}

function LibrarySkeleton() {
  return (
    <div className="page page-library" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the document…
      </p>
      <div className="library-header">
        <div className="library-title">
          <div className="skeleton skeleton-title" />
          <div className="skeleton skeleton-line" />
        </div>
      </div>
      <div className="view-tabs skeleton-tabs">
        <div className="skeleton skeleton-tab" />
      </div>
      <div className="answers-layout show-list">
        <div className="question-list">
          {["a", "b", "c", "d", "e"].map((key) => (
            <div key={key} className="skeleton skeleton-row" />
          ))}
        </div>
        <div className="answer-pane">
          <div className="skeleton skeleton-title" />
          <div className="skeleton skeleton-block" />
        </div>
      </div>
    </div>
  );
}
