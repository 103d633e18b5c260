/**
 * Practice (C6–C7): timed mock interviews and the technical drill on one FSRS schedule.
 * A session's state (current question, timer start, peeks) and every attempt's text live in
 * the store, so a reload or a killed server resumes at the same question with the same text.
 */
import { type Analysis, analyze, classify } from "../core/analysis/index.ts";
import { budgetFor as lensBudget } from "../core/analysis/timing.ts";
import { answerText } from "../core/answer-text.ts";
import { accruedAnswerMs, seenAt } from "../core/answer-time.ts";
import { snapshotScore } from "../core/attempt-score.ts";
import { checkDelivery, type Delivery } from "../core/delivery/index.ts";
import { DeriskError } from "../core/errors.ts";
import { COMPETENCIES, type Competency, type FollowUpItem, ROLE_IDS, type RoleId } from "../core/model.ts";
import type { NewCardsOutlook } from "../core/new-cards-outlook.ts";
import { predictFollowUps } from "../core/packaging/index.ts";
import { linkPrepared } from "../core/packaging/match.ts";
import type {
  AfterPeek,
  AttemptHistory,
  DueItem,
  PracticeEnded,
  PracticeFrom,
  PracticeKind,
  PracticeReport,
  PracticeStepView,
  PracticeView,
  RateResult,
  ReportStep,
  SkipResult,
  StepAttemptView,
  StepState,
  SubmitResult as SubmitResultOf,
} from "../core/practice-types.ts";
import {
  endOfLocalDay,
  type MemoryState,
  type RatingName,
  rateCard,
  ratingCode,
  selectDue,
} from "../core/schedule/index.ts";
import type { Attempt, Card, PracticeSession, PracticeStep, Profile, Repos, Store } from "../store/index.ts";
import { type DrillKey, drillFeedback, drillKeyFor, pickDrill } from "./drill.ts";
import { evidenceScope } from "./evidence-scope.ts";
import { newCardsToday, noNewCardsLeft } from "./new-cards.ts";
import { roleFromTarget } from "./packaging.ts";
import { gapCandidates, jobDescriptionCandidates } from "./practice-sources.ts";
import { adoptBankQuestion, BANK_ID_PREFIX, listQuestionBank } from "./questions.ts";
import { type TranscriptionProvider, transcriptionProvider } from "./transcription.ts";

/** A follow-up is answered in 20–45 s: shorter than the question it follows. */
export const FOLLOW_UP_BUDGET_SECONDS = 45;
export const DEFAULT_PRACTICE_COUNT = 5;
export const MAX_PRACTICE_COUNT = 20;
/** Longest attempt text accepted, in characters (a 2-minute answer is ~2,000). */
export const MAX_ATTEMPT_CHARS = 50_000;
/** Largest recording kept, in bytes: 10 MiB is over 20 minutes of Opus speech. */
export const MAX_RECORDING_BYTES = 10 * 1024 * 1024;
/** Audio formats a browser records in; a kept recording must be one of them. */
export const RECORDING_TYPES = ["audio/webm", "audio/ogg", "audio/mp4", "audio/wav", "audio/mpeg"] as const;

export type {
  AfterPeek,
  AttemptHistory,
  DueItem,
  PracticeEnded,
  PracticeFrom,
  PracticeKind,
  PracticeReport,
  PracticeStepView,
  PracticeView,
  RateResult,
  ReportStep,
  SkipResult,
  StepAttemptView,
  StepState,
};
/** A submitted answer: its analysis, the follow-up asked next, the session after it. */
export type SubmitResult = SubmitResultOf<Analysis>;

export interface StartPracticeRequest {
  from: PracticeFrom;
  /** Questions in the session (follow-ups come on top); default 5, at most 20. */
  count?: number;
  /** Default: the profile's target role when it names one. */
  role?: RoleId;
  now?: Date;
}

/** Something the user can practise, with what the schedule knows about it. */
export interface PracticeCandidate {
  kind: PracticeKind;
  itemId?: string;
  questionId?: string;
  questionText: string;
  competency: Competency;
  budgetSeconds: number;
  preparedAnswer?: string;
  /**
   * When `preparedAnswer` is the user's answer to another question (the closest they prepared,
   * for a bank, typed or gap question, or a posting's requirement): that question.
   */
  preparedFrom?: string;
  /** An answer's variant (core, alternative, …): two answers to one question are two cards. */
  variant?: string;
  card?: Card;
}

const ratingNames: Record<number, RatingName> = { 1: "again", 2: "hard", 3: "good", 4: "easy" };

function scoreOf(analysis: unknown): number | undefined {
  const read = snapshotScore(analysis);
  return "score" in read ? read.score : undefined;
}

/** The language of an answer the lens did not score (not English), to name in place of a score. */
function notScoredOf(analysis: unknown): { notScored: string } | Record<string, never> {
  const read = snapshotScore(analysis);
  return "notScored" in read ? { notScored: read.notScored } : {};
}

/** The answer or question id each question of a session was started with, by position. */
function startedRefs(source: unknown): Array<string | null> {
  const refs = (source as { refs?: unknown } | null)?.refs;
  return Array.isArray(refs) ? refs.map((r) => (typeof r === "string" ? r : null)) : [];
}

/**
 * The question of the user's answer a step's prepared answer is, when it is the closest they
 * prepared rather than their answer to this very question (kept in the session's source, by
 * position, as the ids asked are).
 */
function preparedFromOf(session: PracticeSession, step: PracticeStep): string | undefined {
  if (step.kind !== "question" || step.preparedAnswer === undefined) return undefined;
  const from = (session.source as { preparedFrom?: unknown } | null)?.preparedFrom;
  const question = Array.isArray(from) ? from[step.position] : undefined;
  return typeof question === "string" ? question : undefined;
}

/** A question whose answer or bank question was deleted since the session started. */
function isRemoved(step: PracticeStep, refs: Array<string | null>): boolean {
  return (
    step.kind === "question" &&
    typeof refs[step.position] === "string" &&
    step.itemId === undefined &&
    step.questionId === undefined
  );
}

/** A competency or role read back from the store, narrowed to the ids derisk knows. */
const isCompetency = (value: string | undefined): value is Competency =>
  (COMPETENCIES as readonly string[]).includes(value ?? "");
const isRole = (value: string | undefined): value is RoleId =>
  (ROLE_IDS as readonly string[]).includes(value ?? "");

function stepView(
  step: PracticeStep,
  attempt: Attempt | undefined,
  now: Date,
  context: {
    passed: boolean;
    removed: boolean;
    state: StepState;
    afterPeek?: AfterPeek;
    preparedFrom?: string;
  },
): PracticeStepView {
  // Answering time, not wall time: a resumed attempt shows what was counted before the break.
  const elapsedMs = attempt?.finishedAt
    ? attempt.durationMs
    : attempt
      ? accruedAnswerMs(attempt.durationMs, attempt.updatedAt, now)
      : 0;
  const score = scoreOf(attempt?.analysis);
  return {
    id: step.id,
    kind: step.kind,
    questionText: step.questionText,
    ...(isCompetency(step.competency) ? { competency: step.competency } : {}),
    budgetSeconds: step.budgetSeconds,
    ...(step.itemId === undefined ? {} : { itemId: step.itemId }),
    ...(step.questionId === undefined ? {} : { questionId: step.questionId }),
    ...(step.followUpOf === undefined ? {} : { followUpOf: step.followUpOf }),
    hasPreparedAnswer: step.preparedAnswer !== undefined,
    peeked: step.peeked,
    ...((step.peeked || attempt?.finishedAt !== undefined) && step.preparedAnswer !== undefined
      ? {
          preparedAnswer: step.preparedAnswer,
          ...(context.preparedFrom === undefined ? {} : { preparedFrom: context.preparedFrom }),
        }
      : {}),
    ...(step.timerStartedAt === undefined ? {} : { timerStartedAt: step.timerStartedAt }),
    elapsedMs,
    ...(attempt === undefined
      ? {}
      : {
          attempt: {
            id: attempt.id,
            text: attempt.text,
            revision: attempt.revision,
            finished: attempt.finishedAt !== undefined,
            mode: attempt.mode,
            ...(attempt.delivery === undefined ? {} : { delivery: attempt.delivery }),
            hasRecording: attempt.audioRef !== undefined,
            ...(attempt.selfRating === undefined
              ? {}
              : { selfRating: ratingNames[attempt.selfRating] as RatingName }),
            ...(score === undefined ? {} : { score }),
            ...notScoredOf(attempt.analysis),
          },
        }),
    skipped: context.passed && attempt?.finishedAt === undefined,
    removed: context.removed,
    state: context.state,
    ...(context.afterPeek === undefined ? {} : { afterPeek: context.afterPeek }),
  };
}

