import { expect, it } from "vitest";
import type { CardState } from "./repos/cards.ts";
import { describeStores, samplePrepDoc, sha256 } from "./test-stores.ts";

const fresh: CardState = {
  due: new Date("2025-03-01T00:00:00Z"),
  stability: 0,
  difficulty: 0,
  elapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 0,
  lapses: 0,
  state: 0,
};

const notFound = { code: "NOT_FOUND" };

/** User "a" owns one row of every kind; user "b" tries every repo method on them. */
describeStores("per-user isolation", (getStore) => {
  it("user B can neither read, change, point at nor delete user A's rows", async () => {
    const store = getStore();
    const doc = samplePrepDoc();
    const sha = sha256("a's prep");
    const { documentId } = await store.documents.saveDocument("a", doc, {
      filename: "prep.md",
      contentSha256: sha,
    });
    const [item] = await store.items.listItems("a", { documentId, kind: "answer" });
    if (!item) throw new Error("the sample has answers");
    const story = await store.stories.createStory("a", { title: "A's story", sourceItemId: item.id });
    const question = await store.questions.createQuestion("a", {
      text: "A's question",
      competency: "ml-concept",
    });
    const attempt = await store.attempts.createAttempt("a", {
      itemId: item.id,
      questionText: "Q",
      mode: "typed",
    });
    const card = await store.cards.upsertCard("a", { itemId: item.id }, fresh);
    await store.profiles.upsertProfile("a", { name: "Ada", targetRole: "ML Engineer" });
    const b = "b";

    // documents: B's same bytes, title and filename make a new document of B's, not a link to A's.
    await expect(store.documents.loadDocument(b, documentId)).rejects.toMatchObject(notFound);
    await expect(store.documents.deleteDocument(b, documentId)).rejects.toMatchObject(notFound);
    expect(await store.documents.listDocuments(b)).toEqual([]);
    const own = await store.documents.saveDocument(b, doc, { filename: "prep.md", contentSha256: sha });
    expect(own.status).toBe("created");
    expect(own.documentId).not.toBe(documentId);

    // items
    await expect(store.items.getItem(b, item.id)).rejects.toMatchObject(notFound);
    await expect(store.items.updateItem(b, item.id, { raw: "x", data: {} })).rejects.toMatchObject(notFound);
    await expect(
      store.items.updateItem(b, item.id, { raw: "x", data: {}, expectedVersion: 1 }),
    ).rejects.toMatchObject(notFound);
    expect(await store.items.listItems(b, { documentId })).toEqual([]);
    expect((await store.items.listItems(b)).every((row) => row.documentId === own.documentId)).toBe(true);

    // stories
    await expect(store.stories.getStory(b, story.id)).rejects.toMatchObject(notFound);
    await expect(store.stories.updateStory(b, story.id, { title: "x" })).rejects.toMatchObject(notFound);
    await expect(
      store.stories.updateStory(b, story.id, { title: "x", expectedVersion: 1 }),
    ).rejects.toMatchObject(notFound);
    await expect(store.stories.deleteStory(b, story.id)).rejects.toMatchObject(notFound);
    await expect(store.stories.createStory(b, { title: "x", sourceItemId: item.id })).rejects.toMatchObject(
      notFound,
    );
    expect(await store.stories.listStories(b)).toEqual([]);
    // ids typed in part: B never sees A's, whole or in part
    for (const [table, id] of [
      ["stories", story.id],
      ["items", item.id],
      ["documents", documentId],
      ["questions", question.id],
    ] as const) {
      expect(await store.ids.findIds(b, table, id.slice(0, 4), 10)).not.toContain(id);
      expect(await store.ids.findIds(b, table, id, 10)).toEqual([]);
      expect(await store.ids.findIds("a", table, id.slice(0, 4), 100)).toContain(id);
    }

    // questions
    await expect(store.questions.getQuestion(b, question.id)).rejects.toMatchObject(notFound);
    await expect(store.questions.updateQuestion(b, question.id, { text: "x" })).rejects.toMatchObject(
      notFound,
    );
    await expect(store.questions.deleteQuestion(b, question.id)).rejects.toMatchObject(notFound);
    await expect(
      store.questions.createQuestion(b, { text: "x", competency: "ml-concept", itemId: item.id }),
    ).rejects.toMatchObject(notFound);
    expect(await store.questions.listQuestions(b)).toEqual([]);

    // attempts
    await expect(store.attempts.getAttempt(b, attempt.id)).rejects.toMatchObject(notFound);
    await expect(
      store.attempts.autosaveAttempt(b, attempt.id, { text: "x", durationMs: 1 }),
    ).rejects.toMatchObject(notFound);
    await expect(store.attempts.finishAttempt(b, attempt.id, { selfRating: 1 })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      store.attempts.createAttempt(b, { itemId: item.id, questionText: "x", mode: "typed" }),
    ).rejects.toMatchObject(notFound);
    await expect(
      store.attempts.createAttempt(b, { questionId: question.id, questionText: "x", mode: "typed" }),
    ).rejects.toMatchObject(notFound);
    expect(await store.attempts.listAttempts(b)).toEqual([]);
    // A's attempt is empty and unfinished: B still cannot discard it (it is checked intact below).
    expect(await store.attempts.discardEmptyAttempt(b, attempt.id)).toBe(false);
    expect(await store.attempts.listAttempts(b, { itemId: item.id })).toEqual([]);

    // cards
    await expect(store.cards.getCard(b, card.id)).rejects.toMatchObject(notFound);
    await expect(store.cards.deleteCard(b, card.id)).rejects.toMatchObject(notFound);
    await expect(store.cards.upsertCard(b, { itemId: item.id }, fresh)).rejects.toMatchObject(notFound);
    await expect(store.cards.upsertCard(b, { questionId: question.id }, fresh)).rejects.toMatchObject(
      notFound,
    );
    expect(await store.cards.findCard(b, { itemId: item.id })).toBeUndefined();
    expect(await store.cards.listDueCards(b, new Date("2030-01-01T00:00:00Z"))).toEqual([]);

    // profiles: B sees defaults, and B's save does not touch A's.
    expect(await store.profiles.getProfile(b)).toMatchObject({ userId: b, name: "", version: 0 });
    await store.profiles.upsertProfile(b, { name: "Bob" });

    // journal: B can neither delete A's entry nor see A's deletions; B cannot dismiss A's item.
    const entry = await store.journal.createEntry("a", {
      title: "A's entry",
      happened: "x",
      sourceItemId: item.id,
    });
    if (!entry) throw new Error("A's entry is new");
    await expect(store.journal.deleteEntry(b, entry.id)).rejects.toMatchObject(notFound);
    await store.journal.deleteEntry("a", entry.id);
    expect(await store.journal.dismissedSources("a")).toEqual(new Set([item.id]));
    expect(await store.journal.dismissedSources(b)).toEqual(new Set());
    await expect(
      store.journal.createEntry(b, { title: "B's", happened: "y", sourceItemId: item.id }),
    ).rejects.toMatchObject(notFound);

    // A's rows are all still there, unchanged.
    expect((await store.documents.loadDocument("a", documentId)).items).toEqual(doc.items);
    expect(await store.items.getItem("a", item.id)).toEqual(item);
    expect(await store.stories.getStory("a", story.id)).toEqual(story);
    expect(await store.questions.getQuestion("a", question.id)).toEqual(question);
    expect(await store.attempts.getAttempt("a", attempt.id)).toEqual(attempt);
    expect(await store.cards.getCard("a", card.id)).toEqual(card);
    expect(await store.profiles.getProfile("a")).toMatchObject({ name: "Ada", version: 1 });
  });
});
