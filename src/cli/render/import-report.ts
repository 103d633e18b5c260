import type { ImportChanges, ImportResult } from "../../core/api-types.ts";
import { shortId } from "../../core/short-ids.ts";
import type { Style } from "./style.ts";

const statusLine: Record<ImportResult["status"], string> = {
  created: "Imported as a new document",
  updated: "Updated the existing document (same title or file, new content)",
  unchanged: "Already in your bank, unchanged: nothing was written",
  restored: "Restored the bank file into your bank",
  "dry-run": "Dry run: nothing was written",
};

const wouldBeLine: Record<NonNullable<ImportResult["wouldBe"]>, string> = {
  created: "it would be imported as a new document",
  updated: "it would update the existing document (same title or file, new content)",
  unchanged: "it is already in your bank, unchanged",
  restored: "it would restore this bank file into your bank",
};

function renderChanges(changes: ImportChanges, dryRun: boolean, style: Style): string[] {
  const lines = [
    `  ${dryRun ? "would change" : "changes"}: ${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed`,
  ];
  for (const kept of changes.kept) {
    const why = kept.reason === "created" ? "written in derisk" : "edited in derisk";
    lines.push(`  ${style.green("kept yours:")} ${kept.label} (${why})`);
  }
  for (const conflict of changes.conflicts) {
    lines.push(
      `  ${style.yellow("conflict:")} ${conflict.label}: the file changed it and so did you; your text stays, the file's ${dryRun ? "would go" : "is"} in its history (derisk history ${conflict.itemId === undefined ? conflict.key : shortId(conflict.itemId)})`,
    );
  }
  return lines;
}

/** The human report of an import: what was recognised, what was repaired, what was kept as notes. */
export function renderImportResult(result: ImportResult, style: Style): string {
  const { report } = result;
  const lines = [
    `${style.bold(result.title)}`,
    `${result.status === "unchanged" || result.status === "dry-run" ? style.yellow("•") : style.green("✓")} ${statusLine[result.status]}${result.documentId ? style.dim(` (id ${shortId(result.documentId)})`) : ""}`,
    ...(result.wouldBe ? [`  ${wouldBeLine[result.wouldBe]}`] : []),
    `  ${result.summary}`,
    // A bank file is restored row by row: it has no lines to recognise ("lines: 0 total … 100%").
    ...(result.status === "restored" || result.wouldBe === "restored"
      ? []
      : [
          // The share recognised is in the summary above ("3 lines unrecognised (82% recognised)").
          `  lines: ${report.lines.total} total, ${report.lines.nonBlank} with text, ${report.lines.inNotes} kept as notes`,
        ]),
  ];
  if (report.unrecognised.length > 0) {
    const spans = report.unrecognised.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}–${r.end}`));
    const one =
      report.unrecognised.length === 1 && report.unrecognised[0]?.start === report.unrecognised[0]?.end;
    lines.push(
      `  ${style.yellow("kept as notes (not recognised):")} ${one ? "line" : "lines"} ${spans.join(", ")}`,
    );
  }
  for (const warning of report.warnings) lines.push(`  ${style.yellow("warning:")} ${warning}`);
  if (result.changes) lines.push(...renderChanges(result.changes, result.status === "dry-run", style));
  return lines.join("\n");
}