async function viewOf(
  repos: Repos,
  userId: string,
  session: PracticeSession,
  now: Date,
): Promise<PracticeView> {
  const steps: PracticeStepView[] = [];
  const refs = startedRefs(session.source);
  const currentAt = session.steps.findIndex((step) => step.id === session.currentStepId);
  const lastAnswered = await lastAnsweredOf(repos, userId, session);
  for (const [index, step] of session.steps.entries()) {
    const attempt = step.attemptId ? await repos.attempts.getAttempt(userId, step.attemptId) : undefined;
    const removed = isRemoved(step, refs);
    const passed = isPast(session, index, currentAt);
    const { state, afterPeek } = stepState(session, step, attempt, { removed, passed, lastAnswered });
    const from = preparedFromOf(session, step);
    const view = stepView(step, attempt, now, {
      // Passed by the candidate: not a step the interview was ended before, nor one peeked at.
      passed: passed && (state === "skipped" || state === "removed") && !notReached(session, step),
      removed,
      state,
      ...(afterPeek === undefined ? {} : { afterPeek }),
      ...(from === undefined ? {} : { preparedFrom: from }),
    });
    const variant = await variantOf(repos, userId, step);
    if (variant !== undefined) view.variant = variant;
    if (attempt?.finishedAt !== undefined) {
      const key = await keyPointsFor(repos, userId, session, step);
      if (key) view.drill = await drillFeedback(attempt.text, key);
    }
    steps.push(view);
  }
  const currentIndex = steps.findIndex((step) => step.id === session.currentStepId);
  const current = steps[currentIndex];
  return {
    id: session.id,
    ...(isRole(session.role) ? { role: session.role } : {}),
    status: session.status,
    source: session.source as PracticeView["source"],
    createdAt: session.createdAt,
    ...(session.finishedAt === undefined ? {} : { finishedAt: session.finishedAt }),
    ...endedOf(session),
    ...(current === undefined ? {} : { currentIndex, current }),
    steps,
  };
}

/** A step the interview was ended before: the one on screen when it was ended, and those after it. */
function notReached(session: PracticeSession, step: PracticeStep): boolean {
  return session.ended !== undefined && step.position >= session.ended.position;
}

/**
 * Where a step stands (see StepState): an answer wins over everything; a step whose answer or
 * question was deleted says so even when the interview was ended before it. A step whose prepared
 * answer was peeked at is "peeked" once it is behind the session, whatever came after the peek
 * (`afterPeek`): an answer given after reading the prepared one is no clean answer, and a question
 * passed after reading it is no plain skip. The step on screen stays "open" (its `peeked` says so).
 */
function stepState(
  session: PracticeSession,
  step: PracticeStep,
  attempt: Attempt | undefined,
  context: { removed: boolean; passed: boolean; lastAnswered: number },
): { state: StepState; afterPeek?: AfterPeek } {
  const state = baseState(session, step, attempt, context);
  if (!step.peeked) return { state };
  const afterPeek: AfterPeek | undefined =
    state === "answered"
      ? "answered"
      : state === "skipped"
        ? "skipped"
        : state === "not-reached"
          ? "ended"
          : state === "unanswered"
            ? "unanswered"
            : undefined;
  return afterPeek === undefined ? { state } : { state: "peeked", afterPeek };
}

/** Where a step stands, peeks aside. */
function baseState(
  session: PracticeSession,
  step: PracticeStep,
  attempt: Attempt | undefined,
  context: { removed: boolean; passed: boolean; lastAnswered: number },
): Exclude<StepState, "peeked"> {
  if (attempt?.finishedAt !== undefined) return "answered";
  if (context.removed) return "removed";
  if (notReached(session, step)) return "not-reached";
  if (context.passed && unknownEnd(session, step, context.lastAnswered)) return "unanswered";
  return context.passed ? "skipped" : "open";
}

/**
 * A step past the last answer of a session finished before its end was recorded (migration 0015):
 * skipped one by one, or left when the interview was ended early, nothing stored says which.
 * Before its last answer a step was passed, so skipped.
 */
function unknownEnd(session: PracticeSession, step: PracticeStep, lastAnswered: number): boolean {
  return session.endUnknown === true && step.position > lastAnswered;
}

/** The position of a session's last answered step (-1 with none). */
async function lastAnsweredOf(repos: Repos, userId: string, session: PracticeSession): Promise<number> {
  let last = -1;
  for (const step of session.steps) {
    if (step.attemptId === undefined) continue;
    const attempt = await repos.attempts.getAttempt(userId, step.attemptId);
    if (attempt.finishedAt !== undefined) last = Math.max(last, step.position);
  }
  return last;
}

/** A session ended early: when, and how many questions it had passed by then. */
function endedOf(session: PracticeSession): { ended: PracticeEnded } | Record<string, never> {
  const { ended } = session;
  if (ended === undefined) return {};
  const afterQuestion = session.steps.filter(
    (s) => s.kind === "question" && s.position < ended.position,
  ).length;
  return { ended: { at: ended.at, afterQuestion } };
}

/**
 * Whether a step is behind the session: the session is over (finished, or past its last question
 * and waiting only for a rating), or the step comes before the current one.
 */
function isPast(session: PracticeSession, index: number, currentAt: number): boolean {
  return (
    session.status === "finished" ||
    session.currentStepId === undefined ||
    (currentAt >= 0 && index < currentAt)
  );
}

/** Questions answered and not rated yet, but `except` (the one being rated now). */
async function unratedAnswers(
  tx: Repos,
  userId: string,
  session: PracticeSession,
  except?: string,
): Promise<number> {
  let count = 0;
  for (const step of session.steps) {
    if (step.kind !== "question" || step.attemptId === undefined || step.id === except) continue;
    const attempt = await tx.attempts.getAttempt(userId, step.attemptId);
    if (attempt.finishedAt !== undefined && attempt.selfRating === undefined) count += 1;
  }
  return count;
}

/**
 * Moves the session to `next`; past its last step, the session finishes unless an answer still
 * waits for its rating: it stays active (with no current step), so a closed tab or a killed
 * terminal finds it to resume and rate.
 */
async function moveTo(tx: Repos, userId: string, session: PracticeSession, next: PracticeStep | undefined) {
  if (next !== undefined) return tx.practice.setCurrentStep(userId, session.id, next.id);
  const fresh = await tx.practice.getSession(userId, session.id);
  const keepOpen = (await unratedAnswers(tx, userId, fresh)) > 0;
  return tx.practice.setCurrentStep(userId, session.id, undefined, { keepOpen });
}

/** The variant of the answer a question practises, unless it is the core script (or gone). */
async function variantOf(repos: Repos, userId: string, step: PracticeStep): Promise<string | undefined> {
  if (step.kind !== "question" || step.itemId === undefined) return undefined;
  const item = await repos.items.getItem(userId, step.itemId).catch(() => undefined);
  return item?.kind === "answer" && item.variant !== "core" ? item.variant : undefined;
}

