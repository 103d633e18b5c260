import { expect, it } from "vitest";
import { firstDueItemId, importSample, practiseOnce } from "../../app/test-practice.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerAttemptsCommand, registerDueCommand } from "./practice.ts";

// This file runs in a process of its own (vitest's forks pool): the zone is the user's.
process.env.TZ = "America/Los_Angeles";

describeStores("derisk due / attempts in the user's time zone", (getStore) => {
  it("dates a card and an attempt of 23:30 in Los Angeles by the Los Angeles day, not UTC's next day", async () => {
    const store = getStore();
    await importSample(store);
    const itemId = await firstDueItemId(store);
    // 23:30 on 1 March in Los Angeles (UTC−8) is 07:30 on 2 March in UTC; answered a minute later.
    const at = new Date("2026-03-02T07:30:00Z");
    const rated = await practiseOnce(store, itemId, { begin: at, end: new Date(at.getTime() + 60_000) });
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
