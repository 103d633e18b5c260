import { expect, it } from "vitest";
import { AWAY_AFTER_MS, accruedAnswerMs, looksPasted } from "../core/answer-time.ts";
import { describeStores } from "../store/test-stores.ts";
import {
  beginAnswer,
  getPractice,
  practiceReport,
  saveDraft,
  startPractice,
  submitAnswer,
} from "./practice.ts";
import { secondsAfterT0 as at, importSample, T0 } from "./test-practice.ts";

// An attempt's time is the time spent answering: a break (closed tab, killed CLI, laptop asleep)
// between two contacts from the answering screen adds nothing. Real store, injected clock.
const HOUR = 3600;
const TEXT = "At my last job the nightly pipeline failed twice a week; I traced it to a race and fixed it.";

it("counts a gap up to 30 s between contacts and nothing for a longer one", () => {
  expect(accruedAnswerMs(20_000, at(0), at(5))).toBe(25_000);
  expect(accruedAnswerMs(20_000, at(0), new Date(T0.getTime() + AWAY_AFTER_MS))).toBe(50_000);
  expect(accruedAnswerMs(20_000, at(0), at(31))).toBe(20_000);
  expect(accruedAnswerMs(20_000, at(0), at(HOUR))).toBe(20_000);
  // A clock that went backwards adds nothing either.
  expect(accruedAnswerMs(20_000, at(10), at(0))).toBe(20_000);
});

describeStores("answering time", (getStore) => {
  async function oneQuestion() {
    const store = getStore();
    await importSample(store);
    const answers = await store.items.listItems("a", { kind: "answer" });
    const id = answers.find((i) => i.key === "q1/core")?.id ?? "";
    const session = await startPractice(store, "a", { from: { kind: "items", ids: [id] }, now: T0 });
    return { store, sessionId: session.id, stepId: session.current?.id ?? "" };
  }

  it("does not count an hour away: a resumed attempt shows and keeps its answering time", async () => {
    const { store, sessionId, stepId } = await oneQuestion();
    await beginAnswer(store, "a", sessionId, { stepId, now: at(0) });
    await saveDraft(store, "a", sessionId, { stepId, text: "At my last job", now: at(10) });
    await saveDraft(store, "a", sessionId, { stepId, text: "At my last job the nightly", now: at(20) });
    // The tab closes (or the CLI is killed); the candidate comes back an hour later.
    const resumed = await getPractice(store, "a", sessionId, at(HOUR + 20));
    expect(resumed.current?.elapsedMs).toBe(20_000);
    const begun = await beginAnswer(store, "a", sessionId, { stepId, now: at(HOUR + 20) });
    expect(begun.current?.elapsedMs).toBe(20_000);
    const saved = await saveDraft(store, "a", sessionId, { stepId, text: TEXT, now: at(HOUR + 30) });
    expect(saved.elapsedMs).toBe(30_000);
    const submitted = await submitAnswer(store, "a", sessionId, { stepId, now: at(HOUR + 35) });
    if (submitted.skipped) throw new Error("the answer is not a skip");
    const report = await practiceReport(store, "a", sessionId);
    const step = report.steps.find((s) => s.stepId === stepId);
    expect(step?.usedSeconds).toBe(35);
    expect(step?.overBudget).toBe(false);
  });

  it("leaves an uninterrupted answer's time as the wall time from start to submit", async () => {
    const { store, sessionId, stepId } = await oneQuestion();
    await beginAnswer(store, "a", sessionId, { stepId, now: at(0) });
    // The answering screen's heartbeat (every 10 s) and a few autosaves while typing.
    for (const s of [10, 20, 25, 30, 40, 50, 60, 70]) {
      if (s % 10 === 0) await beginAnswer(store, "a", sessionId, { stepId, now: at(s) });
      else await saveDraft(store, "a", sessionId, { stepId, text: TEXT, now: at(s) });
    }
    const view = await getPractice(store, "a", sessionId, at(75));
    expect(view.current?.elapsedMs).toBe(75_000);
    await submitAnswer(store, "a", sessionId, { stepId, text: TEXT, now: at(78) });
    const report = await practiceReport(store, "a", sessionId);
    expect(report.steps.find((s) => s.stepId === stepId)?.usedSeconds).toBe(78);
  });
});

it("tells a pasted answer (words faster than anyone types) from a typed one", () => {
  const answer =
    "The nightly pipeline failed twice a week. I traced it to a race and fixed it; failures fell to zero.";
  expect(looksPasted(answer, 0)).toBe(true);
  expect(looksPasted(answer, 2)).toBe(true);
  // 20 words in 30 s is 40 a minute: typing.
  expect(looksPasted(answer, 30)).toBe(false);
  // A word or two proves nothing either way.
  expect(looksPasted("Yes, twice.", 0)).toBe(false);
});
