import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { api, type DocumentSummary, describeError, type ImportResult } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Icon } from "../components/Icon.tsx";
import { ImportChangesView } from "../components/ImportChangesView.tsx";
import { ImportReportView } from "../components/ImportReportView.tsx";
import { WhatNextList } from "../components/WhatNextList.tsx";
import { route } from "../links.ts";
import { documentLabels } from "../names.ts";
import { plural } from "../report.ts";
import { navigate } from "../route.ts";

type Busy = "file" | "paste" | "sample" | "empty" | null;

/** "a" or "an" before a role as it is read aloud: "an Engineer", "an ML Engineer", "a Data/ML Engineer". */
export function article(role: string): "a" | "an" {
  // A vowel ("an Engineer"; a "u" mostly sounds "you": "a UX designer"), or a letter said with
  // a vowel first when it opens an acronym ("an ML Engineer", "an SRE").
  return /^[aeio]/i.test(role) || /^[FHLMNRSX](?=[A-Z/\s]|$)/.test(role) ? "an" : "a";
}

/** What "Start empty" creates: a titled document the user fills by importing or editing later. */
const EMPTY_DOCUMENT = "# My interview prep\n";

/** The server's limit (src/app/bank.ts); saying so up front spares a long upload. */
const MAX_BYTES = 10 * 1024 * 1024;

