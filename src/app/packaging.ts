/**
 * Packaging on the user's bank: compose from a stored story, re-angle and predict follow-ups
 * for a stored answer, match questions to stored stories, coverage, and tailoring to a job
 * description. The core does the work; this layer reads what it needs from the store and
 * links results back to stored items by id.
 */
import { classify } from "../core/analysis/index.ts";
import { answerText } from "../core/answer-text.ts";
import { DeriskError } from "../core/errors.ts";
import { type ConcernItem, type FollowUpItem, type PrepItem, ROLE_IDS, type RoleId } from "../core/model.ts";
import {
  buildTrailer,
  type CoverageMatrix,
  compose,
  coreShare,
  coverageMatrix,
  type DetectedConcern,
  type Draft,
  detectConcerns,
  type PredictedFollowUp,
  parseStory,
  predictFollowUps,
  type Ranking,
  type Reangled,
  rankStories,
  reangle,
  type Story,
  scaffoldWhyCompany,
  splitSentences,
  stripMarkup,
  type Tailoring,
  type Trailer,
  tailor,
  type WhyCompany,
} from "../core/packaging/index.ts";
import type { Store } from "../store/index.ts";
import { getStory, listStories, MAX_STORY_CHARS } from "./stories.ts";

/** Longest answer text the packaging use cases read, in characters. */
export const MAX_ANSWER_CHARS = 200_000;
/** Budget when neither the caller nor the profile names one: a typical behavioral answer. */
export const DEFAULT_BUDGET_SECONDS = 90;

type StoreItem = Awaited<ReturnType<Store["items"]["getItem"]>>;

function checkText(text: string, what: string): void {
  if (text.length > MAX_ANSWER_CHARS) {
    throw new DeriskError(
      "TOO_LARGE",
      `The ${what} is ${Math.round(text.length / 1000)} K characters, over the ${MAX_ANSWER_CHARS / 1000} K limit: paste one answer.`,
    );
  }
}

/**
 * A role id from the profile's target role when it names one ("ML Engineer" → "ml-engineer").
 * @example roleFromTarget("ML Engineer") // "ml-engineer"
 */
export function roleFromTarget(target: string | undefined): RoleId | undefined {
  const id = target?.trim().toLowerCase().replace(/\s+/g, "-");
  return (ROLE_IDS as readonly string[]).includes(id ?? "") ? (id as RoleId) : undefined;
}

/** The spoken text and question of an answer or a follow-up's prepared answer. */
function spokenOf(item: StoreItem, itemId: string): { text: string; question: string } {
  if (item.kind === "answer") return { text: answerText(item), question: item.question };
  if (item.kind === "follow-up") return { text: item.answer, question: item.question };
  throw new DeriskError(
    "BAD_INPUT",
    `Item ${itemId} is a ${item.kind}, not an answer: pick an answer or a follow-up (derisk show --kind answer).`,
  );
}

export interface ComposeRequest {
  /** A stored story of the user's… */
  storyId?: string;
  /** …or a story given inline (validated like a stored one). */
  story?: unknown;
  question: string;
  role?: RoleId;
  /** Default: the profile's budget for the question's competency, else its "answer" budget, else 90. */
  budgetSeconds?: number;
  /** Default: the profile's speaking rate. */
  wordsPerMinute?: number;
}

/**
 * Drafts an answer from a stored (or inline) story with the profile's budget and speaking
 * rate unless given. The draft is the user's own sentences plus visible blanks.
 * @example const draft = await composeAnswer(store, "local", { storyId, question: "Tell me about a failure", role: "ml-engineer" });
 */
