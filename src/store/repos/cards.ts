/**
 * Spaced-repetition cards (FSRS state) of answers and bank questions: one schedule for both.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { CardRow } from "../schema.ts";
import { type Db, notFound, optional, withOwnedRefs } from "./sql.ts";

/** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs `State`). */
export type CardStateCode = 0 | 1 | 2 | 3;

/** The FSRS memory state of a card, as ts-fsrs computes it (camelCase). */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateCode;
  lastReview?: Date;
}

/** What a card schedules: an item (usually an answer) or a bank question. */
export type CardRef = { itemId: string } | { questionId: string };

export type Card = CardState & {
  id: string;
  itemId?: string;
  questionId?: string;
  updatedAt: Date;
};

function cardFromRow(row: CardRow): Card {
  return {
    id: row.id,
    ...optional("itemId", row.item_id),
    ...optional("questionId", row.question_id),
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsed_days,
    scheduledDays: row.scheduled_days,
    learningSteps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardStateCode,
    ...optional("lastReview", row.last_review),
    updatedAt: row.updated_at,
  };
}

function stateColumns(state: CardState) {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.lastReview ?? null,
  };
}

export interface CardsRepo {
  /**
   * Creates or replaces the schedule of an item or question (one card per ref and user).
   *
   * @example await store.cards.upsertCard("local", { itemId }, { ...next, state: 2 });
   */
  upsertCard(userId: string, ref: CardRef, state: CardState): Promise<Card>;
  /** @example const card = await store.cards.getCard("local", cardId); */
  getCard(userId: string, cardId: string): Promise<Card>;
  /**
   * The card of an item or question, or undefined when it has none yet.
   *
   * @example const card = await store.cards.findCard("local", { questionId });
   */
  findCard(userId: string, ref: CardRef): Promise<Card | undefined>;
  /**
   * Cards due at or before `before`, most overdue first.
   *
   * @example const due = await store.cards.listDueCards("local", now, { limit: 20 });
   */
  listDueCards(userId: string, before: Date, options?: { limit?: number }): Promise<Card[]>;
  /** @example await store.cards.deleteCard("local", cardId); */
  deleteCard(userId: string, cardId: string): Promise<void>;
}

export function cardsRepo(db: Db): CardsRepo {
  return {
    async upsertCard(userId, ref, state) {
      const columns = stateColumns(state);
      const byItem = "itemId" in ref;
      const row = await withOwnedRefs({ user: userId, ...ref }, () =>
        db
          .insertInto("cards")
          .values({
            id: randomUUID(),
            user_id: userId,
            item_id: byItem ? ref.itemId : null,
            question_id: byItem ? null : ref.questionId,
            ...columns,
          })
          .onConflict((conflict) =>
            conflict
              .columns(byItem ? ["user_id", "item_id"] : ["user_id", "question_id"])
              .doUpdateSet({ ...columns, updated_at: sql<Date>`now()` }),
          )
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return cardFromRow(row);
    },

    async getCard(userId, cardId) {
      const row = await db
        .selectFrom("cards")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", cardId)
        .executeTakeFirst();
      if (!row) throw notFound("card", cardId);
      return cardFromRow(row);
    },

    async findCard(userId, ref) {
      let query = db.selectFrom("cards").selectAll().where("user_id", "=", userId);
      query =
        "itemId" in ref
          ? query.where("item_id", "=", ref.itemId)
          : query.where("question_id", "=", ref.questionId);
      const row = await query.executeTakeFirst();
      return row ? cardFromRow(row) : undefined;
    },

    async listDueCards(userId, before, options = {}) {
      let query = db
        .selectFrom("cards")
        .selectAll()
        .where("user_id", "=", userId)
        .where("due", "<=", before)
        .orderBy("due")
        .orderBy("id");
      if (options.limit !== undefined) query = query.limit(options.limit);
      return (await query.execute()).map(cardFromRow);
    },

    async deleteCard(userId, cardId) {
      const result = await db
        .deleteFrom("cards")
        .where("user_id", "=", userId)
        .where("id", "=", cardId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound("card", cardId);
    },
  };
}
