/**
 * A digest of the semantic matcher's output — tailor, semanticMatch, pairFeatures,
 * questionSimilarity and rankStories — to check that a speed change changes no output: run it
 * before and after, and compare.
 *
 *   npx tsx scripts/matching-digest.ts > before.txt   # one line per part, then the total
 *
 * Reads the seed prep document(s) in ../shared/seed when present and our sample document: their
 * answers become stories (as "make stories" does), answers and accomplishments; each is tailored
 * to the posting fixtures and to a posting of every requirement of eval/matching/pairs.jsonl,
 * and ranked for its own questions; that posting is also tailored to all the pairs' evidence. Every pair of eval/matching/pairs.jsonl, train.jsonl and
 * question-pairs.jsonl is matched, with its pair features.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { answerText } from "../src/core/answer-text.ts";
import { importPrepDocument } from "../src/core/markdown/index.ts";
import type { AnswerItem } from "../src/core/model.ts";
import * as postings from "../src/core/packaging/fixtures/postings.ts";
import { rankStories, type Story, storyFromAnswer, tailor } from "../src/core/packaging/index.ts";
import { pairFeatures, questionSimilarity, semanticMatch } from "../src/core/semantic/matcher.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const seedDir = join(root, "..", "shared", "seed");
const documents = [
  ...(existsSync(seedDir)
    ? readdirSync(seedDir)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => join(seedDir, f))
    : []),
  join(root, "samples", "sample-prep.md"),
];

const readJsonl = <T>(file: string): T[] =>
  readFileSync(join(root, "eval", "matching", file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);

interface Pair {
  id: string;
  requirement: string;
  evidence: string;
}
const pairs = [...readJsonl<Pair>("pairs.jsonl"), ...readJsonl<Pair>("train.jsonl")];
const questionPairs = readJsonl<{ id: string; asked: string; prepared: string }>("question-pairs.jsonl");

const requirementPosting = `## Requirements\n\n${[
  ...new Set(readJsonl<Pair>("pairs.jsonl").map((p) => p.requirement)),
]
  .map((r) => `- ${r}`)
  .join("\n")}\n`;
const allPostings: Array<[string, string]> = [
  ...Object.entries(postings as Record<string, unknown>).filter(
    (e): e is [string, string] => typeof e[1] === "string",
  ),
  ["PAIRS_POSTING", requirementPosting],
];

const total = createHash("sha256");
const part = (id: string, value: unknown) => {
  const out = JSON.stringify(value);
  total.update(id);
  total.update(out);
  process.stdout.write(`${id} ${createHash("sha256").update(out).digest("hex").slice(0, 16)}\n`);
};

for (const file of documents) {
  const doc = importPrepDocument(new Uint8Array(readFileSync(file)), { filename: file });
  const answerItems = doc.items.filter((i): i is AnswerItem => i.kind === "answer");
  const stories: Story[] = [];
  for (const answer of answerItems) {
    if (answer.format === "beats" || answerText(answer).trim() === "") continue;
    stories.push(storyFromAnswer(answer));
  }
  const answers = answerItems.map((a) => ({ key: a.key, text: answerText(a), question: a.question }));
  const accomplishments = doc.items.flatMap((i) =>
    i.kind === "accomplishment" ? [{ key: i.key, text: i.text }] : [],
  );
  const name = file.slice(file.lastIndexOf("/") + 1);
  for (const [postingName, posting] of allPostings) {
    part(
      `tailor ${name} ${postingName}`,
      tailor(posting, stories, answers, { accomplishments, currentYear: 2026 }),
    );
  }
  const questions = doc.items.flatMap((i) =>
    i.kind === "answer" || i.kind === "follow-up"
      ? [{ key: i.key, text: i.question }]
      : i.kind === "technical-question"
        ? [{ key: i.key, text: i.text }]
        : [],
  );
  for (const question of questions) {
    if (question.text.trim() === "") continue;
    part(`rank ${name} ${question.key}`, rankStories(question.text, stories, { role: "ml-engineer" }));
  }
}

// Every requirement of the labelled pairs against every evidence sentence (one answer per group):
// mostly unrelated pairs, as a real bank has.
const byGroup = new Map<string, string[]>();
for (const pair of readJsonl<Pair & { group: string }>("pairs.jsonl")) {
  const list = byGroup.get(pair.group) ?? [];
  if (!list.includes(pair.evidence)) list.push(pair.evidence);
  byGroup.set(pair.group, list);
}
part(
  "tailor pairs-evidence PAIRS_POSTING",
  tailor(
    requirementPosting,
    [],
    [...byGroup].map(([group, evidence]) => ({ key: group, text: evidence.join(" ") })),
  ),
);

const matches = createHash("sha256");
for (const pair of pairs) {
  const value = JSON.stringify([
    semanticMatch(pair.requirement, pair.evidence),
    pairFeatures(pair.requirement, pair.evidence),
  ]);
  matches.update(value);
  total.update(value);
}
process.stdout.write(`pairs ${pairs.length} ${matches.digest("hex").slice(0, 16)}\n`);
part(
  "question-pairs",
  questionPairs.map((p) => questionSimilarity(p.asked, p.prepared)),
);
process.stdout.write(`total ${total.digest("hex")}\n`);
