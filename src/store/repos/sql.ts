/**
 * What every repo shares: the executor type, jsonb encoding, transactions that nest, and the
 * translation of database errors into DeriskErrors a user can act on.
 */
import type { Kysely } from "kysely";
import { DeriskError } from "../../core/errors.ts";
import type { Database } from "../schema.ts";

/** A connection or an open transaction: repos work on either. */
export type Db = Kysely<Database>;

/** jsonb parameter: pg would send a JS array as a PostgreSQL array, so we send JSON text. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** Runs `fn` in a transaction, joining the caller's if `db` already is one. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Runs several reads on one consistent snapshot, so a concurrent save cannot show a document
 * with another version's items.
 */
export function inSnapshot<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().setIsolationLevel("repeatable read").execute(fn);
}

export function notFound(what: string, id: string): DeriskError {
  return new DeriskError(
    "NOT_FOUND",
    `No ${what} with id ${id}: it was deleted, or it belongs to another user.`,
  );
}

export function staleVersion(what: string, current: number, expected: number): DeriskError {
  return new DeriskError(
    "CONFLICT",
    `This ${what} was changed elsewhere (version ${current}, you had ${expected}): reload to see the latest text.`,
  );
}

/** SQLSTATE of a pg error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The rows a write points at, by what the user calls them. */
export interface Refs {
  user: string;
  item?: string | undefined;
  question?: string | undefined;
}

/**
 * Runs a write whose foreign keys may fail. Composite keys include user_id, so a violation
 * means the row points at something this user does not own: the user sees "not found".
 */
export async function withOwnedRefs<T>(refs: Refs, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) !== "23503") throw error;
    const constraint = String((error as { constraint?: unknown }).constraint ?? "");
    if (constraint.includes("question") && refs.question !== undefined)
      throw notFound("question", refs.question);
    if (constraint.includes("item") && refs.item !== undefined) throw notFound("item", refs.item);
    throw notFound("user", refs.user);
  }
}

/** Count columns arrive as strings from pg (bigint); the domain wants numbers. */
export function toCount(value: string | number | bigint): number {
  return Number(value);
}

/** `undefined` for SQL NULL, so optional fields stay absent (exactOptionalPropertyTypes). */
export function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