function isDrill(session: PracticeSession): boolean {
  return (session.source as { kind?: unknown } | null)?.kind === "drill";
}

/**
 * The key points a step's answer is checked against, when it is checked that way: every step of
 * a drill session, and a technical question of the user's documents wherever it comes up (a
 * "Cards due" session mixes them with answers). The behavioral lens's verdicts on such an
 * answer ("say what you did yourself", "back the claim with a figure") say nothing about an
 * explanation of overfitting.
 */
async function keyPointsFor(
  repos: Repos,
  userId: string,
  session: PracticeSession,
  step: { kind: string; itemId?: string; questionId?: string },
): Promise<DrillKey | undefined> {
  if (isDrill(session)) return drillKeyFor(repos, userId, step);
  if (step.kind !== "question" || step.itemId === undefined) return undefined;
  const item = await repos.items.getItem(userId, step.itemId).catch(() => undefined);
  return item?.kind === "technical-question" ? drillKeyFor(repos, userId, step) : undefined;
}

/**
 * A question's time budget: the answer's own, else the profile's, else the upper end of the
 * window the risk lens reads this competency against (about-me 2 min 30 s, a story 2 min), so
 * practice and the library's lens never disagree on whether the same answer is too long.
 */
function budgetFor(profile: Profile, competency: Competency, own?: number): number {
  return own ?? profile.budgets[competency] ?? profile.budgets.answer ?? lensBudget(competency, {}).max;
}

/**
 * The window a practice answer is read against: the lens's own window for its competency when
 * the step's budget is that window's upper end (the library reads the answer the same way),
 * else the step's budget as given.
 */
function analysisBudget(step: PracticeStep): number | { min: number; max: number } {
  if (step.kind === "follow-up" || !isCompetency(step.competency)) return step.budgetSeconds;
  const window = lensBudget(step.competency, {});
  return window.max === step.budgetSeconds ? window : step.budgetSeconds;
}

const FAR_FUTURE = new Date(8.64e15);

/**
 * Everything the user can practise: answers, technical questions of their documents and bank
 * questions, each with its card when it has been rated.
 * @example const all = await practiceCandidates(store, "local");
 */
export async function practiceCandidates(
  store: Repos,
  userId: string,
  options: { withSample?: boolean } = {},
): Promise<PracticeCandidate[]> {
  const profile = await store.profiles.getProfile(userId);
  // derisk's sample is someone else's made-up answers: once the user has a document of their
  // own, the due queue, the counts and a session drawn from the bank leave it out (a question
  // picked by its id, from the sample's own page, is still practised).
  const documents = await store.documents.listDocuments(userId);
  const samples = new Set(documents.filter((d) => d.sample).map((d) => d.id));
  const leftOut =
    options.withSample === true || samples.size === documents.length ? new Set<string>() : samples;
  const cards = await store.cards.listDueCards(userId, FAR_FUTURE);
  const byItem = new Map(cards.filter((c) => c.itemId).map((c) => [c.itemId as string, c]));
  const byQuestion = new Map(cards.filter((c) => c.questionId).map((c) => [c.questionId as string, c]));
  const out: PracticeCandidate[] = [];
  for (const item of await store.items.listItems(userId, { kind: "answer" })) {
    if (item.kind !== "answer" || leftOut.has(item.documentId)) continue;
    const competency = classify(item.question).competency;
    const card = byItem.get(item.id);
    out.push({
      kind: "answer",
      itemId: item.id,
      questionText: item.question,
      variant: item.variant,
      competency,
      budgetSeconds: budgetFor(profile, competency, item.budgetSeconds),
      preparedAnswer: answerText(item),
      ...(card ? { card } : {}),
    });
  }
  const technicalItems = new Set<string>();
  for (const item of await store.items.listItems(userId, { kind: "technical-question" })) {
    if (item.kind !== "technical-question") continue;
    technicalItems.add(item.id);
    if (leftOut.has(item.documentId)) continue;
    const card = byItem.get(item.id);
    out.push({
      kind: "technical",
      itemId: item.id,
      questionText: item.text,
      competency: item.competency,
      budgetSeconds: budgetFor(profile, item.competency),
      ...(item.keyPoints.length > 0
        ? { preparedAnswer: item.keyPoints.map((p) => `• ${p}`).join("\n") }
        : {}),
      ...(card ? { card } : {}),
    });
  }
  for (const question of await store.questions.listQuestions(userId)) {
    if (question.itemId !== undefined && technicalItems.has(question.itemId)) continue;
    const card = byQuestion.get(question.id);
    out.push({
      kind: "question",
      questionId: question.id,
      questionText: question.text,
      competency: question.competency,
      budgetSeconds: budgetFor(profile, question.competency),
      ...(question.keyPoints.length > 0
        ? { preparedAnswer: question.keyPoints.map((p) => `• ${p}`).join("\n") }
        : {}),
      ...(card ? { card } : {}),
    });
  }
  return out;
}

function memoryOf(card: Card | undefined): MemoryState | undefined {
  if (!card) return undefined;
  const { id: _i, itemId: _it, questionId: _q, updatedAt: _u, ...memory } = card;
  return memory;
}

/**
 * What is due now across answers and technical questions: overdue cards first (most overdue
 * first; a tie keeps the order below), then never-practised items (`due: null`), as many as the
 * day's allowance of new cards leaves (the user's new cards a day, less those first rated today
 * in the user's zone), in a fixed order: answers, then technical questions, each by document
 * (oldest import first) and position in it, then the user's own questions oldest first. The same
 * data lists the same way.
 * @example const due = await listDue(store, "local", { now: new Date(), limit: 20 });
 */
export async function listDue(store: Repos, userId: string, options: DueOptions = {}): Promise<DueItem[]> {
  return (await dueQueue(store, userId, options)).due;
}

export interface DueOptions {
  now?: Date;
  limit?: number;
  includeNew?: boolean;
  timezoneOffsetMinutes?: number;
}

/**
 * The due queue (`listDue`) with its new cards' outlook: how many wait, how many today, how
 * many tomorrow.
 * @example const { due, newCards } = await dueQueue(store, "local"); // newCards.tomorrow: 10
 */
export async function dueQueue(
  store: Repos,
  userId: string,
  options: DueOptions = {},
): Promise<{ due: DueItem[]; newCards: NewCardsOutlook }> {
  const now = options.now ?? new Date();
  const candidates = await practiceCandidates(store, userId);
  const { perDay, leftToday } = await newCardsToday(store, userId, now, options.timezoneOffsetMinutes);
  const due = selectDue(
    candidates.map((candidate) => {
      const memory = memoryOf(candidate.card);
      return memory ? { ref: candidate, memory } : { ref: candidate };
    }),
    now,
    {
      newLimit: leftToday,
      dayEnd: endOfLocalDay(now, options.timezoneOffsetMinutes ?? now.getTimezoneOffset()),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.includeNew === undefined ? {} : { includeNew: options.includeNew }),
    },
  );
  const waiting = candidates.filter((c) => c.card === undefined).length;
  const today = Math.min(waiting, leftToday);
  return {
    due: due.map(({ ref, status, due: when }) => ({
      kind: ref.kind,
      ...(ref.itemId === undefined ? {} : { itemId: ref.itemId }),
      ...(ref.questionId === undefined ? {} : { questionId: ref.questionId }),
      questionText: ref.questionText,
      ...(ref.variant === undefined ? {} : { variant: ref.variant }),
      competency: ref.competency,
      // A never-rated card has no schedule: "now" would make two runs on the same data differ.
      ...(status === "overdue" ? { status, due: when } : { status, due: null }),
    })),
    newCards: { perDay, leftToday, waiting, today, tomorrow: Math.min(waiting - today, perDay) },
  };
}

function checkCount(count: number | undefined): number {
  const n = count ?? DEFAULT_PRACTICE_COUNT;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PRACTICE_COUNT) {
    throw new DeriskError(
      "BAD_INPUT",
      `The number of questions must be 1–${MAX_PRACTICE_COUNT}, not ${count}.`,
    );
  }
  return n;
}

