import { expect, it } from "vitest";
import { answerText } from "../core/answer-text.ts";
import { describeStores } from "../store/test-stores.ts";
import {
  beginAnswer,
  endPractice,
  getPractice,
  peekPrepared,
  practiceReport,
  skipQuestion,
  startPractice,
  submitAnswer,
} from "./practice.ts";
import { importSample, secondsAfterT0 as later, PIPELINE_ANSWER, T0 } from "./test-practice.ts";

// A question whose prepared answer was peeked at is a step state of its own ("peeked"), on a real
// store (PGlite and PostgreSQL): neither a clean answer nor a plain skip, in the session and in the
// report, whatever came after the peek.

/** A session over the sample's first four answers, by id (no follow-up is asked of a skip). */
async function fourAnswers(store: Parameters<typeof importSample>[0]) {
  await importSample(store);
  const answers = (await store.items.listItems("a", { kind: "answer" })).slice(0, 4);
  return startPractice(store, "a", { from: { kind: "items", ids: answers.map((a) => a.id) }, now: T0 });
}

describeStores("practice: a peeked question", (getStore) => {
  it("reads 'peeked' once passed, whether answered, skipped or ended on after the peek, and is counted apart", async () => {
    const store = getStore();
    const session = await fourAnswers(store);
    const [first, second, third, fourth] = session.steps;
    if (!first || !second || !third || !fourth) throw new Error("four questions were expected");

    // 1: peeked at, then answered. While on screen it is still open, its peek noted.
    await beginAnswer(store, "a", session.id, { stepId: first.id, now: T0 });
    await peekPrepared(store, "a", session.id, { stepId: first.id });
    const open = await getPractice(store, "a", session.id, later(2));
    expect(open.current).toMatchObject({ id: first.id, state: "open", peeked: true });
    const answered = await submitAnswer(store, "a", session.id, {
      stepId: first.id,
      text: PIPELINE_ANSWER,
      now: later(40),
    });
    if (answered.skipped) throw new Error("the answer was taken for a skip");
    // A follow-up may be asked: skip it without a peek (a plain skip).
    let view = answered.session;
    if (view.current?.kind === "follow-up")
      view = (await skipQuestion(store, "a", session.id, { stepId: view.current.id, now: later(41) }))
        .session;
    const peekedAnswer = view.steps.find((s) => s.id === first.id);
    expect(peekedAnswer).toMatchObject({
      state: "peeked",
      afterPeek: "answered",
      skipped: false,
      peeked: true,
    });
    expect(peekedAnswer?.attempt?.finished).toBe(true);

    // 2: answered without a peek: a clean answer.
    await beginAnswer(store, "a", session.id, { stepId: second.id, now: later(50) });
    const clean = await submitAnswer(store, "a", session.id, {
      stepId: second.id,
      text: PIPELINE_ANSWER,
      now: later(80),
    });
    view = clean.session;
    if (view.current?.kind === "follow-up")
      view = (await skipQuestion(store, "a", session.id, { stepId: view.current.id, now: later(81) }))
        .session;

    // 3: peeked at, then skipped: not a plain skip.
    await beginAnswer(store, "a", session.id, { stepId: third.id, now: later(90) });
    await peekPrepared(store, "a", session.id, { stepId: third.id });
    view = (await skipQuestion(store, "a", session.id, { stepId: third.id, now: later(95) })).session;
    expect(view.steps.find((s) => s.id === third.id)).toMatchObject({
      state: "peeked",
      afterPeek: "skipped",
      skipped: false,
    });

    // 4: peeked at, then the interview was ended on it.
    await beginAnswer(store, "a", session.id, { stepId: fourth.id, now: later(100) });
    await peekPrepared(store, "a", session.id, { stepId: fourth.id });
    const ended = await endPractice(store, "a", session.id, later(110));
    expect(ended.steps.find((s) => s.id === fourth.id)).toMatchObject({
      state: "peeked",
      afterPeek: "ended",
      skipped: false,
    });

    const report = await practiceReport(store, "a", session.id);
    const byId = (id: string) => report.steps.find((s) => s.stepId === id);
    // Before: the peeked answer read state "answered" and counted as answered; the peeked skip read "skipped".
    expect(byId(first.id)).toMatchObject({
      state: "peeked",
      afterPeek: "answered",
      answered: false,
      skipped: false,
      peeked: true,
      usedSeconds: expect.any(Number),
    });
    expect(byId(first.id)?.score).toBeGreaterThanOrEqual(1);
    expect(byId(second.id)).toMatchObject({ state: "answered", answered: true, peeked: false });
    expect(byId(second.id)?.afterPeek).toBeUndefined();
    expect(byId(third.id)).toMatchObject({
      state: "peeked",
      afterPeek: "skipped",
      answered: false,
      skipped: false,
    });
    expect(byId(fourth.id)).toMatchObject({
      state: "peeked",
      afterPeek: "ended",
      answered: false,
      skipped: false,
    });
    const followUps = report.steps.filter((s) => s.kind === "follow-up").length;
    expect(report).toMatchObject({ answered: 1, peeked: 3, total: 4 + followUps });
  });

  it("keeps a step with no peek as it was: answered, skipped, not reached", async () => {
    const store = getStore();
    const session = await fourAnswers(store);
    const [first, second] = session.steps;
    if (!first || !second) throw new Error("questions were expected");
    await skipQuestion(store, "a", session.id, { stepId: first.id, now: later(5) });
    await beginAnswer(store, "a", session.id, { stepId: second.id, now: later(6) });
    await endPractice(store, "a", session.id, later(9));
    const report = await practiceReport(store, "a", session.id);
    expect(report.steps.map((s) => s.state)).toEqual([
      "skipped",
      "not-reached",
      "not-reached",
      "not-reached",
    ]);
    expect(report.steps.every((s) => s.afterPeek === undefined)).toBe(true);
    expect(report).toMatchObject({ answered: 0, peeked: 0, total: 4 });
  });
});

