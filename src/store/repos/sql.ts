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

/** The command that lists each kind of row's ids, for the CLI's "not found" hint. */
const LISTED_BY: Record<string, string> = {
  item: "derisk show lists them",
  document: "derisk list lists them",
  story: "derisk stories list lists them",
  "journal entry": "derisk journal list lists them",
  question: "derisk list questions lists them",
  "practice session": "derisk practice --list lists the unfinished ones",
  tailoring: "derisk tailor --list lists them",
};

/**
 * A row the user asked for by id that is not in their bank. Said the same way whether it never
 * existed, was deleted or is another user's: a server never tells one user that another's id exists.
 * @example notFound("item", "zzzz").message // "No item with id zzzz in your bank: check the id (derisk show lists them); it may have been deleted."
 */
export function notFound(what: string, id: string): DeriskError {
  if (what === "user")
    return new DeriskError("NOT_FOUND", `No user${id ? ` with id ${id}` : ""} in this database.`);
  const lister = LISTED_BY[what];
  return new DeriskError("NOT_FOUND", `No ${what} with id ${id} in your bank`, {
    hint: {
      cli: `: check the id${lister ? ` (${lister})` : ""}; it may have been deleted.`,
      web: ": check the id; it may have been deleted.",
    },
  });
}

export function staleVersion(what: string, current: number, expected: number): DeriskError {
  return new DeriskError(
    "CONFLICT",
    `This ${what} was changed elsewhere (version ${current}, you had ${expected}): nothing was overwritten; start again from the latest text.`,
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

/**
 * Database refusals that the input caused, as the BAD_INPUT a user can act on; the surfaces
 * validate first, so this is the net under them. Anything else is rethrown unchanged.
 */
export function inputErrorOf(error: unknown): DeriskError | undefined {
  const state = sqlState(error);
  const message = error instanceof Error ? error.message : "";
  const said = (what: string) => new DeriskError("BAD_INPUT", what, { cause: error });
  if (
    state === "22021" ||
    state === "22P05" ||
    /\\u0000|invalid byte sequence|unsupported Unicode escape/i.test(message)
  )
    return said(
      "The text holds a character the database cannot store (NUL, U+0000, or a lone UTF-16 surrogate): remove it and retry.",
    );
  if (state === "22003")
    return said(
      "A number is out of range (the largest the bank stores is 2147483647): correct it and retry.",
    );
  if (state === "54000" || state === "22001")
    return said(
      "A value is too long for the bank to index (a title or heading of several kilobytes?): shorten it and retry.",
    );
  return undefined;
}

/** The repo with every method's database refusals caused by input translated (`inputErrorOf`). */
export function translatingInputErrors<R extends object>(repo: R): R {
  return new Proxy(repo, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          throw inputErrorOf(error) ?? error;
        }
      };
    },
  });
}
