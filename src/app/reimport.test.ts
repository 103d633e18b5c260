import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { StoredItem } from "../core/api-types.ts";
import type { Store } from "../store/index.ts";
import { describeStores } from "../store/test-stores.ts";
import {
  editItemText,
  exportDocument,
  getDocument,
  getItemHistory,
  importDocument,
  restoreItemVersion,
  saveAnswerVariant,
  setTodoEntry,
} from "./bank.ts";

const sampleText = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);
const q4 =
  "### Q4- Tell me about a time you disagreed with a colleague.\n\nI disagreed with our lead about retraining nightly; I ran both for a week and we kept the cheaper one.\n\n";
/** The sample with one more question, as a user would add it to their file. */
const withQ4 = sampleText.replace("### Q5-", `${q4}### Q5-`);
const q2Opening = "Research taught me to be patient with hard data, and I still love it.";

async function importSample(store: Store, text = sampleText) {
  return importDocument(store, "a", { bytes: bytes(text), filename: "sample-prep.md" });
}

async function itemByKey(store: Store, documentId: string, key: string): Promise<StoredItem> {
  const item = (await getDocument(store, "a", documentId)).items.find((i) => i.key === key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
}

const textOf = (item: StoredItem) => (item.kind === "answer" ? item.text : "");

describeStores("re-import keeps what the user wrote", (getStore) => {
  it("keeps an edit when the same file is imported again, and when a question was added to it", async () => {
    const store = getStore();
    const { documentId = "" } = await importSample(store);
    const q2 = await itemByKey(store, documentId, "q2/core");
    await editItemText(store, "a", q2.id, { text: "My own new answer to why industry." });

    const same = await importSample(store);
    expect(same.status).toBe("unchanged");
    expect(textOf(await itemByKey(store, documentId, "q2/core"))).toBe("My own new answer to why industry.");

    const grown = await importSample(store, withQ4);
    expect(grown.status).toBe("updated");
    expect(grown.changes?.added.map((c) => c.key)).toEqual(["q4/core"]);
    expect(grown.changes?.kept).toEqual([expect.objectContaining({ key: "q2/core", reason: "edited" })]);
    expect(grown.changes?.conflicts).toEqual([]);
    expect(textOf(await itemByKey(store, documentId, "q2/core"))).toBe("My own new answer to why industry.");
    // The new question is where the file put it.
    const keys = (await getDocument(store, "a", documentId)).items.map((i) => i.key);
    expect(keys.indexOf("q4/core")).toBe(keys.indexOf("q5/core") - 1);
  });

  it("reports a conflict when the file changed an item the user changed too, and keeps both texts", async () => {
    const store = getStore();
    const { documentId = "" } = await importSample(store);
    const q2 = await itemByKey(store, documentId, "q2/core");
    await editItemText(store, "a", q2.id, { text: "Mine: I want a real team." });

    const changed = withQ4.replace(q2Opening, "Research taught me patience with messy data.");
    const result = await importSample(store, changed);
    expect(result.changes?.conflicts).toEqual([
      expect.objectContaining({
        key: "q2/core",
        itemId: q2.id,
        label: expect.stringMatching(/moving into industry/),
      }),
    ]);
    const after = await itemByKey(store, documentId, "q2/core");
    expect(textOf(after)).toBe("Mine: I want a real team.");
    const history = await getItemHistory(store, "a", q2.id);
    expect(history.map((v) => [v.source, v.version, v.current])).toEqual([
      ["imported", null, false],
      ["typed", 2, true],
      ["imported", 1, false],
    ]);
    expect(history[0]?.text).toMatch(/^Research taught me patience with messy data\./);
    expect(history[2]?.text).toMatch(/^Research taught me to be patient/);

    // The same file again finds the conflict already kept: nothing new to report or store.
    const again = await importSample(store, `${changed}\n`);
    expect(again.changes?.conflicts).toEqual([]);
    expect(again.changes?.kept.map((k) => k.key)).toEqual(["q2/core"]);
    expect(await getItemHistory(store, "a", q2.id)).toHaveLength(3);
  });

  it("keeps a variant saved in derisk through a re-import, under its own question", async () => {
    const store = getStore();
    const { documentId = "" } = await importSample(store);
    const variant = await saveAnswerVariant(store, "a", documentId, {
      questionKey: "q3",
      variant: "ML-focused",
      text: "I modelled each channel from its neighbours and alerted on the residual.",
      source: "composed",
    });
    const result = await importSample(store, withQ4);
    expect(result.changes?.kept).toEqual([expect.objectContaining({ key: variant.key, reason: "created" })]);
    expect(result.changes?.removed).toEqual([]);
    const kept = await itemByKey(store, documentId, variant.key);
    expect(kept.id).toBe(variant.id);
    expect(textOf(kept)).toBe("I modelled each channel from its neighbours and alerted on the residual.");
    expect((await getItemHistory(store, "a", variant.id)).map((v) => v.source)).toEqual(["composed"]);

    // The Markdown export puts it under Q3, and reads back with the variant still under Q3.
    const { body } = await exportDocument(store, "a", documentId, "md");
    expect(body.indexOf("(ML-focused)")).toBeGreaterThan(body.indexOf("### Q3-"));
    expect(body.indexOf("(ML-focused)")).toBeLessThan(body.indexOf("### Q4-"));
    const reread = await importDocument(store, "b", { bytes: bytes(body), filename: "exported.md" });
    const rereadItems = (await getDocument(store, "b", reread.documentId ?? "")).items;
    expect(rereadItems.find((i) => i.key === variant.key)).toMatchObject({
      questionKey: "q3",
      variant: "ML-focused",
    });
  });

  it("a dry run reports what an import would change and writes nothing", async () => {
    const store = getStore();
    const { documentId = "" } = await importSample(store);
    const q2 = await itemByKey(store, documentId, "q2/core");
    await editItemText(store, "a", q2.id, { text: "Mine." });
    const before = await getDocument(store, "a", documentId);

    const changed = withQ4.replace(q2Opening, "Research taught me patience with messy data.");
    const dry = await importDocument(store, "a", {
      bytes: bytes(changed),
      filename: "sample-prep.md",
      dryRun: true,
    });
    expect(dry).toMatchObject({ status: "dry-run", wouldBe: "updated", documentId });
    expect(dry.changes?.added.map((c) => c.key)).toEqual(["q4/core"]);
    expect(dry.changes?.conflicts.map((c) => c.key)).toEqual(["q2/core"]);
    expect(await getDocument(store, "a", documentId)).toEqual(before);
    expect(await getItemHistory(store, "a", q2.id)).toHaveLength(2);

    const fresh = await importDocument(store, "b", { bytes: bytes(changed), filename: "x.md", dryRun: true });
    expect(fresh).toMatchObject({ status: "dry-run", wouldBe: "created" });
    expect(fresh.documentId).toBeUndefined();
  });

  it("restores an earlier text as a new version, keeping the one it replaces", async () => {
    const store = getStore();
    const { documentId = "" } = await importSample(store);
    const q2 = await itemByKey(store, documentId, "q2/core");
    const edited = await editItemText(store, "a", q2.id, { text: "A worse answer." });
    const original = (await getItemHistory(store, "a", q2.id)).find((v) => v.source === "imported");
    if (!original) throw new Error("no imported version");

    await expect(
      restoreItemVersion(store, "a", q2.id, original.id, { expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const restored = await restoreItemVersion(store, "a", q2.id, original.id, {
      expectedVersion: edited.version,
    });
    expect(restored.version).toBe(3);
    expect(textOf(restored)).toMatch(/^Research taught me to be patient/);
    expect(restored.raw).toBe(q2.raw);
    const history = await getItemHistory(store, "a", q2.id);
    expect(history.map((v) => [v.source, v.version, v.current])).toEqual([
      ["restored", 3, true],
      ["typed", 2, false],
      ["imported", 1, false],
    ]);
    // Another item's version, or another user's item, is not found.
    const q3 = await itemByKey(store, documentId, "q3/core");
    await expect(restoreItemVersion(store, "a", q3.id, original.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getItemHistory(store, "b", q2.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a ticked to-do stays ticked when the file is imported again, and the tick is in the history", async () => {
    const store = getStore();
    const checklist = "\n## Before the interview\n\n- [ ] Rehearse Q1 out loud\n- [x] Update the CV\n";
    const { documentId = "" } = await importSample(store, `${sampleText}${checklist}`);
    const todo = await itemByKey(store, documentId, "to-do-1");
    expect(todo.kind === "to-do" && todo.entries.map((e) => e.done)).toEqual([false, true]);
    const ticked = await setTodoEntry(store, "a", todo.id, {
      entry: 0,
      done: true,
      expectedVersion: todo.version,
    });
    expect(ticked.version).toBe(todo.version + 1);
    expect(ticked.raw).toBe("- [x] Rehearse Q1 out loud\n- [x] Update the CV");

    const same = await importSample(store, `${sampleText}${checklist}`);
    expect(same.status).toBe("unchanged");
    const grown = await importSample(store, `${withQ4}${checklist}`);
    expect(grown.status).toBe("updated");
    expect(grown.changes?.kept).toEqual([expect.objectContaining({ key: "to-do-1", reason: "edited" })]);
    const after = await itemByKey(store, documentId, "to-do-1");
    expect(after.kind === "to-do" && after.entries.map((e) => e.done)).toEqual([true, true]);
    // The export carries the tick, so the user's file can catch up.
    expect((await exportDocument(store, "a", documentId, "md")).body).toContain("- [x] Rehearse Q1 out loud");
    const history = await getItemHistory(store, "a", todo.id);
    expect(history.map((v) => [v.source, v.text.split("\n")[0]])).toEqual([
      ["typed", "[x] Rehearse Q1 out loud"],
      ["imported", "[ ] Rehearse Q1 out loud"],
    ]);
    // A stale version is refused; a bad entry number says how many entries there are.
    await expect(
      setTodoEntry(store, "a", todo.id, { entry: 1, done: false, expectedVersion: todo.version }),
    ).rejects.toThrow(/version/);
    await expect(setTodoEntry(store, "a", todo.id, { entry: 5, done: true })).rejects.toThrow(
      /has 2 entries/,
    );
  });
});
