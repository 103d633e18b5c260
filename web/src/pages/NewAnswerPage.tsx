import { useEffect, useId, useRef, useState } from "react";
import { withoutPartLabels } from "../../../src/core/words.ts";
import { api, type DocumentSummary, describeError } from "../api.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Icon } from "../components/Icon.tsx";
import { LensSummary, RiskLens } from "../components/RiskLens.tsx";
import { answerTooLong, countWords, formatDuration, speakingSeconds, WORDS_PER_MINUTE } from "../library.ts";
import { route } from "../links.ts";
import { plural } from "../report.ts";
import { navigate, setNavigationGuard } from "../route.ts";
import { useShortcuts } from "../shortcuts.ts";
import { clearDraft, currentDocument, loadDraft, newAnswerDraftKey, saveDraft } from "../storage.ts";
import { useAnalysis } from "../use-analysis.ts";

// The browser keeps one unsaved new answer per question, like the editor's drafts.
const draftKey = newAnswerDraftKey;

const LEAVE_MESSAGE =
  "Your new answer is not saved yet. Leave this page anyway? A draft stays in this browser.";

type SaveState =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "error"; error: { code: string; message: string } };

/**
 * Writing the answer to a question the bank has no answer for yet (a coverage gap's "Write
 * your answer"): the question, the document it goes into, the answer with the live risk lens,
 * a draft kept in this browser every second, and Save to write it into the document.
 */
export function NewAnswerPage({
  question: initialQuestion,
  documents,
}: {
  question: string;
  documents: DocumentSummary[] | null;
}) {
  const [question, setQuestion] = useState(initialQuestion);
  const [text, setText] = useState(() => loadDraft(draftKey(initialQuestion))?.text ?? "");
  const [documentId, setDocumentId] = useState<string>("");
  const [saveState, setSaveState] = useState<SaveState>({ state: "idle" });
  const [draftSavedAt, setDraftSavedAt] = useState<Date | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const ids = { question: useId(), document: useId(), text: useId() };
  const analysis = useAnalysis(text, { question });

  // The document: the one last opened, else the first; never the sample beside the user's own
  // documents (it is not their evidence, so an answer written for a coverage gap would leave the
  // gap open), though it stays in the list to choose.
  useEffect(() => {
    if (documents === null || documents.length === 0 || documentId !== "") return;
    const own = documents.filter((doc) => doc.sample !== true);
    setDocumentId(currentDocument(own.length > 0 ? own : documents)?.id ?? "");
  }, [documents, documentId]);

  useEffect(() => {
    document.title = "New answer · derisk";
  }, []);

  // Autosave a local draft every second, so a closed tab loses nothing.
  const latest = useRef({ text, question });
  /** Set once the answer is saved: the new-answer draft is not written again. */
  const done = useRef(false);
  latest.current = { text, question };
  useEffect(() => {
    let written: string | null = null;
    const flush = (): void => {
      if (done.current) return;
      const { text: current, question: asked } = latest.current;
      if (current === written) return;
      if (current.trim() === "") clearDraft(draftKey(asked));
      else {
        saveDraft(draftKey(asked), { text: current, baseVersion: 0, savedAt: new Date().toISOString() });
        setDraftSavedAt(new Date());
      }
      written = current;
    };
    const timer = window.setInterval(flush, 1000);
    window.addEventListener("pagehide", flush);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("pagehide", flush);
    };
  }, []);

  const dirty = text.trim() !== "";
  useEffect(() => {
    if (!dirty) return;
    setNavigationGuard(() => LEAVE_MESSAGE);
    return () => setNavigationGuard(null);
  }, [dirty]);

  async function save(): Promise<void> {
    if (documentId === "" || saveState.state === "saving") return;
    const sent = text;
    const tooLong = answerTooLong(sent);
    if (tooLong !== null) {
      setSaveState({ state: "error", error: tooLong });
      return;
    }
    setSaveState({ state: "saving" });
    try {
      const item = await api.addAnswer(documentId, { question, text: sent });
      done.current = true;
      clearDraft(draftKey(question));
      setNavigationGuard(null);
      const typedSince = latest.current.text;
      if (typedSince !== sent) {
        // Words typed while the save was on its way become the new answer's draft: its editor
        // opens with them, unsaved, instead of the library dropping them.
        saveDraft(item.id, {
          text: typedSince,
          baseVersion: item.version,
          savedAt: new Date().toISOString(),
        });
        navigate({ page: "edit", itemId: item.id });
        return;
      }
      navigate({ page: "library", documentId, view: "answers", itemId: item.id });
    } catch (error) {
      setSaveState({ state: "error", error: describeError(error) });
    }
  }

  useShortcuts({ "mod+s": () => void save() });

  if (documents !== null && documents.length === 0) {
    return (
      <div className="page">
        <EmptyState icon="file" title="Import a document first">
          <p>A new answer is written into one of your documents.</p>
          <a className="button" href="#/">
            Go to the import page
          </a>
        </EmptyState>
      </div>
    );
  }

  const words = countWords(withoutPartLabels(text));
  const seconds = speakingSeconds(withoutPartLabels(text));
  const canSave =
    documentId !== "" && question.trim() !== "" && text.trim() !== "" && saveState.state !== "saving";

  return (
    <div className="page page-edit page-new-answer">
      <a className="back-link" href={route.coverage()}>
        <Icon name="back" size={16} />
        Back to coverage
      </a>
      <header className="edit-header">
        <p className="eyebrow">New answer</p>
        <h1>Write your answer</h1>
      </header>
      <div className="edit-layout">
        <form
          className="editor"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor={ids.question}>Question</label>
            <input
              id={ids.question}
              className="input"
              value={question}
              maxLength={300}
              required
              onChange={(event) => setQuestion(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.document}>Save into</label>
            <select
              id={ids.document}
              className="select"
              value={documentId}
              onChange={(event) => setDocumentId(event.target.value)}
            >
              {(documents ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </div>
          <label htmlFor={ids.text}>Answer</label>
          <LensSummary state={analysis} lensId="lens-title" />
          <textarea
            dir="auto"
            ref={textareaRef}
            id={ids.text}
            className="textarea editor-textarea"
            value={text}
            spellCheck
            placeholder="Say it the way you would say it in the interview."
            onChange={(event) => {
              setText(event.target.value);
              if (saveState.state === "error") setSaveState({ state: "idle" });
            }}
          />
          <div className="editor-bar">
            <p className="editor-stats">
              <span>{plural(words, "word", "words")}</span>
              <span>
                ≈ {formatDuration(seconds)} at {WORDS_PER_MINUTE} wpm
              </span>
            </p>
            <p className="editor-status" role="status" aria-live="polite">
              {saveState.state === "saving"
                ? "Saving…"
                : dirty
                  ? draftSavedAt
                    ? `Not saved yet · draft kept in this browser at ${draftSavedAt.toLocaleTimeString()}`
                    : "Not saved yet"
                  : "Nothing written yet"}
            </p>
            <button
              type="submit"
              className="button button-primary"
              disabled={!canSave}
              aria-keyshortcuts="Control+S Meta+S"
            >
              {saveState.state === "saving" ? "Saving…" : "Save answer"}
            </button>
          </div>
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
      {saveState.state === "error" && (
        <ErrorMessage title="Couldn't save the answer" error={saveState.error} />
      )}
    </div>
  );
}
