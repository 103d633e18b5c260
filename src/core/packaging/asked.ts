import { callsForStory, classify } from "../analysis/classify.ts";
import { COMPETENCY_TOPICS } from "../analysis/data/competencies.ts";
import type { Competency } from "../model.ts";
import { analyzeText, CONCEPTS } from "../semantic/index.ts";
import { competencyCues } from "./match.ts";

/** What a question asks a story to show, and what of it a story leaves out. */
export interface MissingAsk {
  /** What the story does not show, in words: "communication or non-technical stakeholders". */
  missing: string;
  /** The question's own words for the deed it asks about, when it says them: "explained a model to …". */
  deed?: string;
  /** The note a draft carries: what is missing and what to add. */
  note: string;
}

/** How sure the question classifier must be of a question's competency for a story to be said to miss it. */
const SURE = 0.5;

const TECHNICAL: readonly Competency[] = ["technical-challenge", "ml-engineering"];

const SOFT_LABELS = new Map(CONCEPTS.filter((c) => c.kind === "soft").map((c) => [c.id, c.label]));

// The deed a story question asks about, in its own words: "Tell me about a time you explained a model
// to non-technical people", "Describe a situation where you had to push back", "Give an example of
// when you led…". "had to" stays with the deed ("no moment you had to push back", not "you push
// back"); a perfect "you have disagreed" is said as "you disagreed".
const ASKED_DEED =
  /\b(?:a time|an? (?:example|situation|occasion|moment|case)(?: of)?|when)\s+(?:when\s+|where\s+|that\s+|in which\s+)?(?:you have|you've|you)\s+(.+?)[\s.?!]*$/i;

/**
 * What a story question asks for that none of a story's sentences shows, read the way coverage
 * reads a story: the competency the question classifier gives the question (a sentence carrying
 * one of its cue words or concepts of the shared matcher, or the story stating it), and each soft
 * skill the question names by a concept of the shared matcher ("explained" is communication,
 * "non-technical people" are non-technical stakeholders). Undefined when the story shows all of it.
 * The note names what to add and never says it for the user.
 * @example missingAsk("Tell me about a time you explained a model to non-technical people", ["I trained the model."], [])?.missing // "communication or non-technical stakeholders"
 */
export function missingAsk(
  question: string,
  sentences: readonly string[],
  stated: readonly Competency[],
): MissingAsk | undefined {
  // A question the classifier is unsure of ("When did you miss a warning sign…": 0.38 priorities)
  // is no ground to say a story misses it; nor one that asks for no story, or a mistake (compose
  // says where the mistake goes).
  const { competency, scores } = classify(question);
  if (scores[competency] < SURE || !callsForStory(competency) || competency === "mistake-failure")
    return undefined;
  const read = sentences.map((sentence) => analyzeText(sentence));
  const asked = analyzeText(question);
  // The soft skills the question names that no sentence names too. A question that names two
  // ("explained a model to non-technical people": communication and non-technical stakeholders) is
  // answered by a story that shows both, somewhere in it: "I told the team straight away" is
  // communication, but to no non-technical audience.
  const named: string[] = [];
  let namesSkills = false;
  for (const id of asked.direct) {
    const label = SOFT_LABELS.get(id);
    if (label === undefined) continue;
    namesSkills = true;
    if (!read.some((sentence) => sentence.direct.has(id)) && !named.includes(label)) named.push(label);
  }
  const namedShown = namesSkills && named.length === 0;
  // The competency, shown by a sentence with its cue words or concepts, or stated by the story.
  // Technical work answers a technical question whichever of the two it is read as: a model
  // trained and run nightly is "a difficult technical problem you solved" as much as ML engineering.
  const kin: readonly Competency[] = TECHNICAL.includes(competency) ? TECHNICAL : [competency];
  const competencyShown =
    kin.some((c) => stated.includes(c)) ||
    read.some((sentence) => {
      const cues = competencyCues(sentence);
      return kin.some((c) => cues.has(c));
    });
  // Either is an answer the story gives: a story that shows the competency answers the question
  // ("a difficult problem you solved" by a technical story, without the words "problem solving"),
  // and one that names every skill the question names answers it too.
  if (competencyShown || namedShown) return undefined;
  // The skills a question names say what it asks more closely than its competency.
  const missing = named.length > 0 ? named : [COMPETENCY_TOPICS[competency]];
  const deed = ASKED_DEED.exec(question.trim())?.[1]?.trim();
  const what = missing.join(" or ");
  const note =
    deed === undefined || deed === ""
      ? `This story does not show ${what}, which the question asks about: add a moment that shows it, in your own words (derisk does not make it up), or draft from a story that holds one.`
      : `This story shows no moment you ${deed}, which the question asks for: add that moment where it happened, in your own words (derisk does not make it up), or draft from a story that holds one.`;
  return {
    missing: what,
    ...(deed === undefined || deed === "" ? {} : { deed }),
    note,
  };
}
