/**
 * Practice attempts. They are written while the user types or speaks (debounced autosave), so
 * an attempt survives a crash, a closed tab or a lost connection.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Delivery } from "../../core/delivery/index.ts";
import { DeriskError } from "../../core/errors.ts";
import type { AttemptRecordingRow, AttemptRow } from "../schema.ts";
import { type Db, inTransaction, json, notFound, optional, withOwnedRefs } from "./sql.ts";

export type AttemptMode = "typed" | "spoken";

export interface Attempt {
  id: string;
  /** The answer (or other item) practised, while it exists. */
  itemId?: string;
  /** The bank question practised, while it exists. */
  questionId?: string;
  questionText: string;
  mode: AttemptMode;
  text: string;
  durationMs: number;
  /** Highest autosave revision written. */
  revision: number;
  analysis?: unknown;
  /** 1 again, 2 hard, 3 good, 4 easy (FSRS ratings). */
  selfRating?: number;
  startedAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
  /** The id of the kept recording of a spoken attempt (only when the user chose to keep it). */
  audioRef?: string;
  /** The transcript of a spoken attempt, as the user typed or pasted it. */
  transcript?: string;
  /** Delivery figures measured from the audio of a spoken attempt. */
  delivery?: Delivery;
}

/** A recording the user chose to keep, as the browser made it. */
export interface Recording {
  id: string;
  attemptId: string;
  mediaType: string;
  bytes: Uint8Array;
  createdAt: Date;
}

export interface NewAttempt {
  itemId?: string;
  questionId?: string;
  questionText: string;
  mode: AttemptMode;
  startedAt?: Date;
}

export interface AttemptDraft {
  text: string;
  durationMs: number;
  /**
   * Increasing number per autosave from one client: a save that arrives after a newer one
   * (retries over a flaky connection) is ignored instead of overwriting newer text.
   */
  revision?: number;
  /** When the client was last seen answering (the clock of the caller); the database's now() if absent. */
  at?: Date;
}

export interface AttemptResult {
  text?: string;
  durationMs?: number;
  analysis?: unknown;
  selfRating?: number;
  finishedAt?: Date;
  /** A spoken attempt's transcript (the text the lens read). */
  transcript?: string;
}

export interface AttemptFilter {
  itemId?: string;
  questionId?: string;
  /** Only attempts not finished yet (to offer "resume"). */
  unfinished?: boolean;
  limit?: number;
}

function attemptFromRow(row: AttemptRow): Attempt {
  return {
    id: row.id,
    ...optional("itemId", row.item_id),
    ...optional("questionId", row.question_id),
    questionText: row.question_text,
    mode: row.mode,
    text: row.text,
    durationMs: row.duration_ms,
    revision: row.revision,
    ...optional("analysis", row.analysis),
    ...optional("selfRating", row.self_rating),
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    ...optional("finishedAt", row.finished_at),
    ...optional("audioRef", row.audio_ref),
    ...optional("transcript", row.transcript),
    ...optional("delivery", row.delivery as Delivery | null),
  };
}

