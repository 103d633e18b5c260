import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerAddVariantCommand, registerEditCommand } from "./edit.ts";

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));

describeStores("derisk set / add-variant", (getStore) => {
  it("adds a variant from standard input, then edits it", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: new Uint8Array(sample), filename: "sample-prep.md" });
    const text = "I found the drift, retrained the model, and error fell by 30%.";
    const added = await runCommand(
      [registerAddVariantCommand],
      ["add-variant", "--question", "q3", "--variant", "ML-focused", "--json"],
      { store, stdin: text },
    );
    expect(added.code).toBe(0);
    const { item } = JSON.parse(added.out) as { item: { id: string; key: string; version: number } };
    expect(item.key).toBe("q3/ml-focused");
    const set = await runCommand(
      [registerEditCommand],
      ["set", item.id, "--text", "Shorter now.", "--json"],
      { store },
    );
    expect(JSON.parse(set.out)).toMatchObject({ item: { text: "Shorter now.", version: 2 } });
    const unknown = await runCommand(
      [registerAddVariantCommand],
      ["add-variant", "--question", "q42", "--variant", "x"],
      {
        store,
        stdin: text,
      },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.error).toMatch(/No question q42/);
    const other = await runCommand([registerEditCommand], ["set", item.id, "--text", "mine"], {
      store,
      userId: "b",
    });
    expect(other.code).toBe(2);
  });
});
