/**
 * How much of each structure fixture the importer only keeps as notes: the share of
 * non-blank lines inside note items, per file. `tsx scripts/notes-share.ts [files…]`
 * (default: every file in test/fixtures/structures/). Prints JSON.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parsePrepDocument } from "../src/core/markdown/index.ts";

const dir = "test/fixtures/structures";
const files = process.argv.slice(2);
const paths = files.length > 0 ? files : readdirSync(dir).map((name) => join(dir, name));
const rows = paths.sort().map((path) => {
  const { report } = parsePrepDocument(readFileSync(path, "utf8"));
  const { nonBlank, inNotes } = report.lines;
  return {
    file: basename(path),
    nonBlank,
    inNotes,
    notesShare: nonBlank === 0 ? 0 : Math.round((inNotes / nonBlank) * 1000) / 1000,
    counts: Object.fromEntries(Object.entries(report.counts).filter(([, n]) => n > 0)),
  };
});
process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