/** One question per wording: two variants of the same answer are not asked twice in a row. */
function distinctQuestions(candidates: PracticeCandidate[], count: number): PracticeCandidate[] {
  const seen = new Set<string>();
  const out: PracticeCandidate[] = [];
  for (const candidate of candidates) {
    const key = candidate.questionText.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(candidate);
    if (out.length === count) break;
  }
  return out;
}

/**
 * The user's own questions of a competency, then the built-in bank's (behavioral and technical)
 * up to `count`: "One competency" works for a competency the user has written nothing for yet.
 * A bank question picked becomes the user's row, so its rating schedules it like any other.
 */
async function withBankQuestions(
  store: Store,
  userId: string,
  competency: Competency,
  own: PracticeCandidate[],
  count: number,
): Promise<PracticeCandidate[]> {
  const profile = await store.profiles.getProfile(userId);
  // Bank questions already adopted are rows, listed among the user's own candidates.
  const fresh = (await listQuestionBank(store, userId, { competency })).filter((q) =>
    q.id.startsWith(BANK_ID_PREFIX),
  );
  const bankIdOf = new Map<PracticeCandidate, string>();
  const offered = fresh.map((q) => {
    const candidate: PracticeCandidate = {
      kind: "question",
      questionText: q.text,
      competency,
      budgetSeconds: budgetFor(profile, competency),
      ...(q.keyPoints.length > 0 ? { preparedAnswer: q.keyPoints.map((p) => `• ${p}`).join("\n") } : {}),
    };
    bankIdOf.set(candidate, q.id);
    return candidate;
  });
  const picked = distinctQuestions([...own, ...offered], count);
  const out: PracticeCandidate[] = [];
  for (const candidate of picked) {
    const bankId = bankIdOf.get(candidate);
    if (bankId === undefined) {
      out.push(candidate);
      continue;
    }
    const adopted = await adoptBankQuestion(store, userId, bankId);
    out.push({ ...candidate, questionId: adopted.id });
  }
  return out;
}

async function pickQuestions(
  store: Store,
  userId: string,
  from: PracticeFrom,
  count: number,
  now: Date,
): Promise<PracticeCandidate[]> {
  if (from.kind === "question") {
    const text = from.text.trim();
    if (text === "")
      throw new DeriskError("BAD_INPUT", "The question is empty: type the question to practise.");
    if (text.length > 2000)
      throw new DeriskError("TOO_LARGE", "The question is over 2,000 characters: ask one question.");
    const profile = await store.profiles.getProfile(userId);
    const competency = classify(text).competency;
    return [
      { kind: "question", questionText: text, competency, budgetSeconds: budgetFor(profile, competency) },
    ];
  }
  if (from.kind === "jd") {
    const profile = await store.profiles.getProfile(userId);
    const picked = await jobDescriptionCandidates(
      store,
      userId,
      from.text,
      (competency) => budgetFor(profile, competency),
      count,
    );
    if (picked.length === 0) {
      throw new DeriskError(
        "BAD_INPUT",
        "No requirement was recognised in the job description: paste the posting's text, with its responsibilities and requirements.",
      );
    }
    return picked;
  }
  if (from.kind === "drill") {
    const profile = await store.profiles.getProfile(userId);
    const picks = await pickDrill(store, userId, {
      count,
      now,
      ...(from.tag === undefined ? {} : { tag: from.tag }),
    });
    return picks.map(({ question, card }) => ({
      kind: question.origin === "imported" ? "technical" : "question",
      ...(question.itemId === undefined || question.origin !== "imported" ? {} : { itemId: question.itemId }),
      ...(question.questionId === undefined ? {} : { questionId: question.questionId }),
      questionText: question.text,
      competency: question.competency,
      budgetSeconds: budgetFor(profile, question.competency),
      ...(question.keyPoints.length > 0
        ? { preparedAnswer: question.keyPoints.map((p) => `• ${p}`).join("\n") }
        : {}),
      ...(card ? { card } : {}),
    }));
  }
  if (from.kind === "items") {
    if (from.ids.length === 0)
      throw new DeriskError("BAD_INPUT", "Pick at least one answer or question to practise.");
    // Picked by id, a sample question is practised too.
    const anyOf = await practiceCandidates(store, userId, { withSample: true });
    return from.ids.slice(0, count).map((id) => {
      const found = anyOf.find((c) => c.itemId === id || c.questionId === id);
      if (!found) {
        throw new DeriskError("NOT_FOUND", `No answer or question with id ${id} in your bank`, {
          hint: {
            cli: ": check the id (derisk due lists what you can practise); it may have been deleted.",
            web: ": check the id (Practice lists what you can practise); it may have been deleted.",
          },
        });
      }
      return found;
    });
  }
  const candidates = await practiceCandidates(store, userId);
  const ranked = selectDue(
    candidates.map((candidate) => {
      const memory = memoryOf(candidate.card);
      return memory ? { ref: candidate, memory } : { ref: candidate };
    }),
    now,
    { dayEnd: endOfLocalDay(now, now.getTimezoneOffset()) },
  ).map((entry) => entry.ref);
  if (from.kind === "gaps") {
    const profile = await store.profiles.getProfile(userId);
    const picked = await gapCandidates(
      store,
      userId,
      ranked,
      (competency) => budgetFor(profile, competency),
      count,
    );
    if (picked.length === 0) {
      throw new DeriskError(
        "NOT_FOUND",
        "Your stories cover every competency: practise what is due instead, or pick one competency.",
      );
    }
    return picked;
  }
  if (from.kind === "due") {
    // Never-practised ones only as many as today's allowance of new cards leaves.
    const { perDay, leftToday: newLimit } = await newCardsToday(store, userId, now);
    const allowed = selectDue(
      candidates.map((candidate) => {
        const memory = memoryOf(candidate.card);
        return memory ? { ref: candidate, memory } : { ref: candidate };
      }),
      now,
      { newLimit, dayEnd: endOfLocalDay(now, now.getTimezoneOffset()) },
    ).map((entry) => entry.ref);
    const picked = distinctQuestions(allowed, count);
    if (picked.length === 0 && newLimit === 0 && candidates.some((c) => c.card === undefined)) {
      throw new DeriskError("NOT_FOUND", `Nothing is due now and ${noNewCardsLeft(perDay)}`, {
        hint: {
          cli: ". Practise more now by choice: derisk practice --competency NAME, or --question TEXT.",
          web: ". Practise more now by choice: one competency or questions you pick.",
        },
      });
    }
    if (picked.length === 0) {
      throw new DeriskError("NOT_FOUND", "Nothing is due", {
        hint: {
          cli: ": import a prep document (derisk import prep.md) or come back when a card is due (derisk due).",
          web: ": practise your coverage gaps, one competency or questions you pick, or come back when a card is due.",
        },
      });
    }
    return picked;
  }
  if (!(COMPETENCIES as readonly string[]).includes(from.competency)) {
    throw new DeriskError(
      "BAD_INPUT",
      `Unknown competency "${from.competency}": use one of ${COMPETENCIES.join(", ")}.`,
    );
  }
  // Due ones first, then the rest of the competency, soonest due first.
  const inCompetency = candidates.filter((c) => c.competency === from.competency);
  const rest = inCompetency
    .filter((c) => !ranked.includes(c))
    .sort((a, b) => (a.card?.due.getTime() ?? 0) - (b.card?.due.getTime() ?? 0));
  const own = distinctQuestions([...ranked.filter((c) => c.competency === from.competency), ...rest], count);
  const picked =
    own.length < count ? await withBankQuestions(store, userId, from.competency, own, count) : own;
  if (picked.length === 0) {
    throw new DeriskError(
      "NOT_FOUND",
      `Nothing to practise for ${from.competency}: no answer or question of yours has that competency.`,
    );
  }
  return picked;
}

