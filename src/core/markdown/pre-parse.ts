/*
 * Defences of the Markdown parse against hostile input, applied before the CommonMark parser
 * sees the text. The parser (micromark) is linear on ordinary prose but not on everything:
 * measured here, it grows super-linearly with the number of blocks and lines of one parse
 * (30,000 one-line paragraphs: 13 s), with container nesting on one line (`'* ' * 1000`:
 * 1.4 s, doubling the depth costs ×5), and with inline delimiters and brackets in one paragraph
 * (`'*_' * 20000`, `[a]` × 300,000). The importer needs only the block structure of a
 * document (headings, rules, code, HTML) and the text of its headings, so:
 *  - container nesting on a line is capped (`capNesting`): what lies deeper is plain text;
 *  - a prose line is cut to its containers and first letter, any line to 1,000 characters
 *    (`shortenLine`): the rest is inline text, which the parser reads at ~4 µs a byte;
 *  - the document is parsed in chunks of a few hundred lines cut where a new top-level block
 *    must start (`chunkLines`), so no single parse grows large;
 *  - inline constructs are switched off for the block parse (`BLOCKS_ONLY`), and heading
 *    text, the only inline content we read, is parsed on its own with its delimiters capped
 *    (`capHeadingDelimiters`).
 * Every rewrite keeps the line count, so line numbers stay exact.
 */

/** Containers (block quotes, list items) deeper than this on one line are read as text. */
export const MAX_NESTING = 32;
/** Emphasis/link/code delimiters past this many in one heading are read as literal characters. */
export const MAX_HEADING_DELIMITERS = 64;
/** A chunk is closed at the first safe line after this many lines. */
const CHUNK_LINES = 200;

/** micromark options that leave out every inline construct: block structure only, linear in the text. */
export const BLOCKS_ONLY = {
  extensions: [
    {
      disable: {
        null: [
          "attention",
          "autolink",
          "characterEscape",
          "characterReference",
          "codeText",
          "hardBreakEscape",
          "htmlText",
          "labelEnd",
          "labelStartImage",
          "labelStartLink",
        ],
      },
    },
  ],
};

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * Escapes the container marker that would open the (MAX_NESTING + 1)-th level of nesting on
 * a line, so everything from there on is paragraph text.
 *
 * @example capNesting(">".repeat(50)) // ">".repeat(32) + "\\" + ">".repeat(18)
 */
export function capNesting(line: string, max = MAX_NESTING): string {
  let at = 0;
  let depth = 0;
  while (at < line.length) {
    let i = at;
    while (i < at + 3 && line[i] === " ") i++;
    let width = 0;
    if (line[i] === ">") width = 1;
    else width = LIST_MARKER.exec(line.slice(i, i + 11))?.[0].length ?? 0;
    if (width === 0) return line;
    if (depth === max) return `${line.slice(0, i)}\\${line.slice(i)}`;
    depth++;
    i += width;
    // One space after `>`; up to four after a list marker (more would start indented code).
    const spaces = line[i - 1] === ">" ? 1 : 4;
    for (let s = 0; s < spaces && (line[i] === " " || line[i] === "\t"); s++) i++;
    at = i;
  }
  return line;
}

/** A line whose text starts with a letter after its containers: a paragraph line whatever follows. */
const PROSE_LINE = /^((?: {0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])[ \t]{1,4}))*)\p{L}/u;

/** Past this many characters a line's tail is inline text (or a fence's info string). */
const MAX_BLOCK_LINE = 1000;
const HTML_END = /-->|\?>|\]\]>|<\/(?:script|pre|style|textarea)>|>/gi;

/**
 * Cuts a line down to what decides its block structure: a prose line to its containers and
 * first letter, any other line to its first 1,000 characters. The rest is inline text, which
 * the block parse does not read (and which costs it ~4 µs a byte). An HTML-block end marker
 * in the cut part is kept, so the block still ends on this line.
 *
 * @example shortenLine("> Thanks for making the time, I'm Ines.") // "> T"
 */
export function shortenLine(line: string): string {
  if (line.length < 16) return line;
  const prose = line.includes(">", 1) ? null : PROSE_LINE.exec(line);
  if (prose) return prose[0];
  if (line.length <= MAX_BLOCK_LINE) return line;
  const tail = line.slice(MAX_BLOCK_LINE);
  return line.slice(0, MAX_BLOCK_LINE) + (tail.match(HTML_END)?.join(" ") ?? "");
}

