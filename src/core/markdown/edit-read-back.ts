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

/** A rule line: Markdown's way to set a remark off from the answer above it. */
const RULE = "---";

/**
 * A document that no longer reads back as it is stored, made to read back before anything is
 * added to it. Such a document was left by a typed edit that derisk saved before it checked
 * edits (a note typed as plain text under an answer, re-read as the answer's next paragraph):
 * every later variant, follow-up or new answer into it was refused. A note of that kind is set off
 * from the item above it by a rule line ("---"), its own lines kept as typed; the save that carries
 * the mended document keeps the note's earlier text in its history. A document that reads back
 * comes back as it is; one this cannot mend is refused with a message naming the item, where it
 * goes on a re-read, and the edit that fixes it.
 * @example mendReadBack(doc).mended // [the note "Say the five first." stored as "---\n\nSay the five first."]
 */
export function mendReadBack(doc: PrepDoc): { doc: PrepDoc; mended: PrepItem[] } {
  const { intact, reread } = intactKeys(doc, doc.items);
  if (intact.size === doc.items.length) return { doc, mended: [] };
  const stuck = doc.items.filter((item) => !intact.has(item.key));
  const mendable = (item: PrepItem) => item.kind === "note" && !item.raw.trimStart().startsWith(RULE);
  const items = doc.items.map((item) =>
    !intact.has(item.key) && mendable(item) ? { ...item, raw: `${RULE}\n\n${item.raw}` } : item,
  );
  const after = intactKeys(doc, items);
  if (after.intact.size === items.length && after.reread.length === items.length) {
    const changed = new Set(stuck.filter(mendable).map((item) => item.key));
    return {
      doc: { ...doc, items: after.reread },
      mended: after.reread.filter((item) => changed.has(item.key)),
    };
  }
  // A line of a stuck item that the re-read puts into another item (or drops), and that item.
  const strayLine = (item: PrepItem) => {
    const own = reread.find((other) => other.key === item.key && other.kind === item.kind);
    const kept = new Set(own?.raw.split("\n").map((text) => text.trim()) ?? []);
    const line = item.raw
      .split("\n")
      .map((text) => text.trim())
      .find((text) => text !== "" && !kept.has(text));
    if (line === undefined) return undefined;
    const host = reread.find(
      (other) => other !== own && other.raw.split("\n").some((t) => t.trim() === line),
    );
    return { item, line, host };
  };
  const found = stuck.map(strayLine).filter((e) => e !== undefined);
  const named = found.find((e) => e.host !== undefined) ?? found[0];
  const item = named?.item ?? (stuck[0] as PrepItem);
  const where = named
    ? `the line “${short(named.line)}” of ${itemName(item)} ${named.host ? `is read as part of ${itemName(named.host)}` : "does not read back"}`
    : `${itemName(item)} does not read back as it is stored`;
  throw new DeriskError(
    "BAD_INPUT",
    `“${doc.title}” does not read back as it is stored, so nothing can be added to it yet: ${where} (an edit saved before derisk checked edits). Nothing was saved: ${named ? "change or remove that line in" : "edit"} that ${item.kind}, then save again`,
    {
      hint: {
        cli: ` (derisk show --kind ${item.kind} --json gives its id; derisk set ID --text "…" edits it).`,
        web: " (open it in the Library; its History keeps the text it has now).",
      },
    },
  );
}

const short = (line: string): string => (line.length > 80 ? `${line.slice(0, 79)}…` : line);

/** An item as the message names it: its question for answers, its first line otherwise. */
function itemName(item: PrepItem): string {
  if (item.kind === "answer" || item.kind === "follow-up" || item.kind === "technical-question")
    return label(item);
  const first =
    item.raw
      .split("\n")
      .find((text) => text.trim() !== "")
      ?.trim() ?? "";
  return `the ${item.kind} “${short(first)}”`;
}
