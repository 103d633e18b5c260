import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANK_TABLE_NAMES } from "../core/bank-backup.ts";
import { NOT_BANK_TABLES, openStore, type Store } from "../store/index.ts";
import {
  editItemText,
  exportBank,
  exportDocument,
  getDocument,
  getItemHistory,
  importDocument,
  restoreItemVersion,
  saveAnswerVariant,
} from "./bank.ts";
import { getJournalHistory, restoreJournalVersion } from "./journal.ts";
import { createStoriesFromDocument } from "./stories.ts";

const sample = new Uint8Array(readFileSync(new URL("../../samples/sample-prep.md", import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);

/** A bank with a row in every table: documents, edited items with history, a variant, stories, practice, profile, a tailoring. */
async function fillBank(store: Store): Promise<string> {
  const { documentId = "" } = await importDocument(store, "local", {
    bytes: sample,
    filename: "sample-prep.md",
  });
  const { items } = await getDocument(store, "local", documentId);
  const q2 = items.find((i) => i.key === "q2/core");
  if (!q2) throw new Error("no q2");
  await editItemText(store, "local", q2.id, { text: "My own answer, typed in derisk." });
  await saveAnswerVariant(store, "local", documentId, {
    questionKey: "q3",
    variant: "ML-focused",
    text: "I modelled each channel from its neighbours.",
    source: "composed",
  });
  const { created } = await createStoriesFromDocument(store, "local", documentId);
  // The import started the journal with the sample's reflection: the user deletes that entry
  // (a dismissal, so a re-import does not bring it back) and writes one of their own, linked to a story.
  const [imported] = await store.journal.listEntries("local");
  if (!imported || !created[0]) throw new Error("the sample gives a journal entry and stories");
  await store.journal.deleteEntry("local", imported.id);
  await store.journal.createEntry("local", {
    title: "After the outage",
    happened: "The certificate expired on a Friday.",
    felt: "Tired, then proud.",
    storyId: created[0].id,
    takeaway: "Receipts, not regrets.",
  });
  const question = await store.questions.createQuestion("local", {
    text: "How do you pick a metric?",
    competency: "ml-concept",
  });
  // A built-in bank question the user drilled: its bank key, outline and key points travel too.
  await store.questions.addBankQuestion("local", "tech.lora", {
    text: "What is LoRA?",
    competency: "ml-concept",
    keyPoints: ["low-rank update"],
    outline: "Freeze, learn two small matrices, merge.",
  });
  const attempt = await store.attempts.createAttempt("local", {
    itemId: q2.id,
    questionText: "Why industry?",
    mode: "typed",
  });
  await store.attempts.autosaveAttempt("local", attempt.id, {
    text: "Because…",
    durationMs: 4200,
    revision: 1,
  });
  // A spoken attempt whose recording the user kept: binary bytes go through base64 and back.
  const spoken = await store.attempts.createAttempt("local", { questionText: "Why ML?", mode: "typed" });
  await store.attempts.saveDelivery("local", spoken.id, {
    recordedMs: 9000,
    answerMs: 8000,
    speakingMs: 6000,
    silenceMs: 3000,
    firstWordMs: 500,
    pauses: 1,
    longestPauseMs: 1600,
    pauseMinMs: 1500,
    budgetSeconds: 120,
    budgetShare: 8000 / 120_000,
  });
  await store.attempts.saveRecording("local", spoken.id, {
    mediaType: "audio/webm;codecs=opus",
    bytes: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 128, 255]),
  });
  await store.cards.upsertCard(
    "local",
    { questionId: question.id },
    {
      due: new Date("2026-01-02T03:04:05.678Z"),
      stability: 1.25,
      difficulty: 4.5,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 1,
    },
  );
  const session = await store.practice.createSession("local", {
    role: "ml-engineer",
    source: { kind: "items", itemIds: [q2.id] },
    steps: [{ itemId: q2.id, questionText: "Why industry?", budgetSeconds: 90 }],
  });
  const step = session.steps[0];
  if (!step) throw new Error("the session has its step");
  await store.practice.updateStep("local", session.id, step.id, { peeked: true, attemptId: attempt.id });
  await store.practice.addStep("local", session.id, 0.5, {
    kind: "follow-up",
    questionText: "Was the PhD related to ML?",
    budgetSeconds: 45,
    followUpOf: step.id,
  });
  // An interview ended early: its end marker (when, at which step) is part of the bank too.
  const ended = await store.practice.createSession("local", {
    source: { kind: "question", text: "Why us?" },
    steps: [{ questionText: "Why us?", budgetSeconds: 60 }],
  });
  await store.practice.endSession("local", ended.id);
  await store.profiles.upsertProfile("local", { targetRole: "ML Engineer", budgets: { answer: 120 } });
  await store.tailorings.saveTailoring("local", {
    posting: "# ML Engineer\nAcme\n\n## Requirements\n- Python",
    company: "Acme",
    title: "ML Engineer",
    result: { tailoring: { requirements: [] } },
  });
  return documentId;
}

