/**
 * Tailorings: job postings the user matched their bank against, with the result, so a
 * posting pasted once can be listed and reopened.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { TailoringRow } from "../schema.ts";
import { type Db, inTransaction, json, notFound } from "./sql.ts";

export interface TailoringInput {
  posting: string;
  company?: string;
  title?: string;
  /** The computed tailoring (JSON-safe). */
  result: unknown;
}

export interface SavedTailoring {
  id: string;
  company?: string;
  title?: string;
  posting: string;
  result: unknown;
  createdAt: Date;
  updatedAt: Date;
}

function fromRow(row: TailoringRow): SavedTailoring {
  return {
    id: row.id,
    ...(row.company === null ? {} : { company: row.company }),
    ...(row.title === null ? {} : { title: row.title }),
    posting: row.posting,
    result: row.result,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface TailoringsRepo {
  /**
   * Saves a tailoring; the same posting text tailored again updates its row (one entry per
   * posting), keeping its id and creation date.
   *
   * @example const saved = await store.tailorings.saveTailoring("local", { posting, company: "Acme", result });
   */
  saveTailoring(userId: string, input: TailoringInput): Promise<SavedTailoring>;
  /** Most recently tailored first. @example await store.tailorings.listTailorings("local") */
  listTailorings(userId: string): Promise<SavedTailoring[]>;
  /** @example await store.tailorings.getTailoring("local", id) */
  getTailoring(userId: string, id: string): Promise<SavedTailoring>;
  /**
   * The saved tailoring of this exact posting text, if there is one (one row per posting).
   * @example (await store.tailorings.findTailoring("local", posting))?.company
   */
  findTailoring(userId: string, posting: string): Promise<SavedTailoring | undefined>;
  /** @example await store.tailorings.deleteTailoring("local", id) */
  deleteTailoring(userId: string, id: string): Promise<void>;
}

export function tailoringsRepo(db: Db): TailoringsRepo {
  return {
    saveTailoring(userId, input) {
      return inTransaction(db, async (trx) => {
        const columns = {
          company: input.company ?? null,
          title: input.title ?? null,
          result: json(input.result),
        };
        const existing = await trx
          .selectFrom("tailorings")
          .select("id")
          .where("user_id", "=", userId)
          .where("posting", "=", input.posting)
          .executeTakeFirst();
        const row = existing
          ? await trx
              .updateTable("tailorings")
              .set({ ...columns, updated_at: sql<Date>`now()` })
              .where("user_id", "=", userId)
              .where("id", "=", existing.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto("tailorings")
              .values({ id: randomUUID(), user_id: userId, posting: input.posting, ...columns })
              .returningAll()
              .executeTakeFirstOrThrow();
        return fromRow(row);
      });
    },

    async listTailorings(userId) {
      const rows = await db
        .selectFrom("tailorings")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("updated_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(fromRow);
    },

    async getTailoring(userId, id) {
      const row = await db
        .selectFrom("tailorings")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) throw notFound("tailoring", id);
      return fromRow(row);
    },

    async findTailoring(userId, posting) {
      const row = await db
        .selectFrom("tailorings")
        .selectAll()
        .where("user_id", "=", userId)
        .where("posting", "=", posting)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async deleteTailoring(userId, id) {
      const result = await db
        .deleteFrom("tailorings")
        .where("user_id", "=", userId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notFound("tailoring", id);
    },
  };
}
