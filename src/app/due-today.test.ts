import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import { beginAnswer, listDue, rateAnswer, startPractice, submitAnswer } from "./practice.ts";
import { progressStats } from "./progress.ts";

// This file runs in a process of its own (vitest's forks pool): the user's day is Los Angeles'.
process.env.TZ = "America/Los_Angeles";

const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));
const ANSWER =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote it as an idempotent step and added a check. Failures dropped from eight a month to zero.";

describeStores("due today", (getStore) => {
  it("counts a card due at 21:00 as due at that day's 09:00 session, not the day before", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const [first] = await listDue(store, "a", { limit: 1 });
    const itemId = first?.itemId ?? "";
    // Practised twice at 21:00 in Los Angeles (05:00 UTC the next day), rated good both times.
    async function practise(at: Date) {
      const session = await startPractice(store, "a", { from: { kind: "items", ids: [itemId] }, now: at });
      const stepId = session.current?.id ?? "";
      await beginAnswer(store, "a", session.id, { stepId, now: at });
      await submitAnswer(store, "a", session.id, { stepId, text: ANSWER, now: at });
      return rateAnswer(store, "a", session.id, stepId, "good", { now: at });
    }
    await practise(new Date("2026-03-03T05:00:00Z"));
    const rated = await practise(new Date("2026-03-03T05:20:00Z"));
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
