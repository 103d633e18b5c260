import { expect, it } from "vitest";
import { getDocument, importDocument } from "../../app/bank.ts";
import { listDue, rateAnswer, startPractice, submitAnswer } from "../../app/practice.ts";
import { type ProgressFigures, progressStats } from "../../app/progress.ts";
import { importSample, SAMPLE_PREP } from "../../app/test-practice.ts";
import { describeStores } from "../../store/test-stores.ts";
import { createStyle } from "../render/style.ts";
import { runCommand } from "../test-cli.ts";
import { registerStatsCommand, renderStats } from "./stats.ts";

// `derisk stats` in-process over a real store, after real practice.
const ANSWER =
  "I traced the nightly pipeline failures to a race in the feature export, rewrote it as an idempotent step and added a check. Failures dropped from eight a month to zero.";

describeStores("derisk stats", (getStore) => {
  it("says what to do first on a new bank, then shows the same figures as --json after practice", async () => {
    const store = getStore();
    const first = await runCommand([registerStatsCommand], ["stats"], { store });
    expect(first).toMatchObject({
      code: 0,
      out: expect.stringMatching(/No practice yet[\s\S]*derisk import/),
    });
    await importSample(store);
    expect((await runCommand([registerStatsCommand], ["stats"], { store })).out).toMatch(
      /You have 17 questions to practise. Start with one: derisk practice --count 1/,
    );
    for (let i = 0; i < 2; i++) {
      const session = await startPractice(store, "a", { from: { kind: "due" }, count: 1 });
      const { stepId } = await submitAnswer(store, "a", session.id, { text: ANSWER });
      await rateAnswer(store, "a", session.id, stepId, "good");
    }
    const json = await runCommand([registerStatsCommand], ["stats", "--json"], { store });
    const figures = JSON.parse(json.out) as ProgressFigures;
    expect(figures.totals.attempts).toBe(2);
    expect(figures.streak.current).toBe(1);
    expect(figures.due).toHaveLength(30);
    // "Due now" as practice counts it: the two cards just rated come back later, not now.
    const practice = await listDue(store, "a");
    expect(figures.dueNow).toBe(practice.filter((d) => d.status === "overdue").length);
    // 15 never practised, of which today's allowance (10 new a day, 2 started) offers 8, as practice does.
    expect(figures.newCards).toBe(practice.filter((d) => d.status === "new").length);
    expect([figures.dueNow, figures.newCards]).toEqual([0, 8]);
    const inAnHour = await progressStats(store, "a", { now: new Date(Date.now() + 3_600_000) });
    expect(inAnHour.dueNow).toBe(2);
    const text = await runCommand([registerStatsCommand], ["stats"], { store });
    expect(text.out).toContain("practise now: 0 due now · 8 new");
    expect(text.out).toMatch(/\n {2}later today \d+ · this week \d+ · 30 days 2/);
    expect(text.out).toContain("attempts 2");
    // The sample's 7 answers and the question bank's 10 questions counted apart: before,
    // "answers practised 2 of 17" counted the questions as answers.
    expect([figures.totals.answers, figures.totals.questions]).toEqual([
      { practised: 2, items: 7 },
      { practised: 0, items: 10 },
    ]);
    expect(text.out).toContain("attempts 2 · answers practised 2 of 7 · questions practised 0 of 10");
    expect(text.out).toContain("streak 1 day (practised today)");
    // The counts are over every attempt ("2 of 2"): the heading must not say "the last five".
    expect(text.out).toContain("Risks left open (attempts that left each open, of all attempts)");
    expect(text.out).toMatch(/\n {2}systems {7}\d of 2/);
    // Plain output has no block characters; a colour terminal gets sparklines.
    expect(text.out).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    const coloured = renderStats(figures, createStyle({ isTTY: true } as NodeJS.WriteStream, {}), true);
    expect(coloured).toMatch(/[▁▂▃▄▅▆▇█]{2}/);
  });

  it("tells two variants of one question apart in the per-answer series", async () => {
    const store = getStore();
    const { documentId = "" } = await importDocument(store, "b", {
      bytes: SAMPLE_PREP,
      filename: "sample-prep.md",
    });
    const { items } = await getDocument(store, "b", documentId);
    const variants = items.filter((i) => i.kind === "answer" && i.key.startsWith("q1/"));
    expect(variants.length).toBeGreaterThan(1);
    for (const item of variants) {
      const session = await startPractice(store, "b", {
        from: { kind: "items", ids: [item.id] },
        count: 1,
      });
      const { stepId } = await submitAnswer(store, "b", session.id, { text: ANSWER });
      await rateAnswer(store, "b", session.id, stepId, "good");
    }
    // Before: both series were "Tell me about yourself", twice in the chart's legend.
    const labels = (await progressStats(store, "b")).answers.map((a) => a.question);
    expect(labels).toEqual(["Tell me about yourself (core)", "Tell me about yourself (alternative)"]);
  });
});

describeStores("derisk stats, long questions", (getStore) => {
  it("cuts a long question after a whole word so each line fits the report's width", async () => {
    const store = getStore();
    await importSample(store, "a");
    const question =
      "How would you deploy a machine learning model in production, and how would you watch it afterwards?";
    const session = await startPractice(store, "a", { from: { kind: "question", text: question }, count: 1 });
    const { stepId } = await submitAnswer(store, "a", session.id, { text: ANSWER });
    await rateAnswer(store, "a", session.id, stepId, "good");
    const figures = await progressStats(store, "a");
    for (const columns of [80, 60]) {
      const lines = renderStats(
        figures,
        createStyle({ isTTY: false } as NodeJS.WriteStream, {}),
        false,
        columns,
      ).split("\n");
      // Before: the timing line took the first 50 characters ("…learning model in p"), 82 columns
      // wide, so the report wrapped "in p" onto a line of its own.
      const withQuestion = lines.filter((l) => l.includes("How would you"));
      expect(withQuestion).toHaveLength(2);
      for (const line of withQuestion) expect([...line].length, line).toBeLessThanOrEqual(columns);
      const timing = lines.find((l) => /^ {2}\d{4}-\d\d-\d\d {2}\d+:\d\d/.test(l)) ?? "";
      expect(timing).toMatch(/ How would you deploy a( \S+)*…$/);
      expect(timing).not.toMatch(/\s…$/);
    }
  });
});
