import type { AnswerFormat, StarPart, StarSections } from "../model.ts";
import {
  endsWithQuote,
  isBullet,
  joinPlain,
  matchStarLabel,
  openingQuote,
  plainLine,
  unquote,
} from "./patterns.ts";

/** A line as the body reader sees it. */
export interface BodyLine {
  text: string;
  blank: boolean;
  /** Code and HTML lines are never read as labels or quotes. */
  literal: boolean;
  /** A line of a code block: kept exactly as written in the answer's text. */
  code?: boolean;
}

export interface AnswerBody {
  format: AnswerFormat;
  text: string;
  star?: StarSections;
  remark?: string;
  beats?: string[];
  /** Index (into the given lines) of the first line of the spoken body, or -1 when empty. */
  bodyStart: number;
  /** Index of the last line that belongs to the answer, or `from - 1` when there is none. */
  end: number;
  /** Index of the last line of what is said, when closing tags (`</details>`) follow it before `end`. */
  bodyEnd?: number;
}

/** A line of closing or wrapping tags only (`</details>`, `<br>`): part of an answer, never said. */
const isTagsOnly = (line: BodyLine | undefined): boolean =>
  line !== undefined && !line.blank && /<\/?[a-z]/i.test(line.text) && plainLine(line.text) === "";

const firstNonBlank = (lines: readonly BodyLine[], from: number, to: number): number => {
  for (let i = from; i < to; i++) if (!lines[i]?.blank) return i;
  return -1;
};
const texts = (lines: readonly BodyLine[], from: number, to: number): string[] =>
  lines.slice(from, to + 1).map((l) => l.text);
/** Lines `from..to` as plain text, list markers and code kept (see `joinPlain`). */
const plainOf = (lines: readonly BodyLine[], from: number, to: number): string =>
  joinPlain(texts(lines, from, to), { verbatim: lines.slice(from, to + 1).map((l) => l.code === true) });
const isBlockquote = (line: BodyLine | undefined): boolean =>
  line !== undefined && !line.literal && /^\s{0,3}>/.test(line.text);
const hasArrow = (text: string): boolean => /→|->|⇒/.test(text);

/** Ends the paragraph that starts at `from`: the last non-blank line before a blank one. */
const paragraphEnd = (lines: readonly BodyLine[], from: number, to: number): number => {
  let i = from;
  while (i + 1 < to && !lines[i + 1]?.blank) i++;
  return i;
};

/** A quoted script: from an opening quote to the line that closes it (or a run of `>` lines). */
function readScript(lines: readonly BodyLine[], start: number, to: number): number {
  const first = lines[start];
  if (!first || first.literal) return -1;
  if (isBlockquote(first)) {
    let end = start;
    while (end + 1 < to && isBlockquote(lines[end + 1])) end++;
    return end;
  }
  const quote = openingQuote(first.text);
  if (!quote) return -1;
  for (let i = start; i < to; i++) {
    const line = lines[i];
    if (!line || line.blank || line.literal) continue;
    const plain = plainLine(line.text);
    // The opening quote alone does not close the script.
    if (i === start && plain.length < 2) continue;
    if (endsWithQuote(plain, quote.close)) return i;
  }
  return -1;
}

/**
 * Reads the body of one answer from `lines[from..to)` (`to` is where the next structure
 * starts): STAR sections in any label style, a quoted script, `→` beats or free text, with
 * a remark (a re-angle note or a lead-in ending in ":") before the body when there is one.
 *
 * @example readAnswerBody([{ text: '"Hi, I am Ana."', blank: false, literal: false }], 0, 1).format // "script"
 */