/**
 * A question asked of the user that is none of their answers (a bank, typed or gap question)
 * gets their closest prepared answer to peek at: their answer to the question the shared matcher
 * finds asks the same (`linkPrepared`), else their answer to a question of the same competency.
 * The bank question's key points, where it has some, follow it. Nothing of theirs fits: as it was.
 */
async function withClosestPrepared(
  store: Store,
  userId: string,
  picked: PracticeCandidate[],
): Promise<PracticeCandidate[]> {
  const open = picked.filter(
    (c) => c.kind === "question" && c.itemId === undefined && c.preparedFrom === undefined,
  );
  if (open.length === 0) return picked;
  // The sample's answers are not the user's to peek at once they have their own.
  const scope = await evidenceScope(store, userId);
  const answers = (await store.items.listItems(userId, { kind: "answer" })).flatMap((item) =>
    item.kind === "answer" && scope.keepsItem(item) && answerText(item).trim() !== ""
      ? [
          {
            key: item.id,
            question: item.question,
            answer: answerText(item),
            competency: classify(item.question).competency,
          },
        ]
      : [],
  );
  if (answers.length === 0) return picked;
  return picked.map((candidate) => {
    if (!open.includes(candidate)) return candidate;
    const [linked] = linkPrepared(candidate.questionText, answers, { limit: 1 });
    const closest =
      (linked && answers.find((a) => a.key === linked.key)) ??
      answers.find((a) => a.competency === candidate.competency);
    if (closest === undefined) return candidate;
    const keyPoints = candidate.preparedAnswer;
    return {
      ...candidate,
      preparedAnswer:
        keyPoints === undefined
          ? closest.answer
          : `${closest.answer}\n\nKey points of this question:\n${keyPoints}`,
      preparedFrom: closest.question,
    };
  });
}

/**
 * Starts a practice session of `count` questions (picked from what is due, one competency,
 * a hand-picked list of ids, or one question typed now). The first question is current.
 * @example const session = await startPractice(store, "local", { from: { kind: "due" }, count: 3, role: "ml-engineer" });
 */
export async function startPractice(
  store: Store,
  userId: string,
  request: StartPracticeRequest,
): Promise<PracticeView> {
  const now = request.now ?? new Date();
  const count = checkCount(request.count);
  const profile = await store.profiles.getProfile(userId);
  const role = request.role ?? roleFromTarget(profile.targetRole);
  const asked = await pickQuestions(store, userId, request.from, count, now);
  // A drill is checked by key points; any other question of no answer of the user's gets the
  // user's closest prepared answer to peek at.
  const picked = request.from.kind === "drill" ? asked : await withClosestPrepared(store, userId, asked);
  const preparedFrom = picked.map((c) => c.preparedFrom ?? null);
  const session = await store.practice.createSession(userId, {
    ...(role === undefined ? {} : { role }),
    // The ids asked, by position: a question whose answer is deleted later can say so.
    source: {
      ...request.from,
      refs: picked.map((c) => c.itemId ?? c.questionId ?? null),
      ...(preparedFrom.some((q) => q !== null) ? { preparedFrom } : {}),
    },
    steps: picked.map((c) => ({
      kind: "question",
      ...(c.itemId === undefined ? {} : { itemId: c.itemId }),
      ...(c.questionId === undefined ? {} : { questionId: c.questionId }),
      questionText: c.questionText,
      competency: c.competency,
      budgetSeconds: c.budgetSeconds,
      ...(c.preparedAnswer === undefined ? {} : { preparedAnswer: c.preparedAnswer }),
    })),
  });
  return viewOf(store, userId, session, now);
}

/**
 * A session as it stands: the current question, its timer, and each step's attempt.
 * @example const { current } = await getPractice(store, "local", sessionId);
 */
export async function getPractice(
  store: Store,
  userId: string,
  sessionId: string,
  now = new Date(),
): Promise<PracticeView> {
  return viewOf(store, userId, await store.practice.getSession(userId, sessionId), now);
}

/**
 * The user's sessions, newest first (an active one can be resumed).
 * @example const [latest] = await listPractice(store, "local", { status: "active", limit: 1 });
 */
export async function listPractice(
  store: Store,
  userId: string,
  filter: { status?: PracticeSession["status"]; limit?: number } = {},
): Promise<PracticeView[]> {
  const now = new Date();
  const sessions = await store.practice.listSessions(userId, filter);
  return Promise.all(sessions.map((session) => viewOf(store, userId, session, now)));
}

function currentStep(session: PracticeSession, stepId: string | undefined): PracticeStep {
  if (session.status === "active" && session.currentStepId === undefined) {
    throw new DeriskError(
      "CONFLICT",
      "Every question of this practice session is answered: rate your last answer, or start a new session.",
    );
  }
  if (session.status === "finished" || session.currentStepId === undefined) {
    throw new DeriskError(
      "CONFLICT",
      "This practice session is finished: start a new one to keep practising.",
    );
  }
  const step = session.steps.find((s) => s.id === session.currentStepId);
  if (!step) throw new DeriskError("INTERNAL", `Session ${session.id} points at a missing step.`);
  // An id that is no step of this session (a typo, another session's) is not a stale tab.
  if (stepId !== undefined && !session.steps.some((s) => s.id === stepId)) {
    throw new DeriskError(
      "NOT_FOUND",
      `No step ${stepId} in practice session ${session.id}: reload to see the current question.`,
    );
  }
  if (stepId !== undefined && stepId !== step.id) {
    throw new DeriskError(
      "CONFLICT",
      "That question was already answered (in another tab?): reload to see the current question.",
    );
  }
  return step;
}

/**
 * The current step's attempt, created (and its timer started) on first use; each later call is a
 * contact from the answering screen and counts the answering time since the previous one.
 */
async function ensureAttempt(
  tx: Repos,
  userId: string,
  session: PracticeSession,
  step: PracticeStep,
  now: Date,
): Promise<{ step: PracticeStep; attempt: Attempt }> {
  if (step.attemptId) {
    const started = step.timerStartedAt
      ? step
      : await tx.practice.updateStep(userId, session.id, step.id, { timerStartedAt: now });
    const attempt = await tx.attempts.getAttempt(userId, step.attemptId);
    if (attempt.finishedAt !== undefined) return { step: started, attempt };
    const durationMs = accruedAnswerMs(attempt.durationMs, attempt.updatedAt, now);
    const at = seenAt(attempt.updatedAt, now);
    await tx.attempts.touchAttempt(userId, attempt.id, { durationMs, at });
    return { step: started, attempt: { ...attempt, durationMs, updatedAt: at } };
  }
  const attempt = await tx.attempts.createAttempt(userId, {
    ...(step.itemId === undefined ? {} : { itemId: step.itemId }),
    ...(step.questionId === undefined ? {} : { questionId: step.questionId }),
    questionText: step.questionText,
    mode: "typed",
    startedAt: step.timerStartedAt ?? now,
  });
  const updated = await tx.practice.updateStep(userId, session.id, step.id, {
    timerStartedAt: now,
    attemptId: attempt.id,
  });
  return { step: updated, attempt };
}

/**
 * Starts the timer of the current question and creates its (empty) attempt; calling it
 * again changes nothing, so a reload keeps the original start.
 * @example const view = await beginAnswer(store, "local", sessionId);
 */
export async function beginAnswer(
  store: Store,
  userId: string,
  sessionId: string,
  options: { stepId?: string; now?: Date } = {},
): Promise<PracticeView> {
  const now = options.now ?? new Date();
  await store.transaction(async (tx) => {
    const session = await tx.practice.getSession(userId, sessionId);
    await ensureAttempt(tx, userId, session, currentStep(session, options.stepId), now);
  });
  return getPractice(store, userId, sessionId, now);
}

