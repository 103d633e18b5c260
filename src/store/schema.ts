/**
 * Kysely row types for the whole domain of PRODUCT.md. One interface per table; column names
 * are the database's (snake_case), repos translate to the domain's camelCase.
 *
 * Decisions kept here because every later feature depends on them:
 * - Every user-owned row carries `user_id` from day one, and every foreign key between
 *   user-owned rows is composite `(user_id, x_id)`, so the database itself refuses a row that
 *   points at another user's data (tenant isolation is not left to each query alone).
 * - `items` is the lossless skeleton of an imported document: one row per PrepItem, in order.
 *   Answers, follow-ups, concerns, reflections, notes, sections and the document's framing are
 *   items of that kind (kind-specific fields in `data`); they are edited in place and exported
 *   back byte-stable. They get no tables of their own: a second copy would drift from the text.
 * - Stories, questions, attempts and cards are first-class tables: they are created outside any
 *   document (a story written in the app, a technical question we ship), and attempts/cards
 *   must survive a re-import of the document they point at (their item refs are nullable).
 * - The user's editable risk lens (Framing) is a jsonb column on `profiles`: one per user,
 *   always read and written whole; `null` means "the default five questions".
 * - Timestamps are `timestamptz`, defaulting to `now()` when the caller passes none.
 */

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { ItemSource } from "../core/model.ts";

/** A timestamp the database fills when the caller passes none. */
type Timestamp = ColumnType<Date, Date | undefined, Date>;
/** jsonb: pg parses it on read; on write we pass `JSON.stringify` output (see `json()` in repos). */
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export interface UsersTable {
  id: string;
  name: Generated<string>;
  created_at: Timestamp;
}

/** One speaking-time budget per use, in seconds (e.g. `{ "answer": 120, "about-me": 90 }`). */
export type Budgets = Record<string, number>;

/** One of the five risks of the lens, as the user phrased it. */
export interface FramingRisk {
  id: string;
  risk: string;
  fear: string;
  lowers: string;
}