export async function composeAnswer(store: Store, userId: string, request: ComposeRequest): Promise<Draft> {
  if (request.question.trim() === "") {
    throw new DeriskError("BAD_INPUT", "The question is empty: give the question to compose an answer for.");
  }
  let story: Story;
  let telling: string | undefined;
  if (request.storyId !== undefined) {
    story = await storyById(store, userId, request.storyId);
    telling = await tellingOf(store, userId, request.storyId);
  } else if (request.story !== undefined) {
    if (JSON.stringify(request.story).length > MAX_STORY_CHARS) {
      throw new DeriskError(
        "TOO_LARGE",
        `The story is over the ${MAX_STORY_CHARS / 1000} K character limit.`,
      );
    }
    story = parseStory(request.story);
  } else {
    throw new DeriskError("USAGE", "Say which story to compose from: a storyId, or the story itself.");
  }
  const profile = await store.profiles.getProfile(userId);
  const competency = classify(request.question).competency;
  const budgetSeconds =
    request.budgetSeconds ?? profile.budgets[competency] ?? profile.budgets.answer ?? DEFAULT_BUDGET_SECONDS;
  const role = request.role ?? roleFromTarget(profile.targetRole);
  return compose(story, {
    question: request.question,
    budgetSeconds,
    wordsPerMinute: request.wordsPerMinute ?? profile.wordsPerMinute,
    ...(role === undefined ? {} : { role }),
    ...(telling === undefined ? {} : { telling }),
  });
}

/** The answer a stored story was drawn from, as told: compose keeps its order. */
async function tellingOf(store: Store, userId: string, storyId: string): Promise<string | undefined> {
  const { sourceItemId } = await getStory(store, userId, storyId);
  if (sourceItemId === undefined) return undefined;
  const item = await store.items.getItem(userId, sourceItemId).catch(() => undefined);
  return item?.kind === "answer" ? answerText(item) : undefined;
}

async function storyById(store: Store, userId: string, storyId: string): Promise<Story> {
  const {
    sourceItemId: _s,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...story
  } = await getStory(store, userId, storyId);
  return story;
}

/** Another variant of the same question that already fits the target role better. */
export interface BetterVariant {
  itemId: string;
  variant: string;
  /** Its share of core role vocabulary (0..1), beside the re-angled answer's. */
  coreShare: number;
  reangledCoreShare: number;
}

/**
 * Re-angles a stored answer (or a follow-up's prepared answer) for another role, against
 * its own question unless another is given; names the document's own variant of the question
 * that already fits the role better, when there is one.
 * @example const out = await reangleAnswer(store, "local", q3.id, "ml-engineer", { fromRole: "mlops-engineer" });
 */
export async function reangleAnswer(
  store: Store,
  userId: string,
  itemId: string,
  toRole: RoleId,
  options: { fromRole?: RoleId; question?: string } = {},
): Promise<Reangled & { itemId: string; question: string; betterVariant?: BetterVariant }> {
  const item = await store.items.getItem(userId, itemId);
  const { text, question } = spokenOf(item, itemId);
  const asked = options.question ?? question;
  const fromRole = options.fromRole === undefined ? {} : { fromRole: options.fromRole };
  const out = {
    itemId,
    question: asked,
    ...reangle(text, { toRole, ...fromRole, ...(asked.trim() === "" ? {} : { question: asked }) }),
  };
  if (item.kind !== "answer") return out;
  const siblings = (await store.items.listItems(userId, { documentId: item.documentId, kind: "answer" }))
    .filter(isKind("answer"))
    .filter((a) => a.questionKey === item.questionKey && a.id !== item.id);
  let best: BetterVariant | undefined;
  for (const sibling of siblings) {
    const share = coreShare(stripMarkup(answerText(sibling)), toRole, options.fromRole);
    if (share > out.coreShare.after && share > (best?.coreShare ?? 0)) {
      best = {
        itemId: sibling.id,
        variant: sibling.variant,
        coreShare: share,
        reangledCoreShare: out.coreShare.after,
      };
    }
  }
  return best === undefined ? out : { ...out, betterVariant: best };
}

/** A predicted follow-up, linked to the stored item that prepares its answer. */
export type LinkedFollowUp = PredictedFollowUp & { preparedItemId?: string; preparedAnswer?: string };
/** A detected concern, linked to the user's stored concern note that holds their reframes. */
export type LinkedConcern = DetectedConcern & { userConcernItemId?: string };

