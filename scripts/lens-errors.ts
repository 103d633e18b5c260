/**
 * Lists the risk lens's answer-level label errors on the validation split (or the train split),
 * with each answer's sentences, their gold tags and the tagger's probability for the label:
 * what to read while improving the model. It never reads the frozen test files.
 *
 *   npx tsx scripts/lens-errors.ts                       # every label, validation
 *   npx tsx scripts/lens-errors.ts --label systems --split train
 *   npx tsx scripts/lens-errors.ts --summary             # counts only
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { callsForStory } from "../src/core/analysis/classify.ts";
import { classify } from "../src/core/analysis/index.ts";
import { SENTENCE_TAGS } from "../src/core/analysis/labels.ts";
import { judgeAnswer, readAnswer } from "../src/core/analysis/lens/read.ts";
import { LENS_MODEL } from "../src/core/analysis/lens/weights.ts";
import { budgetFor, DEFAULT_WPM } from "../src/core/analysis/timing.ts";
import { answerText, readAnswers } from "./lens-corpus.ts";
import { scriptArgs } from "./script-args.ts";

const { option, flag } = scriptArgs();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = resolve(option("--corpus") ?? join(root, "eval", "corpus"));
const split = option("--split") ?? "validation";
if (split !== "validation" && split !== "train") {
  process.stderr.write(`lens-errors: --split must be validation or train (got "${split}").\n`);
  process.exit(2);
}
const only = option("--label");
if (only !== undefined && !(SENTENCE_TAGS as readonly string[]).includes(only)) {
  process.stderr.write(`lens-errors: unknown --label "${only}"; use one of ${SENTENCE_TAGS.join(", ")}.\n`);
  process.exit(2);
}
const rows = readAnswers(corpusDir, "train").filter((r) => r.split === split);
const errors: Record<string, { fn: string[]; fp: string[] }> = {};
for (const row of rows) {
  const { text } = answerText(row.s);
  const competency = classify(row.question).competency;
  const read = readAnswer(text, { story: callsForStory(competency) }, LENS_MODEL);
  const j = judgeAnswer(read, LENS_MODEL, competency, row.question, budgetFor(competency, {}), DEFAULT_WPM);
  SENTENCE_TAGS.forEach((tag, k) => {
    if (only !== undefined && tag !== only) return;
    const g = row.labels[tag] === true;
    if (g === j.labels[tag]) return;
    const e = errors[tag] ?? { fn: [], fp: [] };
    errors[tag] = e;
    const lines = [
      `${row.id} [${row.register}] ${row.question} (answer p=${j.labelProbs[tag].toFixed(2)}, threshold ${LENS_MODEL.thresholds[tag]})`,
      ...row.s.map(
        ([t, tags]) => `    gold:${tags.split(/\s+/).includes(tag) ? "Y" : "-"} ${t.replace(/\n/g, "⏎")}`,
      ),
      ...read.units.map((u, i) => `    p=${(j.probs[i]?.[k] ?? 0).toFixed(2)} ${u.text.replace(/\n/g, "⏎")}`),
    ];
    (g ? e.fn : e.fp).push(lines.join("\n"));
  });
}
for (const tag of SENTENCE_TAGS) {
  const e = errors[tag];
  if (e === undefined) continue;
  process.stdout.write(`\n=== ${tag}: ${e.fn.length} missed, ${e.fp.length} false alarms (${split})\n`);
  if (flag("--summary")) continue;
  for (const x of e.fn) process.stdout.write(`-- missed\n${x}\n`);
  for (const x of e.fp) process.stdout.write(`-- false alarm\n${x}\n`);
}
