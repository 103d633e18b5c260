import { useEffect, useId, useRef, useState } from "react";
import { stripMarkup } from "../../../src/core/markup.ts";
import type { Competency } from "../../../src/core/model.ts";
import { api, type DocumentSummary, describeError, type StoredStory, type StoryInput } from "../api.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { HeldButton } from "../components/HeldButton.tsx";
import { Icon } from "../components/Icon.tsx";
import { PackagingTabs } from "../components/PackagingTabs.tsx";
import { route } from "../links.ts";
import { COMPETENCY_LIST, COMPETENCY_NAMES, documentLabels, splitList } from "../names.ts";
import { navigate, setNavigationGuard } from "../route.ts";
import { useShortcuts } from "../shortcuts.ts";
import { currentDocument } from "../storage.ts";
import { useLoad } from "../use-load.ts";
import { useSampleItemIds } from "../use-sample-items.ts";

type ErrorInfo = { code: string; message: string };

/** The user's stories (#/stories), or one story's form (#/stories/new, #/stories/:id). */
export function StoriesPage({
  documents,
  storyId,
  competency,
}: {
  documents: DocumentSummary[] | null;
  storyId?: string;
  competency?: string;
}) {
  if (storyId === "new") {
    const serves = COMPETENCY_LIST.find((c) => c === competency);
    return <StoryEditor key={`new-${serves ?? ""}`} story={null} serves={serves} />;
  }
  if (storyId !== undefined) return <StoryLoader storyId={storyId} />;
  return <StoryList documents={documents} />;
}

function StoryList({ documents }: { documents: DocumentSummary[] | null }) {
  const { result, reload } = useLoad("stories", api.listStories);
  useEffect(() => {
    document.title = "Stories · derisk";
  }, []);
  // The sample document's answers: the stories drawn from them are marked "sample" and listed after
  // the candidate's own, as the rest of the app keeps the sample apart from their evidence.
  const sampleItemIds = useSampleItemIds(documents);
  const stories = result.state === "ready" ? ownStoriesFirst(result.data, sampleItemIds) : null;
  const [message, setMessage] = useState<string | null>(null);
  /** The document picked below: kept here, as the card moves under the list once stories exist. */
  const [fromDocumentId, setFromDocumentId] = useState<string | null>(null);
  const fromDocument = {
    documents,
    documentId: fromDocumentId,
    onDocumentChange: setFromDocumentId,
    onMade: reload,
    onMessage: setMessage,
  };
  return (
    <div className="page page-stories">
      <header className="page-header page-header-row">
        <div>
          <h1>Stories</h1>
          <p className="lede">
            One real episode each, told in your words: the raw material every answer is composed from.
          </p>
        </div>
        <a className="button button-primary" href={route.newStory()}>
          <Icon name="plus" size={16} />
          New story
        </a>
      </header>
      <PackagingTabs current="stories" {...(stories === null ? {} : { count: stories.length })} />
      <p className="from-document-status" role="status">
        {message}
      </p>
      {/* First the way to get stories; once there are some, the stories come first. The message
          lives here, so it survives the card moving below the list. */}
      {stories !== null && stories.length === 0 && <FromDocument {...fromDocument} />}
      {result.state === "error" && (
        <ErrorMessage title="Couldn't load your stories" error={result.error} onRetry={reload} />
      )}
      {result.state === "loading" && (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading your stories…
          </p>
          <div className="skeleton skeleton-block" />
        </div>
      )}
      {stories !== null && stories.length === 0 && (
        <EmptyState icon="book" title="No stories yet">
          {documents !== null && documents.length === 0 ? (
            <>
              <p className="muted">
                Import your prep document to make stories from its STAR answers, or write one from scratch
                with New story.
              </p>
              <a className="button button-primary" href="#/">
                Import a document
              </a>
            </>
          ) : (
            <p className="muted">
              Make them from the STAR answers of your document above, or write one from scratch.
            </p>
          )}
        </EmptyState>
      )}
      {stories !== null && stories.length > 0 && (
        <ul className="story-list">
          {stories.map((story) => (
            <li key={story.story.id}>
              <StoryCard story={story.story} fromSample={story.fromSample} />
            </li>
          ))}
        </ul>
      )}
      {stories !== null && stories.length > 0 && <FromDocument {...fromDocument} />}
    </div>
  );
}