export interface DraftRequest {
  text: string;
  /** Increasing per save from one client; a late, older save is ignored. */
  revision?: number;
  stepId?: string;
  now?: Date;
}

function checkAttemptText(text: string): void {
  if (text.length > MAX_ATTEMPT_CHARS) {
    throw new DeriskError(
      "TOO_LARGE",
      // "62500 characters, over the 50 K limit" gave no way out: the sizes as people write them, and the fix.
      `The answer is ${text.length.toLocaleString("en-US")} characters, over the limit of ${MAX_ATTEMPT_CHARS.toLocaleString("en-US")} for one attempt: shorten it by at least ${(text.length - MAX_ATTEMPT_CHARS).toLocaleString("en-US")} characters (a 2-minute answer is about 2,000).`,
    );
  }
}

/**
 * Autosaves the current answer's text (clients call it debounced, ≤ 1 s): one transaction;
 * the first save creates the attempt and starts the timer if nothing did.
 * @example await saveDraft(store, "local", sessionId, { text: "In my last role…", revision: 4 });
 */
export async function saveDraft(
  store: Store,
  userId: string,
  sessionId: string,
  request: DraftRequest,
): Promise<{
  attemptId: string;
  saved: boolean;
  elapsedMs: number;
  /** When not saved: the newer revision stored, and its text (another tab's, or the same). */
  stored?: { revision: number; text: string };
}> {
  checkAttemptText(request.text);
  const now = request.now ?? new Date();
  return store.transaction(async (tx) => {
    const session = await tx.practice.getSession(userId, sessionId);
    const { attempt } = await ensureAttempt(tx, userId, session, currentStep(session, request.stepId), now);
    const elapsedMs = attempt.durationMs;
    const result = await tx.attempts.autosaveAttempt(userId, attempt.id, {
      text: request.text,
      durationMs: elapsedMs,
      at: attempt.updatedAt,
      ...(request.revision === undefined ? {} : { revision: request.revision }),
    });
    return result.saved
      ? { attemptId: attempt.id, saved: true, elapsedMs }
      : {
          attemptId: attempt.id,
          saved: false,
          elapsedMs,
          stored: { revision: result.revision, text: result.text },
        };
  });
}

/**
 * Stores the delivery figures the browser measured from the recording of the current answer
 * (sent every few seconds while recording, so a closed tab keeps them, and once at Stop). The
 * attempt becomes spoken; the first call starts the timer if nothing did. Figures that are
 * negative, not finite, huge or inconsistent are refused with BAD_INPUT.
 * @example await saveDelivery(store, "local", sessionId, { stepId, delivery: { recordedMs: 9000, … } });
 */
export async function saveDelivery(
  store: Store,
  userId: string,
  sessionId: string,
  request: { delivery: unknown; stepId?: string; now?: Date },
): Promise<{ attemptId: string; delivery: Delivery; elapsedMs: number }> {
  const now = request.now ?? new Date();
  return store.transaction(async (tx) => {
    const session = await tx.practice.getSession(userId, sessionId);
    const current = currentStep(session, request.stepId);
    const delivery = checkDelivery(request.delivery, current.budgetSeconds);
    const { attempt } = await ensureAttempt(tx, userId, session, current, now);
    await tx.attempts.saveDelivery(userId, attempt.id, delivery);
    const elapsedMs = attempt.durationMs;
    // saveDelivery stamps the database's clock; the contact is counted at this request's.
    await tx.attempts.touchAttempt(userId, attempt.id, { durationMs: elapsedMs, at: attempt.updatedAt });
    return { attemptId: attempt.id, delivery, elapsedMs };
  });
}

/** The media type without parameters, when it is one derisk keeps ("audio/webm;codecs=opus" → ok). */
function checkRecordingType(mediaType: string): void {
  const base = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(RECORDING_TYPES as readonly string[]).includes(base)) {
    throw new DeriskError(
      "BAD_INPUT",
      `A recording must be audio (${RECORDING_TYPES.join(", ")}), not "${mediaType || "no type"}".`,
    );
  }
}

/**
 * Keeps the recording of a spoken attempt, because the user chose to (recordings are not kept
 * by default). When an offline transcription provider is configured and nothing was typed yet,
 * its transcript becomes the attempt's text; with the default ("none") nothing is transcribed.
 * @example await keepRecording(store, "local", attemptId, { bytes, mediaType: "audio/webm;codecs=opus" });
 */
export async function keepRecording(
  store: Store,
  userId: string,
  attemptId: string,
  recording: { bytes: Uint8Array; mediaType: string },
  options: { transcription?: TranscriptionProvider } = {},
): Promise<{ attemptId: string; bytes: number; transcript?: string }> {
  checkRecordingType(recording.mediaType);
  if (recording.bytes.byteLength === 0) throw new DeriskError("BAD_INPUT", "The recording is empty.");
  if (recording.bytes.byteLength > MAX_RECORDING_BYTES) {
    throw new DeriskError(
      "TOO_LARGE",
      `The recording is ${Math.round(recording.bytes.byteLength / 1024 / 1024)} MiB, over the ${MAX_RECORDING_BYTES / 1024 / 1024} MiB limit.`,
    );
  }
  const attempt = await store.attempts.getAttempt(userId, attemptId);
  if (attempt.mode !== "spoken") {
    throw new DeriskError("CONFLICT", "Only a spoken answer has a recording: answer out loud first.");
  }
  await store.attempts.saveRecording(userId, attemptId, recording);
  const provider = transcriptionProvider(options.transcription);
  if (!provider.available || attempt.finishedAt !== undefined || attempt.text.trim() !== "") {
    return { attemptId, bytes: recording.bytes.byteLength };
  }
  const transcript = (await provider.transcribe(recording)).trim().slice(0, MAX_ATTEMPT_CHARS);
  if (transcript !== "") {
    await store.attempts.autosaveAttempt(userId, attemptId, {
      text: transcript,
      durationMs: attempt.durationMs,
    });
  }
  return { attemptId, bytes: recording.bytes.byteLength, ...(transcript === "" ? {} : { transcript }) };
}

/**
 * A kept recording, to play back.
 * @example const { bytes, mediaType } = await recordingOf(store, "local", attemptId);
 */
export async function recordingOf(
  store: Store,
  userId: string,
  attemptId: string,
): Promise<{ bytes: Uint8Array; mediaType: string }> {
  const { bytes, mediaType } = await store.attempts.getRecording(userId, attemptId);
  return { bytes, mediaType };
}

/**
 * Deletes a kept recording; the attempt, its figures and transcript stay.
 * @example await deleteRecording(store, "local", attemptId) // { deleted: true }
 */
export async function deleteRecording(
  store: Store,
  userId: string,
  attemptId: string,
): Promise<{ deleted: boolean }> {
  await store.attempts.getAttempt(userId, attemptId);
  return { deleted: await store.attempts.deleteRecording(userId, attemptId) };
}

/** What a peek at a question none of the user's answers fits says (the hint adds the next step). */
export const NOTHING_PREPARED = "None of your prepared answers fits this question";

/**
 * Shows the current question's prepared answer (or key points) and records the peek: the step
 * reads `peeked` from now on, and once passed its state is "peeked" (never a clean answer, nor a
 * plain skip). Returns the session as it stands after the peek.
 * @example const { preparedAnswer } = await peekPrepared(store, "local", sessionId);
 */
export async function peekPrepared(
  store: Store,
  userId: string,
  sessionId: string,
  options: { stepId?: string; now?: Date } = {},
): Promise<{ stepId: string; preparedAnswer: string; preparedFrom?: string; session: PracticeView }> {
  const session = await store.practice.getSession(userId, sessionId);
  const step = currentStep(session, options.stepId);
  if (step.preparedAnswer === undefined) {
    throw new DeriskError("NOT_FOUND", NOTHING_PREPARED, {
      hint: {
        cli: ": answer it from scratch, then write one to keep (derisk add-answer --question TEXT).",
        web: ": answer it from scratch, then write one to keep (Library → New answer).",
      },
    });
  }
  await store.practice.updateStep(userId, sessionId, step.id, { peeked: true });
  const from = preparedFromOf(session, step);
  return {
    stepId: step.id,
    preparedAnswer: step.preparedAnswer,
    ...(from === undefined ? {} : { preparedFrom: from }),
    session: await getPractice(store, userId, sessionId, options.now ?? new Date()),
  };
}

