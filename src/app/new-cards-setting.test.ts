import { expect, it } from "vitest";
import { registerDrillCommand } from "../cli/commands/drill.ts";
import { registerDueCommand } from "../cli/commands/practice.ts";
import { runCommand } from "../cli/test-cli.ts";
import { createApp } from "../server/app.ts";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import { pickDrill } from "./drill.ts";
import { checkNewCardsPerDay, setNewCardsPerDay } from "./new-cards.ts";
import { dueQueue, listDue, startPractice } from "./practice.ts";
import { TOPICS, topicsDocument } from "./test-practice.ts";

// New cards a day is the user's setting (10 until changed), kept in the bank: the due queue, a
// due session and the drill offer that many never-practised cards, and say how many wait and
// when they come. Real store, real CLI commands, the real Hono app.
// Seven never-practised answers.
const DOC = new TextEncoder().encode(topicsDocument(TOPICS.slice(0, 7)));
const NOW = new Date("2026-03-02T17:00:00Z");

describeStores("new cards a day, the user's setting", (getStore) => {
  it("limits the queue, a due session and the drill to the saved number, and says how many wait", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: DOC, filename: "mine.md" });
    const before = await dueQueue(store, "a", { now: NOW });
    expect(before.newCards).toEqual({ perDay: 10, leftToday: 10, waiting: 7, today: 7, tomorrow: 0 });

    expect(await setNewCardsPerDay(store, "a", 3)).toBe(3);
    // Kept in the bank: read back from the store, as the next command would.
    expect((await store.profiles.getProfile("a")).newCardsPerDay).toBe(3);
    const after = await dueQueue(store, "a", { now: NOW });
    expect(after.due.filter((d) => d.status === "new")).toHaveLength(3);
    expect(after.newCards).toEqual({ perDay: 3, leftToday: 3, waiting: 7, today: 3, tomorrow: 3 });
    const session = await startPractice(store, "a", { from: { kind: "due" }, count: 20, now: NOW });
    expect(session.steps.filter((s) => s.kind !== "follow-up")).toHaveLength(3);
    expect(await pickDrill(store, "a", { count: 20, now: NOW })).toHaveLength(3);

    // 0: reviews only, and the reason is said.
    await setNewCardsPerDay(store, "a", 0);
    expect((await listDue(store, "a", { now: NOW })).filter((d) => d.status === "new")).toHaveLength(0);
    await expect(pickDrill(store, "a", { count: 5, now: NOW })).rejects.toThrow(
      /new cards are set to 0 a day: raise it/,
    );
  });

  it("refuses what is not a whole number from 0 to 100, saying what was given", async () => {
    const store = getStore();
    for (const bad of [101, -1, 2.5, "ten", undefined, null])
      expect(() => checkNewCardsPerDay(bad)).toThrow(/New cards a day must be a whole number from 0 to 100/);
    expect(() => checkNewCardsPerDay(250)).toThrow(/not 250/);
    await expect(setNewCardsPerDay(store, "a", 500)).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect((await store.profiles.getProfile("a")).newCardsPerDay).toBe(10);
  });

  it("is set by derisk drill --new-per-day N, and derisk due says what waits and what comes tomorrow", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: DOC, filename: "mine.md" });
    const set = await runCommand([registerDrillCommand], ["drill", "--new-per-day", "4"], { store });
    expect(set.code).toBe(0);
    expect(set.out).toContain("New cards a day: 4 (saved");
    const due = await runCommand([registerDueCommand], ["due"], { store });
    expect(due.out).toContain("0 due now · 4 new");
    expect(due.out).toContain("7 new cards waiting: 4 today, 3 tomorrow (4 a day)");
    const json = JSON.parse((await runCommand([registerDueCommand], ["due", "--json"], { store })).out) as {
      newCards: unknown;
    };
    expect(json.newCards).toMatchObject({ perDay: 4, waiting: 7, today: 4, tomorrow: 3 });

    for (const bad of ["101", "-2", "three", "1.5"]) {
      const refused = await runCommand([registerDrillCommand], ["drill", "--new-per-day", bad], { store });
      expect(refused.code).toBe(1);
      expect(refused.error).toBe(
        `--new-per-day must be a whole number from 0 to 100, not "${bad}" (0 starts no new cards: reviews only).`,
      );
    }
    const mixed = await runCommand([registerDrillCommand], ["drill", "--new-per-day", "2", "--count", "3"], {
      store,
    });
    expect(mixed.code).toBe(1);
    expect(mixed.error).toMatch(/--new-per-day saves a setting and starts no drill: drop --count/);
    expect((await store.profiles.getProfile("a")).newCardsPerDay).toBe(4);
  });

  it("is read and saved over the API, a bad value a 400 with the same words", async () => {
    const app = createApp({ store: getStore(), userId: "a", version: "test", storage: "pglite" });
    const put = (body: unknown) =>
      app.request("/api/practice/settings", {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(await (await app.request("/api/practice/settings")).json()).toEqual({
      settings: { newCardsPerDay: 10 },
    });
    const saved = await put({ newCardsPerDay: 6 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ settings: { newCardsPerDay: 6 }, newCards: { perDay: 6 } });
    const due = (await (await app.request("/api/practice/due")).json()) as { newCards: { perDay: number } };
    expect(due.newCards.perDay).toBe(6);

    const refused = await put({ newCardsPerDay: 1000 });
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as { error: { message: string } }).error.message;
    expect(error).toBe(
      "New cards a day must be a whole number from 0 to 100, not 1000: for example 5 (0 shows reviews only).",
    );
    expect((await put({})).status).toBe(400);
  });
});
