import { type Analysis, type AnalyzeOptions, analyze } from "../core/analysis/index.ts";
import { answerText } from "../core/answer-text.ts";
import { DeriskError } from "../core/errors.ts";
import type { Store } from "../store/index.ts";
import { HINTS, kindWithArticle } from "./errors.ts";

/**
 * Analyses a stored answer (or a follow-up's prepared answer) against its own question.
 * @example const analysis = await analyzeStoredItem(store, "local", itemId, { role: "ml-engineer" });
 */
export async function analyzeStoredItem(
  store: Store,
  userId: string,
  itemId: string,
  options: Omit<AnalyzeOptions, "question" | "followUp"> = {},
): Promise<{ itemId: string; question: string; analysis: Analysis }> {
  const item = await store.items.getItem(userId, itemId);
  if (item.kind === "answer") {
    return {
      itemId,
      question: item.question,
      analysis: analyze(answerText(item), { ...options, question: item.question }),
    };
  }
  if (item.kind === "follow-up") {
    return {
      itemId,
      question: item.question,
      analysis: analyze(item.answer, { ...options, question: item.question, followUp: true }),
    };
  }
  throw new DeriskError(
    "BAD_INPUT",
    `Item ${itemId} is ${kindWithArticle(item.kind)}, not an answer: pick an answer or a follow-up`,
    { hint: HINTS.answers },
  );
}