/**
 * The stories in the order the list shows them: the candidate's own first, then those drawn from the
 * sample document's answers (`sampleItemIds`), each keeping its place within its group.
 * @example ownStoriesFirst([sampleStory, ownStory], new Set([sampleStory.sourceItemId])) // own, then sample
 */
export function ownStoriesFirst(
  stories: readonly StoredStory[],
  sampleItemIds: ReadonlySet<string>,
): { story: StoredStory; fromSample: boolean }[] {
  const marked = stories.map((story) => ({
    story,
    fromSample: story.sourceItemId !== undefined && sampleItemIds.has(story.sourceItemId),
  }));
  return [...marked.filter((entry) => !entry.fromSample), ...marked.filter((entry) => entry.fromSample)];
}

export function StoryCard({ story, fromSample = false }: { story: StoredStory; fromSample?: boolean }) {
  // The first part that says something: a one-word "Sure." situation is no summary.
  const summary = [story.result, story.situation, story.task, ...story.actions].find(
    (part) => part.split(/\s+/).length >= 6,
  );
  return (
    <article className="story-card card">
      <h2 className="story-title">
        <a href={route.stories(story.id)}>{story.title}</a>
      </h2>
      {story.question !== undefined && <StoryQuestion story={story} />}
      {summary !== undefined && summary !== "" && <p className="story-summary">{stripMarkup(summary)}</p>}
      <div className="story-chips">
        {fromSample && (
          <span
            className="chip chip-sample"
            title="Drawn from derisk's sample document, not from your own notes"
          >
            sample
          </span>
        )}
        {story.competencies.map((competency) => (
          <span key={competency} className="chip chip-competency">
            {COMPETENCY_NAMES[competency]}
          </span>
        ))}
        {story.metrics.slice(0, 3).map((metric) => (
          <span key={metric} className="chip chip-metric">
            {metric}
          </span>
        ))}
      </div>
      <footer className="story-footer">
        <span className="muted story-parts">
          {story.actions.length} action{story.actions.length === 1 ? "" : "s"}
          {story.result === "" ? " · no result yet" : " · result"}
          {story.lesson === "" ? " · no lesson yet" : " · lesson"}
        </span>
        <a className="link-button" href={route.compose(story.id)}>
          Compose an answer<span className="visually-hidden"> from “{story.title}”</span>
          <Icon name="arrow" size={15} />
        </a>
      </footer>
    </article>
  );
}

/** The question a story's answer was asked (its title says what happened), with the answer's variant. */
function StoryQuestion({ story }: { story: StoredStory }) {
  return (
    <p className="story-question muted" data-testid="story-question">
      Answers “{stripMarkup(story.question ?? "")}”{story.variant === undefined ? "" : ` (${story.variant})`}
    </p>
  );
}

