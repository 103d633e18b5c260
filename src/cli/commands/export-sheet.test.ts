import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importDocument, listDocuments } from "../../app/bank.ts";
import { loadPrepSheetPlan } from "../../app/prep-sheet.ts";
import type { Store } from "../../store/index.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerExportCommand } from "./export.ts";

// `derisk export` in the prep-sheet formats, in-process over a real store.
const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));
const run = (store: Store, argv: string[]) => runCommand([registerExportCommand], argv, { store });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "derisk-sheet-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStores("derisk export (prep sheet)", (getStore) => {
  it("refuses an empty bank with a clear message and exit 2", async () => {
    for (const format of ["html", "sheet-md", "anki"]) {
      const result = await run(getStore(), ["export", "--format", format]);
      expect(result.code).toBe(2);
      expect(result.error).toMatch(/bank is empty: import a document first/);
    }
  });

  it("writes the whole bank as HTML, or one competency as cue cards, or an Anki file", async () => {
    await importDocument(getStore(), "a", { bytes: sample, filename: "sample-prep.md" });
    await importDocument(getStore(), "a", {
      bytes: new TextEncoder().encode(
        '# Other\n\n### Q1- Tell me about a conflict with a colleague.\n\n"We disagreed on the schema; I listened, proposed a trial and we shipped in a week."\n',
      ),
      filename: "other.md",
    });
    const html = join(dir, "sheet.html");
    expect((await run(getStore(), ["export", "--format", "html", "-o", html])).code).toBe(0);
    const page = readFileSync(html, "utf8");
    // The whole bank is the candidate's own: derisk's sample stays off once they have a document.
    expect(page).not.toContain("Tell me about yourself");
    expect(page).toContain("Tell me about a conflict with a colleague.");
    // And says so, as the Export page does (before: nothing said where the sample went).
    const plan = await loadPrepSheetPlan(getStore(), "a");
    expect(plan.sampleLeftOut).toMatch(/^The sample document is not on this sheet: your own documents are\./);
    const documents = await listDocuments(getStore(), "a");
    const sampleId = documents.find((d) => d.sample)?.id ?? "";
    expect(
      (await loadPrepSheetPlan(getStore(), "a", { documentId: sampleId })).sampleLeftOut,
    ).toBeUndefined();

    const cards = join(dir, "cards.md");
    expect(
      (
        await run(getStore(), [
          "export",
          "--format",
          "sheet-md",
          "--cards",
          "--competency",
          "conflict",
          "-o",
          cards,
        ])
      ).code,
    ).toBe(0);
    const md = readFileSync(cards, "utf8");
    expect(md).toContain("Tell me about a conflict with a colleague.");
    expect(md).not.toContain("Tell me about yourself");

    const anki = join(dir, "deck.tsv");
    expect((await run(getStore(), ["export", "--format", "anki", "-o", anki])).code).toBe(0);
    expect(
      readFileSync(anki, "utf8")
        .split("\n")
        .filter((l) => l !== "" && !l.startsWith("#")),
    ).toHaveLength(1); // the candidate's one question; the sample's 17 stay off
  });

  it("meets bad options with usage errors, never a stack trace", async () => {
    await importDocument(getStore(), "a", { bytes: sample, filename: "sample-prep.md" });
    const unknown = await run(getStore(), ["export", "--format", "html", "--competency", "charm"]);
    expect([unknown.code, unknown.error]).toEqual([
      1,
      expect.stringMatching(/Unknown competency "charm": use one of about-me/),
    ]);
    const none = await run(getStore(), ["export", "--format", "html", "--competency", "conflict"]);
    expect([none.code, none.error]).toEqual([
      2,
      expect.stringMatching(
        /Nothing to put on a prep sheet for Conflict: no answer or technical question of that competency\. Drop --competency/,
      ),
    ]);
    // An Anki deck is no sheet: before, it said "Nothing to put on a prep sheet" too.
    const noCards = await run(getStore(), ["export", "--format", "anki", "--competency", "conflict"]);
    expect([noCards.code, noCards.error]).toEqual([
      2,
      expect.stringMatching(
        /^Nothing to put in an Anki deck for Conflict: no answer or technical question of that competency\. Drop --competency/,
      ),
    ]);
    const pdf = await run(getStore(), ["export", "--format", "pdf"]);
    expect([pdf.code, pdf.error]).toEqual([1, expect.stringMatching(/give a file to write it to/)]);
    const mixed = await run(getStore(), ["export", "--format", "md", "--cards"]);
    expect(mixed.code).toBe(1);
    // Before: accepted, and the deck came out the same as without it.
    const ankiCards = await run(getStore(), ["export", "--format", "anki", "--cards"]);
    expect([ankiCards.code, ankiCards.error]).toEqual([
      1,
      expect.stringMatching(/an Anki deck is one note per question already\. Drop --cards/),
    ]);
    const missing = await run(getStore(), ["export", "--format", "html", "-d", "no-such-id"]);
    expect([missing.code, missing.error]).toEqual([2, expect.stringMatching(/No document no-such-id/)]);
    // The JSON bank file is always the whole bank: -d was silently ignored.
    const json = await run(getStore(), ["export", "--format", "json", "-d", "no-such-id"]);
    expect([json.code, json.error]).toEqual([
      1,
      expect.stringMatching(/--format json always writes the whole bank/),
    ]);
    // A folder that is not there: said in words, without the temporary file's name.
    const nowhere = join(dir, "no-such-folder", "sheet.html");
    const unwritable = await run(getStore(), ["export", "--format", "html", "-o", nowhere]);
    expect([unwritable.code, unwritable.error]).toEqual([
      2,
      `Cannot write ${nowhere}: the folder ${join(dir, "no-such-folder")} does not exist. Create it, or choose another path with -o.`,
    ]);
    // A folder given as the file: before, "Cannot read DIR: EISDIR: illegal operation on a directory, read."
    // It is bad input, exit 2 as every other (before: 1).
    const folder = await run(getStore(), ["export", "--format", "pdf", "-o", dir]);
    expect([folder.code, folder.error]).toEqual([
      2,
      `Cannot write ${dir}: it is a folder. Add the file's name to the path, e.g. -o ${join(dir, "prep-sheet.pdf")}.`,
    ]);
    // A folder written as one ("out/") that is not there: before, "Cannot write out/: . is not a folder."
    const slashed = `${join(dir, "out")}/`;
    const named = await run(getStore(), ["export", "--format", "md", "-o", slashed]);
    expect([named.code, named.error]).toEqual([
      2,
      `Cannot write ${slashed}: it names a folder. Add the file's name to the path, e.g. -o ${join(dir, "out", "prep.md")}.`,
    ]);
  });
});
