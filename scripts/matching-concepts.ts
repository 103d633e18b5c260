/**
 * The concepts the lexicons tag on each dev ask (requirement) of g001–g564, with the words that
 * fired each, the list it comes from (core lexicon, taxonomy family, tool category, round 15's field
 * family) and whether a verb form of a nominalisation fired it; and the dev positives the matcher
 * rejects, marked. For reading the tagger's wrong-sense fires (docs/lab/matching-lab.md, round 24). Dev only;
 * the held-out batch g565–g596 and the test split are never read.
 *
 *   npx tsx scripts/matching-concepts.ts            # asks
 *   npx tsx scripts/matching-concepts.ts --evidence # evidence sentences too
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FIELD_CONCEPTS } from "../src/core/semantic/fields.ts";
import { conceptsOf, semanticMatch } from "../src/core/semantic/matcher.ts";
import type { LabelledPair } from "../src/core/semantic/measure.ts";
import { TAXONOMY_CONCEPTS } from "../src/core/semantic/taxonomy.ts";
import { TOOL_CONCEPTS } from "../src/core/semantic/tools.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dev = readFileSync(join(root, "eval", "matching", "pairs.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as LabelledPair)
  .filter((p) => p.split === "dev" && Number(p.group.slice(1)) <= 564);

const source = new Map<string, string>();
for (const c of TAXONOMY_CONCEPTS) source.set(c.id, "family");
for (const c of TOOL_CONCEPTS) source.set(c.id, "tool");
for (const c of FIELD_CONCEPTS) source.set(c.id, "field");
const tags = (text: string) =>
  conceptsOf(text)
    .map((h) => {
      const derived = /(?:ed|ing)$/.test(h.term) && !h.term.includes(" ") ? "?derived" : "";
      return `${h.id}=«${h.term}»${source.has(h.id) ? `/${source.get(h.id)}` : ""}${derived}`;
    })
    .join(" ") || "-";
const evidence = process.argv.includes("--evidence");
const groups = new Map<string, LabelledPair[]>();
for (const p of dev) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
for (const [g, pairs] of groups) {
  const first = pairs[0] as LabelledPair;
  const missed = pairs.filter((p) => p.label === 1 && !semanticMatch(p.requirement, p.evidence).matched);
  process.stdout.write(
    `${g} Q: ${first.requirement}\n   ${tags(first.requirement)}${missed.length ? `  MISSED ${missed.map((p) => p.id).join(",")}` : ""}\n`,
  );
  if (evidence)
    for (const p of pairs)
      process.stdout.write(`   ${p.id} [${p.kind}] ${p.evidence}\n      ${tags(p.evidence)}\n`);
}