function FromDocument({
  documents,
  documentId,
  onDocumentChange: setDocumentId,
  onMade,
  onMessage: setMessage,
}: {
  documents: DocumentSummary[] | null;
  documentId: string | null;
  onDocumentChange: (documentId: string) => void;
  onMade: () => void;
  onMessage: (message: string | null) => void;
}) {
  const selectId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  if (documents === null || documents.length === 0) return null;
  const chosen = currentDocument(documents, documentId);
  if (chosen === undefined) return null;

  async function make(target: DocumentSummary): Promise<void> {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const made = await api.storiesFromDocument(target.id);
      const parts = [
        `${made.created.length} new stor${made.created.length === 1 ? "y" : "ies"}`,
        made.existing.length > 0 ? `${made.existing.length} already made` : "",
        made.skipped.length > 0
          ? `${made.skipped.length} answer${made.skipped.length === 1 ? "" : "s"} skipped (introductions, “why” answers, outlines)`
          : "",
      ].filter((part) => part !== "");
      setMessage(`From “${target.title}”: ${parts.join(", ")}.`);
      onMade();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="from-document card" aria-labelledby="from-document-title">
      <div className="from-document-text">
        <h2 id="from-document-title" className="card-title">
          Make stories from this document
        </h2>
        <p className="muted">
          Each STAR answer becomes a story you can edit; answers already turned into stories are left as they
          are.
        </p>
      </div>
      <div className="from-document-actions">
        {documents.length > 1 && (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              Document
            </label>
            <select
              id={selectId}
              className="select"
              value={chosen.id}
              onChange={(event) => setDocumentId(event.target.value)}
            >
              {documents.map((doc) => (
                <option key={doc.id} value={doc.id}>
                  {documentLabels(documents).get(doc.id) ?? doc.title}
                </option>
              ))}
            </select>
          </>
        )}
        <HeldButton className="button" held={busy} onClick={() => void make(chosen)}>
          {busy ? "Making stories…" : `Make stories from “${chosen.title}”`}
        </HeldButton>
      </div>
      {error !== null && <ErrorMessage title="Couldn't make stories" error={error} />}
    </section>
  );
}

function StoryLoader({ storyId }: { storyId: string }) {
  const { result, reload } = useLoad(`story:${storyId}`, () => api.getStory(storyId));
  if (result.state === "loading") {
    return (
      <div className="page page-story" aria-busy="true">
        <p className="visually-hidden" role="status">
          Loading the story…
        </p>
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-editor" />
      </div>
    );
  }
  if (result.state === "error") {
    return (
      <div className="page page-story">
        <ErrorMessage title="Couldn't open this story" error={result.error} onRetry={reload} />
        <p>
          <a href={route.stories()}>Back to your stories</a>
        </p>
      </div>
    );
  }
  return <StoryEditor key={result.data.id} story={result.data} />;
}

interface FormState {
  title: string;
  situation: string;
  task: string;
  actions: string[];
  result: string;
  lesson: string;
  metrics: string;
  tags: string;
  competencies: Competency[];
}

function formOf(story: StoredStory | null): FormState {
  return {
    title: story?.title ?? "",
    situation: story?.situation ?? "",
    task: story?.task ?? "",
    actions: story === null || story.actions.length === 0 ? [""] : [...story.actions],
    result: story?.result ?? "",
    lesson: story?.lesson ?? "",
    metrics: story?.metrics.join(", ") ?? "",
    tags: story?.tags.join(", ") ?? "",
    competencies: story?.competencies ?? [],
  };
}

function inputOf(form: FormState): StoryInput {
  return {
    title: form.title.trim(),
    situation: form.situation.trim(),
    task: form.task.trim(),
    actions: form.actions.map((action) => action.trim()).filter((action) => action !== ""),
    result: form.result.trim(),
    lesson: form.lesson.trim(),
    metrics: splitList(form.metrics),
    tags: splitList(form.tags),
    competencies: form.competencies,
  };
}

const PART_HINTS = {
  situation: "Where and when; what was at stake.",
  task: "What you were responsible for.",
  result: "What changed, with a figure if you have one.",
  lesson: "What you do differently since.",
} as const;