export function StartPage({
  documents,
  onImported,
}: {
  documents: DocumentSummary[] | null;
  onImported: (result: ImportResult) => void;
}) {
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  /** A re-import waiting for the user's go-ahead: what it would change, and how to do it. */
  const [preview, setPreview] = useState<{
    kind: "file" | "paste";
    result: ImportResult;
    confirm: () => Promise<ImportResult>;
  } | null>(null);
  const [dragging, setDragging] = useState(false);
  /** Imports done on this page: each one refreshes the "what next" list. */
  const [imports, setImports] = useState(0);
  const [pasted, setPasted] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const pasteId = useId();
  /** The role the sample says it is pitched for, read from the sample itself. */
  const [sampleRole, setSampleRole] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.sample().then(
      (sample) => {
        if (live) setSampleRole(sample.targetRole);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  /**
   * A file or pasted text is checked first (a dry run): a document already in the library is
   * only updated after the user has seen what would change.
   */
  function runChecked(
    kind: "file" | "paste",
    check: () => Promise<ImportResult>,
    confirm: () => Promise<ImportResult>,
  ): Promise<void> {
    return run(kind, async () => {
      const checked = await check();
      if (checked.wouldBe !== "updated") return confirm();
      setPreview({ kind, result: checked, confirm });
      return null;
    });
  }

  async function run(kind: Exclude<Busy, null>, action: () => Promise<ImportResult | null>): Promise<void> {
    setBusy(kind);
    setError(null);
    setResult(null);
    setPreview(null);
    try {
      const imported = await action();
      if (imported === null) {
        requestAnimationFrame(() => resultRef.current?.focus());
        return;
      }
      onImported(imported);
      setImports((n) => n + 1);
      // An empty document has nothing to report: go straight to it.
      if (kind === "empty" && imported.documentId !== undefined) {
        navigate({ page: "library", documentId: imported.documentId, view: "answers" });
        return;
      }
      setResult(imported);
      // Move focus to the report so keyboard and screen-reader users land on the outcome.
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (caught) {
      setError(describeError(caught));
      requestAnimationFrame(() => resultRef.current?.focus());
    } finally {
      setBusy(null);
    }
  }

  function importFile(file: File): void {
    if (file.size > MAX_BYTES) {
      setResult(null);
      setError({
        code: "TOO_LARGE",
        // What, and the way out: a prep document that large holds something else (pasted images, a log).
        message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; derisk imports text documents up to 10 MB. Split it into smaller files and import each, or remove what is not your notes (pasted images, logs, attachments) and import it again.`,
      });
      return;
    }
    void runChecked(
      "file",
      () => api.importFile(file, file.name, true),
      () => api.importFile(file, file.name),
    );
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) importFile(file);
  }

  const disabled = busy !== null;
  /** The sample, when it is already in the library (its import would be "unchanged"). */
  const sampleDoc = documents?.find((doc) => doc.sample === true);

  return (
    <div className="page page-start">
      <header className="page-header">
        <h1>Import your prep document</h1>
        <p className="lede">
          Bring the notes you already have: answers, follow-ups, STAR stories, technical questions. derisk
          keeps every line, repairs garbled characters, and shows you what it recognised. Nothing leaves this
          computer.
        </p>
      </header>

      <div ref={resultRef} tabIndex={-1} className="start-result" aria-live="polite">
        {error && <ErrorMessage title="That didn't import" error={error} />}
        {preview && (
          <section className="report card" aria-labelledby="preview-title" data-testid="import-preview">
            <h2 id="preview-title">Update “{preview.result.title}”?</h2>
            <p className="muted">
              This document is already in your library. Nothing has been saved yet: here is what importing the
              file would do. What you wrote in derisk is kept either way.
            </p>
            {preview.result.changes !== undefined && (
              <ImportChangesView changes={preview.result.changes} preview={true} />
            )}
            <div className="report-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => void run(preview.kind, preview.confirm)}
              >
                Import and update
              </button>
              <button type="button" className="button" onClick={() => setPreview(null)}>
                Cancel
              </button>
            </div>
          </section>
        )}
        {result && (
          <ImportReportView
            result={result}
            onImportAnother={() => {
              setResult(null);
              setPasted("");
            }}
          />
        )}
      </div>

      {/* After an import, and on the start page once a bank exists: what to work on next. */}
      {(result !== null || (documents !== null && documents.length > 0)) && (
        <WhatNextList refreshKey={`${imports}:${documents?.length ?? 0}`} documents={documents} />
      )}

      {result === null && preview === null ? (
        <>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the button inside is the keyboard path. */}
          <div
            className={`dropzone${dragging ? " is-dragging" : ""}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <span className="dropzone-icon">
              <Icon name="upload" size={28} />
            </span>
            <p className="dropzone-title">Drop a Markdown or text file here</p>
            <p className="muted">.md, .txt or a derisk .json export · any encoding, up to 10 MB</p>
            <button
              type="button"
              className="button button-primary"
              disabled={disabled}
              onClick={() => fileInput.current?.click()}
            >
              {busy === "file" ? "Importing…" : "Choose a file"}
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".md,.markdown,.txt,.text,.json,text/plain,text/markdown,application/json"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) importFile(file);
                // Choosing the same file again must import again.
                event.target.value = "";
              }}
            />
          </div>

          <div className="start-grid">
            <form
              className="card paste-card"
              onSubmit={(event) => {
                event.preventDefault();
                void runChecked(
                  "paste",
                  () => api.importText(pasted, undefined, true),
                  () => api.importText(pasted),
                );
              }}
            >
              <label htmlFor={pasteId} className="card-title">
                Or paste your notes
              </label>
              <textarea
                dir="auto"
                id={pasteId}
                className="textarea"
                rows={5}
                value={pasted}
                placeholder={"## Q1- Tell me about yourself\n\n\u201cThank you for having me…\u201d"}
                onChange={(event) => setPasted(event.target.value)}
              />
              <button type="submit" className="button" disabled={disabled || pasted.trim() === ""}>
                {busy === "paste" ? "Importing…" : "Import pasted text"}
              </button>
            </form>

            <div className="start-options">
              {sampleDoc !== undefined ? (
                // Importing it again would change nothing: the sample is already in the library.
                <a className="option-card" href={route.library(sampleDoc.id)} data-testid="sample-in-library">
                  <Icon name="book" size={22} />
                  <span>
                    <span className="option-title">Open the sample document</span>
                    <span className="option-detail">
                      The sample is already in your library: “{sampleDoc.title}”.
                    </span>
                  </span>
                </a>
              ) : (
                <button
                  type="button"
                  className="option-card"
                  disabled={disabled}
                  onClick={() => void run("sample", () => api.importSample())}
                >
                  <Icon name="book" size={22} />
                  <span>
                    <span className="option-title">
                      {busy === "sample" ? "Importing the sample…" : "Start from the sample document"}
                    </span>
                    <span className="option-detail">
                      {sampleRole === undefined
                        ? "A worked example: interview answers, follow-ups, a STAR story."
                        : `A worked example: answers for ${article(sampleRole)} ${sampleRole} role, follow-ups, a STAR story.`}
                    </span>
                  </span>
                </button>
              )}
              <button
                type="button"
                className="option-card"
                disabled={disabled}
                onClick={() =>
                  void run("empty", () => api.importText(EMPTY_DOCUMENT, "my-interview-prep.md"))
                }
              >
                <Icon name="plus" size={22} />
                <span>
                  <span className="option-title">{busy === "empty" ? "Creating…" : "Start empty"}</span>
                  <span className="option-detail">An empty document named “My interview prep”.</span>
                </span>
              </button>
            </div>
          </div>
        </>
      ) : null}

      {documents !== null && documents.length > 0 && result === null && (
        <section className="recent" aria-labelledby="recent-title">
          <h2 id="recent-title">Your documents</h2>
          <ul className="doc-list">
            {documents.map((doc) => (
              <li key={doc.id}>
                <a className="doc-link" href={route.library(doc.id)}>
                  <Icon name="file" />
                  <span className="doc-link-title">{documentLabels(documents).get(doc.id) ?? doc.title}</span>
                  <span className="muted">
                    {plural(doc.counts.answer ?? 0, "answer", "answers")} · updated{" "}
                    {new Date(doc.updatedAt).toLocaleDateString()}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {documents !== null && documents.length === 0 && result === null && error === null && busy === null && (
        <p className="muted start-hint">Your library is empty: import a document above to begin.</p>
      )}
    </div>
  );
}
