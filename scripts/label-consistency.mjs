#!/usr/bin/env node
/**
 * Per-writer label figures for the training corpus (train and validation splits; never the test
 * files): prevalence of task / ambiguity / autonomy at answer and sentence level, and how often the
 * answer label and the sentence tags disagree. With `--blind FILE` also the kappa per writer
 * between a blind relabelling (JSON lines {id, task, ambiguity, autonomy}) and the stored labels.
 *
 *   node scripts/label-consistency.mjs [--blind eval/corpus/relabel/blind.jsonl] [--labels a,b]
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "eval", "corpus", "answers");
const argv = process.argv.slice(2);
const opt = (n) => (argv.indexOf(n) >= 0 ? argv[argv.indexOf(n) + 1] : undefined);
const LABELS = (opt("--labels") ?? "task,ambiguity,autonomy").split(",");

const answers = [];
for (const f of readdirSync(dir).sort()) {
  const m = /^train-([a-z])\.jsonl$/.exec(f);
  if (!m) continue;
  for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const a = JSON.parse(line);
    a.writer = a.split === "validation" ? `${m[1]}-val` : m[1];
    answers.push(a);
  }
}
const groups = [...new Set(answers.map((a) => a.writer))].sort();
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : "-");
const kappa = (pairs) => {
  const n = pairs.length;
  if (!n) return Number.NaN;
  const po = pairs.filter(([x, y]) => x === y).length / n;
  const px = pairs.filter(([x]) => x).length / n;
  const py = pairs.filter(([, y]) => y).length / n;
  const pe = px * py + (1 - px) * (1 - py);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
};

console.log(
  "writer  answers sentences | label: answers+ (share) sentences+ (share) sent/ans+ | ans-no-sent / sent-no-ans",
);
for (const g of [...groups, "all"]) {
  const as = g === "all" ? answers : answers.filter((a) => a.writer === g);
  const ns = as.reduce((s, a) => s + a.s.length, 0);
  const parts = LABELS.map((l) => {
    const pos = as.filter((a) => a.labels[l]);
    const sp = as.reduce((s, a) => s + a.s.filter((x) => x[1].split(/\s+/).includes(l)).length, 0);
    const ansNoSent = as.filter((a) => a.labels[l] && !a.s.some((x) => x[1].split(/\s+/).includes(l))).length;
    const sentNoAns = as.filter((a) => !a.labels[l] && a.s.some((x) => x[1].split(/\s+/).includes(l))).length;
    return `${l} ${pos.length} (${pct(pos.length, as.length)}) ${sp} (${pct(sp, ns)}) ${(sp / Math.max(1, pos.length)).toFixed(2)} | ${ansNoSent}/${sentNoAns}`;
  });
  console.log(
    `${g.padEnd(6)} ${String(as.length).padStart(4)} ${String(ns).padStart(5)} | ${parts.join(" ; ")}`,
  );
}

const blind = opt("--blind");
if (blind) {
  const mine = new Map(
    readFileSync(resolve(blind), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l))
      .map((r) => [r.id, r]),
  );
  console.log(`\nblind pass ${blind}: kappa (agreement, n, positives blind/stored) per writer`);
  for (const l of LABELS) {
    const row = [];
    for (const g of [...groups, "all"]) {
      const as = answers.filter((a) => (g === "all" || a.writer === g) && mine.has(a.id));
      const pairs = as.map((a) => [mine.get(a.id)[l], a.labels[l]]);
      const agree = pairs.filter(([x, y]) => x === y).length;
      row.push(
        `${g} ${kappa(pairs).toFixed(2)} (${pct(agree, pairs.length)}, n ${pairs.length}, ${pairs.filter(([x]) => x).length}/${pairs.filter(([, y]) => y).length})`,
      );
    }
    console.log(`${l}: ${row.join(" ; ")}`);
  }
}
