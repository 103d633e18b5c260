/**
 * Client for the practice API (src/server/routes/practice.ts): sessions whose state lives on the
 * server, autosaved attempts, ratings, reports and the "what next" list. Dates arrive as strings.
 */
import type { Delivery, DeliveryInput } from "../../src/core/delivery/index.ts";
import type { RoleId } from "../../src/core/model.ts";
import type { NewCardsOutlook } from "../../src/core/new-cards-outlook.ts";
import type {
  AttemptHistory as AttemptHistoryOf,
  DueItem,
  PracticeFrom,
  PracticeReport as PracticeReportOf,
  PracticeStepView,
  PracticeView,
  RateResult,
  SkipResult,
  StepAttemptView,
  SubmitResult as SubmitResultOf,
  Wire,
} from "../../src/core/practice-types.ts";
import type { RatingName } from "../../src/core/schedule/index.ts";
import { json, jsonBody } from "./api.ts";

// The shapes are the server's own (src/core/practice-types.ts) as JSON delivers them.
export type {
  DrillFeedback,
  PracticeFrom,
  ReportStep,
  StepState,
  WhatNext,
  WhatNextEntry,
  WhatNextTarget,
} from "../../src/core/practice-types.ts";
export type { NewCardsOutlook, RatingName };
export type StepAttempt = StepAttemptView;
export type PracticeStep = Wire<PracticeStepView>;
export type PracticeSession = Wire<PracticeView>;
export type PracticeReport = Wire<PracticeReportOf>;
export type DueEntry = Wire<DueItem>;
/** An answer (with its analysis) or, for empty text, a skip; both carry the session after it. */
export type SubmitResult = Wire<SubmitResultOf> | Wire<SkipResult>;
export type AttemptHistory = Wire<AttemptHistoryOf>;

const sessionPath = (id: string, rest = ""): string =>
  `/api/practice/sessions/${encodeURIComponent(id)}${rest}`;

const recordingPath = (attemptId: string): string =>
  `/api/practice/attempts/${encodeURIComponent(attemptId)}/recording`;

export const practiceApi = {
  /** What is due now, and how many new cards wait, come today and tomorrow. */
  due: async (limit = 500): Promise<{ due: DueEntry[]; newCards: NewCardsOutlook }> =>
    await json<{ due: DueEntry[]; newCards: NewCardsOutlook }>(
      `/api/practice/due?limit=${limit}&tz=${new Date().getTimezoneOffset()}`,
    ),

  /** Saves how many never-practised cards the queue and the drill start a day (0–100). */
  setNewCardsPerDay: async (newCardsPerDay: number): Promise<NewCardsOutlook> =>
    (
      await json<{ newCards: NewCardsOutlook }>(
        `/api/practice/settings?tz=${new Date().getTimezoneOffset()}`,
        jsonBody("PUT", { newCardsPerDay }),
      )
    ).newCards,

  start: async (request: { from: PracticeFrom; count?: number; role?: RoleId }): Promise<PracticeSession> =>
    (await json<{ session: PracticeSession }>("/api/practice/sessions", jsonBody("POST", request))).session,

  /** Starts a one-question session on an answer or question of the bank. */
  startOne: (id: string): Promise<PracticeSession> =>
    practiceApi.start({ from: { kind: "items", ids: [id] }, count: 1 }),

  active: async (): Promise<PracticeSession[]> =>
    (await json<{ sessions: PracticeSession[] }>("/api/practice/sessions?status=active&limit=3")).sessions,

  /** The newest finished sessions, for their reports. */
  finished: async (limit: number): Promise<PracticeSession[]> =>
    (await json<{ sessions: PracticeSession[] }>(`/api/practice/sessions?status=finished&limit=${limit}`))
      .sessions,

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
  ): Promise<{
    attemptId: string;
    saved: boolean;
    elapsedMs: number;
    stored?: { revision: number; text: string };
  }> => json(sessionPath(id, "/draft"), { ...jsonBody("PUT", draft), ...(keepalive ? { keepalive } : {}) }),

  /** Delivery figures measured so far (while recording) or at the end; `keepalive` for a closing tab. */
  saveDelivery: (
    id: string,
    body: { stepId: string; delivery: DeliveryInput },
    keepalive = false,
  ): Promise<{ attemptId: string; delivery: Delivery; elapsedMs: number }> =>
    json(sessionPath(id, "/delivery"), { ...jsonBody("PUT", body), ...(keepalive ? { keepalive } : {}) }),

  /** Keeps a recording the user chose to keep (stored on this machine only). */
  keepRecording: (
    attemptId: string,
    audio: Blob,
  ): Promise<{ attemptId: string; bytes: number; transcript?: string }> =>
    json(recordingPath(attemptId), {
      method: "PUT",
      headers: { "Content-Type": audio.type || "audio/webm" },
      body: audio,
    }),

  deleteRecording: (attemptId: string): Promise<{ deleted: boolean }> =>
    json(recordingPath(attemptId), { method: "DELETE" }),

  recordingUrl: (attemptId: string): string => recordingPath(attemptId),

  transcription: (): Promise<{ provider: string; available: boolean; message: string }> =>
    json("/api/practice/transcription"),

  /** Shows the step's prepared answer and records the peek; the session after it says `peeked`. */
  peek: (
    id: string,
    stepId: string,
  ): Promise<{ stepId: string; preparedAnswer: string; preparedFrom?: string; session: PracticeSession }> =>
    json(sessionPath(id, "/peek"), jsonBody("POST", { stepId })),

  submit: (id: string, stepId: string, text: string): Promise<SubmitResult> =>
    json(sessionPath(id, "/submit"), jsonBody("POST", { stepId, text })),

  rate: (id: string, stepId: string, rating: RatingName): Promise<Wire<RateResult>> =>
    json(sessionPath(id, `/steps/${encodeURIComponent(stepId)}/rating`), jsonBody("POST", { rating })),

  /** Ends the session early: finished, with a report over the questions answered. */
  end: async (id: string): Promise<PracticeSession> =>
    (await json<{ session: PracticeSession }>(sessionPath(id, "/end"), jsonBody("POST", {}))).session,

  report: async (id: string): Promise<PracticeReport> =>
    (await json<{ report: PracticeReport }>(sessionPath(id, "/report"))).report,

  history: async (id: string): Promise<AttemptHistory> =>
    (await json<{ history: AttemptHistory }>(`/api/practice/history/${encodeURIComponent(id)}`)).history,

  whatNext: (role?: RoleId): Promise<import("../../src/core/practice-types.ts").WhatNext> =>
    json(role === undefined ? "/api/what-next" : `/api/what-next?role=${role}`),
};
