import type { Competency } from "../model.ts";
import { tellsTrouble } from "./acts.ts";
import { answeringSentences } from "./data/answer-cues.ts";
import { isPleasantry } from "./text.ts";

/**
 * What a question needs an answer's sentences to keep, read the same way wherever an answer is
 * trimmed (re-angle for another role, the timing fix's cut): one reading, so a cut never takes
 * what a re-angle keeps.
 */
export interface QuestionNeeds {
  /** The sentences that answer what is asked (for a mistake question: the mistake, owning it, the fix). */
  answering: ReadonlySet<number>;
  /**
   * What went wrong, told before the first sentence that answers (before the first deed, for a
   * story the question asks no mistake of): the trouble the rest of the answer is about ("Two days
   * later a colleague reported odd constants…" before "I traced it to my join…").
   */
  wentWrong: ReadonlySet<number>;
  /** What the episode taught, for a question that asks it (a mistake or a failure): the lesson sentences. */
  lesson: ReadonlySet<number>;
  /** All of the above. */
  all: ReadonlySet<number>;
}

// Questions answered with no episode: an introduction, a "why", a strength. Nothing in them went
// wrong for the rest to answer.
const NO_EPISODE: ReadonlySet<Competency> = new Set(["about-me", "motivation", "strength-weakness"]);

/**
 * The sentences of an answer (in their order, each with the STAR part its reader gives it) that
 * what the question asks needs kept.
 * @example questionNeeds(["I migrated the job.", "Two days later a colleague reported odd constants.", "I traced it to my join: I had used an inner join."], ["situation", "action", "action"], "mistake-failure").all // Set {2, 1}
 */
export function questionNeeds(
  sentences: readonly string[],
  parts: ReadonlyArray<string | undefined>,
  competency: Competency | undefined,
): QuestionNeeds {
  const answering = new Set(answeringSentences(sentences, competency));
  // The setting is the first sentence that tells something: a "Sure." or "Thank you for having
  // me." before it is a courtesy, not the scene.
  const opening = Math.max(
    0,
    sentences.findIndex((s) => !isPleasantry(s)),
  );
  const episodic = competency !== undefined && !NO_EPISODE.has(competency);
  const firstAsked = answering.size > 0 ? Math.min(...answering) : parts.indexOf("action");
  const wentWrong = new Set(
    episodic
      ? sentences.flatMap((s, i) =>
          i > opening &&
          i < firstAsked &&
          !answering.has(i) &&
          (tellsTrouble(s) || (answering.size > 0 && i === firstAsked - 1 && parts[i] === "situation"))
            ? [i]
            : [],
        )
      : [],
  );
  const lesson = new Set(
    competency === "mistake-failure" ? parts.flatMap((p, i) => (p === "lesson" ? [i] : [])) : [],
  );
  return { answering, wentWrong, lesson, all: new Set([...answering, ...wentWrong, ...lesson]) };
}
