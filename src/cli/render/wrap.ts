/**
 * Wraps terminal reports to the terminal's width. A wrapped line continues under its own text,
 * not at the left edge: under a list item's text ("1. ", "• ", "✓ "), inside a quotation that
 * opens early in the line, or under the line's indentation. Colour escapes take no width.
 */

// Colour escapes (SGR), built from a string: a control character in a regex literal reads as a typo.
const SGR = "\u001b\\[[0-9;]*m";
const ESCAPE = new RegExp(SGR, "y");
const ESCAPES = new RegExp(SGR, "g");
// A list item's marker, after which a wrapped line continues: "1.", "✓ covered", a bullet or a
// signal mark ("●●" for a strong signal), a checkbox, or a short id heading a row
// ("1e5b1944  Title", "+ 1e5b1944  Title" in the story lists), or a re-angle's "= kept" /
// "- trimmed" mark.
const MARKER =
  /^(\s*)(?:(?:\+ )?[0-9a-f]{8,}(?= {2})|\d+\.|[✓✗] [a-z]+|= kept|- trimmed|●●|[•*!?→↺✓✗●▲○-]|\[[ x]\])\s+/;
const NARROWEST = 20;

/** Columns a code point takes in a terminal: 0 for combining marks, 2 for wide (CJK, emoji). */
function cellWidth(codePoint: number): number {
  if (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f)
  )
    return 0;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  )
    return 2;
  return 1;
}

interface Unit {
  text: string;
  width: number;
  space: boolean;
}

function unitsOf(line: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < line.length) {
    ESCAPE.lastIndex = i;
    const sgr = ESCAPE.exec(line);
    if (sgr) {
      units.push({ text: sgr[0], width: 0, space: false });
      i += sgr[0].length;
      continue;
    }
    const codePoint = line.codePointAt(i) ?? 0;
    const text = String.fromCodePoint(codePoint);
    units.push({ text, width: cellWidth(codePoint), space: text === " " });
    i += text.length;
  }
  return units;
}

/**
 * The visible width of a line: colour escapes count 0, wide characters 2.
 * @example visibleWidth("\u001b[1mab\u001b[22m") // 2
 */
export function visibleWidth(line: string): number {
  return unitsOf(line).reduce((sum, u) => sum + u.width, 0);
}

const join = (units: readonly Unit[]) => units.map((u) => u.text).join("");
const trimEnd = (units: Unit[]) => {
  while (units.length > 0 && units.at(-1)?.space) units.pop();
  return units;
};

/**
 * One line cut at spaces into lines of at most `width` columns, each after the first indented
 * by `hang` spaces; a word longer than a line is cut where the line ends.
 * @example wrapLine("  1. one two three", 10, 5) // ["  1. one", "     two", "     three"]
 */
export function wrapLine(line: string, width: number, hang: number): string[] {
  const out: string[] = [];
  const pad = (): Unit[] => (hang > 0 ? [{ text: " ".repeat(hang), width: hang, space: false }] : []);
  let current: Unit[] = [];
  let column = 0;
  // Spaces before the text (its indentation, or the hang) are no place to break.
  let textFrom = -1;
  let lastSpace = -1;
  for (const unit of unitsOf(line)) {
    if (unit.width > 0 && column + unit.width > width && textFrom >= 0) {
      if (unit.space) {
        out.push(join(trimEnd(current)));
        current = pad();
        column = hang;
        textFrom = -1;
        lastSpace = -1;
        continue;
      }
      if (lastSpace > textFrom) {
        const tail = current.slice(lastSpace + 1);
        out.push(join(trimEnd(current.slice(0, lastSpace))));
        current = [...pad(), ...tail];
        column = hang + tail.reduce((sum, u) => sum + u.width, 0);
        textFrom = tail.length > 0 ? current.length - tail.length : -1;
      } else {
        out.push(join(current));
        current = pad();
        column = hang;
        textFrom = -1;
      }
      lastSpace = -1;
    }
    current.push(unit);
    column += unit.width;
    if (unit.width > 0 && !unit.space && textFrom < 0) textFrom = current.length - 1;
    if (unit.space && textFrom >= 0) lastSpace = current.length - 1;
  }
  out.push(join(trimEnd(current)));
  return out;
}

/**
 * A line without its colour escapes.
 * @example plain("\u001b[1mab\u001b[22m") // "ab"
 */
export const plain = (line: string): string => line.replace(ESCAPES, "");

/**
 * A report with every line that is wider than `width` wrapped: a continuation sits under the
 * text of its list item, inside a quotation that opens in the first half of the line, or under
 * the line's indentation. A quotation that opens further right starts a line of its own.
 * @example wrapReport("  ✓ covered  a very long key point …", 60)
 */
export function wrapReport(text: string, width: number): string {
  const columns = Math.max(NARROWEST, Math.floor(width));
  return text
    .split("\n")
    .flatMap((line) => wrapReportLine(line, columns))
    .join("\n");
}

function wrapReportLine(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const bare = plain(line);
  const indent = bare.length - bare.trimStart().length;
  const marker = MARKER.exec(bare);
  const textAt = marker ? visibleWidth(marker[0]) : indent;
  const hang = textAt <= width / 2 ? textAt : Math.min(indent, Math.floor(width / 4));
  const quoteAt = openQuoteAt(bare, width);
  if (quoteAt > textAt) {
    const quoteColumn = visibleWidth(bare.slice(0, quoteAt));
    if (quoteColumn <= width / 2) return wrapLine(line, width, quoteColumn + 1);
    // Too far right to quote a sentence under: the quotation goes on a line of its own, when
    // what comes before it fits on one (a quote inside a long sentence is wrapped with it).
    const cut = splitAtVisible(line, quoteAt);
    if (visibleWidth(cut.head.trimEnd()) > width) return wrapLine(line, width, hang);
    return [
      ...wrapLine(cut.head.trimEnd(), width, hang),
      ...wrapLine(`${" ".repeat(hang)}${cut.tail}`, width, hang + 1),
    ];
  }
  return wrapLine(line, width, hang);
}

/**
 * Where the quotation that a wrap would cut opens: the first “ whose ” does not fit on the
 * first line. A short quotation closed early ("because you said “our” — …") is no place to
 * continue under: the rest of the line is not inside it. -1 when there is none.
 */
function openQuoteAt(bare: string, width: number): number {
  let at = bare.indexOf("“");
  while (at >= 0) {
    const close = bare.indexOf("”", at + 1);
    if (close < 0 || visibleWidth(bare.slice(0, close + 1)) > width) return at;
    at = bare.indexOf("“", close + 1);
  }
  return -1;
}

/** Splits a line with colour escapes before the `at`-th character of its escape-free text. */
function splitAtVisible(line: string, at: number): { head: string; tail: string } {
  let seen = 0;
  let i = 0;
  while (i < line.length && seen < at) {
    ESCAPE.lastIndex = i;
    const sgr = ESCAPE.exec(line);
    if (sgr) {
      i += sgr[0].length;
      continue;
    }
    i += 1;
    seen += 1;
  }
  return { head: line.slice(0, i), tail: line.slice(i) };
}