export interface AttemptsRepo {
  /**
   * Starts an attempt (empty text) the moment the user starts answering.
   *
   * @example const attempt = await store.attempts.createAttempt("local", { itemId, questionText, mode: "typed" });
   */
  createAttempt(userId: string, input: NewAttempt): Promise<Attempt>;
  /**
   * Saves the text so far: one small UPDATE, no read. `saved: false` when a newer revision is
   * already stored, with that revision and its text (another tab of the same answer wrote it, or
   * an earlier save of this one with the same text arrived first).
   *
   * @example await store.attempts.autosaveAttempt("local", attempt.id, { text, durationMs: 41_000, revision: 7 });
   */
  autosaveAttempt(
    userId: string,
    attemptId: string,
    draft: AttemptDraft,
  ): Promise<{ saved: true } | { saved: false; revision: number; text: string }>;
  /**
   * Marks the attempt finished (first finish time wins) and stores the final text, analysis
   * and self-rating; calling it again updates the analysis or rating.
   *
   * @example await store.attempts.finishAttempt("local", attempt.id, { text, durationMs, analysis, selfRating: 3 });
   */
  finishAttempt(userId: string, attemptId: string, result: AttemptResult): Promise<Attempt>;
  /**
   * Records that the answering screen is still attached: the answering time so far and when it
   * was counted (kept in updated_at). An unfinished attempt only.
   *
   * @example await store.attempts.touchAttempt("local", attempt.id, { durationMs: 12_000, at: now });
   */
  touchAttempt(userId: string, attemptId: string, seen: { durationMs: number; at: Date }): Promise<void>;
  /** @example const attempt = await store.attempts.getAttempt("local", attemptId); */
  getAttempt(userId: string, attemptId: string): Promise<Attempt>;
  /**
   * The user's attempts, newest first.
   *
   * @example const history = await store.attempts.listAttempts("local", { itemId, limit: 20 });
   */
  listAttempts(userId: string, filter?: AttemptFilter): Promise<Attempt[]>;
  /**
   * Deletes an unfinished attempt that holds no text (a skipped question is not an attempt);
   * `false` when it is finished or has text, which then stays.
   *
   * @example await store.attempts.discardEmptyAttempt("local", attempt.id);
   */
  discardEmptyAttempt(userId: string, attemptId: string): Promise<boolean>;
  /**
   * Marks an unfinished attempt spoken and stores the delivery figures measured so far (sent
   * every few seconds while recording, and once more at the end). CONFLICT once finished.
   *
   * @example await store.attempts.saveDelivery("local", attempt.id, delivery);
   */
  saveDelivery(userId: string, attemptId: string, delivery: Delivery): Promise<Attempt>;
  /**
   * Keeps (or replaces) the recording of an attempt; the attempt's `audioRef` names it.
   *
   * @example await store.attempts.saveRecording("local", attempt.id, { mediaType: "audio/webm", bytes });
   */
  saveRecording(
    userId: string,
    attemptId: string,
    recording: { mediaType: string; bytes: Uint8Array },
  ): Promise<Recording>;
  /** @example const recording = await store.attempts.getRecording("local", attempt.id); */
  getRecording(userId: string, attemptId: string): Promise<Recording>;
  /**
   * Deletes an attempt's recording; `false` when it had none. The figures and transcript stay.
   *
   * @example await store.attempts.deleteRecording("local", attempt.id);
   */
  deleteRecording(userId: string, attemptId: string): Promise<boolean>;
}

