import { expect, it } from "vitest";
import type { Store } from "../db.ts";
import { describeStores } from "../test-stores.ts";
import type { CardState } from "./cards.ts";

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

async function question(store: Store, text = "What is dropout?") {
  return store.questions.createQuestion("a", { text, competency: "ml-concept" });
}

describeStores("cards", (getStore) => {
  it("creates one card per question and replaces its state on the next upsert", async () => {
    const store = getStore();
    const q = await question(store);
    const created = await store.cards.upsertCard("a", { questionId: q.id }, fresh);
    expect(created).toMatchObject({ ...fresh, questionId: q.id });
    expect("lastReview" in created).toBe(false);
    const reviewed: CardState = {
      ...fresh,
      due: new Date("2025-03-03T00:00:00Z"),
      stability: 2.3065,
      difficulty: 2.11810397,
      scheduledDays: 2,
      reps: 1,
      state: 2,
      lastReview: new Date("2025-03-01T00:00:00Z"),
    };
    const updated = await store.cards.upsertCard("a", { questionId: q.id }, reviewed);
    expect(updated.id).toBe(created.id);
    expect(updated).toMatchObject(reviewed);
    expect(await store.cards.findCard("a", { questionId: q.id })).toEqual(updated);
  });

  it("lists cards due before a date, most overdue first", async () => {
    const store = getStore();
    const [q1, q2, q3] = [await question(store, "1"), await question(store, "2"), await question(store, "3")];
    await store.cards.upsertCard(
      "a",
      { questionId: q1.id },
      { ...fresh, due: new Date("2025-03-02T00:00:00Z") },
    );
    await store.cards.upsertCard(
      "a",
      { questionId: q2.id },
      { ...fresh, due: new Date("2025-03-01T00:00:00Z") },
    );
    await store.cards.upsertCard(
      "a",
      { questionId: q3.id },
      { ...fresh, due: new Date("2025-04-01T00:00:00Z") },
    );
    const due = await store.cards.listDueCards("a", new Date("2025-03-05T00:00:00Z"));
    expect(due.map((card) => card.questionId)).toEqual([q2.id, q1.id]);
    expect(await store.cards.listDueCards("a", new Date("2025-03-05T00:00:00Z"), { limit: 1 })).toHaveLength(
      1,
    );
  });

  it("deletes a question's card with the question", async () => {
    const store = getStore();
    const q = await question(store);
    const card = await store.cards.upsertCard("a", { questionId: q.id }, fresh);
    await store.questions.deleteQuestion("a", q.id);
    await expect(store.cards.getCard("a", card.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a card for an item that does not exist", async () => {
    const store = getStore();
    await expect(store.cards.upsertCard("a", { itemId: "missing" }, fresh)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("deletes a card", async () => {
    const store = getStore();
    const card = await store.cards.upsertCard("a", { questionId: (await question(store)).id }, fresh);
    await store.cards.deleteCard("a", card.id);
    await expect(store.cards.deleteCard("a", card.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
