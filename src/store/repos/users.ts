/**
 * Users. The embedded mode has one, "local" (created by the first migration); server mode
 * adds accounts.
 */
import type { UserRow } from "../schema.ts";
import { type Db, notFound } from "./sql.ts";

/** The single user of the embedded, local-only mode. */
export const LOCAL_USER_ID = "local";

export interface User {
  id: string;
  name: string;
  createdAt: Date;
}

function userFromRow(row: UserRow): User {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

export interface UsersRepo {
  /**
   * Creates the user if missing (the name is only used then) and returns it.
   *
   * @example const user = await store.users.ensureUser("u-42", { name: "Ada" });
   */
  ensureUser(userId: string, options?: { name?: string }): Promise<User>;
  /** @example const user = await store.users.getUser("local"); */
  getUser(userId: string): Promise<User>;
}

export function usersRepo(db: Db): UsersRepo {
  return {
    async ensureUser(userId, options = {}) {
      await db
        .insertInto("users")
        .values({ id: userId, name: options.name ?? "" })
        .onConflict((conflict) => conflict.column("id").doNothing())
        .execute();
      const row = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
      return userFromRow(row);
    },
    async getUser(userId) {
      const row = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
      if (!row) throw notFound("user", userId);
      return userFromRow(row);
    },
  };
}
