/**
 * A digest of the analyzer's output on many answers, to check that a speed change changes no
 * output: run it before and after, and compare.
 *
 *   npx tsx scripts/analysis-digest.ts > before.txt   # one line per answer, then the total
 *   npx tsx scripts/analysis-digest.ts --corpus DIR --dev DIR
 *
 * Reads the training writers' answers (train and validation splits) of eval/corpus/, the
 * external dev answers when present, and the transcript form of each corpus answer (lower case,
 * no punctuation), each analysed with its question and with none.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../src/core/analysis/index.ts";
import { answerText, readAnswers } from "./lens-corpus.ts";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = resolve(option("--corpus") ?? join(root, "eval", "corpus"));
const devFile = join(resolve(option("--dev") ?? join(root, "..", "shared", "eval", "dev")), "answers.jsonl");

const inputs: Array<{ id: string; text: string; question?: string }> = [];
for (const row of readAnswers(corpusDir, "train")) {
  const text = answerText(row.s).text;
  inputs.push({ id: row.id, text, question: row.question });
  inputs.push({
    id: `${row.id}/spoken`,
    text: text.toLowerCase().replace(/[.!?;:,]/g, ""),
    question: row.question,
  });
  inputs.push({ id: `${row.id}/no-question`, text });
}
if (existsSync(devFile)) {
  for (const line of readFileSync(devFile, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as { id: string; question: string; answer: string };
    inputs.push({ id: `dev/${r.id}`, text: r.answer, question: r.question });
  }
}
const total = createHash("sha256");
for (const input of inputs) {
  const out = JSON.stringify(
    analyze(input.text, input.question === undefined ? {} : { question: input.question }),
  );
  total.update(out);
  process.stdout.write(`${input.id} ${createHash("sha256").update(out).digest("hex").slice(0, 16)}\n`);
}
process.stdout.write(`total ${inputs.length} answers ${total.digest("hex")}\n`);
