import { useCallback, useEffect, useState } from "react";
import {
  api,
  type DocumentSummary,
  describeError,
  type ExportFormat,
  type SheetFormat,
  type SheetRequest,
  sheetApi,
  type TailoringSummary,
} from "../api.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { Icon } from "../components/Icon.tsx";
import { COMPETENCY_LIST, COMPETENCY_NAMES, documentLabels } from "../names.ts";
import { navigate } from "../route.ts";
import { currentDocument } from "../storage.ts";

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

const SHEET_FORMATS: { format: SheetFormat; title: string; detail: string }[] = [
  { format: "html", title: "HTML", detail: "A standalone page with print styles: open it in any browser." },
  { format: "pdf", title: "PDF", detail: "Printed on A4 by the bundled Chromium, page numbers at the foot." },
  { format: "sheet-md", title: "Markdown", detail: "The same sheet as plain text, for your notes app." },
  {
    format: "anki",
    title: "Anki deck",
    detail: "Questions on the front, beats or key points on the back (tab-separated, Anki imports it).",
  },
];

// Distinct from the document's own "Download Markdown" below.
const SHEET_NOUNS: Record<SheetFormat, string> = {
  html: "HTML sheet",
  pdf: "PDF sheet",
  "sheet-md": "Markdown sheet",
  anki: "Anki deck",
};

