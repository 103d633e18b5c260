/**
 * Packaging on the user's bank: compose from a stored story, re-angle and predict follow-ups
 * for a stored answer, match questions to stored stories, coverage, and tailoring to a job
 * description. The core does the work; this layer reads what it needs from the store and
 * links results back to stored items by id.
 */

import { createHash } from "node:crypto";
import { callsForStory } from "../core/analysis/classify.ts";
import { classify } from "../core/analysis/index.ts";
import { answerText } from "../core/answer-text.ts";
import type { BankTrailer, StoredItem } from "../core/api-types.ts";
import { DeriskError } from "../core/errors.ts";
import { addFollowUp, renderPrepDocument } from "../core/markdown/index.ts";
import type { ConcernItem, PrepItem, RoleId } from "../core/model.ts";
import {
  buildTrailer,
  type CoverageMatrix,
  compose,
  coreShare,
  coverageMatrix,
  type DetectedConcern,
  type Draft,
  detectConcerns,
  isCertification,
  type PredictedFollowUp,
  parseStory,
  predictFollowUps,
  type Ranking,
  type Reangled,
  rankStories,
  readsAsOutline,
  reangle,
  roleFromTarget,
  type Story,
  scaffoldWhyCompany,
  splitSentences,
  stripMarkup,
  type Tailoring,
  type Trailer,
  type TrailerSeconds,
  tailor,
  type WhyCompany,
  wishOnly,
} from "../core/packaging/index.ts";
import { questionSimilarity } from "../core/semantic/index.ts";
import { unstorableText } from "../core/text-safety.ts";
import type { Store } from "../store/index.ts";
import { cachedAnalyze } from "./analysis-cache.ts";
import { getItem } from "./bank.ts";
import { withSentenceEmbeddings } from "./encoder.ts";
import { HINTS, kindWithArticle } from "./errors.ts";
import { type EvidenceScope, evidenceScope } from "./evidence-scope.ts";
import { episodeOf, getStory, listStories, MAX_STORY_CHARS } from "./stories.ts";

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
 * A role id from the profile's or a document's target role when it names one ("ML Engineer",
 * "Data/ML Engineer" → "ml-engineer"); the core's one reading of such titles.
 * @example roleFromTarget("ML Engineer") // "ml-engineer"
 */
export { roleFromTarget };

