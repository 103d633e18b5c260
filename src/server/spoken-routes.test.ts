import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { TranscriptionProvider } from "../app/transcription.ts";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// Spoken answers over the real Hono app and a real store (PGlite and PostgreSQL), in-process.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");
// A transcript as a recogniser or a hurried user gives it: lower case, no punctuation.
const TRANSCRIPT =
  "so at my last job the nightly training pipeline failed twice a week and i traced it to a race in the feature export i rewrote the export as an idempotent step and failures dropped from eight a month to zero";

const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});
const audio = (bytes: Uint8Array, type = "audio/webm;codecs=opus"): RequestInit => ({
  method: "PUT",
  headers: { "Content-Type": type },
  body: bytes.buffer as ArrayBuffer,
});

const DELIVERY = {
  recordedMs: 95_000,
  answerMs: 93_000,
  speakingMs: 80_000,
  firstWordMs: 1_200,
  pauses: 3,
  longestPauseMs: 4_200,
  pauseMinMs: 1_500,
};
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0, 255]);

interface Step {
  id: string;
  kind: string;
  itemId?: string;
  attempt?: { id: string; mode: string; hasRecording: boolean; delivery?: Record<string, number> };
}
interface SessionBody {
  session: { id: string; current?: Step; steps: Step[] };
}

