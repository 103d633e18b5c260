import { Hono } from "hono";
import * as z from "zod";
import { DeriskError } from "../../app/errors.ts";
import { setNewCardsPerDay } from "../../app/new-cards.ts";
import {
  attemptHistory,
  beginAnswer,
  deleteRecording,
  dueQueue,
  endPractice,
  getPractice,
  keepRecording,
  listPractice,
  MAX_PRACTICE_COUNT,
  type PracticeFrom,
  peekPrepared,
  practiceReport,
  rateAnswer,
  recordingOf,
  saveDelivery,
  saveDraft,
  startPractice,
  submitAnswer,
} from "../../app/practice.ts";
import { parseTimezoneOffset } from "../../app/progress.ts";
import { transcriptionInfo } from "../../app/transcription.ts";
import { whatNext } from "../../app/what-next.ts";
import { COMPETENCIES, ROLE_IDS, type RoleId } from "../../core/model.ts";
import { TECHNICAL_TAGS } from "../../core/questions/index.ts";
import { RATINGS } from "../../core/schedule/index.ts";
import type { AppEnv } from "../app.ts";
import { readJson } from "./json-body.ts";
import { pathId } from "./path-id.ts";

const from = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("due") }),
  z.object({ kind: z.literal("competency"), competency: z.enum(COMPETENCIES) }),
  z.object({
    kind: z.literal("items"),
    ids: z.array(z.string().min(1).max(200)).min(1).max(MAX_PRACTICE_COUNT),
  }),
  z.object({ kind: z.literal("question"), text: z.string().max(2000) }),
  z.object({ kind: z.literal("gaps") }),
  // The posting's own limit (MAX_POSTING_CHARS) is checked by the use case, with its message.
  z.object({ kind: z.literal("jd"), text: z.string() }),
  z.object({ kind: z.literal("drill"), tag: z.enum(TECHNICAL_TAGS).optional() }),
]);
const startBody = z.object({
  from,
  count: z.number().int().min(1).max(MAX_PRACTICE_COUNT).optional(),
  role: z.enum(ROLE_IDS).optional(),
});
const stepBody = z.object({ stepId: z.string().min(1).optional() });
// Text length is checked by the use case, which answers 413 with the limit.
const draftBody = z.object({
  text: z.string(),
  revision: z.number().int().min(0).optional(),
  stepId: z.string().min(1).optional(),
});
// The figures themselves are checked by the use case (core checkDelivery), with their own messages.
const deliveryBody = z.object({ delivery: z.unknown(), stepId: z.string().min(1).optional() });
const submitBody = z.object({ text: z.string().optional(), stepId: z.string().min(1).optional() });
const rateBody = z.object({ rating: z.enum(RATINGS) });
// The value is checked by the use case (checkNewCardsPerDay), with the CLI's message.
const settingsBody = z.object({ newCardsPerDay: z.unknown() });
const limitQuery = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500)
    throw new DeriskError("BAD_INPUT", `limit must be a whole number 1–500, not "${value}".`);
  return n;
};

/** `?new=`: true unless "false"; any other word was read as true in silence. */
const newQuery = (value: string | undefined): boolean => {
  if (value === undefined || value === "" || value === "true") return true;
  if (value === "false") return false;
  throw new DeriskError("BAD_INPUT", `new must be "true" or "false", not "${value}".`);
};

