import { useEffect, useState } from "react";
import { api, type DocumentSummary, describeError, type ExportFormat } from "../api.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Icon } from "../components/Icon.tsx";
import { navigate } from "../route.ts";
import { rememberedDocument } from "../storage.ts";

const FORMATS: { format: ExportFormat; title: string; detail: string }[] = [
  {
    format: "md",
    title: "Markdown",
    detail:
      "Your document as you wrote it, with your edits applied. Re-importing it gives the same document.",
  },
  {
    format: "json",
    title: "JSON",
    detail:
      "Your whole bank in one versioned file: every document with each answer's history, your stories, practice and profile. Import it into derisk to restore it.",
  },
];

type Preview =
  | { state: "loading"; id: string }
  | { state: "ready"; id: string; text: string }
  | { state: "error"; id: string; error: { code: string; message: string } };

export function ExportPage({
  documents,
  documentsError,
  documentId,
  onRetry,
}: {
  documents: DocumentSummary[] | null;
  documentsError: { code: string; message: string } | null;
  documentId: string | undefined;
  onRetry: () => void;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  const selected =
    documents?.find((doc) => doc.id === documentId) ??
    documents?.find((doc) => doc.id === rememberedDocument()) ??
    documents?.[0];

  useEffect(() => {
    document.title = "Export · derisk";
  }, []);

  const selectedId = selected?.id;
  useEffect(() => {
    if (selectedId === undefined) return;
    let cancelled = false;
    const id = selectedId;
    setPreview({ state: "loading", id });
    api
      .exportFile(id, "md")
      .then((file) => file.blob.text())
      .then(
        (text) => {
          if (!cancelled) setPreview({ state: "ready", id, text });
        },
        (caught: unknown) => {
          if (!cancelled) setPreview({ state: "error", id, error: describeError(caught) });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [selectedId]);

  async function download(format: ExportFormat): Promise<void> {
    if (selected === undefined) return;
    setBusy(format);
    setError(null);
    try {
      const { blob, filename } = await api.exportFile(selected.id, format);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoke later: some browsers read the URL after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page page-export">
      <header className="page-header">
        <h1>Export</h1>
        <p className="lede">Take your prep with you: the document as Markdown, or everything as JSON.</p>
      </header>

      {documentsError !== null && documents === null && (
        <ErrorMessage title="Couldn't load your documents" error={documentsError} onRetry={onRetry} />
      )}
      {documents !== null && documents.length === 0 && (
        <EmptyState icon="download" title="Nothing to export yet">
          <p className="muted">Import a document first.</p>
          <a className="button button-primary" href="#/">
            Import a document
          </a>
        </EmptyState>
      )}
      {documents === null && documentsError === null && (
        <div className="skeleton skeleton-block" aria-busy="true" />
      )}

      {selected !== undefined && documents !== null && (
        <>
          <label className="field">
            <span className="field-label">Document</span>
            <select
              className="select"
              value={selected.id}
              onChange={(event) => navigate({ page: "export", documentId: event.target.value })}
            >
              {documents.map((doc) => (
                <option key={doc.id} value={doc.id}>
                  {doc.title}
                </option>
              ))}
            </select>
          </label>

          <ul className="export-grid">
            {FORMATS.map(({ format, title, detail }) => (
              <li key={format} className="card export-card">
                <h2>{title}</h2>
                <p className="muted">{detail}</p>
                <button
                  type="button"
                  className={format === "md" ? "button button-primary" : "button"}
                  disabled={busy !== null}
                  onClick={() => void download(format)}
                >
                  <Icon name="download" size={16} />
                  {busy === format ? "Preparing…" : `Download ${title}`}
                </button>
              </li>
            ))}
          </ul>
          {error && <ErrorMessage title="The export failed" error={error} />}

          <section className="export-preview" aria-labelledby="preview-title">
            <h2 id="preview-title" className="section-title">
              Markdown preview
            </h2>
            {preview?.state === "error" && (
              <ErrorMessage title="Couldn't build the preview" error={preview.error} />
            )}
            {preview?.state === "ready" ? (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
              <section className="card preview-text" aria-labelledby="preview-title" tabIndex={0}>
                <pre>{preview.text}</pre>
              </section>
            ) : (
              preview?.state !== "error" && <div className="skeleton skeleton-block" />
            )}
          </section>
        </>
      )}
    </div>
  );
}