describeStores("spoken practice API", (getStore) => {
  const appFor = (userId: string, transcription?: TranscriptionProvider) =>
    createApp({
      store: getStore(),
      userId,
      version: "test",
      storage: "pglite",
      ...(transcription === undefined ? {} : { transcription }),
    });

  async function startSession(userId = "a"): Promise<SessionBody["session"]> {
    const app = appFor(userId);
    expect((await app.request("/api/import", send("POST", { text: sample }))).status).toBe(200);
    const res = await app.request(
      "/api/practice/sessions",
      send("POST", { from: { kind: "due" }, count: 2, role: "ml-engineer" }),
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as SessionBody).session;
  }

  async function spoken(app: ReturnType<typeof appFor>, sessionId: string): Promise<Step> {
    const res = await app.request(
      `/api/practice/sessions/${sessionId}/delivery`,
      send("PUT", { delivery: DELIVERY }),
    );
    expect(res.status).toBe(200);
    const view = (await (await app.request(`/api/practice/sessions/${sessionId}`)).json()) as SessionBody;
    return view.session.current as Step;
  }

  it("records a spoken answer: figures, kept recording, transcript read by the lens, report and history", async () => {
    const app = appFor("a");
    const session = await startSession();
    const step = await spoken(app, session.id);
    expect(step.attempt).toMatchObject({ mode: "spoken", hasRecording: false });
    expect(step.attempt?.delivery).toMatchObject({
      ...DELIVERY,
      silenceMs: 15_000,
      budgetSeconds: expect.any(Number),
    });
    const attemptId = step.attempt?.id ?? "";

    const kept = await app.request(`/api/practice/attempts/${attemptId}/recording`, audio(WEBM));
    expect(kept.status).toBe(200);
    expect(await kept.json()).toEqual({ attemptId, bytes: WEBM.byteLength });
    const played = await app.request(`/api/practice/attempts/${attemptId}/recording`);
    expect(played.status).toBe(200);
    expect(played.headers.get("content-type")).toBe("audio/webm;codecs=opus");
    expect(played.headers.get("cache-control")).toBe("no-store");
    expect([...new Uint8Array(await played.arrayBuffer())]).toEqual([...WEBM]);
    // Another user's bank never serves it.
    expect((await appFor("b").request(`/api/practice/attempts/${attemptId}/recording`)).status).toBe(404);

    const submit = await app.request(
      `/api/practice/sessions/${session.id}/submit`,
      send("POST", { stepId: step.id, text: TRANSCRIPT }),
    );
    expect(submit.status).toBe(200);
    const submitted = (await submit.json()) as {
      analysis?: { overall: { score: number } };
      stepId: string;
      usedSeconds: number;
    };
    expect(submitted.analysis?.overall.score).toBeGreaterThanOrEqual(1);
    // The time used is the speaking's (answerMs), not the time it took to type the transcript.
    expect(submitted.usedSeconds).toBe(93);

    const report = (await (await app.request(`/api/practice/sessions/${session.id}/report`)).json()) as {
      report: { steps: Array<{ delivery?: { pauses: number }; score?: number }> };
    };
    expect(report.report.steps[0]?.delivery?.pauses).toBe(3);
    expect(report.report.steps[0]?.score).toBe(submitted.analysis?.overall.score);
    const history = (await (await app.request(`/api/practice/history/${step.itemId}`)).json()) as {
      history: { attempts: Array<{ mode: string; hasRecording: boolean; words: number }> };
    };
    expect(history.history.attempts[0]).toMatchObject({ mode: "spoken", hasRecording: true, words: 41 });

    const deleted = await app.request(`/api/practice/attempts/${attemptId}/recording`, { method: "DELETE" });
    expect(await deleted.json()).toEqual({ deleted: true });
    const gone = await app.request(`/api/practice/attempts/${attemptId}/recording`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toContain(
      "has no recording",
    );
    const after = (await (await app.request(`/api/practice/history/${step.itemId}`)).json()) as {
      history: { attempts: Array<{ hasRecording: boolean; delivery?: unknown }> };
    };
    expect(after.history.attempts[0]).toMatchObject({ hasRecording: false, delivery: expect.any(Object) });
  });

  it("keeps a spoken answer submitted without a transcript: figures, no reading, no follow-up", async () => {
    const app = appFor("a");
    const session = await startSession();
    const step = await spoken(app, session.id);
    const submit = await app.request(
      `/api/practice/sessions/${session.id}/submit`,
      send("POST", { stepId: step.id, text: "" }),
    );
    const body = (await submit.json()) as {
      skipped: boolean;
      analysis?: unknown;
      followUp?: unknown;
      session: SessionBody["session"];
    };
    expect(body).toMatchObject({ skipped: false });
    expect(body.analysis).toBeUndefined();
    expect(body.followUp).toBeUndefined();
    expect(body.session.steps[0]?.attempt).toMatchObject({ mode: "spoken", delivery: expect.any(Object) });
  });

  it.each([
    ["a negative figure", { ...DELIVERY, speakingMs: -5 }, /delivery\.speakingMs must be 0 or more/],
    ["a huge figure", { ...DELIVERY, recordedMs: 1e15 }, /delivery\.recordedMs must be at most 7200000 ms/],
    ["a figure that is not a number", { ...DELIVERY, pauses: "NaN" }, /delivery\.pauses/],
    ["figures that do not add up", { ...DELIVERY, speakingMs: 99_000 }, /do not add up: speakingMs/],
    ["no figures", undefined, /delivery/],
  ])("refuses %s with a 400 that names it", async (_what, delivery, message) => {
    const app = appFor("a");
    const session = await startSession();
    const res = await app.request(`/api/practice/sessions/${session.id}/delivery`, send("PUT", { delivery }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it("refuses NaN written into the JSON, a transcript over the limit and a recording that is not audio", async () => {
    const app = appFor("a");
    const session = await startSession();
    const nan = await app.request(`/api/practice/sessions/${session.id}/delivery`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: '{"delivery":{"recordedMs":NaN}}',
    });
    expect(nan.status).toBe(400);
    expect(((await nan.json()) as { error: { message: string } }).error.message).toContain("not valid JSON");

    const step = await spoken(app, session.id);
    const long = "word ".repeat(10_001);
    const draft = await app.request(
      `/api/practice/sessions/${session.id}/draft`,
      send("PUT", { stepId: step.id, text: long, revision: 1 }),
    );
    expect(draft.status).toBe(413);
    expect(((await draft.json()) as { error: { message: string } }).error.message).toContain(
      "over the limit of 50,000 for one attempt",
    );
    const submit = await app.request(
      `/api/practice/sessions/${session.id}/submit`,
      send("POST", { stepId: step.id, text: long }),
    );
    expect(submit.status).toBe(413);

    const attemptId = step.attempt?.id ?? "";
    const text = await app.request(
      `/api/practice/attempts/${attemptId}/recording`,
      audio(WEBM, "text/plain"),
    );
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { message: string } }).error.message).toContain("audio/webm");
    const empty = await app.request(
      `/api/practice/attempts/${attemptId}/recording`,
      audio(new Uint8Array(0)),
    );
    expect(empty.status).toBe(400);
    const big = await app.request(
      `/api/practice/attempts/${attemptId}/recording`,
      audio(new Uint8Array(10 * 1024 * 1024 + 1)),
    );
    expect(big.status).toBe(413);
  });

  it("keeps a recording only for a spoken attempt", async () => {
    const app = appFor("a");
    const session = await startSession();
    await app.request(
      `/api/practice/sessions/${session.id}/draft`,
      send("PUT", { text: "typed", revision: 1 }),
    );
    const view = (await (await app.request(`/api/practice/sessions/${session.id}`)).json()) as SessionBody;
    const res = await app.request(
      `/api/practice/attempts/${view.session.current?.attempt?.id}/recording`,
      audio(WEBM),
    );
    expect(res.status).toBe(409);
  });

  it("says no offline recogniser ships, and uses one only when it runs offline", async () => {
    const info = await (await appFor("a").request("/api/practice/transcription")).json();
    expect(info).toMatchObject({ provider: "none", available: false });
    expect((info as { message: string }).message).toContain("no offline speech recogniser on this machine");

    const stub = (offline: boolean): TranscriptionProvider => ({
      id: "fixture",
      available: true,
      offline,
      message: "A fixture recogniser.",
      transcribe: async () => TRANSCRIPT,
    });
    for (const offline of [false, true]) {
      const app = appFor("a", stub(offline));
      const session = await startSession();
      const step = await spoken(app, session.id);
      const kept = (await (
        await app.request(`/api/practice/attempts/${step.attempt?.id}/recording`, audio(WEBM))
      ).json()) as { transcript?: string };
      const view = (await (await app.request(`/api/practice/sessions/${session.id}`)).json()) as {
        session: { current?: { attempt?: { text: string } } };
      };
      expect(kept.transcript).toBe(offline ? TRANSCRIPT : undefined);
      expect(view.session.current?.attempt?.text).toBe(offline ? TRANSCRIPT : "");
    }
  });
});
