/**
 * Client for the practice API (src/server/routes/practice.ts): sessions whose state lives on the
 * server, autosaved attempts, ratings, reports and the "what next" list. Dates arrive as strings.
 */
import type { Competency, RoleId } from "../../src/core/model.ts";
import type { RatingName } from "../../src/core/schedule/index.ts";
import { json, jsonBody } from "./api.ts";

export type { RatingName };

/** Where a session's questions come from (src/app/practice.ts `PracticeFrom`). */
export type PracticeFrom =
  | { kind: "due" }
  | { kind: "gaps" }
  | { kind: "competency"; competency: Competency }
  | { kind: "items"; ids: string[] }
  | { kind: "question"; text: string }
  | { kind: "jd"; text: string }
  | { kind: "drill"; tag?: "ml-concept" | "ml-engineering" };

/** Drill sessions: which key points an answer covered (src/app/drill.ts `DrillFeedback`). */
export interface DrillFeedback {
  points: Array<{ keyPoint: string; covered: boolean; score: number; evidence?: string }>;
  covered: string[];
  missed: string[];
  keyPoints: string[];
  outline: string;
  note?: string;
}

/** Where a "what next" entry is fixed (src/app/what-next.ts). */
export type WhatNextTarget =
  | { page: "edit"; itemId: string }
  | { page: "followups"; itemId: string }
  | { page: "reangle"; itemId: string; role: RoleId }
  | { page: "library"; documentId: string; itemId: string }
  | { page: "practice"; from: "due" };

export interface WhatNextEntry {
  kind: "low-score" | "follow-up-gap" | "role-fit" | "due";
  title: string;
  reason: string;
  action: string;
  target: WhatNextTarget;
  itemId?: string;
  documentId?: string;
  score?: number;
}

export interface WhatNext {
  role?: RoleId;
  entries: WhatNextEntry[];
  counts: Record<WhatNextEntry["kind"], number>;
  hasBank: boolean;
}

export interface StepAttempt {
  id: string;
  text: string;
  revision: number;
  finished: boolean;
  selfRating?: RatingName;
  score?: number;
}

export interface PracticeStep {
  id: string;
  kind: "question" | "follow-up";
  questionText: string;
  competency?: Competency;
  budgetSeconds: number;
  itemId?: string;
  questionId?: string;
  followUpOf?: string;
  hasPreparedAnswer: boolean;
  peeked: boolean;
  preparedAnswer?: string;
  timerStartedAt?: string;
  elapsedMs: number;
  attempt?: StepAttempt;
  drill?: DrillFeedback;
  /** Passed without an answer (an empty answer is a skip, not an attempt). */
  skipped: boolean;
  /** Its answer or question was deleted after the session started. */
  removed: boolean;
}

export interface PracticeSession {
  id: string;
  role?: RoleId;
  status: "active" | "finished";
  source: PracticeFrom;
  createdAt: string;
  finishedAt?: string;
  currentIndex?: number;
  current?: PracticeStep;
  steps: PracticeStep[];
}

export interface DueEntry {
  kind: "answer" | "technical" | "question";
  itemId?: string;
  questionId?: string;
  questionText: string;
  competency: Competency;
  status: "overdue" | "new";
  due: string;
}

/** An answer, or (empty text) a skip: then only `stepId`, `removed` and `session` are set. */
export interface SubmitResult {
  skipped: boolean;
  removed?: boolean;
  stepId: string;
  attemptId?: string;
  usedSeconds?: number;
  budgetSeconds?: number;
  followUp?: { stepId: string; question: string; trigger: string; reason: string; budgetSeconds: number };
  session: PracticeSession;
}

export interface ReportStep {
  stepId: string;
  kind: "question" | "follow-up";
  question: string;
  budgetSeconds: number;
  usedSeconds?: number;
  overBudget?: boolean;
  score?: number;
  fixes: string[];
  followUp?: string;
  rating?: RatingName;
  peeked: boolean;
  answered: boolean;
  skipped: boolean;
  removed: boolean;
}

export interface PracticeReport {
  sessionId: string;
  status: "active" | "finished";
  steps: ReportStep[];
  answered: number;
  total: number;
}

export interface AttemptHistory {
  id: string;
  questionText: string;
  attempts: Array<{
    id: string;
    startedAt: string;
    finishedAt?: string;
    durationSeconds: number;
    words: number;
    score?: number;
    rating?: RatingName;
  }>;
  due?: string;
}

const sessionPath = (id: string, rest = ""): string =>
  `/api/practice/sessions/${encodeURIComponent(id)}${rest}`;

export const practiceApi = {
  due: async (limit = 500): Promise<DueEntry[]> =>
    (await json<{ due: DueEntry[] }>(`/api/practice/due?limit=${limit}`)).due,

  start: async (request: { from: PracticeFrom; count?: number; role?: RoleId }): Promise<PracticeSession> =>
    (await json<{ session: PracticeSession }>("/api/practice/sessions", jsonBody("POST", request))).session,

  /** Starts a one-question session on an answer or question of the bank. */
  startOne: (id: string): Promise<PracticeSession> =>
    practiceApi.start({ from: { kind: "items", ids: [id] }, count: 1 }),

  active: async (): Promise<PracticeSession[]> =>
    (await json<{ sessions: PracticeSession[] }>("/api/practice/sessions?status=active&limit=3")).sessions,

  get: async (id: string): Promise<PracticeSession> =>
    (await json<{ session: PracticeSession }>(sessionPath(id))).session,

  begin: async (id: string, stepId: string): Promise<PracticeSession> =>
    (await json<{ session: PracticeSession }>(sessionPath(id, "/begin"), jsonBody("POST", { stepId })))
      .session,

  /** Autosave; `keepalive` lets the save outlive a closing tab. */
  saveDraft: (
    id: string,
    draft: { stepId: string; text: string; revision: number },
    keepalive = false,
  ): Promise<{ attemptId: string; saved: boolean; elapsedMs: number }> =>
    json(sessionPath(id, "/draft"), { ...jsonBody("PUT", draft), ...(keepalive ? { keepalive } : {}) }),

  peek: (id: string, stepId: string): Promise<{ stepId: string; preparedAnswer: string }> =>
    json(sessionPath(id, "/peek"), jsonBody("POST", { stepId })),

  submit: (id: string, stepId: string, text: string): Promise<SubmitResult> =>
    json(sessionPath(id, "/submit"), jsonBody("POST", { stepId, text })),

  rate: (id: string, stepId: string, rating: RatingName): Promise<{ due?: string; intervalDays?: number }> =>
    json(sessionPath(id, `/steps/${encodeURIComponent(stepId)}/rating`), jsonBody("POST", { rating })),

  report: async (id: string): Promise<PracticeReport> =>
    (await json<{ report: PracticeReport }>(sessionPath(id, "/report"))).report,

  history: async (id: string): Promise<AttemptHistory> =>
    (await json<{ history: AttemptHistory }>(`/api/practice/history/${encodeURIComponent(id)}`)).history,

  whatNext: (role?: RoleId): Promise<WhatNext> =>
    json(role === undefined ? "/api/what-next" : `/api/what-next?role=${role}`),
};
