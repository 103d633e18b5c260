import { MAX_TITLE_CHARS } from "../limits.ts";
import type { ImportReport, PrepDoc, PrepItem, PrepItemKind, SourceEncoding } from "../model.ts";
import { PREP_ITEM_KINDS } from "../model.ts";
import { type DecodeOptions, decodeDocument } from "./decode.ts";
import { plainLine } from "./patterns.ts";
import { Recogniser } from "./recognise.ts";
import { annotateSource } from "./source.ts";

export interface ParseOptions {
  /** How the text was decoded (from `decodeDocument`), for the report. */
  encoding?: SourceEncoding;
  repaired?: boolean;
  /** Warnings from decoding, carried into the report. */
  warnings?: readonly string[];
  /** Name of the imported file: the document is named after it. */
  filename?: string;
}

/**
 * Turns the 0-based line ranges of the recogniser into the final items: whitespace-only lines
 * between items join the item before them (a blank-line count cannot hold their spaces), and
 * every item gets its exact `raw` text and the count of blank lines before it.
 */
function assemble(lines: readonly string[], drafts: PrepItem[]): { items: PrepItem[]; gapAfter: number } {
  const ranges: Array<{ item: PrepItem; start: number; end: number }> = [];
  let prevEnd = -1;
  for (const item of drafts) {
    // Defensive: an item can never reach back into the previous one.
    const start = Math.max(item.lines.start, prevEnd + 1);
    if (start > item.lines.end) continue;
    ranges.push({ item, start, end: item.lines.end });
    prevEnd = item.lines.end;
  }
  if (ranges.length === 0) {
    const first = lines.findIndex((l) => l !== "");
    if (first >= 0) {
      let last = lines.length - 1;
      while (lines[last] === "") last--;
      const text = lines.slice(first, last + 1).join("\n");
      ranges.push({
        item: {
          kind: "note",
          key: "note-1",
          lines: { start: first, end: last },
          raw: "",
          gapBefore: 0,
          text: text.trim(),
        },
        start: first,
        end: last,
      });
    }
  }
  for (let r = 0; r <= ranges.length; r++) {
    const prev = ranges[r - 1];
    const next = ranges[r];
    const from = prev ? prev.end + 1 : 0;
    const to = next ? next.start : lines.length;
    let firstNonEmpty = -1;
    let lastNonEmpty = -1;
    for (let g = from; g < to; g++) {
      if (lines[g] !== "") {
        if (firstNonEmpty < 0) firstNonEmpty = g;
        lastNonEmpty = g;
      }
    }
    if (firstNonEmpty < 0) continue;
    if (prev) prev.end = lastNonEmpty;
    else if (next) next.start = firstNonEmpty;
  }
  let end = -1;
  const items = ranges.map(({ item, start, end: last }) => {
    const gapBefore = start - end - 1;
    end = last;
    return {
      ...item,
      lines: { start: start + 1, end: last + 1 },
      raw: lines.slice(start, last + 1).join("\n"),
      gapBefore,
    };
  });
  return { items, gapAfter: lines.length - 1 - end };
}

function buildReport(
  lines: readonly string[],
  items: readonly PrepItem[],
  options: ParseOptions,
): ImportReport {
  const counts = Object.fromEntries(PREP_ITEM_KINDS.map((k) => [k, 0])) as Record<PrepItemKind, number>;
  const unrecognised: ImportReport["unrecognised"] = [];
  let inNotes = 0;
  for (const item of items) {
    counts[item.kind]++;
    if (item.kind === "note") {
      unrecognised.push({ ...item.lines });
      for (let l = item.lines.start; l <= item.lines.end; l++) if (lines[l - 1]?.trim()) inNotes++;
    }
  }
  const nonBlank = lines.filter((l) => l.trim() !== "").length;
  const warnings = [...(options.warnings ?? [])];
  // A fence never closed turns the rest of the file into code: said here, or the questions it
  // swallowed would vanish from the library with a report of "100% recognised".
  for (const item of items) {
    if (item.kind !== "snippet" || item.closed) continue;
    const fence = /`{3,}|~{3,}/.exec(lines[item.lines.start - 1] ?? "")?.[0] ?? "```";
    warnings.push(
      `Line ${item.lines.start}: a code block opened with ${fence} is never closed, so ${
        item.lines.end > item.lines.start ? `lines ${item.lines.start}–${item.lines.end}` : "it"
      } stay code (headings and questions in them too). Close it with ${fence} on its own line where the code ends, and import again.`,
    );
  }
  const recognised = nonBlank - inNotes;
  if (nonBlank >= 10 && recognised < nonBlank * 0.2) {
    warnings.push(
      `Little was recognised: ${recognised} of ${nonBlank} lines; everything else is kept as notes, in place.`,
    );
  }
  return {
    encoding: options.encoding ?? "utf-8",
    repaired: options.repaired ?? false,
    counts,
    unrecognised,
    lines: { total: lines.length, nonBlank, inNotes },
    warnings,
  };
}

const cutTitle = (title: string): string =>
  title.length > MAX_TITLE_CHARS
    ? `${title.slice(0, MAX_TITLE_CHARS - 1).replace(/[\uD800-\uDBFF]$/, "")}…`
    : title;