async function preparedFollowUps(tx: Repos, userId: string, step: PracticeStep): Promise<FollowUpItem[]> {
  if (step.itemId === undefined) return [];
  const item = await tx.items.getItem(userId, step.itemId).catch(() => undefined);
  if (item?.kind !== "answer") return [];
  const followUps = await tx.items.listItems(userId, { documentId: item.documentId, kind: "follow-up" });
  return followUps.filter((f): f is typeof f & FollowUpItem => f.kind === "follow-up");
}

/**
 * Submits the current answer: stores the analysis snapshot with the attempt, asks one
 * predicted follow-up next with a shorter budget, and moves the session on. The text is the
 * last autosave unless given.
 * @example const { analysis, followUp } = await submitAnswer(store, "local", sessionId, { text });
 */
export async function submitAnswer(
  store: Store,
  userId: string,
  sessionId: string,
  request: { text?: string; stepId?: string; now?: Date } = {},
): Promise<SubmitResult | SkipResult> {
  if (request.text !== undefined) checkAttemptText(request.text);
  const now = request.now ?? new Date();
  const skipped = await skipIfEmpty(store, userId, sessionId, request, now);
  if (skipped) return skipped;
  // The drill's feedback is computed after the transaction: the sentence encoder is slow to load.
  const toCheck: { text?: string; key?: DrillKey } = {};
  const result = await store.transaction(async (tx) => {
    const session = await tx.practice.getSession(userId, sessionId);
    const { step, attempt } = await ensureAttempt(
      tx,
      userId,
      session,
      currentStep(session, request.stepId),
      now,
    );
    const text = request.text ?? attempt.text;
    const role = session.role as RoleId | undefined;
    const profile = await tx.profiles.getProfile(userId);
    const spoken = attempt.mode === "spoken";
    // A spoken answer without a transcript keeps its delivery figures; the lens has nothing to read.
    const analysis =
      spoken && text.trim() === ""
        ? undefined
        : analyze(text, {
            question: step.questionText,
            budgetSeconds: analysisBudget(step),
            wordsPerMinute: profile.wordsPerMinute,
            ...(role === undefined ? {} : { role }),
            ...(step.kind === "follow-up" ? { followUp: true } : {}),
          });
    // A spoken answer lasts as long as the speaking did, not until its transcript was typed.
    const durationMs =
      spoken && attempt.delivery !== undefined ? attempt.delivery.answerMs : attempt.durationMs; // answering time, counted up to now by ensureAttempt
    await tx.attempts.finishAttempt(userId, attempt.id, {
      text,
      durationMs,
      ...(analysis === undefined ? {} : { analysis }),
      ...(spoken ? { transcript: text } : {}),
      finishedAt: now,
    });

    let followUp: SubmitResult["followUp"];
    let next = session.steps.find((s) => s.position > step.position);
    const key = await keyPointsFor(tx, userId, session, step);
    if (key !== undefined && text.trim() !== "") Object.assign(toCheck, { text, key });
    // A question checked by key points gets no behavioral follow-up ("what would you do differently?").
    if (step.kind === "question" && key === undefined && analysis !== undefined) {
      const prepared = await preparedFollowUps(tx, userId, step);
      // An interviewer does not ask the same follow-up twice in one interview.
      const asked = new Set(session.steps.filter((s) => s.kind === "follow-up").map((s) => s.questionText));
      const predicted = predictFollowUps(text, {
        question: step.questionText,
        prepared,
        ...(role === undefined ? {} : { role }),
      }).find((f) => !asked.has(f.question));
      if (predicted) {
        const preparedAnswer = prepared.find((f) => f.key === predicted.prepared)?.answer;
        const added = await tx.practice.addStep(userId, sessionId, step.position + 0.5, {
          kind: "follow-up",
          questionText: predicted.question,
          ...(isCompetency(step.competency) ? { competency: step.competency } : {}),
          budgetSeconds: Math.min(FOLLOW_UP_BUDGET_SECONDS, step.budgetSeconds),
          ...(preparedAnswer === undefined ? {} : { preparedAnswer }),
          followUpOf: step.id,
        });
        next = added;
        followUp = {
          stepId: added.id,
          question: added.questionText,
          trigger: predicted.trigger,
          reason: predicted.reason,
          budgetSeconds: added.budgetSeconds,
        };
      }
    }
    await moveTo(tx, userId, session, next);
    return {
      skipped: false as const,
      stepId: step.id,
      attemptId: attempt.id,
      usedSeconds: Math.round(durationMs / 1000),
      budgetSeconds: step.budgetSeconds,
      ...(analysis === undefined ? {} : { analysis }),
      ...(followUp === undefined ? {} : { followUp }),
    };
  });
  const drill = toCheck.key === undefined ? undefined : await drillFeedback(toCheck.text ?? "", toCheck.key);
  return {
    ...result,
    ...(drill === undefined ? {} : { drill }),
    session: await getPractice(store, userId, sessionId, now),
  };
}

/**
 * A submit with no text (given, or saved as the draft) skips the question: its empty attempt
 * is dropped, no follow-up is asked, and the session moves on. `undefined` when there is text.
 */
async function skipIfEmpty(
  store: Store,
  userId: string,
  sessionId: string,
  request: { text?: string; stepId?: string },
  now: Date,
): Promise<SkipResult | undefined> {
  const outcome = await store.transaction(async (tx) => {
    const session = await tx.practice.getSession(userId, sessionId);
    const step = currentStep(session, request.stepId);
    const attempt = step.attemptId ? await tx.attempts.getAttempt(userId, step.attemptId) : undefined;
    const text = request.text ?? attempt?.text ?? "";
    // A spoken answer is an attempt even before a transcript is typed: its delivery was measured.
    if (text.trim() !== "" || attempt?.delivery !== undefined) return undefined;
    if (attempt) {
      // A draft typed earlier and then cleared is empty too; text the user kept is never dropped.
      if (attempt.text.trim() === "") await tx.attempts.discardEmptyAttempt(userId, attempt.id);
    }
    const next = session.steps.find((s) => s.position > step.position);
    await moveTo(tx, userId, session, next);
    return { stepId: step.id, removed: isRemoved(step, startedRefs(session.source)) };
  });
  if (!outcome) return undefined;
  return { skipped: true, ...outcome, session: await getPractice(store, userId, sessionId, now) };
}

/**
 * Passes the current question without an answer (the same as submitting an empty one).
 * @example const { session } = await skipQuestion(store, "local", sessionId, { stepId });
 */
export async function skipQuestion(
  store: Store,
  userId: string,
  sessionId: string,
  request: { stepId?: string; now?: Date } = {},
): Promise<SkipResult> {
  const now = request.now ?? new Date();
  const result = await skipIfEmpty(store, userId, sessionId, { ...request, text: "" }, now);
  if (!result) throw new DeriskError("INTERNAL", "An empty answer did not skip the question.");
  return result;
}

/**
 * Self-rates a submitted answer (again / hard / good / easy); the rating feeds the card of the
 * answer or technical question, so it comes back when FSRS says. Rating again re-rates the attempt.
 * @example const { due } = await rateAnswer(store, "local", sessionId, stepId, "good");
 */
