import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerDocumentCommands } from "./documents.ts";

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));

describeStores("derisk rename", (getStore) => {
  it("renames a document, prints it, and refuses an empty title, a stale version and an unknown id", async () => {
    const store = getStore();
    const { documentId } = await importDocument(store, "a", {
      bytes: new Uint8Array(sample),
      filename: "sample-prep.md",
    });
    const id = documentId ?? "";
    const run = (args: string[]) => runCommand([registerDocumentCommands], args, { store });

    const text = await run(["rename", id, "Google onsite"]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Renamed .* to Google onsite/);
    const json = await run(["rename", id, "ML Engineer prep", "--expected-version", "2", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ document: { id, title: "ML Engineer prep", version: 3 } });

    const empty = await run(["rename", id, "  "]);
    expect(empty.code).toBe(2);
    expect(empty.error).toMatch(/title is empty/);
    const stale = await run(["rename", id, "Late", "--expected-version", "2"]);
    expect(stale.code).toBe(1);
    expect(stale.error).toMatch(/changed elsewhere/);
    const badVersion = await run(["rename", id, "X", "--expected-version", "two"]);
    expect(badVersion.code).toBe(1);
    expect(badVersion.error).toMatch(/--expected-version must be a whole number/);
    const unknown = await run(["rename", "no-such-id", "X"]);
    expect(unknown.code).toBe(2);
    expect(unknown.error).toMatch(/No document/);

    const list = await run(["list", "--json"]);
    expect(JSON.parse(list.out).documents.map((d: { title: string }) => d.title)).toEqual([
      "ML Engineer prep",
    ]);
  });

  it("says so when --kind finds nothing in the document shown, and where to look instead", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: new Uint8Array(sample), filename: "sample-prep.md" });
    await importDocument(store, "a", {
      bytes: new TextEncoder().encode("ask about on-call\n"),
      filename: "notes.txt",
    });
    const shown = await runCommand([registerDocumentCommands], ["show", "--kind", "answer"], { store });
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^Notes {2}[0-9a-f]{8}/);
    expect(shown.out).toContain(
      "No answer items in this document. Another document: derisk show ID --kind answer (derisk list shows your documents).",
    );
  });

  it("lists documents within 80 columns, with a date a person reads", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: new Uint8Array(sample), filename: "sample-prep.md" });
    const list = await runCommand([registerDocumentCommands], ["list"], { store, columns: 80 });
    expect(list.code).toBe(0);
    for (const line of list.out.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(list.out).toMatch(/updated \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    expect(list.out.replace(/\n\s+/g, " ")).toMatch(
      /7 answers, 4 follow-ups, .* 2 notes · role: Data\/ML Engineer · updated/,
    );
  });
});

describeStores("derisk show", (getStore) => {
  it("shows the id of each concern and technical question, as of every item a command takes", async () => {
    const store = getStore();
    const { documentId } = await importDocument(store, "a", {
      bytes: new Uint8Array(sample),
      filename: "sample-prep.md",
    });
    const items = await store.items.listItems("a", { documentId: documentId ?? "" });
    const concern = items.find((i) => i.kind === "concern");
    const technical = items.find((i) => i.kind === "technical-question");
    if (concern?.kind !== "concern" || technical?.kind !== "technical-question")
      throw new Error("the sample has a concern and technical questions");
    const shown = (await runCommand([registerDocumentCommands], ["show", documentId ?? ""], { store })).out;
    const line = (start: string) => shown.split("\n").find((l) => l.startsWith(start)) ?? "";
    expect(line(`  concern “${concern.judgement}”`)).toMatch(/ \[[0-9a-f]{8,}\]$/);
    expect(concern.id.startsWith(line(`  concern “${concern.judgement}”`).slice(-9, -1))).toBe(true);
    expect(line(`  ? ${technical.text}`)).toMatch(/ \[[0-9a-f]{8,}\]$/);
    expect(technical.id.startsWith(line(`  ? ${technical.text}`).slice(-9, -1))).toBe(true);
  });
});
