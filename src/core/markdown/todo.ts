import { DeriskError } from "../errors.ts";
import type { TodoEntry, TodoItem } from "../model.ts";
import { plainLine } from "./patterns.ts";

/** `> - [x] Text`: blockquote markers, indentation, list marker, checkbox, text. */
const TASK_ITEM = /^((?:[ \t]*>)*)([ \t]*)((?:[-*+]|\d{1,9}[.)])[ \t]+)\[([ xX])\][ \t]+(\S.*)$/;
const QUOTE_PREFIX = /^(?:[ \t]*>)*/;

export interface TaskLine {
  /** How many `>` the line sits in. */
  quotes: number;
  /** Columns of indentation before the list marker (inside the blockquote). */
  indent: number;
  done: boolean;
  text: string;
}

const columns = (space: string): number => {
  let width = 0;
  for (const c of space) width = c === "\t" ? width + 4 - (width % 4) : width + 1;
  return width;
};

const quoteCount = (prefix: string): number => (prefix.match(/>/g) ?? []).length;

/**
 * A Markdown task-list line (`- [ ] …`, `* [x] …`, `1. [X] …`, also inside `>` quotes).
 * @example matchTaskItem("  - [X] Update the CV") // { quotes: 0, indent: 2, done: true, text: "Update the CV" }
 */
export function matchTaskItem(line: string): TaskLine | undefined {
  const m = TASK_ITEM.exec(line);
  if (!m) return undefined;
  const quotes = quoteCount(m[1] ?? "");
  // Inside a quote the one space after ">" belongs to the marker, not to the indentation.
  const space = quotes > 0 ? (m[2] ?? "").replace(/^ /, "") : (m[2] ?? "");
  const indent = columns(space);
  return { quotes, indent, done: (m[4] ?? " ") !== " ", text: plainLine(m[5] ?? "") };
}

/** The line inside its blockquote markers: `> more text` → "more text". */
function insideQuote(line: string, quotes: number): { quotes: number; rest: string } {
  const prefix = QUOTE_PREFIX.exec(line)?.[0] ?? "";
  const found = quoteCount(prefix);
  const rest = line.slice(prefix.length);
  return { quotes: found, rest: found > 0 && quotes > 0 ? rest.replace(/^ /, "") : rest };
}

export interface TodoRun {
  /** Index of the last line of the list (0-based, within `lines`). */
  end: number;
  entries: TodoEntry[];
}

/**
 * The to-do list that starts at `lines[start]` (a task line): task lines at any depth, one
 * blank line between them, and lines indented under an entry (its continuation, or plain
 * bullets nested under it) joined to that entry's text. Anything else ends the list.
 */
export function readTodoList(
  lines: readonly string[],
  start: number,
  isText: (k: number) => boolean = () => true,
): TodoRun | undefined {
  const first = matchTaskItem(lines[start] ?? "");
  if (!first) return undefined;
  const entries: TodoEntry[] = [];
  const levels: number[] = [];
  let end = start;
  let k = start;
  while (k < lines.length && isText(k)) {
    const text = lines[k] ?? "";
    const task = matchTaskItem(text);
    if (task && task.quotes === first.quotes && task.indent >= first.indent) {
      // The indentation of each open level; an entry closes the deeper ones.
      while ((levels.at(-1) ?? -1) > task.indent) levels.pop();
      if ((levels.at(-1) ?? -1) < task.indent) levels.push(task.indent);
      entries.push({ text: task.text, done: task.done, depth: levels.length - 1 });
      end = k;
      k++;
      continue;
    }
    const inside = insideQuote(text, first.quotes);
    if (inside.rest.trim() === "") {
      // One blank line may separate two entries of the same list.
      const next = lines[k + 1] ?? "";
      const after = matchTaskItem(next);
      if (
        isText(k + 1) &&
        inside.quotes === first.quotes &&
        after &&
        after.quotes === first.quotes &&
        after.indent >= first.indent
      ) {
        k++;
        continue;
      }
      break;
    }
    // A continuation: indented under the last entry, in the same quote (or a lazy quote line).
    const last = entries.at(-1);
    const lastIndent = levels.at(-1) ?? first.indent;
    const sameQuote = inside.quotes === first.quotes;
    if (!last || !sameQuote || columns(/^[ \t]*/.exec(inside.rest)?.[0] ?? "") <= lastIndent) break;
    if (lines[k - 1] !== undefined && insideQuote(lines[k - 1] ?? "", first.quotes).rest.trim() === "") break;
    const plain = plainLine(inside.rest);
    if (plain !== "")
      last.text = /^\s*(?:[-*+•]|\d{1,9}[.)])\s+/.test(inside.rest)
        ? `${last.text}\n${plain}`
        : `${last.text} ${plain}`;
    end = k;
    k++;
  }
  return { end, entries };
}

/**
 * The to-do list with entry `index` ticked (`done`) or unticked: only that checkbox changes
 * in the Markdown, so the file round-trips and a re-import reads the same list.
 * @example setTodoDone(todo, 1, true).entries[1].done // true; its raw line reads "- [x] …"
 */
export function setTodoDone(item: TodoItem, index: number, done: boolean): TodoItem {
  if (!Number.isInteger(index) || index < 0 || index >= item.entries.length) {
    throw new DeriskError(
      "BAD_INPUT",
      `The to-do list ${item.key} has ${item.entries.length} entries: entry ${index} does not exist (count from 0).`,
    );
  }
  const lines = item.raw.split("\n");
  let seen = -1;
  const at = lines.findIndex((line) => matchTaskItem(line) !== undefined && ++seen === index);
  if (at < 0) {
    throw new DeriskError(
      "BAD_INPUT",
      `The to-do list ${item.key} no longer has entry ${index} in its Markdown: re-import the document.`,
    );
  }
  const line = lines[at] ?? "";
  const m = TASK_ITEM.exec(line);
  const before = (m?.[1] ?? "").length + (m?.[2] ?? "").length + (m?.[3] ?? "").length;
  const current = line.charAt(before + 1);
  const mark = done ? (current === "X" ? "X" : "x") : " ";
  lines[at] = `${line.slice(0, before + 1)}${mark}${line.slice(before + 2)}`;
  const entries = item.entries.map((entry, n) => (n === index ? { ...entry, done } : entry));
  return { ...item, raw: lines.join("\n"), entries };
}
