import type { AnswerItem, Competency } from "../model.ts";

/**
 * Competencies whose answers are not an episode (an introduction, a "why", a strength, a
 * concept, a technical explanation): a story cannot be made of them. Kept here, with no
 * heavy imports, so the web app offers "Make a story" only where the use case accepts it.
 */
export const NOT_EPISODE: ReadonlySet<Competency> = new Set([
  "about-me",
  "motivation",
  "strength-weakness",
  "ml-concept",
  "ml-engineering",
]);

/**
 * Whether an answer tells an episode a story can hold: STAR sections, or a free or scripted
 * answer to a question of a competency that calls for one (`competency` is the question's).
 * @example tellsEpisode({ format: "free", text: "I was…" }, "about-me") // false
 */
export function tellsEpisode(
  answer: Pick<AnswerItem, "format" | "text" | "star">,
  competency: Competency,
): boolean {
  if (answer.format === "beats") return false;
  if (answer.format === "star" && answer.star && Object.values(answer.star).some((v) => v?.trim()))
    return true;
  if (answer.text.trim() === "") return false;
  return !NOT_EPISODE.has(competency);
}
