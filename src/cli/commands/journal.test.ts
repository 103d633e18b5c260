import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
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
    expect(await run(store, ["journal", "show", "nope"])).toMatchObject({
      code: 2,
      error: expect.stringMatching(/No journal entry/),
    });
    expect(await run(store, ["journal", "edit", entry.id, "--story", "x", "--unlink"])).toMatchObject({
      code: 1,
      error: expect.stringMatching(/not both/),
    });
  });
});
