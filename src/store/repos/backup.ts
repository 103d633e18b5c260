/**
 * The whole bank of one user, table by table: read for the JSON export, written back by a
 * restore. Table-driven on purpose, so a new table is one entry in BANK_TABLES (core) and the
 * coverage test says when one is missing.
 */
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
};

export interface RestoreCounts {
  /** Rows written, per table. */
  added: Record<BankTable, number>;
  /** Rows already in the bank (same id), left as they were. */
  skipped: Record<BankTable, number>;
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
   * added, rows already there are left as they are (nothing in the bank is overwritten).
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
  return value instanceof Date ? value.toISOString() : value;
}

const zeroCounts = () => Object.fromEntries(BANK_TABLE_NAMES.map((t) => [t, 0])) as Record<BankTable, number>;

export function backupRepo(db: Db): BackupRepo {
  async function jsonColumns(trx: Db, table: BankTable): Promise<Set<string>> {
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and data_type = 'jsonb'`.execute(trx);
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
        const counts: RestoreCounts = { added: zeroCounts(), skipped: zeroCounts() };
        for (const table of BANK_TABLE_NAMES) {
          const json = await jsonColumns(trx, table);
          for (const row of tables[table]) {
            const columns = Object.keys(row);
            // Column names come from the validated bank file (strict schemas), never from free text.
            const values = columns.map((column) => {
              const value = row[column];
              return json.has(column) && value !== null ? JSON.stringify(value) : value;
            });
            try {
              const { numAffectedRows } = await sql`
                insert into ${sql.table(table)} (user_id, ${sql.join(columns.map((c) => sql.ref(c)))})
                values (${userId}, ${sql.join(values)})
                on conflict do nothing`.execute(trx);
              if (numAffectedRows === 0n) counts.skipped[table]++;
              else counts.added[table]++;
            } catch (error) {
              const state = sqlState(error);
              if (state === undefined || !/^2[23]/.test(state)) throw error;
              throw new DeriskError(
                "BAD_INPUT",
                `The bank file has a ${table} row (${String(row.id ?? "profile")}) that does not fit: ${(error as Error).message}. Export the bank again with derisk export --format json.`,
                { cause: error },
              );
            }
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
