import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { registerFollowUpsCommand } from "../cli/commands/followups.ts";
import { runCommand } from "../cli/test-cli.ts";
import { DeriskError } from "../core/errors.ts";
import { parsePrepDocument } from "../core/markdown/index.ts";
import { createApp } from "../server/app.ts";
import { describeStores } from "../store/test-stores.ts";
import { exportDocument, getItemHistory, importDocument } from "./bank.ts";
import { predictItemFollowUps, prepareFollowUp } from "./packaging.ts";

// "Prepare this": a gap's answer written by the user is saved under the question, kept by a
// re-import, in the history and the export, and seen by the next prediction, the API and the CLI.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));
const PROBE = "What would you do differently?";
const SAID = "I would add a schema check before the first training run, not after the first bad forecast.";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeriskError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return "ok";
}

describeStores("prepare a follow-up", (getStore) => {
  async function importSample() {
    const store = getStore();
    const result = await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const documentId = result.documentId ?? "";
    const items = await store.items.listItems("a", { documentId });
    const byKey = (key: string) => items.find((i) => i.key === key)?.id ?? "";
    return { store, documentId, byKey };
  }

  it("turns a gap into a prepared answer under its question, which survives re-import and shows in the export", async () => {
    const { store, documentId, byKey } = await importSample();
    // The model-focused variant states no lesson, so nothing answers the probe yet (the core
    // variant's "Since then I never sign off…" answers it by itself).
    const mistake = byKey("q5/model-focused");
    const before = await predictItemFollowUps(store, "a", mistake, "ml-engineer");
    expect(before.followUps.find((f) => f.question === PROBE)?.gap).toBe(true);

    const item = await prepareFollowUp(store, "a", mistake, { question: PROBE, answer: SAID });
    expect(item).toMatchObject({ kind: "follow-up", key: "q5/follow-up-1", question: PROBE, answer: SAID });

    const after = await predictItemFollowUps(store, "a", mistake, "ml-engineer");
    expect(after.followUps.find((f) => f.question === PROBE)).toMatchObject({
      gap: false,
      preparedItemId: item.id,
      preparedAnswer: SAID,
    });
    expect((await getItemHistory(store, "a", item.id)).map((v) => v.source)).toEqual(["typed"]);

    // The file again (unchanged): the user's follow-up stays.
    const again = await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    expect(again.documentId).toBe(documentId);
    const kept = await store.items.listItems("a", { documentId, kind: "follow-up" });
    expect(kept.find((i) => i.id === item.id)).toBeDefined();

    // The Markdown export holds it under Q5, and reads back as Q5's follow-up.
    const { body } = await exportDocument(store, "a", documentId, "md");
    const reread = parsePrepDocument(String(body));
    const followUp = reread.items.find((i) => i.kind === "follow-up" && i.question === PROBE);
    expect(followUp).toMatchObject({ answerKey: "q5/core", answer: SAID });
  });

  it("refuses an empty answer, a non-answer item and another user's answer", async () => {
    const { store, byKey } = await importSample();
    const id = byKey("q5/core");
    expect(await codeOf(prepareFollowUp(store, "a", id, { question: PROBE, answer: "  " }))).toMatch(
      /^BAD_INPUT: The prepared answer is empty/,
    );
    expect(await codeOf(prepareFollowUp(store, "a", id, { question: "", answer: SAID }))).toMatch(
      /^BAD_INPUT: The follow-up question is empty/,
    );
    expect(
      await codeOf(prepareFollowUp(store, "a", byKey("q1/follow-up-1"), { question: PROBE, answer: SAID })),
    ).toMatch(/^BAD_INPUT: .*not an answer/);
    expect(await codeOf(prepareFollowUp(store, "b", id, { question: PROBE, answer: SAID }))).toMatch(
      /^NOT_FOUND/,
    );
  });

  it("over the API (201, then a 400 with a message) and from the CLI", async () => {
    const { store, byKey } = await importSample();
    const app = createApp({ store, userId: "a", version: "test", storage: "pglite", maxBodyBytes: 1 << 20 });
    const post = (body: unknown) => ({
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const created = await app.request(
      `/api/items/${byKey("q3/core")}/follow-ups`,
      post({ question: PROBE, answer: SAID }),
    );
    expect(created.status).toBe(201);
    expect(((await created.json()) as { item: { key: string } }).item.key).toBe("q3/follow-up-1");
    const bad = await app.request(`/api/items/${byKey("q3/core")}/follow-ups`, post({ question: PROBE }));
    expect(bad.status).toBe(400);

    const cli = await runCommand(
      [registerFollowUpsCommand],
      ["followups", "--answer", byKey("q5/core"), "--prepare", "How did you measure it?", "--text", SAID],
      { store },
    );
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/^Prepared q5\/follow-up-1: “How did you measure it\?”/);
    const shown = await runCommand([registerFollowUpsCommand], ["followups", "--answer", byKey("q5/core")], {
      store,
    });
    expect(shown.out).toContain(`prepared: “${SAID}”`);
    const usage = await runCommand([registerFollowUpsCommand], ["followups", "--prepare", "Why?"], { store });
    expect(usage.code).not.toBe(0);
    expect(usage.error).toMatch(/--answer ID --prepare/);
  });
});
