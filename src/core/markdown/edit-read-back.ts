import { DeriskError } from "../errors.ts";
import type { PrepDoc, PrepItem } from "../model.ts";
import { parsePrepDocument } from "./parse.ts";
import { renderPrepDocument } from "./render.ts";

/** The keys of the items that a re-read of `items` gives back as they are (same key, kind, raw). */
function intactKeys(doc: PrepDoc, items: readonly PrepItem[]): { intact: Set<string>; reread: PrepItem[] } {
  const reread = parsePrepDocument(renderPrepDocument({ ...doc, items: [...items] }), {
    encoding: doc.report.encoding,
    repaired: doc.report.repaired,
    warnings: doc.report.warnings,
  }).items;
  const byKey = new Map(reread.map((item) => [item.key, item]));
  const intact = new Set<string>();
  for (const item of items) {
    const back = byKey.get(item.key);
    if (back?.kind === item.kind && back.raw === item.raw) intact.add(item.key);
  }
  return { intact, reread };
}

const KIND_NAMES: Record<string, string> = {
  answer: "an answer",
  "follow-up": "a follow-up",
  "technical-question": "a technical question",
  note: "a note",
  snippet: "a code snippet",
};

function label(item: PrepItem): string {
  if (item.kind === "answer") return `the answer to “${item.question}” (${item.variant})`;
  if (item.kind === "follow-up") return `the follow-up “${item.question}”`;
  if (item.kind === "technical-question") return `the technical question “${item.text}”`;
  return `the ${item.kind} ${item.key}`;
}

/**
 * Refuses an edit that the document would not read back: every export, re-import and later
 * save (a new variant, a prepared follow-up) re-reads the document from its Markdown, so an
 * item whose new text would merge into its neighbour (a note under an answer read as the
 * answer's next paragraph) would leave the bank unable to save anything else into that
 * document. Items that did not read back before the edit (an older bank) are not held against it.
 * @example assertEditReadsBack(doc, reviseItemText(note, "See above.")) // throws BAD_INPUT when the note would join the answer above it
 */
export function assertEditReadsBack(doc: PrepDoc, revised: PrepItem): void {
  const before = intactKeys(doc, doc.items).intact;
  const items = doc.items.map((item) => (item.key === revised.key ? revised : item));
  const { intact, reread } = intactKeys(doc, items);
  const broken = items.filter(
    (item) => (item.key === revised.key || before.has(item.key)) && !intact.has(item.key),
  );
  if (broken.length === 0) return;
  const edited = broken.find((item) => item.key === revised.key);
  // The item of the re-read whose text took in the edited one, when one did.
  const line =
    revised.raw
      .split("\n")
      .find((text) => text.trim() !== "")
      ?.trim() ?? "";
  const host = reread.find((item) => item.key !== revised.key && line !== "" && item.raw.includes(line));
  const what = KIND_NAMES[revised.kind] ?? `a ${revised.kind}`;
  const where =
    edited && host
      ? `it would be read as part of ${label(host)}`
      : edited
        ? "it would not read back as it was typed"
        : `${label(broken[0] as PrepItem)} would no longer read back as it is`;
  throw new DeriskError(
    "BAD_INPUT",
    `This text would not stay ${what} of its own when derisk re-reads the document (every export, re-import and save does): ${where}. Nothing was saved: ${
      host && revised.kind === "note"
        ? "put the text in that answer instead, or edit the note so that it reads as a remark about the answer (for example “This version …”)."
        : "change its first line or its formatting and try again."
    }`,
  );
}
