import { expect, it } from "vitest";
import type { StoredItem } from "../core/api-types.ts";
import { reviseItemText } from "../core/markdown/index.ts";
import { describeStores } from "../store/test-stores.ts";
import {
  addAnswer,
  editItemText,
  exportDocument,
  getDocument,
  getItemHistory,
  importDocument,
  renameDocument,
  saveAnswerVariant,
} from "./bank.ts";
import { prepareFollowUp } from "./packaging.ts";

/** Our own small prep file: an answer, then a remark about it that the reader keeps as a note. */
const prep = [
  "### Q1- Tell me about a time you fixed a flaky test suite.",
  "",
  "Our nightly suite failed one run in five. I traced it to shared temp folders, gave each test its own, and the failures stopped.",
  "",
  "This version stresses ownership of a problem nobody had claimed.",
  "",
  "### Q2- Why this team?",
  "",
  "I want to work where models meet real users every day.",
  "",
].join("\n");

describeStores("an edit the document would not read back", (getStore) => {
  it("is refused with a message naming where the text would go, and later saves into the document still work", async () => {
    const store = getStore();
    const { documentId = "" } = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(prep),
      filename: "prep.md",
    });
    const items = (await getDocument(store, "a", documentId)).items;
    const note = items.find((item): item is StoredItem & { kind: "note" } => item.kind === "note");
    expect(note?.text).toContain("This version stresses ownership");

    // Plain text under the answer would be read back as the answer's next paragraph.
    await expect(
      editItemText(store, "a", note?.id ?? "", { text: "Say the five first.", expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: expect.stringMatching(
        /would not stay a note of its own .*read as part of the answer to “Tell me about a time you fixed a flaky test suite\.” \(core\)\. Nothing was saved/,
      ),
    });
    const after = (await getDocument(store, "a", documentId)).items.find((item) => item.id === note?.id);
    expect(after?.version).toBe(1);

    // A note that still reads as a remark is saved as usual.
    const saved = await editItemText(store, "a", note?.id ?? "", {
      text: "This version puts the failure rate first.",
      expectedVersion: 1,
    });
    expect(saved.version).toBe(2);

    // …and a new variant still goes into the document, which exports and re-imports unchanged.
    const variant = await saveAnswerVariant(store, "a", documentId, {
      questionKey: "q2",
      variant: "short",
      text: "I want my models in front of users.",
    });
    expect(variant.key).toBe("q2/short");
    const markdown = (await exportDocument(store, "a", documentId, "md")).body;
    const again = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(markdown),
      filename: "prep.md",
    });
    expect(again.status).toBe("unchanged");
  });

  it("reports a re-import (and its dry run) under the document's own name, not the file's", async () => {
    const store = getStore();
    const bytes = new TextEncoder().encode(prep);
    const { documentId = "" } = await importDocument(store, "a", { bytes, filename: "prep.md" });
    await renameDocument(store, "a", documentId, { title: "Platform team interview" });
    const grown = new TextEncoder().encode(
      `${prep}\n### Q3- What would you do first here?\n\nListen, then fix one small thing.\n`,
    );
    const dry = await importDocument(store, "a", { bytes: grown, filename: "prep.md", dryRun: true });
    expect(dry).toMatchObject({ status: "dry-run", wouldBe: "updated", documentId });
    expect(dry.title).toBe("Platform team interview");
    const again = await importDocument(store, "a", { bytes: grown, filename: "prep.md" });
    expect(again).toMatchObject({ status: "updated", documentId, title: "Platform team interview" });
  });

  it("mends a document an earlier edit left stuck: the next variant, follow-up or new answer is saved", async () => {
    const store = getStore();
    const { documentId = "" } = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(prep),
      filename: "prep.md",
    });
    const items = (await getDocument(store, "a", documentId)).items;
    const note = items.find((item) => item.kind === "note");
    const q2 = items.find((item) => item.key === "q2/core");
    // What editItemText did before it checked edits: the note saved as typed, plain text that the
    // document re-reads as the answer's next paragraph.
    const stored = await store.items.getItem("a", note?.id ?? "");
    const typed = reviseItemText(stored, "Say the five first.");
    await store.items.updateItem("a", stored.id, { raw: typed.raw, data: { ...typed }, source: "typed" });

    // Before: "This text would not read back as a variant of the question (…): simplify its formatting…".
    const variant = await saveAnswerVariant(store, "a", documentId, {
      questionKey: "q2",
      variant: "short",
      text: "I want my models in front of users.",
    });
    expect(variant.key).toBe("q2/short");
    const followUp = await prepareFollowUp(store, "a", q2?.id ?? "", {
      question: "Why now?",
      answer: "The team is growing and I can help it ship.",
    });
    expect(followUp.kind).toBe("follow-up");
    const added = await addAnswer(store, "a", documentId, {
      question: "What do you do outside work?",
      text: "I run and I repair old radios.",
    });
    expect(added.key).toBe("q3/core");

    // The note is still a note with every line the user typed, set off from the answer by a rule;
    // the answer did not take it in; the note's earlier text is in its history.
    const after = (await getDocument(store, "a", documentId)).items;
    const mended = after.find((item) => item.id === note?.id);
    expect(mended?.kind).toBe("note");
    expect(mended?.raw).toBe("---\n\nSay the five first.");
    const answer = after.find((item) => item.key === "q1/core");
    expect(answer?.raw).not.toContain("Say the five first.");
    const history = await getItemHistory(store, "a", note?.id ?? "");
    expect(history.map((entry) => entry.raw)).toContain("Say the five first.");
    expect(history.map((entry) => entry.raw)).toContain(
      "This version stresses ownership of a problem nobody had claimed.",
    );

    // The document exports and re-imports as it is stored.
    const markdown = (await exportDocument(store, "a", documentId, "md")).body;
    const again = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(markdown),
      filename: "prep.md",
    });
    expect(again.status).toBe("unchanged");
  });
});
