import { expect, it } from "vitest";
import { describeStores, samplePrepDoc, sha256 } from "../test-stores.ts";

describeStores("attempts", (getStore) => {
  it("creates an empty attempt, autosaves it and finishes it", async () => {
    const store = getStore();
    const started = new Date("2025-03-01T10:00:00Z");
    const attempt = await store.attempts.createAttempt("a", {
      questionText: "Tell me about yourself",
      mode: "typed",
      startedAt: started,
    });
    expect(attempt).toMatchObject({
      text: "",
      durationMs: 0,
      revision: 0,
      mode: "typed",
      startedAt: started,
    });
    expect("finishedAt" in attempt).toBe(false);

    expect(
      await store.attempts.autosaveAttempt("a", attempt.id, { text: "I am", durationMs: 2_000 }),
    ).toEqual({
      saved: true,
    });
    expect(
      await store.attempts.autosaveAttempt("a", attempt.id, { text: "I am an ML", durationMs: 4_000 }),
    ).toEqual({
      saved: true,
    });
    const finished = await store.attempts.finishAttempt("a", attempt.id, {
      analysis: { overall: 4 },
      selfRating: 3,
      finishedAt: new Date("2025-03-01T10:02:00Z"),
    });
    expect(finished).toMatchObject({
      text: "I am an ML",
      durationMs: 4_000,
      revision: 2,
      analysis: { overall: 4 },
      selfRating: 3,
      finishedAt: new Date("2025-03-01T10:02:00Z"),
    });
  });

  it("discards an attempt only while it is unfinished and holds no text", async () => {
    const store = getStore();
    const make = () => store.attempts.createAttempt("a", { questionText: "Q", mode: "typed" });
    const blank = await make();
    await store.attempts.autosaveAttempt("a", blank.id, { text: " \n\t", durationMs: 1_000 });
    expect(await store.attempts.discardEmptyAttempt("a", blank.id)).toBe(true);
    await expect(store.attempts.getAttempt("a", blank.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const typed = await make();
    await store.attempts.autosaveAttempt("a", typed.id, { text: "I began", durationMs: 1_000 });
    expect(await store.attempts.discardEmptyAttempt("a", typed.id)).toBe(false);
    const done = await make();
    await store.attempts.finishAttempt("a", done.id, { text: "", durationMs: 0 });
    expect(await store.attempts.discardEmptyAttempt("a", done.id)).toBe(false);
    expect((await store.attempts.listAttempts("a")).map((a) => a.id).sort()).toEqual(
      [typed.id, done.id].sort(),
    );
  });

  it("ignores an autosave that arrives after a newer one", async () => {
    const store = getStore();
    const attempt = await store.attempts.createAttempt("a", { questionText: "Q", mode: "spoken" });
    await store.attempts.autosaveAttempt("a", attempt.id, { text: "newer", durationMs: 9_000, revision: 5 });
    expect(
      await store.attempts.autosaveAttempt("a", attempt.id, {
        text: "older",
        durationMs: 4_000,
        revision: 4,
      }),
    ).toEqual({ saved: false, revision: 5, text: "newer" });
    expect(await store.attempts.getAttempt("a", attempt.id)).toMatchObject({ text: "newer", revision: 5 });
  });

  it("refuses autosaves once the attempt is finished, keeping the final text", async () => {
    const store = getStore();
    const attempt = await store.attempts.createAttempt("a", { questionText: "Q", mode: "typed" });
    await store.attempts.finishAttempt("a", attempt.id, { text: "final", durationMs: 60_000 });
    await expect(
      store.attempts.autosaveAttempt("a", attempt.id, { text: "late", durationMs: 61_000 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await store.attempts.getAttempt("a", attempt.id)).text).toBe("final");
  });

  it("keeps the first finish time when a rating is added later", async () => {
    const store = getStore();
    const attempt = await store.attempts.createAttempt("a", { questionText: "Q", mode: "typed" });
    const first = await store.attempts.finishAttempt("a", attempt.id, {
      finishedAt: new Date("2025-01-01T00:00:00Z"),
    });
    const rated = await store.attempts.finishAttempt("a", attempt.id, { selfRating: 4 });
    expect(rated.finishedAt).toEqual(first.finishedAt);
    expect(rated.selfRating).toBe(4);
  });

  it("refuses a self-rating outside 1–4", async () => {
    const store = getStore();
    const attempt = await store.attempts.createAttempt("a", { questionText: "Q", mode: "typed" });
    await expect(store.attempts.finishAttempt("a", attempt.id, { selfRating: 5 })).rejects.toThrow();
  });

  it("lists attempts newest first, by item and unfinished", async () => {
    const store = getStore();
    const { documentId } = await store.documents.saveDocument("a", samplePrepDoc(), {
      contentSha256: sha256("v1"),
    });
    const [answer] = await store.items.listItems("a", { documentId, kind: "answer" });
    const older = await store.attempts.createAttempt("a", {
      itemId: answer?.id ?? "",
      questionText: "Q1",
      mode: "typed",
      startedAt: new Date("2025-01-01T00:00:00Z"),
    });
    const newer = await store.attempts.createAttempt("a", {
      questionText: "Q2",
      mode: "typed",
      startedAt: new Date("2025-01-02T00:00:00Z"),
    });
    await store.attempts.finishAttempt("a", older.id, {});
    expect((await store.attempts.listAttempts("a")).map((x) => x.id)).toEqual([newer.id, older.id]);
    expect((await store.attempts.listAttempts("a", { itemId: answer?.id ?? "" })).map((x) => x.id)).toEqual([
      older.id,
    ]);
    expect((await store.attempts.listAttempts("a", { unfinished: true })).map((x) => x.id)).toEqual([
      newer.id,
    ]);
    expect(await store.attempts.listAttempts("a", { limit: 1 })).toHaveLength(1);
  });

  it("keeps an attempt when the document it practised is deleted", async () => {
    const store = getStore();
    const { documentId } = await store.documents.saveDocument("a", samplePrepDoc(), {
      contentSha256: sha256("v1"),
    });
    const [answer] = await store.items.listItems("a", { documentId, kind: "answer" });
    const attempt = await store.attempts.createAttempt("a", {
      itemId: answer?.id ?? "",
      questionText: "Q1",
      mode: "typed",
    });
    await store.attempts.autosaveAttempt("a", attempt.id, { text: "my words", durationMs: 1_000 });
    await store.documents.deleteDocument("a", documentId);
    const kept = await store.attempts.getAttempt("a", attempt.id);
    expect(kept).toMatchObject({ text: "my words", questionText: "Q1" });
    expect("itemId" in kept).toBe(false);
  });

  it("refuses an attempt on an item that does not exist", async () => {
    const store = getStore();
    await expect(
      store.attempts.createAttempt("a", { itemId: "missing", questionText: "Q", mode: "typed" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("No item with id missing"),
    });
  });

  const delivery = {
    recordedMs: 95_000,
    answerMs: 93_000,
    speakingMs: 80_000,
    silenceMs: 15_000,
    firstWordMs: 1_200,
    pauses: 2,
    longestPauseMs: 4_200,
    pauseMinMs: 1_500,
    budgetSeconds: 120,
    budgetShare: 0.775,
  };

  it("marks an attempt spoken with its delivery figures and keeps the transcript on finish", async () => {
    const store = getStore();
    const attempt = await store.attempts.createAttempt("a", { questionText: "Q", mode: "typed" });
    const spoken = await store.attempts.saveDelivery("a", attempt.id, delivery);
    expect(spoken).toMatchObject({ mode: "spoken", delivery });
    const finished = await store.attempts.finishAttempt("a", attempt.id, {
      text: "i fixed the pipeline",
      transcript: "i fixed the pipeline",
      durationMs: 95_000,
    });
    expect(finished).toMatchObject({ mode: "spoken", delivery, transcript: "i fixed the pipeline" });
    await expect(store.attempts.saveDelivery("a", attempt.id, delivery)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(store.attempts.saveDelivery("b", attempt.id, delivery)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps, replaces, plays back and deletes a recording, for its own user only", async () => {
    const store = getStore();
    const attempt = await store.attempts.createAttempt("a", { questionText: "Q", mode: "spoken" });
    const bytes = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 255, 7]);
    const kept = await store.attempts.saveRecording("a", attempt.id, { mediaType: "audio/webm", bytes });
    expect((await store.attempts.getAttempt("a", attempt.id)).audioRef).toBe(kept.id);
    const read = await store.attempts.getRecording("a", attempt.id);
    expect(read.mediaType).toBe("audio/webm");
    expect([...read.bytes]).toEqual([...bytes]);
    await store.attempts.saveRecording("a", attempt.id, {
      mediaType: "audio/ogg",
      bytes: new Uint8Array([1, 2, 3]),
    });
    expect([...(await store.attempts.getRecording("a", attempt.id)).bytes]).toEqual([1, 2, 3]);
    await expect(store.attempts.getRecording("b", attempt.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      store.attempts.saveRecording("b", attempt.id, { mediaType: "audio/webm", bytes }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await store.attempts.deleteRecording("b", attempt.id)).toBe(false);
    expect(await store.attempts.deleteRecording("a", attempt.id)).toBe(true);
    expect("audioRef" in (await store.attempts.getAttempt("a", attempt.id))).toBe(false);
    await expect(store.attempts.getRecording("a", attempt.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("has no recording"),
    });
    expect(await store.attempts.deleteRecording("a", attempt.id)).toBe(false);
  });

  it("drops the recording with its attempt", async () => {
    const store = getStore();
    const attempt = await store.attempts.createAttempt("a", { questionText: "Q", mode: "spoken" });
    await store.attempts.saveRecording("a", attempt.id, {
      mediaType: "audio/webm",
      bytes: new Uint8Array(9),
    });
    expect(await store.attempts.discardEmptyAttempt("a", attempt.id)).toBe(true);
    await expect(store.attempts.getRecording("a", attempt.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