export async function rateAnswer(
  store: Store,
  userId: string,
  sessionId: string,
  stepId: string,
  rating: RatingName,
  options: { now?: Date } = {},
): Promise<RateResult> {
  const now = options.now ?? new Date();
  return store.transaction(async (tx) => {
    const session = await tx.practice.getSession(userId, sessionId);
    const step = session.steps.find((s) => s.id === stepId);
    if (!step) throw new DeriskError("NOT_FOUND", `No step ${stepId} in practice session ${sessionId}.`);
    const attempt = step.attemptId ? await tx.attempts.getAttempt(userId, step.attemptId) : undefined;
    if (!attempt?.finishedAt) {
      throw new DeriskError("CONFLICT", "Submit the answer before rating it.");
    }
    await tx.attempts.finishAttempt(userId, attempt.id, { selfRating: ratingCode(rating) });
    // The last rating a session waited for finishes it.
    if (
      session.status === "active" &&
      session.currentStepId === undefined &&
      (await unratedAnswers(tx, userId, session, step.id)) === 0
    )
      await tx.practice.setCurrentStep(userId, sessionId, undefined);
    const ref = step.itemId
      ? { itemId: step.itemId }
      : step.questionId
        ? { questionId: step.questionId }
        : undefined;
    if (!ref || step.kind === "follow-up") return { stepId, rating };
    const card = await tx.cards.findCard(userId, ref);
    const next = rateCard(memoryOf(card), rating, now);
    await tx.cards.upsertCard(userId, ref, next.state);
    return { stepId, rating, due: next.due, intervalDays: next.intervalDays };
  });
}

/**
 * Ends a session that waits only for ratings the user chose not to give (the terminal's Enter
 * at a rating): it leaves the resume list. A session with a question still to answer is refused.
 * @example await finishPractice(store, "local", sessionId);
 */
export async function finishPractice(store: Store, userId: string, sessionId: string): Promise<void> {
  await store.transaction(async (tx) => {
    const session = await tx.practice.getSession(userId, sessionId);
    if (session.status === "finished") return;
    if (session.currentStepId !== undefined) {
      throw new DeriskError(
        "CONFLICT",
        "This practice session still has a question to answer: answer or skip it first.",
      );
    }
    await tx.practice.setCurrentStep(userId, sessionId, undefined);
  });
}

/**
 * Ends a session before its last question (the web's "End interview", the terminal's /end): the
 * session is finished and leaves the resume list, marked as ended at the question on screen. Its
 * report tells that question and the ones after it as not reached (the questions passed before
 * stay skipped), and what was typed into the current one stays saved as an unfinished attempt
 * (nothing is scored or rated for it). A session waiting only for ratings just finishes: nothing
 * was left unreached. Ending a finished session again changes nothing.
 * @example const ended = await endPractice(store, "local", sessionId);
 */
export async function endPractice(
  store: Store,
  userId: string,
  sessionId: string,
  now = new Date(),
): Promise<PracticeView> {
  await store.transaction(async (tx) => {
    const session = await tx.practice.getSession(userId, sessionId);
    if (session.status !== "finished") await tx.practice.endSession(userId, sessionId);
  });
  return getPractice(store, userId, sessionId, now);
}

/**
 * Per question: time used against the budget, score, fixes, the follow-up asked, the rating.
 * @example const report = await practiceReport(store, "local", sessionId);
 */
export async function practiceReport(
  store: Store,
  userId: string,
  sessionId: string,
): Promise<PracticeReport> {
  const session = await store.practice.getSession(userId, sessionId);
  const refs = startedRefs(session.source);
  const currentAt = session.steps.findIndex((s) => s.id === session.currentStepId);
  const drilling = isDrill(session);
  const lastAnswered = await lastAnsweredOf(store, userId, session);
  const steps: ReportStep[] = [];
  for (const [index, step] of session.steps.entries()) {
    const attempt = step.attemptId ? await store.attempts.getAttempt(userId, step.attemptId) : undefined;
    const finished = attempt?.finishedAt !== undefined;
    // A drilled answer is judged by its key points: the behavioral lens's score and fixes
    // ("back the claim with a figure") say nothing about a technical explanation.
    const key = finished && attempt ? await keyPointsFor(store, userId, session, step) : undefined;
    const feedback =
      key && key.keyPoints.length > 0 && attempt ? await drillFeedback(attempt.text, key) : undefined;
    const analysis = drilling || key !== undefined ? undefined : (attempt?.analysis as Analysis | undefined);
    const usedSeconds = finished && attempt ? Math.round(attempt.durationMs / 1000) : undefined;
    const score = scoreOf(analysis);
    const followUp = session.steps.find((s) => s.followUpOf === step.id)?.questionText;
    const removed = isRemoved(step, refs);
    const passed = isPast(session, index, currentAt);
    const { state, afterPeek } = stepState(session, step, attempt, { removed, passed, lastAnswered });
    steps.push({
      stepId: step.id,
      kind: step.kind,
      question: step.questionText,
      budgetSeconds: step.budgetSeconds,
      ...(usedSeconds === undefined ? {} : { usedSeconds, overBudget: usedSeconds > step.budgetSeconds }),
      ...(score === undefined ? {} : { score }),
      ...notScoredOf(analysis),
      fixes: (analysis?.fixes ?? []).map((fix) => fix.action),
      ...(followUp === undefined ? {} : { followUp }),
      ...(attempt?.selfRating === undefined ? {} : { rating: ratingNames[attempt.selfRating] as RatingName }),
      peeked: step.peeked,
      ...(attempt?.delivery === undefined ? {} : { delivery: attempt.delivery }),
      ...(feedback === undefined
        ? {}
        : {
            keyPoints: {
              covered: feedback.covered.length,
              total: feedback.keyPoints.length,
              missed: feedback.missed,
            },
          }),
      // An answer given after reading the prepared one is not counted as answered: it is "peeked".
      answered: state === "answered",
      skipped:
        !finished && passed && (state === "skipped" || state === "removed") && !notReached(session, step),
      removed,
      state,
      ...(afterPeek === undefined ? {} : { afterPeek }),
    });
  }
  return {
    sessionId,
    status: session.status,
    ...endedOf(session),
    steps,
    answered: steps.filter((s) => s.answered).length,
    peeked: steps.filter((s) => s.state === "peeked").length,
    total: steps.length,
  };
}

/**
 * An answer's (or question's) attempts over time, oldest first, with score, time and rating.
 * @example const { attempts } = await attemptHistory(store, "local", answerId);
 */
export async function attemptHistory(store: Store, userId: string, id: string): Promise<AttemptHistory> {
  const candidates = await practiceCandidates(store, userId, { withSample: true });
  const found = candidates.find((c) => c.itemId === id || c.questionId === id);
  if (!found) {
    throw new DeriskError("NOT_FOUND", `No answer or question with id ${id} in your bank`, {
      hint: {
        cli: ": check the id (derisk show --kind answer lists them); it may have been deleted.",
        web: ": check the id (the Library lists your answers); it may have been deleted.",
      },
    });
  }
  const attempts = await store.attempts.listAttempts(
    userId,
    found.itemId !== undefined ? { itemId: found.itemId } : { questionId: found.questionId as string },
  );
  return {
    id,
    kind: found.kind,
    questionText: found.questionText,
    attempts: attempts.reverse().map((a) => {
      const score = scoreOf(a.analysis);
      return {
        id: a.id,
        startedAt: a.startedAt,
        ...(a.finishedAt === undefined ? {} : { finishedAt: a.finishedAt }),
        durationSeconds: Math.round(a.durationMs / 1000),
        words: a.text.trim() === "" ? 0 : a.text.trim().split(/\s+/).length,
        mode: a.mode,
        ...(a.delivery === undefined ? {} : { delivery: a.delivery }),
        hasRecording: a.audioRef !== undefined,
        ...(score === undefined ? {} : { score }),
        ...notScoredOf(a.analysis),
        ...(a.selfRating === undefined ? {} : { rating: ratingNames[a.selfRating] as RatingName }),
      };
    }),
    ...(found.card ? { due: found.card.due } : {}),
  };
}
