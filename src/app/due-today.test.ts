import { expect, it } from "vitest";
import { describeStores } from "../store/test-stores.ts";
import { listDue } from "./practice.ts";
import { progressStats } from "./progress.ts";
import { firstDueItemId, importSample, practiseOnce } from "./test-practice.ts";

// This file runs in a process of its own (vitest's forks pool): the user's day is Los Angeles'.
process.env.TZ = "America/Los_Angeles";

describeStores("due today", (getStore) => {
  it("counts a card due at 21:00 as due at that day's 09:00 session, not the day before", async () => {
    const store = getStore();
    await importSample(store);
    const itemId = await firstDueItemId(store);
    // Practised twice at 21:00 in Los Angeles (05:00 UTC the next day), rated good both times.
    await practiseOnce(store, itemId, { begin: new Date("2026-03-03T05:00:00Z") });
    const rated = await practiseOnce(store, itemId, { begin: new Date("2026-03-03T05:20:00Z") });
    const due = rated.due ?? new Date(0);
    expect(rated.intervalDays).toBeGreaterThanOrEqual(1);
    // Due at 21:20 Los Angeles time on its day; the session that day is at 09:00 (17:00 UTC).
    const dueDay = new Date(due.getTime() - 8 * 3_600_000).toISOString().slice(0, 10);
    const morning = new Date(`${dueDay}T17:00:00Z`);
    const dayBefore = new Date(morning.getTime() - 86_400_000);
    const overdue = async (now: Date) =>
      (await listDue(store, "a", { now, includeNew: false })).map((d) => d.itemId);
    expect(await overdue(morning)).toEqual([itemId]);
    expect(await overdue(dayBefore)).toEqual([]);
    // Progress counts it as practice does, in the zone the client gives.
    expect((await progressStats(store, "a", { now: morning, timezoneOffsetMinutes: 480 })).dueNow).toBe(1);
    // In UTC the day of 17:00 ends at midnight, before the card's 05:20: not due yet.
    expect(await listDue(store, "a", { now: morning, includeNew: false, timezoneOffsetMinutes: 0 })).toEqual(
      [],
    );
  });
});
