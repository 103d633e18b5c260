import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString as mdastToString } from "mdast-util-to-string";
import { BLOCKS_ONLY, capHeadingDelimiters, capNesting, chunkLines, shortenLine } from "./pre-parse.ts";

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
  const parserLines = lines.map((line, i) => capNesting(i <= fmEnd ? "" : line.replace(/\r(?!$)/g, " ")));

  const mark = (start: number, end: number, kind: LineKind): void => {
    for (let i = start; i <= end && i < annotated.length; i++) {
      const line = annotated[i];
      if (line) line.kind = kind;
    }
    const first = annotated[start];
    if (first) first.unitEnd = Math.min(end, annotated.length - 1);
  };
  const headings: Array<{ line: number; source: string }> = [];
  const definitions: string[] = [];
  const blockLines = parserLines.map(shortenLine);
  for (const { start: from, end: to, plain } of chunkLines(blockLines)) {
    if (plain) continue;
    const chunk = blockLines.slice(from, to);
    const tree: Root = fromMarkdown(chunk.join("\n"), BLOCKS_ONLY);
    const lineOf = (block: Nodes, at: "start" | "end"): number => from + (block.position?.[at].line ?? 1) - 1;
    for (const node of tree.children) {
      const start = lineOf(node, "start");
      const end = lineOf(node, "end");
      if (node.type === "heading") {
        mark(start, end, "heading");
        const line = annotated[start];
        if (line) line.depth = node.depth;
        headings.push({ line: start, source: parserLines.slice(start, end + 1).join("\n") });
      } else if (node.type === "thematicBreak") mark(start, end, "rule");
      else if (node.type === "code" || node.type === "html") mark(start, end, node.type);
      else if (node.type === "definition") definitions.push(parserLines.slice(start, end + 1).join("\n"));
      else if (node.type === "blockquote" || node.type === "list") {
        // Iterative: nesting is capped per line, but a deep indentation ladder still nests.
        const stack: Nodes[] = [node];
        for (let block = stack.pop(); block; block = stack.pop()) {
          if (block.type === "code" || block.type === "html") {
            mark(lineOf(block, "start"), lineOf(block, "end"), block.type);
          } else if ("children" in block) {
            for (let c = block.children.length - 1; c >= 0; c--) stack.push(block.children[c] as Nodes);
          }
        }
      }
    }
  }
  for (const { line, title } of headingTitles(headings, definitions)) {
    const annotatedLine = annotated[line];
    if (annotatedLine) annotatedLine.title = title;
  }
  if (fmEnd >= 0) mark(0, fmEnd, "front-matter");
  return { lines: annotated, finalNewline };
}

/** Headings parsed together per batch: each is its own block, so a batch stays linear. */
const HEADING_BATCH = 200;

/**
 * The plain text of each heading (what CommonMark renders, without markup), parsed apart from
 * the body with its delimiters capped; reference links resolve against the document's
 * definitions when the heading names one.
 */
function headingTitles(
  headings: ReadonlyArray<{ line: number; source: string }>,
  definitions: readonly string[],
): Array<{ line: number; title: string }> {
  const titles: Array<{ line: number; title: string }> = [];
  for (let b = 0; b < headings.length; b += HEADING_BATCH) {
    const batch = headings.slice(b, b + HEADING_BATCH);
    const capped = batch.map((h) => capHeadingDelimiters(h.source.replace(/^ {0,3}/, "")));
    const sources = capped.map((c) => c.head);
    const wanted = sources.some((s) => s.includes("["))
      ? definitions.filter((d) => {
          const label = /\[([^\]]*)\]/.exec(d)?.[1]?.toLowerCase();
          return label !== undefined && sources.some((s) => s.toLowerCase().includes(label));
        })
      : [];
    // Where each heading starts in the batch text, to find its node again by line.
    const startLine = new Map<number, number>();
    let lineNo = 1;
    sources.forEach((source, i) => {
      startLine.set(lineNo, i);
      lineNo += source.split("\n").length + 1;
    });
    const tree = fromMarkdown([...sources, ...wanted].join("\n\n"));
    const found = new Map<number, string>();
    for (const node of tree.children) {
      const index = startLine.get(node.position?.start.line ?? 0);
      if (node.type === "heading" && index !== undefined) found.set(index, mdastToString(node).trim());
    }
    batch.forEach((h, i) => {
      const { head = "", tail = "" } = capped[i] ?? {};
      const title = found.get(i) ?? "";
      const literal = tail.replace(/\s+#+\s*$/, "").trimEnd();
      titles.push({ line: h.line, title: tail ? `${title}${/\s$/.test(head) ? " " : ""}${literal}` : title });
    });
  }
  return titles;
}
