import type { ImportReport, PrepItem, PrepItemKind, SourceEncoding } from "./model.ts";

/*
 * Shapes exchanged over the HTTP JSON API (docs/api.md) and printed by `--json` CLI
 * commands. Types only: the web app imports them without pulling in server code.
 */

/** A document in the bank, without its items. */
export interface DocumentSummary {
  id: string;
  title: string;
  targetRole?: string;
  filename?: string;
  encoding: SourceEncoding;
  repaired: boolean;
  counts: Record<PrepItemKind, number>;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A PrepItem as stored: its id, document, and optimistic-concurrency version. */
export type StoredItem = PrepItem & { id: string; documentId: string; version: number; updatedAt: string };

export interface DocumentDetail {
  document: DocumentSummary & { report: ImportReport };
  items: StoredItem[];
}

export type ImportStatus = "created" | "updated" | "unchanged" | "dry-run";

export interface ImportResult {
  status: ImportStatus;
  documentId?: string;
  title: string;
  report: ImportReport;
  /** One line for people: "7 answers, 4 follow-ups, …; encoding repaired (Mac Roman)". */
  summary: string;
  /** Share (0–1, three decimals) of the lines with text that were recognised rather than kept only as notes. */
  recognisedShare: number;
}

export interface ApiError {
  error: { code: string; message: string };
}
