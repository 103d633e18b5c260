/**
 * Compose's "this story does not show what the question asks" note on the lens corpus's validation
 * answers (eval/corpus/answers/train-*.jsonl, split "validation"; never the frozen test files).
 * Own: each story answer under its own question, where a note is a false alarm. Crossed: each story
 * answer under every validation question of another competency that names a soft skill of the
 * shared matcher, where the answer rarely shows what is asked, so a note is mostly right.
 * Run: `npx tsx scripts/missing-ask.ts`.
 */
import { callsForStory } from "../src/core/analysis/classify.ts";
import type { Competency } from "../src/core/model.ts";
import { missingAsk } from "../src/core/packaging/asked.ts";
import { analyzeText, CONCEPTS } from "../src/core/semantic/index.ts";
import { type CorpusAnswer, trainingWritersAnswers } from "./corpus-answers.ts";

const answers: CorpusAnswer[] = trainingWritersAnswers().filter(
  (a) => a.split === "validation" && callsForStory(a.competency as Competency),
);

const SOFT = new Set(CONCEPTS.filter((c) => c.kind === "soft").map((c) => c.id));
const namesSoft = (q: string) => [...analyzeText(q).direct].some((id) => SOFT.has(id));
const questions = [
  ...new Map(answers.filter((a) => namesSoft(a.question)).map((a) => [a.question, a])).values(),
];

let own = 0;
let ownNoted = 0;
let crossed = 0;
let crossedNoted = 0;
for (const a of answers) {
  const sentences = a.s.map(([sentence]) => sentence);
  own++;
  if (missingAsk(a.question, sentences, []) !== undefined) ownNoted++;
  for (const q of questions) {
    if (q.competency === a.competency) continue;
    crossed++;
    if (missingAsk(q.question, sentences, []) !== undefined) crossedNoted++;
  }
}
process.stdout.write(
  `${JSON.stringify({ storyAnswers: own, ownQuestionNoted: ownNoted, softQuestions: questions.length, crossed, crossedNoted }, null, 2)}\n`,
);
