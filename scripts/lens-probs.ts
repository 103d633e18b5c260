/**
 * Each answer's label probabilities (the answer heads' output before the threshold) under one
 * model, for the blind writers' files and, with `--validation`, the validation split: what
 * docs/lab/risk-lens-lab.md's "gen22" diagnosis reads (false negatives against false positives, AUC,
 * the threshold a held-out writer would need, the registers that carry the errors). It reads
 * the answers as `analyze` does (readAnswer, then judgeAnswer with the question's competency)
 * and never reads the test split.
 *
 *   npx tsx scripts/lens-probs.ts --model /work/g22w/models/base-l.json \
 *     --file eval/corpus/heldout/writer-l.jsonl --validation --out /tmp/probs-l.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { callsForStory } from "../src/core/analysis/classify.ts";
import { classify } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { loadLensModel, type StoredLensModel } from "../src/core/analysis/lens/model.ts";
import { judgeAnswer, readAnswer } from "../src/core/analysis/lens/read.ts";
import { LENS_MODEL } from "../src/core/analysis/lens/weights.ts";
import { budgetFor, DEFAULT_WPM } from "../src/core/analysis/timing.ts";
import { answerText, readAnswers } from "./lens-corpus.ts";
import { scriptArgs } from "./script-args.ts";

const { option, flag } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const modelFile = option("--model");
const model =
  modelFile === undefined
    ? LENS_MODEL
    : loadLensModel(JSON.parse(readFileSync(resolve(modelFile), "utf8")) as StoredLensModel);

interface Row {
  id: string;
  split: string;
  question: string;
  register?: string;
  s: Array<[string, string]>;
  labels: Record<string, unknown>;
}
const rows: Row[] = [];
for (const f of (option("--file") ?? "").split(",").filter((x) => x !== "")) {
  for (const line of readFileSync(resolve(f), "utf8").split("\n"))
    if (line.trim() !== "") rows.push(JSON.parse(line) as Row);
}
if (rows.some((r) => r.split === "test")) {
  process.stderr.write("lens-probs: the test split is never read here.\n");
  process.exit(2);
}
if (flag("--validation"))
  rows.push(
    ...(readAnswers(join(root, "eval", "corpus"), "train").filter((r) => r.split === "validation") as Row[]),
  );

const out = rows.map((row) => {
  const { text } = answerText(row.s);
  const competency = classify(row.question).competency;
  const read = readAnswer(text, { story: callsForStory(competency) }, model);
  const j = judgeAnswer(read, model, competency, row.question, budgetFor(competency, {}), DEFAULT_WPM);
  return {
    id: row.id,
    split: row.split,
    register: row.register ?? "",
    words: j.words,
    pieces: read.units.length,
    gold: Object.fromEntries(SENTENCE_TAGS.map((t) => [t, row.labels[t] === true])),
    p: Object.fromEntries(SENTENCE_TAGS.map((t) => [t, Math.round(j.labelProbs[t] * 10000) / 10000])),
    y: Object.fromEntries(SENTENCE_TAGS.map((t) => [t, j.labels[t]])),
  };
});
writeFileSync(
  resolve(option("--out") ?? "/tmp/lens-probs.json"),
  `${JSON.stringify({ model: modelFile ?? null, thresholds: model.thresholds, rows: out })}\n`,
);
process.stderr.write(`lens-probs: ${out.length} answers\n`);