describeStores("practice: a peek at a question none of the user's answers is to", (getStore) => {
  it("shows the user's closest prepared answer for a bank question, labelled by its question; a peek still reads 'peeked'", async () => {
    const store = getStore();
    await importSample(store);
    // The sample has one mistake story: "One competency" asks it, then the built-in bank's.
    const session = await startPractice(store, "a", {
      from: { kind: "competency", competency: "mistake-failure" },
      count: 3,
      now: T0,
    });
    const [own, bank] = session.steps;
    if (!own || !bank) throw new Error("two questions were expected");
    expect(own.itemId).toBeDefined();
    expect(bank.itemId).toBeUndefined();
    // Before: a bank question had no prepared answer ("No prepared answer for this question").
    expect(bank.hasPreparedAnswer).toBe(true);
    expect(bank.preparedAnswer).toBeUndefined(); // not shown before a peek
    await skipQuestion(store, "a", session.id, { stepId: own.id, now: later(5) });
    const peek = await peekPrepared(store, "a", session.id, { stepId: bank.id });
    const mistake = (await store.items.listItems("a", { kind: "answer" })).find((i) =>
      /made a mistake/.test(i.kind === "answer" ? i.question : ""),
    );
    if (mistake?.kind !== "answer") throw new Error("the sample's mistake answer was expected");
    expect(peek.preparedFrom).toBe(mistake.question);
    // One of the user's own answers to that question (a variant of it, as the matcher ranked them).
    const variants = (await store.items.listItems("a", { kind: "answer" })).flatMap((i) =>
      i.kind === "answer" && i.question === mistake.question ? [answerText(i)] : [],
    );
    expect(variants).toContain(peek.preparedAnswer);
    expect(peek.session.current).toMatchObject({ id: bank.id, peeked: true, preparedFrom: mistake.question });
    // The peek state holds: passed after the peek, the step reads "peeked".
    const passed = await skipQuestion(store, "a", session.id, { stepId: bank.id, now: later(30) });
    expect(passed.session.steps.find((s) => s.id === bank.id)).toMatchObject({
      state: "peeked",
      afterPeek: "skipped",
      preparedFrom: mistake.question,
    });
  });

  it("gives a typed question the closest answer too, and says what to do when nothing of the user's fits", async () => {
    const store = getStore();
    await importSample(store);
    const typed = await startPractice(store, "a", {
      from: { kind: "question", text: "Tell me about your biggest professional mistake." },
      now: T0,
    });
    const step = typed.current;
    if (!step) throw new Error("a question was expected");
    const peek = await peekPrepared(store, "a", typed.id, { stepId: step.id });
    expect(peek.preparedFrom).toMatch(/made a mistake/);
    // A user with no answer of their own: nothing fits, and the peek says what to do.
    await store.users.ensureUser("b");
    const none = await startPractice(store, "b", {
      from: { kind: "question", text: "Tell me about a disagreement with a colleague." },
      now: T0,
    });
    expect(none.current?.hasPreparedAnswer).toBe(false);
    await expect(peekPrepared(store, "b", none.id, {})).rejects.toThrow(
      /None of your prepared answers fits this question: answer it from scratch, then write one/,
    );
  });
});
