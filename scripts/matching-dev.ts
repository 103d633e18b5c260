/**
 * Dev-only figures of the semantic matcher, for tuning without reading the test split: precision
 * and recall of every dev batch of eval/matching/pairs.jsonl, and the bank-level check (each dev
 * requirement against the positive evidence of the other dev groups, every fourth such pair in
 * file order, as scripts/match-train.ts builds it): the share a bank that does not speak to an ask
 * would wrongly offer as evidence. Test pairs are never read past their split field. g597–g628
 * (the fresh batch of pairs27, round 27b) was held out until round 31 read its errors; it is a read
 * dev batch now, still printed apart (with --held-out, under its old row name) so that the rows and
 * the bank-level check up to g596, which rounds 28–31 were judged on, stay comparable (g565–g596,
 * round 21's fresh batch, was held out until round 27b; g541–g564 until round 21; g517–g540 until
 * round 17). g629–g660 (match36's fresh batch) is printed the same way, with --held-out only: it was
 * measured once as held out, before its misses were read. g661–g692 (pairs37's fresh batch, round 37)
 * is held out: with --held-out it is one aggregate row, and --decisions never prints its pairs.
 *
 *   npx tsx scripts/matching-dev.ts              # figures
 *   npx tsx scripts/matching-dev.ts --decisions  # also one line per dev pair: id and decision
 *   npx tsx scripts/matching-dev.ts --encoder    # the rows with sentence embeddings (bank-level check only with --bank)
 *   npx tsx scripts/matching-dev.ts --held-out   # also g597–g628 (read in round 31), g629–g660 (match36) and the rows that include them
 *   npx tsx scripts/matching-dev.ts --encoder --bank  # with embeddings, also the bank-level check g001–g596
 *   npx tsx scripts/matching-dev.ts --deed-credit      # round 43's design S (deeds as half credit), off by default
 *   npx tsx scripts/matching-dev.ts --clauses          # round 44's design C (a sentence read clause by clause), off by default
 *   npx tsx scripts/matching-dev.ts --clause-alignment # round 44's design C2 (the whole reading, a clause's alignment), off by default
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedSentenceEncoder } from "../src/app/encoder.ts";
import { type MatchOptions, semanticMatch, textsToEmbed } from "../src/core/semantic/matcher.ts";
import { type LabelledPair, measureMatching } from "../src/core/semantic/measure.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dev = readFileSync(join(root, "eval", "matching", "pairs.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as LabelledPair)
  .filter((p) => p.split === "dev");

const group = (p: { group: string }) => Number(p.group.slice(1));
const batches: Array<[string, number, number]> = [
  ["dev g001–g420", 1, 420],
  ["  dev g001–g192", 1, 192],
  ["  dev g193–g276", 193, 276],
  ["  dev g277–g336", 277, 336],
  ["  dev g337–g388", 337, 388],
  ["  dev g389–g420", 389, 420],
  ["dev g421–g444", 421, 444],
  ["fresh dev g337–g444", 337, 444],
  ["dev g445–g468", 445, 468],
  ["dev g337–g468", 337, 468],
  ["dev g001–g468", 1, 468],
  ["dev g469–g492", 469, 492],
  ["dev g001–g492", 1, 492],
  ["dev g493–g516", 493, 516],
  ["dev g469–g516", 469, 516],
  ["dev g001–g516", 1, 516],
  ["dev g517–g540", 517, 540],
  ["dev g001–g540", 1, 540],
  ["dev g541–g564", 541, 564],
  ["dev g001–g564", 1, 564],
  ["dev g565–g596", 565, 596],
  ["dev g001–g596", 1, 596],
  ["held-out g597–g628", 597, 628],
  ["held-out g629–g660", 629, 660],
  ["held-out g661–g692", 661, 692],
  ["dev g001–g628", 1, 628],
  ["dev, all", 1, 9999],
];
const encoder = process.argv.includes("--encoder");
// Round 43's design S (docs/lab/matching-lab.md), off by default in the matcher.
const deedCredit = process.argv.includes("--deed-credit");
// Round 44's design C (a sentence read clause by clause), off by default in the matcher.
const clauses = process.argv.includes("--clauses");
// Round 44's design C2 (the whole reading, a clause's alignment), off by default in the matcher.
const clauseAlignment = process.argv.includes("--clause-alignment");
const options: MatchOptions = {
  ...(encoder
    ? {
        embeddings: await sharedSentenceEncoder().prepare(
          textsToEmbed(dev.flatMap((p) => [p.requirement, p.evidence])),
        ),
      }
    : {}),
  ...(deedCredit ? { deedCredit } : {}),
  ...(clauses ? { clauses } : {}),
  ...(clauseAlignment ? { clauseAlignment } : {}),
};
const lines: string[] = [];
// The held-out batch (and every figure that includes it) only when asked for.
const heldOut = process.argv.includes("--held-out");
const HELD_OUT_FROM = 597;
for (const [name, from, to] of batches) {
  if (!heldOut && to > HELD_OUT_FROM - 1) continue;
  const f = measureMatching(
    dev.filter((p) => group(p) >= from && group(p) <= to),
    options,
  );
  lines.push(
    `${name.padEnd(18)} ${String(f.pairs).padStart(5)}  P ${f.precision.toFixed(3)}  R ${f.recall.toFixed(3)}  F1 ${f.f1.toFixed(3)}  hard acc. ${f.hardNegativesAccepted}`,
  );
}
// With embeddings, the bank-level check decided by the encoder-aware set (docs/lab/matching-lab.md, "Round 29b").
if (encoder && process.argv.includes("--bank")) lines.push(bank(596, options));

// The bank-level check, over the dev groups up to `last`.
function bank(last: number, at: MatchOptions = {}): string {
  const rows = dev.filter((p) => group(p) <= last);
  const requirements = new Map<string, string>();
  for (const p of rows) requirements.set(p.group, p.requirement);
  const positives = rows.filter((p) => p.label === 1);
  let k = 0;
  let total = 0;
  let accepted = 0;
  for (const [g, requirement] of requirements)
    for (const p of positives) {
      if (p.group === g || p.requirement === requirement) continue;
      if (k++ % 4 !== 0) continue;
      total++;
      if (semanticMatch(requirement, p.evidence, at).matched) accepted++;
    }
  return `bank-level check${at.embeddings ? " with embeddings" : ""}, dev g001–g${last}: ${total} pairs, ${((100 * accepted) / total).toFixed(2)} % accepted`;
}
if (!encoder)
  lines.push(
    bank(420, options),
    bank(468, options),
    bank(492, options),
    bank(516, options),
    bank(540, options),
    bank(564, options),
    bank(596, options),
    ...(heldOut ? [bank(9999, options)] : []),
  );
// g661–g692 (pairs37's fresh batch) is held out: read only as its row, its decisions never printed.
const UNREAD_FROM = 661;
if (process.argv.includes("--decisions"))
  for (const p of dev)
    if ((heldOut || group(p) < HELD_OUT_FROM) && group(p) < UNREAD_FROM)
      lines.push(
        `${p.id} ${semanticMatch(p.requirement, p.evidence, { ...(deedCredit ? { deedCredit } : {}), ...(clauses ? { clauses } : {}), ...(clauseAlignment ? { clauseAlignment } : {}) }).matched ? 1 : 0}`,
      );
process.stdout.write(`${lines.join("\n")}\n`);
