/**
 * Every migration, listed statically so bundling and `tsx` need no directory scan.
 * Add-only: append `NNNN-name` entries; never edit or remove one that has been released.
 */
import type { Migration } from "kysely";
import * as initial from "./0001-initial.ts";
import * as itemHistory from "./0002-item-history.ts";
import * as practiceSessions from "./0003-practice-sessions.ts";
import * as chosenTitle from "./0004-document-chosen-title.ts";
import * as tailorings from "./0005-tailorings.ts";
import * as journal from "./0006-journal.ts";
import * as questionBank from "./0008-question-bank.ts";
import * as journalDismissals from "./0009-journal-dismissals.ts";
import * as documentSample from "./0010-document-sample.ts";
import * as spokenAttempts from "./0011-spoken-attempts.ts";
import * as journalVersions from "./0012-journal-versions.ts";
import * as historyFromBackup from "./0013-history-from-backup.ts";
import * as newCardsPerDay from "./0014-new-cards-per-day.ts";
import * as practiceEnded from "./0015-practice-ended.ts";

export const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-item-history": itemHistory,
  "0003-practice-sessions": practiceSessions,
  "0004-document-chosen-title": chosenTitle,
  "0005-tailorings": tailorings,
  "0006-journal": journal,
  "0008-question-bank": questionBank,
  "0009-journal-dismissals": journalDismissals,
  "0010-document-sample": documentSample,
  "0011-spoken-attempts": spokenAttempts,
  "0012-journal-versions": journalVersions,
  "0013-history-from-backup": historyFromBackup,
  "0014-new-cards-per-day": newCardsPerDay,
  "0015-practice-ended": practiceEnded,
};
