import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString as mdastToString } from "mdast-util-to-string";

/** What the Markdown parser says a line is part of. */
export type LineKind = "text" | "heading" | "rule" | "code" | "html" | "front-matter";

export interface SourceLine {
  /** The exact text of the line, without its "\n". */
  text: string;
  /** Empty or whitespace-only: separates blocks, never starts an item. */
  blank: boolean;
  kind: LineKind;
  /** Index of the last line of the unit this line starts (code block, HTML block, setext heading…). */
  unitEnd: number;
  /** Heading depth (1–6) on a heading's first line, else 0. */
  depth: number;
  /** Heading text without markers (from the Markdown tree), else "". */
  title: string;
}

export interface SourceDocument {
  lines: SourceLine[];
  finalNewline: boolean;
}

/** Splits on "\n" only, so every other character (CR, tabs, NBSP…) stays inside its line. */
export function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === "") return { lines: [], finalNewline: false };
  const lines = text.split("\n");
  const finalNewline = text.endsWith("\n");
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

const BLANK = /^[ \t]*$/;
const YAML_LINE = /^(?:[\w"'-][^:]*:.*|\s+.*|-\s.*|#.*|)$/;

/** YAML/TOML front matter at the very top: `---` … `---` (or `+++` … `+++`). */
function frontMatterEnd(lines: string[]): number {
  const open = lines[0]?.trimEnd();
  if (open !== "---" && open !== "+++") return -1;
  const limit = Math.min(lines.length, 200);
  let sawKey = false;
  for (let i = 1; i < limit; i++) {
    const line = (lines[i] ?? "").trimEnd();
    if (line === open || (open === "---" && line === "...")) return sawKey ? i : -1;
    if (!YAML_LINE.test(line)) return -1;
    if (/^[\w-]+\s*[:=]/.test(line)) sawKey = true;
  }
  return -1;
}

const lineOf = (block: Nodes, at: "start" | "end"): number => (block.position?.[at].line ?? 1) - 1;

/**
 * Splits the text into lines and annotates each with what CommonMark makes of it, so the
 * recogniser never mistakes a `## …` inside a code block for a heading.
 *
 * @example annotateSource("# T\n\n```\n## x\n```").lines.map((l) => l.kind)
 *   // ["heading", "text", "code", "code", "code"]
 */
export function annotateSource(text: string): SourceDocument {
  const { lines, finalNewline } = splitLines(text);
  const annotated: SourceLine[] = lines.map((line, i) => ({
    text: line,
    blank: BLANK.test(line),
    kind: "text",
    unitEnd: i,
    depth: 0,
    title: "",
  }));
  const fmEnd = frontMatterEnd(lines);
  // Blank the front matter for the parser (same line count) so YAML never reads as Markdown;
  // lone CRs become spaces because CommonMark would count them as line endings and shift lines.
  let markdown = fmEnd >= 0 ? "\n".repeat(fmEnd + 1) + lines.slice(fmEnd + 1).join("\n") : text;
  if (markdown.includes("\r")) markdown = markdown.replace(/\r(?!\n)/g, " ");
  const tree: Root = fromMarkdown(markdown);

  const mark = (start: number, end: number, kind: LineKind): void => {
    for (let i = start; i <= end && i < annotated.length; i++) {
      const line = annotated[i];
      if (line) line.kind = kind;
    }
    const first = annotated[start];
    if (first) first.unitEnd = Math.min(end, annotated.length - 1);
  };
  const visitNested = (block: Nodes): void => {
    if (block.type === "code" || block.type === "html") {
      mark(lineOf(block, "start"), lineOf(block, "end"), block.type);
      return;
    }
    if ("children" in block) for (const child of block.children) visitNested(child as Nodes);
  };
  for (const node of tree.children) {
    const start = lineOf(node, "start");
    const end = lineOf(node, "end");
    if (node.type === "heading") {
      mark(start, end, "heading");
      const line = annotated[start];
      if (line) {
        line.depth = node.depth;
        line.title = mdastToString(node).trim();
      }
    } else if (node.type === "thematicBreak") mark(start, end, "rule");
    else if (node.type === "code" || node.type === "html") mark(start, end, node.type);
    else if (node.type === "blockquote" || node.type === "list") visitNested(node);
  }
  if (fmEnd >= 0) mark(0, fmEnd, "front-matter");
  return { lines: annotated, finalNewline };
}
