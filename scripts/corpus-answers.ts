/**
 * The training writers' answers of the corpus (eval/corpus/answers/train-*.jsonl: the train and
 * validation splits), for the measuring scripts. It never opens the test split's files (test-*).
 */
import { readdirSync, readFileSync } from "node:fs";

export interface CorpusAnswer {
  id: string;
  split: string;
  competency: string;
  question: string;
  /** Each sentence with its tags. */
  s: Array<[string, string]>;
}

export function trainingWritersAnswers(): CorpusAnswer[] {
  const dir = new URL("../eval/corpus/answers/", import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.startsWith("train-"))
    .flatMap((f) =>
      readFileSync(new URL(f, dir), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as CorpusAnswer),
    );
}
