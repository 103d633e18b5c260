/**
 * The analyzer's overall score (1–5) of every stored answer, by answer id: the question list shows
 * each question's first answer, the variant tabs each variant. An answer in another language is
 * not scored: its reading names the language instead (`{ notScored: "French" }`).
 * Computed in the analysis worker after the list has painted, one answer at a time so the open
 * answer's own analysis never waits behind the whole library; results are kept per answer version.
 */
import { useEffect, useState } from "react";
import { answerText } from "../../src/core/answer-text.ts";
import { type AnswerScoreReading, answerScoreReading } from "../../src/core/attempt-score.ts";
import type { RoleId } from "../../src/core/model.ts";
import { analyzeText } from "./analysis-client.ts";
import type { QuestionGroup } from "./library.ts";

const cache = new Map<string, AnswerScoreReading>();

const cacheKey = (id: string, version: number, role: RoleId | undefined): string =>
  `${id}:${version}:${role ?? ""}`;

export function useAnswerScores(
  questions: readonly QuestionGroup[],
  role: RoleId | undefined,
): ReadonlyMap<string, AnswerScoreReading> {
  const [scores, setScores] = useState<ReadonlyMap<string, AnswerScoreReading>>(() =>
    cachedScores(questions, role),
  );

  useEffect(() => {
    const controller = new AbortController();
    setScores(cachedScores(questions, role));
    // The answers the list shows first, then the other variants.
    const ordered = [
      ...questions.flatMap((group) => group.variants.slice(0, 1).map((variant) => ({ group, variant }))),
      ...questions.flatMap((group) => group.variants.slice(1).map((variant) => ({ group, variant }))),
    ];
    const pending = ordered.filter(({ variant }) => !cache.has(cacheKey(variant.id, variant.version, role)));
    async function run(): Promise<void> {
      for (const { group, variant: first } of pending) {
        if (controller.signal.aborted) return;
        const text = answerText(first);
        if (text.trim() === "") continue;
        try {
          const analysis = await analyzeText(
            text,
            {
              question: group.question,
              ...(role === undefined ? {} : { role }),
              ...(first.budgetSeconds === undefined ? {} : { budgetSeconds: first.budgetSeconds }),
            },
            controller.signal,
          );
          cache.set(cacheKey(first.id, first.version, role), answerScoreReading(analysis));
        } catch {
          // A score is a hint; an answer that fails to analyse simply shows none.
          continue;
        }
        if (controller.signal.aborted) return;
        setScores(cachedScores(questions, role));
      }
    }
    // After first paint, when the browser is idle: the list must never wait for scores.
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    const handle = idle(() => void run());
    return () => {
      controller.abort();
      if (window.cancelIdleCallback !== undefined) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [questions, role]);

  return scores;
}

function cachedScores(
  questions: readonly QuestionGroup[],
  role: RoleId | undefined,
): Map<string, AnswerScoreReading> {
  const out = new Map<string, AnswerScoreReading>();
  for (const group of questions) {
    for (const variant of group.variants) {
      const score = cache.get(cacheKey(variant.id, variant.version, role));
      if (score !== undefined) out.set(variant.id, score);
    }
  }
  return out;
}
