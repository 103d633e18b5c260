import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import { rateAnswer, startPractice, submitAnswer } from "../../app/practice.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerAttemptsCommand, registerDueCommand } from "./practice.ts";

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
});