/** The spoken text and question of an answer or a follow-up's prepared answer. */
function spokenOf(item: StoreItem, itemId: string): { text: string; question: string } {
  if (item.kind === "answer") return { text: answerText(item), question: item.question };
  if (item.kind === "follow-up") return { text: item.answer, question: item.question };
  throw new DeriskError(
    "BAD_INPUT",
    `Item ${itemId} is ${kindWithArticle(item.kind)}, not an answer: pick an answer or a follow-up`,
    { hint: HINTS.answers },
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
  /** Keep the whole story where even its shortest telling overruns the budget (default: that telling). */
  whole?: boolean;
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
  const draft = compose(story, {
    question: request.question,
    budgetSeconds,
    wordsPerMinute: request.wordsPerMinute ?? profile.wordsPerMinute,
    ...(role === undefined ? {} : { role }),
    ...(telling === undefined ? {} : { telling }),
    ...(request.whole === true ? { whole: true } : {}),
  });
  if (request.storyId === undefined) return draft;
  const variantOf = await answerAsked(store, userId, request.storyId, request.question);
  return variantOf === undefined ? draft : { ...draft, variantOf };
}

/**
 * The stored answer a stored story's draft for `question` may be saved beside, as a variant: the
 * answer the story was drawn from when its question asks the same (the same kind by the
 * classifier, or the same question by the shared matcher), else the answer of that document
 * whose question asks it, closest first. A draft of the technical story composed for "a time you
 * made a mistake" belongs under the document's mistake question, or is a new answer — never a
 * variant of the technical question.
 */
async function answerAsked(
  store: Store,
  userId: string,
  storyId: string,
  question: string,
): Promise<string | undefined> {
  const { sourceItemId } = await getStory(store, userId, storyId);
  if (sourceItemId === undefined) return undefined;
  const source = await store.items.getItem(userId, sourceItemId).catch(() => undefined);
  if (source?.kind !== "answer") return undefined;
  const asked = classify(question).competency;
  const fits = (other: string) => {
    const match = questionSimilarity(question, other);
    // The same kind of story question ("the hardest technical problem" and "a difficult technical
    // problem you solved"); two "why" questions of one kind still ask different things.
    const sameKind = callsForStory(asked) && classify(other).competency === asked;
    return { ok: match.matched || sameKind, score: match.score };
  };
  if (fits(source.question).ok) return source.id;
  let best: { id: string; score: number } | undefined;
  const seen = new Set<string>();
  for (const item of await store.items.listItems(userId, { documentId: source.documentId, kind: "answer" })) {
    // One per question: its first variant stands for it.
    if (item.kind !== "answer" || seen.has(item.questionKey) || item.question.trim() === "") continue;
    seen.add(item.questionKey);
    const fit = fits(item.question);
    if (fit.ok && (best === undefined || fit.score > best.score)) best = { id: item.id, score: fit.score };
  }
  return best?.id;
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
    // Only an answer someone can say is worth pointing to: an outline of arrow notes is not.
    if (sibling.format === "beats" || readsAsOutline(answerText(sibling))) continue;
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

/**
 * Before re-angling: the document's own variant of the answer's question that already fits the
 * role better than this answer would once re-angled (the figures the re-angle would show), so the
 * page can offer to open it before the button is pressed. Undefined when there is none.
 * @example (await betterVariantFor(store, "local", q6.id, "ml-engineer"))?.variant // "ML-focused"
 */
export async function betterVariantFor(
  store: Store,
  userId: string,
  itemId: string,
  toRole: RoleId,
  options: { fromRole?: RoleId } = {},
): Promise<BetterVariant | undefined> {
  return (await reangleAnswer(store, userId, itemId, toRole, options)).betterVariant;
}

/** A predicted follow-up, linked to the stored item that prepares its answer. */
export type LinkedFollowUp = PredictedFollowUp & {
  preparedItemId?: string;
  preparedAnswer?: string;
  /** The question the linked item answers ("What experience do you have with ML in practice?"). */
  preparedQuestion?: string;
  /** A prepared follow-up, or the answer to another question. */
  preparedKind?: "follow-up" | "answer";
  /** The document that holds it (another of the user's documents, possibly). */
  preparedDocumentId?: string;
};
/** A detected concern, linked to the user's stored concern note that holds their reframes. */
export type LinkedConcern = DetectedConcern & { userConcernItemId?: string };

export interface FollowUpPrediction {
  itemId?: string;
  question?: string;
  followUps: LinkedFollowUp[];
  concerns: LinkedConcern[];
  /** "The sample document is not used as your evidence." when its answers were left out. */
  sampleLeftOut?: string;
}

type Stored<T> = T & { id: string; documentId: string };

/** Something the user has prepared that a predicted follow-up may link to. */
interface Prepared {
  id: string;
  /** Its key in its document ("q1/follow-up-3"). */
  key: string;
  documentId: string;
  kind: "follow-up" | "answer";
  question: string;
  answer: string;
  /** A follow-up prepared under the question asked. */
  own: boolean;
}

// Item keys are unique within a document only: the core links by key, so it is given ids.
function predictLinked(
  text: string,
  options: { question?: string; role?: RoleId },
  prepared: readonly Prepared[],
  concerns: ReadonlyArray<Stored<ConcernItem>>,
  /** Concern notes the document writes under the question asked: raised whatever the triggers say. */
  attached: ReadonlyArray<Stored<ConcernItem>> = [],
  /** The document the answer is in: concern notes of other documents lend reframes only. */
  documentId?: string,
): Pick<FollowUpPrediction, "followUps" | "concerns"> {
  const preparedById = new Map(prepared.map((p) => [p.id, p]));
  const concernsById = new Map(concerns.map((c) => [c.id, c]));
  const followUps = predictFollowUps(text, {
    ...options,
    prepared: prepared.map((p) => ({ key: p.id, question: p.question, own: p.own })),
  }).map((prediction): LinkedFollowUp => {
    const item = prediction.prepared === undefined ? undefined : preparedById.get(prediction.prepared);
    if (item === undefined) return prediction;
    return {
      ...prediction,
      prepared: item.key,
      preparedItemId: item.id,
      preparedAnswer: item.answer,
      preparedQuestion: item.question,
      preparedKind: item.kind,
      preparedDocumentId: item.documentId,
    };
  });
  const detected = detectConcerns(text, {
    ...(options.role === undefined ? {} : { role: options.role }),
    userReframes: concerns.map((c) => ({
      ...c,
      key: c.id,
      ...(documentId !== undefined && c.documentId !== documentId ? { elsewhere: true } : {}),
    })),
  }).map((concern): LinkedConcern => {
    const item = concern.userConcern === undefined ? undefined : concernsById.get(concern.userConcern);
    if (item === undefined) return concern;
    return { ...concern, userConcern: item.key, userConcernItemId: item.id };
  });
  // The document itself says this question risks these judgements: its notes are shown with
  // their reframes even when no trigger word fires ("a scientist who dabbles in code").
  for (const note of attached) {
    if (detected.some((c) => c.userConcernItemId === note.id)) continue;
    detected.push({
      id: `note-${note.id}`,
      judgement: note.judgement,
      triggers: [],
      why: "Your document names this concern under this question.",
      reframe: "Say your own reframing lines below; keep the worry itself unsaid.",
      reframes: [...note.reframes],
      userConcern: note.key,
      userConcernItemId: note.id,
    });
  }
  return { followUps, concerns: detected };
}

const isKind =
  <K extends PrepItem["kind"]>(kind: K) =>
  (item: StoreItem): item is Extract<StoreItem, { kind: K }> =>
    item.kind === kind;

/**
 * Everything the user has prepared, nearest first: the follow-ups of the question asked, then
 * the rest of its document (follow-ups, then other questions' answers), then the user's other
 * documents. Pointers ("Use the Core Story above") and the question's own answers are left out.
 */
async function preparedInBank(
  store: Store,
  userId: string,
  scope: EvidenceScope,
  near?: { documentId: string; questionKey: string | undefined; itemId: string },
): Promise<Prepared[]> {
  // The sample's answers are not the user's, unless the sample is the document asked about.
  const all = (await store.items.listItems(userId)).filter((item) => scope.keepsItem(item, near?.documentId));
  const questionKeyOf = new Map(
    all.filter(isKind("answer")).map((a) => [`${a.documentId}/${a.key}`, a.questionKey] as const),
  );
  const ranked: Array<Prepared & { rank: number }> = [];
  const seenQuestion = new Set<string>();
  for (const item of all) {
    if (item.id === near?.itemId) continue;
    const here = item.documentId === near?.documentId;
    if (item.kind === "follow-up" && !item.pointer && item.answer.trim() !== "") {
      const sameQuestion =
        here && questionKeyOf.get(`${item.documentId}/${item.answerKey}`) === near?.questionKey;
      ranked.push({
        id: item.id,
        key: item.key,
        documentId: item.documentId,
        kind: "follow-up",
        question: item.question,
        answer: item.answer,
        own: sameQuestion,
        rank: sameQuestion ? 0 : here ? 1 : 3,
      });
    } else if (item.kind === "answer") {
      if (here && item.questionKey === near?.questionKey) continue;
      // One entry per question: its first variant speaks for the rest.
      const question = `${item.documentId}/${item.questionKey}`;
      if (seenQuestion.has(question) || item.question.trim() === "") continue;
      seenQuestion.add(question);
      ranked.push({
        id: item.id,
        key: item.key,
        documentId: item.documentId,
        kind: "answer",
        question: item.question,
        answer: answerText(item),
        own: false,
        rank: here ? 2 : 4,
      });
    }
  }
  return ranked.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...p }) => p);
}