export function attemptsRepo(db: Db): AttemptsRepo {
  const getAttempt = async (userId: string, attemptId: string): Promise<Attempt> => {
    const row = await db
      .selectFrom("attempts")
      .selectAll()
      .where("user_id", "=", userId)
      .where("id", "=", attemptId)
      .executeTakeFirst();
    if (!row) throw notFound("attempt", attemptId);
    return attemptFromRow(row);
  };

  return {
    async createAttempt(userId, input) {
      const row = await withOwnedRefs({ user: userId, item: input.itemId, question: input.questionId }, () =>
        db
          .insertInto("attempts")
          .values({
            id: randomUUID(),
            user_id: userId,
            item_id: input.itemId ?? null,
            question_id: input.questionId ?? null,
            question_text: input.questionText,
            mode: input.mode,
            ...(input.startedAt ? { started_at: input.startedAt, updated_at: input.startedAt } : {}),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return attemptFromRow(row);
    },

    async autosaveAttempt(userId, attemptId, draft) {
      let update = db
        .updateTable("attempts")
        .set({
          text: draft.text,
          duration_ms: draft.durationMs,
          revision: draft.revision ?? sql<number>`revision + 1`,
          updated_at: draft.at ?? sql<Date>`now()`,
        })
        .where("user_id", "=", userId)
        .where("id", "=", attemptId)
        .where("finished_at", "is", null);
      if (draft.revision !== undefined) update = update.where("revision", "<", draft.revision);
      const result = await update.executeTakeFirst();
      if (result.numUpdatedRows > 0n) return { saved: true };
      // Rare path: find out why nothing was written.
      const current = await getAttempt(userId, attemptId);
      if (current.finishedAt) {
        throw new DeriskError(
          "CONFLICT",
          "This attempt is already finished: start a new one to keep practising.",
        );
      }
      return { saved: false, revision: current.revision, text: current.text };
    },

    async touchAttempt(userId, attemptId, seen) {
      await db
        .updateTable("attempts")
        .set({ duration_ms: seen.durationMs, updated_at: seen.at })
        .where("user_id", "=", userId)
        .where("id", "=", attemptId)
        .where("finished_at", "is", null)
        .execute();
    },

    async finishAttempt(userId, attemptId, result) {
      const row = await db
        .updateTable("attempts")
        .set({
          ...(result.text !== undefined ? { text: result.text } : {}),
          ...(result.durationMs !== undefined ? { duration_ms: result.durationMs } : {}),
          ...(result.analysis !== undefined ? { analysis: json(result.analysis) } : {}),
          ...(result.selfRating !== undefined ? { self_rating: result.selfRating } : {}),
          ...(result.transcript !== undefined ? { transcript: result.transcript } : {}),
          finished_at: sql<Date>`coalesce(finished_at, ${result.finishedAt ?? sql`now()`})`,
          updated_at: sql<Date>`now()`,
        })
        .where("user_id", "=", userId)
        .where("id", "=", attemptId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound("attempt", attemptId);
      return attemptFromRow(row);
    },

    getAttempt,

    async listAttempts(userId, filter = {}) {
      let query = db.selectFrom("attempts").selectAll().where("user_id", "=", userId);
      if (filter.itemId !== undefined) query = query.where("item_id", "=", filter.itemId);
      if (filter.questionId !== undefined) query = query.where("question_id", "=", filter.questionId);
      if (filter.unfinished) query = query.where("finished_at", "is", null);
      query = query.orderBy("started_at", "desc").orderBy("id");
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      return (await query.execute()).map(attemptFromRow);
    },

    async discardEmptyAttempt(userId, attemptId) {
      const result = await db
        .deleteFrom("attempts")
        .where("user_id", "=", userId)
        .where("id", "=", attemptId)
        .where("finished_at", "is", null)
        .where(sql<boolean>`btrim(text, E' \\t\\r\\n') = ''`)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async saveDelivery(userId, attemptId, delivery) {
      const row = await db
        .updateTable("attempts")
        .set({ mode: "spoken", delivery: json(delivery), updated_at: sql<Date>`now()` })
        .where("user_id", "=", userId)
        .where("id", "=", attemptId)
        .where("finished_at", "is", null)
        .returningAll()
        .executeTakeFirst();
      if (row) return attemptFromRow(row);
      await getAttempt(userId, attemptId);
      throw new DeriskError(
        "CONFLICT",
        "This attempt is already finished: its delivery figures are kept as they were.",
      );
    },

    async saveRecording(userId, attemptId, recording) {
      await getAttempt(userId, attemptId);
      return inTransaction(db, async (trx) => {
        const row = await trx
          .insertInto("attempt_recordings")
          .values({
            id: randomUUID(),
            user_id: userId,
            attempt_id: attemptId,
            media_type: recording.mediaType,
            bytes: recording.bytes,
          })
          .onConflict((oc) =>
            oc.columns(["user_id", "attempt_id"]).doUpdateSet({
              media_type: recording.mediaType,
              bytes: recording.bytes,
              created_at: sql<Date>`now()`,
            }),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .updateTable("attempts")
          .set({ audio_ref: row.id })
          .where("user_id", "=", userId)
          .where("id", "=", attemptId)
          .execute();
        return recordingFromRow(row);
      });
    },

    async getRecording(userId, attemptId) {
      const row = await db
        .selectFrom("attempt_recordings")
        .selectAll()
        .where("user_id", "=", userId)
        .where("attempt_id", "=", attemptId)
        .executeTakeFirst();
      if (!row) {
        throw new DeriskError(
          "NOT_FOUND",
          `Attempt ${attemptId} has no recording: it was not kept, or it was deleted.`,
        );
      }
      return recordingFromRow(row);
    },

    async deleteRecording(userId, attemptId) {
      return inTransaction(db, async (trx) => {
        const result = await trx
          .deleteFrom("attempt_recordings")
          .where("user_id", "=", userId)
          .where("attempt_id", "=", attemptId)
          .executeTakeFirst();
        await trx
          .updateTable("attempts")
          .set({ audio_ref: null })
          .where("user_id", "=", userId)
          .where("id", "=", attemptId)
          .execute();
        return result.numDeletedRows > 0n;
      });
    },
  };
}

function recordingFromRow(row: AttemptRecordingRow): Recording {
  return {
    id: row.id,
    attemptId: row.attempt_id,
    mediaType: row.media_type,
    bytes: row.bytes,
    createdAt: row.created_at,
  };
}