/** Drops keys whose value is undefined (exact optional property types). */
const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/** Practice: what is due, timed sessions (autosaved answers, follow-ups, ratings) and attempt history. */
export const practiceRoutes = new Hono<AppEnv>()
  .get("/practice/due", async (c) => {
    const limit = limitQuery(c.req.query("limit"));
    // The client's zone decides when its day starts, and with it the day's new cards.
    const tz = parseTimezoneOffset(c.req.query("tz"));
    const { due, newCards } = await dueQueue(c.var.store, c.var.userId, {
      ...(limit === undefined ? {} : { limit }),
      includeNew: newQuery(c.req.query("new")),
      ...(tz === undefined ? {} : { timezoneOffsetMinutes: tz }),
    });
    return c.json({ due, newCards });
  })
  // The user's practice settings: how many never-practised cards the queue and the drill start a day.
  .get("/practice/settings", async (c) => {
    const profile = await c.var.store.profiles.getProfile(c.var.userId);
    return c.json({ settings: { newCardsPerDay: profile.newCardsPerDay } });
  })
  .put("/practice/settings", async (c) => {
    const body = await readJson(c, settingsBody);
    // Checked here, not by the schema, so a wrong value gets the same message as on the CLI.
    const newCardsPerDay = await setNewCardsPerDay(c.var.store, c.var.userId, body.newCardsPerDay);
    const tz = parseTimezoneOffset(c.req.query("tz"));
    const { newCards } = await dueQueue(c.var.store, c.var.userId, {
      ...(tz === undefined ? {} : { timezoneOffsetMinutes: tz }),
    });
    return c.json({ settings: { newCardsPerDay }, newCards });
  })
  .get("/what-next", async (c) => {
    const role = c.req.query("role");
    if (role !== undefined && role !== "" && !(ROLE_IDS as readonly string[]).includes(role))
      throw new DeriskError("BAD_INPUT", `Unknown role "${role}": use one of ${ROLE_IDS.join(", ")}.`);
    const chosen = role === undefined || role === "" ? undefined : (role as RoleId);
    return c.json(await whatNext(c.var.store, c.var.userId, chosen === undefined ? {} : { role: chosen }));
  })
  .get("/practice/history/:id", async (c) =>
    c.json({ history: await attemptHistory(c.var.store, c.var.userId, await pathId(c, "item-or-question")) }),
  )
  .post("/practice/sessions", async (c) => {
    const body = await readJson(c, startBody);
    const session = await startPractice(
      c.var.store,
      c.var.userId,
      defined({ from: body.from as PracticeFrom, count: body.count, role: body.role }),
    );
    return c.json({ session }, 201);
  })
  .get("/practice/sessions", async (c) => {
    const status = c.req.query("status");
    if (status !== undefined && status !== "active" && status !== "finished")
      throw new DeriskError("BAD_INPUT", `status must be "active" or "finished", not "${status}".`);
    const limit = limitQuery(c.req.query("limit"));
    return c.json({ sessions: await listPractice(c.var.store, c.var.userId, defined({ status, limit })) });
  })
  .get("/practice/sessions/:id", async (c) =>
    c.json({ session: await getPractice(c.var.store, c.var.userId, await pathId(c, "practice-session")) }),
  )
  .post("/practice/sessions/:id/begin", async (c) => {
    const body = await readJson(c, stepBody);
    return c.json({
      session: await beginAnswer(
        c.var.store,
        c.var.userId,
        await pathId(c, "practice-session"),
        defined(body),
      ),
    });
  })
  .put("/practice/sessions/:id/draft", async (c) => {
    const body = await readJson(c, draftBody);
    return c.json(
      await saveDraft(c.var.store, c.var.userId, await pathId(c, "practice-session"), defined(body)),
    );
  })
  .put("/practice/sessions/:id/delivery", async (c) => {
    const body = await readJson(c, deliveryBody);
    return c.json(
      await saveDelivery(c.var.store, c.var.userId, await pathId(c, "practice-session"), defined(body)),
    );
  })
  .get("/practice/transcription", (c) => c.json(transcriptionInfo(c.var.transcription)))
  .put("/practice/attempts/:attemptId/recording", async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(
      await keepRecording(
        c.var.store,
        c.var.userId,
        c.req.param("attemptId"),
        { bytes, mediaType: c.req.header("content-type") ?? "" },
        c.var.transcription === undefined ? {} : { transcription: c.var.transcription },
      ),
    );
  })
  .get("/practice/attempts/:attemptId/recording", async (c) => {
    const { bytes, mediaType } = await recordingOf(c.var.store, c.var.userId, c.req.param("attemptId"));
    c.header("Cache-Control", "no-store");
    c.header("Content-Type", mediaType);
    // A copy: pg hands back a Buffer that may be a view into a larger pool.
    return c.body(new Uint8Array(bytes).buffer as ArrayBuffer);
  })
  .delete("/practice/attempts/:attemptId/recording", async (c) =>
    c.json(await deleteRecording(c.var.store, c.var.userId, c.req.param("attemptId"))),
  )
  .post("/practice/sessions/:id/peek", async (c) => {
    const body = await readJson(c, stepBody);
    return c.json(
      await peekPrepared(c.var.store, c.var.userId, await pathId(c, "practice-session"), defined(body)),
    );
  })
  .post("/practice/sessions/:id/submit", async (c) => {
    const body = await readJson(c, submitBody);
    return c.json(
      await submitAnswer(c.var.store, c.var.userId, await pathId(c, "practice-session"), defined(body)),
    );
  })
  // Ends the session early: unanswered questions are left out of its report.
  .post("/practice/sessions/:id/end", async (c) =>
    c.json({ session: await endPractice(c.var.store, c.var.userId, await pathId(c, "practice-session")) }),
  )
  .post("/practice/sessions/:id/steps/:stepId/rating", async (c) => {
    const { rating } = await readJson(c, rateBody);
    return c.json(
      await rateAnswer(
        c.var.store,
        c.var.userId,
        await pathId(c, "practice-session"),
        c.req.param("stepId"),
        rating,
      ),
    );
  })
  .get("/practice/sessions/:id/report", async (c) =>
    c.json({ report: await practiceReport(c.var.store, c.var.userId, await pathId(c, "practice-session")) }),
  );
