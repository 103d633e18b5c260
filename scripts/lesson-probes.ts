/**
 * The changed-habit lesson probes (docs/lab/risk-lens-lab.md, "Lessons told as a changed habit (issue 10,
 * lesson21)"): eval/lesson-habit-probes.json holds stories with no lesson, lesson sentences told
 * as a changed practice and present-tense controls that are not lessons. Each sentence is appended
 * to one story (by turn) and the answer is analysed; the figures are the share of lesson probes
 * read `labels.lesson` true (recall) and the share of controls read so (false-lesson rate).
 * `npm run train` never reads the probe file.
 *
 *   npx tsx scripts/lesson-probes.ts                 # the committed model
 *   npx tsx scripts/lesson-probes.ts --model FILE    # a model from `npm run train -- --out FILE`
 *   npx tsx scripts/lesson-probes.ts --verbose       # every probe's reading
 *   npx tsx scripts/lesson-probes.ts --overlap FILE  # 5-word runs a training file shares with the probes
 *   npx tsx scripts/lesson-probes.ts --probes eval/lesson-u-probes.json [--model FILE]   # another probe file
 *
 * `--probes FILE` (lesson23): a probe file of the same shape; the default is lesson21's
 * eval/lesson-habit-probes.json. eval/lesson-u-probes.json is lesson23's fresh set
 * (docs/lab/risk-lens-lab.md, "lesson23: more present-state near misses").
 */

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../src/core/analysis/index.ts";
import { swapLensModel } from "./swap-lens-model.ts";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Probes {
  stories: { question: string; text: string }[];
  lessons: string[];
  controls: string[];
}
const probeFile = resolve(option("--probes") ?? join(root, "eval", "lesson-habit-probes.json"));
const probes = JSON.parse(readFileSync(probeFile, "utf8")) as Probes;

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
const runs = (text: string, n: number): Set<string> => {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(" "));
  return out;
};

const overlapFile = option("--overlap");
if (overlapFile !== undefined) {
  const probeRuns = new Set<string>();
  for (const s of [...probes.lessons, ...probes.controls]) for (const r of runs(s, 5)) probeRuns.add(r);
  const shared = new Set<string>();
  for (const line of readFileSync(resolve(overlapFile), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const row = JSON.parse(line) as { s: [string, string][] };
    for (const [text] of row.s) for (const r of runs(text, 5)) if (probeRuns.has(r)) shared.add(r);
  }
  console.log(shared.size === 0 ? "no 5-word run shared" : [...shared].join("\n"));
  process.exit(shared.size === 0 ? 0 : 1);
}

const modelFile = option("--model");
if (modelFile !== undefined) {
  swapLensModel(modelFile);
}
const verbose = args.includes("--verbose");

const storyLessons = probes.stories.filter(
  (s) => analyze(s.text, { question: s.question }).labels.lesson,
).length;

function rate(kind: string, sentences: string[]): number {
  let hits = 0;
  sentences.forEach((sentence, i) => {
    const story = probes.stories[i % probes.stories.length];
    if (story === undefined) return;
    const a = analyze(`${story.text} ${sentence}`, { question: story.question });
    const last = a.sentences[a.sentences.length - 1];
    if (a.labels.lesson) hits += 1;
    if (verbose)
      console.log(`${kind}\t${a.labels.lesson ? "lesson" : "-"}\t${last?.part ?? ""}\t${sentence}`);
  });
  return hits / sentences.length;
}

// The sample's Q5 core (samples/sample-prep.md) without its STAR markers: a check beside the probes.
const sample = readFileSync(join(root, "samples", "sample-prep.md"), "utf8");
const q5 = sample.slice(sample.indexOf("### Q5"), sample.indexOf("--------", sample.indexOf("### Q5")));
const q5Question = (q5.split("\n")[0] ?? "").replace(/^### Q5-\s*/, "");
const q5Core = q5
  .split("\n")
  .slice(1)
  .filter((line) => line.trim() !== "" && !/^\*\*\w+\*\*:?\s*$/.test(line.trim()))
  .join(" ");
const q5Analysis = analyze(q5Core, { question: q5Question });

const recall = rate("lesson", probes.lessons);
const falseRate = rate("control", probes.controls);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
console.log(`model: ${modelFile ?? "committed"}; probes: ${probeFile}`);
console.log(`stories read as lesson on their own: ${storyLessons} of ${probes.stories.length}`);
console.log(`lesson recall on ${probes.lessons.length} changed-habit probes: ${pct(recall)}`);
console.log(`false-lesson rate on ${probes.controls.length} present-tense controls: ${pct(falseRate)}`);
console.log(
  `sample Q5 core: lesson ${q5Analysis.labels.lesson}, last sentence part ${q5Analysis.sentences.at(-1)?.part}`,
);
