import { expect, it } from "vitest";
import { analyze } from "../core/analysis/index.ts";
import { answerText } from "../core/answer-text.ts";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import {
  attemptHistory,
  beginAnswer,
  finishPractice,
  getPractice,
  listDue,
  listPractice,
  type PracticeView,
  peekPrepared,
  practiceReport,
  rateAnswer,
  saveDraft,
  skipQuestion,
  startPractice,
  submitAnswer,
} from "./practice.ts";
import { importSample, secondsAfterT0 as later, T0 } from "./test-practice.ts";

// Practice use cases over a real store (PGlite and PostgreSQL), fed by the real importer.

const ANSWER =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote the export as an idempotent step and added a check. Failures dropped from eight a month to zero, and I learned to test the data path first.";

describeStores("practice", (getStore) => {
  it("leaves the sample out of the due queue once the user has a document of their own, and still practises a sample answer picked by id", async () => {
    const store = getStore();
    await importSample(store);
    const sampleItems = new Set((await store.items.listItems("a")).map((item) => item.id));
    // The sample alone is the demo: its answers are what is due.
    const demo = await listDue(store, "a", { now: T0, limit: 100 });
    expect(demo.length).toBeGreaterThan(0);
    expect(demo.every((due) => due.itemId !== undefined && sampleItems.has(due.itemId))).toBe(true);

    const own = ["# My prep", "", "## Q1- Tell me about yourself", "", ANSWER, ""].join("\n");
    await importDocument(store, "a", { bytes: new TextEncoder().encode(own), filename: "mine.md" });
    const due = await listDue(store, "a", { now: T0, limit: 100 });
    expect(due.map((d) => d.questionText)).toEqual(["Tell me about yourself"]);
    expect(due.some((d) => d.itemId !== undefined && sampleItems.has(d.itemId))).toBe(false);
    const session = await startPractice(store, "a", { from: { kind: "due" }, count: 5, now: T0 });
    expect(session.steps.map((step) => step.questionText)).toEqual(["Tell me about yourself"]);

    // Picked by its id (the sample's own "Practise this question"), a sample answer is still practised.
    const sampleQ2 = (await store.items.listItems("a", { kind: "answer" })).find(
      (item) => sampleItems.has(item.id) && item.key === "q2/core",
    );
    const picked = await startPractice(store, "a", {
      from: { kind: "items", ids: [sampleQ2?.id ?? ""] },
      now: T0,
    });
    expect(picked.steps).toHaveLength(1);
  });

  it("never asks the same follow-up twice in one session", async () => {
    const store = getStore();
    await importSample(store);
    const answers = await store.items.listItems("a", { kind: "answer" });
    const ids = ["q1/core", "q2/core"].map((key) => answers.find((i) => i.key === key)?.id ?? "");
    const session = await startPractice(store, "a", { from: { kind: "items", ids }, now: T0 });
    // Both answers speak of research work: each alone would be asked how it carries over to industry.
    const first = await submitAnswer(store, "a", session.id, {
      text: "I spent six years as a physicist calibrating detectors and built data pipelines.",
      now: later(30),
    });
    if (first.skipped || !first.followUp) throw new Error("the first answer gets a follow-up");
    await submitAnswer(store, "a", session.id, {
      text: "The software had users and deadlines.",
      now: later(60),
    });
    const second = await submitAnswer(store, "a", session.id, {
      text: "Because I want my models to reach users every week, and industry ships faster than a lab.",
      now: later(120),
    });
    if (second.skipped) throw new Error("the second answer is not a skip");
    expect(second.followUp?.question).not.toBe(first.followUp.question);
    const asked = second.session.steps.filter((s) => s.kind === "follow-up").map((s) => s.questionText);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it("gives a question the budget the library's lens reads it against, and reads the answer the same way", async () => {
    const store = getStore();
    await importSample(store);
    const answers = await store.items.listItems("a", { kind: "answer" });
    const about = answers.find((i) => i.key === "q1/core");
    if (about?.kind !== "answer") throw new Error("the sample has a q1 core answer");
    const session = await startPractice(store, "a", { from: { kind: "items", ids: [about.id] }, now: T0 });
    // The library's lens reads "Tell me about yourself" against 1 min 30 s – 2 min 30 s.
    const library = analyze(answerText(about), { question: about.question });
    expect(session.current?.budgetSeconds).toBe(library.timing.budget.max);
    const submitted = await submitAnswer(store, "a", session.id, { text: ANSWER, now: later(60) });
    if (submitted.skipped) throw new Error("the answer is not a skip");
    expect(submitted.analysis?.timing.budget).toEqual(library.timing.budget);
  });

  it("practises one competency the user has written nothing for from the built-in bank, and schedules it", async () => {
    const store = getStore();
    await importSample(store);
    const session = await startPractice(store, "a", {
      from: { kind: "competency", competency: "conflict" },
      count: 3,
      now: T0,
    });
    expect(session.steps).toHaveLength(3);
    expect(session.steps.every((step) => step.competency === "conflict")).toBe(true);
    expect(new Set(session.steps.map((step) => step.questionText)).size).toBe(3);
    const step = session.current;
    if (step?.questionId === undefined) throw new Error("a bank question picked has the user's question id");
    await submitAnswer(store, "a", session.id, { text: ANSWER, now: later(60) });
    const rated = await rateAnswer(store, "a", session.id, step.id, "good", { now: later(70) });
    expect(rated.intervalDays).toBeGreaterThan(0);
  });

  it("lists what is due across answers and technical questions, and rating moves an item out until its day", async () => {
    const store = getStore();
    await importSample(store);
    const due = await listDue(store, "a", { now: T0 });
    expect(due.some((d) => d.kind === "answer")).toBe(true);
    expect(due.some((d) => d.kind === "technical")).toBe(true);
    expect(due.every((d) => d.status === "new")).toBe(true);

    const session = await startPractice(store, "a", { from: { kind: "due" }, count: 1, now: T0 });
    const step = session.current;
    if (!step) throw new Error("no current step");
    await submitAnswer(store, "a", session.id, { text: ANSWER, now: later(60) });
    const rated = await rateAnswer(store, "a", session.id, step.id, "easy", { now: later(70) });
    expect(rated.intervalDays).toBe(8);

    const id = step.itemId ?? step.questionId;
    const after = await listDue(store, "a", { now: later(80) });
    expect(after.find((d) => (d.itemId ?? d.questionId) === id)).toBeUndefined();
    const eightDaysOn = await listDue(store, "a", { now: new Date(later(70).getTime() + 8 * 86_400_000) });
    expect(eightDaysOn[0]).toMatchObject({ status: "overdue", questionText: step.questionText });
  });

  it("checks a technical question of the user's document by its key points outside the drill too, not by the story lens", async () => {
    const store = getStore();
    await importSample(store);
    const technical = (await store.items.listItems("a", { kind: "technical-question" }))[0];
    if (!technical) throw new Error("the sample has no technical question");
    // Cards due mixes answers and technical questions: the same session kind, picked by id here.
    const session = await startPractice(store, "a", {
      from: { kind: "items", ids: [technical.id] },
      now: T0,
    });
    const explanation =
      "Overfitting is when the model memorises the training data and fails on new data; underfitting is when it is too simple to fit the pattern. Regularisation, more data and early stopping on a validation set help against the first, a bigger model or better features against the second.";
    const result = await submitAnswer(store, "a", session.id, { text: explanation, now: later(60) });
    if (result.skipped) throw new Error("skipped");
    // Before: no key points, and a behavioral follow-up ("What would you do differently?").
    expect(result.drill).toBeDefined();
    expect(result.followUp).toBeUndefined();
    const step = result.session.steps.find((s) => s.id === result.stepId);
    expect(step?.drill).toBeDefined();
    const report = await practiceReport(store, "a", session.id);
    // Before: "Ownership: say what you did yourself…" and a story score for an explanation.
    expect(report.steps[0]?.fixes).toEqual([]);
    expect(report.steps[0]?.score).toBeUndefined();
  });

  it("runs a timed session: draft autosave, peek, submit with analysis and a shorter follow-up, rating, report", async () => {
    const store = getStore();
    await importSample(store);
    const session = await startPractice(store, "a", {
      from: { kind: "competency", competency: "technical-challenge" },
      count: 1,
      role: "ml-engineer",
      now: T0,
    });
    expect(session.steps).toHaveLength(1);
    const question = session.current;
    if (!question) throw new Error("no current step");
    expect(question.competency).toBe("technical-challenge");
    expect(question.preparedAnswer).toBeUndefined();

    const begun = await beginAnswer(store, "a", session.id, { now: later(1) });
    expect(begun.current?.timerStartedAt).toEqual(later(1));
    // A reload calls it again: the timer keeps its first start.
    await beginAnswer(store, "a", session.id, { now: later(30) });
    await saveDraft(store, "a", session.id, { text: "At my last job", revision: 1, now: later(5) });
    const saved = await saveDraft(store, "a", session.id, { text: ANSWER, revision: 2, now: later(41) });
    expect(saved).toMatchObject({ saved: true, elapsedMs: 40_000 });
    // A late retry of revision 1 does not overwrite revision 2.
    expect(
      (await saveDraft(store, "a", session.id, { text: "At my", revision: 1, now: later(42) })).saved,
    ).toBe(false);

    // Reading the session again (a reload, or a server that restarted) resumes at the same question and text.
    const resumed = await getPractice(store, "a", session.id, later(50));
    expect(resumed.current?.id).toBe(question.id);
    expect(resumed.current?.attempt).toMatchObject({ text: ANSWER, revision: 2, finished: false });
    expect(resumed.current?.elapsedMs).toBe(49_000);

    const peek = await peekPrepared(store, "a", session.id);
    expect(peek.preparedAnswer.length).toBeGreaterThan(20);
    expect((await getPractice(store, "a", session.id)).current?.peeked).toBe(true);

    const submitted = await submitAnswer(store, "a", session.id, { now: later(61) });
    if (submitted.skipped) throw new Error("a saved draft was taken for an empty answer");
    expect(submitted.usedSeconds).toBe(60);
    expect(submitted.analysis?.overall.score).toBeGreaterThanOrEqual(1);
    expect(submitted.followUp?.budgetSeconds).toBe(45);
    expect(submitted.followUp?.budgetSeconds).toBeLessThan(submitted.budgetSeconds);
    expect(submitted.session.current?.kind).toBe("follow-up");
    expect(submitted.session.current?.questionText).toBe(submitted.followUp?.question);

    // Submitting the first question again (another tab) is refused.
    await expect(
      submitAnswer(store, "a", session.id, { stepId: question.id, text: ANSWER, now: later(62) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      rateAnswer(store, "a", session.id, submitted.followUp?.stepId ?? "", "good"),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const followUpAnswer =
      "It was a race between two writers; I made the export write to a temp path and rename.";
    await beginAnswer(store, "a", session.id, { now: later(62) });
    const second = await submitAnswer(store, "a", session.id, { text: followUpAnswer, now: later(90) });
    if (second.skipped) throw new Error("the follow-up answer was taken for a skip");
    expect(second.usedSeconds).toBe(28);
    expect(second.followUp).toBeUndefined();
    // Every step answered, the question not rated yet: the session waits for its rating.
    expect(second.session.status).toBe("active");
    expect(second.session.current).toBeUndefined();
    await expect(saveDraft(store, "a", session.id, { text: "more", now: later(91) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/rate your last answer/),
    });

    const rated = await rateAnswer(store, "a", session.id, question.id, "good", { now: later(100) });
    expect(rated.due).toEqual(new Date(later(100).getTime() + 10 * 60_000));
    expect((await getPractice(store, "a", session.id)).status).toBe("finished");

    const report = await practiceReport(store, "a", session.id);
    // The question was answered after a peek: counted apart, not as a clean answer.
    expect(report).toMatchObject({ status: "finished", answered: 1, peeked: 1, total: 2 });
    expect(report.steps[0]).toMatchObject({
      kind: "question",
      state: "peeked",
      afterPeek: "answered",
      answered: false,
      usedSeconds: 60,
      overBudget: false,
      rating: "good",
      peeked: true,
      followUp: submitted.followUp?.question,
    });
    expect(report.steps[1]).toMatchObject({ kind: "follow-up", budgetSeconds: 45, answered: true });
    expect(report.steps[1]?.usedSeconds).toBe(28);

    const history = await attemptHistory(store, "a", question.itemId ?? question.questionId ?? "");
    expect(history.attempts).toHaveLength(1);
    expect(history.attempts[0]).toMatchObject({ durationSeconds: 60, rating: "good" });
    expect(history.attempts[0]?.score).toBe(submitted.analysis?.overall.score);
  });

  it("keeps a session whose last answer is not rated yet in the resume list, until it is rated", async () => {
    const store = getStore();
    await importSample(store);
    const session = await startPractice(store, "a", {
      from: { kind: "question", text: "Tell me about a time you fixed a flaky pipeline." },
      now: T0,
    });
    const question = session.current;
    if (!question) throw new Error("no current step");
    await beginAnswer(store, "a", session.id, { now: T0 });
    await submitAnswer(store, "a", session.id, { text: ANSWER, now: later(60) });
    let view = await getPractice(store, "a", session.id);
    // A follow-up may come first: answer it too, so the question's rating is all that is left.
    if (view.current)
      await submitAnswer(store, "a", session.id, { text: "We added a retry.", now: later(90) });
    // The tab closed (or the terminal was killed) here, before the rating.
    const resumable = await listPractice(store, "a", { status: "active" });
    expect(resumable.map((s) => s.id)).toEqual([session.id]);
    view = resumable[0] as PracticeView;
    expect(view.current).toBeUndefined();
    expect(view.steps[0]?.attempt).toMatchObject({ finished: true });
    expect(view.steps[0]?.attempt?.selfRating).toBeUndefined();
    expect(view.steps[0]?.skipped).toBe(false);

    await rateAnswer(store, "a", session.id, question.id, "hard", { now: later(120) });
    expect(await listPractice(store, "a", { status: "active" })).toEqual([]);
    expect(await practiceReport(store, "a", session.id)).toMatchObject({ status: "finished" });
  });

  it("finishes, on request, a session waiting only for ratings the user chose not to give", async () => {
    const store = getStore();
    await importSample(store);
    const session = await startPractice(store, "a", { from: { kind: "due" }, count: 2, now: T0 });
    await expect(finishPractice(store, "a", session.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await skipQuestion(store, "a", session.id, { now: later(5) });
    const answered = await submitAnswer(store, "a", session.id, { text: ANSWER, now: later(60) });
    let view = answered.session;
    while (view.current) view = (await skipQuestion(store, "a", session.id, { now: later(70) })).session;
    expect(view.status).toBe("active");
    // The question skipped before stays skipped in a session waiting for a rating.
    expect(view.steps[0]?.skipped).toBe(true);
    await finishPractice(store, "a", session.id);
    expect((await getPractice(store, "a", session.id)).status).toBe("finished");
    await finishPractice(store, "a", session.id);
  });

  it("names the variant of the answer a question practises, not the core script's", async () => {
    const store = getStore();
    await importSample(store);
    const answers = await store.items.listItems("a", { kind: "answer" });
    const alternative = answers.find((i) => i.kind === "answer" && i.variant === "alternative");
    const core = answers.find(
      (i) =>
        i.kind === "answer" &&
        i.variant === "core" &&
        alternative?.kind === "answer" &&
        i.question === alternative.question,
    );
    if (!alternative || !core) throw new Error("the sample has a question with two variants");
    const session = await startPractice(store, "a", {
      from: { kind: "items", ids: [alternative.id, core.id] },
    });
    expect(session.steps.map((s) => s.variant)).toEqual(["alternative", undefined]);
  });

  it("starts from one typed question or hand-picked ids, and refuses bad requests clearly", async () => {
    const store = getStore();
    await importSample(store);
    const typed = await startPractice(store, "a", {
      from: { kind: "question", text: "Why should we hire you?" },
    });
    expect(typed.steps).toHaveLength(1);
    expect(typed.current).toMatchObject({
      questionText: "Why should we hire you?",
      hasPreparedAnswer: false,
    });

    const due = await listDue(store, "a", { now: T0 });
    const ids = due.slice(0, 2).map((d) => d.itemId ?? d.questionId ?? "");
    const picked = await startPractice(store, "a", { from: { kind: "items", ids } });
    expect(picked.steps.map((s) => s.itemId ?? s.questionId)).toEqual(ids);

    await expect(startPractice(store, "a", { from: { kind: "due" }, count: 0 })).rejects.toThrow(/1–20/);
    await expect(startPractice(store, "a", { from: { kind: "question", text: "  " } })).rejects.toThrow(
      /empty/,
    );
    await expect(
      startPractice(store, "a", { from: { kind: "competency", competency: "juggling" as never } }),
    ).rejects.toThrow(/Unknown competency/);
    await expect(startPractice(store, "b", { from: { kind: "due" } })).rejects.toThrow(/Nothing is due/);
    // Another user's ids are not found, not borrowed.
    await expect(startPractice(store, "b", { from: { kind: "items", ids } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("takes an empty answer as a skip, not an attempt: no follow-up, no rating, shown as skipped", async () => {
    const store = getStore();
    await importSample(store);
    const session = await startPractice(store, "a", { from: { kind: "due" }, count: 2, now: T0 });
    const [first, second] = session.steps;
    if (!first || !second) throw new Error("two questions expected");
    await beginAnswer(store, "a", session.id, { now: T0 });
    await saveDraft(store, "a", session.id, { text: "A first thought", now: later(5) });
    await saveDraft(store, "a", session.id, { text: "", now: later(8) });
    const skipped = await submitAnswer(store, "a", session.id, { text: "  \n ", now: later(9) });
    expect(skipped).toMatchObject({ skipped: true, stepId: first.id, removed: false });
    expect(skipped.session.steps).toHaveLength(2);
    expect(skipped.session.current?.id).toBe(second.id);
    expect(skipped.session.steps[0]).toMatchObject({ skipped: true });
    expect(skipped.session.steps[0]?.attempt).toBeUndefined();
    const ref = first.itemId ? { itemId: first.itemId } : { questionId: first.questionId ?? "" };
    expect(await store.attempts.listAttempts("a", ref)).toEqual([]);
    await expect(rateAnswer(store, "a", session.id, first.id, "good")).rejects.toMatchObject({
      code: "CONFLICT",
    });

    // The last question skipped with nothing typed (no text sent, none saved) ends the session.
    const last = await skipQuestion(store, "a", session.id, { stepId: second.id, now: later(20) });
    expect(last.session.status).toBe("finished");
    const report = await practiceReport(store, "a", session.id);
    expect(report).toMatchObject({ answered: 0, total: 2 });
    expect(report.steps.map((s) => s.skipped)).toEqual([true, true]);
  });

  it("says a question was deleted since the session started, and moves past it", async () => {
    const store = getStore();
    await importSample(store);
    const session = await startPractice(store, "a", {
      from: { kind: "competency", competency: "technical-challenge" },
      count: 1,
      now: T0,
    });
    const step = session.current;
    if (!step?.itemId) throw new Error("an answer was expected");
    expect(step.removed).toBe(false);
    const item = await store.items.getItem("a", step.itemId);
    await store.documents.deleteDocument("a", item.documentId);
    const after = await getPractice(store, "a", session.id);
    expect(after.current).toMatchObject({ id: step.id, removed: true, questionText: step.questionText });
    const moved = await submitAnswer(store, "a", session.id, { text: "", now: later(3) });
    expect(moved).toMatchObject({ skipped: true, removed: true });
    expect((await practiceReport(store, "a", session.id)).steps[0]).toMatchObject({
      removed: true,
      skipped: true,
      answered: false,
    });
    // A typed-in question has no id to lose: never "removed".
    const typed = await startPractice(store, "a", { from: { kind: "question", text: "Why us?" } });
    expect(typed.current?.removed).toBe(false);
  });

  it("keeps one user's session and attempts out of another's reach", async () => {
    const store = getStore();
    await importSample(store);
    const session = await startPractice(store, "a", { from: { kind: "due" }, count: 1, now: T0 });
    await saveDraft(store, "a", session.id, { text: "secret draft", now: later(3) });
    const stepId = session.current?.id ?? "";
    const calls: Array<() => Promise<unknown>> = [
      () => getPractice(store, "b", session.id),
      () => beginAnswer(store, "b", session.id),
      () => saveDraft(store, "b", session.id, { text: "mine now" }),
      () => peekPrepared(store, "b", session.id),
      () => submitAnswer(store, "b", session.id, { text: ANSWER }),
      () => rateAnswer(store, "b", session.id, stepId, "easy"),
      () => practiceReport(store, "b", session.id),
      () => attemptHistory(store, "b", session.current?.itemId ?? session.current?.questionId ?? ""),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getPractice(store, "a", session.id)).current?.attempt?.text).toBe("secret draft");
  });
});
