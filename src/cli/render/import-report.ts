import type { ImportResult } from "../../core/api-types.ts";
import { formatShare } from "../../core/report-summary.ts";
import type { Style } from "./style.ts";

const statusLine: Record<ImportResult["status"], string> = {
  created: "Imported as a new document",
  updated: "Updated the existing document (same title or file, new content)",
  unchanged: "Already in your bank, unchanged: nothing was written",
  "dry-run": "Dry run: nothing was written",
};

/** The human report of an import: what was recognised, what was repaired, what was kept as notes. */
export function renderImportResult(result: ImportResult, style: Style): string {
  const { report } = result;
  const lines = [
    `${style.bold(result.title)}`,
    `${result.status === "unchanged" || result.status === "dry-run" ? style.yellow("•") : style.green("✓")} ${statusLine[result.status]}${result.documentId ? style.dim(` (id ${result.documentId})`) : ""}`,
    `  ${result.summary}`,
    `  lines: ${report.lines.total} total, ${report.lines.nonBlank} with text, ${report.lines.inNotes} kept as notes; ${formatShare(result.recognisedShare)} recognised`,
  ];
  if (report.unrecognised.length > 0) {
    const spans = report.unrecognised.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}–${r.end}`));
    lines.push(`  ${style.yellow("kept as notes (not recognised):")} lines ${spans.join(", ")}`);
  }
  for (const warning of report.warnings) lines.push(`  ${style.yellow("warning:")} ${warning}`);
  return lines.join("\n");
}
