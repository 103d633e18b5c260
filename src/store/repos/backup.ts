/**
 * The whole bank of one user, table by table: read for the JSON export, written back by a
 * restore. Table-driven on purpose, so a new table is one entry in BANK_TABLES (core) and the
 * coverage test says when one is missing.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { BANK_TABLE_NAMES, type BankRow, type BankTable } from "../../core/bank-backup.ts";
import { DeriskError } from "../../core/errors.ts";
import { type Db, inTransaction, sqlState } from "./sql.ts";

/** Tables of the database that are not a user's bank: the users themselves, the migrator's. */
export const NOT_BANK_TABLES = ["users", "kysely_migration", "kysely_migration_lock"] as const;

/** Row order in a dump: stable, so the same bank always exports to the same bytes. */
const ORDER: Record<BankTable, string> = {
  profiles: "user_id",
  documents: "created_at, id",
  items: "document_id, position, id",
  item_versions: "item_id, created_at, version nulls last, id",
  stories: "created_at, id",
  questions: "created_at, id",
  attempts: "started_at, id",
  cards: "created_at, id",
  practice_sessions: "created_at, id",
  practice_steps: "session_id, position, id",
  tailorings: "created_at, id",
  journal_entries: "created_at, id",
  journal_dismissals: "created_at, id",
  journal_entry_versions: "entry_id, version, created_at, id",
  attempt_recordings: "created_at, id",
};

/** Columns that point at another table's id: rewritten when that row got a new id. */
/**
 * Which reference of a row broke a foreign key: the column the constraint names
 * ("item_versions_item_fk" → item_id), else the first reference the row has.
 */
function danglingReference(
  table: BankTable,
  row: Record<string, unknown>,
  error: unknown,
): { what: string; id: string } | undefined {
  const constraint = String((error as { constraint?: unknown }).constraint ?? "");
  const columns = Object.keys(REFERENCES[table]).filter((column) => typeof row[column] === "string");
  const column = columns.find((c) => constraint.includes(`_${c.replace(/_id$/, "")}_`)) ?? columns[0];
  if (column === undefined) return undefined;
  return { what: column.replace(/_id$/, "").replace(/_/g, " "), id: String(row[column]) };
}

const REFERENCES: Record<BankTable, Record<string, BankTable>> = {
  profiles: {},
  documents: {},
  items: { document_id: "documents" },
  item_versions: { item_id: "items" },
  stories: { source_item_id: "items" },
  questions: { item_id: "items" },
  attempts: { item_id: "items", question_id: "questions" },
  cards: { item_id: "items", question_id: "questions" },
  practice_sessions: {},
  practice_steps: {
    session_id: "practice_sessions",
    item_id: "items",
    question_id: "questions",
    attempt_id: "attempts",
    follow_up_of: "practice_steps",
  },
  tailorings: {},
  journal_entries: { story_id: "stories", source_item_id: "items" },
  journal_dismissals: { source_item_id: "items" },
  journal_entry_versions: { entry_id: "journal_entries", story_id: "stories" },
  attempt_recordings: { attempt_id: "attempts" },
};

export interface RestoreCounts {
  /** Rows written, per table. */
  added: Record<BankTable, number>;
  /** Rows already in the bank (same id), left as they were. */
  skipped: Record<BankTable, number>;
  /**
   * Answers (items) and journal entries already in the bank whose text the file has a later
   * version of, on top of the bank's whole history: brought up to that text (not in `skipped`).
   */
  updated: Record<BankTable, number>;
  /**
   * Answers (items) and journal entries the bank had edited in its own way since the file was
   * written: they keep their text, and the file's texts they lacked join their history as
   * later-numbered versions marked "from a backup, not applied".
   */
  keptAside: Record<BankTable, number>;
}

/**
 * Rows with a history: when the file's row is a later version of one the bank has, and the
 * file's history holds every version the bank has, the bank's row moves up to the file's text
 * (a backup restored over an older copy of the same bank). Columns are those a new version
 * changes; the history table says which versions the row has had.
 */
const FAST_FORWARD: Partial<Record<BankTable, { history: BankTable; key: string; columns: string[] }>> = {
  items: {
    history: "item_versions",
    key: "item_id",
    columns: ["kind", "raw", "data", "version", "updated_at"],
  },
  journal_entries: {
    history: "journal_entry_versions",
    key: "entry_id",
    columns: ["title", "happened", "felt", "takeaway", "story_id", "version", "updated_at"],
  },
};

