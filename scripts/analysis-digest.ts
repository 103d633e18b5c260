/**
 * A digest of the analyzer's output on many answers, to check that a speed change changes no
 * output: run it before and after, and compare.
 *
 *   npx tsx scripts/analysis-digest.ts > before.txt   # one line per answer, then the total
 *   npx tsx scripts/analysis-digest.ts --corpus DIR --dev DIR
 *   npx tsx scripts/analysis-digest.ts --lens   # also each answer's tagger reading, exactly
 *   npx tsx scripts/analysis-digest.ts --roles  # each answer with its question also for a role
 *
 * Reads the training writers' answers (train and validation splits) of eval/corpus/, the
 * external dev answers when present, and the transcript form of each corpus answer (lower case,
 * no punctuation), each analysed with its question and with none. With `--lens`, each line also
 * digests the lens's reading and judgement of the answer as `analyze` makes them: every
 * sentence's features, its obligation clause's features, its tag probabilities, the label heads'
 * probabilities, the topic and the overall value, to the last bit, which the analysis's labels
 * and scores hide when a change moves a probability that decides nothing. With `--roles`, each answer analysed with its question is
 * analysed once more for a role (the roles in turn, answer by answer), which scans the role's
 * vocabularies and reports role fit.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { callsForStory, classify } from "../src/core/analysis/classify.ts";
import { analyze } from "../src/core/analysis/index.ts";
import { judgeAnswer, readAnswer } from "../src/core/analysis/lens/read.ts";
import { LENS_MODEL } from "../src/core/analysis/lens/weights.ts";
import { budgetFor, DEFAULT_WPM } from "../src/core/analysis/timing.ts";
import { ROLE_IDS, type RoleId } from "../src/core/model.ts";
import { answerText, readAnswers } from "./lens-corpus.ts";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = resolve(option("--corpus") ?? join(root, "eval", "corpus"));
const lens = args.includes("--lens");
const roles = args.includes("--roles");
const devFile = join(resolve(option("--dev") ?? join(root, "..", "shared", "eval", "dev")), "answers.jsonl");

const inputs: Array<{ id: string; text: string; question?: string; role?: RoleId }> = [];
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
if (roles) {
  const asked = inputs.filter((input) => input.question !== undefined);
  asked.forEach((input, i) => {
    const role = ROLE_IDS[i % ROLE_IDS.length] as RoleId;
    inputs.push({ ...input, id: `${input.id}/${role}`, role });
  });
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
  let out = JSON.stringify(
    analyze(input.text, {
      ...(input.question === undefined ? {} : { question: input.question }),
      ...(input.role === undefined ? {} : { role: input.role }),
    }),
  );
  if (lens) {
    // Read and judged as `analyze` does, every value kept.
    const competency = input.question === undefined ? undefined : classify(input.question).competency;
    const read = readAnswer(input.text, { story: callsForStory(competency), role: input.role }, LENS_MODEL);
    const judgement = judgeAnswer(
      read,
      LENS_MODEL,
      competency,
      input.question,
      budgetFor(competency, {}),
      DEFAULT_WPM,
    );
    out += JSON.stringify([read.features, read.clauseFeatures ?? null, judgement]);
  }
  total.update(out);
  process.stdout.write(`${input.id} ${createHash("sha256").update(out).digest("hex").slice(0, 16)}\n`);
}
process.stdout.write(`total ${inputs.length} answers ${total.digest("hex")}\n`);
