/**
 * Coverage credits on the lens corpus's validation answers (eval/corpus/answers/train-*.jsonl,
 * split "validation"; never the frozen test files): each answer alone under its own question
 * through `coverageMatrix`, counting the competencies it is credited to besides its labelled one.
 * An answer that presents the candidate (about me, motivation, strengths) should earn none:
 * its words are claims, not episodes (docs/user-guide.md, "Match and coverage").
 * Run: `npx tsx scripts/coverage-credits.ts`.
 */
import { coverageMatrix } from "../src/core/packaging/match.ts";
import { type CorpusAnswer, trainingWritersAnswers } from "./corpus-answers.ts";

const answers: CorpusAnswer[] = trainingWritersAnswers().filter((a) => a.split === "validation");

const SELF = new Set(["about-me", "motivation", "strength-weakness"]);
const figures = {
  answers: answers.length,
  labelledCredited: 0,
  self: 0,
  selfExtra: 0,
  selfWithExtra: 0,
  story: 0,
  storyExtra: 0,
};
for (const a of answers) {
  const text = a.s.map(([sentence]) => sentence).join(" ");
  const matrix = coverageMatrix([], { answers: [{ id: a.id, question: a.question, text }] });
  const credited = matrix.rows.filter((r) => r.evidence.length > 0).map((r) => r.competency as string);
  if (credited.includes(a.competency)) figures.labelledCredited++;
  const extra = credited.filter((c) => c !== a.competency).length;
  if (SELF.has(a.competency)) {
    figures.self++;
    figures.selfExtra += extra;
    if (extra > 0) figures.selfWithExtra++;
  } else {
    figures.story++;
    figures.storyExtra += extra;
  }
}
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