describe("the JSON bank file is the whole bank", () => {
  let pglites: PGlite[] = [];
  const freshStore = async () => {
    const pglite = await PGlite.create();
    pglites.push(pglite);
    return openStore({ pglite });
  };
  let full: Store;
  beforeAll(async () => {
    full = await freshStore();
  }, 60_000);
  afterAll(async () => {
    await full.close();
    for (const pglite of pglites) await pglite.close();
    pglites = [];
  });

  it("covers every table of the database (a new table must be added to the bank file)", async () => {
    const tables = (await full.backup.listTables()).filter(
      (table) => !(NOT_BANK_TABLES as readonly string[]).includes(table),
    );
    expect([...BANK_TABLE_NAMES].sort()).toEqual(tables);
  });

  it("export → import into an empty bank → export gives the same bytes, with every table filled", async () => {
    const documentId = await fillBank(full);
    const first = await exportBank(full, "local");
    const parsed = JSON.parse(first.body) as {
      format: string;
      version: number;
      tables: Record<string, unknown[]>;
    };
    expect(parsed).toMatchObject({ format: "derisk-bank", version: 2 });
    for (const table of BANK_TABLE_NAMES) {
      expect({ table, rows: parsed.tables[table]?.length ?? 0 }).toEqual({ table, rows: expect.any(Number) });
      expect(parsed.tables[table]?.length, table).toBeGreaterThan(0);
    }
    // The JSON export of a document is this same file.
    expect((await exportDocument(full, "local", documentId, "json")).body).toBe(first.body);

    const empty = await freshStore();
    try {
      const dry = await importDocument(empty, "local", {
        bytes: bytes(first.body),
        filename: "bank.json",
        dryRun: true,
      });
      expect(dry).toMatchObject({ status: "dry-run", wouldBe: "restored" });
      expect((await exportBank(empty, "local")).body).not.toBe(first.body);

      const restored = await importDocument(empty, "local", {
        bytes: bytes(first.body),
        filename: "bank.json",
      });
      expect(restored.status).toBe("restored");
      expect(restored.restored?.added.items).toBe(parsed.tables.items?.length);
      expect(restored.summary).toMatch(/^1 document, \d+ items/);
      expect((await exportBank(empty, "local")).body).toBe(first.body);

      // The history came along: the edited answer still has both texts, with their sources.
      const [doc] = await empty.documents.listDocuments("local");
      const q2 = (await getDocument(empty, "local", doc?.id ?? "")).items.find((i) => i.key === "q2/core");
      expect((await getItemHistory(empty, "local", q2?.id ?? "")).map((v) => v.source)).toEqual([
        "typed",
        "imported",
      ]);

      // Restoring again adds nothing and overwrites nothing.
      const again = await importDocument(empty, "local", { bytes: bytes(first.body), filename: "bank.json" });
      expect(Object.values(again.restored?.added ?? {}).every((n) => n === 0)).toBe(true);
      expect(again.summary).toMatch(/already in your bank/);
      // Before: "1 document, 31 items (…); 87 rows were already in your bank", as if restored again.
      expect(again.summary).toMatch(
        /^Nothing new: the file holds 1 document, .*; all of it \(\d+ rows\) is already in your bank and was left as it is$/,
      );
      expect((await exportBank(empty, "local")).body).toBe(first.body);
    } finally {
      await empty.close();
    }
  }, 180_000);

  it("a newer backup restored over an older copy of the bank brings its later texts, keeping the earlier ones", async () => {
    const older = await freshStore();
    const other = await freshStore();
    try {
      const { documentId = "" } = await importDocument(older, "local", {
        bytes: sample,
        filename: "sample-prep.md",
      });
      const q1 = (await getDocument(older, "local", documentId)).items.find((i) => i.key === "q1/core");
      const [entry] = await older.journal.listEntries("local");
      if (!q1 || !entry) throw new Error("the sample gives q1 and a journal entry");
      const before = (await exportBank(older, "local")).body;
      // The later backup: the answer and the journal entry edited after the first one was written.
      await importDocument(other, "local", { bytes: bytes(before), filename: "bank.json" });
      await editItemText(other, "local", q1.id, { text: "Edited after the first backup." });
      await other.journal.updateEntry("local", entry.id, { takeaway: "Written after the first backup." });
      const after = (await exportBank(other, "local")).body;

      const restored = await importDocument(older, "local", { bytes: bytes(after), filename: "bank.json" });
      // Before: the version rows were added but the answer stayed at its old text, its history
      // listing a "version 2" above the "current" version 1.
      expect(restored.restored?.updated).toMatchObject({ items: 1, journal_entries: 1 });
      expect(restored.summary).toMatch(
        /2 texts \(an answer or journal entry the file has a later version of\) were brought up to it/,
      );
      const item = (await getDocument(older, "local", documentId)).items.find((i) => i.id === q1.id);
      expect(item?.raw).toContain("Edited after the first backup.");
      expect((await getItemHistory(older, "local", q1.id)).map((v) => v.source)).toEqual([
        "typed",
        "imported",
      ]);
      expect((await older.journal.listEntries("local"))[0]?.takeaway).toBe("Written after the first backup.");
      // Their answers and journal now read the same (the document's own date stays the bank's).
      const rowsOf = (body: string) => {
        const { tables } = JSON.parse(body) as { tables: Record<string, unknown[]> };
        return [tables.items, tables.item_versions, tables.journal_entries, tables.journal_entry_versions];
      };
      expect(rowsOf((await exportBank(older, "local")).body)).toEqual(rowsOf(after));

      // A bank that went on in its own way keeps its text: the file's is only in the history.
      await editItemText(older, "local", q1.id, { text: "Edited here, after the restore." });
      await editItemText(other, "local", q1.id, { text: "Edited there, after the restore." });
      const diverged = await importDocument(older, "local", {
        bytes: bytes((await exportBank(other, "local")).body),
        filename: "bank.json",
      });
      expect(diverged.restored?.updated.items).toBe(0);
      const kept = (await getDocument(older, "local", documentId)).items.find((i) => i.id === q1.id);
      expect(kept?.raw).toContain("Edited here, after the restore.");
    } finally {
      await older.close();
      await other.close();
    }
  }, 180_000);

  it("a backup restored over an answer and a journal entry edited on both sides keeps every text, each under its own number", async () => {
    const home = await freshStore();
    const away = await freshStore();
    try {
      const { documentId = "" } = await importDocument(home, "local", {
        bytes: sample,
        filename: "sample-prep.md",
      });
      const q1 = (await getDocument(home, "local", documentId)).items.find((i) => i.key === "q1/core");
      const [entry] = await home.journal.listEntries("local");
      if (!q1 || !entry) throw new Error("the sample gives q1 and a journal entry");
      // The same bank in two places, each edited in its own way after the split.
      await importDocument(away, "local", {
        bytes: bytes((await exportBank(home, "local")).body),
        filename: "bank.json",
      });
      await editItemText(away, "local", q1.id, { text: "Edited away, in the backup." });
      await away.journal.updateEntry("local", entry.id, { takeaway: "Written away, in the backup." });
      const backup = (await exportBank(away, "local")).body;
      await editItemText(home, "local", q1.id, { text: "Edited at home." });
      await home.journal.updateEntry("local", entry.id, { takeaway: "Written at home." });

      const restored = await importDocument(home, "local", { bytes: bytes(backup), filename: "bank.json" });
      expect(restored.restored?.keptAside).toMatchObject({ items: 1, journal_entries: 1 });
      expect(restored.summary).toMatch(
        /2 answers or journal entries edited here since the file was written keep their text: the file's joined their history as later versions marked "from a backup, not applied"/,
      );

      // Before: the file's text came in as a second "version 2", beside the bank's own.
      const history = await getItemHistory(home, "local", q1.id);
      const numbers = history.map((v) => v.version);
      expect(numbers).toEqual([3, 2, 1]);
      const [current, fromBackup] = history;
      expect(current).toMatchObject({ current: true, fromBackupAt: null });
      expect(current?.text).toContain("Edited at home.");
      expect(fromBackup).toMatchObject({ current: false, source: "typed" });
      expect(fromBackup?.text).toContain("Edited away, in the backup.");
      expect(fromBackup?.fromBackupAt).not.toBeNull();
      expect(history.filter((v) => v.fromBackupAt !== null)).toHaveLength(1);
      const item = (await getDocument(home, "local", documentId)).items.find((i) => i.id === q1.id);
      expect(item?.raw).toContain("Edited at home.");

      const journal = await getJournalHistory(home, "local", entry.id);
      expect(journal.map((v) => v.version)).toEqual([3, 2, 1]);
      expect(journal[0]).toMatchObject({ current: true, takeaway: "Written at home.", fromBackupAt: null });
      expect(journal[1]).toMatchObject({ current: false, takeaway: "Written away, in the backup." });
      expect(journal[1]?.fromBackupAt).not.toBeNull();

      // The number the history lists restores the backup's text; the next numbers follow on.
      const back = await restoreItemVersion(home, "local", q1.id, "2");
      expect(back.version).toBe(4);
      expect(back.raw).toContain("Edited away, in the backup.");
      const again = await restoreJournalVersion(home, "local", entry.id, "2");
      expect(again).toMatchObject({ version: 4, takeaway: "Written away, in the backup." });
      expect((await getJournalHistory(home, "local", entry.id)).map((v) => v.version)).toEqual([4, 3, 2, 1]);
      // A second restore of the same file adds nothing and keeps the numbers as they are.
      const twice = await importDocument(home, "local", { bytes: bytes(backup), filename: "bank.json" });
      expect(twice.restored?.keptAside).toMatchObject({ items: 0, journal_entries: 0 });
      expect((await getItemHistory(home, "local", q1.id)).map((v) => v.version)).toEqual([4, 3, 2, 1]);
    } finally {
      await home.close();
      await away.close();
    }
  }, 180_000);

  it("a journal entry deleted here and edited in the backup comes back with the backup's text, every text under its own number", async () => {
    const home = await freshStore();
    const away = await freshStore();
    try {
      await importDocument(home, "local", { bytes: sample, filename: "sample-prep.md" });
      const [entry] = await home.journal.listEntries("local");
      if (!entry) throw new Error("the sample gives a journal entry");
      await importDocument(away, "local", {
        bytes: bytes((await exportBank(home, "local")).body),
        filename: "bank.json",
      });
      await away.journal.updateEntry("local", entry.id, { takeaway: "Written away, in the backup." });
      const backup = (await exportBank(away, "local")).body;
      await home.journal.updateEntry("local", entry.id, { takeaway: "Written at home, then deleted." });
      await home.journal.deleteEntry("local", entry.id);

      await importDocument(home, "local", { bytes: bytes(backup), filename: "bank.json" });
      const history = await getJournalHistory(home, "local", entry.id);
      // Before: [2, 2, 1], the deleted entry's own version 2 beside the backup's.
      expect(history.map((v) => v.version)).toEqual([3, 2, 1]);
      expect(history[0]).toMatchObject({ current: true, takeaway: "Written away, in the backup." });
      expect(history[1]).toMatchObject({
        current: false,
        takeaway: "Written at home, then deleted.",
        fromBackupAt: null,
      });
      const updated = await home.journal.updateEntry("local", entry.id, { takeaway: "Next." });
      expect(updated.version).toBe(4);
    } finally {
      await home.close();
      await away.close();
    }
  }, 180_000);

  it("refuses a damaged bank file with the place that is wrong, writing nothing", async () => {
    const body = JSON.parse((await exportBank(full, "local")).body) as {
      tables: { items: Record<string, unknown>[] };
    };
    const first = body.tables.items[0];
    if (first) first.position = "first";
    const empty = await freshStore();
    try {
      await expect(
        importDocument(empty, "local", { bytes: bytes(JSON.stringify(body)), filename: "bank.json" }),
      ).rejects.toMatchObject({
        code: "BAD_INPUT",
        message: expect.stringMatching(/tables\.items\.0\.position/),
      });
      expect(await empty.documents.listDocuments("local")).toEqual([]);

      // A version whose item the file lacks (the item's id edited): said in words, nothing written.
      const edited = JSON.parse((await exportBank(full, "local")).body) as {
        tables: { items: Record<string, unknown>[]; item_versions: Record<string, unknown>[] };
      };
      const item = edited.tables.items[0];
      const version = edited.tables.item_versions.find((v) => v.item_id === item?.id);
      if (!item || !version) throw new Error("the bank has an item with a version");
      item.id = "00000000-0000-4000-8000-000000000000";
      // Before: 'insert or update on table "item_versions" violates foreign key constraint "item_versions_item_fk"'.
      await expect(
        importDocument(empty, "local", { bytes: bytes(JSON.stringify(edited)), filename: "bank.json" }),
      ).rejects.toMatchObject({
        code: "BAD_INPUT",
        message: `The bank file's item_versions row ${String(version.id)} points at item ${String(version.item_id)}, which is neither in the file nor in your bank: the file was edited or cut short. Export the bank again with derisk export --format json.`,
      });
      expect(await empty.documents.listDocuments("local")).toEqual([]);
    } finally {
      await empty.close();
    }
  }, 60_000);
});
