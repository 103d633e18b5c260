import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { exportBank, importDocument } from "../../app/bank.ts";
import type { Store } from "../../store/index.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand as runWith } from "../test-cli.ts";
import { registerJournalCommand } from "./journal.ts";

// `derisk journal` in-process over a real store.
const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));
const run = (store: Store, argv: string[]) => runWith([registerJournalCommand], argv, { store });

describeStores("derisk journal", (getStore) => {
  it("lists the imported reflection, adds an entry, shows reframes, edits the takeaway; refuses bad input", async () => {
    const store = getStore();
    expect((await run(store, ["journal"])).out).toMatch(/journal is empty/);
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const listed = await run(store, ["journal", "list", "--json"]);
    const [first] = (JSON.parse(listed.out) as { entries: { id: string; title: string }[] }).entries;
    expect(first?.title).toBe("Note to self, read before the onsite.");

    const shown = await run(store, ["journal", "show", first?.id ?? ""]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(
      "What you solved: You found and fixed your own mistake before it hurt anyone.",
    );
    expect(shown.out).toContain("Takeaway\nI already did the hard version of this job");

    const added = await run(store, [
      "journal",
      "add",
      "--happened",
      "The demo broke an hour before the review. I traced it to a stale cache and fixed it.",
      "--felt",
      "Panicked, then calm.",
      "--json",
    ]);
    expect(added.code).toBe(0);
    const entry = (JSON.parse(added.out) as { entry: { id: string } }).entry;
    const edited = await run(store, ["journal", "edit", entry.id, "--takeaway", "I stay calm and trace it."]);
    expect(edited.out).toContain("Takeaway\nI stay calm and trace it.");
    expect(edited.out).toContain("What you solved: I traced it to a stale cache and fixed it.");

    // The CLI says how to write it: the app's message alone named no option.
    expect(await run(store, ["journal", "add"])).toMatchObject({
      code: 2,
      error: expect.stringMatching(
        /empty: write what happened with --happened "…", or how it felt with --felt "…"/,
      ),
    });
    expect(await run(store, ["journal", "add", "--felt", "   "])).toMatchObject({
      code: 2,
      error: expect.stringMatching(/--happened/),
    });
    // An oversized title is named, not called an empty entry (before: "The entry is empty").
    expect(await run(store, ["journal", "add", "--title", "A long night. ".repeat(20)])).toMatchObject({
      code: 2,
      error: expect.stringMatching(/The title is over 200 characters: shorten it/),
    });
    expect(await run(store, ["journal", "add", "--takeaway", "x".repeat(400)])).toMatchObject({
      error: expect.stringMatching(/The takeaway is over/),
    });
    expect(await run(store, ["journal", "show", "nope"])).toMatchObject({
      code: 2,
      error: expect.stringMatching(/No journal entry/),
    });
    expect(await run(store, ["journal", "edit", entry.id, "--story", "x", "--unlink"])).toMatchObject({
      code: 1,
      error: expect.stringMatching(/not both/),
    });
  });

  it("history lists an entry's earlier texts and --restore brings one back as a new version", async () => {
    const store = getStore();
    await store.users.ensureUser("local");
    const added = await run(store, [
      "journal",
      "add",
      "--title",
      "The outage",
      "--felt",
      "Drained.",
      "--json",
    ]);
    const entry = (JSON.parse(added.out) as { entry: { id: string } }).entry;
    await run(store, ["journal", "edit", entry.id, "--takeaway", "I can learn any layer."]);
    await run(store, ["journal", "edit", entry.id, "--title", "The night of the TLS bug"]);

    const listed = await run(store, ["journal", "history", entry.id.slice(0, 8)]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/typed {2}current[\s\S]*The night of the TLS bug → I can learn any layer\./);
    expect(listed.out).toMatch(/typed {2}version 1[\s\S]*The outage\n {2}Drained\./);

    const { versions } = JSON.parse((await run(store, ["journal", "history", entry.id, "--json"])).out) as {
      versions: { id: string; version: number }[];
    };
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const stale = await run(store, [
      "journal",
      "history",
      entry.id,
      "--restore",
      versions[2]?.id ?? "",
      "--expected-version",
      "2",
    ]);
    expect([stale.code, stale.error]).toEqual([1, expect.stringContaining("changed elsewhere")]);
    const restored = await run(store, ["journal", "history", entry.id, "--restore", versions[2]?.id ?? ""]);
    expect(restored.out).toMatch(
      /restored The outage \(now version 4; the text it replaced stays in its history\)/,
    );
    expect((await run(store, ["journal", "show", entry.id])).out).toMatch(/^The outage/);

    // The number the list shows ("version 2") restores that text, as an entry id does.
    expect((await run(store, ["journal", "history", entry.id])).out).toMatch(/typed {2}version 2/);
    const byNumber = await run(store, ["journal", "history", entry.id, "--restore", "2"]);
    expect(byNumber.out).toMatch(/restored The outage \(now version 5;/);
    expect((await run(store, ["journal", "show", entry.id])).out).toMatch(/I can learn any layer\./);
    const missing = await run(store, ["journal", "history", entry.id, "--restore", "9"]);
    expect([missing.code, missing.error]).toEqual([
      1,
      expect.stringMatching(
        /No version 9 in the history of the journal entry "The outage": its earlier versions are 1–4\. Pass a version number derisk journal history [0-9a-f]{8} shows, or an entry's id\./,
      ),
    ]);
  });
  it("journal history marks a backup's text a restore did not apply, under a number of its own", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const [entry] = await store.journal.listEntries("a");
    if (!entry) throw new Error("the sample gives a journal entry");
    // The backup as another copy of this bank would have written it: the takeaway edited there.
    const bank = JSON.parse((await exportBank(store, "a")).body) as {
      tables: {
        journal_entries: Array<Record<string, unknown>>;
        journal_entry_versions: Array<Record<string, unknown>>;
      };
    };
    const row = bank.tables.journal_entries.find((e) => e.id === entry.id);
    const first = bank.tables.journal_entry_versions.find((v) => v.entry_id === entry.id);
    if (!row || !first) throw new Error("the entry is in the bank file");
    Object.assign(row, { version: 2, takeaway: "Written in the other copy." });
    bank.tables.journal_entry_versions.push({
      ...first,
      id: "5d2c8e1a-7b3f-4a9d-9c6e-1f0b2a3d4e5f",
      version: 2,
      source: "typed",
      takeaway: "Written in the other copy.",
      created_at: new Date().toISOString(),
    });
    await store.journal.updateEntry("a", entry.id, { takeaway: "Written here." });
    await importDocument(store, "a", {
      bytes: new TextEncoder().encode(JSON.stringify(bank)),
      filename: "bank.json",
    });

    const listed = (await run(store, ["journal", "history", entry.id])).out;
    // Before: "typed  version 2" for the file's text beside the entry's own version 2.
    expect(listed).toMatch(
      /typed {2}version 2 {2}from a backup restored [\d-]+ [\d:]+, not applied[^\n]*\n[^\n]*Written in the other copy\./,
    );
    expect(listed.match(/version 2\b/g)).toHaveLength(1);
    expect(listed).toMatch(/typed {2}current[^\n]*\n[^\n]*Written here\./);
  });
});