/** The history tables of FAST_FORWARD, and the column naming the row each entry belongs to. */
const HISTORY_KEY: Partial<Record<BankTable, string>> = Object.fromEntries(
  Object.values(FAST_FORWARD).map((rule) => [rule.history, rule.key]),
);

/**
 * A row the bank edited in its own way since the file was written keeps its text; the file's
 * texts this restore added to its history (`added`) would repeat the bank's version numbers
 * ("version 2" twice). They are numbered after the bank's earlier texts, oldest first, and
 * marked with the restore's time (`from_backup_at`: not applied); the current text then takes
 * the number after them (and the row's version with it), so it stays the newest number, no
 * number is skipped, and the next edit follows on. Returns whether anything was added.
 * With `mark` false the texts moved are the bank's own (those of a journal entry it had
 * deleted, which the file brought back with its text): renumbered the same way, not marked.
 */
async function keepAside(
  trx: Db,
  userId: string,
  table: BankTable,
  id: string,
  version: number,
  added: Array<Record<string, unknown>>,
  mark = true,
): Promise<boolean> {
  const rule = FAST_FORWARD[table];
  if (!rule || added.length === 0) return false;
  const addedIds = added.map((v) => String(v.id));
  // Of an old history that holds the current version twice, the newest is the current text.
  const { rows: currentRow } = await sql<{ id: string }>`
    select id from ${sql.table(rule.history)}
    where user_id = ${userId} and ${sql.ref(rule.key)} = ${id} and version = ${version}
      and id not in (${sql.join(addedIds)})
    order by created_at desc, id desc limit 1`.execute(trx);
  const currentId = currentRow[0]?.id;
  const others = [...addedIds, ...(currentId === undefined ? [] : [currentId])];
  const { rows: top } = await sql<{ version: number | null }>`
    select max(version) as version from ${sql.table(rule.history)}
    where user_id = ${userId} and ${sql.ref(rule.key)} = ${id} and id not in (${sql.join(others)})`.execute(
    trx,
  );
  // The file's texts follow the bank's earlier ones; the current text takes the number after them.
  let next = Math.max(Number(top[0]?.version ?? 0), currentId === undefined ? version : 0);
  const ordered = [...added].sort(
    (a, b) =>
      Number(a.version) - Number(b.version) ||
      String(a.created_at).localeCompare(String(b.created_at)) ||
      String(a.id).localeCompare(String(b.id)),
  );
  for (const entry of ordered) {
    next++;
    await sql`
      update ${sql.table(rule.history)}
      set version = ${next}, from_backup_at = ${mark ? sql`now()` : sql`from_backup_at`}
      where user_id = ${userId} and id = ${String(entry.id)}`.execute(trx);
  }
  next++;
  if (currentId !== undefined)
    await sql`
      update ${sql.table(rule.history)} set version = ${next}
      where user_id = ${userId} and id = ${currentId}`.execute(trx);
  await sql`
    update ${sql.table(table)} set version = ${next}
    where user_id = ${userId} and id = ${id}`.execute(trx);
  return true;
}

export interface BackupRepo {
  /**
   * Every row of the user's bank, per table, as JSON values (timestamps as ISO strings).
   *
   * @example const tables = await store.backup.dumpBank("local"); tables.documents.length;
   */
  dumpBank(userId: string): Promise<Record<BankTable, BankRow[]>>;
  /**
   * Writes a bank's rows into the user's bank in one transaction: rows whose id is new are
   * added, rows already there are left as they are, except an answer or journal entry the file
   * has a later text of, whose history in the file holds all of the bank's (then it takes that
   * text: nothing of the bank's is lost, its texts are all in the history). A row
   * whose id another user's row has (a bank restored into a second account of one server) gets
   * a new id, and the rows pointing at it follow.
   *
   * @example const { added } = await store.backup.restoreBank("local", backup.tables);
   */
  restoreBank(userId: string, tables: Record<BankTable, BankRow[]>): Promise<RestoreCounts>;
  /**
   * The tables of the database, for the test that every one is in the bank file or said not to be.
   *
   * @example await store.backup.listTables() // ["attempts", "cards", …]
   */
  listTables(): Promise<string[]>;
}

