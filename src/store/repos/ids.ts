/**
 * Finding a user's rows by the first characters of their id, as a person types them in a
 * terminal. Scoped to the user like every other read: another user's ids are never seen.
 */
import { sql } from "kysely";
import { DeriskError } from "../../core/errors.ts";
import type { Db } from "./sql.ts";

/** The tables whose ids a person types. */
export const ID_TABLES = [
  "documents",
  "items",
  "item_versions",
  "stories",
  "questions",
  "journal_entries",
  "journal_entry_versions",
  "practice_sessions",
  "tailorings",
] as const;
export type IdTable = (typeof ID_TABLES)[number];

export interface IdsRepo {
  /**
   * Ids of the user's rows in `table` equal to `text` or starting with it, in id order, at most
   * `limit` of them.
   *
   * @example await store.ids.findIds("local", "stories", "3f2a") // ["3f2a0b9e-…"]
   */
  findIds(userId: string, table: IdTable, text: string, limit: number): Promise<string[]>;
}

export function idsRepo(db: Db): IdsRepo {
  return {
    async findIds(userId, table, text, limit) {
      // The table name is spliced into the SQL: only the listed ones may reach it.
      if (!(ID_TABLES as readonly string[]).includes(table))
        throw new DeriskError("INTERNAL", `No ids are looked up in table ${table}.`);
      // starts_with, not LIKE: a typed % or _ is a character, not a wildcard.
      const rows = await db
        .selectFrom(table as "stories")
        .select("id")
        .where("user_id", "=", userId)
        .where(sql<boolean>`starts_with(id, ${text})`)
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },
  };
}
