import { type AnswerItem, STAR_PARTS } from "./model.ts";

const labels = {
  situation: "Situation",
  task: "Task",
  action: "Action",
  result: "Result",
  lesson: "Lesson",
} as const;

/**
 * The text of an answer as the user edits it and the analyzer reads it: a STAR answer
 * keeps its written part labels ("**Situation**: …"), so an explicit Task or Result is
 * never mistaken for missing, and saving the text keeps the answer STAR.
 * @example answerText(q6).startsWith("**Situation**: During my LLM deployment project") // true
 */
export function answerText(answer: Pick<AnswerItem, "format" | "text" | "star">): string {
  if (answer.format !== "star" || !answer.star) return answer.text;
  const parts = STAR_PARTS.filter((part) => (answer.star?.[part] ?? "").trim() !== "").map(
    (part) => `**${labels[part]}**: ${answer.star?.[part]?.trim()}`,
  );
  return parts.length > 0 ? parts.join("\n\n") : answer.text;
}
