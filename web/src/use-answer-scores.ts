/**
 * The analyzer's overall score (1–5) of each question's first answer, for the question list.
 * Computed in the analysis worker after the list has painted, one answer at a time so the open
 * answer's own analysis never waits behind the whole library; results are kept per answer version.
 */
import { useEffect, useState } from "react";
import { answerText } from "../../src/core/answer-text.ts";
import type { RoleId } from "../../src/core/model.ts";
import { analyzeText } from "./analysis-client.ts";
import type { QuestionGroup } from "./library.ts";

const cache = new Map<string, number>();

const cacheKey = (id: string, version: number, role: RoleId | undefined): string =>
  `${id}:${version}:${role ?? ""}`;

export function useAnswerScores(
  questions: readonly QuestionGroup[],
  role: RoleId | undefined,
): ReadonlyMap<string, number> {
  const [scores, setScores] = useState<ReadonlyMap<string, number>>(() => cachedScores(questions, role));

  useEffect(() => {
    const controller = new AbortController();
    setScores(cachedScores(questions, role));
    const pending = questions.filter((group) => {
      const first = group.variants[0];
      return first !== undefined && !cache.has(cacheKey(first.id, first.version, role));
    });
    async function run(): Promise<void> {
      for (const group of pending) {
        const first = group.variants[0];
        if (first === undefined || controller.signal.aborted) return;
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
          cache.set(cacheKey(first.id, first.version, role), analysis.overall.score);
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

function cachedScores(questions: readonly QuestionGroup[], role: RoleId | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const group of questions) {
    const first = group.variants[0];
    const score = first === undefined ? undefined : cache.get(cacheKey(first.id, first.version, role));
    if (score !== undefined) out.set(group.questionKey, score);
  }
  return out;
}
