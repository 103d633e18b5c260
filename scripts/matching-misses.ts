/**
 * The dev pairs the matcher gets wrong in a range of groups, with what it read: the rules' score
 * (lexicons and word vectors, before the learned scorer), the final score, the learned scorer's
 * probability, and the concepts each side names. A rule match the scorer pushed under the line
 * is marked "vetoed". Dev pairs only, and never the held-out batch g661–g692 (read only as its
 * aggregate row by `scripts/matching-dev.ts --held-out`); for classifying misses (docs/matching.md).
 *
 *   npx tsx scripts/matching-misses.ts 337 468          # false negatives of g337–g468
 *   npx tsx scripts/matching-misses.ts 337 468 --fp     # false positives instead
 *   npx tsx scripts/matching-misses.ts 597 628 --encoder  # decided with sentence embeddings
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedSentenceEncoder } from "../src/app/encoder.ts";
import {
  conceptsOf,
  type MatchOptions,
  pairFeatures,
  semanticMatch,
  textsToEmbed,
} from "../src/core/semantic/matcher.ts";
import type { LabelledPair } from "../src/core/semantic/measure.ts";
import { learnedProbability } from "../src/core/semantic/pair-scorer.ts";

/** The first group of the held-out batch (as in scripts/matching-dev.ts). */
const UNREAD_FROM = 661;
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [from = 1, to = 9999] = process.argv.slice(2, 4).map(Number);
const positives = !process.argv.includes("--fp");
const dev = readFileSync(join(root, "eval", "matching", "pairs.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as LabelledPair)
  .filter((p) => p.split === "dev" && Number(p.group.slice(1)) >= from && Number(p.group.slice(1)) <= to)
  .filter((p) => Number(p.group.slice(1)) < UNREAD_FROM);

// With --encoder, the decision of the encoder-aware set (the rules and `p`, the plain set's reading, as before).
const options: MatchOptions = process.argv.includes("--encoder")
  ? {
      embeddings: await sharedSentenceEncoder().prepare(
        textsToEmbed(dev.flatMap((p) => [p.requirement, p.evidence])),
      ),
    }
  : {};
const ids = (text: string) => [...new Set(conceptsOf(text).map((h) => h.id))].join(" ") || "-";
for (const p of dev) {
  const match = semanticMatch(p.requirement, p.evidence, options);
  if (match.matched === (p.label === 1) || (p.label === 1) !== positives) continue;
  const rules = semanticMatch(p.requirement, p.evidence, { learned: false });
  const features = pairFeatures(p.requirement, p.evidence);
  const probability = features.learned ? learnedProbability(features.values).toFixed(3) : "-";
  const vetoed = rules.matched && !match.matched ? " VETOED" : "";
  process.stdout.write(
    `${p.id} [${p.kind}] rules ${rules.score} final ${match.score} p ${probability}${vetoed}\n  Q: ${p.requirement}  {${ids(p.requirement)}}\n  E: ${p.evidence}  {${ids(p.evidence)}}\n  shared: ${match.shared.join(", ")}\n`,
  );
}
