import type { StarPart } from "./model.ts";

/*
 * The one markup stripper of derisk: every view and quote of the user's text (web, CLI, the
 * lens's quotes, packaging) shows words, never Markdown markers or written STAR labels.
 */

// A written STAR label at the start of a line or sentence: "**Situation**:", "**S – Situation**",
// "Result:", "__Task__ -". Bold or a colon is required, so "Action items were…" stays.
const STAR_LABEL =
  /(^|\n)[ \t]*(?:(?:\*\*|__)\s*(?:[STARL]\s*[–—-]\s*)?(?:situation|task|actions?|results?|lessons?(?: learned)?|learnings?)\s*(?:\*\*|__)\s*[:：–—-]?|(?:[STARL]\s*[–—-]\s*)?(?:situation|task|actions?|results?|lessons?(?: learned)?|learnings?)\s*[:：])[ \t]*(?:\*\*|__)?[ \t]*/giu;

const LABEL_PART: Record<string, StarPart> = {
  situation: "situation",
  task: "task",
  action: "action",
  actions: "action",
  result: "result",
  results: "result",
  lesson: "lesson",
  lessons: "lesson",
  "lesson learned": "lesson",
  "lessons learned": "lesson",
  learning: "lesson",
  learnings: "lesson",
};

/**
 * The STAR part a written label at the start of the text names ("**Situation**:", "R – Result").
 * @example starLabel("**Situation**: We were slow.") // "situation"
 */
export function starLabel(text: string): StarPart | undefined {
  const match = new RegExp(STAR_LABEL.source, "iu").exec(text);
  if (match === null || match.index !== 0) return undefined;
  const word = /(situation|task|actions?|results?|lessons?(?: learned)?|learnings?)/i.exec(match[0]);
  return word?.[1] === undefined ? undefined : LABEL_PART[word[1].toLowerCase()];
}

// Every pattern below needs one of these characters: text without them has no markup to strip.
const MARKUP_CHAR = /[:：*_#>[`|~]/;

// A line of a Markdown table: a row written between pipes, the separator row under the header,
// or a row's end after a sentence cut inside it ("…took 900 ms. | slow |").
const TABLE_LINE = /^[ \t]*\|[^\n]*$|^[^\n]*\|[ \t]*$/gm;

/** A table row as words: its cells' text, " — " between them; the separator row says nothing. */
function tableRowText(line: string): string {
  const cells = tableCells(line).filter((cell) => cell !== "");
  if (cells.every((cell) => SEPARATOR_CELL.test(cell))) return "";
  return cells.join(" — ");
}

/**
 * The text as a person reads or says it: Markdown emphasis (`**bold**`, `*italic*`, `_italic_`),
 * STAR labels ("**Situation**:"), inline code ticks, links' targets, heading and quote marks
 * removed, a table row read as its cells ("| a | b |" → "a — b", the separator row dropped);
 * words, punctuation, bullets and line breaks kept. Every view and quote of the user's text goes
 * through this one function.
 * @example stripMarkup("**Situation**: I was _really_ **stuck**.") // "I was really stuck."
 */
export function stripMarkup(text: string): string {
  if (!MARKUP_CHAR.test(text)) return text;
  return stripInlineMarkup(text.includes("|") ? text.replace(TABLE_LINE, tableRowText) : text);
}

/** `stripMarkup` without reading table rows: a line of a table `textBlocks` did not read as one stays as written. */
function stripInlineMarkup(text: string): string {
  if (!MARKUP_CHAR.test(text)) return text;
  return (
    text
      .replace(STAR_LABEL, "$1")
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, "")
      .replace(/^[ \t]*>[ \t]?/gm, "")
      .replace(/!?\[([^\]\n]*)\]\((?:[^)\s]+)(?:\s+"[^"]*")?\)/g, "$1")
      .replace(/`([^`\n]+)`/g, "$1")
      .replace(/~~(?=\S)([^\n]*?\S)~~/g, "$1")
      .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, "$2")
      .replace(/(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}*])/gu, "$1")
      .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/gu, "$1")
      // Stray markers left by a sentence split inside a bold run ("**The fix" … "works.**").
      .replace(/\*\*|__/g, "")
      // An emphasis opened and never closed ("and *the error rate fell"): the star before a word.
      .replace(/(^|[\s(“"'‘])\*(?=\p{L})/gmu, "$1")
  );
}

/** A block of prose as a reader sees it: a paragraph (its lines), or a list (its items). */
export interface TextBlock {
  /** "pre": the lines of a fenced code block, exactly as written. "table": a Markdown table. */
  type: "p" | "ul" | "ol" | "pre" | "table";
  /** For a table: its header cells. */
  lines: string[];
  /** For a list: the list written nested under an item, at that item's index. */
  sub?: (TextBlock | undefined)[];
  /** For a table: its body rows, each with as many cells as the header. */
  rows?: string[][];
}

const FENCE = /^\s{0,3}(?:```|~~~)/;
const BULLET_LINE = /^\s*(?:[-*+•]|👉)\s+/;
const NUMBERED_LINE = /^\s*\d+[.)]\s+/;

