import type { ImportReport, ItemSource, PrepItem, PrepItemKind, SourceEncoding } from "./model.ts";
import type { Trailer } from "./packaging/trailer.ts";

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
  /** derisk's own sample document: the demo, never the user's evidence once they have their own. */
  sample?: true;
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

/** "restored": a whole-bank file (bank file version 2) was written into the bank. */
export type ImportStatus = "created" | "updated" | "unchanged" | "restored" | "dry-run";

/** One item an import touched, named as the user knows it ("Q3 Tell me about a failure (core)"). */
export interface ImportChange {
  key: string;
  kind: PrepItemKind;
  label: string;
  /** Absent for an item a dry run would add. */
  itemId?: string;
}

/**
 * What a re-import of a document changed (or, in a dry run, would change). Nothing the user
 * wrote in derisk is lost: their edits and variants are `kept`; where the file changed an item
 * the user had changed too, the user's text stays current and the file's goes to the item's
 * history (`conflicts`).
 */
export interface ImportChanges {
  added: ImportChange[];
  changed: ImportChange[];
  removed: ImportChange[];
  kept: (ImportChange & { reason: "edited" | "created" })[];
  conflicts: ImportChange[];
}

export interface ImportResult {
  status: ImportStatus;
  /** In a dry run: what the import would do. */
  wouldBe?: "created" | "updated" | "unchanged" | "restored";
  /** For an update of an existing document (or a dry run of one): item by item. */
  changes?: ImportChanges;
  /** For a whole-bank file: rows added, rows already in the bank (left as they were), and rows brought up to the file's later text, per table. */
  restored?: {
    added: Record<string, number>;
    skipped: Record<string, number>;
    updated: Record<string, number>;
    /** Rows edited here since the file was written: their text stays, the file's joined their history, not applied. */
    keptAside: Record<string, number>;
  };
  documentId?: string;
  title: string;
  report: ImportReport;
  /** One line for people: "7 answers, 4 follow-ups, …; encoding repaired (Mac Roman)". */
  summary: string;
  /** Share (0–1, three decimals) of the lines with text that were recognised rather than kept only as notes. */
  recognisedShare: number;
}

/** One text an item has had, newest first in a history; `current` marks the one in use. */
export interface ItemVersion {
  id: string;
  itemId: string;
  /** The item version this text was; null for a file's text an import kept aside (a conflict). */
  version: number | null;
  source: ItemSource;
  createdAt: string;
  current: boolean;
  /**
   * When a bank restore brought this text in without applying it (the answer had been edited
   * here since the backup was written); null for every other entry.
   */
  fromBackupAt: string | null;
  /** The answer (or follow-up answer, note…) as the editor shows it. */
  text: string;
  raw: string;
}

export interface ApiError {
  error: { code: string; message: string };
}

/** The trailer as `GET /api/trailer` and `derisk trailer --json` give it. */
export interface BankTrailer extends Trailer {
  /** "The sample document is not used as your evidence." when its material was left out. */
  sampleLeftOut?: string;
  /**
   * The about-me answer the trailer follows (its thread): the question a trailer is saved under,
   * as a variant of its own. Absent when the bank has no about-me answer.
   */
  aboutMe?: {
    itemId: string;
    documentId: string;
    questionKey: string;
    question: string;
    questionNumber?: string;
  };
}
