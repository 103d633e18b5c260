/**
 * Which mechanism decides each dev pair the matcher gets wrong (round 17, docs/lab/matching-lab.md): for a
 * rejected positive, whether the rules alone decided (a sense veto, an ask only of languages, a
 * candidate too long to align), the learned scorer vetoed a rule match, the unmet-concept threshold
 * held back a probability the ordinary threshold would pass (the query names a concept the
 * lexicons know and the candidate shows none of it), or the probability was under the ordinary
 * threshold (with or without an unmet concept). For accepted negatives and for rejected ones, the
 * same split, so that what a rule keeps out is counted with what it loses. Dev g001–g564 only: the
 * held-out batch is never read.
 *
 *   npx tsx scripts/matching-mechanisms.ts            # counts by class
 *   npx tsx scripts/matching-mechanisms.ts --list     # also each rejected positive's id and class
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pairFeatures, semanticMatch } from "../src/core/semantic/matcher.ts";
import type { LabelledPair } from "../src/core/semantic/measure.ts";
import { learnedProbability } from "../src/core/semantic/pair-scorer.ts";

const LAST_DEV = 564;
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dev = readFileSync(join(root, "eval", "matching", "pairs.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as LabelledPair)
  .filter((p) => p.split === "dev" && Number(p.group.slice(1)) <= LAST_DEV);

const THRESHOLD = 0.335;

/** The mechanism behind a pair's decision. */
function classOf(p: LabelledPair): string {
  const f = pairFeatures(p.requirement, p.evidence);
  const rule = f.values[0] as number;
  const unmet = f.values[6] as number;
  const met = f.values[3] as number;
  const names = (f.values[4] as number) > 0;
  if (!f.learned)
    return rule >= 0.5 ? "rules alone: match" : "rules alone: no match (sense veto, languages, long)";
  const prob = learnedProbability(f.values);
  const ruleMatch = rule >= 0.5 ? "rule match, " : "";
  if (!names) return `${ruleMatch}query names no concept, p ${prob >= THRESHOLD ? "≥" : "<"} 0.335`;
  if (unmet === 0) return `${ruleMatch}concepts met, p ${prob >= THRESHOLD ? "≥" : "<"} 0.335`;
  const none =
    met === 0 ? (f.namedElsewhere === 0 ? "none met, names nothing" : "none met, names others") : "some met";
  return `${ruleMatch}unmet concept (${none}), p ${prob >= 0.6 ? "≥ 0.6" : prob >= THRESHOLD ? "0.335–0.6" : "< 0.335"}`;
}

const counts = new Map<string, Map<string, number>>();
const list: string[] = [];
for (const p of dev) {
  const matched = semanticMatch(p.requirement, p.evidence).matched;
  const outcome = `${p.kind} ${matched ? "accepted" : "rejected"}`;
  const c = classOf(p);
  const row = counts.get(outcome) ?? new Map<string, number>();
  row.set(c, (row.get(c) ?? 0) + 1);
  counts.set(outcome, row);
  if (p.label === 1 && !matched) list.push(`${p.id} ${c}`);
}
for (const [outcome, row] of [...counts].sort()) {
  process.stdout.write(`${outcome}\n`);
  for (const [c, n] of [...row].sort((a, b) => b[1] - a[1]))
    process.stdout.write(`  ${String(n).padStart(4)}  ${c}\n`);
}
if (process.argv.includes("--list")) process.stdout.write(`${list.join("\n")}\n`);
