import { expect, it } from "vitest";
import { describeStores } from "../test-stores.ts";

describeStores("stories, questions and profiles", (getStore) => {
  it("creates, reads, updates and deletes a story", async () => {
    const store = getStore();
    const story = await store.stories.createStory("a", {
      title: "Flaky GPU job",
      situation: "Nightly training failed.",
      metrics: ["-80% failures"],
      competencies: ["technical-challenge"],
    });
    expect(story).toMatchObject({
      title: "Flaky GPU job",
      task: "",
      lesson: "",
      metrics: ["-80% failures"],
      version: 1,
    });
    expect(await store.stories.getStory("a", story.id)).toEqual(story);
    const updated = await store.stories.updateStory("a", story.id, {
      lesson: "Pin drivers.",
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({
      lesson: "Pin drivers.",
      situation: "Nightly training failed.",
      version: 2,
    });
    await expect(
      store.stories.updateStory("a", story.id, { lesson: "x", expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("This story was changed elsewhere (version 2, you had 1)"),
    });
    expect(await store.stories.listStories("a")).toEqual([updated]);
    await store.stories.deleteStory("a", story.id);
    expect(await store.stories.listStories("a")).toEqual([]);
  });

  it("creates, filters, updates and deletes bank questions", async () => {
    const store = getStore();
    const dropout = await store.questions.createQuestion("a", {
      text: "What is dropout?",
      competency: "ml-concept",
      category: "ML foundations",
      keyPoints: ["regularisation", "train vs inference"],
    });
    await store.questions.createQuestion("a", {
      text: "How do you deploy a model?",
      competency: "ml-engineering",
    });
    expect(dropout).toMatchObject({ source: "", category: "ML foundations", version: 1 });
    expect((await store.questions.listQuestions("a", { competency: "ml-concept" })).map((q) => q.id)).toEqual(
      [dropout.id],
    );
    expect(await store.questions.listQuestions("a")).toHaveLength(2);
    const updated = await store.questions.updateQuestion("a", dropout.id, {
      keyPoints: ["p = 0.5"],
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({ keyPoints: ["p = 0.5"], text: "What is dropout?", version: 2 });
    expect(await store.questions.getQuestion("a", dropout.id)).toEqual(updated);
    await store.questions.deleteQuestion("a", dropout.id);
    await expect(store.questions.getQuestion("a", dropout.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("returns a default profile (150 words/min) until one is saved, then upserts it", async () => {
    const store = getStore();
    expect(await store.profiles.getProfile("a")).toEqual({
      userId: "a",
      name: "",
      background: [],
      targetCompanies: [],
      wordsPerMinute: 150,
      budgets: {},
      newCardsPerDay: 10,
      version: 0,
    });
    const saved = await store.profiles.upsertProfile("a", {
      name: "Ada",
      targetRole: "ML Engineer",
      budgets: { answer: 120 },
      expectedVersion: 0,
    });
    expect(saved).toMatchObject({ name: "Ada", targetRole: "ML Engineer", wordsPerMinute: 150, version: 1 });
    const framing = [{ id: "ambiguity", risk: "ambiguity", fear: "collapses", lowers: "names unknowns" }];
    const changed = await store.profiles.upsertProfile("a", { framing, wordsPerMinute: 140 });
    expect(changed).toMatchObject({ name: "Ada", framing, wordsPerMinute: 140, version: 2 });
    await expect(store.profiles.upsertProfile("a", { name: "x", expectedVersion: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(store.profiles.upsertProfile("a", { name: "x", expectedVersion: 0 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const cleared = await store.profiles.upsertProfile("a", {
      targetRole: null,
      framing: null,
      expectedVersion: 2,
    });
    expect("targetRole" in cleared || "framing" in cleared).toBe(false);
    expect(await store.profiles.getProfile("a")).toEqual(cleared);
  });

  it("refuses a profile for a user that does not exist", async () => {
    await expect(getStore().profiles.upsertProfile("ghost", { name: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("has the local user from the first migration", async () => {
    expect(await getStore().users.getUser("local")).toMatchObject({ id: "local" });
  });
});
