import { describe, expect, it } from "vitest";
import type { PrepDoc } from "../../core/model.ts";
import { PREP_ITEM_KINDS } from "../../core/model.ts";
import type { Store } from "../db.ts";
import { describeStores, samplePrepDoc, sha256 } from "../test-stores.ts";

/**
 * Saves our sample document for user "a": from a file when `filename` is given, else as pasted
 * text; `content` stands for the text its hash is taken of.
 */
function saveSample(store: Store, content: string, options: { title?: string; filename?: string } = {}) {
  return store.documents.saveDocument(
    "a",
    samplePrepDoc(options.title === undefined ? {} : { title: options.title }),
    {
      ...(options.filename === undefined ? {} : { filename: options.filename }),
      contentSha256: sha256(content),
    },
  );
}

function withoutId<T extends { id: string }>(value: T): Omit<T, "id"> {
  const { id: _id, ...rest } = value;
  return rest;
}

describeStores("documents", (getStore) => {
  it("loads a saved document exactly as it was saved (every item, every field, in order)", async () => {
    const store = getStore();
    const doc = samplePrepDoc();
    const { status, documentId } = await store.documents.saveDocument("a", doc, {
      filename: "prep.md",
      contentSha256: sha256("v1"),
    });
    expect(status).toBe("created");
    const loaded = await store.documents.loadDocument("a", documentId);
    expect(loaded.id).toBe(documentId);
    expect(withoutId(loaded)).toStrictEqual(doc);
  });

  it("keeps optional fields absent rather than null or undefined", async () => {
    const store = getStore();
    const { targetRole: _role, ...doc } = samplePrepDoc();
    const { documentId } = await store.documents.saveDocument("a", doc, { contentSha256: sha256("no role") });
    const loaded = await store.documents.loadDocument("a", documentId);
    expect("targetRole" in loaded).toBe(false);
    const answer = loaded.items.find((item) => item.key === "q2/core");
    expect(answer && "questionNumber" in answer).toBe(false);
  });

  it("reports the same bytes again as unchanged and writes nothing", async () => {
    const store = getStore();
    const meta = { filename: "prep.md", contentSha256: sha256("v1") };
    const first = await store.documents.saveDocument("a", samplePrepDoc(), meta);
    const [before] = await store.documents.listDocuments("a");
    const again = await store.documents.saveDocument("a", samplePrepDoc({ title: "Renamed" }), meta);
    expect(again).toEqual({ status: "unchanged", documentId: first.documentId });
    const [after] = await store.documents.listDocuments("a");
    expect(after).toEqual(before);
  });

  it("updates the document with the same title, keeping the ids of items whose key survives", async () => {
    const store = getStore();
    const first = await saveSample(store, "v1");
    const itemsBefore = await store.items.listItems("a", { documentId: first.documentId });
    const q1Before = itemsBefore.find((item) => item.key === "q1/core");

    const edited = samplePrepDoc({ answerText: "A shorter answer with a 2x result." });
    edited.items = edited.items.filter((item) => item.key !== "note-1");
    const second = await store.documents.saveDocument("a", edited, { contentSha256: sha256("v2") });
    expect(second).toMatchObject({ status: "updated", documentId: first.documentId });

    const loaded = await store.documents.loadDocument("a", first.documentId);
    expect(withoutId(loaded)).toStrictEqual(edited);
    const itemsAfter = await store.items.listItems("a", { documentId: first.documentId });
    const q1After = itemsAfter.find((item) => item.key === "q1/core");
    expect(q1After?.id).toBe(q1Before?.id);
    expect(q1After?.version).toBe((q1Before?.version ?? 0) + 1);
    // Unchanged items keep their version, so an editor open on them is not made stale.
    expect(itemsAfter.find((item) => item.key === "q2/core")?.version).toBe(1);
    const [summary] = await store.documents.listDocuments("a");
    expect(summary?.version).toBe(2);
    expect(summary?.counts.note).toBe(0);
  });

  it("updates the document imported from the same file even when its title changed", async () => {
    const store = getStore();
    const first = await saveSample(store, "v1", { filename: "prep.md" });
    const second = await saveSample(store, "v2", { title: "New title", filename: "prep.md" });
    expect(second).toMatchObject({ status: "updated", documentId: first.documentId });
    expect((await store.documents.listDocuments("a")).map((d) => d.title)).toEqual(["New title"]);
  });

  it("keeps two files that share a title (the same opening `# heading`) as two documents", async () => {
    const store = getStore();
    const first = await saveSample(store, "acme", { title: "Interview prep", filename: "acme.md" });
    const second = await saveSample(store, "globex", { title: "Interview prep", filename: "globex.md" });
    expect(second.status).toBe("created");
    expect(second.documentId).not.toBe(first.documentId);
    // Pasted text with that title still finds a document by it, as before.
    const pasted = await saveSample(store, "pasted", { title: "Pasted" });
    const file = await saveSample(store, "pasted as a file", { title: "Pasted", filename: "pasted.md" });
    expect(file).toMatchObject({ status: "updated", documentId: pasted.documentId });
  });

  it("renames a document, and a re-import of its file or its text keeps the chosen title", async () => {
    const store = getStore();
    const fromFile = await saveSample(store, "file v1", { title: "Prep", filename: "prep.md" });
    const pasted = await saveSample(store, "pasted v1", { title: "Pasted heading" });
    const renamed = await store.documents.renameDocument("a", fromFile.documentId, {
      title: "Google onsite",
      expectedVersion: 1,
    });
    expect(renamed).toMatchObject({ title: "Google onsite", version: 2, counts: { answer: 2 } });
    await store.documents.renameDocument("a", pasted.documentId, { title: "Meta loop" });

    const reimported = await saveSample(store, "file v2", { title: "Prep", filename: "prep.md" });
    const repasted = await saveSample(store, "pasted v2", { title: "Pasted heading" });
    expect(reimported).toMatchObject({ status: "updated", documentId: fromFile.documentId });
    expect(repasted).toMatchObject({ status: "updated", documentId: pasted.documentId });
    // Saved again under its chosen title (as a new answer variant does): the same document.
    const loaded = await store.documents.loadDocument("a", fromFile.documentId);
    expect(loaded.title).toBe("Google onsite");
    const { id: _id, ...again } = loaded;
    expect(
      await store.documents.saveDocument("a", again, {
        filename: "prep.md",
        contentSha256: sha256("file v3"),
      }),
    ).toMatchObject({ status: "updated", documentId: fromFile.documentId });
    // …and the file's own name still finds it afterwards.
    expect(await saveSample(store, "file v4", { title: "Prep" })).toMatchObject({
      status: "updated",
      documentId: fromFile.documentId,
    });

    const titles = (await store.documents.listDocuments("a")).map((d) => d.title).sort();
    expect(titles).toEqual(["Google onsite", "Meta loop"]);
  });

  it("refuses a rename from a stale version, of a missing document, or of another user's", async () => {
    const store = getStore();
    const { documentId } = await saveSample(store, "v1");
    await store.documents.renameDocument("a", documentId, { title: "First", expectedVersion: 1 });
    await expect(
      store.documents.renameDocument("a", documentId, { title: "Second", expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(store.documents.renameDocument("b", documentId, { title: "Mine" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      store.documents.renameDocument("a", "no-such-document", { title: "X", expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await store.documents.listDocuments("a")).map((d) => d.title)).toEqual(["First"]);
  });

  it("creates a new document for another title and file", async () => {
    const store = getStore();
    await saveSample(store, "v1", { filename: "a.md" });
    const other = await saveSample(store, "v2", { title: "SWE prep", filename: "b.md" });
    expect(other.status).toBe("created");
    expect(await store.documents.listDocuments("a")).toHaveLength(2);
  });

  it("writes nothing when the save fails half-way (new document)", async () => {
    const store = getStore();
    const doc = samplePrepDoc();
    const broken: PrepDoc = {
      ...doc,
      // PostgreSQL rejects NUL in text: the items before this one are inserted, then it fails.
      items: [
        ...doc.items,
        { kind: "note", key: "bad", lines: { start: 31, end: 31 }, raw: "a\u0000b", gapBefore: 1, text: "x" },
      ],
    };
    await expect(
      store.documents.saveDocument("a", broken, { contentSha256: sha256("bad") }),
    ).rejects.toThrow();
    expect(await store.documents.listDocuments("a")).toEqual([]);
    expect(await store.items.listItems("a")).toEqual([]);
  });

  it("writes nothing when an update fails half-way (the old version stays whole)", async () => {
    const store = getStore();
    const doc = samplePrepDoc();
    const { documentId } = await store.documents.saveDocument("a", doc, { contentSha256: sha256("v1") });
    const broken = samplePrepDoc({ answerText: "changed" });
    broken.items.push({
      kind: "note",
      key: "bad",
      lines: { start: 31, end: 31 },
      raw: "a\u0000b",
      gapBefore: 1,
      text: "x",
    });
    await expect(
      store.documents.saveDocument("a", broken, { contentSha256: sha256("v2") }),
    ).rejects.toThrow();
    expect(withoutId(await store.documents.loadDocument("a", documentId))).toStrictEqual(doc);
    expect((await store.documents.listDocuments("a"))[0]?.version).toBe(1);
  });

  it("refuses a document whose items share a key, before writing anything", async () => {
    const store = getStore();
    const doc = samplePrepDoc();
    const duplicate = doc.items[0];
    if (duplicate) doc.items.push({ ...duplicate });
    await expect(
      store.documents.saveDocument("a", doc, { contentSha256: sha256("dup") }),
    ).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
    expect(await store.documents.listDocuments("a")).toEqual([]);
  });

  it("lists documents with item counts per kind as numbers", async () => {
    const store = getStore();
    const { documentId } = await saveSample(store, "v1", { filename: "prep.md" });
    const [summary] = await store.documents.listDocuments("a");
    expect(summary).toMatchObject({
      id: documentId,
      title: "ML Engineer prep",
      filename: "prep.md",
      version: 1,
    });
    expect(summary?.counts).toStrictEqual({
      section: 1,
      framing: 1,
      answer: 2,
      "follow-up": 1,
      concern: 1,
      "technical-section": 1,
      "technical-question": 1,
      reflection: 1,
      accomplishment: 1,
      "to-do": 1,
      snippet: 1,
      note: 1,
    });
    expect(summary?.createdAt).toBeInstanceOf(Date);
  });

  it("deletes a document with its items", async () => {
    const store = getStore();
    const { documentId } = await saveSample(store, "v1");
    await store.documents.deleteDocument("a", documentId);
    expect(await store.documents.listDocuments("a")).toEqual([]);
    expect(await store.items.listItems("a")).toEqual([]);
    await expect(store.documents.loadDocument("a", documentId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(store.documents.deleteDocument("a", documentId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("saves a 2,000-item document in chunks", async () => {
    const store = getStore();
    const doc = samplePrepDoc();
    doc.items = Array.from({ length: 2000 }, (_, index) => ({
      kind: "note" as const,
      key: `note-${index}`,
      lines: { start: index + 1, end: index + 1 },
      raw: `line ${index}`,
      gapBefore: 0,
      text: `line ${index}`,
    }));
    const { documentId } = await store.documents.saveDocument("a", doc, { contentSha256: sha256("big") });
    const loaded = await store.documents.loadDocument("a", documentId);
    expect(loaded.items).toHaveLength(2000);
    expect(loaded.items[1999]?.key).toBe("note-1999");
  });
});

describe("documents (shared fixture)", () => {
  it("covers every item kind", () => {
    expect(new Set(samplePrepDoc().items.map((item) => item.kind)).size).toBe(PREP_ITEM_KINDS.length);
  });
});

describeStores("documents under concurrency", (getStore) => {
  it("imports the same new file several times at once as one document (created, then unchanged)", async () => {
    const store = getStore();
    // Open several connections first, so the saves really overlap on PostgreSQL.
    await Promise.all(Array.from({ length: 4 }, () => store.documents.listDocuments("a")));
    const meta = { filename: "prep.md", contentSha256: sha256("v1") };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => store.documents.saveDocument("a", samplePrepDoc(), meta)),
    );
    expect(results.map((result) => result.status).sort()).toEqual([
      "created",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect(new Set(results.map((result) => result.documentId)).size).toBe(1);
    expect(await store.documents.listDocuments("a")).toHaveLength(1);
  });
});