export function readAnswerBody(lines: readonly BodyLine[], from: number, to: number): AnswerBody {
  const start = firstNonBlank(lines, from, to);
  if (start < 0) return { format: "free", text: "", bodyStart: -1, end: from - 1 };
  // Two blank lines in a row end the answer: writers leave them between sections, never
  // between the paragraphs of one answer.
  let last = start;
  for (let i = start + 1; i < to; i++) {
    const line = lines[i];
    if (line?.blank && lines[i + 1]?.blank && !line.literal) break;
    if (!line?.blank) last = i;
  }

  // STAR: at least two distinct parts labelled.
  const labels: Array<{ at: number; part: StarPart; inline: string }> = [];
  for (let i = start; i <= last; i++) {
    const line = lines[i];
    if (!line || line.blank || line.literal) continue;
    const label = matchStarLabel(line.text);
    if (label) labels.push({ at: i, part: label.part, inline: label.inline });
  }
  if (new Set(labels.map((l) => l.part)).size >= 2) {
    const star: StarSections = {};
    const parts: string[] = [];
    labels.forEach((label, n) => {
      const next = labels[n + 1]?.at ?? last + 1;
      const body = joinPlain([label.inline, ...texts(lines, label.at + 1, next - 1)], {
        verbatim: [false, ...lines.slice(label.at + 1, next).map((l) => l.code === true)],
      });
      star[label.part] = star[label.part] ? `${star[label.part]}\n\n${body}` : body;
      if (body) parts.push(body);
    });
    const firstLabel = labels[0]?.at ?? start;
    const result: AnswerBody = {
      format: "star",
      text: parts.join("\n\n"),
      star,
      bodyStart: firstLabel,
      end: last,
    };
    const remark = plainOf(lines, start, firstLabel - 1);
    if (remark) result.remark = remark;
    return result;
  }

  // A script, possibly after a lead-in paragraph ending in ":".
  let remarkEnd = -1;
  let scriptStart = start;
  const leadEnd = paragraphEnd(lines, start, to);
  if (!openingQuote(lines[start]?.text ?? "") && !isBlockquote(lines[start])) {
    const next = firstNonBlank(lines, leadEnd + 1, to);
    const lead = plainLine(lines[leadEnd]?.text ?? "");
    if (
      next >= 0 &&
      /:\s*$/.test(lead) &&
      (openingQuote(lines[next]?.text ?? "") || isBlockquote(lines[next]))
    ) {
      remarkEnd = leadEnd;
      scriptStart = next;
    }
  }
  const scriptEnd = readScript(lines, scriptStart, to);
  if (scriptEnd >= 0) {
    const result: AnswerBody = {
      format: "script",
      text: unquote(plainOf(lines, scriptStart, scriptEnd)),
      bodyStart: scriptStart,
      end: scriptEnd,
    };
    if (remarkEnd >= 0) result.remark = plainOf(lines, start, remarkEnd);
    return result;
  }

  // Beats: a run of bullets, at least two of them with → parts.
  let firstBullet = -1;
  for (let i = start; i <= last; i++) {
    const line = lines[i];
    if (line && !line.blank && !line.literal && isBullet(line.text)) {
      firstBullet = i;
      break;
    }
  }
  if (firstBullet >= 0) {
    let end = firstBullet;
    while (end + 1 <= last && isBullet(lines[end + 1]?.text ?? "")) end++;
    const bullets = texts(lines, firstBullet, end);
    if (bullets.filter(hasArrow).length >= 2 && end === last) {
      const beats = bullets.map(plainLine);
      const result: AnswerBody = {
        format: "beats",
        text: beats.join("\n"),
        beats,
        bodyStart: firstBullet,
        end,
      };
      const remark = plainOf(lines, start, firstBullet - 1);
      if (remark) result.remark = remark;
      return result;
    }
  }

  let bodyEnd = last;
  while (bodyEnd > start && (isTagsOnly(lines[bodyEnd]) || lines[bodyEnd]?.blank)) bodyEnd--;
  const free: AnswerBody = {
    format: "free",
    text: plainOf(lines, start, last),
    bodyStart: start,
    end: last,
  };
  if (bodyEnd < last) free.bodyEnd = bodyEnd;
  return free;
}
