import { DeriskError } from "../errors.ts";
import type { AnswerItem, FollowUpItem, PrepDoc, PrepItem, StarPart, StarSections } from "../model.ts";
import { STAR_PARTS } from "../model.ts";
import { type AnswerBody, type BodyLine, readAnswerBody } from "./answer-body.ts";
import {
  cleanQuestion,
  isAlternativeTrigger,
  isListItem,
  joinPlain,
  matchAnswerLabel,
  matchInterviewerLine,
  matchNumberedListQuestion,
  matchQuestionLabel,
  matchQuestionLine,
  matchReplyLabel,
  matchStarLabel,
  matchSummaryQuestion,
  openingQuote,
  plainLine,
} from "./patterns.ts";
import { reviseSnippetCode } from "./snippet.ts";
import { annotateSource } from "./source.ts";

/**
 * Joins the items' raw text with the blank lines recorded between them: the exact document.
 *
 * @example renderPrepDocument(parsePrepDocument(text)) === text // true, for any text
 */
export function renderPrepDocument(doc: PrepDoc): string {
  const parts: string[] = [];
  for (const item of doc.items) {
    for (let g = 0; g < item.gapBefore; g++) parts.push("");
    parts.push(item.raw);
  }
  for (let g = 0; g < doc.gapAfter; g++) parts.push("");
  const text = parts.join("\n");
  return doc.finalNewline ? `${text}\n` : text;
}

const toBodyLines = (lines: readonly string[]): BodyLine[] => {
  // Code lines stay as written in the text, as they do at import.
  const source = annotateSource(lines.join("\n")).lines;
  return lines.map((text, i) => ({
    text,
    blank: text.trim() === "",
    literal: false,
    code: source[i]?.kind === "code",
  }));
};

