/**
 * The question bank: behavioral and technical questions; technical ones carry key points
 * for drilling.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Competency } from "../../core/model.ts";
import type { QuestionRow } from "../schema.ts";
import { type Db, inTransaction, json, notFound, optional, staleVersion, withOwnedRefs } from "./sql.ts";

export interface QuestionInput {
  text: string;
  competency: Competency;
  /** Where it comes from: "prep.md", "derisk bank", a company name… */
  source?: string;
  /** e.g. "ML & Deep Learning Foundations". */
  category?: string;
  keyPoints?: string[];
  /** The technical-question item it was imported from. */
  itemId?: string;
  /** An outline of a strong answer. */
  outline?: string;
  /** The risks an interviewer checks with it (risk ids of the lens). */
  checks?: string[];
}

export interface Question {
  id: string;
  text: string;
  competency: Competency;
  source: string;
  category: string;
  keyPoints: string[];
  itemId?: string;
  /** The built-in bank entry it was added from (src/core/questions). */
  bankKey?: string;
  outline: string;
  checks: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type QuestionPatch = Partial<QuestionInput> & { expectedVersion?: number };

export interface QuestionFilter {
  competency?: Competency;
  category?: string;
}

function questionFromRow(row: QuestionRow): Question {
  return {
    id: row.id,
    text: row.text,
    // Written from a Competency by this repo.
    competency: row.competency as Competency,
    source: row.source,
    category: row.category,
    keyPoints: row.key_points,
    ...optional("itemId", row.item_id),
    ...optional("bankKey", row.bank_key),
    outline: row.outline,
    checks: row.checks,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function questionColumns(input: Partial<QuestionInput>) {
  return {
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.competency !== undefined ? { competency: input.competency } : {}),
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(input.keyPoints !== undefined ? { key_points: json(input.keyPoints) } : {}),
    ...(input.itemId !== undefined ? { item_id: input.itemId } : {}),
    ...(input.outline !== undefined ? { outline: input.outline } : {}),
    ...(input.checks !== undefined ? { checks: json(input.checks) } : {}),
  };
}

export interface QuestionsRepo {
  /**
   * @example await store.questions.createQuestion("local", { text: "What is dropout?", competency: "ml-concept", keyPoints: ["regularisation"] });
   */
  createQuestion(userId: string, input: QuestionInput): Promise<Question>;
  /**
   * The user's row of a built-in bank question, created on first use; calling it again (or
   * twice at once) returns the same row.
   *
   * @example const q = await store.questions.addBankQuestion("local", "tech.lora", { text, competency: "ml-concept" });
   */
  addBankQuestion(userId: string, bankKey: string, input: QuestionInput): Promise<Question>;
  /** @example const question = await store.questions.getQuestion("local", questionId); */
  getQuestion(userId: string, questionId: string): Promise<Question>;
  /**
   * In the order they were added.
   *
   * @example const drill = await store.questions.listQuestions("local", { competency: "ml-engineering" });
   */
  listQuestions(userId: string, filter?: QuestionFilter): Promise<Question[]>;
  /** @example await store.questions.updateQuestion("local", q.id, { keyPoints, expectedVersion: q.version }); */
  updateQuestion(userId: string, questionId: string, patch: QuestionPatch): Promise<Question>;
  /** Deletes the question and its card; attempts on it stay. @example await store.questions.deleteQuestion("local", id); */
  deleteQuestion(userId: string, questionId: string): Promise<void>;
}

export function questionsRepo(db: Db): QuestionsRepo {
  return {
    async createQuestion(userId, input) {
      const row = await withOwnedRefs({ user: userId, item: input.itemId }, () =>
        db
          .insertInto("questions")
          .values({
            id: randomUUID(),
            user_id: userId,
            ...questionColumns(input),
            text: input.text,
            competency: input.competency,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return questionFromRow(row);
    },

    async addBankQuestion(userId, bankKey, input) {
      await withOwnedRefs({ user: userId }, () =>
        db
          .insertInto("questions")
          .values({
            id: randomUUID(),
            user_id: userId,
            ...questionColumns(input),
            text: input.text,
            competency: input.competency,
            bank_key: bankKey,
          })
          .onConflict((conflict) => conflict.columns(["user_id", "bank_key"]).doNothing())
          .execute(),
      );
      const row = await db
        .selectFrom("questions")
        .selectAll()
        .where("user_id", "=", userId)
        .where("bank_key", "=", bankKey)
        .executeTakeFirstOrThrow();
      return questionFromRow(row);
    },

    async getQuestion(userId, questionId) {
      const row = await db
        .selectFrom("questions")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", questionId)
        .executeTakeFirst();
      if (!row) throw notFound("question", questionId);
      return questionFromRow(row);
    },

    async listQuestions(userId, filter = {}) {
      let query = db.selectFrom("questions").selectAll().where("user_id", "=", userId);
      if (filter.competency !== undefined) query = query.where("competency", "=", filter.competency);
      if (filter.category !== undefined) query = query.where("category", "=", filter.category);
      const rows = await query.orderBy("created_at").orderBy("id").execute();
      return rows.map(questionFromRow);
    },

    async updateQuestion(userId, questionId, patch) {
      return inTransaction(db, async (trx) => {
        let update = trx
          .updateTable("questions")
          .set({ ...questionColumns(patch), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
          .where("user_id", "=", userId)
          .where("id", "=", questionId);
        if (patch.expectedVersion !== undefined) update = update.where("version", "=", patch.expectedVersion);
        const row = await withOwnedRefs({ user: userId, item: patch.itemId }, () =>
          update.returningAll().executeTakeFirst(),
        );
        if (row) return questionFromRow(row);
        const current = await trx
          .selectFrom("questions")
          .select("version")
          .where("user_id", "=", userId)
          .where("id", "=", questionId)
          .executeTakeFirst();
        if (!current || patch.expectedVersion === undefined) throw notFound("question", questionId);
        throw staleVersion("question", current.version, patch.expectedVersion);
      });
    },

    async deleteQuestion(userId, questionId) {
      const result = await db
        .deleteFrom("questions")
        .where("user_id", "=", userId)
        .where("id", "=", questionId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound("question", questionId);
    },
  };
}
