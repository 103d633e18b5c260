import * as z from "zod";
import { DeriskError } from "./errors.ts";
import { ITEM_SOURCES } from "./model.ts";
import { describeSchemaIssue } from "./schema-issue.ts";

/*
 * The bank file, version 2: the complete, versioned backup of one user's bank — every table
 * that holds the user's data, row by row (documents, items and their history, stories,
 * questions, attempts, cards, profile). `derisk export --format json` writes it and
 * `derisk import` restores it; export → import into an empty bank → export is identical.
 * Rows use the database's column names, without `user_id` (the bank is the importer's).
 * A table added by a later migration must be added here (a test fails until it is).
 * Documented in docs/api.md ("The bank file"). Version 1 (one document) still imports.
 */

export const BANK_BACKUP_VERSION = 2;

const id = z.string().min(1).max(200);
const time = z.iso.datetime({ offset: true });
const text = z.string();
const json = z.unknown();
const strings = z.array(z.string());

/** Every table of a bank, in the order a restore inserts them (a row's references come first). */
export const BANK_TABLES = {
  profiles: z.strictObject({
    name: text,
    target_role: text.nullable(),
    background: strings,
    target_companies: strings,
    words_per_minute: z.number().int(),
    budgets: z.record(z.string(), z.number()),
    // Absent from banks exported before migration 0014: restored as the default, 10 a day.
    new_cards_per_day: z.number().int().min(0).max(100).optional(),
    framing: json.nullable(),
    version: z.number().int(),
    updated_at: time,
  }),
  documents: z.strictObject({
    id,
    title: text,
    chosen_title: text.nullable(),
    target_role: text.nullable(),
    filename: text.nullable(),
    content_sha256: text,
    encoding: text,
    repaired: z.boolean(),
    report: json,
    gap_after: z.number().int(),
    final_newline: z.boolean(),
    // Absent from banks exported before migration 0010: restored as not the sample.
    sample: z.boolean().optional(),
    created_at: time,
    updated_at: time,
    version: z.number().int(),
  }),
  items: z.strictObject({
    id,
    document_id: id,
    position: z.number().int(),
    kind: text,
    key: text,
    line_start: z.number().int(),
    line_end: z.number().int(),
    raw: text,
    gap_before: z.number().int(),
    data: z.record(z.string(), json),
    version: z.number().int(),
    created_at: time,
    updated_at: time,
  }),
  item_versions: z.strictObject({
    id,
    item_id: id,
    version: z.number().int().nullable(),
    source: z.enum(ITEM_SOURCES),
    kind: text,
    raw: text,
    data: z.record(z.string(), json),
    created_at: time,
    /** When a restore brought this text in without applying it; absent in files before it. */
    from_backup_at: time.nullable().optional(),
  }),
  stories: z.strictObject({
    id,
    title: text,
    situation: text,
    task: text,
    actions: text,
    result: text,
    lesson: text,
    metrics: strings,
    tags: strings,
    competencies: strings,
    source_item_id: id.nullable(),
    version: z.number().int(),
    created_at: time,
    updated_at: time,
  }),
  questions: z.strictObject({
    id,
    text,
    competency: text,
    source: text,
    category: text,
    key_points: strings,
    item_id: id.nullable(),
    // Added with the built-in banks: absent in older backups, restored as the defaults.
    bank_key: text.nullable().optional(),
    outline: text.optional(),
    checks: strings.optional(),
    version: z.number().int(),
    created_at: time,
    updated_at: time,
  }),
  attempts: z.strictObject({
    id,
    item_id: id.nullable(),
    question_id: id.nullable(),
    question_text: text,
    mode: z.enum(["typed", "spoken"]),
    text,
    duration_ms: z.number().int(),
    revision: z.number().int(),
    analysis: json.nullable(),
    self_rating: z.number().int().nullable(),
    started_at: time,
    updated_at: time,
    finished_at: time.nullable(),
    audio_ref: text.nullable(),
    transcript: text.nullable(),
    // Added with spoken practice (migration 0011): absent in older backups.
    delivery: json.nullable().optional(),
  }),
  cards: z.strictObject({
    id,
    item_id: id.nullable(),
    question_id: id.nullable(),
    due: time,
    stability: z.number(),
    difficulty: z.number(),
    elapsed_days: z.number().int(),
    scheduled_days: z.number().int(),
    learning_steps: z.number().int(),
    reps: z.number().int(),
    lapses: z.number().int(),
    state: z.number().int(),
    last_review: time.nullable(),
    created_at: time,
    updated_at: time,
  }),
  practice_sessions: z.strictObject({
    id,
    role: text.nullable(),
    source: json,
    status: z.enum(["active", "finished"]),
    current_step_id: id.nullable(),
    created_at: time,
    updated_at: time,
    finished_at: time.nullable(),
    // Added with the ended-early marker (migration 0015): absent in older backups.
    ended_at: time.nullable().optional(),
    ended_position: z.number().nullable().optional(),
  }),
  practice_steps: z.strictObject({
    id,
    session_id: id,
    position: z.number(),
    kind: z.enum(["question", "follow-up"]),
    item_id: id.nullable(),
    question_id: id.nullable(),
    question_text: text,
    competency: text.nullable(),
    budget_seconds: z.number().int(),
    prepared_answer: text.nullable(),
    peeked: z.boolean(),
    timer_started_at: time.nullable(),
    attempt_id: id.nullable(),
    follow_up_of: id.nullable(),
    created_at: time,
  }),
  tailorings: z.strictObject({
    id,
    company: text.nullable(),
    title: text.nullable(),
    posting: text,
    result: json,
    created_at: time,
    updated_at: time,
  }),
  journal_entries: z.strictObject({
    id,
    title: text,
    happened: text,
    felt: text,
    takeaway: text,
    story_id: id.nullable(),
    source_item_id: id.nullable(),
    version: z.number().int(),
    created_at: time,
    updated_at: time,
  }),
  journal_dismissals: z.strictObject({
    id,
    source_item_id: id,
    created_at: time,
  }),
  /** Every text a journal entry has had; it outlives the entry (a deletion can be undone). */
  journal_entry_versions: z.strictObject({
    id,
    entry_id: id,
    version: z.number().int(),
    source: z.enum(["imported", "typed", "restored", "earlier"]),
    title: text,
    happened: text,
    felt: text,
    takeaway: text,
    story_id: id.nullable(),
    created_at: time,
    from_backup_at: time.nullable().optional(),
  }),
  /** Recordings the user chose to keep; `bytes` is the audio file in base64. */
  attempt_recordings: z.strictObject({
    id,
    attempt_id: id,
    media_type: text,
    bytes: z.base64(),
    created_at: time,
  }),
} as const;

