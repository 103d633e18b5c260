import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import type { Store } from "../../store/db.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerDocumentCommands } from "./documents.ts";
import {
  registerAddAnswerCommand,
  registerAddVariantCommand,
  registerEditCommand,
  registerTickCommand,
} from "./edit.ts";

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));

/** Imports our sample into user "a"'s bank and returns its first answer (and that answer's id). */
async function sampleFirstAnswer(store: Store) {
  const { documentId } = await importDocument(store, "a", {
    bytes: new Uint8Array(sample),
    filename: "sample-prep.md",
  });
  const [answer] = await store.items.listItems("a", { documentId: documentId ?? "", kind: "answer" });
  return { documentId: documentId ?? "", answer, id: answer?.id ?? "" };
}

describeStores("derisk set / add-variant", (getStore) => {
  it("refuses an --expected-version that is not a whole number as a usage error naming what was typed", async () => {
    const store = getStore();
    const { answer, id } = await sampleFirstAnswer(store);
    for (const typed of ["abc", "2x", "1.5", "0"]) {
      const set = await runCommand(
        [registerEditCommand],
        ["set", id, "--text", "I led it.", "--expected-version", typed],
        {
          store,
        },
      );
      // Before: "abc" reached the bank as NaN ("The expected version NaN is not…", exit 2) and "2x" passed as 2.
      expect({ typed, code: set.code, error: set.error }).toEqual({
        typed,
        code: 1,
        error: `--expected-version takes a version number (1, 2, …), not "${typed}": use the version derisk show --json shows.`,
      });
    }
    const tick = await runCommand([registerTickCommand], ["tick", id, "1", "--expected-version", "x"], {
      store,
    });
    expect(tick).toMatchObject({
      code: 1,
      error: expect.stringMatching(/^--expected-version takes a version number/),
    });
    expect((await store.items.getItem("a", id)).version).toBe(answer?.version);
  });

  it("refuses a --from file that is not UTF-8 instead of saving replacement characters; reads UTF-16 with a BOM", async () => {
    const store = getStore();
    const { answer, id } = await sampleFirstAnswer(store);
    const dir = mkdtempSync(join(tmpdir(), "derisk-set-from-"));
    try {
      const latin1 = join(dir, "latin1.txt");
      // "café" as a Windows-1252 editor saves it: é is the single byte 0xE9.
      writeFileSync(
        latin1,
        new Uint8Array([...Buffer.from("I cut the caf"), 0xe9, ...Buffer.from(" latency by 40%.")]),
      );
      const refused = await runCommand([registerEditCommand], ["set", id, "--from", latin1], { store });
      expect(refused.code).toBe(2);
      expect(refused.error).toBe(
        `${latin1} is not valid UTF-8 text: re-save it as UTF-8 (or import it with derisk import, which repairs other encodings).`,
      );
      const after = await store.items.getItem("a", id);
      expect(after.version).toBe(answer?.version);

      const utf16 = join(dir, "utf16.txt");
      writeFileSync(
        utf16,
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("I cut the café latency by 40%.", "utf16le")]),
      );
      const saved = await runCommand([registerEditCommand], ["set", id, "--from", utf16, "--json"], {
        store,
      });
      expect(saved.code, saved.error).toBe(0);
      expect(JSON.parse(saved.out)).toMatchObject({ item: { text: "I cut the café latency by 40%." } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--text - reads standard input, as - does everywhere, instead of saving a lone dash", async () => {
    const store = getStore();
    const { documentId, id } = await sampleFirstAnswer(store);
    const set = await runCommand([registerEditCommand], ["set", id, "--text", "-"], {
      store,
      stdin: "I moved to industry to see my models used every day.\n",
    });
    expect(set.code).toBe(0);
    // Before: the answer's text became "-".
    const after = await store.items.getItem("a", id);
    expect(after.kind === "answer" && after.text).toBe(
      "I moved to industry to see my models used every day.",
    );
    const added = await runCommand(
      [registerAddAnswerCommand],
      ["add-answer", "-q", "Why do you want to join us?", "--text", "-", "-d", documentId, "--json"],
      { store, stdin: "Because your clinics need models that stay up.\n" },
    );
    expect(added.code).toBe(0);
    expect(added.out).toContain("Because your clinics need models that stay up.");
    expect(added.out).not.toMatch(/"text": "-"/);
  });

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

  it("show lists a to-do list and a snippet; tick ticks an entry by its number, set edits the code", async () => {
    const store = getStore();
    const text = `${sample.toString("utf8")}\n## Checklist\n\n- [ ] Rehearse Q1\n  - [x] Record it\n\n\`\`\`python\nretry(call)\n\`\`\`\n`;
    const { documentId = "" } = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(text),
      filename: "prep.md",
    });
    const shown = await runCommand([registerDocumentCommands], ["show", documentId], { store });
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/To-do 1\/2 done/);
    expect(shown.out).toMatch(/\[ \] Rehearse Q1 #1/);
    expect(shown.out).toMatch(/ {4}\[x\] Record it #2/);
    expect(shown.out).toMatch(/Code python .*\n {2}│ retry\(call\)/);
    const listed = await runCommand(
      [registerDocumentCommands],
      ["show", documentId, "--kind", "to-do", "--json"],
      {
        store,
      },
    );
    const [todo] = (JSON.parse(listed.out) as { items: Array<{ id: string; kind: string }> }).items;
    expect(todo?.kind).toBe("to-do");

    const ticked = await runCommand([registerTickCommand], ["tick", todo?.id ?? "", "1"], { store });
    expect(ticked.code).toBe(0);
    expect(ticked.out).toMatch(/ticked “Rehearse Q1” in to-do-1 \(version 2\)/);
    const undone = await runCommand(
      [registerTickCommand],
      ["tick", todo?.id ?? "", "2", "--undo", "--json"],
      {
        store,
      },
    );
    expect(JSON.parse(undone.out)).toMatchObject({
      item: {
        version: 3,
        entries: [{ done: true }, { done: false }],
        raw: "- [x] Rehearse Q1\n  - [ ] Record it",
      },
    });
    for (const bad of [["0"], ["x"], ["3"]]) {
      const refused = await runCommand([registerTickCommand], ["tick", todo?.id ?? "", ...bad], { store });
      expect(refused.code).toBe(2);
    }
    // An answer is not a list to tick, said with its article ("is a answer" before).
    const answer = (await store.items.listItems("a", { documentId })).find((i) => i.kind === "answer");
    const notList = await runCommand([registerTickCommand], ["tick", answer?.id ?? "", "1"], { store });
    expect(notList.code).toBe(2);
    expect(notList.error).toMatch(/ is an answer, not a to-do list: /);
    const notTodo = await runCommand([registerEditCommand], ["set", todo?.id ?? "", "--text", "x"], {
      store,
    });
    expect(notTodo.code).toBe(2);
    expect(notTodo.error).toMatch(/tick or untick an entry/);
    const code = await runCommand(
      [registerDocumentCommands],
      ["show", documentId, "--kind", "snippet", "--json"],
      {
        store,
      },
    );
    const [snippet] = (JSON.parse(code.out) as { items: Array<{ id: string }> }).items;
    const set = await runCommand(
      [registerEditCommand],
      ["set", snippet?.id ?? "", "--text", "retry(call, 5)", "--json"],
      {
        store,
      },
    );
    expect(JSON.parse(set.out)).toMatchObject({
      item: { code: "retry(call, 5)", raw: "```python\nretry(call, 5)\n```" },
    });
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