type Scope = "bank" | "document" | "competency" | "tailoring";

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
  const [scope, setScope] = useState<Scope>("bank");
  const [competency, setCompetency] = useState<string>("about-me");
  // The document of a one-document sheet: chosen here, the current one until then.
  const [sheetDocumentId, setSheetDocumentId] = useState<string | undefined>(undefined);
  // The saved tailorings (job postings) a sheet can be made for, and the one chosen.
  const [tailorings, setTailorings] = useState<TailoringSummary[]>([]);
  const [tailoringId, setTailoringId] = useState<string | undefined>(undefined);
  const [cards, setCards] = useState(false);
  const [sheetFormats, setSheetFormats] = useState<SheetFormat[] | null>(null);
  const [sheetBusy, setSheetBusy] = useState<SheetFormat | "print" | null>(null);
  const [sheetError, setSheetError] = useState<{ code: string; message: string } | null>(null);

  // Postings are saved elsewhere (the Tailor page, another tab, the CLI): the list is read when the
  // page opens, again whenever the window comes back into view, and when the sheet's scope is
  // about to be chosen, so a posting just saved is offered without a reload.
  const loadTailorings = useCallback(() => {
    api.tailorings().then(
      ({ tailorings }) => setTailorings(tailorings),
      // A failed refresh keeps the list it has.
      () => {},
    );
  }, []);
  useEffect(() => {
    loadTailorings();
    const onVisible = () => {
      if (document.visibilityState === "visible") loadTailorings();
    };
    window.addEventListener("focus", loadTailorings);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("focus", loadTailorings);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [loadTailorings]);

  useEffect(() => {
    // Without the bundled Chromium, PDF is left out (HTML prints from the browser instead).
    sheetApi.formats().then(setSheetFormats, () => setSheetFormats(["html", "sheet-md", "anki"]));
  }, []);

  const selected = currentDocument(documents, documentId);
  // The whole bank's sheet leaves derisk's sample out once the user has a document of their own.
  const ownDocuments = documents?.filter((doc) => !doc.sample).length ?? 0;
  const sampleOffSheet = ownDocuments > 0 && ownDocuments < (documents?.length ?? 0);
  const onSheet = sampleOffSheet ? ownDocuments : (documents?.length ?? 0);
  const sheetDocument = documents?.find((doc) => doc.id === sheetDocumentId) ?? selected;

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
      saveBlob(await api.exportFile(selected.id, format));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(null);
    }
  }

  // The one chosen, while it is still saved; else the most recent.
  const chosenTailoring = tailorings.some((t) => t.id === tailoringId) ? tailoringId : tailorings[0]?.id;
  const sheetRequest = (layout: "sheet" | "cards"): SheetRequest => ({
    layout,
    ...(scope === "document" && sheetDocument !== undefined ? { documentId: sheetDocument.id } : {}),
    ...(scope === "competency" ? { competency } : {}),
    ...(scope === "tailoring" && chosenTailoring !== undefined ? { tailoringId: chosenTailoring } : {}),
  });

  async function downloadSheet(format: SheetFormat, layout: "sheet" | "cards"): Promise<void> {
    setSheetBusy(format);
    setSheetError(null);
    try {
      saveBlob(await sheetApi.download(format, sheetRequest(layout)));
    } catch (caught) {
      setSheetError(describeError(caught));
    } finally {
      setSheetBusy(null);
    }
  }

  /** Opens the HTML sheet in a new tab and asks the browser to print it once it has loaded. */
  async function openPrintView(): Promise<void> {
    setSheetBusy("print");
    setSheetError(null);
    const url = sheetApi.printUrl(sheetRequest(cards ? "cards" : "sheet"));
    try {
      // Ask first, so an empty bank or competency says why here instead of in a blank tab.
      await sheetApi.download("html", sheetRequest(cards ? "cards" : "sheet"));
      const view = window.open(url, "_blank");
      if (view === null) {
        setSheetError({
          code: "POPUP",
          message:
            "The browser blocked the new tab: allow pop-ups for this page, or download the HTML and print it.",
        });
        return;
      }
      view.addEventListener("load", () => view.print(), { once: true });
    } catch (caught) {
      setSheetError(describeError(caught));
    } finally {
      setSheetBusy(null);
    }
  }

  return (
    <div className="page page-export">
      <header className="page-header">
        <h1>Export</h1>
        <p className="lede">
          A prep sheet to read the night before, cue cards, an Anki deck, or a full backup of your bank.
        </p>
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
        <section className="sheet-export" aria-labelledby="sheet-title">
          <h2 id="sheet-title" className="section-title">
            Prep sheet
          </h2>
          <p className="muted">
            One block per question: the answer, its timing and score, the top fixes, the follow-ups and the
            concerns with your reframes. Cue cards fit four questions on a page, key beats only.
            {documents.length > 1 &&
              " With several documents, the whole bank's sheet puts each answer under its document; for one interview, choose its document, or a job posting you tailored."}
          </p>
          <div className="form-row sheet-options">
            <label className="field field-inline">
              <span className="field-label">What to include</span>
              <select
                className="select"
                value={scope}
                onFocus={loadTailorings}
                onChange={(event) => setScope(event.target.value as Scope)}
              >
                <option value="bank">
                  {onSheet > 1 ? `Whole bank (${onSheet} documents)` : "Whole bank"}
                </option>
                <option value="document">
                  {documents.length > 1 ? "One document" : `One document: ${selected.title}`}
                </option>
                <option value="competency">One competency</option>
                {tailorings.length > 0 && <option value="tailoring">One job posting</option>}
              </select>
            </label>
            {scope === "tailoring" && tailorings.length > 0 && (
              <label className="field field-inline">
                <span className="field-label">Posting</span>
                <select
                  className="select"
                  value={chosenTailoring}
                  onChange={(event) => setTailoringId(event.target.value)}
                >
                  {tailorings.map((t) => (
                    <option key={t.id} value={t.id}>
                      {[t.company, t.title].filter(Boolean).join(" · ") || "A job posting"}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {scope === "document" && documents.length > 1 && (
              <label className="field field-inline">
                <span className="field-label">Sheet of</span>
                <select
                  className="select"
                  value={sheetDocument?.id}
                  onChange={(event) => setSheetDocumentId(event.target.value)}
                >
                  {documents.map((doc) => (
                    <option key={doc.id} value={doc.id}>
                      {documentLabels(documents).get(doc.id) ?? doc.title}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {scope === "competency" && (
              <label className="field field-inline">
                <span className="field-label">Competency</span>
                <select
                  className="select"
                  value={competency}
                  onChange={(event) => setCompetency(event.target.value)}
                >
                  {COMPETENCY_LIST.map((id) => (
                    <option key={id} value={id}>
                      {COMPETENCY_NAMES[id]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="field field-inline checkbox-field">
              <input type="checkbox" checked={cards} onChange={(event) => setCards(event.target.checked)} />
              <span>Cue cards (a quarter page per question)</span>
            </label>
          </div>
          {sampleOffSheet && scope !== "document" && (
            <p className="muted sample-left-out" data-testid="sample-off-sheet">
              The sample document is not on this sheet, its cards or its Anki deck: your own documents are.
              Choose “One document” to export the sample.
            </p>
          )}
          <ul className="export-grid sheet-grid">
            {SHEET_FORMATS.filter(({ format }) => sheetFormats === null || sheetFormats.includes(format))
              .filter(({ format }) => !(cards && format === "anki"))
              .map(({ format, title, detail }) => (
                <li key={format} className="card export-card">
                  <h3>{title}</h3>
                  <p className="muted">{detail}</p>
                  <button
                    type="button"
                    className={format === "html" ? "button button-primary" : "button"}
                    disabled={sheetBusy !== null}
                    onClick={() => void downloadSheet(format, cards ? "cards" : "sheet")}
                  >
                    <Icon name="download" size={16} />
                    {sheetBusy === format
                      ? "Preparing…"
                      : cards && format !== "anki"
                        ? `Download cue cards (${title})`
                        : `Download the ${SHEET_NOUNS[format]}`}
                  </button>
                </li>
              ))}
          </ul>
          {sheetFormats !== null && !sheetFormats.includes("pdf") && (
            <p className="field-hint">
              PDF needs the bundled Chromium, which is not installed here: use the print view and save as PDF.
            </p>
          )}
          <p className="print-row">
            <button
              type="button"
              className="button"
              disabled={sheetBusy !== null}
              onClick={() => void openPrintView()}
            >
              <Icon name="file" size={16} />
              {sheetBusy === "print" ? "Opening…" : "Open the print view"}
            </button>
            <span className="field-hint">Opens the HTML sheet in a new tab with the print dialog.</span>
          </p>
          {sheetError && <ErrorMessage title="The prep sheet could not be made" error={sheetError} />}
        </section>
      )}

      {selected !== undefined && documents !== null && (
        <>
          <h2 className="section-title backup-title">Your document and your bank</h2>
          <label className="field">
            <span className="field-label">Document</span>
            <select
              className="select"
              value={selected.id}
              onChange={(event) => navigate({ page: "export", documentId: event.target.value })}
            >
              {documents.map((doc) => (
                <option key={doc.id} value={doc.id}>
                  {documentLabels(documents).get(doc.id) ?? doc.title}
                </option>
              ))}
            </select>
          </label>

          <ul className="export-grid">
            {FORMATS.map(({ format, title, detail }) => (
              <li key={format} className="card export-card">
                <h3>{title}</h3>
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
              <section className="card preview-text" aria-label="The Markdown text" tabIndex={0}>
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

/** Saves a fetched file through a temporary link (the browser's own download). */
function saveBlob({ blob, filename }: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
