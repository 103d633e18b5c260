import { expect, it } from "vitest";
import { analyze } from "../core/analysis/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { attemptHistory, getPractice, practiceReport, startPractice, submitAnswer } from "./practice.ts";
import { progressStats } from "./progress.ts";
import { secondsAfterT0 as at, importSample, T0 } from "./test-practice.ts";

// An answer the risk lens reads as another language carries overall.score 1 in its snapshot;
// that 1 is no judgement, so practice, history and progress name the language instead and keep
// it out of every mean. Real store, real analyzer.

const FRENCH =
  "Dans mon dernier poste, notre chaîne de traitement échouait deux fois par semaine. J'ai trouvé la cause dans l'export des données et je l'ai réécrit avec un contrôle. Les pannes sont passées de huit par mois à zéro, et j'ai appris à tester les données en premier.";
const ENGLISH =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote the export as an idempotent step and added a check. Failures dropped from eight a month to zero, and I learned to test the data path first.";

describeStores("an answer in another language", (getStore) => {
  it("is shown as not scored (French) and left out of the means", async () => {
    // The premise: the lens names the language and its snapshot still says 1.
    const lens = analyze(FRENCH, { question: "Tell me about yourself" });
    expect(lens.language?.name).toBe("French");
    expect(lens.overall.score).toBe(1);

    const store = getStore();
    await importSample(store);
    const answers = await store.items.listItems("a", { kind: "answer" });
    const ids = ["q1/core", "q2/core"].map((key) => answers.find((i) => i.key === key)?.id ?? "");
    const session = await startPractice(store, "a", { from: { kind: "items", ids }, now: T0 });
    const firstStep = session.current?.id ?? "";
    const first = await submitAnswer(store, "a", session.id, { text: FRENCH, now: at(20) });
    if (first.skipped) throw new Error("the French answer is an answer");
    // Answer every step in English from here on (follow-ups included).
    let now = 40;
    for (;;) {
      const view = await getPractice(store, "a", session.id, at(now));
      if (!view.current) break;
      await submitAnswer(store, "a", session.id, { text: ENGLISH, now: at(now + 5) });
      now += 20;
    }

    const view = await getPractice(store, "a", session.id, at(now));
    const french = view.steps.find((s) => s.id === firstStep);
    expect(french?.attempt?.score).toBeUndefined();
    expect(french?.attempt?.notScored).toBe("French");

    const report = await practiceReport(store, "a", session.id);
    const frenchStep = report.steps.find((s) => s.stepId === firstStep);
    expect(frenchStep).toMatchObject({ notScored: "French", answered: true });
    expect(frenchStep?.score).toBeUndefined();
    const englishSteps = report.steps.filter((s) => s.stepId !== firstStep && s.answered);
    expect(englishSteps.length).toBeGreaterThan(0);
    expect(englishSteps.every((s) => s.score !== undefined && s.notScored === undefined)).toBe(true);

    const history = await attemptHistory(store, "a", ids[0] ?? "");
    expect(history.attempts.map((a) => [a.score, a.notScored])).toEqual([[undefined, "French"]]);

    const figures = await progressStats(store, "a", { now: at(now) });
    const frenchAttempt = figures.attempts.find((a) => a.key === ids[0]);
    expect(frenchAttempt).toMatchObject({ notScored: "French" });
    expect(frenchAttempt?.score).toBeUndefined();
    // Its risks are not read either: the risk shares count the English attempts only.
    expect(frenchAttempt?.open).toEqual([]);
    const english = figures.attempts.filter((a) => a.key !== ids[0]).length;
    expect(figures.risks.every((r) => r.of === english)).toBe(true);
    // The mean is the English answers' alone: the French 1 does not pull it down.
    const scored = figures.attempts.flatMap((a) => (a.score === undefined ? [] : [a.score]));
    expect(scored.length).toBeGreaterThan(0);
    expect(figures.attempts.filter((a) => a.score !== undefined).every((a) => a.key !== ids[0])).toBe(true);
    const latest = new Map(
      figures.attempts.flatMap((a) => (a.score === undefined ? [] : [[a.key, a.score]])),
    );
    const mean = [...latest.values()].reduce((sum, v) => sum + v, 0) / latest.size;
    expect(latest.has(ids[0] ?? "")).toBe(false);
    expect(figures.totals.meanScore).toBeCloseTo(mean, 6);
  });
});
