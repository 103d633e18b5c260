import type { ImportReport, PrepItemKind } from "./model.ts";

const nouns: Partial<Record<PrepItemKind, [string, string]>> = {
  answer: ["answer", "answers"],
  "follow-up": ["follow-up", "follow-ups"],
  concern: ["concern", "concerns"],
  "technical-question": ["technical question", "technical questions"],
  accomplishment: ["accomplishment", "accomplishments"],
  reflection: ["reflection", "reflections"],
  "to-do": ["to-do list", "to-do lists"],
  snippet: ["code snippet", "code snippets"],
  framing: ["framing", "framings"],
  note: ["note", "notes"],
};

/**
 * Counts as people read them, most useful first.
 * @example describeCounts({ answer: 7, "follow-up": 4, … }) // "7 answers, 4 follow-ups, …"
 */
export function describeCounts(counts: Partial<Record<PrepItemKind, number>>): string {
  const parts = Object.entries(nouns)
    .map(([kind, [one, many]]) => {
      const n = counts[kind as PrepItemKind] ?? 0;
      return n > 0 ? `${n} ${n === 1 ? one : many}` : undefined;
    })
    .filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(", ") : "nothing recognised";
}

const secondaryNouns: [string, string, string][] = [
  ["accomplishment", "accomplishment", "accomplishments"],
  ["section", "section", "sections"],
  ["technical-section", "technical section", "technical sections"],
  ["reflection", "reflection", "reflections"],
  ["to-do", "to-do list", "to-do lists"],
  ["snippet", "code snippet", "code snippets"],
  ["framing", "framing", "framings"],
  ["note", "note", "notes"],
];

/**
 * The import report's "Also found" line: only the secondary kinds the document actually has
 * (never "0 to-do lists"); undefined when it has none of them.
 * @example alsoFound({ accomplishment: 2, "to-do": 0, note: 1 }) // "2 accomplishments · 1 note"
 */
export function alsoFound(counts: Partial<Record<string, number>>): string | undefined {
  const parts = secondaryNouns
    .map(([kind, one, many]) => {
      const n = counts[kind] ?? 0;
      return n > 0 ? `${n} ${n === 1 ? one : many}` : undefined;
    })
    .filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(" · ") : undefined;
}

const encodingNames: Record<ImportReport["encoding"], string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with BOM",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
  "utf-8-mojibake-mac-roman": "Mac Roman",
  "utf-8-mojibake-windows-1252": "Windows-1252",
};

/**
 * The share (0–1, three decimals) of the lines with text that were recognised as something
 * (an answer, a section, an accomplishment…) rather than kept only as notes; 1 for a document
 * with no text.
 * @example recognisedShare({ …, lines: { total: 40, nonBlank: 20, inNotes: 5 } }) // 0.75
 */
export function recognisedShare(report: Pick<ImportReport, "lines">): number {
  const { nonBlank, inNotes } = report.lines;
  return nonBlank === 0 ? 1 : Math.round(((nonBlank - inNotes) / nonBlank) * 1000) / 1000;
}

/** "75%", never rounded up to 100% while a line is left as a note. */
export function formatShare(share: number): string {
  const percent = Math.floor(share * 100);
  return `${percent}%`;
}

/**
 * The one-line import report of PRODUCT.md's first five minutes.
 * @example summariseReport(report) // "7 answers, 4 follow-ups, 1 concern, 10 technical questions; encoding repaired (Mac Roman); 1 line unrecognised (99% recognised)"
 */
export function summariseReport(report: ImportReport): string {
  const encoding = report.repaired
    ? `encoding repaired (${encodingNames[report.encoding]})`
    : `encoding ${encodingNames[report.encoding]}`;
  const notes = report.lines.inNotes;
  const share = formatShare(recognisedShare(report));
  return `${describeCounts(report.counts)}; ${encoding}; ${notes} line${notes === 1 ? "" : "s"} unrecognised (${share} recognised)`;
}
