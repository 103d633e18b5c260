import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { exportBank } from "../../app/bank.ts";
import { rateAnswer, startPractice, submitAnswer } from "../../app/practice.ts";
import type { ImportResult, ItemVersion } from "../../core/api-types.ts";
import type { Store } from "../../store/index.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerEditCommand } from "./edit.ts";
import { registerHistoryCommand } from "./history.ts";
import { registerImportCommand } from "./import.ts";
import { registerJournalCommand } from "./journal.ts";

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8");

/** The sample imported from a file of its own, with the commands that edit and list its texts, and its q2 answer. */
async function importSampleQ2(store: Store) {
  const dir = mkdtempSync(join(tmpdir(), "derisk-history-"));
  const file = join(dir, "prep.md");
  writeFileSync(file, sample);
  const commands = [registerImportCommand, registerEditCommand, registerHistoryCommand];
  await runCommand(commands, ["import", file], { store });
  const q2 = (await store.items.listItems("a", { kind: "answer" })).find((i) => i.key === "q2/core");
  if (!q2) throw new Error("no q2");
  return { commands, q2 };
}

describeStores("derisk import --dry-run / history", (getStore) => {
  it("previews a conflicting re-import, keeps the edit, and restores the file's text from the history", async () => {
    const store = getStore();
    const dir = mkdtempSync(join(tmpdir(), "derisk-history-"));
    const file = join(dir, "prep.md");
    writeFileSync(file, sample);
    const commands = [registerImportCommand, registerEditCommand, registerHistoryCommand];
    const first = JSON.parse(
      (await runCommand(commands, ["import", file, "--json"], { store })).out,
    ) as ImportResult;
    const q2 = (await store.items.listItems("a", { documentId: first.documentId ?? "" })).find(
      (i) => i.key === "q2/core",
    );
    if (!q2) throw new Error("no q2");
    expect((await runCommand(commands, ["set", q2.id, "--text", "Mine."], { store })).code).toBe(0);

    writeFileSync(file, sample.replace("I still love it.", "I still love it, most days."));
    const dry = await runCommand(commands, ["import", file, "--dry-run"], { store });
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/would update the existing document/);
    expect(dry.out).toMatch(/conflict: Why are you moving into industry now\?.*your text stays/);
    expect((await store.items.getItem("a", q2.id)).version).toBe(2);
    expect(await store.itemVersions.listVersions("a", q2.id)).toHaveLength(2);

    const done = JSON.parse(
      (await runCommand(commands, ["import", file, "--json"], { store })).out,
    ) as ImportResult;
    expect(done.changes?.conflicts.map((c) => c.itemId)).toEqual([q2.id]);

    const listed = await runCommand(commands, ["history", q2.id], { store });
    expect(listed.out).toMatch(/typed {2}current/);
    expect(listed.out).toMatch(/from a re-import, not applied \(conflict\)/);
    const { versions } = JSON.parse(
      (await runCommand(commands, ["history", q2.id, "--json"], { store })).out,
    ) as {
      versions: ItemVersion[];
    };
    const fromFile = versions.find((v) => v.version === null);
    if (!fromFile) throw new Error("the file's text is not in the history");
    const restored = await runCommand(
      commands,
      ["history", q2.id, "--restore", fromFile.id, "--expected-version", "2"],
      {
        store,
      },
    );
    expect(restored.out).toMatch(/restored answer q2\/core \(now version 3/);
    const item = await store.items.getItem("a", q2.id);
    expect(item.kind === "answer" && item.text).toMatch(/most days/);

    const missing = await runCommand(commands, ["history", "no-such-item"], { store });
    expect(missing.code).toBe(2);
    expect(missing.error).toMatch(/No item with id no-such-item/);
    const bad = await runCommand(
      commands,
      ["history", q2.id, "--restore", fromFile.id, "--expected-version", "x"],
      {
        store,
      },
    );
    expect(bad.code).toBe(1);
    expect(bad.error).toMatch(/--expected-version/);
    // Before: parseInt read "2x" as 2 and restored.
    const trailing = await runCommand(
      commands,
      ["history", q2.id, "--restore", fromFile.id, "--expected-version", "2x"],
      { store },
    );
    expect(trailing).toMatchObject({ code: 1, error: expect.stringMatching(/not "2x"/) });
  });

  it("restores by the version number the list shows, and says which numbers it shows for one it does not", async () => {
    const store = getStore();
    const { commands, q2 } = await importSampleQ2(store);
    await runCommand(commands, ["set", q2.id, "--text", "Second."], { store });
    await runCommand(commands, ["set", q2.id, "--text", "Third."], { store });
    const listed = await runCommand(commands, ["history", q2.id.slice(0, 8)], { store });
    expect(listed.out).toMatch(/typed {2}version 2/);

    const restored = await runCommand(commands, ["history", q2.id.slice(0, 8), "--restore", "2"], { store });
    expect([restored.code, restored.out]).toEqual([
      0,
      expect.stringMatching(/restored answer q2\/core \(now version 4/),
    ]);
    const item = await store.items.getItem("a", q2.id);
    expect(item.kind === "answer" && item.text).toBe("Second.");

    const missing = await runCommand(commands, ["history", q2.id, "--restore", "7"], { store });
    expect(missing.code).toBe(1);
    expect(missing.error).toMatch(
      /No version 7 in the history of answer q2\/core: its earlier versions are 1–3\. Pass a version number derisk history [0-9a-f]{8} shows, or an entry's id\./,
    );
    expect(missing.error).not.toMatch(/\n\s+at /);
    const current = await runCommand(commands, ["history", q2.id, "--restore", "4"], { store });
    expect([current.code, current.error]).toEqual([
      1,
      expect.stringMatching(/Version 4 is the current text/),
    ]);
    expect((await store.items.getItem("a", q2.id)).version).toBe(4);
  });

  it("previews each text without Markdown or a written STAR label, cut after a whole word", async () => {
    const store = getStore();
    const dir = mkdtempSync(join(tmpdir(), "derisk-history-"));
    const file = join(dir, "prep.md");
    writeFileSync(file, sample);
    const commands = [registerImportCommand, registerHistoryCommand];
    const { documentId } = JSON.parse(
      (await runCommand(commands, ["import", file, "--json"], { store })).out,
    ) as ImportResult;
    const q5 = (await store.items.listItems("a", { documentId: documentId ?? "" })).find(
      (i) => i.key === "q5/core",
    );
    if (q5?.kind !== "answer") throw new Error("no q5");
    const { out, code } = await runCommand(commands, ["history", q5.id], { store });
    expect(code).toBe(0);
    const line = out.split("\n")[1] ?? "";
    expect(line).not.toMatch(/\*\*|Situation/);
    expect(line).toMatch(/^ {2}During a migration of the calibration pipeline/);
    // Cut after a whole word of the text: the words before "…" are the text's own words.
    expect(line.endsWith("…")).toBe(true);
    const sentence =
      "During a migration of the calibration pipeline to Spark, I was responsible for rewriting the join between sensor readings and the channel map.";
    const words = line.slice(2, -1);
    expect(sentence.startsWith(words)).toBe(true);
    expect(sentence[words.length]).toMatch(/[\s,.]/);
  });

  it("shows an answer's practice attempts and scores over time next to its texts", async () => {
    const store = getStore();
    const dir = mkdtempSync(join(tmpdir(), "derisk-history-"));
    const file = join(dir, "prep.md");
    writeFileSync(file, sample);
    const commands = [registerImportCommand, registerHistoryCommand];
    await runCommand(commands, ["import", file], { store });
    const answer = (await store.items.listItems("a", { kind: "answer" }))[0];
    if (!answer) throw new Error("no answer imported");
    const before = await runCommand(commands, ["history", answer.id], { store });
    expect(before.out).toMatch(/Practice\n.+\nanswer · 0 attempts\n {2}not practised yet/);

    const texts = [
      "I built a tool.",
      "I led the move of our training jobs to a scheduler I wrote. Failures fell from eight a month to zero, and I learned to test the data path first.",
    ];
    for (const [i, text] of texts.entries()) {
      const session = await startPractice(store, "a", { from: { kind: "items", ids: [answer.id] } });
      const submitted = await submitAnswer(store, "a", session.id, { text });
      await rateAnswer(store, "a", session.id, submitted.stepId, i === 0 ? "again" : "good");
    }
    const after = await runCommand(commands, ["history", answer.id], { store });
    expect(after.code).toBe(0);
    expect(after.out).toMatch(/imported {2}current/);
    expect(after.out).toMatch(/answer · 2 attempts\n/);
    expect(after.out).toMatch(/score [1-5]\/5 {2}rated again[\s\S]*score [1-5]\/5 {2}rated good/);
    expect(after.out).toMatch(/score over time: [1-5] → [1-5]/);
    expect(after.out).toMatch(/next due \d{4}-\d\d-\d\d/);
    const json = JSON.parse((await runCommand(commands, ["history", answer.id, "--json"], { store })).out);
    expect(json.versions.length).toBeGreaterThan(0);
    expect(json.practice.attempts.map((a: { rating: string }) => a.rating)).toEqual(["again", "good"]);
    for (const attempt of json.practice.attempts) expect(attempt.score).toBeGreaterThanOrEqual(1);
  });
  it("lists a backup's text a restore did not apply under a number of its own, marked as such", async () => {
    const store = getStore();
    const { commands, q2 } = await importSampleQ2(store);
    // The backup as another copy of this bank would have written it: q2 edited there as version 2.
    const bank = JSON.parse((await exportBank(store, "a")).body) as {
      tables: { items: Array<Record<string, unknown>>; item_versions: Array<Record<string, unknown>> };
    };
    const original = bank.tables.item_versions.find((v) => v.item_id === q2.id);
    const row = bank.tables.items.find((i) => i.id === q2.id);
    if (!original || !row) throw new Error("q2 is in the bank file");
    const there = "Edited in the other copy.";
    const data = { ...(original.data as Record<string, unknown>), text: there };
    Object.assign(row, { version: 2, raw: there, data });
    bank.tables.item_versions.push({
      ...original,
      id: "0e6f7a9c-5b1d-4c2e-8f3a-9d4b2c1e7a60",
      version: 2,
      source: "typed",
      raw: there,
      data,
      created_at: new Date().toISOString(),
    });
    const backup = join(mkdtempSync(join(tmpdir(), "derisk-history-")), "bank.json");
    writeFileSync(backup, JSON.stringify(bank));
    await runCommand(commands, ["set", q2.id, "--text", "Edited here."], { store });

    const restored = await runCommand(commands, ["import", backup], { store });
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(
      /1 answer or journal entry edited here since the file was written keeps its text/,
    );
    const listed = await runCommand(commands, ["history", q2.id.slice(0, 8)], { store });
    // Before: "typed  version 2" for the file's text beside the bank's own version 2.
    expect(listed.out).toMatch(
      /typed {2}version 2 {2}from a backup restored \d{4}-\d\d-\d\d \d\d:\d\d, not applied/,
    );
    expect(listed.out.match(/version 2\b/g)).toHaveLength(1);
    expect(listed.out).toMatch(/typed {2}current[^\n]*\n {2}Edited here\./);
    const back = await runCommand(commands, ["history", q2.id.slice(0, 8), "--restore", "2"], { store });
    expect(back.out).toMatch(/restored answer q2\/core \(now version 4/);
  });
});

it("refuses --expected-version without --restore (it guarded nothing, and the list printed as if checked)", async () => {
  for (const [register, args] of [
    [registerHistoryCommand, ["history", "3f2a", "--expected-version", "2"]],
    [registerJournalCommand, ["journal", "history", "3f2a", "--expected-version", "2"]],
  ] as const) {
    const run = await runCommand([register], [...args]);
    expect(run.code, args.join(" ")).toBe(1);
    expect(run.out).toBe("");
    expect(run.error).toMatch(
      /^--expected-version goes with --restore: it refuses the restore if the (item|entry) changed since\./,
    );
  }
});