export interface FollowUpPrediction {
  itemId?: string;
  question?: string;
  followUps: LinkedFollowUp[];
  concerns: LinkedConcern[];
}

type Stored<T> = T & { id: string; documentId: string };

// Item keys are unique within a document only: the core links by key, so it is given ids.
function predictLinked(
  text: string,
  options: { question?: string; role?: RoleId },
  prepared: ReadonlyArray<Stored<FollowUpItem>>,
  concerns: ReadonlyArray<Stored<ConcernItem>>,
): Pick<FollowUpPrediction, "followUps" | "concerns"> {
  const followUpsById = new Map(prepared.map((f) => [f.id, f]));
  const concernsById = new Map(concerns.map((c) => [c.id, c]));
  const followUps = predictFollowUps(text, {
    ...options,
    prepared: prepared.map((f) => ({ ...f, key: f.id })),
  }).map((prediction): LinkedFollowUp => {
    const item = prediction.prepared === undefined ? undefined : followUpsById.get(prediction.prepared);
    if (item === undefined) return prediction;
    return { ...prediction, prepared: item.key, preparedItemId: item.id, preparedAnswer: item.answer };
  });
  const detected = detectConcerns(text, {
    ...(options.role === undefined ? {} : { role: options.role }),
    userReframes: concerns.map((c) => ({ ...c, key: c.id })),
  }).map((concern): LinkedConcern => {
    const item = concern.userConcern === undefined ? undefined : concernsById.get(concern.userConcern);
    if (item === undefined) return concern;
    return { ...concern, userConcern: item.key, userConcernItemId: item.id };
  });
  return { followUps, concerns: detected };
}

const isKind =
  <K extends PrepItem["kind"]>(kind: K) =>
  (item: StoreItem): item is Extract<StoreItem, { kind: K }> =>
    item.kind === kind;

/**
 * Predicts the follow-ups a stored answer invites, linked to the document's prepared
 * follow-ups for that question, and the concerns it risks, with the user's own reframing
 * lines from their concern notes.
 * @example (await predictItemFollowUps(store, "local", q1.id, "ml-engineer")).followUps[0]?.preparedItemId
 */
export async function predictItemFollowUps(
  store: Store,
  userId: string,
  itemId: string,
  role?: RoleId,
): Promise<FollowUpPrediction> {
  const item = await store.items.getItem(userId, itemId);
  const { text, question } = spokenOf(item, itemId);
  const documentItems = await store.items.listItems(userId, { documentId: item.documentId });
  // The follow-ups prepared for any variant of this question answer the same interviewer.
  const questionKeyOf = new Map(
    documentItems.filter(isKind("answer")).map((a) => [a.key, a.questionKey] as const),
  );
  const questionKey =
    item.kind === "answer"
      ? item.questionKey
      : item.kind === "follow-up"
        ? questionKeyOf.get(item.answerKey)
        : undefined;
  const prepared = documentItems
    .filter(isKind("follow-up"))
    .filter((f) => f.id !== itemId && !f.pointer && questionKeyOf.get(f.answerKey) === questionKey);
  const concerns = (await store.items.listItems(userId, { kind: "concern" })).filter(isKind("concern"));
  const resolvedRole = role ?? roleFromTarget((await store.profiles.getProfile(userId)).targetRole);
  return {
    itemId,
    question,
    ...predictLinked(
      text,
      {
        ...(question.trim() === "" ? {} : { question }),
        ...(resolvedRole === undefined ? {} : { role: resolvedRole }),
      },
      prepared,
      concerns,
    ),
  };
}

/**
 * Predicts follow-ups and concerns for pasted text, linked to any prepared follow-up and
 * concern note in the user's bank.
 * @example await predictTextFollowUps(store, "local", "I did a PhD in physics.", { question: "Tell me about yourself" })
 */