/**
 * Predicts the follow-ups a stored answer invites, linked to what the user has prepared
 * anywhere (the question's own follow-ups first, then the rest of the document, then their
 * other documents), and the concerns it risks, with the user's own reframing lines from their
 * concern notes.
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
  const questionKey =
    item.kind === "answer"
      ? item.questionKey
      : item.kind === "follow-up"
        ? documentItems.filter(isKind("answer")).find((a) => a.key === item.answerKey)?.questionKey
        : undefined;
  const scope = await evidenceScope(store, userId);
  const prepared = await preparedInBank(store, userId, scope, {
    documentId: item.documentId,
    questionKey,
    itemId,
  });
  const concerns = (await store.items.listItems(userId, { kind: "concern" }))
    .filter(isKind("concern"))
    .filter((concern) => scope.keepsItem(concern, item.documentId));
  // The role the answer's document is pitched for (what the web app passes), else the profile's.
  const documentRole = roleFromTarget(
    (await store.documents.listDocuments(userId)).find((d) => d.id === item.documentId)?.targetRole,
  );
  const resolvedRole =
    role ?? documentRole ?? roleFromTarget((await store.profiles.getProfile(userId)).targetRole);
  // The concern notes written under this question (attached to one of its answers).
  const questionAnswers = new Set(
    documentItems
      .filter(isKind("answer"))
      .filter((a) => questionKey !== undefined && a.questionKey === questionKey)
      .map((a) => a.key),
  );
  const attached = concerns.filter(
    (c) => c.documentId === item.documentId && c.answerKey !== undefined && questionAnswers.has(c.answerKey),
  );
  return {
    itemId,
    question,
    ...(scope.note === undefined ? {} : { sampleLeftOut: scope.note }),
    ...predictLinked(
      text,
      {
        ...(question.trim() === "" ? {} : { question }),
        ...(resolvedRole === undefined ? {} : { role: resolvedRole }),
      },
      prepared,
      concerns,
      attached,
      item.documentId,
    ),
  };
}

/**
 * "Prepare this": writes the user's answer to a predicted follow-up into the document, under
 * the question of the stored answer it was predicted for, as a follow-up of that question.
 * It is the user's own work (source "typed"): it has a history, a re-import keeps it, and the
 * Markdown and bank exports hold it.
 * @example const item = await prepareFollowUp(store, "local", q6.id, { question: "What would you do differently?", answer: "I would…" });
 */
