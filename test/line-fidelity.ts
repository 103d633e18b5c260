import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  isAlternativeTrigger,
  isFollowUpTrigger,
  isReframeIntro,
  matchAnswerLabel,
  matchConcern,
  matchInterviewerLine,
  matchNumberedQuestion,
  matchQuestionLabel,
  matchSpeaker,
  matchStarLabel,
  plainLine,
} from "../src/core/markdown/patterns.ts";
import { annotateSource } from "../src/core/markdown/source.ts";
import type { PrepDoc, PrepItem } from "../src/core/model.ts";

/*
 * The line-fidelity audit: "derisk imports a candidate's notes without losing a line". Every
 * non-empty line of a document must be found in what the import stores for the item that holds
 * it: the question, the answer (its text, STAR parts, remark), follow-ups, concerns, notes and the
 * other fields the views show, never only in the item's raw Markdown. Markup is compared as words
 * (bold, quotes, "👉 Answer:" and STAR labels are the recogniser's structure); list items must
 * keep their marker and their nesting in the stored text, so views can lay them out as lists.
 */

const root = new URL("../", import.meta.url);
/** A file of the repository, by its path from the root. */
export const readRepoFile = (path: string): string =>
  readFileSync(fileURLToPath(new URL(path, root)), "utf8");

const words = (text: string): string => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");

// Fields that name or place an item, not what the user wrote.
const NOT_TEXT = new Set([
  "raw",
  "key",
  "kind",
  "lines",
  "gapBefore",
  "questionKey",
  "answerKey",
  "sectionKey",
  "competency",
  "format",
  "pointer",
  "closed",
  "done",
  "depth",
]);

/** Every stored string of an item, in field order (the fields a view can show). */
function storedStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) storedStrings(v, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (!NOT_TEXT.has(k)) storedStrings(v, out);
  }
  return out;
}

// Fields that hold each list item as an entry of their own: the list's structure is the array.
const LIST_AS_ENTRIES: Partial<Record<PrepItem["kind"], (item: PrepItem) => string[]>> = {
  framing: (i) => (i.kind === "framing" ? i.questions : []),
  answer: (i) => (i.kind === "answer" ? (i.beats ?? []) : []),
  concern: (i) => (i.kind === "concern" ? i.reframes : []),
  reflection: (i) => (i.kind === "reflection" ? i.reframes : []),
  "to-do": (i) => (i.kind === "to-do" ? i.entries.map((e) => e.text) : []),
  accomplishment: (i) => (i.kind === "accomplishment" ? [i.text] : []),
  "technical-question": (i) => (i.kind === "technical-question" ? [i.text] : []),
};

const LIST_LINE = /^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const unquoteBlock = (line: string): string => line.replace(/^\s{0,3}(?:>\s?)+/, "");

/** The words a line says, without the structure the recogniser reads from it; undefined for structure only. */
function contentOf(line: string, kind: string): string | undefined {
  const trimmed = line.trim();
  if (/^(?:```|~~~)/.test(trimmed)) return undefined;
  if (/^(?:-{3,}|\*{3,}|_{3,}|={3,})$/.test(trimmed)) return undefined;
  if (/^\|?[\s:|-]+\|?$/.test(trimmed) && trimmed.includes("-")) return undefined;
  const plain = plainLine(line);
  if (isFollowUpTrigger(plain) || isAlternativeTrigger(plain) || isReframeIntro(line)) return undefined;
  const speaker = matchSpeaker(line);
  if (speaker) return `${speaker.speaker} ${speaker.text}`;
  const concern = matchConcern(line);
  if (concern) return concern;
  const interviewer = matchInterviewerLine(line);
  if (interviewer !== undefined) return interviewer;
  const asked = matchQuestionLabel(line);
  if (asked) return asked;
  const answer = matchAnswerLabel(line);
  if (answer) return answer.inline;
  const star = matchStarLabel(line);
  if (star) return star.inline;
  if (kind === "heading" || /^\s{0,3}#{1,6}\s/.test(line)) {
    const numbered = matchNumberedQuestion(plain);
    if (numbered) return numbered.text;
  }
  return plain;
}

/** Whether `line` is the numbered line that asks the answer's question ("4. What would you do…?"). */
function isQuestionLine(item: PrepItem, line: string): boolean {
  const numbered = matchNumberedQuestion(plainLine(line))?.text;
  return item.kind === "answer" && numbered !== undefined && words(numbered) === words(item.question);
}

export interface Loss {
  line: number;
  text: string;
  item: string;
  why: "words" | "list marker" | "nesting" | "code";
}

/** The lines of `text` whose words, list marker or code the stored items do not keep. */
export function auditLineFidelity(text: string, doc: PrepDoc): Loss[] {
  const source = annotateSource(text).lines;
  const losses: Loss[] = [];
  for (const item of doc.items) {
    const stored = storedStrings(item);
    const haystack = ` ${words(stored.join(" "))} `;
    const storedLines = stored.flatMap((s) => s.split("\n"));
    const entries = (LIST_AS_ENTRIES[item.kind]?.(item) ?? []).map(words);
    // Nesting is relative to the item's outermost list items (an answer nested under its question).
    const indents: number[] = [];
    for (let n = item.lines.start; n <= item.lines.end; n++) {
      const text = source[n - 1]?.text ?? "";
      const list = LIST_LINE.exec(unquoteBlock(text));
      if (list && source[n - 1]?.kind === "text" && !isQuestionLine(item, text))
        indents.push((list[1] ?? "").length);
    }
    const outer = Math.min(...indents);
    for (let n = item.lines.start; n <= item.lines.end; n++) {
      const line = source[n - 1];
      if (!line || line.blank) continue;
      const lose = (why: Loss["why"]) => losses.push({ line: n, text: line.text, item: item.key, why });
      if (line.kind === "code") {
        const t = line.text.trim();
        if (!/^(?:```|~~~)/.test(t) && !stored.some((s) => s.includes(t))) lose("code");
        continue;
      }
      // A metric table's header names its columns; each row is stored as "what: before → after".
      if (item.kind === "accomplishment" && n < item.lines.end && line.text.trimStart().startsWith("|"))
        continue;
      const content = contentOf(line.text, line.kind);
      if (content === undefined || words(content) === "") continue;
      // A numbered question ("1. …", "<b>2. …</b>", "**Q3- …**") is stored as its number and its text.
      const numbered = matchNumberedQuestion(plainLine(line.text))?.text;
      const found = (said: string) => haystack.includes(` ${words(said)} `);
      if (!found(content) && !(numbered !== undefined && found(numbered))) {
        lose("words");
        continue;
      }
      const list = LIST_LINE.exec(unquoteBlock(line.text));
      if (!list || line.kind !== "text") continue;
      // The question's own line: its number is stored as the question's number.
      if (isQuestionLine(item, line.text)) continue;
      const said = words(list[2] ?? "");
      if (said === "" || entries.includes(said)) continue;
      const kept = storedLines
        .map((s) => LIST_LINE.exec(unquoteBlock(s)))
        .filter((m) => m !== null && words(m[2] ?? "") === said);
      if (kept.length === 0) lose("list marker");
      else if ((list[1] ?? "").length >= outer + 2 && !kept.some((m) => (m?.[1] ?? "").length > 0))
        lose("nesting");
    }
  }
  return losses;
}
