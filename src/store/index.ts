export { openStore, type Repos, type Store, type StoreOptions, type StoreTarget } from "./db.ts";
export type {
  Attempt,
  AttemptDraft,
  AttemptFilter,
  AttemptMode,
  AttemptResult,
  AttemptsRepo,
  NewAttempt,
  Recording,
} from "./repos/attempts.ts";
export { type BackupRepo, NOT_BANK_TABLES, type RestoreCounts } from "./repos/backup.ts";
export type { Card, CardRef, CardState, CardStateCode, CardsRepo } from "./repos/cards.ts";
export type {
  DocumentMeta,
  DocumentSummary,
  DocumentsRepo,
  SavedDocument,
  SaveStatus,
  StoredPrepDoc,
} from "./repos/documents.ts";
export { ID_TABLES, type IdsRepo, type IdTable } from "./repos/ids.ts";
export type { ItemVersionEntry, ItemVersionsRepo, StoredItemVersion } from "./repos/item-versions.ts";
export type { ItemFilter, ItemPatch, ItemsRepo, StoredItem } from "./repos/items.ts";
export type {
  JournalEntry,
  JournalEntryInput,
  JournalEntryPatch,
  JournalEntryVersion,
  JournalRepo,
  JournalSource,
} from "./repos/journal.ts";
export type {
  NewPracticeSession,
  NewPracticeStep,
  PracticeRepo,
  PracticeSession,
  PracticeStatus,
  PracticeStep,
  PracticeStepKind,
  PracticeStepPatch,
} from "./repos/practice.ts";
export {
  type Budgets,
  DEFAULT_WORDS_PER_MINUTE,
  type FramingRisk,
  type Profile,
  type ProfileInput,
  type ProfilePatch,
  type ProfilesRepo,
} from "./repos/profiles.ts";
export type {
  Question,
  QuestionFilter,
  QuestionInput,
  QuestionPatch,
  QuestionsRepo,
} from "./repos/questions.ts";
export type { StoriesRepo, Story, StoryInput, StoryPatch } from "./repos/stories.ts";
export type { SavedTailoring, TailoringInput, TailoringsRepo } from "./repos/tailorings.ts";
export { LOCAL_USER_ID, type User, type UsersRepo } from "./repos/users.ts";
