import { expect, it } from "vitest";
import { describeStores } from "../store/test-stores.ts";
import { rateAnswer, startPractice, submitAnswer } from "./practice.ts";
import { progressStats } from "./progress.ts";
import { importSample, secondsAfterT0 as later, T0 } from "./test-practice.ts";

// Progress over a real store (PGlite and PostgreSQL), fed by the real importer and practice.

describeStores("progress", (getStore) => {
  it("leaves a technical question's attempt out of the scores and risks: it is checked by key points, not the story lens", async () => {
    const store = getStore();
    await importSample(store);
    const answer = (await store.items.listItems("a", { kind: "answer" }))[0];
    const technical = (await store.items.listItems("a", { kind: "technical-question" }))[0];
    if (!answer || !technical) throw new Error("the sample lacks an answer or a technical question");
    const session = await startPractice(store, "a", {
      from: { kind: "items", ids: [answer.id, technical.id] },
      now: T0,
    });
    const story =
      "At my last job the nightly training pipeline failed twice a week. I traced it to a race in the feature export and rewrote it as an idempotent step. Failures fell from eight a month to zero, and I now test the data path first.";
    const first = await submitAnswer(store, "a", session.id, { text: story, now: later(60) });
    if (first.skipped) throw new Error("skipped");
    await rateAnswer(store, "a", session.id, first.stepId, "good", { now: later(70) });
    let view = first.session;
    // The story's follow-up, if one was asked, is skipped.
    while (view.current !== undefined && view.current.kind === "follow-up") {
      const skipped = await submitAnswer(store, "a", session.id, { text: "", now: later(80) });
      view = skipped.session;
    }
    const explanation =
      "Overfitting is when a model memorises its training data and fails on new data; underfitting is when it is too simple. Regularisation and early stopping help the first, a bigger model the second.";
    const second = await submitAnswer(store, "a", session.id, { text: explanation, now: later(120) });
    if (second.skipped) throw new Error("skipped");

    const figures = await progressStats(store, "a", { now: later(200) });
    const technicalAttempt = figures.attempts.find((a) => a.key === technical.id);
    expect(technicalAttempt).toBeDefined();
    // Before: the story lens's score (2/5 for a sound explanation) and its risks "left open".
    expect(technicalAttempt?.score).toBeUndefined();
    expect(technicalAttempt?.open).toEqual([]);
    expect(figures.totals.meanScore).toBe(figures.attempts.find((a) => a.key === answer.id)?.score);
  });
});