export async function prepareFollowUp(
  store: Store,
  userId: string,
  itemId: string,
  input: { question: string; answer: string },
): Promise<StoredItem> {
  checkText(input.answer, "prepared answer");
  for (const text of [input.question, input.answer]) {
    const unstorable = unstorableText(text);
    if (unstorable) throw new DeriskError("BAD_INPUT", `The text ${unstorable}: remove it and retry.`);
  }
  const item = await store.items.getItem(userId, itemId);
  if (item.kind !== "answer") {
    throw new DeriskError(
      "BAD_INPUT",
      `Item ${itemId} is ${kindWithArticle(item.kind)}, not an answer: a follow-up is prepared under the answer it follows.`,
    );
  }
  const { id: documentId, ...doc } = await store.documents.loadDocument(userId, item.documentId);
  const { doc: next, followUp } = addFollowUp(doc, { questionKey: item.questionKey, ...input });
  const summary = (await store.documents.listDocuments(userId)).find((d) => d.id === documentId);
  await store.documents.saveDocument(userId, next, {
    documentId,
    source: "typed",
    contentSha256: createHash("sha256").update(renderPrepDocument(next)).digest("hex"),
    ...(summary?.filename === undefined ? {} : { filename: summary.filename }),
  });
  const saved = (await store.items.listItems(userId, { documentId, kind: "follow-up" })).find(
    (i) => i.key === followUp.key,
  );
  if (!saved) throw new DeriskError("INTERNAL", `The follow-up ${followUp.key} was not saved.`);
  return getItem(store, userId, saved.id);
}

