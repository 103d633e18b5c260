import { readFileSync } from "node:fs";
import { TECHNICAL_QUESTIONS } from "../src/core/questions/index.ts";
import type { CoverageJudgement } from "../src/core/semantic/coverage.ts";
import { splitOf } from "../src/core/semantic/index.ts";

interface Stored {
  answers: Array<{ id: string; question: string; answer: string; labels: number[] }>;
}

/** eval/coverage/judgements.json, one judgement per (answer, key point); the split is a hash of the answer id. */
export function readCoverageJudgements(): CoverageJudgement[] {
  return readJudgementFile("judgements.json", splitOf);
}

/** eval/coverage/train.json: judgements the learned scorer is fitted on, never evaluated on. */
export function readCoverageTrain(): CoverageJudgement[] {
  return readJudgementFile("train.json", () => "train");
}

function readJudgementFile(
  name: string,
  split: (id: string) => CoverageJudgement["split"],
): CoverageJudgement[] {
  const stored = JSON.parse(
    readFileSync(new URL(`../eval/coverage/${name}`, import.meta.url), "utf8"),
  ) as Stored;
  return stored.answers.flatMap((a) => {
    const question = TECHNICAL_QUESTIONS.find((q) => q.key === a.question);
    if (!question) throw new Error(`${a.id}: no bank question ${a.question}`);
    if (question.keyPoints.length !== a.labels.length)
      throw new Error(`${a.id}: ${a.labels.length} labels for ${question.keyPoints.length} key points`);
    return question.keyPoints.map((keyPoint, i) => ({
      id: `${a.id}#${i + 1}`,
      split: split(a.id),
      answer: a.answer,
      keyPoint,
      covered: a.labels[i] === 1,
      keyPoints: question.keyPoints,
    }));
  });
}
