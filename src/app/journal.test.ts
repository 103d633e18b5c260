import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { Store } from "../store/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { deleteDocument, importDocument } from "./bank.ts";
import {
  addJournalEntry,
  deleteJournalEntry,
  getJournalEntry,
  getJournalHistory,
  listJournal,
  restoreJournalVersion,
  updateJournalEntry,
} from "./journal.ts";

const sampleText = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");
const importSample = (store: Store, text = sampleText) =>
  importDocument(store, "a", { bytes: new TextEncoder().encode(text), filename: "sample-prep.md" });

describeStores("journal entries drawn from a document", (getStore) => {
  it("an entry the user deleted stays deleted when the same document is imported again", async () => {
    const store = getStore();
    const { documentId = "" } = await importSample(store);
    const [drawn] = await listJournal(store, "a");
    if (!drawn?.sourceItemId) throw new Error("the sample's reflection starts the journal");
    await deleteJournalEntry(store, "a", drawn.id);

    // The same bytes again, then the file with an answer edited: the reflection's item survives both.
    expect((await importSample(store)).status).toBe("unchanged");
    expect(await listJournal(store, "a")).toEqual([]);
    const edited = sampleText.replace(
      "### Q5-",
      "### Q4- Tell me about a disagreement.\n\nWe ran both options for a week.\n\n### Q5-",
    );
    expect((await importSample(store, edited)).status).toBe("updated");
    expect(await listJournal(store, "a")).toEqual([]);

    // The user's own entries are untouched by this: one added after comes and goes as usual.
    const own = await addJournalEntry(store, "a", { happened: "A hard review.", felt: "Stung." });
    expect((await listJournal(store, "a")).map((e) => e.id)).toEqual([own.id]);
    await deleteJournalEntry(store, "a", own.id);
    expect(await store.journal.dismissedSources("a")).toEqual(new Set([drawn.sourceItemId]));

    // Deleting the document forgets the dismissal with its items: importing it anew is a new start.
    await deleteDocument(store, "a", documentId);
    expect(await store.journal.dismissedSources("a")).toEqual(new Set());
    await importSample(store);
    expect((await listJournal(store, "a")).map((e) => e.title)).toEqual([drawn.title]);
  });

  it("lists the newest entry first, as the other dated lists do", async () => {
    const store = getStore();
    await store.users.ensureUser("c");
    const first = await addJournalEntry(store, "c", { happened: "The first hard week.", felt: "Tired." });
    const second = await addJournalEntry(store, "c", { happened: "The second hard week.", felt: "Calmer." });
    expect((await listJournal(store, "c")).map((e) => e.id)).toEqual([second.id, first.id]);
  });

  it("one user's deletion does not hide another user's entry of the same document", async () => {
    const store = getStore();
    await importSample(store);
    const [drawn] = await listJournal(store, "a");
    if (!drawn) throw new Error("the sample's reflection starts the journal");
    await deleteJournalEntry(store, "a", drawn.id);
    await importDocument(store, "b", {
      bytes: new TextEncoder().encode(sampleText),
      filename: "sample-prep.md",
    });
    expect(await listJournal(store, "b")).toHaveLength(1);
    expect(await store.journal.dismissedSources("b")).toEqual(new Set());
  });
});

describeStores("journal history", (getStore) => {
  it("an edit keeps the text it replaces, and restoring it is a new version", async () => {
    const store = getStore();
    await store.users.ensureUser("h");
    const entry = await addJournalEntry(store, "h", {
      title: "The outage",
      happened: "The TLS bug took the API down.",
      felt: "Drained.",
    });
    await updateJournalEntry(store, "h", entry.id, {
      takeaway: "I can learn any layer.",
      expectedVersion: 1,
    });
    await updateJournalEntry(store, "h", entry.id, { title: "The night of the TLS bug", expectedVersion: 2 });

    const history = await getJournalHistory(store, "h", entry.id);
    expect(history.map((v) => [v.version, v.source, v.title, v.takeaway, v.current])).toEqual([
      [3, "typed", "The night of the TLS bug", "I can learn any layer.", true],
      [2, "typed", "The outage", "I can learn any layer.", false],
      [1, "typed", "The outage", "", false],
    ]);

    const first = history[2];
    if (!first) throw new Error("three versions");
    const restored = await restoreJournalVersion(store, "h", entry.id, first.id, { expectedVersion: 3 });
    expect([restored.version, restored.title, restored.takeaway]).toEqual([4, "The outage", ""]);
    const after = await getJournalHistory(store, "h", entry.id);
    expect(after.map((v) => [v.version, v.source, v.current])).toEqual([
      [4, "restored", true],
      [3, "typed", false],
      [2, "typed", false],
      [1, "typed", false],
    ]);
    // A stale version is refused, as for answers.
    await expect(
      restoreJournalVersion(store, "h", entry.id, first.id, { expectedVersion: 3 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("a deleted entry keeps its history and comes back when a text of it is restored", async () => {
    const store = getStore();
    await store.users.ensureUser("d");
    const entry = await addJournalEntry(store, "d", {
      title: "Raw",
      happened: "The release broke.",
      felt: "Awful.",
    });
    await updateJournalEntry(store, "d", entry.id, { takeaway: "Roll back first." });
    await deleteJournalEntry(store, "d", entry.id);
    expect(await listJournal(store, "d")).toEqual([]);

    const history = await getJournalHistory(store, "d", entry.id);
    expect(history.map((v) => [v.version, v.takeaway, v.current])).toEqual([
      [2, "Roll back first.", false],
      [1, "", false],
    ]);
    const back = await restoreJournalVersion(store, "d", entry.id, history[0]?.id ?? "");
    expect([back.id, back.version, back.takeaway, back.createdAt]).toEqual([
      entry.id,
      3,
      "Roll back first.",
      entry.createdAt,
    ]);
    expect((await getJournalEntry(store, "d", entry.id)).entry.happened).toBe("The release broke.");
    expect((await listJournal(store, "d")).map((e) => e.id)).toEqual([entry.id]);
  });

  it("another user's entry has no history to read or restore", async () => {
    const store = getStore();
    await store.users.ensureUser("x");
    await store.users.ensureUser("y");
    const entry = await addJournalEntry(store, "x", { felt: "Mine." });
    const [version] = await getJournalHistory(store, "x", entry.id);
    await expect(getJournalHistory(store, "y", entry.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restoreJournalVersion(store, "y", entry.id, version?.id ?? "")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
