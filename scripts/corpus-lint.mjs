#!/usr/bin/env node
// Checks eval/corpus/ against the shape in eval/corpus/README.md and prints counts.
// Usage: node scripts/corpus-lint.mjs [FILE ...]   (default: every corpus file)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { register } from "tsx/esm/api";

// The label lists are defined once, in src/core/analysis/labels.ts (read through tsx).
register();
const labels = await import("../src/core/analysis/labels.ts");
const COMPETENCIES = new Set(labels.COMPETENCIES);
const TAGS = new Set(labels.SENTENCE_TAGS);
const REGISTERS = new Set([
  "star-labelled",
  "paragraph",
  "bullets",
  "spoken",
  "short",
  "long",
  "non-native",
  "we-team",
  "wrong-question",
  "cliche",
  "blame-subtle",
  "non-story",
]);
// `heldout`: eval/corpus/heldout/, written by a writer outside the training and test writers;
// neither `npm run train` nor the test columns of `npm run eval` read it.
const SPLITS = new Set(["train", "validation", "test", "heldout"]);
const root = new URL("../eval/corpus/", import.meta.url).pathname;

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : ["answers", "questions", "heldout"].flatMap((dir) =>
        readdirSync(join(root, dir))
          .filter((f) => f.endsWith(".jsonl"))
          .map((f) => join(root, dir, f)),
      );

let errors = 0;
const ids = new Set();
const count = { answers: {}, questions: {}, overall: {}, registers: {}, competencies: {} };
function fail(where, message) {
  errors += 1;
  if (errors <= 50) console.error(`${where}: ${message}`);
}
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${file}:${i + 1}`;
    let row;
    try {
      row = JSON.parse(line);
    } catch (e) {
      fail(where, `invalid JSON (${e.message})`);
      return;
    }
    if (typeof row.id !== "string" || ids.has(row.id)) fail(where, `missing or duplicate id ${row.id}`);
    ids.add(row.id);
    if (!SPLITS.has(row.split)) fail(where, `split must be train|validation|test|heldout, got ${row.split}`);
    if (!COMPETENCIES.has(row.competency)) fail(where, `unknown competency ${row.competency}`);
    if (typeof row.question !== "string" || row.question.trim() === "") fail(where, "question missing");
    if (!("s" in row)) {
      count.questions[row.split] = (count.questions[row.split] ?? 0) + 1;
      return;
    }
    count.answers[row.split] = (count.answers[row.split] ?? 0) + 1;
    if (!REGISTERS.has(row.register)) fail(where, `unknown register ${row.register}`);
    if (!Array.isArray(row.s) || row.s.length === 0) {
      fail(where, "s must be a non-empty list");
      return;
    }
    const seen = new Set();
    for (const [j, pair] of row.s.entries()) {
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== "string" ||
        typeof pair[1] !== "string"
      ) {
        fail(where, `s[${j}] must be [text, tags]`);
        continue;
      }
      if (pair[0].trim() === "") fail(where, `s[${j}] is empty`);
      for (const tag of pair[1].split(/\s+/).filter(Boolean)) {
        if (!TAGS.has(tag)) fail(where, `s[${j}] unknown tag ${tag}`);
        seen.add(tag);
      }
    }
    const l = row.labels ?? {};
    for (const tag of TAGS) {
      if (typeof l[tag] !== "boolean") fail(where, `labels.${tag} must be boolean`);
      else if (l[tag] !== seen.has(tag))
        fail(
          where,
          `labels.${tag}=${l[tag]} but ${seen.has(tag) ? "a sentence carries" : "no sentence carries"} the tag`,
        );
    }
    if (!["i", "we", "mixed"].includes(l.ownership)) fail(where, "labels.ownership must be i|we|mixed");
    if (![1, 2, 3, 4, 5].includes(l.overall)) fail(where, "labels.overall must be 1..5");
    if (typeof l.offTopic !== "boolean") fail(where, "labels.offTopic must be boolean");
    count.overall[l.overall] = (count.overall[l.overall] ?? 0) + 1;
    count.registers[row.register] = (count.registers[row.register] ?? 0) + 1;
    count.competencies[row.competency] = (count.competencies[row.competency] ?? 0) + 1;
  });
}
console.log(JSON.stringify(count));
if (errors > 0) {
  console.error(`${errors} problem(s)`);
  process.exit(1);
}
console.log("ok");
