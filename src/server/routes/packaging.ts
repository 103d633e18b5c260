import { Hono } from "hono";
import * as z from "zod";
import { DeriskError } from "../../app/errors.ts";
import {
  betterVariantFor,
  composeAnswer,
  coverage,
  deleteTailoring,
  listTailorings,
  matchQuestion,
  openTailoring,
  predictItemFollowUps,
  predictTextFollowUps,
  prepareFollowUp,
  reangleAnswer,
  reangleText,
  tailorJobDescription,
  trailerFromBank,
} from "../../app/packaging.ts";
import {
  createStoriesFromDocument,
  createStory,
  createStoryFromAnswer,
  deleteStory,
  storiesAsShown,
  storyAsShown,
  updateStory,
} from "../../app/stories.ts";
import { ROLE_IDS } from "../../core/model.ts";
import { TRAILER_SECONDS } from "../../core/packaging/trailer.ts";
import { MAX_INT32 } from "../../core/text-safety.ts";
import type { AppEnv } from "../app.ts";
import { readJson } from "./json-body.ts";
import { pathId } from "./path-id.ts";

const role = z.enum(ROLE_IDS);
const question = z.string().min(1).max(2000);
// Field types are checked by the core's parseStory, whose messages name the story's parts.
const storyBody = z.record(z.string(), z.unknown());
// Text fields carry no zod cap: the use cases refuse oversized text with a 413 naming the limit.
const composeBody = z.object({
  storyId: z.string().min(1).optional(),
  story: storyBody.optional(),
  question,
  role: role.optional(),
  budgetSeconds: z.number().positive().max(3600).optional(),
  wordsPerMinute: z.number().min(60).max(300).optional(),
  whole: z.boolean().optional(),
});
const reangleBody = z.object({
  itemId: z.string().min(1).optional(),
  text: z.string().optional(),
  toRole: role,
  fromRole: role.optional(),
  question: z.string().max(2000).optional(),
});
const followUpsBody = z.object({
  itemId: z.string().min(1).optional(),
  text: z.string().optional(),
  question: z.string().max(2000).optional(),
  role: role.optional(),
});
// Lengths are checked by the use case, whose messages name the limit.
const prepareBody = z.object({ question: z.string(), answer: z.string() });
const matchBody = z.object({
  question,
  role: role.optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
const tailorBody = z.object({
  text: z.string(),
  company: z.string().max(200).optional(),
  title: z.string().max(200).optional(),
  save: z.boolean().optional(),
});

/** Drops keys whose value is undefined (exact optional property types). */
const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

const eitherItemOrText = (what: string) =>
  new DeriskError("BAD_INPUT", `Say what to ${what}: an "itemId" of a stored answer, or the answer "text".`);

/** Stories in the bank, and packaging (compose, re-angle, follow-ups, match, coverage, tailor) over them. */
export const packagingRoutes = new Hono<AppEnv>()
  // Each story with the question of the answer it was drawn from: its title says what happened.
  .get("/stories", async (c) => c.json({ stories: await storiesAsShown(c.var.store, c.var.userId) }))
  .post("/stories", async (c) => {
    const body = await readJson(c, storyBody);
    return c.json({ story: await createStory(c.var.store, c.var.userId, body) }, 201);
  })
  .get("/stories/:id", async (c) =>
    c.json({ story: await storyAsShown(c.var.store, c.var.userId, await pathId(c, "story")) }),
  )
  .put("/stories/:id", async (c) => {
    const { expectedVersion, ...patch } = await readJson(
      c,
      storyBody.and(z.object({ expectedVersion: z.number().int().min(1).max(MAX_INT32).optional() })),
    );
    const story = await updateStory(c.var.store, c.var.userId, await pathId(c, "story"), patch, {
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    return c.json({ story: await storyAsShown(c.var.store, c.var.userId, story.id) });
  })
  .delete("/stories/:id", async (c) => {
    await deleteStory(c.var.store, c.var.userId, await pathId(c, "story"));
    return c.body(null, 204);
  })
  .post("/items/:id/story", async (c) => {
    const result = await createStoryFromAnswer(c.var.store, c.var.userId, await pathId(c, "item"));
    return c.json(result, result.created ? 201 : 200);
  })
  .post("/documents/:id/stories", async (c) =>
    c.json(await createStoriesFromDocument(c.var.store, c.var.userId, await pathId(c, "document"))),
  )
  .post("/compose", async (c) => {
    const body = await readJson(c, composeBody);
    return c.json(await composeAnswer(c.var.store, c.var.userId, defined(body)));
  })
  .post("/reangle", async (c) => {
    const { itemId, text, toRole, ...options } = await readJson(c, reangleBody);
    if (itemId !== undefined) {
      return c.json(await reangleAnswer(c.var.store, c.var.userId, itemId, toRole, defined(options)));
    }
    if (text === undefined) throw eitherItemOrText("re-angle");
    return c.json(reangleText(text, { toRole, ...defined(options) }));
  })
  // Before the re-angle button is pressed: the document's variant that already fits the role better.
  .post("/reangle/better-variant", async (c) => {
    const { itemId, toRole, fromRole } = await readJson(c, reangleBody);
    if (itemId === undefined)
      throw new DeriskError("BAD_INPUT", 'Say which answer: an "itemId" of a stored answer.');
    const options = fromRole === undefined ? {} : { fromRole };
    const better = await betterVariantFor(c.var.store, c.var.userId, itemId, toRole, options);
    return c.json({ betterVariant: better ?? null });
  })
  .post("/followups", async (c) => {
    const { itemId, text, ...options } = await readJson(c, followUpsBody);
    if (itemId !== undefined) {
      return c.json(await predictItemFollowUps(c.var.store, c.var.userId, itemId, options.role));
    }
    if (text === undefined) throw eitherItemOrText("predict follow-ups for");
    return c.json(await predictTextFollowUps(c.var.store, c.var.userId, text, defined(options)));
  })
  .post("/items/:id/follow-ups", async (c) => {
    const body = await readJson(c, prepareBody);
    return c.json(
      { item: await prepareFollowUp(c.var.store, c.var.userId, await pathId(c, "item"), body) },
      201,
    );
  })
  .post("/match", async (c) => {
    const { question: asked, ...options } = await readJson(c, matchBody);
    return c.json(await matchQuestion(c.var.store, c.var.userId, asked, defined(options)));
  })
  .get("/coverage", async (c) => c.json(await coverage(c.var.store, c.var.userId)))
  .get("/trailer", async (c) => {
    const asked = c.req.query("seconds") ?? "60";
    const seconds = TRAILER_SECONDS.find((s) => String(s) === asked);
    if (seconds === undefined) {
      throw new DeriskError(
        "BAD_INPUT",
        `seconds=${asked}: the trailer comes in 60, 90, 120 or 150 seconds.`,
      );
    }
    return c.json(await trailerFromBank(c.var.store, c.var.userId, seconds));
  })
  .post("/tailor", async (c) => {
    const { text, ...options } = await readJson(c, tailorBody);
    return c.json(await tailorJobDescription(c.var.store, c.var.userId, text, defined(options)));
  })
  .get("/tailorings", async (c) => c.json({ tailorings: await listTailorings(c.var.store, c.var.userId) }))
  .get("/tailorings/:id", async (c) =>
    c.json(await openTailoring(c.var.store, c.var.userId, await pathId(c, "tailoring"))),
  )
  .delete("/tailorings/:id", async (c) => {
    await deleteTailoring(c.var.store, c.var.userId, await pathId(c, "tailoring"));
    return c.body(null, 204);
  });