export async function predictTextFollowUps(
  store: Store,
  userId: string,
  text: string,
  options: { question?: string; role?: RoleId } = {},
): Promise<FollowUpPrediction> {
  checkText(text, "answer");
  if (text.trim() === "") {
    throw new DeriskError("BAD_INPUT", "The answer is empty: paste the answer to predict its follow-ups.");
  }
  const prepared = (await store.items.listItems(userId, { kind: "follow-up" }))
    .filter(isKind("follow-up"))
    .filter((f) => !f.pointer);
  const concerns = (await store.items.listItems(userId, { kind: "concern" })).filter(isKind("concern"));
  return {
    ...(options.question === undefined ? {} : { question: options.question }),
    ...predictLinked(text, options, prepared, concerns),
  };
}

/**
 * Re-angles pasted text for another role (no store read; here so every surface calls a use case).
 * @example reangleText("I ran EKS, Istio, Helm and FluxCD.", { toRole: "ml-engineer" }).text
 */
export function reangleText(
  text: string,
  options: { toRole: RoleId; fromRole?: RoleId; question?: string },
): Reangled {
  checkText(text, "answer");
  return reangle(text, options);
}

/**
 * Ranks the user's stored stories for a question. A story drawn from an answer counts as
 * answering that answer's question (usage), and practising that answer counts as
 * practising the story (recency).
 * @example (await matchQuestion(store, "local", "Tell me about a mistake", { role: "ml-engineer" })).results[0]?.storyId
 */
