/**
 * What a `npm run train -- --lesson-alone` model changes against a model of the same recipe
 * without it (docs/lab/risk-lens-lab.md, "lesson22: the lesson column fitted alone"): the top-level parts
 * whose JSON differs, and, inside them, the tagger columns, heads and thresholds that differ once
 * the kept `lesson:written` column and the heads' `x:lesson:written` are read under their
 * committed names. Exits 1 when anything but the `lesson` column, head and threshold (and `meta`)
 * differs.
 *
 *   npx tsx scripts/lesson-alone-diff.ts BASE.json CANDIDATE.json
 */
import { readFileSync } from "node:fs";
import type { DenseWeights, SparseWeights } from "../src/core/analysis/lens/linear.ts";
import { type LensModel, loadLensModel, type StoredLensModel } from "../src/core/analysis/lens/model.ts";
import { WRITTEN_LESSON } from "./lens-fit.ts";

const [baseFile, candidateFile] = process.argv.slice(2);
if (baseFile === undefined || candidateFile === undefined) {
  process.stderr.write("usage: npx tsx scripts/lesson-alone-diff.ts BASE.json CANDIDATE.json\n");
  process.exit(2);
}
const read = (file: string): LensModel =>
  loadLensModel(JSON.parse(readFileSync(file, "utf8")) as StoredLensModel);
const base = read(baseFile);
const cand = read(candidateFile);

/** A sparse column as feature → weight (non-zero only), with its bias. */
function columnOf(model: SparseWeights, cls: string): string | undefined {
  const k = model.classes.indexOf(cls);
  if (k < 0) return undefined;
  const row = model.weights[k] ?? [];
  const pairs = model.vocab.map((f, i) => [f, row[i] ?? 0] as const).filter(([, w]) => w !== 0);
  return JSON.stringify({ bias: model.bias[k], scale: model.scale, pairs });
}
const renamed = (head: DenseWeights): string =>
  JSON.stringify({
    ...head,
    features: head.features.map((f) => (f === `x:${WRITTEN_LESSON}` ? "x:lesson" : f)),
  });

const lines: string[] = [];
let unexpected = 0;
const note = (expected: boolean, what: string): void => {
  lines.push(`${expected ? "  (expected)" : "  UNEXPECTED"} ${what}`);
  if (!expected) unexpected += 1;
};
const keys = [...new Set([...Object.keys(base), ...Object.keys(cand)])] as Array<keyof LensModel>;
for (const key of keys) {
  if (key === "sentence" || key === "labels" || key === "thresholds") continue;
  if (JSON.stringify(base[key]) !== JSON.stringify(cand[key])) note(key === "meta", `part ${key} differs`);
}
let same = 0;
for (const cls of base.sentence.classes) {
  const theirs = columnOf(cand.sentence, cls === "lesson" ? WRITTEN_LESSON : cls);
  if (theirs === columnOf(base.sentence, cls)) same += 1;
  else note(false, `tagger column ${cls} differs`);
}
lines.push(
  `tagger: ${same} of ${base.sentence.classes.length} committed columns identical feature by feature (lesson read as ${WRITTEN_LESSON}); columns ${base.sentence.classes.length} → ${cand.sentence.classes.length}, vocabulary ${base.sentence.vocab.length} → ${cand.sentence.vocab.length}`,
);
if (columnOf(cand.sentence, "lesson") !== columnOf(base.sentence, "lesson"))
  note(true, "tagger column lesson refitted");
for (const tag of Object.keys(base.labels) as Array<keyof LensModel["labels"]>) {
  if (renamed(base.labels[tag]) !== renamed(cand.labels[tag])) note(tag === "lesson", `head ${tag} differs`);
  else if (JSON.stringify(base.labels[tag]) !== JSON.stringify(cand.labels[tag]))
    lines.push(`  (renamed) head ${tag}: x:lesson read as x:${WRITTEN_LESSON}, weights identical`);
  if (base.thresholds[tag] !== cand.thresholds[tag])
    note(tag === "lesson", `threshold ${tag} ${base.thresholds[tag]} → ${cand.thresholds[tag]}`);
}
console.log(lines.join("\n"));
console.log(
  unexpected === 0
    ? "only the lesson column, head and threshold differ"
    : `${unexpected} unexpected differences`,
);
process.exit(unexpected === 0 ? 0 : 1);
