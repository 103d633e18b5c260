import { expect, it } from "vitest";
import { isDeriskError } from "../../core/errors.ts";
import type { AnswerItem } from "../../core/model.ts";
import type { Store } from "../db.ts";
import { describeStores, samplePrepDoc, sha256 } from "../test-stores.ts";

async function seedAnswer(store: Store) {
  const { documentId } = await store.documents.saveDocument("a", samplePrepDoc(), {
    contentSha256: sha256("v1"),
  });
  const [answer] = await store.items.listItems("a", { documentId, kind: "answer" });
  if (answer?.kind !== "answer") throw new Error("the sample has answers");
  return { documentId, answer };
}

function answerData(answer: AnswerItem, text: string) {
  const { kind: _kind, key: _key, lines: _lines, raw: _raw, gapBefore: _gap, ...data } = answer;
  return { ...data, text };
}

describeStores("items", (getStore) => {
  it("lists items in document order, filtered by document and kind", async () => {
    const store = getStore();
    const { documentId } = await store.documents.saveDocument("a", samplePrepDoc(), {
      contentSha256: sha256("v1"),
    });
    const all = await store.items.listItems("a", { documentId });
    expect(all.map((item) => item.key)).toEqual(samplePrepDoc().items.map((item) => item.key));
    const answers = await store.items.listItems("a", { kind: "answer" });
    expect(answers.map((item) => item.key)).toEqual(["q1/core", "q2/core"]);
    expect(answers.every((item) => item.documentId === documentId && item.version === 1)).toBe(true);
    expect(answers[0]?.updatedAt).toBeInstanceOf(Date);
  });

  it("gets one item with its PrepItem fields", async () => {
    const store = getStore();
    const { answer } = await seedAnswer(store);
    const item = await store.items.getItem("a", answer.id);
    expect(item).toEqual(answer);
    expect(item.kind === "answer" && item.beats).toEqual(["PhD → ML", "pipeline → 40% faster"]);
  });

  it("updates an item's text and bumps its version", async () => {
    const store = getStore();
    const { documentId, answer } = await seedAnswer(store);
    const updated = await store.items.updateItem("a", answer.id, {
      raw: "### Q1. Tell me about yourself\n> New text.",
      data: answerData(answer, "New text."),
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({
      id: answer.id,
      version: 2,
      text: "New text.",
      key: "q1/core",
      kind: "answer",
    });
    const loaded = await store.documents.loadDocument("a", documentId);
    expect(loaded.items.find((item) => item.key === "q1/core")).toMatchObject({
      raw: "### Q1. Tell me about yourself\n> New text.",
      text: "New text.",
      lines: answer.lines,
    });
  });

  it("ignores base fields passed inside data (they cannot corrupt the skeleton)", async () => {
    const store = getStore();
    const { answer } = await seedAnswer(store);
    const updated = await store.items.updateItem("a", answer.id, {
      raw: answer.raw,
      data: { ...answer, key: "hijacked", kind: "note", text: "t" },
    });
    expect(updated).toMatchObject({ key: "q1/core", kind: "answer", text: "t", version: 2 });
  });

  it("refuses a stale version with a CONFLICT naming both versions", async () => {
    const store = getStore();
    const { answer } = await seedAnswer(store);
    await store.items.updateItem("a", answer.id, { raw: "x", data: answerData(answer, "x") });
    await store.items.updateItem("a", answer.id, { raw: "y", data: answerData(answer, "y") });
    const stale = store.items.updateItem("a", answer.id, {
      raw: "z",
      data: answerData(answer, "z"),
      expectedVersion: 2,
    });
    await expect(stale).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "This answer was changed elsewhere (version 3, you had 2): nothing was overwritten; start again from the latest text.",
    });
    expect((await store.items.getItem("a", answer.id)).raw).toBe("y");
  });

  it("lets exactly one of two concurrent saves from the same version win", async () => {
    const store = getStore();
    const { answer } = await seedAnswer(store);
    const results = await Promise.allSettled(
      ["first", "second"].map((text) =>
        store.items.updateItem("a", answer.id, {
          raw: text,
          data: answerData(answer, text),
          expectedVersion: 1,
        }),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = lost[0]?.status === "rejected" ? lost[0].reason : undefined;
    expect(isDeriskError(reason) && reason.code).toBe("CONFLICT");
    const stored = await store.items.getItem("a", answer.id);
    expect(stored.version).toBe(2);
    expect(won[0]?.status === "fulfilled" && won[0].value.raw).toBe(stored.raw);
  });

  it("reports an unknown item as NOT_FOUND", async () => {
    const store = getStore();
    await expect(store.items.getItem("a", "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      store.items.updateItem("a", "nope", { raw: "", data: {}, expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