export interface ProfilesTable {
  user_id: string;
  name: Generated<string>;
  target_role: string | null;
  /** Background facts, one per entry ("Applied-Math PhD", "3 years DevOps"). */
  background: JsonDefault<string[]>;
  target_companies: JsonDefault<string[]>;
  words_per_minute: Generated<number>;
  budgets: JsonDefault<Budgets>;
  /** Never-practised cards the due queue and the drill introduce a day (0–100, default 10). */
  new_cards_per_day: Generated<number>;
  framing: ColumnType<FramingRisk[] | null, string | null | undefined, string | null>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface DocumentsTable {
  id: string;
  user_id: string;
  /** The name the import derived (file name, role or heading): how a re-import finds the document. */
  title: string;
  /** The name the user gave it (rename); shown instead of `title` and kept across re-imports. */
  chosen_title: Generated<string | null>;
  target_role: string | null;
  filename: string | null;
  content_sha256: string;
  encoding: string;
  repaired: boolean;
  /** The ImportReport as the importer produced it. */
  report: Json<unknown>;
  gap_after: number;
  final_newline: boolean;
  /** derisk's own sample document, not the user's experience (see migration 0010). */
  sample: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ItemsTable {
  id: string;
  user_id: string;
  document_id: string;
  position: number;
  kind: string;
  key: string;
  line_start: number;
  line_end: number;
  raw: string;
  gap_before: number;
  /** The PrepItem minus kind, key, lines, raw and gapBefore. */
  data: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * Every text an item has had (one row per version, the current one included), plus the texts a
 * re-import offered for an item the user had changed (`version` null: kept, not applied).
 */
export interface ItemVersionsTable {
  id: string;
  user_id: string;
  item_id: string;
  version: number | null;
  source: ItemSource;
  kind: string;
  raw: string;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  /** When a bank restore brought this text in without applying it (0013); null otherwise. */
  from_backup_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface StoriesTable {
  id: string;
  user_id: string;
  title: string;
  situation: Generated<string>;
  task: Generated<string>;
  actions: Generated<string>;
  result: Generated<string>;
  lesson: Generated<string>;
  metrics: JsonDefault<string[]>;
  tags: JsonDefault<string[]>;
  competencies: JsonDefault<string[]>;
  /** The item (e.g. a STAR answer) this story was drawn from, if any. */
  source_item_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuestionsTable {
  id: string;
  user_id: string;
  text: string;
  competency: string;
  source: Generated<string>;
  category: Generated<string>;
  key_points: JsonDefault<string[]>;
  /** The technical-question item this question was imported from, if any. */
  item_id: string | null;
  /** The built-in bank entry this question was added from (src/core/questions), if any. */
  bank_key: string | null;
  /** An outline of a strong answer (technical questions). */
  outline: Generated<string>;
  /** The risks the interviewer checks with it (behavioral questions). */
  checks: JsonDefault<string[]>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AttemptsTable {
  id: string;
  user_id: string;
  item_id: string | null;
  question_id: string | null;
  /** The question as asked, kept so the attempt stays readable after its item is gone. */
  question_text: string;
  mode: "typed" | "spoken";
  text: Generated<string>;
  duration_ms: Generated<number>;
  /** Highest autosave revision written; older autosaves arriving late are ignored. */
  revision: Generated<number>;
  analysis: ColumnType<unknown, string | null | undefined, string | null>;
  /** FSRS rating: 1 again, 2 hard, 3 good, 4 easy. */
  self_rating: number | null;
  started_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
  /** The id of the kept recording in attempt_recordings (a spoken attempt whose user chose to keep it). */
  audio_ref: string | null;
  /** The transcript of a spoken attempt, as the user typed or pasted it (no recogniser ships). */
  transcript: string | null;
  /** Delivery figures measured from the audio (core `Delivery`), for spoken attempts. */
  delivery: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface AttemptRecordingsTable {
  id: string;
  user_id: string;
  attempt_id: string;
  /** As the browser recorded it, e.g. "audio/webm;codecs=opus". */
  media_type: string;
  bytes: Uint8Array;
  created_at: Timestamp;
}

export interface CardsTable {
  id: string;
  user_id: string;
  item_id: string | null;
  question_id: string | null;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PracticeSessionsTable {
  id: string;
  user_id: string;
  role: string | null;
  source: Json<unknown>;
  status: ColumnType<"active" | "finished", "active" | "finished" | undefined, "active" | "finished">;
  current_step_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
  /** Set when the interview was ended before its last question (migration 0015). */
  ended_at: Date | null;
  /** The position of the step on screen when it was ended; null with `ended_at`. */
  ended_position: number | null;
}

export interface PracticeStepsTable {
  id: string;
  user_id: string;
  session_id: string;
  position: number;
  kind: "question" | "follow-up";
  item_id: string | null;
  question_id: string | null;
  question_text: string;
  competency: string | null;
  budget_seconds: number;
  prepared_answer: string | null;
  peeked: Generated<boolean>;
  timer_started_at: Date | null;
  attempt_id: string | null;
  follow_up_of: string | null;
  created_at: Timestamp;
}

export interface TailoringsTable {
  id: string;
  user_id: string;
  company: string | null;
  title: string | null;
  posting: string;
  result: Json<unknown>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A private reflection journal entry (C10). */
export interface JournalEntriesTable {
  id: string;
  user_id: string;
  title: string;
  happened: Generated<string>;
  felt: Generated<string>;
  /** One line the user keeps from the episode (edited by the user; may start as a suggestion). */
  takeaway: Generated<string>;
  story_id: string | null;
  /** The document's reflection item this entry was imported from, while it exists. */
  source_item_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A journal entry drawn from a document's reflection that the user deleted: not imported again. */
export interface JournalDismissalsTable {
  id: string;
  user_id: string;
  source_item_id: string;
  created_at: Timestamp;
}

/** One text a journal entry has had; it outlives the entry, so a deletion can be undone. */
export interface JournalEntryVersionsTable {
  id: string;
  user_id: string;
  entry_id: string;
  version: number;
  source: "imported" | "typed" | "restored" | "earlier";
  title: string;
  happened: string;
  felt: string;
  takeaway: string;
  story_id: string | null;
  created_at: Timestamp;
  /** When a bank restore brought this text in without applying it (0013); null otherwise. */
  from_backup_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Database {
  users: UsersTable;
  profiles: ProfilesTable;
  documents: DocumentsTable;
  items: ItemsTable;
  item_versions: ItemVersionsTable;
  stories: StoriesTable;
  questions: QuestionsTable;
  attempts: AttemptsTable;
  cards: CardsTable;
  practice_sessions: PracticeSessionsTable;
  practice_steps: PracticeStepsTable;
  tailorings: TailoringsTable;
  journal_entries: JournalEntriesTable;
  journal_dismissals: JournalDismissalsTable;
  journal_entry_versions: JournalEntryVersionsTable;
  attempt_recordings: AttemptRecordingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ProfileRow = Selectable<ProfilesTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type ItemRow = Selectable<ItemsTable>;
export type NewItemRow = Insertable<ItemsTable>;
export type ItemUpdate = Updateable<ItemsTable>;
export type ItemVersionRow = Selectable<ItemVersionsTable>;
export type StoryRow = Selectable<StoriesTable>;
export type QuestionRow = Selectable<QuestionsTable>;
export type AttemptRow = Selectable<AttemptsTable>;
export type AttemptRecordingRow = Selectable<AttemptRecordingsTable>;
export type CardRow = Selectable<CardsTable>;
export type PracticeSessionRow = Selectable<PracticeSessionsTable>;
export type PracticeStepRow = Selectable<PracticeStepsTable>;
export type TailoringRow = Selectable<TailoringsTable>;
export type JournalEntryRow = Selectable<JournalEntriesTable>;
export type JournalEntryVersionRow = Selectable<JournalEntryVersionsTable>;