const DELIMITER = /[*_[\]`<!&\\]/g;

/**
 * Splits a heading where its inline parse would stop being cheap: `head` holds the first
 * `max` delimiters and is parsed; `tail`, from the next delimiter on, is pathological in any
 * real document and is read as literal characters without a parse (escaping each delimiter
 * would still cost the parser a token apiece). Ordinary headings come back whole, `tail` "".
 *
 * @example capHeadingDelimiters("# " + "*_".repeat(100)).tail.length // 136
 */
export function capHeadingDelimiters(
  text: string,
  max = MAX_HEADING_DELIMITERS,
): { head: string; tail: string } {
  DELIMITER.lastIndex = 0;
  let seen = 0;
  for (let match = DELIMITER.exec(text); match; match = DELIMITER.exec(text)) {
    if (++seen > max) return { head: text.slice(0, match.index), tail: text.slice(match.index) };
  }
  return { head: text, tail: "" };
}

const BLANK = /^[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** HTML blocks that end at a marker rather than at a blank line (CommonMark kinds 1–5). */
const HTML_WITH_END: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Blank, or text at column 0 that no block construct can start with: always a paragraph line. */
function isPlain(line: string): boolean {
  return BLANK.test(line) || (/^[^\s#>+*_=`~<[\\-]/.test(line) && !/^\d{1,9}[.)](?:[ \t]|$)/.test(line));
}

/** Plain runs at least this long get a chunk of their own, which needs no parse. */
const PLAIN_RUN = 8;

/** A run of lines `[start, end)`; `plain` when every line is plain (only paragraphs and blanks). */
export interface LineChunk {
  start: number;
  end: number;
  plain: boolean;
}

/**
 * Cuts the lines into runs that parse to the same block structure alone as together: a cut
 * falls before a line that starts at column 0 (so it can continue no list item or code
 * block), cannot be a setext underline or an HTML line, and is outside any top-level fence
 * or HTML block (tracked conservatively: when unsure, no cut). Long runs of plain lines are
 * cut out on their own: they are paragraphs whatever surrounds them, so need no parse.
 *
 * @example chunkLines(["# T", "", "x", …]) // [{ start: 0, end: 2, plain: false }, { start: 2, …, plain: true }]
 */
export function chunkLines(lines: readonly string[], size = CHUNK_LINES): LineChunk[] {
  const chunks: LineChunk[] = [];
  let start = 0;
  let plain = true;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let htmlUntilBlank = false;
  // plainRun[i]: how many plain lines start at i.
  const plainRun = new Uint32Array(lines.length + 1);
  for (let i = lines.length - 1; i >= 0; i--)
    plainRun[i] = isPlain(lines[i] ?? "") ? (plainRun[i + 1] ?? 0) + 1 : 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const linePlain = (plainRun[i] ?? 0) > 0;
    const wanted = i - start >= size || (plain && !linePlain) || (!plain && (plainRun[i] ?? 0) >= PLAIN_RUN);
    const safe =
      i > start &&
      wanted &&
      fence === undefined &&
      htmlEnd === undefined &&
      !htmlUntilBlank &&
      line !== "" &&
      line[0] !== " " &&
      line[0] !== "\t" &&
      line[0] !== "<" &&
      !SETEXT_UNDERLINE.test(line);
    if (safe) {
      chunks.push({ start, end: i, plain });
      start = i;
      plain = true;
    }
    plain &&= linePlain;
    // Track the block this line opens or closes (only the conservative top-level view).
    if (fence) {
      const close = FENCE.exec(line);
      if (
        close?.[1] &&
        close[1][0] === fence.char &&
        close[1].length >= fence.length &&
        /^[ \t]*$/.test(line.slice(close[0].length))
      )
        fence = undefined;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    if (htmlUntilBlank) {
      if (BLANK.test(line)) htmlUntilBlank = false;
      continue;
    }
    const open = FENCE.exec(line);
    if (open?.[1]) {
      fence = { char: open[1][0] ?? "`", length: open[1].length };
      continue;
    }
    if (/^ {0,3}</.test(line)) {
      const kind = HTML_WITH_END.find(([starts]) => starts.test(line));
      if (kind) {
        if (!kind[1].test(line)) htmlEnd = kind[1];
      } else htmlUntilBlank = true;
    }
  }
  if (start < lines.length) chunks.push({ start, end: lines.length, plain });
  return chunks;
}