/** Index of the first line after the opener (heading, question line or label) of an answer's raw. */
function bodyFromOf(lines: readonly string[], item: AnswerItem): number {
  const asked = lines.findIndex((l) => matchQuestionLabel(l) !== undefined);
  if (asked >= 0) return asked + 1;
  const first = lines[0] ?? "";
  let from = 0;
  const summary = [0, 1].find((i) => matchSummaryQuestion(lines[i] ?? "") !== undefined);
  if (summary !== undefined) return summary + 1;
  if (/^ {0,3}#{1,6}(?:\s|$)/.test(first)) from = 1;
  else if (/^ {0,3}(?:=+|-+)\s*$/.test(lines[1] ?? "") && first.trim() !== "") from = 2;
  else if (
    matchQuestionLine(first) ||
    matchNumberedListQuestion(first) ||
    matchInterviewerLine(first) !== undefined ||
    isAlternativeTrigger(plainLine(first))
  ) {
    from = 1;
  }
  // "### Q1:" with the question on the next line.
  const next = lines.findIndex((l, i) => i >= from && l.trim() !== "");
  if (from > 0 && next >= 0 && cleanQuestion(plainLine(lines[next] ?? "")) === item.question) from = next + 1;
  return from;
}

const LABEL_WORDS: Record<StarPart, string> = {
  situation: "Situation",
  task: "Task",
  action: "Action",
  result: "Result",
  lesson: "Lesson",
};

/** Renders a STAR label in the style of an existing one (`**S – Situation**`, `**Situation**:`, `S:`…). */
function starLabel(style: string, part: StarPart): string {
  const word = LABEL_WORDS[part];
  const letter = word.charAt(0);
  const dash = /^(\s*(?:[-*+]\s+)?)(\*\*|__)[STARL](\s*[-–—:]\s*)\w+(?: learned)?(\s*:?\s*)\2(\s*:?)/i.exec(
    style,
  );
  if (dash) return `${dash[1]}${dash[2]}${letter}${dash[3]}${word}${dash[4]}${dash[2]}${dash[5]}`;
  const letterOnly = /^(\s*)(\*\*)?[STARL](\*\*)?(\s*:)(\*\*)?/.exec(style);
  if (letterOnly && !/^\s*(?:\*\*)?\w{2,}/.test(style)) {
    return `${letterOnly[1]}${letterOnly[2] ?? ""}${letter}${letterOnly[3] ?? ""}${letterOnly[4]}${letterOnly[5] ?? ""}`;
  }
  return style.replace(/[A-Za-z]+(?: learned)?/, word).trimEnd();
}

/** STAR sections from labelled text ("Situation: …\nTask: …"), or undefined without labels. */
function parseStarText(text: string): StarSections | undefined {
  const sections: StarSections = {};
  let current: StarPart | undefined;
  const buffers: Partial<Record<StarPart, string[]>> = {};
  for (const line of text.split("\n")) {
    const label = matchStarLabel(line);
    if (label) {
      current = label.part;
      buffers[current] = label.inline ? [label.inline] : [];
    } else if (current) buffers[current]?.push(line);
  }
  for (const part of STAR_PARTS) {
    const lines = buffers[part];
    if (lines) sections[part] = lines.join("\n").trim();
  }
  return Object.keys(sections).length >= 2 ? sections : undefined;
}

function renderStar(original: readonly string[], from: number, sections: StarSections): string[] {
  const styles = new Map<StarPart, { prefix: string; inline: boolean; blankAfter: boolean }>();
  original.forEach((line, i) => {
    if (i < from) return;
    const label = matchStarLabel(line);
    if (label && !styles.has(label.part)) {
      styles.set(label.part, {
        prefix: line.slice(0, label.prefixLength).trimEnd(),
        inline: label.inline !== "",
        blankAfter: (original[i + 1] ?? "x").trim() === "",
      });
    }
  });
  const base = styles.values().next().value ?? { prefix: "**Situation**:", inline: false, blankAfter: false };
  const out: string[] = [];
  for (const part of STAR_PARTS) {
    const text = sections[part];
    if (text === undefined) continue;
    const style = styles.get(part) ?? { ...base, prefix: starLabel(base.prefix, part) };
    if (out.length > 0) out.push("");
    const lines = text.split("\n");
    if (style.inline && lines[0]) out.push(`${style.prefix} ${lines[0]}`, ...lines.slice(1));
    else {
      out.push(style.prefix);
      if (style.blankAfter) out.push("");
      out.push(...lines);
    }
  }
  return out;
}

/** Where an answer's spoken body sits in its raw Markdown lines, as `locateBody` found it. */
export interface LocatedBody {
  lines: string[];
  from: number;
  labelAt: number;
  labelPrefix: string;
  parsed: AnswerBody;
}

/** Finds the spoken body inside an answer's raw Markdown, the way the recogniser read it. */
function locateBody(item: AnswerItem, raw: string): LocatedBody {
  const lines = raw.split("\n");
  let from = bodyFromOf(lines, item);
  const body = toBodyLines(lines);
  let labelPrefix = "";
  // In a dialogue the reply's own label (`A:`, `**You:**`) opens the answer.
  const labelOf = matchInterviewerLine(lines[0] ?? "") !== undefined ? matchReplyLabel : matchAnswerLabel;
  const labelAt = lines.findIndex((l, i) => i >= from && labelOf(l) !== undefined);
  if (labelAt >= 0) {
    const label = labelOf(lines[labelAt] ?? "");
    from = labelAt;
    if (label) {
      labelPrefix = (lines[labelAt] ?? "").slice(0, label.prefixLength);
      const inline = (lines[labelAt] ?? "").slice(label.prefixLength);
      body[labelAt] = { text: inline, blank: inline.trim() === "", literal: false };
    }
  }
  return { lines, from, labelAt, labelPrefix, parsed: readAnswerBody(body, from, lines.length) };
}

/**
 * New Markdown for an edited answer, keeping its heading, question, label and remark as
 * written: re-parsing the document gives the same kind, key and variant with the new text.
 * A script stays quoted (same quote marks), beats stay bullets, and a STAR answer takes
 * `StarSections` or labelled text ("Situation: …"); unlabelled text makes it a free answer.
 *
 * @example renderAnswerRaw(q1Core, "Hi, I'm Ana.") // '### Q1- Tell me about yourself:\n\n"Hi, I\'m Ana."'
 */
export function renderAnswerRaw(
  item: AnswerItem,
  newText: string | StarSections,
  options: { labelled?: boolean; located?: LocatedBody } = {},
): string {
  const { lines, from, labelAt, labelPrefix, parsed } = options.located ?? locateBody(item, item.raw);
  const bodyStart = parsed.bodyStart >= 0 ? parsed.bodyStart : lines.length;
  const head = lines.slice(0, bodyStart);
  const bodyEnd = parsed.bodyEnd ?? parsed.end;
  const tail = bodyEnd >= bodyStart ? lines.slice(bodyEnd + 1) : [];
  // A dialogue reply is one paragraph: the next turn starts after a blank line.
  const dialogue = matchInterviewerLine(lines[0] ?? "") !== undefined;
  // A label whose answer starts on the same line keeps its prefix on the first new line.
  const keepPrefix = labelAt >= 0 && bodyStart === labelAt;

  let newBody: string[];
  if (typeof newText !== "string") {
    newBody = renderStar(lines, from, newText);
  } else if (item.format === "star") {
    const sections = parseStarText(newText);
    newBody = sections ? renderStar(lines, from, sections) : newText.split("\n");
  } else if (item.format === "script") {
    const first = parsed.bodyStart >= 0 ? (lines[parsed.bodyStart] ?? "") : "";
    const quote = openingQuote(first) ?? { open: '"', close: '"' };
    const quoted = `${quote.open}${newText}${quote.close}`.split("\n");
    newBody = /^\s{0,3}>/.test(first) ? quoted.map((l) => (l === "" ? ">" : `> ${l}`)) : quoted;
  } else if (item.format === "beats" && newText.split("\n").filter((l) => /→|->|⇒/.test(l)).length >= 2) {
    // Beats stay bullets; text that is not beats (no "→" parts) is written as typed, since
    // bullets would be read back as a list the user did not write.
    const bullet = /^\s*([-*+•])/.exec(lines[parsed.bodyStart] ?? "")?.[1] ?? "-";
    newBody = newText
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => `${bullet} ${l.trim()}`);
  } else {
    // A body written nested under its question ("4. What would you do…?" over "   - I would…")
    // stays nested, or the question would read as one item of a list.
    const body = lines.slice(bodyStart, bodyEnd + 1).filter((l) => l.trim() !== "");
    const nested = Math.min(...body.map((l) => l.length - l.trimStart().length));
    const indent = nested > 0 && nested < 4 && isListItem(lines[0] ?? "") ? " ".repeat(nested) : "";
    newBody = newText.split("\n").map((l) => (l.trim() === "" ? l : `${indent}${l}`));
  }
  if (dialogue) newBody = newBody.filter((l) => l.trim() !== "");
  if (options.labelled && labelAt < 0) {
    // An "Answer:" line tells the reader where the answer starts, so the remark above stays one.
    if ((head.at(-1) ?? "").trim() !== "") head.push("");
    newBody = ["**Answer:**", ...newBody];
  } else if (keepPrefix) {
    const [first = "", ...rest] = newBody;
    newBody = [`${labelPrefix}${first}`, ...rest];
  } else if (head.length > 0 && (head.at(-1) ?? "").trim() !== "" && labelAt < 0 && from > 0) {
    // Keep a blank line between a heading or question line and the body when there was one.
    const hadBlank = lines[from]?.trim() === "";
    if (hadBlank) head.push("");
  }
  while (head.length > 1 && head.at(-1)?.trim() === "" && head.at(-2)?.trim() === "") head.pop();
  return [...head, ...newBody, ...tail].join("\n");
}

