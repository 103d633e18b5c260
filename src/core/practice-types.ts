import type { Delivery } from "./delivery/index.ts";
import type { Competency, RoleId } from "./model.ts";
import type { RatingName } from "./schedule/index.ts";
import type { Coverage } from "./semantic/coverage.ts";

/*
 * Shapes of practice, the drill and "what next" as src/app returns them and the HTTP API
 * (docs/api.md) sends them. Types only: the server builds them with `Date`s, and the web app
 * reads the same shapes as they arrive over JSON (`Wire<T>`: every Date a string), so client
 * and server cannot drift apart.
 */

/** A value as it arrives over JSON: every Date is an ISO string, everything else unchanged. */
export type Wire<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** Where a session's questions come from. */
export type PracticeFrom =
  | { kind: "due" }
  | { kind: "competency"; competency: Competency }
  | { kind: "items"; ids: string[] }
  | { kind: "question"; text: string }
  /** The competencies the coverage matrix shows no (or only weak) stories for. */
  | { kind: "gaps" }
  /** A pasted job description: its requirements become the questions. */
  | { kind: "jd"; text: string }
  /** The technical drill: technical questions due, then new ones from the bank; optional tag. */
  | { kind: "drill"; tag?: "ml-concept" | "ml-engineering" };

export type PracticeKind = "answer" | "technical" | "question";

/** What the drill shows after an answer: covered and missed key points, and the outline. */
export interface DrillFeedback extends Coverage {
  keyPoints: string[];
  outline: string;
  /** Set when the question has no key points to check (the user can add them). */
  note?: string;
}

/**
 * Where a step stands: answered (without peeking: a clean answer); peeked (its prepared answer was
 * looked at while it was on screen, then it was answered, skipped, or the interview was ended
 * there: `afterPeek` says which; never a clean answer, nor a plain skip); skipped (passed by the
 * candidate without an answer); removed (its answer or question was deleted during the session);
 * not reached (the interview was ended before it was answered: the step on screen then and every
 * one after it); unanswered (not answered, in a session finished before derisk recorded where an
 * interview was ended, past its last answer: skipped or never reached, nothing says which); open
 * (still to come, or on screen, in a session not over: a peek at the step on screen shows in
 * `peeked` until it is passed).
 */
export type StepState = "answered" | "peeked" | "skipped" | "removed" | "not-reached" | "unanswered" | "open";

/**
 * What came after a peek at a step's prepared answer: an answer (given after reading it), a skip,
 * the end of the interview while it was on screen, or (a session finished before early ends were
 * recorded) nothing stored says which.
 */
export type AfterPeek = "answered" | "skipped" | "ended" | "unanswered";

/**
 * An interview ended before its last question ("End interview", the terminal's /end): when, and
 * how many questions it had passed (answered or skipped) by then: 0 when ended at the first.
 */
export interface PracticeEnded {
  at: Date;
  afterQuestion: number;
}

export interface StepAttemptView {
  id: string;
  text: string;
  revision: number;
  finished: boolean;
  /** "spoken" once delivery figures were measured from a recording. */
  mode: "typed" | "spoken";
  /** Spoken attempts: what was measured from the audio. */
  delivery?: Delivery;
  /** A recording was kept (the user chose to) and can be played back. */
  hasRecording: boolean;
  selfRating?: RatingName;
  score?: number;
  /** Instead of a score: the language of an answer the lens reads as not English ("French"). */
  notScored?: string;
}

export interface PracticeStepView {
  id: string;
  kind: "question" | "follow-up";
  questionText: string;
  competency?: Competency;
  budgetSeconds: number;
  itemId?: string;
  questionId?: string;
  /**
   * The practised answer's variant when it is not the core script ("alternative", "trailer", a
   * name of the user's): two answers to one question read the same without it.
   */
  variant?: string;
  followUpOf?: string;
  hasPreparedAnswer: boolean;
  peeked: boolean;
  /**
   * Only once peeked or answered: looking before answering is recorded, so a report can tell a
   * recall from a read; after the answer it sits beside the attempt.
   */
  preparedAnswer?: string;
  /**
   * With `preparedAnswer`, when it is the user's answer to another question (the closest they
   * prepared, for a question none of their answers is to): that question.
   */
  preparedFrom?: string;
  timerStartedAt?: Date;
  /** Time spent on this step so far (the attempt's duration once submitted). */
  elapsedMs: number;
  attempt?: StepAttemptView;
  /**
   * Drill sessions only: the key points and outline (shown once answered), and which key points
   * the answer covered.
   */
  drill?: DrillFeedback;
  /**
   * Passed without an answer (an empty answer is a skip, not an attempt); not for a step the
   * interview was ended before (`state` "not-reached"), nor for one peeked at (`state` "peeked").
   */
  skipped: boolean;
  /** Its answer or question was deleted after the session started: it is skipped, not asked. */
  removed: boolean;
  state: StepState;
  /** `state` "peeked" only: what came after the peek. */
  afterPeek?: AfterPeek;
}

export interface PracticeView {
  id: string;
  role?: RoleId;
  status: "active" | "finished";
  /** What the session was started from, with the answer or question ids it picked. */
  source: PracticeFrom & { refs?: Array<string | null> };
  createdAt: Date;
  finishedAt?: Date;
  /** Set when the interview was ended before its last question. */
  ended?: PracticeEnded;
  /** Index of the current step in `steps`, and the step itself; absent when finished. */
  currentIndex?: number;
  current?: PracticeStepView;
  steps: PracticeStepView[];
}

