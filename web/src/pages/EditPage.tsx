import { useCallback, useEffect, useId, useRef, useState } from "react";
import { answerText } from "../../../src/core/answer-text.ts";
import type { RoleId } from "../../../src/core/model.ts";
import { withoutPartLabels } from "../../../src/core/words.ts";
import { ApiError, api, type DocumentSummary, describeError, type StoredItem } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { HistoryPanel, itemHistory } from "../components/HistoryPanel.tsx";
import { Icon } from "../components/Icon.tsx";
import { LensSummary, RiskLens } from "../components/RiskLens.tsx";
import { answerTooLong, countWords, formatDuration, speakingSeconds, WORDS_PER_MINUTE } from "../library.ts";
import { route } from "../links.ts";
import { plural } from "../report.ts";
import { setNavigationGuard } from "../route.ts";
import { useShortcuts } from "../shortcuts.ts";
import { clearDraft, type Draft, loadDraft, saveDraft } from "../storage.ts";
import { roleIdOf, useAnalysis } from "../use-analysis.ts";

type EditableItem = Extract<StoredItem, { kind: "answer" | "follow-up" }>;

/** The text a PUT replaces: an answer's text, or a follow-up's prepared answer. */
function editableText(item: EditableItem): string {
  return item.kind === "answer" ? answerText(item) : item.answer;
}

function isEditable(item: StoredItem): item is EditableItem {
  return item.kind === "answer" || item.kind === "follow-up";
}

type Loaded =
  | { state: "loading" }
  | { state: "error"; error: { code: string; message: string } }
  | { state: "ready"; item: StoredItem };