const squash = (text: string): string =>
  text
    .replace(/[*_`>#-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * True when re-reading the edited answer takes in a line written above its body (a remark such
 * as "Think of it like a trailer:", a question line) that the user's new text does not contain.
 */
function absorbsRemark(original: LocatedBody, parsedText: string, newText: string): boolean {
  const { lines, parsed } = original;
  const bodyStart = parsed.bodyStart >= 0 ? parsed.bodyStart : lines.length;
  const read = squash(parsedText);
  const typed = squash(newText);
  return lines.slice(1, bodyStart).some((line) => {
    const remark = squash(line);
    return remark.length > 0 && read.includes(remark) && !typed.includes(remark);
  });
}

/**
 * New Markdown for an edited follow-up answer: the question line stays, the answer becomes
 * `👉 Answer: “…”` in the quote style that was used (a pointer stays a bare `👉 …` line).
 *
 * @example renderFollowUpAnswerRaw(followUp, "Not directly.") // '“Was your PhD related to ML?”\n👉 Answer: “Not directly.”'
 */
export function renderFollowUpAnswerRaw(item: FollowUpItem, newText: string): string {
  const lines = item.raw.split("\n");
  let at = lines.findIndex((l) => /^\s*(?:👉|➡️?|→)|^\s*(?:\*\*)?(?:Answer|A)(?:\*\*)?\s*:/u.test(l));
  let marker = "👉 Answer: ";
  let quote = { open: "“", close: "”" };
  if (at >= 0) {
    const line = lines[at] ?? "";
    const label = /^(\s*(?:👉|➡️?|→)?\s*(?:(?:\*\*)?(?:Answer|A)(?:\*\*)?\s*:\s*)?)(.*)$/u.exec(line);
    marker = label?.[1] ?? marker;
    const rest = label?.[2] ?? "";
    const q = openingQuote(rest);
    if (q) quote = q;
    else if (rest.trim() !== "" || item.pointer) quote = { open: "", close: "" };
  } else {
    at = lines.length;
    while (at > 0 && (lines[at - 1] ?? "").trim() === "") at--;
  }
  if (item.pointer) quote = { open: "", close: "" };
  if (newText.includes("\n") && quote.open === "" && !item.pointer) quote = { open: "“", close: "”" };
  const answer = `${marker}${quote.open}${newText}${quote.close}`.split("\n");
  if (lines.slice(0, at).every((l) => l.trim() === "")) {
    throw new DeriskError(
      "BAD_INPUT",
      `Follow-up ${item.key} has no question line to keep: re-import the document.`,
    );
  }
  return [...lines.slice(0, at), ...answer].join("\n");
}

/**
 * The item with new text: its Markdown re-rendered (see `renderAnswerRaw`) and its fields
 * re-read from that Markdown. Answers, follow-ups, technical questions, snippets (their code)
 * and notes can be edited; a to-do list is ticked entry by entry (`setTodoDone`).
 *
 * @example reviseItemText(q1Core, "Hi, I'm Ana.").raw // '### Q1- Tell me about yourself:\n\n"Hi, I\'m Ana."'
 */
export function reviseItemText(item: PrepItem, newText: string): PrepItem {
  switch (item.kind) {
    case "answer": {
      // The answer as it stands is located once, for rendering and for the remark check.
      const located = locateBody(item, item.raw);
      let raw = renderAnswerRaw(item, newText, { located });
      let { parsed } = locateBody(item, raw);
      if (absorbsRemark(located, parsed.text, newText)) {
        // The new text in another shape (plain text where there were bullets or STAR labels)
        // would swallow the remark written above the answer: label the answer instead.
        raw = renderAnswerRaw(item, newText, { labelled: true, located });
        parsed = locateBody(item, raw).parsed;
      }
      const revised: AnswerItem = { ...item, raw, format: parsed.format, text: parsed.text };
      delete revised.star;
      delete revised.beats;
      if (parsed.star) revised.star = parsed.star;
      if (parsed.beats) revised.beats = parsed.beats;
      return revised;
    }
    case "follow-up":
      return { ...item, raw: renderFollowUpAnswerRaw(item, newText), answer: newText.trim() };
    case "technical-question":
      return {
        ...item,
        raw: item.raw.includes(item.text) ? item.raw.replace(item.text, newText) : newText,
        text: newText.trim(),
      };
    case "note":
      return { ...item, raw: newText, text: joinPlain(newText.split("\n")) };
    case "snippet":
      return reviseSnippetCode(item, newText);
    case "to-do":
      throw new DeriskError(
        "BAD_INPUT",
        `A to-do list (${item.key}) changes one entry at a time: tick or untick an entry (the checkbox in the document view, or derisk tick ITEM ENTRY).`,
      );
    default:
      throw new DeriskError(
        "BAD_INPUT",
        `A ${item.kind} item (${item.key}) has no text to replace: edit the answer or follow-up it belongs to instead.`,
      );
  }
}
