/**
 * The prep sheet (PRODUCT.md, C8): the bank as one document to read the night before, as
 * Markdown, print-ready HTML or cue cards, and as an Anki deck. Pure: PDF printing is the app's.
 */
export { type AnkiNote, ankiField, ankiNotes, renderAnkiTsv } from "./anki.ts";
export {
  buildPrepSheet,
  type CueBeat,
  DEFAULT_FRAMING_QUESTIONS,
  type PrepSheet,
  type PrepSheetOptions,
  type PrepSheetPlan,
  planPrepSheet,
  type SheetAnswer,
  type SheetConcern,
  type SheetCoverage,
  type SheetDocument,
  type SheetFix,
  type SheetFollowUp,
  type SheetPosting,
  type SheetTechnical,
} from "./build.ts";
export { clock, competencyName, postingName } from "./format.ts";
export {
  escapeHtml,
  renderPrepSheetHtml,
  renderPrepSheetHtmlParts,
  type SheetHtmlOptions,
  type SheetPart,
  type SheetPartsOptions,
  sheetPartsWriter,
} from "./html.ts";
export { renderPrepSheetMarkdown, type SheetLayout } from "./markdown.ts";
