import { STAR_PARTS } from "../model.ts";
import type { PrepSheet, SheetAnswer, SheetTechnical } from "./build.ts";
import { escapeHtml } from "./html.ts";

/** One note of the Anki file, fields as HTML. */
export interface AnkiNote {
  front: string;
  back: string;
  deck: string;
  tags: string[];
}

const STAR_NAMES = {
  situation: "Situation",
  task: "Task",
  action: "Action",
  result: "Result",
  lesson: "Lesson",
};

/**
 * User text as an Anki HTML field: escaped, with newlines as `<br>` and tabs as `&#9;`, so a
 * field never breaks the tab-separated row.
 * @example ankiField("a\tb\nc") // "a&#9;b<br>c"
 */
export function ankiField(text: string): string {
  return escapeHtml(text.trim()).replace(/\t/g, "&#9;").replace(/\r?\n/g, "<br>");
}

const ul = (items: string[]): string => `<ul>${items.map((i) => `<li>${ankiField(i)}</li>`).join("")}</ul>`;

function answerBack(answer: SheetAnswer): string {
  if (answer.beats && answer.beats.length > 0) return ul(answer.beats);
  const star = answer.star;
  if (star && STAR_PARTS.some((p) => (star[p] ?? "").trim() !== "")) {
    return STAR_PARTS.filter((p) => (star[p] ?? "").trim() !== "")
      .map((p) => `<b>${STAR_NAMES[p]}:</b> ${ankiField(star[p] ?? "")}`)
      .join("<br><br>");
  }
  return ankiField(answer.text);
}

function technicalBack(t: SheetTechnical): string {
  return t.keyPoints.length > 0 ? ul(t.keyPoints) : "<i>No key points written yet: add them in derisk.</i>";
}

// Anki tags are space-separated words.
const tag = (text: string): string =>
  text
    .trim()
    .replace(/\s+/g, "_")
    .replace(/[^\p{L}\p{N}_:.-]/gu, "") || "untitled";

/**
 * The sheet's answers (front: question; back: beats, STAR parts or answer) and technical
 * questions (front: question; back: key points) as Anki notes, one deck per document.
 * @example ankiNotes(sheet)[0]?.tags // ["derisk", "answer", "about-me"]
 */
export function ankiNotes(sheet: PrepSheet): AnkiNote[] {
  const deck = (document: string) => `derisk::${document.replace(/::/g, ":").trim() || sheet.title}`;
  return [
    ...sheet.answers.map((a) => ({
      front: ankiField(a.variant === "core" ? a.question : `${a.question} (${a.variant})`),
      back: answerBack(a),
      deck: deck(a.document),
      tags: ["derisk", "answer", a.competency],
    })),
    ...sheet.technical.map((t) => ({
      front: ankiField(t.question),
      back: technicalBack(t),
      deck: deck(t.document),
      tags: ["derisk", "technical", t.competency, ...(t.section ? [tag(t.section)] : [])],
    })),
  ];
}

/**
 * A tab-separated file Anki's importer reads with no questions asked: its header lines name
 * the separator, HTML fields, and the deck and tags columns (Front, Back, Deck, Tags).
 * @example renderAnkiTsv(sheet).split("\n")[0] // "#separator:tab"
 */
export function renderAnkiTsv(sheet: PrepSheet): string {
  const rows = ankiNotes(sheet).map((n) =>
    [n.front, n.back, ankiField(n.deck), n.tags.map(tag).join(" ")].join("\t"),
  );
  return `${["#separator:tab", "#html:true", "#columns:Front\tBack\tDeck\tTags", "#deck column:3", "#tags column:4", ...rows].join("\n")}\n`;
}
