import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../app/bank.ts";
import { describeStores } from "../store/test-stores.ts";
import { registerEditCommand } from "./commands/edit.ts";
import { registerHistoryCommand } from "./commands/history.ts";
import { runCommand } from "./test-cli.ts";

const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");

describeStores("derisk history says what changed since each earlier text", (getStore) => {
  it("gives each earlier version a one-line summary against the current text", async () => {
    const store = getStore();
    const run = (argv: string[]) =>
      runCommand([registerEditCommand, registerHistoryCommand], argv, { store });
    const imported = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(sample),
      filename: "prep.md",
    });
    const items = await store.items.listItems("a", { documentId: imported.documentId ?? "" });
    const answer = items.find((i) => i.kind === "answer");
    if (!answer) throw new Error("the sample has an answer");
    const opening =
      "I traced the drift to a stale feature table and rebuilt the nightly job so it checks freshness.";
    expect(
      (await run(["set", answer.id, "--text", `${opening} It took two weeks and the team agreed.`])).code,
    ).toBe(0);
    expect((await run(["set", answer.id, "--text", `${opening} It took two weeks.`])).code).toBe(0);

    const listed = await run(["history", answer.id]);
    expect(listed.code).toBe(0);
    // Before: versions 2 and 3 showed the same first line and nothing else to tell them apart.
    const lines = listed.out.split("\n");
    const summaries = lines.filter((line) =>
      /^ {2}(since this text: |same words as the current text$)/.test(line),
    );
    expect(summaries[0]).toBe("  since this text: 4 words removed near the end");
    expect(summaries).toHaveLength(lines.filter((line) => /version \d/.test(line)).length);
    // The current text has no summary: it is what the others are compared with.
    const currentAt = lines.findIndex((line) => line.includes("current"));
    expect(lines[currentAt + 2] ?? "").not.toMatch(/since this text/);
  });
});