/** Tables added after version 2 was first written: a bank file from before has none (read as empty). */
const LATER_TABLES: ReadonlySet<BankTable> = new Set([
  "journal_dismissals",
  "journal_entry_versions",
  "attempt_recordings",
]);

export type BankTable = keyof typeof BANK_TABLES;
export const BANK_TABLE_NAMES = Object.keys(BANK_TABLES) as BankTable[];
/** A row as the bank file holds it: column name → JSON value. */
export type BankRow = Record<string, unknown>;

const bankBackupSchema = z.strictObject({
  format: z.literal("derisk-bank"),
  version: z.literal(BANK_BACKUP_VERSION),
  tables: z.strictObject(
    Object.fromEntries(
      BANK_TABLE_NAMES.map((name) => [
        name,
        LATER_TABLES.has(name) ? z.array(BANK_TABLES[name]).default([]) : z.array(BANK_TABLES[name]),
      ]),
    ) as {
      [K in BankTable]: z.ZodArray<(typeof BANK_TABLES)[K]>;
    },
  ),
});

export type BankBackup = {
  format: "derisk-bank";
  version: typeof BANK_BACKUP_VERSION;
  tables: Record<BankTable, BankRow[]>;
};

/** Whether a parsed JSON value claims to be a whole-bank backup (version 2). */
export function isBankBackup(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { format?: unknown }).format === "derisk-bank" &&
    (value as { version?: unknown }).version === BANK_BACKUP_VERSION
  );
}

/**
 * Serialises a bank as the bank file text (stable key order, trailing newline).
 * @example renderBankBackup({ profiles: [], documents: [...], … })
 */
export function renderBankBackup(tables: Record<BankTable, BankRow[]>): string {
  const backup: BankBackup = { format: "derisk-bank", version: BANK_BACKUP_VERSION, tables };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/**
 * Reads a bank file (version 2), with a message that says what is wrong and where.
 * @example parseBankBackup(JSON.parse(text), "bank.json").tables.documents.length
 */
export function parseBankBackup(value: unknown, where = "the JSON file"): BankBackup {
  const parsed = bankBackupSchema.safeParse(value);
  if (!parsed.success) {
    throw new DeriskError(
      "BAD_INPUT",
      `${where} is not a complete derisk bank file: ${describeSchemaIssue(parsed.error.issues[0], "the whole file")}. Export the bank again with \`derisk export --format json\`.`,
    );
  }
  return parsed.data as BankBackup;
}
