import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import { beginAnswer, listDue, rateAnswer, startPractice, submitAnswer } from "../../app/practice.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerAttemptsCommand, registerDueCommand } from "./practice.ts";

// This file runs in a process of its own (vitest's forks pool): the zone is the user's.
process.env.TZ = "America/Los_Angeles";

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));
const ANSWER =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote it as an idempotent step and added a check. Failures dropped from eight a month to zero.";

describeStores("derisk due / attempts in the user's time zone", (getStore) => {
  it("dates a card and an attempt of 23:30 in Los Angeles by the Los Angeles day, not UTC's next day", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const [first] = await listDue(store, "a", { limit: 1 });
    const itemId = first?.itemId ?? "";
    // 23:30 on 1 March in Los Angeles (UTC−8) is 07:30 on 2 March in UTC.
    const at = new Date("2026-03-02T07:30:00Z");
    const session = await startPractice(store, "a", { from: { kind: "items", ids: [itemId] }, now: at });
    const stepId = session.current?.id ?? "";
    await beginAnswer(store, "a", session.id, { stepId, now: at });
    const done = new Date(at.getTime() + 60_000);
    await submitAnswer(store, "a", session.id, { stepId, text: ANSWER, now: done });
    const rated = await rateAnswer(store, "a", session.id, stepId, "good", { now: done });
    // A first "good" is a learning step: due ten minutes later, 23:41 local, the same evening.
    expect(rated.due?.toISOString()).toBe("2026-03-02T07:41:00.000Z");

    const commands = [registerDueCommand, registerAttemptsCommand];
    const due = await runCommand(commands, ["due"], { store });
    expect(due.code).toBe(0);
    expect(due.out).toMatch(/due 2026-03-01/);
    expect(due.out).not.toMatch(/due 2026-03-02/);

    const attempts = await runCommand(commands, ["attempts", itemId], { store });
    expect(attempts.out).toMatch(/^ {2}2026-03-01 23:30 /m);
    expect(attempts.out).toMatch(/next due 2026-03-01$/m);
  });
});
