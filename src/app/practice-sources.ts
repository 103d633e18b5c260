/**
 * Two more places a practice session's questions come from: the gaps of the coverage matrix,
 * and a pasted job description whose requirements become questions.
 */
import { classify } from "../core/analysis/index.ts";
import { answerText } from "../core/answer-text.ts";
import { COMPETENCIES, type Competency } from "../core/model.ts";
import { type Requirement, tailor } from "../core/packaging/index.ts";
import type { Store } from "../store/index.ts";
import { withSentenceEmbeddings } from "./encoder.ts";
import { evidenceScope } from "./evidence-scope.ts";
import { coverage } from "./packaging.ts";
import type { PracticeCandidate } from "./practice.ts";
import { listStories } from "./stories.ts";

/** One question of our own per competency, asked when the bank has nothing for a gap. */
const GAP_QUESTIONS: Record<Competency, string> = {
  "about-me": "Walk me through your background in two minutes.",
  motivation: "Why do you want to work here, and why now?",
  "technical-challenge": "Tell me about the hardest technical problem you solved.",
  "mistake-failure": "Tell me about a time something you built went wrong.",
  conflict: "Tell me about a disagreement with a colleague and how it ended.",
  "leadership-influence": "Tell me about a time you changed a decision you did not own.",
  ambiguity: "Tell me about a project that started with unclear requirements.",
  "prioritization-deadline": "Tell me about a deadline you could not meet with everything in scope.",
  feedback: "Tell me about feedback that changed how you work.",
  teamwork: "Tell me about a time you helped a teammate succeed.",
  "customer-focus": "Tell me about a time you changed a plan because of what users needed.",
  "learning-growth": "Tell me about something you had to learn fast for a project.",
  "ownership-initiative": "Tell me about a problem you fixed that nobody asked you to fix.",
  "strength-weakness": "What is a weakness you are working on, and what have you done about it?",
  "ml-concept": "Explain the bias–variance trade-off with an example from your work.",
  "ml-engineering": "Tell me about a model you took to production and what broke.",
};

/**
 * Questions for the competencies no story serves (then those served only weakly): the bank's
 * own answers and questions of that competency first, due ones first, else a question of ours.
 * @example const picked = await gapCandidates(store, "local", ranked, budget, 5);
 */
export async function gapCandidates(
  store: Store,
  userId: string,
  ranked: readonly PracticeCandidate[],
  budget: (competency: Competency) => number,
  count: number,
): Promise<PracticeCandidate[]> {
  const matrix = await coverage(store, userId);
  const wanted = [...matrix.gaps, ...matrix.thin].filter((c) =>
    (COMPETENCIES as readonly string[]).includes(c),
  );
  const out: PracticeCandidate[] = [];
  for (const competency of wanted) {
    if (out.length === count) break;
    const own = ranked.find((c) => c.competency === competency && !out.includes(c));
    out.push(
      own ?? {
        kind: "question",
        questionText: GAP_QUESTIONS[competency],
        competency,
        budgetSeconds: budget(competency),
      },
    );
  }
  return out;
}

const KIND_ORDER: Record<Requirement["kind"], number> = {
  responsibility: 0,
  skill: 1,
  value: 2,
  seniority: 3,
};

/** A requirement of a posting, asked the way an interviewer would probe it. */
export function questionForRequirement(requirement: Requirement): string {
  const text = requirement.text.replace(/[.;:,\s]+$/, "");
  switch (requirement.kind) {
    case "skill":
      return requirement.skills.length > 0
        ? `The role needs ${requirement.skills.slice(0, 3).join(", ")}. Walk me through a project where you used it and what you would do differently.`
        : `The role asks for “${text}”. Walk me through where you have done this.`;
    case "value":
      return `This team says it values “${text}”. Give me an example from your own work.`;
    case "seniority":
      return `The posting asks for “${text}”. How does your experience meet it?`;
    default:
      return `The role includes “${text}”. Tell me about a time you did this, and what came of it.`;
  }
}

/**
 * The requirements of a pasted job description as questions (required ones first), each with
 * the user's answer that evidences it best as the prepared answer to peek at.
 * @example const picked = await jobDescriptionCandidates(store, "local", posting, budget, 5);
 */
export async function jobDescriptionCandidates(
  store: Store,
  userId: string,
  posting: string,
  budget: (competency: Competency) => number,
  count: number,
): Promise<PracticeCandidate[]> {
  // The sample's answers are not the user's to peek at once they have their own.
  const scope = await evidenceScope(store, userId);
  const answers = (await store.items.listItems(userId, { kind: "answer" })).flatMap((item) =>
    item.kind === "answer" && scope.keepsItem(item)
      ? [{ key: item.id, text: answerText(item), question: item.question }]
      : [],
  );
  const stories = (await listStories(store, userId)).filter((story) => scope.keepsStory(story));
  const tailoring = await withSentenceEmbeddings((embeddings) =>
    tailor(posting, stories, answers, embeddings === undefined ? {} : { embeddings }),
  );
  const requirements = [...tailoring.requirements].sort(
    (a, b) => Number(b.required) - Number(a.required) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
  const seen = new Set<string>();
  const out: PracticeCandidate[] = [];
  for (const requirement of requirements) {
    if (out.length === count) break;
    const questionText = questionForRequirement(requirement);
    if (seen.has(questionText)) continue;
    seen.add(questionText);
    const competency = classify(questionText).competency;
    const evidence = requirement.evidence.find((e) => e.source === "answer");
    const prepared = evidence ? answers.find((a) => a.key === evidence.id) : undefined;
    out.push({
      kind: "question",
      questionText,
      competency,
      budgetSeconds: budget(competency),
      ...(prepared === undefined ? {} : { preparedAnswer: prepared.text, preparedFrom: prepared.question }),
    });
  }
  return out;
}
