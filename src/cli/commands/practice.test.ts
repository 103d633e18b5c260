import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import { rateAnswer, startPractice, submitAnswer } from "../../app/practice.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerAttemptsCommand, registerDueCommand, registerPracticeCommand } from "./practice.ts";

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));
const ANSWER =
  "Our nightly training pipeline failed twice a week. I traced it to a race in the feature export and rewrote it. Failures dropped from eight a month to zero.";

describeStores("derisk due / attempts", (getStore) => {
  it("lists what is due, then an answer's attempts with score and rating", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const registers = [registerDueCommand, registerAttemptsCommand];

    const due = await runCommand(registers, ["due", "--json"], { store });
    expect(due.code).toBe(0);
    const entries = JSON.parse(due.out).due as Array<{ kind: string; status: string; itemId?: string }>;
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(["answer", "technical"]));

    const session = await startPractice(store, "a", {
      from: { kind: "items", ids: [entries[0]?.itemId ?? ""] },
    });
    const { stepId } = await submitAnswer(store, "a", session.id, { text: ANSWER });
    await rateAnswer(store, "a", session.id, stepId, "good");

    const text = await runCommand(registers, ["due", "--limit", "2"], { store });
    expect(text.out).toMatch(/^Due now: 2 \(0 overdue, 2 new\)/);
    expect(text.out).not.toContain(entries[0]?.itemId);

    const history = await runCommand(registers, ["attempts", entries[0]?.itemId ?? ""], { store });
    expect(history.code).toBe(0);
    expect(history.out).toMatch(/1 attempt\(s\)/);
    expect(history.out).toMatch(/score [1-5]\/5 {2}rated good/);
    expect(history.out).toMatch(/next due \d{4}-\d\d-\d\d/);
    const json = JSON.parse(
      (await runCommand(registers, ["attempts", entries[0]?.itemId ?? "", "--json"], { store })).out,
    );
    expect(json.history.attempts[0]).toMatchObject({ rating: "good" });
  });

  it("says clearly when an id is unknown or a flag is wrong", async () => {
    const store = getStore();
    const registers = [registerDueCommand, registerAttemptsCommand];
    const missing = await runCommand(registers, ["attempts", "nope"], { store });
    expect(missing).toMatchObject({
      code: 2,
      error: expect.stringMatching(/No answer or question with id nope/),
    });
    const badLimit = await runCommand(registers, ["due", "--limit", "0"], { store });
    expect(badLimit).toMatchObject({ code: 1, error: expect.stringMatching(/--limit/) });
    const empty = await runCommand(registers, ["due"], { store });
    expect(empty.out).toMatch(/Due now: 0/);
  });

  it("runs a mock interview from typed lines: timer, analysis, follow-up, rating, report", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const stdin = [
      "Our nightly training pipeline failed twice a week.",
      "I traced it to a race in the feature export and rewrote it.",
      "Failures dropped from eight a month to zero.",
      "",
      "great",
      "3",
      "It was two writers racing; I made the export atomic with a rename.",
      "",
    ].join("\n");
    const run = await runCommand(
      [registerPracticeCommand],
      ["practice", "--competency", "technical-challenge", "--count", "1", "--role", "ml-engineer"],
      { store, stdin },
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Question 1\/1: /);
    expect(run.out).toMatch(/⏱ timer started · budget \d+:\d\d/);
    expect(run.out).toMatch(/⏱ 0:0\d of \d+:\d\d/);
    expect(run.out).toMatch(/Score [1-5]\/5/);
    expect(run.out).toMatch(/Unknown rating "great"/);
    expect(run.out).toMatch(/next review/);
    expect(run.out).toMatch(/Follow-up: /);
    expect(run.out).toMatch(/Session report: 2\/2 answered/);
    expect(run.out).toMatch(/score [1-5]\/5 · good/);
    // The terminal session is the same session the API sees: stored, finished, rated.
    const [session] = await store.practice.listSessions("a");
    expect(session?.status).toBe("finished");
    const attempts = await store.attempts.listAttempts("a", { itemId: session?.steps[0]?.itemId ?? "" });
    expect(attempts[0]).toMatchObject({ selfRating: 3, text: expect.stringContaining("eight a month") });
  });

  it("stops without losing anything at end of input, and refuses conflicting flags", async () => {
    const store = getStore();
    const typed = await runCommand([registerPracticeCommand], ["practice", "--question", "Why us?"], {
      store,
      stdin: "",
    });
    expect(typed.code).toBe(0);
    expect(typed.out).toMatch(/Stopped before answering\. Session .+ is saved/);
    const both = await runCommand([registerPracticeCommand], ["practice", "--due", "--question", "Why?"], {
      store,
    });
    expect(both).toMatchObject({
      code: 1,
      error: expect.stringMatching(/one of --due, --competency or --question/),
    });
    const badCount = await runCommand([registerPracticeCommand], ["practice", "--count", "50"], { store });
    expect(badCount).toMatchObject({ code: 1, error: expect.stringMatching(/--count/) });
  });
});