function toJsonValue(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  return value instanceof Date ? value.toISOString() : value;
}

const zeroCounts = () => Object.fromEntries(BANK_TABLE_NAMES.map((t) => [t, 0])) as Record<BankTable, number>;

export function backupRepo(db: Db): BackupRepo {
  async function columnsOfType(trx: Db, table: BankTable, type: "jsonb" | "bytea"): Promise<Set<string>> {
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and data_type = ${type}`.execute(trx);
    return new Set(rows.map((row) => row.column_name));
  }

  return {
    dumpBank(userId) {
      return inTransaction(db, async (trx) => {
        const tables = {} as Record<BankTable, BankRow[]>;
        for (const table of BANK_TABLE_NAMES) {
          const { rows } = await sql<Record<string, unknown>>`
            select * from ${sql.table(table)} where user_id = ${userId} order by ${sql.raw(ORDER[table])}`.execute(
            trx,
          );
          tables[table] = rows.map((row) =>
            Object.fromEntries(
              Object.entries(row)
                .filter(([column]) => column !== "user_id")
                .map(([column, value]) => [column, toJsonValue(value)]),
            ),
          );
        }
        return tables;
      });
    },

    restoreBank(userId, tables) {
      return inTransaction(db, async (trx) => {
        const counts: RestoreCounts = {
          added: zeroCounts(),
          skipped: zeroCounts(),
          updated: zeroCounts(),
          keptAside: zeroCounts(),
        };
        // History rows this restore added, per history table and row they belong to.
        const addedHistory = new Map<BankTable, Map<string, Array<Record<string, unknown>>>>();
        // Rows of FAST_FORWARD tables this restore added ("journal_entries:<id>").
        const addedRows = new Set<string>();
        // Rows of FAST_FORWARD tables already in the bank, with their values as they would be written.
        const existing: Array<{
          table: BankTable;
          row: Record<string, unknown>;
          value: (c: string) => unknown;
        }> = [];
        const renamed = Object.fromEntries(
          BANK_TABLE_NAMES.map((t) => [t, new Map<string, string>()]),
        ) as Record<BankTable, Map<string, string>>;
        for (const table of BANK_TABLE_NAMES) {
          const json = await columnsOfType(trx, table, "jsonb");
          // Binary columns (a kept recording) travel as base64 in the bank file.
          const binary = await columnsOfType(trx, table, "bytea");
          const ids = tables[table].map((row) => row.id).filter((id): id is string => typeof id === "string");
          const owners = new Map<string, string>();
          if (ids.length > 0 && table !== "profiles") {
            const { rows } = await sql<{ id: string; user_id: string }>`
              select id, user_id from ${sql.table(table)} where id in (${sql.join(ids)})`.execute(trx);
            for (const row of rows) owners.set(row.id, row.user_id);
          }
          for (const original of tables[table]) {
            const row = { ...original };
            const owner = typeof row.id === "string" ? owners.get(row.id) : undefined;
            if (owner !== undefined && owner !== userId && typeof row.id === "string") {
              const fresh = randomUUID();
              renamed[table].set(row.id, fresh);
              row.id = fresh;
            }
            for (const [column, target] of Object.entries(REFERENCES[table])) {
              const ref = row[column];
              if (typeof ref === "string") row[column] = renamed[target].get(ref) ?? ref;
            }
            const columns = Object.keys(row);
            // Column names come from the validated bank file (strict schemas), never from free text.
            const values = columns.map((column) => {
              const value = row[column];
              if (binary.has(column) && typeof value === "string") return Buffer.from(value, "base64");
              return json.has(column) && value !== null ? JSON.stringify(value) : value;
            });
            try {
              const { numAffectedRows } = await sql`
                insert into ${sql.table(table)} (user_id, ${sql.join(columns.map((c) => sql.ref(c)))})
                values (${userId}, ${sql.join(values)})
                on conflict do nothing`.execute(trx);
              if (numAffectedRows === 0n) {
                counts.skipped[table]++;
                if (FAST_FORWARD[table] && owners.get(String(row.id)) === userId)
                  existing.push({ table, row, value: (c) => values[columns.indexOf(c)] });
              } else {
                counts.added[table]++;
                if (FAST_FORWARD[table] && typeof row.id === "string") addedRows.add(`${table}:${row.id}`);
                const keyColumn = HISTORY_KEY[table];
                if (keyColumn !== undefined && typeof row[keyColumn] === "string") {
                  const perRow = addedHistory.get(table) ?? new Map<string, Array<Record<string, unknown>>>();
                  addedHistory.set(table, perRow);
                  const key = String(row[keyColumn]);
                  perRow.set(key, [...(perRow.get(key) ?? []), row]);
                }
              }
            } catch (error) {
              const state = sqlState(error);
              if (state === undefined || !/^2[23]/.test(state)) throw error;
              const id = String(row.id ?? "profile");
              // A row pointing at one the file lacks (an edited or cut file): said as such, not as
              // 'violates foreign key constraint "item_versions_item_fk"'.
              const missing = state === "23503" ? danglingReference(table, row, error) : undefined;
              throw new DeriskError(
                "BAD_INPUT",
                missing === undefined
                  ? `The bank file's ${table} row ${id} does not fit: ${(error as Error).message}. Export the bank again with derisk export --format json.`
                  : `The bank file's ${table} row ${id} points at ${missing.what} ${missing.id}, which is neither in the file nor in your bank: the file was edited or cut short. Export the bank again with derisk export --format json.`,
                { cause: error },
              );
            }
          }
        }
        for (const { table, row, value } of existing) {
          const rule = FAST_FORWARD[table];
          if (!rule || typeof row.version !== "number") continue;
          const { rows: current } = await sql<{ version: number }>`
            select version from ${sql.table(table)} where user_id = ${userId} and id = ${String(row.id)}`.execute(
            trx,
          );
          if (current[0] === undefined) continue;
          const added = (addedHistory.get(rule.history)?.get(String(row.id)) ?? []).filter(
            (v) => v.version !== null && v.version !== undefined,
          );
          if (current[0].version >= row.version) {
            // An older file: its texts the bank lacks (if any) go after the bank's, not applied.
            if (await keepAside(trx, userId, table, String(row.id), current[0].version, added))
              counts.keptAside[table]++;
            continue;
          }
          const { rows: had } = await sql<{ id: string }>`
            select id from ${sql.table(rule.history)}
            where user_id = ${userId} and ${sql.ref(rule.key)} = ${String(row.id)} and version is not null`.execute(
            trx,
          );
          const inFile = new Set(
            tables[rule.history].filter((v) => v[rule.key] === row.id && v.version !== null).map((v) => v.id),
          );
          // The bank went on in its own way since the file was written: it keeps its text, and the
          // file's texts join the history after the bank's own, marked as not applied.
          if (!had.every((v) => inFile.has(v.id))) {
            if (await keepAside(trx, userId, table, String(row.id), current[0].version, added))
              counts.keptAside[table]++;
            continue;
          }
          const columns = rule.columns.filter((c) => c in row);
          await sql`
            update ${sql.table(table)}
            set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = ${value(c)}`))}
            where user_id = ${userId} and id = ${String(row.id)}`.execute(trx);
          counts.skipped[table]--;
          counts.updated[table]++;
        }
        // A journal entry the bank had deleted comes back from the file with the file's text; the
        // bank's own texts of it that the file lacks would repeat the file's numbers.
        for (const [table, rule] of Object.entries(FAST_FORWARD) as Array<
          [BankTable, { history: BankTable; key: string }]
        >) {
          for (const [key, fromFile] of addedHistory.get(rule.history) ?? []) {
            if (!addedRows.has(`${table}:${key}`)) continue;
            const inFile = fromFile.map((v) => String(v.id));
            const { rows: own } = await sql<Record<string, unknown>>`
              select id, version, created_at from ${sql.table(rule.history)}
              where user_id = ${userId} and ${sql.ref(rule.key)} = ${key} and version is not null
                and id not in (${sql.join(inFile)})`.execute(trx);
            const { rows: entity } = await sql<{ version: number }>`
              select version from ${sql.table(table)} where user_id = ${userId} and id = ${key}`.execute(trx);
            const version = entity[0]?.version;
            if (own.length === 0 || version === undefined) continue;
            const dated = own.map((v) => ({
              ...v,
              created_at: v.created_at instanceof Date ? v.created_at.toISOString() : String(v.created_at),
            }));
            await keepAside(trx, userId, table, key, version, dated, false);
          }
        }
        return counts;
      });
    },

    async listTables() {
      const { rows } = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
      return rows.map((row) => row.table_name);
    },
  };
}
