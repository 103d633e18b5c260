import { BANK_TABLE_NAMES, type BankRow, type BankTable } from "../core/bank-backup.ts";
import type { Store } from "./index.ts";

/**
 * Test helper: writes stories with the ids given through the bank restore (the one way a user
 * picks ids), every other bank table left empty.
 */
export async function storiesWithIds(
  store: Store,
  userId: string,
  stories: Array<{ id: string; title: string }>,
): Promise<void> {
  const tables = Object.fromEntries(BANK_TABLE_NAMES.map((t) => [t, [] as BankRow[]])) as Record<
    BankTable,
    BankRow[]
  >;
  tables.stories = stories;
  await store.backup.restoreBank(userId, tables);
}
