/**
 * Pools a leave-one-writer-out run over the blind writers: each writer's answers as scored by
 * the model trained without it (`scripts/lens-lowo.ts`'s `scores/<name>-<w>.json`), read
 * together, optionally only the answers of one register: macro-F1 of every label, baseline →
 * candidate, and the mean of the eleven labels. What rule (2) of "bullets24"
 * (docs/lab/risk-lens-lab.md) reads; it never reads the test split.
 *
 *   npx tsx scripts/lens-pool.ts --work /work/b24w --name B1 --register bullets
 *   npx tsx scripts/lens-pool.ts --work /work/b24w --name B1 --base base --writers l,m
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { scriptArgs } from "./script-args.ts";

const { option } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const work = resolve(option("--work") ?? "/tmp/lens-lowo");
const name = option("--name") ?? "candidate";
const base = option("--base") ?? "base";
const register = option("--register");
const writers = (option("--writers") ?? "l,m,n,o").split(",").filter((w) => w !== "");

interface Row {
  id: string;
  split: string;
  register?: string;
  labels: Record<string, unknown>;
}
type Prediction = { id: string } & Record<string, unknown>;

const predictionsOf = (tag: string): Map<string, Prediction> => {
  const report = JSON.parse(readFileSync(join(work, "scores", `${tag}.json`), "utf8")) as {
    reports: { heldout: { predictions: Prediction[] } };
  };
  return new Map(report.reports.heldout.predictions.map((p) => [p.id, p]));
};

const pairs: Array<{ gold: Row; a: Prediction; b: Prediction }> = [];
for (const w of writers) {
  const rows = readFileSync(join(root, "eval", "corpus", "heldout", `writer-${w}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Row);
  if (rows.some((r) => r.split === "test")) throw new Error("the test split is never read here");
  const a = predictionsOf(`${base}-${w}`);
  const b = predictionsOf(`${name}-${w}`);
  for (const gold of rows) {
    if (register !== undefined && gold.register !== register) continue;
    const pa = a.get(gold.id);
    const pb = b.get(gold.id);
    if (pa === undefined || pb === undefined) throw new Error(`no prediction for ${gold.id}`);
    pairs.push({ gold, a: pa, b: pb });
  }
}

const f1 = (tp: number, fp: number, fn: number): number =>
  tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
const macro = (label: string, side: "a" | "b"): number => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const pair of pairs) {
    const g = pair.gold.labels[label];
    if (typeof g !== "boolean") continue;
    const p = pair[side][label] === true;
    if (g && p) tp += 1;
    else if (p) fp += 1;
    else if (g) fn += 1;
    else tn += 1;
  }
  return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
};
const d3 = (v: number): string => v.toFixed(3);
let sumA = 0;
let sumB = 0;
const lines = [
  `${pairs.length} answers (${writers.join(", ")}${register === undefined ? "" : `, ${register}`})`,
];
for (const label of SENTENCE_TAGS) {
  const a = macro(label, "a");
  const b = macro(label, "b");
  sumA += a;
  sumB += b;
  const support = pairs.filter((p) => p.gold.labels[label] === true).length;
  lines.push(
    `${label.padEnd(12)} ${d3(a)} → ${d3(b)}  (${b - a >= 0 ? "+" : ""}${d3(b - a)}, ${support} positives)`,
  );
}
const n = SENTENCE_TAGS.length;
lines.push(
  `${"mean of 11".padEnd(12)} ${d3(sumA / n)} → ${d3(sumB / n)}  (${sumB >= sumA ? "+" : ""}${d3((sumB - sumA) / n)})`,
);
process.stdout.write(`${lines.join("\n")}\n`);
