/**
 * Practice sessions and their steps. Which step is current and when its timer started are
 * rows, not client memory: a reload or a restarted server resumes at the same question.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { PracticeSessionRow, PracticeStepRow } from "../schema.ts";
import { type Db, inSnapshot, inTransaction, json, notFound, optional, withOwnedRefs } from "./sql.ts";

export type PracticeStepKind = "question" | "follow-up";
export type PracticeStatus = "active" | "finished";

export interface PracticeStep {
  id: string;
  sessionId: string;
  position: number;
  kind: PracticeStepKind;
  /** The answer or technical-question item practised, while it exists. */
  itemId?: string;
  /** The bank question practised, while it exists. */
  questionId?: string;
  questionText: string;
  competency?: string;
  budgetSeconds: number;
  /** The user's prepared answer, shown only on request ("peek"). */
  preparedAnswer?: string;
  peeked: boolean;
  timerStartedAt?: Date;
  attemptId?: string;
  /** For a follow-up: the step it follows. */
  followUpOf?: string;
}

export interface PracticeSession {
  id: string;
  role?: string;
  source: unknown;
  status: PracticeStatus;
  currentStepId?: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
  /**
   * Set when the interview was ended before its last question: when, and the position of the
   * step on screen then (that step and the ones after it were never answered).
   */
  ended?: { at: Date; position: number };
  /**
   * Finished before migration 0015 began to record where an interview was ended: an interview
   * ended early then left no mark, so past its last answer a question skipped cannot be told
   * from one never reached.
   */
  endUnknown?: true;
  steps: PracticeStep[];
}

export interface NewPracticeStep {
  kind?: PracticeStepKind;
  itemId?: string;
  questionId?: string;
  questionText: string;
  competency?: string;
  budgetSeconds: number;
  preparedAnswer?: string;
  followUpOf?: string;
}

export interface NewPracticeSession {
  role?: string;
  source: unknown;
  steps: NewPracticeStep[];
}

export interface PracticeStepPatch {
  peeked?: boolean;
  /** Kept when already set: the timer starts once. */
  timerStartedAt?: Date;
  attemptId?: string;
}

function stepFromRow(row: PracticeStepRow): PracticeStep {
  return {
    id: row.id,
    sessionId: row.session_id,
    position: row.position,
    kind: row.kind,
    ...optional("itemId", row.item_id),
    ...optional("questionId", row.question_id),
    questionText: row.question_text,
    ...optional("competency", row.competency),
    budgetSeconds: row.budget_seconds,
    ...optional("preparedAnswer", row.prepared_answer),
    peeked: row.peeked,
    ...optional("timerStartedAt", row.timer_started_at),
    ...optional("attemptId", row.attempt_id),
    ...optional("followUpOf", row.follow_up_of),
  };
}