interface DueItemBase {
  kind: PracticeKind;
  itemId?: string;
  questionId?: string;
  questionText: string;
  /** An answer's variant ("core", "alternative", …): tells two answers to one question apart. */
  variant?: string;
  competency: Competency;
}

/**
 * One card of "what is due": "overdue" was rated before and is due now (`due` is when it
 * became due); "new" was never rated, so it has no schedule and `due` is null. A never-rated
 * card carries no time, so the same data lists as the same bytes on every run.
 */
export type DueItem = DueItemBase & ({ status: "overdue"; due: Date } | { status: "new"; due: null });

/** The follow-up asked after a question. */
export interface AskedFollowUp {
  stepId: string;
  question: string;
  trigger: string;
  reason: string;
  budgetSeconds: number;
}

export interface SubmitResult<TAnalysis = unknown> {
  skipped: false;
  stepId: string;
  attemptId: string;
  usedSeconds: number;
  budgetSeconds: number;
  /** Absent for a spoken answer submitted without a transcript: the lens had nothing to read. */
  analysis?: TAnalysis;
  /** Drill sessions: the key points covered and missed, and the outline. */
  drill?: DrillFeedback;
  /** The follow-up asked next (only after a question, never after a follow-up). */
  followUp?: AskedFollowUp;
  /** The session after the submit: its current step is the next one to answer. */
  session: PracticeView;
}

/** An empty answer: the question is passed, no attempt is kept, nothing is rated. */
export interface SkipResult {
  skipped: true;
  stepId: string;
  /** True when the question was skipped because its answer or question was deleted. */
  removed: boolean;
  session: PracticeView;
}

export interface RateResult {
  stepId: string;
  rating: RatingName;
  /** When the answer or question comes back (absent for a follow-up or a typed-in question). */
  due?: Date;
  intervalDays?: number;
}

export interface ReportStep {
  stepId: string;
  kind: "question" | "follow-up";
  question: string;
  budgetSeconds: number;
  usedSeconds?: number;
  overBudget?: boolean;
  /** The analyzer's overall score, 1–5. */
  score?: number;
  /** Instead of a score: the language of an answer the lens reads as not English ("French"). */
  notScored?: string;
  fixes: string[];
  /** The follow-up asked after this question. */
  followUp?: string;
  rating?: RatingName;
  peeked: boolean;
  /** Spoken answers: the delivery figures measured from the audio. */
  delivery?: Delivery;
  /**
   * A drilled answer: the key points it covered, out of how many, and those it missed. A drill
   * report gives these instead of the behavioral score and fixes, which do not apply to it.
   */
  keyPoints?: { covered: number; total: number; missed: string[] };
  /**
   * Answered without peeking (`state` "answered"): a clean answer. An answer given after a peek
   * keeps its time, score and fixes but is `state` "peeked" with `afterPeek` "answered".
   */
  answered: boolean;
  /**
   * Passed by the candidate without an answer and without peeking (not a step the interview was
   * ended before).
   */
  skipped: boolean;
  /** Skipped because its answer or question was deleted during the session. */
  removed: boolean;
  state: StepState;
  /** `state` "peeked" only: what came after the peek. */
  afterPeek?: AfterPeek;
}

export interface PracticeReport {
  sessionId: string;
  status: "active" | "finished";
  /** Set when the interview was ended before its last question. */
  ended?: PracticeEnded;
  steps: ReportStep[];
  /** Steps answered without peeking (follow-ups included), of all the steps. */
  answered: number;
  /** Steps peeked at (follow-ups included), whatever came after: not counted in `answered`. */
  peeked: number;
  total: number;
}

export interface AttemptHistory {
  id: string;
  kind: PracticeKind;
  questionText: string;
  attempts: Array<{
    id: string;
    startedAt: Date;
    finishedAt?: Date;
    durationSeconds: number;
    words: number;
    mode: "typed" | "spoken";
    delivery?: Delivery;
    hasRecording: boolean;
    score?: number;
    /** Instead of a score: the language of an answer the lens reads as not English ("French"). */
    notScored?: string;
    rating?: RatingName;
  }>;
  /** When it is due next, once rated. */
  due?: Date;
}

export type WhatNextKind = "low-score" | "follow-up-gap" | "role-fit" | "due";

/** Where the fix happens; the web app turns it into a link, the CLI into a command. */
export type WhatNextTarget =
  | { page: "edit"; itemId: string }
  | { page: "followups"; itemId: string }
  | { page: "reangle"; itemId: string; role: RoleId }
  | { page: "library"; documentId: string; itemId: string }
  | { page: "practice"; from: "due" };

export interface WhatNextEntry {
  kind: WhatNextKind;
  /** What to look at, in a line. */
  title: string;
  /** Why it is on the list. */
  reason: string;
  /** The label of the one click that fixes it. */
  action: string;
  target: WhatNextTarget;
  itemId?: string;
  documentId?: string;
  score?: number;
}

export interface WhatNext {
  /** The role the answers were read for (the request's, the profile's, else each document's). */
  role?: RoleId;
  entries: WhatNextEntry[];
  /** How many of each kind there were before the list was cut short. */
  counts: Record<WhatNextKind, number>;
  /** False when the bank has no answer yet: there is nothing to lead to. */
  hasBank: boolean;
}
