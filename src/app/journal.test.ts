import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { Store } from "../store/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { deleteDocument, importDocument } from "./bank.ts";
import { addJournalEntry, deleteJournalEntry, listJournal } from "./journal.ts";

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
