import { expect, it } from "vitest";
import { TECHNICAL_QUESTIONS } from "../core/questions/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { getPractice, listDue, practiceReport, rateAnswer, startPractice, submitAnswer } from "./practice.ts";
import { addQuestion, listQuestionBank } from "./questions.ts";
import { daysAfterT0 as days, importSample, T0 } from "./test-practice.ts";

// The built-in banks and the technical drill over a real store (PGlite and PostgreSQL).

describeStores("question bank and technical drill", (getStore) => {
  it("serves the built-in banks to a new user without writing them, filtered by tag and kind", async () => {
    const store = getStore();
    const all = await listQuestionBank(store, "a");
    expect(all.filter((q) => q.kind === "technical").length).toBeGreaterThanOrEqual(60);
    expect(all.filter((q) => q.kind === "behavioral").length).toBeGreaterThanOrEqual(80);
    expect(all.every((q) => q.id.startsWith("bank:"))).toBe(true);
    expect(await store.questions.listQuestions("a")).toHaveLength(0);
    const engineering = await listQuestionBank(store, "a", { tag: "ml-engineering" });
    expect(engineering.length).toBeGreaterThan(20);
    expect(engineering.every((q) => q.competency === "ml-engineering")).toBe(true);
    const conflict = await listQuestionBank(store, "a", { competency: "conflict" });
    expect(conflict.every((q) => q.kind === "behavioral" && q.checks.length > 0)).toBe(true);
    await expect(listQuestionBank(store, "a", { tag: "nope" as never })).rejects.toThrow(
      /Unknown tag "nope"/,
    );
  });

  it("gives imported technical questions the key points of the bank entry that asks the same thing, or a note", async () => {
    const store = getStore();
    await importSample(store);
    const imported = (await listQuestionBank(store, "a", { kind: "technical" })).filter(
      (q) => q.origin === "imported",
    );
    expect(imported).toHaveLength(10);
    const tradeOff = imported.find((q) => /bias–variance/.test(q.text));
    expect(tradeOff).toMatchObject({ keyPointsFrom: "bank", bankKey: "tech.bias-variance" });
    expect(tradeOff?.keyPoints).toEqual(
      TECHNICAL_QUESTIONS.find((q) => q.key === "tech.bias-variance")?.keyPoints,
    );
    expect(imported.find((q) => /CI setup/.test(q.text))?.bankKey).toBe("tech.cicd-ml");
    expect(imported.find((q) => /precision over recall/.test(q.text))?.bankKey).toBe("tech.precision-recall");
    // "Explain …" opening the question is a request, not a topic: the ensembles entry is found.
    expect(imported.find((q) => /gradient boosting/.test(q.text))?.bankKey).toBe(
      "tech.decision-trees-ensembles",
    );
    const spark = imported.find((q) => /Spark/.test(q.text));
    expect(spark).toMatchObject({ keyPointsFrom: "none", keyPoints: [] });
    // The note reaches the web too: it says what to do, not a command (the CLI adds the command).
    expect(spark?.note).toBe(
      "No key points: no bank question asks the same thing. Add your own key points to have your answer checked.",
    );
    // The drill asks the user's own questions with key points first, those without last.
    const drill = await startPractice(store, "a", { from: { kind: "drill" }, count: 5, now: T0 });
    const withPoints = imported.filter((q) => q.keyPoints.length > 0).map((q) => q.itemId);
    expect(withPoints).toHaveLength(4);
    expect(drill.steps.slice(0, 4).map((s) => s.itemId)).toEqual(withPoints);
    // Then the built-in bank (a bank entry an imported question stands for is not asked twice).
    expect(drill.steps[4]?.questionId).toBeDefined();
    expect(drill.steps[4]?.questionText).not.toBe(TECHNICAL_QUESTIONS[0]?.text);
  });

  it("drills: picks bank questions, checks key points by concept, schedules the rating on the one due queue", async () => {
    const store = getStore();
    const session = await startPractice(store, "a", {
      from: { kind: "drill", tag: "ml-concept" },
      count: 2,
      now: T0,
    });
    expect(session.steps).toHaveLength(2);
    expect(session.steps.every((s) => s.competency === "ml-concept" && s.questionId !== undefined)).toBe(
      true,
    );
    const first = session.steps[0];
    expect(first?.questionText).toBe(TECHNICAL_QUESTIONS[0]?.text);
    // The picked built-ins became the user's rows (and only those).
    const rows = await store.questions.listQuestions("a");
    expect(rows.map((r) => r.bankKey)).toEqual([TECHNICAL_QUESTIONS[0]?.key, TECHNICAL_QUESTIONS[1]?.key]);

    const answer =
      "High bias means the model is too simple for the data and underfits. High variance means it is very sensitive to the particular training sample.";
    const result = await submitAnswer(store, "a", session.id, { text: answer, now: T0 });
    if (result.skipped) throw new Error("a drill answer with text was taken as a skip");
    expect(result.followUp).toBeUndefined();
    expect(result.drill?.covered).toEqual(
      expect.arrayContaining([
        "bias is error from a model too simple for the data",
        "variance is sensitivity to the particular training sample",
      ]),
    );
    expect(result.drill?.missed).toContain("regularisation, more data or ensembling reduce variance");
    expect(result.drill?.outline).toMatch(/noise floor/);
    expect(result.session.current?.id).toBe(session.steps[1]?.id);
    // A reload shows the same feedback.
    const reloaded = await getPractice(store, "a", session.id, T0);
    expect(reloaded.steps[0]?.drill?.covered).toEqual(result.drill?.covered);
    expect(reloaded.steps[1]?.drill).toBeUndefined();

    const rated = await rateAnswer(store, "a", session.id, first?.id ?? "", "good", { now: T0 });
    expect(rated.due?.getTime()).toBeGreaterThan(T0.getTime());
    // One queue: the drilled question is due again later, next to the answers of an imported document.
    await importSample(store);
    const due = await listDue(store, "a", { now: days(3), includeNew: true });
    expect(due[0]).toMatchObject({ kind: "question", questionId: first?.questionId, status: "overdue" });
    expect(due.some((d) => d.kind === "answer")).toBe(true);

    // The next drill starts with what is due, then new questions; the rated one is not asked again early.
    const next = await startPractice(store, "a", {
      from: { kind: "drill", tag: "ml-concept" },
      count: 3,
      now: T0,
    });
    expect(next.steps.map((s) => s.questionId)).not.toContain(first?.questionId);
    const again = await startPractice(store, "a", { from: { kind: "drill" }, count: 1, now: days(3) });
    expect(again.steps[0]?.questionId).toBe(first?.questionId);
  });

  it("reports a drill by its key points, not by the behavioral lens's score and fixes", async () => {
    const store = getStore();
    const session = await startPractice(store, "a", {
      from: { kind: "drill", tag: "ml-concept" },
      count: 2,
      now: T0,
    });
    const answer =
      "High bias means the model is too simple for the data and underfits. High variance means it is very sensitive to the particular training sample.";
    const result = await submitAnswer(store, "a", session.id, { text: answer, now: T0 });
    if (result.skipped) throw new Error("a drill answer with text was taken as a skip");
    await submitAnswer(store, "a", session.id, { text: "", now: T0 });
    const report = await practiceReport(store, "a", session.id);
    const [first, second] = report.steps;
    expect(first?.keyPoints).toEqual({
      covered: result.drill?.covered.length,
      total: result.drill?.keyPoints.length,
      missed: result.drill?.missed,
    });
    expect(first?.keyPoints?.missed).toContain("regularisation, more data or ensembling reduce variance");
    // Before: "score 2/5" and "Specifics: back the claim with one project and a figure".
    expect(first?.score).toBeUndefined();
    expect(first?.fixes).toEqual([]);
    expect(second).toMatchObject({ skipped: true, answered: false });
    expect(second?.keyPoints).toBeUndefined();
  });

  it("adds the user's own questions and refuses bad ones with a clear message", async () => {
    const store = getStore();
    const own = await addQuestion(store, "a", {
      text: "  What does dropout do?  ",
      competency: "ml-concept",
      keyPoints: ["randomly zeroes activations while training", "turned off at inference"],
      outline: "Say what it does and when it is off.",
    });
    expect(own).toMatchObject({ origin: "own", kind: "technical", text: "What does dropout do?" });
    const listed = await listQuestionBank(store, "a", { tag: "ml-concept" });
    expect(listed.find((q) => q.id === own.id)?.keyPoints).toHaveLength(2);
    await expect(addQuestion(store, "a", { text: " ", competency: "ml-concept" })).rejects.toThrow(
      /question is empty/,
    );
    await expect(addQuestion(store, "a", { text: "Why?", competency: "cooking" as never })).rejects.toThrow(
      /Unknown competency "cooking"/,
    );
    await expect(
      addQuestion(store, "a", { text: "Why?", competency: "conflict", checks: ["luck"] }),
    ).rejects.toThrow(/Unknown risk "luck"/);
    // Another user sees the built-ins, not this one.
    expect((await listQuestionBank(store, "b")).some((q) => q.id === own.id)).toBe(false);
  });
});