/**
 * Predicts follow-ups and concerns for pasted text, linked to any prepared follow-up or
 * answer and any concern note in the user's bank.
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
  const scope = await evidenceScope(store, userId);
  const prepared = await preparedInBank(store, userId, scope);
  const concerns = (await store.items.listItems(userId, { kind: "concern" }))
    .filter(isKind("concern"))
    .filter((concern) => scope.keepsItem(concern));
  return {
    ...(options.question === undefined ? {} : { question: options.question }),
    ...(scope.note === undefined ? {} : { sampleLeftOut: scope.note }),
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
): Promise<Ranking & { sampleLeftOut?: string }> {
  if (question.length > 2000) {
    throw new DeriskError("TOO_LARGE", "The question is over 2,000 characters: give the question only.");
  }
  const scope = await evidenceScope(store, userId);
  const stories = (await listStories(store, userId)).filter((story) => scope.keepsStory(story));
  const usage: Record<string, number> = {};
  const lastPracticed: Record<string, string> = {};
  for (const story of stories) {
    if (story.sourceItemId === undefined) continue;
    usage[story.id] = 1;
    const [latest] = await store.attempts.listAttempts(userId, { itemId: story.sourceItemId, limit: 1 });
    if (latest) lastPracticed[story.id] = latest.startedAt.toISOString();
  }
  const role = options.role ?? roleFromTarget((await store.profiles.getProfile(userId)).targetRole);
  const now = (options.now ?? new Date()).toISOString();
  const ranking = await withSentenceEmbeddings((embeddings) =>
    rankStories(question, stories, {
      usage,
      lastPracticed,
      now,
      ...(role === undefined ? {} : { role }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(embeddings === undefined ? {} : { embeddings }),
    }),
  );
  return scope.note === undefined ? ranking : { ...ranking, sampleLeftOut: scope.note };
}

/**
 * The competency × story coverage matrix of the user's stored stories.
 * @example (await coverage(store, "local")).gaps // ["conflict", "feedback", …]
 */
