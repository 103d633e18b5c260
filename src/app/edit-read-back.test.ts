import { expect, it } from "vitest";
import type { StoredItem } from "../core/api-types.ts";
import { describeStores } from "../store/test-stores.ts";
import {
  editItemText,
  exportDocument,
  getDocument,
  importDocument,
  renameDocument,
  saveAnswerVariant,
} from "./bank.ts";

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
});
