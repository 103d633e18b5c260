import { COMPETENCIES, type Competency, type PrepDoc } from "../core/model.ts";
import {
  buildPrepSheet,
  type PrepSheet,
  renderAnkiTsv,
  renderPrepSheetHtml,
  renderPrepSheetHtmlParts,
  renderPrepSheetMarkdown,
  type SheetLayout,
} from "../core/prep-sheet/index.ts";
import type { Store } from "../store/index.ts";
import { cachedAnalyze } from "./analysis-cache.ts";
import { documentsInScope } from "./bank.ts";
import { DeriskError } from "./errors.ts";
import { roleFromTarget } from "./packaging.ts";
import { fontFacesFor } from "./print-fonts.ts";

/** Answers per part when printing a PDF: Chromium prints a few hundred pages at a time fastest. */
export const PDF_ANSWERS_PER_PART = 200;

/** Export formats of the prep sheet (the bank's own Markdown and JSON are `exportDocument`'s). */
export const SHEET_FORMATS = ["sheet-md", "html", "pdf", "anki"] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export const isSheetFormat = (format: string): format is SheetFormat =>
  (SHEET_FORMATS as readonly string[]).includes(format);

export interface PrepSheetRequest {
  format: SheetFormat;
  /** "cards": a quarter page per question, key beats only. */
  layout?: SheetLayout;
  /** One document; default: the whole bank. */
  documentId?: string;
  /** One competency id; default: all. */
  competency?: string;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

/**
 * Parses a competency id given by a user, refusing unknown ones with the list of valid ids.
 * @example parseCompetency("conflict") // "conflict"
 */
export function parseCompetency(value: string): Competency {
  if ((COMPETENCIES as readonly string[]).includes(value)) return value as Competency;
  throw new DeriskError("USAGE", `Unknown competency "${value}": use one of ${COMPETENCIES.join(", ")}.`);
}

/**
 * The prep sheet of the bank (or one document, or one competency) with the profile's target
 * role, speaking rate and wording of the lens.
 * @example const sheet = await loadPrepSheet(store, "local", { competency: "conflict" });
 */
export async function loadPrepSheet(
  store: Store,
  userId: string,
  selection: { documentId?: string; competency?: string } = {},
): Promise<PrepSheet> {
  const competency = selection.competency === undefined ? undefined : parseCompetency(selection.competency);
  const ids = (await documentsInScope(store, userId, selection.documentId)).map((s) => s.id);
  const docs: PrepDoc[] = [];
  for (const id of ids) {
    const { id: _id, ...doc } = await store.documents.loadDocument(userId, id);
    docs.push(doc);
  }
  const profile = await store.profiles.getProfile(userId);
  const targetRole = profile.targetRole ?? docs.find((d) => d.targetRole)?.targetRole;
  const role = roleFromTarget(targetRole);
  const sheet = buildPrepSheet(docs, {
    analyze: cachedAnalyze,
    wordsPerMinute: profile.wordsPerMinute,
    ...(targetRole === undefined ? {} : { targetRole }),
    ...(role === undefined ? {} : { role }),
    ...(profile.framing && profile.framing.length > 0
      ? { framing: profile.framing.map((f) => `${f.risk}: ${f.fear}`) }
      : {}),
    ...(competency === undefined ? {} : { competency }),
  });
  if (sheet.answers.length === 0 && sheet.technical.length === 0) {
    throw new DeriskError(
      "NOT_FOUND",
      competency === undefined
        ? "Nothing to put on a prep sheet: the bank has no answers or technical questions yet. Import a prep document first (derisk import FILE)."
        : `Nothing to put on a prep sheet for ${competency}: no answer or technical question of that competency. Drop --competency, or pick another.`,
    );
  }
  return sheet;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "prep";

/**
 * The prep sheet as a file: Markdown, standalone HTML, an Anki TSV, or a PDF printed by the
 * bundled Chromium. The PDF is printed after the store is done with.
 * @example const file = await exportPrepSheet(store, "local", { format: "html" }); file.filename // "interview-prep-sheet.html"
 */
export async function exportPrepSheet(
  store: Store,
  userId: string,
  request: PrepSheetRequest,
): Promise<ExportFile> {
  const sheet = await loadPrepSheet(store, userId, {
    ...(request.documentId === undefined ? {} : { documentId: request.documentId }),
    ...(request.competency === undefined ? {} : { competency: request.competency }),
  });
  return renderSheetFile(sheet, request.format, request.layout ?? "sheet");
}

/** Every user string of a sheet, for choosing the fonts it needs. */
const sheetText = (sheet: PrepSheet): string => JSON.stringify(sheet);

/** Renders a loaded sheet in one of the sheet formats. */
export async function renderSheetFile(
  sheet: PrepSheet,
  format: SheetFormat,
  layout: SheetLayout,
): Promise<ExportFile> {
  const base = `${slug(sheet.title)}-${layout === "cards" ? "cards" : "sheet"}`;
  switch (format) {
    case "sheet-md":
      return {
        filename: `${base}.md`,
        contentType: "text/markdown; charset=utf-8",
        body: renderPrepSheetMarkdown(sheet, layout),
      };
    case "html":
      return {
        filename: `${base}.html`,
        contentType: "text/html; charset=utf-8",
        body: renderPrepSheetHtml(sheet, layout, { fontFaces: fontFacesFor(sheetText(sheet)) }),
      };
    case "anki":
      return {
        filename: `${slug(sheet.title)}-anki.tsv`,
        contentType: "text/tab-separated-values; charset=utf-8",
        body: renderAnkiTsv(sheet),
      };
    case "pdf": {
      const { printPdf } = await import("./pdf.ts");
      // Printed in parts of a few hundred pages, each with the fonts its own text needs.
      const parts = renderPrepSheetHtmlParts(sheet, layout, {
        answersPerPart: PDF_ANSWERS_PER_PART,
        fontFaces: fontFacesFor,
      });
      const whole = renderPrepSheetHtml(sheet, layout, { fontFaces: fontFacesFor(sheetText(sheet)) });
      return {
        filename: `${base}.pdf`,
        contentType: "application/pdf",
        body: await printPdf(whole, { parts }),
      };
    }
  }
}