function sessionFromRows(row: PracticeSessionRow, steps: PracticeStepRow[]): PracticeSession {
  return {
    id: row.id,
    ...optional("role", row.role),
    source: row.source,
    status: row.status,
    ...optional("currentStepId", row.current_step_id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...optional("finishedAt", row.finished_at),
    ...(row.ended_at === null || row.ended_position === null
      ? {}
      : { ended: { at: row.ended_at, position: row.ended_position } }),
    steps: steps.map(stepFromRow),
  };
}

export interface PracticeRepo {
  /**
   * Creates a session with its questions (positions 0, 1, 2…) in one transaction; the first
   * question is current.
   *
   * @example const session = await store.practice.createSession("local", { source: { kind: "due" }, steps });
   */
  createSession(userId: string, input: NewPracticeSession): Promise<PracticeSession>;
  /** @example const session = await store.practice.getSession("local", sessionId); */
  getSession(userId: string, sessionId: string): Promise<PracticeSession>;
  /**
   * The user's sessions, newest first, with their steps.
   *
   * @example const active = await store.practice.listSessions("local", { status: "active", limit: 1 });
   */
  listSessions(
    userId: string,
    filter?: { status?: PracticeStatus; limit?: number },
  ): Promise<PracticeSession[]>;
  /** @example await store.practice.updateStep("local", sessionId, stepId, { peeked: true }); */
  updateStep(
    userId: string,
    sessionId: string,
    stepId: string,
    patch: PracticeStepPatch,
  ): Promise<PracticeStep>;
  /**
   * Adds a step at `position` (a follow-up goes at its question's position + 0.5).
   *
   * @example await store.practice.addStep("local", sessionId, 0.5, { kind: "follow-up", questionText, budgetSeconds: 45, followUpOf });
   */
  addStep(userId: string, sessionId: string, position: number, step: NewPracticeStep): Promise<PracticeStep>;
  /**
   * Makes a step current; `undefined` finishes the session, unless `keepOpen` says it still
   * waits for something (a rating of its last answer): then it stays active with no current step.
   *
   * @example await store.practice.setCurrentStep("local", sessionId, nextStep?.id);
   */
  setCurrentStep(
    userId: string,
    sessionId: string,
    stepId: string | undefined,
    options?: { keepOpen?: boolean },
  ): Promise<void>;
  /**
   * Ends an active session before its last question: finished, no current step, and marked as
   * ended at the step that was current (its position). A finished session is left as it is.
   *
   * @example await store.practice.endSession("local", sessionId);
   */
  endSession(userId: string, sessionId: string): Promise<void>;
}

function stepValues(userId: string, sessionId: string, position: number, step: NewPracticeStep) {
  return {
    id: randomUUID(),
    user_id: userId,
    session_id: sessionId,
    position,
    kind: step.kind ?? "question",
    item_id: step.itemId ?? null,
    question_id: step.questionId ?? null,
    question_text: step.questionText,
    competency: step.competency ?? null,
    budget_seconds: step.budgetSeconds,
    prepared_answer: step.preparedAnswer ?? null,
    follow_up_of: step.followUpOf ?? null,
  };
}

export function practiceRepo(db: Db): PracticeRepo {
  const stepsOf = (trx: Db, userId: string, sessionIds: string[]) =>
    sessionIds.length === 0
      ? Promise.resolve([])
      : trx
          .selectFrom("practice_steps")
          .selectAll()
          .where("user_id", "=", userId)
          .where("session_id", "in", sessionIds)
          .orderBy("position")
          .execute();

  const getSession = (userId: string, sessionId: string) =>
    inSnapshot(db, async (trx) => {
      const row = await trx
        .selectFrom("practice_sessions")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", sessionId)
        .executeTakeFirst();
      if (!row) throw notFound("practice session", sessionId);
      const session = sessionFromRows(row, await stepsOf(trx, userId, [sessionId]));
      const marked = await endMarkedSince(trx);
      return session.status === "finished" &&
        session.ended === undefined &&
        session.finishedAt !== undefined &&
        marked !== undefined &&
        session.finishedAt < marked
        ? { ...session, endUnknown: true as const }
        : session;
    });

  // When this database began to record where an interview was ended (migration 0015 ran), read once.
  let markedSince: Promise<Date | undefined> | undefined;
  const endMarkedSince = (trx: Db): Promise<Date | undefined> => {
    markedSince ??= sql<{ timestamp: string }>`select timestamp from kysely_migration
      where name = '0015-practice-ended'`
      .execute(trx)
      .then(({ rows }) => (rows[0] === undefined ? undefined : new Date(rows[0].timestamp)));
    return markedSince;
  };

  return {
    async createSession(userId, input) {
      const sessionId = randomUUID();
      await withOwnedRefs({ user: userId }, () =>
        inTransaction(db, async (trx) => {
          await trx
            .insertInto("practice_sessions")
            .values({
              id: sessionId,
              user_id: userId,
              role: input.role ?? null,
              source: json(input.source),
            })
            .execute();
          const rows = input.steps.map((step, index) => stepValues(userId, sessionId, index, step));
          if (rows.length > 0) await trx.insertInto("practice_steps").values(rows).execute();
          await trx
            .updateTable("practice_sessions")
            .set({ current_step_id: rows[0]?.id ?? null })
            .where("id", "=", sessionId)
            .execute();
        }),
      );
      return getSession(userId, sessionId);
    },

    getSession,

    async listSessions(userId, filter = {}) {
      return inSnapshot(db, async (trx) => {
        let query = trx.selectFrom("practice_sessions").selectAll().where("user_id", "=", userId);
        if (filter.status !== undefined) query = query.where("status", "=", filter.status);
        query = query.orderBy("created_at", "desc").orderBy("id");
        if (filter.limit !== undefined) query = query.limit(filter.limit);
        const rows = await query.execute();
        const steps = await stepsOf(
          trx,
          userId,
          rows.map((row) => row.id),
        );
        return rows.map((row) =>
          sessionFromRows(
            row,
            steps.filter((step) => step.session_id === row.id),
          ),
        );
      });
    },

    async updateStep(userId, sessionId, stepId, patch) {
      const row = await withOwnedRefs({ user: userId }, () =>
        db
          .updateTable("practice_steps")
          .set({
            ...(patch.peeked !== undefined ? { peeked: patch.peeked } : {}),
            ...(patch.timerStartedAt !== undefined
              ? { timer_started_at: sql<Date>`coalesce(timer_started_at, ${patch.timerStartedAt})` }
              : {}),
            ...(patch.attemptId !== undefined ? { attempt_id: patch.attemptId } : {}),
          })
          .where("user_id", "=", userId)
          .where("session_id", "=", sessionId)
          .where("id", "=", stepId)
          .returningAll()
          .executeTakeFirst(),
      );
      if (!row) throw notFound("practice step", stepId);
      return stepFromRow(row);
    },

    async addStep(userId, sessionId, position, step) {
      const row = await withOwnedRefs({ user: userId, item: step.itemId, question: step.questionId }, () =>
        db
          .insertInto("practice_steps")
          .values(stepValues(userId, sessionId, position, step))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return stepFromRow(row);
    },

    async setCurrentStep(userId, sessionId, stepId, options = {}) {
      const result = await db
        .updateTable("practice_sessions")
        .set({
          current_step_id: stepId ?? null,
          updated_at: sql<Date>`now()`,
          ...(stepId === undefined && options.keepOpen !== true
            ? { status: "finished" as const, finished_at: sql<Date>`coalesce(finished_at, now())` }
            : {}),
        })
        .where("user_id", "=", userId)
        .where("id", "=", sessionId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound("practice session", sessionId);
    },

    async endSession(userId, sessionId) {
      const session = await db
        .selectFrom("practice_sessions")
        .select(["status", "current_step_id"])
        .where("user_id", "=", userId)
        .where("id", "=", sessionId)
        .executeTakeFirst();
      if (!session) throw notFound("practice session", sessionId);
      if (session.status === "finished") return;
      const current =
        session.current_step_id === null
          ? undefined
          : await db
              .selectFrom("practice_steps")
              .select("position")
              .where("user_id", "=", userId)
              .where("session_id", "=", sessionId)
              .where("id", "=", session.current_step_id)
              .executeTakeFirst();
      await db
        .updateTable("practice_sessions")
        .set({
          current_step_id: null,
          updated_at: sql<Date>`now()`,
          status: "finished",
          finished_at: sql<Date>`coalesce(finished_at, now())`,
          // Past its last question (waiting only for ratings) nothing was left unreached.
          ...(current === undefined ? {} : { ended_at: sql<Date>`now()`, ended_position: current.position }),
        })
        .where("user_id", "=", userId)
        .where("id", "=", sessionId)
        .where("status", "=", "active")
        .execute();
    },
  };
}
