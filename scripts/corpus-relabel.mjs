#!/usr/bin/env node
/**
 * Applies a reviewable relabelling list to the training writers' answer files (never the test
 * files). Each entry of the list (JSON array) is one sentence-level edit:
 *   {"id": "td-0173", "label": "task", "s": 0, "op": "add", "rule": "T1"}
 *   {"id": "td-0014", "label": "ambiguity", "s": "all", "op": "remove", "rule": "M2"}
 * The answer-level label is then recomputed from the sentence tags (the corpus rule: a boolean
 * label is true exactly when a sentence carries its tag). Lines are written back in the files'
 * own JSON style, so an unchanged answer keeps its bytes.
 *
 *   node scripts/corpus-relabel.mjs eval/corpus/additions/relabel-task-autonomy.json          # apply
 *   node scripts/corpus-relabel.mjs eval/corpus/additions/relabel-task-autonomy.json --check  # dry run
 *   node scripts/corpus-relabel.mjs LIST --corpus /tmp/copy/corpus   # a copy of eval/corpus instead
 * An entry may carry a one-line `reason`; it is for the reader and not used here.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [listPath, ...flags] = process.argv.slice(2);
if (!listPath) throw new Error("usage: corpus-relabel.mjs LIST.json [--check] [--corpus DIR]");
const check = flags.includes("--check");
const corpusAt = flags.indexOf("--corpus");
if (corpusAt >= 0 && !flags[corpusAt + 1])
  throw new Error("--corpus needs a directory (a copy of eval/corpus)");
const dir = join(corpusAt >= 0 ? resolve(flags[corpusAt + 1]) : join(root, "eval", "corpus"), "answers");
const edits = JSON.parse(readFileSync(resolve(listPath), "utf8"));

/** JSON in the corpus files' style: ", " and ": " separators, non-ASCII kept. */
function dump(v) {
  if (Array.isArray(v)) return `[${v.map(dump).join(", ")}]`;
  if (v !== null && typeof v === "object")
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${dump(x)}`)
      .join(", ")}}`;
  return JSON.stringify(v);
}

const byId = new Map();
for (const e of edits) {
  const list = byId.get(e.id) ?? [];
  list.push(e);
  byId.set(e.id, list);
}
const seen = new Set();
const changed = [];
for (const f of readdirSync(dir).sort()) {
  if (!/^train-[a-z]\.jsonl$/.test(f)) continue;
  const lines = readFileSync(join(dir, f), "utf8").split("\n");
  let touched = false;
  const out = lines.map((line) => {
    if (!line.trim()) return line;
    const a = JSON.parse(line);
    if (dump(a) !== line) throw new Error(`${a.id}: line style not reproducible`);
    const mine = byId.get(a.id);
    if (!mine) return line;
    seen.add(a.id);
    const before = { ...a.labels };
    for (const e of mine) {
      const idx = e.s === "all" ? a.s.map((_, i) => i) : [e.s];
      for (const i of idx) {
        if (!a.s[i]) throw new Error(`${a.id}: no sentence ${i}`);
        const tags = a.s[i][1].split(/\s+/).filter(Boolean);
        const has = tags.includes(e.label);
        if (e.op === "add" && !has) tags.push(e.label);
        if (e.op === "remove" && has) tags.splice(tags.indexOf(e.label), 1);
        a.s[i][1] = tags.join(" ");
      }
      a.labels[e.label] = a.s.some((x) => x[1].split(/\s+/).includes(e.label));
    }
    for (const l of Object.keys(a.labels))
      if (before[l] !== a.labels[l])
        changed.push({ id: a.id, split: a.split, label: l, old: before[l], new: a.labels[l] });
    const next = dump(a);
    if (next !== line) touched = true;
    return next;
  });
  if (touched && !check) writeFileSync(join(dir, f), out.join("\n"));
}
for (const id of byId.keys()) if (!seen.has(id)) throw new Error(`${id}: not in the training files`);
const count = {};
for (const c of changed) {
  const k = `${c.id.slice(1, 2)}${c.split === "validation" ? "-val" : ""} ${c.label} ${c.old}→${c.new}`;
  count[k] = (count[k] ?? 0) + 1;
}
for (const k of Object.keys(count).sort()) console.log(`${k}: ${count[k]}`);
console.log(`${changed.length} answer-level labels ${check ? "would change" : "changed"}`);
