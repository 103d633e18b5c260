import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerAddAnswerCommand, registerAddVariantCommand, registerEditCommand } from "./edit.ts";

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

  it("add-answer writes a new question with its answer, which the library reads back; bad input exits 2", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: new Uint8Array(sample), filename: "sample-prep.md" });
    const answer = "I told my lead I disagreed, showed the error budget, and we moved the launch by a week.";
    const added = await runCommand(
      [registerAddAnswerCommand],
      ["add-answer", "-q", "Tell me about a disagreement with your lead.", "--json"],
      { store, stdin: answer },
    );
    expect(added.code).toBe(0);
    const { item } = JSON.parse(added.out) as {
      item: { id: string; question: string; text: string; kind: string };
    };
    expect(item).toMatchObject({
      kind: "answer",
      question: "Tell me about a disagreement with your lead.",
      text: answer,
    });
    const listed = await store.items.listItems("a", { kind: "answer" });
    expect(listed.some((i) => i.id === item.id)).toBe(true);
    const empty = await runCommand(
      [registerAddAnswerCommand],
      ["add-answer", "-q", "Why us?", "--text", "  "],
      { store },
    );
    expect(empty.code).toBe(2);
    expect(empty.error).toMatch(/answer is empty/);
    const noQuestion = await runCommand(
      [registerAddAnswerCommand],
      ["add-answer", "-q", " ", "--text", "Yes."],
      {
        store,
      },
    );
    expect(noQuestion.code).toBe(2);
    expect(noQuestion.error).toMatch(/question is empty/);
  });
});
