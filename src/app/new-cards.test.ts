import { expect, it } from "vitest";
import { NEW_CARDS_PER_DAY } from "../core/schedule/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import { pickDrill } from "./drill.ts";
import {
  beginAnswer,
  getPractice,
  listDue,
  rateAnswer,
  skipQuestion,
  startPractice,
  submitAnswer,
} from "./practice.ts";
import { TOPICS, topicsDocument } from "./test-practice.ts";

// This file runs in a process of its own (vitest's forks pool): the user's day is Los Angeles'.
process.env.TZ = "America/Los_Angeles";

const DOC = topicsDocument();

// 09:00 on 2 March in Los Angeles (UTC−8).
const T0 = new Date("2026-03-02T17:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describeStores("new cards a day", (getStore) => {
  it("offers at most the day's allowance of never-practised answers, and the rest on the user's next day", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: new TextEncoder().encode(DOC), filename: "mine.md" });
    const first = await listDue(store, "a", { now: T0 });
    expect(first.filter((d) => d.status === "new")).toHaveLength(NEW_CARDS_PER_DAY);

    let session = await startPractice(store, "a", { from: { kind: "due" }, count: 20, now: T0 });
    expect(session.steps).toHaveLength(NEW_CARDS_PER_DAY);
    let now = T0;
    const answered: string[] = [];
    for (let guard = 0; guard < 40 && session.current; guard++) {
      const step = session.current;
      now = at((guard + 1) * 60_000);
      if (step.kind === "follow-up") await skipQuestion(store, "a", session.id, { stepId: step.id, now });
      else {
        await beginAnswer(store, "a", session.id, { stepId: step.id, now });
        await submitAnswer(store, "a", session.id, { stepId: step.id, text: DOC.split("\n")[4] ?? "", now });
        answered.push(step.id);
      }
      session = await getPractice(store, "a", session.id, now);
    }
    // Rated together at the end: each comes back ten minutes later (a learning step).
    const ratedAt = at(3_600_000);
    for (const stepId of answered) await rateAnswer(store, "a", session.id, stepId, "good", { now: ratedAt });
    expect(answered).toHaveLength(NEW_CARDS_PER_DAY);

    // Nothing due yet and the allowance spent: practice and the drill say so, and what to do instead.
    const justAfter = at(3_600_000 + 1000);
    await expect(startPractice(store, "a", { from: { kind: "due" }, now: justAfter })).rejects.toThrow(
      /Nothing is due now and today's 10 new cards are started: the rest come tomorrow\. Practise more now by choice/,
    );
    await expect(pickDrill(store, "a", { count: 5, now: justAfter })).rejects.toThrow(
      /no question is due and today's 10 new cards are started/,
    );

    // The ten rated come back (a learning step), no new one joins them the same day…
    const later = await listDue(store, "a", { now: at(2 * 3_600_000) });
    expect(later.filter((d) => d.status === "overdue")).toHaveLength(NEW_CARDS_PER_DAY);
    expect(later.filter((d) => d.status === "new")).toHaveLength(0);
    // …not at 23:30 in Los Angeles (07:30 UTC the next day), but at 00:30 there.
    const lateEvening = new Date("2026-03-03T07:30:00Z");
    expect((await listDue(store, "a", { now: lateEvening })).filter((d) => d.status === "new")).toHaveLength(
      0,
    );
    const nextDay = new Date("2026-03-03T08:30:00Z");
    expect((await listDue(store, "a", { now: nextDay })).filter((d) => d.status === "new")).toHaveLength(
      TOPICS.length - NEW_CARDS_PER_DAY,
    );
    // A client in another zone says so: at UTC, 07:30 on 3 March is already a new day.
    expect(
      (await listDue(store, "a", { now: lateEvening, timezoneOffsetMinutes: 0 })).filter(
        (d) => d.status === "new",
      ),
    ).toHaveLength(TOPICS.length - NEW_CARDS_PER_DAY);
  });

  it("starts a drill of twenty with the day's allowance of never-drilled questions", async () => {
    const store = getStore();
    const picks = await pickDrill(store, "a", { count: 20, now: T0 });
    expect(picks).toHaveLength(NEW_CARDS_PER_DAY);
  });
});