export async function coverage(
  store: Store,
  userId: string,
): Promise<CoverageMatrix & { sampleLeftOut?: string }> {
  const scope = await evidenceScope(store, userId);
  const items = (await store.items.listItems(userId)).filter((item) => scope.keepsItem(item));
  // Prepared answers count as well as stories: the answers to each question, and the
  // prepared answers to follow-ups (not those that only point elsewhere).
  const stories = (await listStories(store, userId)).filter((story) => scope.keepsStory(story));
  // An answer made into a story is counted once, as the story.
  const told = new Set(stories.map((story) => story.sourceItemId));
  const answerItems = items.filter(isKind("answer")).filter((a) => !told.has(a.id));
  // A question answered in several variants names the variant, so the rows can tell them apart.
  const variantsOf = new Map<string, number>();
  for (const a of answerItems) {
    const group = `${a.documentId}\u0000${a.questionKey}`;
    variantsOf.set(group, (variantsOf.get(group) ?? 0) + 1);
  }
  // With more than one document, each entry names its document: the same question answered in
  // two documents would otherwise read as one answer listed twice.
  const documentIds = new Set(items.map((item) => item.documentId));
  const titles = new Map<string, string>();
  if (documentIds.size > 1) {
    for (const d of await store.documents.listDocuments(userId)) titles.set(d.id, d.title);
  }
  const documentOf = (item: { documentId: string }) => {
    const title = titles.get(item.documentId);
    return title === undefined ? {} : { document: title };
  };
  const answers = [
    ...answerItems.map((a) => ({
      id: a.id,
      question: a.question,
      text: answerText(a),
      ...((variantsOf.get(`${a.documentId}\u0000${a.questionKey}`) ?? 0) > 1 ? { variant: a.variant } : {}),
      ...documentOf(a),
    })),
    ...items
      .filter(isKind("follow-up"))
      .filter((f) => !f.pointer)
      .map((f) => ({ id: f.id, question: f.question, text: f.answer, followUp: true, ...documentOf(f) })),
  ];
  const accomplishments = items
    .filter(isKind("accomplishment"))
    .map((a) => ({ id: a.id, text: a.text, ...documentOf(a) }));
  // A story names the document of the answer or accomplishment it was drawn from, as they do.
  const byId = new Map(items.map((item) => [item.id, item]));
  const storyDocuments = new Map<string, string>();
  for (const story of stories) {
    const source = story.sourceItemId === undefined ? undefined : byId.get(story.sourceItemId);
    const title = source === undefined ? undefined : titles.get(source.documentId);
    if (title !== undefined) storyDocuments.set(story.id, title);
  }
  // Remembered analyses: the library and the prep sheet read the same answers.
  const matrix = coverageMatrix(stories, {
    answers,
    accomplishments,
    analyze: cachedAnalyze,
    storyDocuments,
  });
  return scope.note === undefined ? matrix : { ...matrix, sampleLeftOut: scope.note };
}

/**
 * Names the document of each piece of evidence when the bank holds more than one (the sample
 * counts: "Tell me about yourself" is asked in both), by the document's current title; a saved
 * tailoring reopened is named afresh, so a renamed document shows its new name.
 */
