import { DeriskError } from "../errors.ts";
import type { SnippetItem } from "../model.ts";

/** What stands before the code on each line: `>` quotes and, on the first line, a list marker. */
const CONTAINER = /^((?:[ \t]*>[ \t]?)*)/;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const OPEN_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

export interface CodeBlock {
  language?: string;
  code: string;
  closed: boolean;
}

const stripIndent = (line: string, width: number): string => {
  let n = 0;
  while (n < width && line[n] === " ") n++;
  return line.slice(n);
};

/**
 * Reads a code block from its Markdown lines (fenced or indented, possibly in a quote or a list
 * item): the language of the fence's info string, the code as written, and whether the fence
 * was closed (an unclosed fence runs to the end of the document).
 * @example readCodeBlock(["```python", "x = 1", "```"]) // { language: "python", code: "x = 1", closed: true }
 */
export function readCodeBlock(lines: readonly string[]): CodeBlock {
  const container = CONTAINER.exec(lines[0] ?? "")?.[0] ?? "";
  const quotes = (container.match(/>/g) ?? []).length;
  const unquote = (line: string): string => {
    if (quotes === 0) return line;
    const prefix = CONTAINER.exec(line)?.[0] ?? "";
    return line.slice(prefix.length);
  };
  let firstLine = unquote(lines[0] ?? "");
  const marker = LIST_MARKER.exec(firstLine)?.[0] ?? "";
  firstLine = firstLine.slice(marker.length);
  const body = lines.map((line, i) => (i === 0 ? firstLine : stripIndent(unquote(line), marker.length)));
  const open = OPEN_FENCE.exec(firstLine);
  if (!open) {
    // Indented code: four columns of indentation are the marker.
    const code = body.map((line) => (line.startsWith("\t") ? line.slice(1) : stripIndent(line, 4)));
    while (code.length > 0 && (code.at(-1) ?? "").trim() === "") code.pop();
    return { code: code.join("\n"), closed: true };
  }
  const indent = (open[1] ?? "").length;
  const fence = open[2] ?? "```";
  const close = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
  const last = body.length - 1;
  const closed = last > 0 && close.test(body[last] ?? "");
  const code = body.slice(1, closed ? last : body.length).map((line) => stripIndent(line, indent));
  if (!closed) while (code.length > 0 && (code.at(-1) ?? "").trim() === "") code.pop();
  const block: CodeBlock = { code: code.join("\n"), closed };
  // "python", "{.python}", "js title=x" → the first word, without braces or a leading dot.
  const language = (open[3] ?? "")
    .trim()
    .split(/\s+/)[0]
    ?.replace(/^\{?\.?|\}$/g, "");
  if (language) block.language = language;
  return block;
}

/**
 * The snippet with new code: the fence lines stay as written (an unclosed fence stays
 * unclosed), the lines between them are replaced, each with the block's own prefix.
 * @example reviseSnippetCode(snippet, "print(1)").raw // "```python\nprint(1)\n```"
 */
export function reviseSnippetCode(item: SnippetItem, code: string): SnippetItem {
  const lines = item.raw.split("\n");
  const first = lines[0] ?? "";
  const quote = CONTAINER.exec(first)?.[0] ?? "";
  const afterQuote = first.slice(quote.length);
  const marker = LIST_MARKER.exec(afterQuote)?.[0] ?? "";
  const open = OPEN_FENCE.exec(afterQuote.slice(marker.length));
  const newLines = code.replace(/\s+$/, "").split("\n");
  if (!open) {
    const raw = newLines.map((l) => `${quote}${" ".repeat(marker.length)}    ${l}`.trimEnd()).join("\n");
    return { ...item, raw, code: newLines.join("\n") };
  }
  const fence = open[2] ?? "```";
  const close = new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
  const closing = newLines.find((l) => close.test(l));
  if (closing !== undefined) {
    throw new DeriskError(
      "BAD_INPUT",
      `The line "${closing.trim()}" would end the code block early: use fewer ${fence[0]} characters on it, or put the code in a longer fence in the file.`,
    );
  }
  const pad = `${quote}${" ".repeat(marker.length)}${open[1] ?? ""}`;
  const body = newLines.map((l) => (l === "" ? pad.trimEnd() : `${pad}${l}`));
  const raw = [first, ...body, ...(item.closed ? [lines.at(-1) ?? fence] : [])].join("\n");
  return { ...item, raw, code: newLines.join("\n") };
}
