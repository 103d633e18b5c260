/**
 * Freezes the inputs a committed weight set of the pair scorer was fitted on, so that
 * `npm run match:train -- --verify` can refit it from them (docs/lab/matching-lab.md, "Round 22").
 *
 *   git worktree add --detach /tmp/round7 cc70d68
 *   npx tsx scripts/match-freeze.ts --tree /tmp/round7 --out eval/matching/frozen-plain-cc70d68.jsonl
 *
 * The tree is a checkout of the commit whose `npm run match:train` wrote the set. Its own matcher
 * computes the features of its own train set (`eval/matching/train.jsonl`) and of its dev pairs from
 * g337 on (the range its threshold was chosen on), so the file holds what that fit read, not what
 * today's matcher reads. One line per pair: its text, label and kind, what it is used for ("train":
 * the fit; "threshold": the threshold's choice), the feature values and the flags the decision reads.
 * Only the set without embeddings can be frozen this way (the encoder set's threshold also reads the
 * bank-level check, tens of thousands of encoded pairs).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const arg = (name: string): string => {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  if (!value) throw new Error(`usage: match-freeze.ts --tree DIR --out FILE (missing ${name})`);
  return value;
};
const tree = resolve(arg("--tree"));
const out = resolve(arg("--out"));
const FROM_GROUP = Number(process.env.MATCH_FREEZE_FROM ?? 337);

interface Pair {
  id: string;
  group: string;
  split: string;
  requirement: string;
  evidence: string;
  label: 0 | 1;
  kind?: string;
}
interface Reading {
  values: number[];
  learned: boolean;
  ruleMatched: boolean;
  alternativeMet: boolean;
}
const matcher = (await import(join(tree, "src", "core", "semantic", "matcher.ts"))) as {
  pairFeatures: (requirement: string, evidence: string) => Reading;
};
const readJsonl = (file: string): Pair[] =>
  readFileSync(join(tree, "eval", "matching", file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Pair);

const line = (p: Pair, use: "train" | "threshold") => {
  const f = matcher.pairFeatures(p.requirement, p.evidence);
  return JSON.stringify({
    use,
    id: p.id,
    group: p.group,
    requirement: p.requirement,
    evidence: p.evidence,
    label: p.label,
    kind: p.kind ?? (p.label === 1 ? "positive" : "negative"),
    learned: f.learned,
    rule: f.ruleMatched,
    alternative: f.alternativeMet,
    x: f.values,
  });
};
const train = readJsonl("train.jsonl");
const dev = readJsonl("pairs.jsonl").filter(
  (p) => p.split === "dev" && Number(p.group.slice(1)) >= FROM_GROUP,
);
const lines = [...train.map((p) => line(p, "train")), ...dev.map((p) => line(p, "threshold"))];
writeFileSync(out, `${lines.join("\n")}\n`);
process.stdout.write(
  `wrote ${out}: ${train.length} train pairs, ${dev.length} dev pairs from g${FROM_GROUP}\n`,
);