export async function matchQuestion(
  store: Store,
  userId: string,
  question: string,
  options: { role?: RoleId; limit?: number; now?: Date } = {},
): Promise<Ranking> {
  if (question.length > 2000) {
    throw new DeriskError("TOO_LARGE", "The question is over 2,000 characters: give the question only.");
  }
  const stories = await listStories(store, userId);
  const usage: Record<string, number> = {};
  const lastPracticed: Record<string, string> = {};
  for (const story of stories) {
    if (story.sourceItemId === undefined) continue;
    usage[story.id] = 1;
    const [latest] = await store.attempts.listAttempts(userId, { itemId: story.sourceItemId, limit: 1 });
    if (latest) lastPracticed[story.id] = latest.startedAt.toISOString();
  }
  const role = options.role ?? roleFromTarget((await store.profiles.getProfile(userId)).targetRole);
  return rankStories(question, stories, {
    usage,
    lastPracticed,
    now: (options.now ?? new Date()).toISOString(),
    ...(role === undefined ? {} : { role }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
}

/**
 * The competency × story coverage matrix of the user's stored stories.
 * @example (await coverage(store, "local")).gaps // ["conflict", "feedback", …]
 */
export async function coverage(store: Store, userId: string): Promise<CoverageMatrix> {
  const items = await store.items.listItems(userId);
  // Prepared answers count as well as stories: the answers to each question, and the
  // prepared answers to follow-ups (not those that only point elsewhere).
  const answers = [
    ...items.filter(isKind("answer")).map((a) => ({ id: a.id, question: a.question, text: answerText(a) })),
    ...items
      .filter(isKind("follow-up"))
      .filter((f) => !f.pointer)
      .map((f) => ({ id: f.id, question: f.question, text: f.answer })),
  ];
  const accomplishments = items.filter(isKind("accomplishment")).map((a) => ({ id: a.id, text: a.text }));
  return coverageMatrix(await listStories(store, userId), { answers, accomplishments });
}

/** A tailoring as the surfaces show it: saved with its posting, company and role. */
export interface TailorResult {
  /** The saved tailoring's id (absent when saving was turned off). */
  id?: string;
  posting: string;
  tailoring: Tailoring;
  whyCompany: WhyCompany;
  savedAt?: string;
}

export interface TailorRequest {
  /** The company when the user corrects what the posting says (default: found in the posting). */
  company?: string;
  /** The role's title, likewise. */
  title?: string;
  /** Keep the posting and the result for later (default true). */
  save?: boolean;
  /** The clock for open ranges ("since 2019"); default now. */
  now?: Date;
}

const MAX_NAME_CHARS = 200;

/**
 * Reads a job description against the user's bank: which stories, answers and accomplishments
 * evidence each requirement (sentence and strength), the gaps, the years the bank states, and
 * a "why this company" scaffold from the profile's background. The posting is saved with the
 * result (the same posting again updates its entry), so it can be listed and reopened.
 * @example const { id, tailoring, whyCompany } = await tailorJobDescription(store, "local", posting);
 */
export async function tailorJobDescription(
  store: Store,
  userId: string,
  posting: string,
  request: TailorRequest = {},
): Promise<TailorResult> {
  if (posting.trim() === "") {
    throw new DeriskError("BAD_INPUT", "The job description is empty: paste the posting.");
  }
  for (const [what, value] of [
    ["company", request.company],
    ["title", request.title],
  ] as const) {
    if (value !== undefined && value.length > MAX_NAME_CHARS) {
      throw new DeriskError(
        "TOO_LARGE",
        `The ${what} is over ${MAX_NAME_CHARS} characters: give the name only.`,
      );
    }
  }
  const stories = await listStories(store, userId);
  const items = await store.items.listItems(userId);
  const answers = items
    .filter(isKind("answer"))
    // Keyed by item id: keys repeat across documents, and the id opens the answer.
    .map((a) => ({ key: a.id, text: answerText(a), question: a.question }));
  const accomplishments = items.filter(isKind("accomplishment")).map((a) => ({ key: a.id, text: a.text }));
  const profile = await store.profiles.getProfile(userId);
  const { background, goals } = await ownBackground(store, userId);
  const tailoring = tailor(posting, stories, answers, {
    accomplishments,
    currentYear: (request.now ?? new Date()).getUTCFullYear(),
  });
  const company = request.company?.trim() || tailoring.company;
  const title = request.title?.trim() || tailoring.title;
  if (company) tailoring.company = company;
  if (title) tailoring.title = title;
  const whyCompany = scaffoldWhyCompany(posting, {
    ...(profile.name === "" ? {} : { name: profile.name }),
    ...(profile.targetRole === undefined ? {} : { targetRole: profile.targetRole }),
    background,
    goals,
    targetCompanies: profile.targetCompanies,
  });
  if (company && whyCompany.company !== company) {
    // The user's correction of the company name reaches the scaffold's lines too.
    const from = whyCompany.company ?? "[company]";
    whyCompany.lines = whyCompany.lines.map((line) => ({
      ...line,
      text: line.text.split(from).join(company),
    }));
    whyCompany.text = whyCompany.lines.map((line) => line.text).join("\n");
    whyCompany.blanks = whyCompany.lines.flatMap((line) => line.text.match(/\[[^\]]+\]/g) ?? []);
    whyCompany.company = company;
  }
  if (request.save === false) return { posting, tailoring, whyCompany };
  const saved = await store.tailorings.saveTailoring(userId, {
    posting,
    ...(company ? { company } : {}),
    ...(title ? { title } : {}),
    result: { tailoring, whyCompany },
  });
  return { id: saved.id, posting, tailoring, whyCompany, savedAt: saved.updatedAt.toISOString() };
}

/** A saved tailoring in a list: what it was for and how much of it the bank covered. */
export interface TailoringSummary {
  id: string;
  company?: string;
  title?: string;
  requirements: number;
  covered: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The user's saved tailorings, most recent first.
 * @example (await listTailorings(store, "local"))[0]?.company
 */
export async function listTailorings(store: Store, userId: string): Promise<TailoringSummary[]> {
  return (await store.tailorings.listTailorings(userId)).map((saved) => {
    const result = saved.result as { tailoring?: Partial<Tailoring> };
    const requirements = result.tailoring?.requirements ?? [];
    return {
      id: saved.id,
      ...(saved.company === undefined ? {} : { company: saved.company }),
      ...(saved.title === undefined ? {} : { title: saved.title }),
      requirements: requirements.length,
      covered: requirements.filter((r) => r.covered).length,
      createdAt: saved.createdAt.toISOString(),
      updatedAt: saved.updatedAt.toISOString(),
    };
  });
}

/**
 * Reopens a saved tailoring: its posting and the result as saved.
 * @example const { posting, tailoring } = await openTailoring(store, "local", id);
 */
export async function openTailoring(store: Store, userId: string, id: string): Promise<TailorResult> {
  const saved = await store.tailorings.getTailoring(userId, id);
  const result = saved.result as { tailoring: Tailoring; whyCompany: WhyCompany };
  return {
    id: saved.id,
    posting: saved.posting,
    tailoring: result.tailoring,
    whyCompany: result.whyCompany,
    savedAt: saved.updatedAt.toISOString(),
  };
}

/**
 * Deletes a saved tailoring.
 * @example await deleteTailoring(store, "local", id);
 */
export async function deleteTailoring(store: Store, userId: string, id: string): Promise<void> {
  await store.tailorings.deleteTailoring(userId, id);
}

/**
 * The user's background and goals in their own words: the profile's, or else the sentences
 * of their own about-me answer in the bank (pleasantries left out).
 */
async function ownBackground(
  store: Store,
  userId: string,
): Promise<{ background: string[]; goals: string[] }> {
  const profile = await store.profiles.getProfile(userId);
  if (profile.background.length > 0) return { background: profile.background, goals: [] };
  const aboutMe = (await store.items.listItems(userId, { kind: "answer" }))
    .filter(isKind("answer"))
    .find((answer) => answer.variant === "core" && classify(answer.question).competency === "about-me");
  // Pleasantries ("Thanks for having me.") open a spoken answer but say nothing about the path.
  const sentences = (aboutMe ? splitSentences(answerText(aboutMe)).map((span) => span.text) : []).filter(
    (sentence) =>
      !/^(?:thanks?|thank you|hi|hello|good (?:morning|afternoon|evening))\b[^.!?]{0,40}[.!?]$/i.test(
        sentence,
      ),
  );
  const goals = sentences.filter((sentence) =>
    /\b(?:now|next|looking for|want to|hoping to|ready to)\b/i.test(sentence),
  );
  return { background: sentences.filter((sentence) => !goals.includes(sentence)), goals };
}

/**
 * The "tell me about yourself" trailer (foundation → projects → production → now) from the
 * user's own about-me answer (the thread), their answers to "why now?" (the close), their
 * stories and their profile.
 * @example const trailer = await trailerFromBank(store, "local", 60); trailer.blanks
 */
export async function trailerFromBank(store: Store, userId: string, seconds: 60 | 150): Promise<Trailer> {
  const profile = await store.profiles.getProfile(userId);
  const stories = await listStories(store, userId);
  const items = await store.items.listItems(userId);
  const answers = items.filter(isKind("answer"));
  const competencyOf = (question: string) => classify(question).competency;
  // The thread: the core about-me answer as told (the first, when several documents hold one).
  const aboutMe = answers.find((a) => a.variant === "core" && competencyOf(a.question) === "about-me");
  const thread = aboutMe ? splitSentences(stripMarkup(answerText(aboutMe))).map((s) => s.text) : [];
  // Why now: prepared answers to a why-now follow-up first (the shortest say it best), then
  // the motivation answers.
  const motivation = [
    ...items
      .filter(isKind("follow-up"))
      .filter((f) => !f.pointer && f.answer.trim() !== "" && competencyOf(f.question) === "motivation")
      .map((f) => f.answer),
    ...answers.filter((a) => competencyOf(a.question) === "motivation").map((a) => answerText(a)),
  ];
  return buildTrailer(
    {
      ...(profile.name === "" ? {} : { name: profile.name }),
      ...(profile.targetRole === undefined ? {} : { targetRole: profile.targetRole }),
      background: profile.background,
      targetCompanies: profile.targetCompanies,
      wordsPerMinute: profile.wordsPerMinute,
      thread,
      motivation,
    },
    stories,
    { seconds },
  );
}