function StoryEditor({ story, serves }: { story: StoredStory | null; serves?: Competency | undefined }) {
  const [saved, setSaved] = useState<StoredStory | null>(story);
  const [initial] = useState<FormState>(() => {
    const empty = formOf(story);
    return serves === undefined ? empty : { ...empty, competencies: [serves] };
  });
  const [form, setForm] = useState<FormState>(initial);
  const latestForm = useRef(form);
  latestForm.current = form;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleId = useId();
  const metricsId = useId();
  const tagsId = useId();

  useEffect(() => {
    document.title = `${story === null ? "New story" : story.title} · derisk`;
  }, [story]);

  const dirty =
    JSON.stringify(inputOf(form)) !== JSON.stringify(inputOf(saved === null ? initial : formOf(saved)));
  useEffect(() => {
    if (!dirty) return;
    setNavigationGuard(() => "This story has unsaved changes. Leave anyway?");
    const onBeforeUnload = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      setNavigationGuard(null);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [dirty]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]): void =>
    setForm((current) => ({ ...current, [key]: value }));

  /** `over`: the version saved elsewhere since, which the user chose to save theirs over. */
  async function save(over?: number): Promise<void> {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      if (saved === null) {
        const created = await api.createStory(inputOf(form));
        setNavigationGuard(null);
        navigate({ page: "stories", storyId: created.id }, { replace: true });
      } else {
        const sent = form;
        const updated = await api.updateStory(saved.id, inputOf(sent), over ?? saved.version);
        setSaved(updated);
        // What was typed while the save was on its way stays in the form, unsaved.
        const at = new Date(updated.updatedAt).toLocaleTimeString();
        if (latestForm.current === sent) {
          setForm(formOf(updated));
          setNotice(`Saved at ${at}.`);
        } else {
          setNotice(`Saved at ${at}; what you typed since is not saved yet.`);
        }
      }
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  // Ctrl/Cmd+S saves the story, as in the answer editor (not the browser's "Save page as").
  useShortcuts({
    "mod+s": () => {
      if (!busy && (dirty || saved === null) && form.title.trim() !== "") void save();
    },
  });

  /** After a conflict: the version saved elsewhere, then the user's form saved over it. */
  async function saveOver(): Promise<void> {
    if (saved === null) return;
    try {
      const latest = await api.getStory(saved.id);
      await save(latest.version);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  async function remove(): Promise<void> {
    if (saved === null || !window.confirm(`Delete the story “${saved.title}”? This cannot be undone.`))
      return;
    try {
      await api.deleteStory(saved.id);
      setNavigationGuard(null);
      navigate({ page: "stories" });
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <div className="page page-story">
      {/* A new story for a competency comes from a coverage gap's "Write a story": back there. */}
      <a
        className="back-link back-link-always"
        href={story === null && serves !== undefined ? route.coverage() : route.stories()}
      >
        <Icon name="back" size={16} />
        {story === null && serves !== undefined ? "Back to coverage" : "All stories"}
      </a>
      <header className="page-header">
        <h1>{saved === null ? "New story" : saved.title}</h1>
        <p className="lede">
          Write what happened in your own words; compose picks and trims these sentences for each question.
        </p>
        {saved?.sourceItemId !== undefined && (
          <p className="story-source">
            Drawn from <a href={route.edit(saved.sourceItemId)}>your answer</a>
            {saved.question === undefined ? "" : ` to “${stripMarkup(saved.question)}”`}
            {saved.variant === undefined ? "" : ` (${saved.variant})`}; editing the story leaves the answer as
            it is.
          </p>
        )}
      </header>
      <form
        className="story-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="field field-wide">
          <label htmlFor={titleId} className="field-label">
            Title
          </label>
          <input
            id={titleId}
            className="input"
            value={form.title}
            required
            onChange={(event) => set("title", event.target.value)}
          />
        </div>
        <PartField
          label="Situation"
          hint={PART_HINTS.situation}
          value={form.situation}
          onChange={(v) => set("situation", v)}
        />
        <PartField label="Task" hint={PART_HINTS.task} value={form.task} onChange={(v) => set("task", v)} />
        <fieldset className="field field-wide actions-field">
          <legend className="field-label">Actions</legend>
          <p className="field-hint">One step each, starting with what you did yourself: “I …”.</p>
          <ol className="action-list">
            {form.actions.map((action, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: actions are edited in place, by position.
              <li key={index} className="action-row">
                <label className="visually-hidden" htmlFor={`${titleId}-action-${index}`}>
                  Action {index + 1}
                </label>
                <textarea
                  dir="auto"
                  id={`${titleId}-action-${index}`}
                  className="textarea"
                  rows={2}
                  value={action}
                  onChange={(event) =>
                    set(
                      "actions",
                      form.actions.map((a, i) => (i === index ? event.target.value : a)),
                    )
                  }
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove action ${index + 1}`}
                  disabled={form.actions.length === 1}
                  onClick={() =>
                    set(
                      "actions",
                      form.actions.filter((_, i) => i !== index),
                    )
                  }
                >
                  <Icon name="trash" size={16} />
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button-small add-action"
            onClick={() => set("actions", [...form.actions, ""])}
          >
            <Icon name="plus" size={16} />
            Add an action
          </button>
        </fieldset>
        <PartField
          label="Result"
          hint={PART_HINTS.result}
          value={form.result}
          onChange={(v) => set("result", v)}
        />
        <PartField
          label="Lesson"
          hint={PART_HINTS.lesson}
          value={form.lesson}
          onChange={(v) => set("lesson", v)}
        />
        <div className="form-grid">
          <div className="field field-wide">
            <label htmlFor={metricsId} className="field-label">
              Metrics
            </label>
            <input
              id={metricsId}
              className="input"
              value={form.metrics}
              placeholder="40%, from 2 h to 10 min"
              aria-describedby={`${metricsId}-hint`}
              onChange={(event) => set("metrics", event.target.value)}
            />
            <p id={`${metricsId}-hint`} className="field-hint">
              Comma-separated; found in your text when left empty.
            </p>
          </div>
          <div className="field field-wide">
            <label htmlFor={tagsId} className="field-label">
              Tags
            </label>
            <input
              id={tagsId}
              className="input"
              value={form.tags}
              placeholder="PyTorch, on-call, migration"
              onChange={(event) => set("tags", event.target.value)}
            />
          </div>
        </div>
        <fieldset className="field field-wide">
          <legend className="field-label">Competencies it can serve</legend>
          <div className="checkbox-grid">
            {COMPETENCY_LIST.map((competency) => (
              <label key={competency} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.competencies.includes(competency)}
                  onChange={(event) =>
                    set(
                      "competencies",
                      event.target.checked
                        ? [...form.competencies, competency]
                        : form.competencies.filter((c) => c !== competency),
                    )
                  }
                />
                {COMPETENCY_NAMES[competency]}
              </label>
            ))}
          </div>
        </fieldset>
        {error !== null && error.code === "CONFLICT" && saved !== null ? (
          <div className="callout callout-error" role="alert">
            <Icon name="alert" />
            <div>
              <p className="callout-title">This story changed since you opened it</p>
              <p>
                It was saved elsewhere (another tab, or the terminal). Your text is still here: save it over
                that version, or open the latest in a new tab to compare first.
              </p>
              <div className="callout-actions">
                <button type="button" className="button button-small" onClick={() => void saveOver()}>
                  Save mine over it
                </button>
                <a
                  className="button button-small"
                  href={route.stories(saved.id)}
                  target="_blank"
                  rel="noreferrer"
                >
                  Open the latest in a new tab
                </a>
              </div>
            </div>
          </div>
        ) : (
          error !== null && <ErrorMessage title="Couldn't save the story" error={error} />
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            aria-keyshortcuts="Control+S Meta+S"
          >
            {busy ? "Saving…" : saved === null ? "Create story" : "Save story"}
          </button>
          {saved !== null && (
            <a className="button" href={route.compose(saved.id)}>
              Compose an answer
            </a>
          )}
          <span className="save-status" role="status">
            {notice}
          </span>
          {saved !== null && (
            <button type="button" className="button button-quiet form-delete" onClick={() => void remove()}>
              <Icon name="trash" size={16} />
              Delete
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

function PartField({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field field-wide">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        dir="auto"
        id={id}
        className="textarea"
        rows={3}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
