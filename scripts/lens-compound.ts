/**
 * How the risk lens reads compound sentences (branch clause23, docs/lab/risk-lens-lab.md "clause23:
 * compound sentences"): each probe of eval/corpus/probes/compound.jsonl is a short answer whose
 * compound sentence carries several STAR parts ("I wrote a checklist, got the team to use it, and
 * failures dropped from five a week to one."), or a near miss that must not read as more than it
 * says (a purpose clause, two coordinated results, "and" between two noun phrases). Each probe
 * names the answer-level labels it must show (`expect`, true or false; a label left out is not
 * scored).
 *
 *   npx tsx scripts/lens-compound.ts                 # committed model, current analysis code
 *   npx tsx scripts/lens-compound.ts --model FILE    # a model from `npm run train -- --out FILE`
 *   npx tsx scripts/lens-compound.ts --misses        # also list each probe the lens gets wrong
 *   npx tsx scripts/lens-compound.ts --json FILE     # the figures as JSON too
 *
 * Prints, on the compound probes, the recall of each label expected true (action, result,
 * quantified, situation), and the false-positive rate of the labels expected false; on the near
 * misses, the false-positive rate (every label expected false, pooled) and the recall of the
 * labels expected true.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../src/core/analysis/index.ts";
import { scriptArgs } from "./script-args.ts";
import { swapLensModel } from "./swap-lens-model.ts";

const { option, flag } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const file = resolve(option("--probes") ?? join(root, "eval", "corpus", "probes", "compound.jsonl"));
const modelFile = option("--model");
if (modelFile !== undefined) swapLensModel(modelFile);

const LABELS = ["action", "result", "quantified", "situation"] as const;
type Label = (typeof LABELS)[number];

interface Probe {
  id: string;
  kind: "compound" | "near-miss";
  register: string;
  shape: string;
  question: string;
  answer: string;
  expect: Partial<Record<Label, boolean>>;
}

const probes: Probe[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Probe);

interface Tally {
  hit: number;
  of: number;
}
const tally = (): Record<Label, Tally> =>
  Object.fromEntries(LABELS.map((l) => [l, { hit: 0, of: 0 }])) as Record<Label, Tally>;
const kinds = ["compound", "near-miss"] as const;
const recall = { compound: tally(), "near-miss": tally() };
const falsePos = { compound: tally(), "near-miss": tally() };
const misses: string[] = [];

for (const probe of probes) {
  const a = analyze(probe.answer, { question: probe.question });
  const wrong: string[] = [];
  for (const label of LABELS) {
    const want = probe.expect[label];
    if (want === undefined) continue;
    const got = a.labels[label] === true;
    const t = (want ? recall : falsePos)[probe.kind][label];
    t.of += 1;
    if (got) t.hit += 1;
    if (got !== want) wrong.push(`${label} ${got}`);
  }
  if (wrong.length > 0) misses.push(`${probe.id} [${wrong.join(", ")}] ${probe.answer}`);
}

const rate = (t: Tally): number => (t.of === 0 ? Number.NaN : t.hit / t.of);
const pooled = (ts: Record<Label, Tally>): Tally =>
  Object.values(ts).reduce((s, t) => ({ hit: s.hit + t.hit, of: s.of + t.of }), { hit: 0, of: 0 });
const show = (t: Tally): string => `${rate(t).toFixed(3)} (${t.hit}/${t.of})`;

const report: Record<string, unknown> = { file, model: modelFile ?? "committed" };
for (const kind of kinds) {
  const n = probes.filter((p) => p.kind === kind).length;
  console.log(`${kind} probes: ${n}`);
  const r: Record<string, number> = {};
  for (const label of LABELS) {
    if (recall[kind][label].of > 0) {
      console.log(`  ${label} recall ${show(recall[kind][label])}`);
      r[`${label}Recall`] = rate(recall[kind][label]);
    }
  }
  for (const label of LABELS) {
    if (falsePos[kind][label].of > 0)
      console.log(`  ${label} false positives ${show(falsePos[kind][label])}`);
  }
  const fp = pooled(falsePos[kind]);
  console.log(`  false-positive rate (labels expected false, pooled) ${show(fp)}`);
  r.falsePositiveRate = rate(fp);
  report[kind] = r;
}
if (flag("--misses")) {
  console.log("\nprobes read wrongly:");
  for (const line of misses) console.log(`  ${line}`);
}
const json = option("--json");
if (json !== undefined) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