// A part of a file name that a machine wrote, not a person: a number, a date's digits, a hash
// or id in hex ("000", "20261201", "f79e7db22a6db35a", a UUID's parts).
const MACHINE_TOKEN = /^(?:\d+|(?=[0-9a-f]*\d)[0-9a-f]{6,})$/i;

/**
 * "ml_engineer-prep.v2.md" → "Ml engineer prep v2"; "acme-loop_7f3a9c21.md" → "Acme loop"; "" for
 * a name with no words of a person's ("000_f79e7db22a6db35a.txt", an export's id): such a name
 * says nothing the reader could recognise the document by.
 */
function readableFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const tokens = base
    .replace(/\.[^.]+$/, "")
    .split(/[-_.\s]+/)
    .filter((token) => token !== "" && !MACHINE_TOKEN.test(token));
  if (!tokens.some((token) => /\p{L}{2}/u.test(token))) return "";
  const words = tokens.join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function headingTitle(items: readonly PrepItem[]): string {
  const h1 = items.find((i) => i.kind === "section" && i.depth === 1);
  if (h1?.kind === "section") return h1.title;
  const heading = items.find((i) => i.kind === "section" || i.kind === "technical-section");
  if (heading && (heading.kind === "section" || heading.kind === "technical-section")) return heading.title;
  const first = items[0]?.raw.split("\n").find((l) => l.trim() !== "");
  return first ? plainLine(first).slice(0, 80) : "";
}

/**
 * The `# heading` a document opens with (after any front matter), when it has a word in it:
 * the name its writer gave the whole document. A level-2 heading, or a level-1 one further
 * down, is a section ("The Behavioral Interview Reality"), not a name, and gives "".
 */
function openingTitle(items: readonly PrepItem[]): string {
  const first = items.find(
    (item, index) => !(index === 0 && item.kind === "note" && /^---\s*$/m.test(item.raw)),
  );
  if (first?.kind !== "section" || first.depth !== 1) return "";
  return /[\p{L}\p{N}]/u.test(first.title) ? first.title : "";
}

/**
 * The title a new document gets, in one place: a front-matter `title:` the user wrote, else
 * the `# heading` the document opens with, else the file's name made readable (when it holds a
 * word a person wrote: "000_f79e7db22a6db35a.txt" does not), else the target role its "Answers
 * pitched for ML Engineer Roles" line names ("ML Engineer prep"), else the first heading. A heading further
 * down is often a section ("The Behavioral Interview Reality"), not a name for the whole
 * document, so it comes last. The user can rename it afterwards.
 * @example chooseDocumentTitle(items, { filename: "ml-onsite.md" }) // "Ml onsite"
 */
function chooseDocumentTitle(
  items: readonly PrepItem[],
  found: { filename?: string | undefined; targetRole?: string | undefined },
): string {
  const frontMatter =
    items[0]?.kind === "note" ? /^---[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(items[0].raw) : null;
  if (frontMatter?.[1]) return frontMatter[1];
  const opening = openingTitle(items);
  if (opening) return opening;
  const fromFile = found.filename === undefined ? "" : readableFilename(found.filename);
  if (fromFile) return fromFile;
  if (found.targetRole) return `${found.targetRole} prep`;
  return headingTitle(items);
}

/**
 * Parses a prep document (already decoded and repaired) into items: sections, the framing,
 * answers and their variants, follow-ups, concerns, the technical bank, reflections, and notes
 * for everything else. Lossless: `renderPrepDocument(parsePrepDocument(t)) === t` for any `t`.
 *
 * @example parsePrepDocument("### Q1- Tell me about yourself:\n\n\"Hi, I'm Ana.\"\n").items[0]
 *   // { kind: "answer", key: "q1/core", questionNumber: "Q1", format: "script", text: "Hi, I'm Ana.", … }
 */
export function parsePrepDocument(text: string, options: ParseOptions = {}): PrepDoc {
  const source = annotateSource(text);
  const recogniser = new Recogniser(source);
  const drafts = recogniser.run();
  const lines = source.lines.map((l) => l.text);
  const { items, gapAfter } = assemble(lines, drafts);
  const doc: PrepDoc = {
    title: cutTitle(
      chooseDocumentTitle(items, { filename: options.filename, targetRole: recogniser.targetRole }),
    ),
    gapAfter,
    finalNewline: source.finalNewline,
    items,
    report: buildReport(lines, items, options),
  };
  if (recogniser.targetRole) doc.targetRole = recogniser.targetRole;
  return doc;
}

/**
 * Decodes, repairs and parses the bytes of an imported file in one step; the report says how
 * the bytes were decoded and what was changed.
 *
 * @example importPrepDocument(bytes, { filename: "prep.md" }).report.counts.answer // 7
 */
export function importPrepDocument(bytes: Uint8Array, options: DecodeOptions = {}): PrepDoc {
  const decoded = decodeDocument(bytes, options);
  return parsePrepDocument(decoded.text, {
    encoding: decoded.encoding,
    repaired: decoded.repaired,
    warnings: decoded.warnings,
    ...(options.filename === undefined ? {} : { filename: options.filename }),
  });
}
