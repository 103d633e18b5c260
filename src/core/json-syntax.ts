/**
 * Where a JSON text stops being JSON, said the way an editor shows it: line, column and the
 * text there. JSON.parse only gives a character position (or none, at an early end).
 */

export interface JsonSyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  /** Up to 40 characters of the line from a little before the column, control characters shown as ␉ ␍. */
  excerpt: string;
  /** The parser's own reason, without its position. */
  reason: string;
}

const EXCERPT = 40;

/**
 * Reads the position out of a JSON.parse error and turns it into line, column and excerpt.
 * @example locateJsonError('{\n  "a": 1,\n  b: 2 }', error) // { line: 3, column: 3, excerpt: "b: 2 }", … }
 */
export function locateJsonError(text: string, error: unknown): JsonSyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  const position = at ? Math.min(Number(at[1]), text.length) : text.length;
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  const column = position - lineStart + 1;
  const lineEnd = text.indexOf("\n", position);
  const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const from = Math.max(0, column - 1 - 10);
  const excerpt = lineText
    .slice(from, from + EXCERPT)
    .replace(/\t/g, "␉")
    .replace(/\r/g, "␍")
    .trimEnd();
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, "")
    .replace(/,? ?"[^"]*"\.\.\. is not valid JSON$/, "")
    .replace(/\s*(in JSON )?at position \d+.*$/, "")
    .replace(/^Unexpected end of JSON input$/, "the text ends before the JSON does")
    .trim();
  return { line, column, excerpt, reason };
}

/**
 * "line 3, column 3 (at `b: 2 }`): Expected double-quoted property name" — for a message that
 * goes on to say how to fix it.
 * @example `${where} is not valid JSON at ${describeJsonError(text, error)}. Fix it and retry.`
 */
export function describeJsonError(text: string, error: unknown): string {
  const { line, column, excerpt, reason } = locateJsonError(text, error);
  const near = excerpt === "" ? " (at the end)" : ` (at \`${excerpt}\`)`;
  return `line ${line}, column ${column}${near}: ${reason}`;
}
