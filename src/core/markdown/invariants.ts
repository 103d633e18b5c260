import type { PrepDoc } from "../model.ts";
import { renderPrepDocument } from "./render.ts";
import { splitLines } from "./source.ts";

/**
 * Checks the promises a parsed document makes about its source text and returns every
 * broken one (empty when all hold): it renders back to the text; items are in order and do
 * not overlap; each `raw` is exactly its lines; gaps are blank lines; every non-blank line is
 * in exactly one item; keys are unique.
 *
 * @example checkPrepDocInvariants(text, parsePrepDocument(text)) // []
 */
export function checkPrepDocInvariants(text: string, doc: PrepDoc): string[] {
  const problems: string[] = [];
  if (renderPrepDocument(doc) !== text) problems.push("renderPrepDocument(doc) differs from the text");
  const { lines, finalNewline } = splitLines(text);
  if (finalNewline !== doc.finalNewline) problems.push("finalNewline is wrong");
  const owner = new Array<number>(lines.length).fill(-1);
  let prevEnd = 0;
  const keys = new Set<string>();
  doc.items.forEach((item, n) => {
    const { start, end } = item.lines;
    if (keys.has(item.key)) problems.push(`duplicate key ${item.key}`);
    keys.add(item.key);
    if (start <= prevEnd || end < start) problems.push(`item ${item.key} lines ${start}-${end} out of order`);
    if (item.gapBefore !== start - prevEnd - 1)
      problems.push(`item ${item.key} gapBefore ${item.gapBefore} is wrong`);
    for (let l = prevEnd + 1; l < start; l++)
      if (lines[l - 1] !== "") problems.push(`line ${l} is in a gap but not empty`);
    if (item.raw !== lines.slice(start - 1, end).join("\n"))
      problems.push(`item ${item.key} raw is not its lines`);
    for (let l = start; l <= end; l++) {
      if (owner[l - 1] !== -1) problems.push(`line ${l} is in two items`);
      owner[l - 1] = n;
    }
    prevEnd = end;
  });
  lines.forEach((line, i) => {
    if (line.trim() !== "" && owner[i] === -1) problems.push(`non-blank line ${i + 1} is in no item`);
  });
  if (doc.gapAfter !== lines.length - prevEnd) problems.push(`gapAfter ${doc.gapAfter} is wrong`);
  if (doc.report.lines.total !== lines.length) problems.push("report.lines.total is wrong");
  return problems;
}