// A cell of a table's separator row: "---", ":--", "--:", ":-:".
const SEPARATOR_CELL = /^:?-+:?$/;

/** The cells of a table row as written: outer pipes dropped, split on pipes ("\\|" is a pipe in a cell). */
function tableCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

/**
 * The table starting at line `at`: a header row, a separator row with as many cells, then the
 * rows up to the first blank or pipe-less line, every one with as many cells as the header.
 * `end` is the line after the rows read, table or not, so a malformed run is read only once.
 */
function tableAt(lines: string[], at: number): { block?: TextBlock; end: number } {
  const header = lines[at] ?? "";
  const separator = lines[at + 1] ?? "";
  if (!header.includes("|") || !separator.includes("|")) return { end: at };
  const rule = tableCells(separator);
  if (!rule.every((cell) => SEPARATOR_CELL.test(cell))) return { end: at };
  const head = tableCells(header);
  let ragged = rule.length !== head.length;
  const rows: string[][] = [];
  let end = at + 2;
  for (; end < lines.length; end++) {
    const line = lines[end] ?? "";
    if (line.trim() === "" || !line.includes("|") || FENCE.test(line)) break;
    const cells = tableCells(line);
    if (cells.length !== head.length) ragged = true;
    rows.push(cells);
  }
  if (ragged) return { end };
  const clean = (cell: string): string => stripMarkup(cell).trim();
  return { block: { type: "table", lines: head.map(clean), rows: rows.map((row) => row.map(clean)) }, end };
}

const indentOf = (line: string): number => /^[ \t]*/.exec(line.replace(/\t/g, "    "))?.[0].length ?? 0;

/**
 * The user's plain text as paragraphs and lists, markup stripped from every line: "- ", "* ",
 * "+ ", "•" and "👉" lines are bullet items, "1." / "1)" lines numbered items; an item indented
 * two or more spaces deeper than the one above it starts a list nested under that item (`sub`);
 * a blank line ends a block; a fenced code block is one "pre" block of its lines as written; a
 * Markdown table (header row, "|---|" separator row, body rows, every row with as many cells) is
 * one "table" block, its cells stripped of markup; a ragged one, or one with no separator row,
 * stays lines of text. Every view that lays prose out (the web's text blocks, the printed
 * prep sheet) reads it through this one function, so a list reads as a list everywhere.
 * @example textBlocks("Not about:\n- titles\n- charm") // [{ type: "p", lines: ["Not about:"] }, { type: "ul", lines: ["titles", "charm"] }]
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let open = false;
  // The lists open at this point, outermost first, with the indent of their items.
  let lists: { block: TextBlock; indent: number }[] = [];
  let code: TextBlock | undefined;
  const all = text.split(/\r?\n/);
  // Lines before this one were read as a malformed table: they are not tried as one again.
  let plainUntil = 0;
  for (let at = 0; at < all.length; at++) {
    const line = all[at] ?? "";
    // Code is shown as written: a "# comment" is no heading, "**kwargs" no bold, "- 1" no bullet.
    if (FENCE.test(line)) {
      if (code === undefined) {
        code = { type: "pre", lines: [] };
        blocks.push(code);
      } else code = undefined;
      open = false;
      lists = [];
      continue;
    }
    if (code !== undefined) {
      code.lines.push(line);
      continue;
    }
    if (line.trim() === "") {
      open = false;
      lists = [];
      continue;
    }
    if (at >= plainUntil) {
      const table = tableAt(all, at);
      plainUntil = table.end;
      if (table.block !== undefined) {
        blocks.push(table.block);
        at = table.end - 1;
        open = false;
        lists = [];
        continue;
      }
    }
    const type = BULLET_LINE.test(line) ? "ul" : NUMBERED_LINE.test(line) ? "ol" : "p";
    // Words, not Markdown: "**Situation**:", bold and italics markers are left out.
    // A malformed table's rows stay lines as written (`tableAt` did not read them as a table).
    const content = stripInlineMarkup(
      type === "p" ? line.trim() : line.replace(type === "ul" ? BULLET_LINE : NUMBERED_LINE, "").trim(),
    ).trim();
    if (content === "") continue;
    const last = blocks.at(-1);
    const wasOpen = open;
    open = true;
    if (type === "p") {
      lists = [];
      if (wasOpen && last?.type === "p") last.lines.push(content);
      else blocks.push({ type, lines: [content] });
      continue;
    }
    const indent = indentOf(line);
    const inner = lists.at(-1);
    if (inner !== undefined && indent >= inner.indent + 2) {
      const sub = inner.block.sub ?? [];
      inner.block.sub = sub;
      const at = inner.block.lines.length - 1;
      const nested = sub[at] ?? { type, lines: [] };
      sub[at] = nested;
      nested.lines.push(content);
      lists.push({ block: nested, indent });
      continue;
    }
    while (lists.length > 1 && indent < (lists.at(-1)?.indent ?? 0) - 1) lists.pop();
    const level = lists.at(-1);
    if (level !== undefined && (level.block.type === type || lists.length > 1))
      level.block.lines.push(content);
    else {
      const block: TextBlock = { type, lines: [content] };
      blocks.push(block);
      lists = [{ block, indent }];
    }
  }
  return blocks;
}