async function nameEvidenceDocuments(store: Store, userId: string, tailoring: Tailoring): Promise<void> {
  const documents = await store.documents.listDocuments(userId);
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const evidence = tailoring.requirements.flatMap((r) => r.evidence);
  for (const e of evidence) delete e.document;
  if (documents.length < 2 || evidence.length === 0) return;
  const documentOfItem = new Map(
    (await store.items.listItems(userId)).map((item) => [item.id, item.documentId]),
  );
  const sourceOfStory = new Map(
    (await listStories(store, userId)).map((story) => [story.id, story.sourceItemId]),
  );
  for (const e of evidence) {
    const itemId = e.source === "story" ? sourceOfStory.get(e.id) : e.id;
    const documentId = itemId === undefined ? undefined : documentOfItem.get(itemId);
    const title = documentId === undefined ? undefined : titles.get(documentId);
    if (title !== undefined) e.document = title;
  }
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
  const scope = await evidenceScope(store, userId);
  const stories = (await listStories(store, userId)).filter((story) => scope.keepsStory(story));
  const items = (await store.items.listItems(userId)).filter((item) => scope.keepsItem(item));
  const answerItems = items.filter(isKind("answer"));
  // A question answered in several variants names the variant ("Tell me about yourself
  // (trailer)"), as the library and coverage do, so two pieces of evidence can be told apart.
  const variantCount = new Map<string, number>();
  for (const a of answerItems) {
    const group = `${a.documentId}\u0000${a.questionKey}`;
    variantCount.set(group, (variantCount.get(group) ?? 0) + 1);
  }
  const answers = answerItems
    // Keyed by item id: keys repeat across documents, and the id opens the answer.
    .map((a) => ({
      key: a.id,
      text: answerText(a),
      question:
        (variantCount.get(`${a.documentId}\u0000${a.questionKey}`) ?? 0) > 1 && a.question.trim() !== ""
          ? `${a.question} (${a.variant})`
          : a.question,
    }));
  const accomplishments = items.filter(isKind("accomplishment")).map((a) => ({ key: a.id, text: a.text }));
  const profile = await store.profiles.getProfile(userId);
  const { background, goals, goalsFromAboutMe } = await ownBackground(store, userId, scope);
  const currentYear = (request.now ?? new Date()).getUTCFullYear();
  const tailoring = await withSentenceEmbeddings((embeddings) =>
    tailor(posting, stories, answers, {
      accomplishments,
      currentYear,
      ...(embeddings === undefined ? {} : { embeddings }),
    }),
  );
  // The same posting matched again (it is saved once): names the user gave it earlier win over
  // the ones read from the posting, unless new ones are given now. Only a tailoring that will be
  // saved looks: one posting is one entry, looked up by its text.
  const saving = request.save !== false && tailoring.requirements.length > 0;
  const earlier = saving ? await store.tailorings.findTailoring(userId, posting) : undefined;
  const company = request.company?.trim() || earlier?.company || tailoring.company;
  const title = request.title?.trim() || earlier?.title || tailoring.title;
  // A name the user gives is kept, and when the posting names another the user is told which is
  // used and what the posting says: a name typed for an earlier posting is kept as well, not
  // silently put on this one.
  for (const [what, given, read] of [
    ["company", request.company?.trim(), tailoring.company],
    ["role", request.title?.trim(), tailoring.title],
  ] as const) {
    if (given && read && given.toLowerCase() !== read.toLowerCase()) {
      tailoring.notes.push(`The ${what} is “${given}”, as you gave it; the posting names “${read}”.`);
    }
  }
  if (company) tailoring.company = company;
  if (title) tailoring.title = title;
  if (scope.note !== undefined) tailoring.notes.push(scope.note);
  const whyCompany = scaffoldWhyCompany(
    posting,
    {
      ...(profile.name === "" ? {} : { name: profile.name }),
      ...(profile.targetRole === undefined ? {} : { targetRole: profile.targetRole }),
      background,
      goals,
      goalsFromAboutMe,
      targetCompanies: profile.targetCompanies,
    },
    tailoring,
  );
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
  await nameEvidenceDocuments(store, userId, tailoring);
  if (request.save === false) return { posting, tailoring, whyCompany };
  // Nothing asked, nothing to reopen: a page with no requirement recognised is not kept (it was
  // listed as "0 of 0 evidenced").
  if (!saving) {
    tailoring.notes.push(
      "It was not saved: paste the part of the posting that lists what they ask for (requirements, responsibilities).",
    );
    return { posting, tailoring, whyCompany };
  }
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
  await nameEvidenceDocuments(store, userId, result.tailoring);
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

/** The user's prepared answers to a why-now (motivation) follow-up, as written. */
function preparedWhyNow(items: readonly StoreItem[]): string[] {
  return items
    .filter(isKind("follow-up"))
    .filter((f) => !f.pointer && f.answer.trim() !== "" && classify(f.question).competency === "motivation")
    .map((f) => f.answer);
}

/**
 * The user's background and goals in their own words: the profile's, or else the sentences
 * of their own about-me answer in the bank (pleasantries left out).
 */
async function ownBackground(
  store: Store,
  userId: string,
  scope: EvidenceScope,
): Promise<{ background: string[]; goals: string[]; goalsFromAboutMe: boolean }> {
  const profile = await store.profiles.getProfile(userId);
  if (profile.background.length > 0)
    return { background: profile.background, goals: [], goalsFromAboutMe: false };
  const aboutMe = (await store.items.listItems(userId, { kind: "answer" }))
    .filter((item) => scope.keepsItem(item))
    .filter(isKind("answer"))
    .find((answer) => answer.variant === "core" && classify(answer.question).competency === "about-me");
  // Pleasantries ("Thanks for having me.") open a spoken answer but say nothing about the path.
  const sentences = (aboutMe ? splitSentences(answerText(aboutMe)).map((span) => span.text) : []).filter(
    (sentence) =>
      !/^(?:thanks?|thank you|hi|hello|good (?:morning|afternoon|evening))\b[^.!?]{0,40}[.!?]$/i.test(
        sentence,
      ),
  );
  // Why now: the user's prepared answer to a why-now follow-up says it best; else the about-me
  // sentences that look ahead. "I'm now certified" says "now" but is background, not a reason.
  // A wish ("I'm excited to bring my depth to an applied ML team") looks ahead too: it is no
  // background to offer as a fit.
  const looksAhead = (sentence: string) =>
    (/\b(?:now|next|looking for|want to|hoping to|ready to)\b/i.test(sentence) || wishOnly(sentence)) &&
    !isCertification(sentence);
  // A prepared answer to "why now?" answers it whatever its words: "I want my models to meet
  // real users every week" says no "now" and is still the reason. Its sentences that look ahead
  // come first; a certification line is never the reason.
  const followUps = (await store.items.listItems(userId, { kind: "follow-up" })).filter((item) =>
    scope.keepsItem(item),
  );
  const prepared = preparedWhyNow(followUps).flatMap((answer) => {
    const said = splitSentences(stripMarkup(answer))
      .map((span) => span.text)
      .filter((sentence) => !isCertification(sentence));
    const ahead = said.filter(looksAhead);
    return ahead.length > 0 ? ahead : said;
  });
  const ahead = sentences.filter(looksAhead);
  const goals = prepared.length > 0 ? prepared.slice(0, 1) : ahead;
  return {
    background: sentences.filter((sentence) => !ahead.includes(sentence)),
    goals,
    goalsFromAboutMe: prepared.length === 0,
  };
}

/**
 * The "tell me about yourself" trailer (foundation → projects → production → now) from the
 * user's own about-me answer (the thread), their answers to "why now?" (the close), their
 * stories and their profile.
 * @example const trailer = await trailerFromBank(store, "local", 60); trailer.blanks
 */
export async function trailerFromBank(
  store: Store,
  userId: string,
  seconds: TrailerSeconds,
): Promise<BankTrailer> {
  const profile = await store.profiles.getProfile(userId);
  const scope = await evidenceScope(store, userId);
  const stories = (await listStories(store, userId)).filter((story) => scope.keepsStory(story));
  const items = (await store.items.listItems(userId)).filter((item) => scope.keepsItem(item));
  const answers = items.filter(isKind("answer"));
  const competencyOf = (question: string) => classify(question).competency;
  // The thread: the core about-me answer as told (the first, when several documents hold one).
  const aboutMe = answers.find((a) => a.variant === "core" && competencyOf(a.question) === "about-me");
  const thread = aboutMe ? splitSentences(stripMarkup(answerText(aboutMe))).map((s) => s.text) : [];
  // STAR answers not made into stories yet are material too (a fresh import has no stories).
  const converted = new Set(stories.map((story) => story.sourceItemId));
  const episodes = answers.flatMap((answer) => {
    const story = converted.has(answer.id) ? undefined : episodeOf(answer, answer.id);
    return story ? [{ itemId: answer.id, question: answer.question, story }] : [];
  });
  // Why now: prepared answers to a why-now follow-up first (the shortest say it best), then
  // the motivation answers.
  const motivation = [
    ...preparedWhyNow(items),
    ...answers.filter((a) => competencyOf(a.question) === "motivation").map((a) => answerText(a)),
  ];
  const trailer = buildTrailer(
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
    episodes,
  );
  const withNote: BankTrailer =
    scope.note === undefined ? trailer : { ...trailer, sampleLeftOut: scope.note };
  return aboutMe === undefined
    ? withNote
    : {
        ...withNote,
        aboutMe: {
          itemId: aboutMe.id,
          documentId: aboutMe.documentId,
          questionKey: aboutMe.questionKey,
          question: aboutMe.question,
          ...(aboutMe.questionNumber === undefined ? {} : { questionNumber: aboutMe.questionNumber }),
        },
      };
}
