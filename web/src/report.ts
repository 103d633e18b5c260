/** Wording of an import report, shared by the start page and the library header. */
import type { ImportReport, SourceEncoding } from "../../src/core/model.ts";
import type { ImportStatus } from "./api.ts";

const ENCODING_LABELS: Record<SourceEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with BOM",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
  "utf-8-mojibake-mac-roman": "Mac Roman",
  "utf-8-mojibake-windows-1252": "Windows-1252",
};

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "encoding repaired (Mac Roman)" or "read as UTF-8" */
export function describeEncoding(report: Pick<ImportReport, "encoding" | "repaired">): string {
  const label = ENCODING_LABELS[report.encoding] ?? report.encoding;
  return report.repaired ? `encoding repaired (${label})` : `read as ${label}`;
}

export const STATUS_TEXT: Record<ImportStatus, { title: string; detail: string }> = {
  created: { title: "Imported", detail: "A new document was added to your library." },
  updated: {
    title: "Updated",
    detail:
      "You had imported this document before. The file's changes are in; what you wrote in derisk (edits, variants) was kept, and every earlier text is in each answer's history.",
  },
  restored: {
    title: "Restored",
    detail:
      "Your bank file was restored: documents, answers with their history, stories and practice. Anything already in your library was left as it was.",
  },
  unchanged: {
    title: "Already up to date",
    detail:
      "You had imported exactly this text before, so nothing changed. Your library and your edits are as you left them.",
  },
  "dry-run": { title: "Checked", detail: "This was a check only; nothing was saved." },
};
