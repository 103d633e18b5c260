import type { DocumentDetail, DocumentSummary, StoredItem } from "../../core/api-types.ts";
import { stripMarkup } from "../../core/markup.ts";
import { describeCounts } from "../../core/report-summary.ts";
import { shortId, shortIds } from "../../core/short-ids.ts";
import type { Style } from "./style.ts";

export function renderDocumentList(documents: DocumentSummary[], style: Style): string {
  if (documents.length === 0) return "Your bank is empty: import a document with derisk import FILE.";
  const short = shortIds(documents.map((d) => d.id));
  return documents
    .map(
      (d) =>
        `${style.bold(d.title)}  ${style.dim(short(d.id))}\n  ${describeCounts(d.counts)}${d.targetRole ? ` · role: ${d.targetRole}` : ""} · updated ${d.updatedAt.replace("T", " ").slice(0, 16)} UTC`,
    )
    .join("\n");
}

// `first` prefixes the first line; the others line up under it, so a list keeps its shape.
// A blank line between paragraphs stays empty (no trailing spaces in a copied answer).
const indent = (text: string, prefix: string, first = prefix) =>
  text
    .split("\n")
    .map((line, n) => (n > 0 && line.trim() === "" ? "" : `${n === 0 ? first : prefix}${line}`))
    .join("\n");

function renderItem(
  item: StoredItem,
  style: Style,
  short: (id: string) => string,
  section?: string,
): string | undefined {
  const id = style.dim(`[${short(item.id)}]`);
  switch (item.kind) {
    case "section":
      return `\n${style.bold(item.title)}${item.role ? style.dim(` (role: ${item.role})`) : ""}`;
    case "framing":
      // Under a heading of the same words ("What the panel is really checking"), not said twice.
      return `${style.cyan("Framing")}${item.title === section ? "" : ` ${item.title}`}\n${item.questions.map((q) => `  • ${q}`).join("\n")}`;
    case "answer":
      return `${style.cyan(`${item.questionNumber ?? "Q"} · ${item.variant}`)} ${style.bold(stripMarkup(item.question))} ${id}\n${indent(stripMarkup(item.text), "  ")}`;
    case "follow-up":
      return `  ${style.yellow("follow-up")} ${stripMarkup(item.question)} ${id}\n${indent(stripMarkup(item.answer), "      ", "    → ")}`;
    case "concern":
      // With its id, as every item a command takes (derisk history ID lists its texts).
      return `  ${style.red("concern")} “${item.judgement}” ${id}\n${item.reframes.map((r) => `    ↺ ${r}`).join("\n")}`;
    case "technical-section":
      return `\n${style.bold(`${item.emoji ? `${item.emoji} ` : ""}${item.title}`)}${item.description ? `\n  ${style.dim(item.description)}` : ""}`;
    case "technical-question":
      return `  ? ${stripMarkup(item.text)} ${style.dim(`(${item.competency})`)} ${id}`;
    case "reflection":
      return `${style.cyan("Reflection")}${item.title ? ` ${item.title}` : ""}: ${item.turns.length} turns, ${item.reframes.length} reframes`;
    case "accomplishment":
      return `  ${style.green("accomplishment")} ${stripMarkup(item.text)}${item.metrics.length > 0 ? style.dim(` (${item.metrics.join(", ")})`) : style.dim(" (no figure yet)")} ${id}`;
    case "to-do":
      return `${style.cyan("To-do")} ${style.dim(`${item.entries.filter((e) => e.done).length}/${item.entries.length} done`)} ${id}\n${item.entries
        .map(
          (e, n) =>
            `  ${"  ".repeat(e.depth)}${e.done ? style.green("[x]") : "[ ]"} ${e.text.replace(/\n/g, " · ")} ${style.dim(`#${n + 1}`)}`,
        )
        .join("\n")}`;
    case "snippet":
      return `${style.cyan("Code")}${item.language ? ` ${item.language}` : ""}${item.closed ? "" : style.yellow(" (fence not closed: runs to the end of the file)")}${item.answerKey ? style.dim(` under ${item.answerKey}`) : ""} ${id}\n${indent(item.code, "  │ ")}`;
    case "note":
      // Whole, as kept: a note is text the importer did not place, and none of it may go unseen.
      return style.dim(
        `  note (${item.lines.start === item.lines.end ? `line ${item.lines.start}` : `lines ${item.lines.start}–${item.lines.end}`}):\n${indent(item.text, "    ")}`,
      );
  }
}

export function renderDocument(
  document: DocumentDetail["document"],
  items: StoredItem[],
  style: Style,
): string {
  const head = `${style.bold(document.title)}  ${style.dim(shortId(document.id))}\n${describeCounts(document.counts)}`;
  const short = shortIds(items.map((item) => item.id));
  let section: string | undefined;
  const shown = items.map((item) => {
    const text = renderItem(item, style, short, section);
    if (item.kind === "section") section = item.title;
    return text;
  });
  return [head, ...shown.filter((s) => s !== undefined)].join("\n");
}