export function EditPage({ itemId, documents }: { itemId: string; documents: DocumentSummary[] | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);

  // `attempt` is a dependency on purpose: "Try again" bumps it to fetch again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    let cancelled = false;
    setLoaded({ state: "loading" });
    api.getItem(itemId).then(
      (item) => {
        if (!cancelled) setLoaded({ state: "ready", item });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ state: "error", error: describeError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [itemId, attempt]);

  if (loaded.state === "loading") {
    return (
      <div className="page page-edit" aria-busy="true">
        <p className="visually-hidden" role="status">
          Loading the answer…
        </p>
        <div className="skeleton skeleton-line" />
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-editor" />
      </div>
    );
  }
  if (loaded.state === "error") {
    return (
      <div className="page page-edit">
        <ErrorMessage
          title="Couldn't open this answer"
          error={loaded.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
        <p>
          <a href="#/library">Back to the library</a>
        </p>
      </div>
    );
  }
  if (!isEditable(loaded.item)) {
    return (
      <div className="page page-edit">
        <ErrorMessage
          title="This item can't be edited here"
          error={{
            code: "USAGE",
            message: "Only answers and prepared follow-up answers are edited in this editor.",
          }}
        />
        <p>
          <a href={route.library(loaded.item.documentId)}>Back to the library</a>
        </p>
      </div>
    );
  }
  const targetRole = documents?.find((doc) => doc.id === loaded.item.documentId)?.targetRole;
  return <Editor key={loaded.item.id} initial={loaded.item} role={roleIdOf(targetRole)} />;
}

type SaveState =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved"; at: Date }
  | { state: "error"; error: { code: string; message: string } }
  | { state: "conflict"; error: { code: string; message: string } };

const LEAVE_MESSAGE = "You have unsaved changes. Leave this page anyway? A draft stays in this browser.";

function Editor({ initial, role }: { initial: EditableItem; role: RoleId | undefined }) {
  const [item, setItem] = useState<EditableItem>(initial);
  const [draft] = useState<Draft | null>(() => {
    const stored = loadDraft(initial.id);
    return stored !== null && stored.text !== editableText(initial) ? stored : null;
  });
  const [text, setText] = useState(() => draft?.text ?? editableText(initial));
  const [draftNotice, setDraftNotice] = useState(draft !== null);
  const [saveState, setSaveState] = useState<SaveState>({ state: "idle" });
  const [draftSavedAt, setDraftSavedAt] = useState<Date | null>(null);
  /** The user's own text, set aside when they load the latest saved version over it. */
  const [setAside, setSetAside] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const textareaId = useId();

  const baseline = editableText(item);
  const dirty = text !== baseline;
  const analysis = useAnalysis(text, {
    question: item.question,
    ...(role === undefined ? {} : { role }),
    ...(item.budgetSeconds === undefined ? {} : { budgetSeconds: item.budgetSeconds }),
    ...(item.kind === "follow-up" ? { followUp: true } : {}),
  });

  // Autosave a local draft every second, so a closed tab or a crash loses nothing.
  const latest = useRef({ text, baseline, version: item.version });
  latest.current = { text, baseline, version: item.version };
  useEffect(() => {
    let written = draft?.text ?? null;
    const flush = (): void => {
      const { text: current, baseline: saved, version } = latest.current;
      if (current === saved) {
        if (written !== null) clearDraft(item.id);
        written = null;
        return;
      }
      if (current === written) return;
      saveDraft(item.id, { text: current, baseVersion: version, savedAt: new Date().toISOString() });
      written = current;
      setDraftSavedAt(new Date());
    };
    const timer = window.setInterval(flush, 1000);
    window.addEventListener("pagehide", flush);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [item.id, draft]);

  // Guard both ways out: closing or reloading the tab, and in-app navigation.
  const unsaved = dirty || setAside !== null;
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    setNavigationGuard(() => LEAVE_MESSAGE);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      setNavigationGuard(null);
    };
  }, [unsaved]);

  useEffect(() => {
    document.title = `Edit: ${item.question} · derisk`;
    const editor = textareaRef.current;
    if (!editor) return;
    editor.focus();
    // Editing goes on after the text, as a resumed practice answer does: at the start, where the
    // browser puts the caret, the first words typed would land before the answer.
    editor.setSelectionRange(editor.value.length, editor.value.length);
  }, [item.question]);

  const save = useCallback(
    async (expectedVersion: number): Promise<void> => {
      const sent = text;
      // Said here in the editor's words: the server's refusal names a JSON field and the API docs.
      const tooLong = answerTooLong(sent);
      if (tooLong !== null) {
        setSaveState({ state: "error", error: tooLong });
        return;
      }
      setSaveState({ state: "saving" });
      try {
        const saved = await api.saveItem(item.id, sent, expectedVersion);
        if (!isEditable(saved)) throw new Error("The server returned an item of another kind.");
        setItem(saved);
        setDraftNotice(false);
        // What was typed while the save was on its way is not saved: its draft stays, and so
        // does "Unsaved changes".
        // A draft another tab left, restored here, is superseded by this save either way.
        if (draft?.key !== undefined) clearDraft(item.id, draft);
        if (latest.current.text === sent) {
          clearDraft(item.id);
          setSaveState({ state: "saved", at: new Date() });
        } else {
          saveDraft(item.id, {
            text: latest.current.text,
            baseVersion: saved.version,
            savedAt: new Date().toISOString(),
          });
          setSaveState({ state: "idle" });
        }
      } catch (error) {
        const described = describeError(error);
        setSaveState(
          error instanceof ApiError && error.status === 409
            ? { state: "conflict", error: described }
            : { state: "error", error: described },
        );
      }
    },
    [item.id, text, draft],
  );

  async function reloadLatest(keepMine: boolean): Promise<void> {
    try {
      const latestItem = await api.getItem(item.id);
      if (!isEditable(latestItem)) return;
      if (keepMine) {
        setItem(latestItem);
        await save(latestItem.version);
        return;
      }
      setItem(latestItem);
      // The text the user typed is set aside, never dropped: they can put it back.
      const mine = text;
      setText(editableText(latestItem));
      setSetAside(mine === editableText(latestItem) ? null : mine);
      clearDraft(item.id);
      setSaveState({ state: "idle" });
    } catch (error) {
      setSaveState({ state: "error", error: describeError(error) });
    }
  }

  useShortcuts({
    // Like the Save button: nothing to save makes no new, identical version in the history.
    "mod+s": () => {
      if (dirty && saveState.state !== "saving") void save(item.version);
    },
  });

  // Counted as said aloud, STAR labels left out: the same figure as the live lens beside it.
  const spoken = withoutPartLabels(text);
  const words = countWords(spoken);
  const seconds = speakingSeconds(spoken);
  const budget = item.budgetSeconds;
  const backHref =
    item.kind === "answer" ? route.library(item.documentId, item.id) : route.library(item.documentId);
  const title = item.kind === "answer" ? "Edit answer" : "Edit prepared follow-up answer";

  return (
    <div className="page page-edit">
      <a className="back-link" href={backHref}>
        <Icon name="back" size={16} />
        Back to the library
      </a>
      <header className="edit-header">
        <p className="eyebrow">
          {title}
          {item.kind === "answer" && <span className="chip">{item.variant}</span>}
        </p>
        <h1 className="answer-question">
          {item.kind === "answer" && item.questionNumber !== undefined && (
            <span className="question-number">{item.questionNumber}</span>
          )}
          {item.question}
        </h1>
      </header>

      {draftNotice && draft !== null && (
        <div className="callout callout-info" role="status">
          <Icon name="info" />
          <div>
            <p>
              Restored your unsaved draft from {new Date(draft.savedAt).toLocaleString()}.
              {draft.baseVersion !== item.version && " The saved answer has changed since then."}
            </p>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setText(baseline);
                clearDraft(item.id, draft);
                setDraftNotice(false);
              }}
            >
              Discard the draft
            </button>
          </div>
        </div>
      )}

      <div className="edit-layout">
        <form
          className="editor"
          onSubmit={(event) => {
            event.preventDefault();
            void save(item.version);
          }}
        >
          <label htmlFor={textareaId} className="visually-hidden">
            {item.kind === "answer" ? "Answer text" : "Prepared answer"}
          </label>
          <LensSummary state={analysis} lensId="lens-title" />
          <textarea
            dir="auto"
            ref={textareaRef}
            id={textareaId}
            className="textarea editor-textarea"
            value={text}
            spellCheck
            onChange={(event) => {
              setText(event.target.value);
              if (saveState.state === "saved") setSaveState({ state: "idle" });
            }}
          />
          <div className="editor-bar">
            <p className="editor-stats">
              <span>{plural(words, "word", "words")}</span>
              <span className={budget !== undefined && seconds > budget ? "over-budget" : undefined}>
                ≈ {formatDuration(seconds)} at {WORDS_PER_MINUTE} wpm
                {budget !== undefined && ` · budget ${formatDuration(budget)}`}
              </span>
            </p>
            <p className="editor-status" role="status" aria-live="polite">
              {saveState.state === "saving" && "Saving…"}
              {saveState.state === "saved" && `Saved at ${saveState.at.toLocaleTimeString()}`}
              {(saveState.state === "error" || saveState.state === "conflict") &&
                "Not saved · your text is kept in this browser"}
              {saveState.state === "idle" &&
                (dirty
                  ? draftSavedAt
                    ? `Unsaved changes · draft kept in this browser at ${draftSavedAt.toLocaleTimeString()}`
                    : "Unsaved changes"
                  : "No changes")}
            </p>
            <button
              type="submit"
              className="button button-primary"
              disabled={saveState.state === "saving" || !dirty}
              aria-keyshortcuts="Control+S Meta+S"
            >
              {saveState.state === "saving" ? "Saving…" : "Save"}
              <span className="button-kbd" aria-hidden="true">
                <kbd>Ctrl S</kbd>
              </span>
            </button>
          </div>
          {/* Beside the Save button that failed, not below the history where no one looks. */}
          {saveState.state === "error" && (
            <ErrorMessage
              title="Couldn't save"
              error={saveState.error}
              onRetry={() => void save(item.version)}
            />
          )}
          {saveState.state === "conflict" && (
            <div className="callout callout-error" role="alert">
              <Icon name="alert" />
              <div>
                <p className="callout-title">This answer changed since you opened it</p>
                <p>
                  {/* In the page's own words: the server's refusal ends "start again from the latest
                      text", which the two choices below make untrue. */}
                  It was saved elsewhere (another tab, or the terminal) since you opened it: nothing was
                  overwritten, and your text is still here. Load the latest version to see what changed (yours
                  is kept beside it), or save yours over it.
                </p>
                <div className="callout-actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void reloadLatest(false)}
                  >
                    Load the latest version
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void reloadLatest(true)}
                  >
                    Save mine over it
                  </button>
                </div>
              </div>
            </div>
          )}
        </form>
        <RiskLens
          state={analysis}
          title="Risk lens · live"
          onGoToSentence={(start, end) => {
            const area = textareaRef.current;
            if (!area) return;
            area.focus();
            area.setSelectionRange(start, end);
          }}
        />
      </div>

      <HistoryPanel
        source={itemHistory(item.id)}
        version={item.version}
        dirty={dirty}
        onRestored={(restored) => {
          if (!isEditable(restored)) return;
          setItem(restored);
          setText(editableText(restored));
          clearDraft(restored.id);
          setSaveState({ state: "saved", at: new Date() });
        }}
      />

      {setAside !== null && (
        <div className="callout callout-info" role="status" data-testid="set-aside">
          <Icon name="info" />
          <div>
            <p className="callout-title">Your text, not saved</p>
            <p>The editor shows the latest saved version. What you had typed is kept here until you leave.</p>
            <textarea
              dir="auto"
              className="textarea"
              readOnly
              value={setAside}
              aria-label="Your text, not saved"
              rows={Math.min(12, setAside.split("\n").length + 1)}
            />
            <div className="callout-actions">
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setText(setAside);
                  setSetAside(null);
                  setSaveState({ state: "idle" });
                }}
              >
                Put my text back
              </button>
              <button type="button" className="button button-small" onClick={() => setSetAside(null)}>
                Discard my text
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
