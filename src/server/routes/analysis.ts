import { Hono } from "hono";
import * as z from "zod";
import { analyzeStoredItem } from "../../app/analysis.ts";
import { analyze, classify, DEFAULT_MAX_CHARS } from "../../core/analysis/index.ts";
import { ROLE_IDS, STAR_PARTS } from "../../core/model.ts";
import type { AppEnv } from "../app.ts";
import { readJson } from "./json-body.ts";
import { pathId } from "./path-id.ts";

const options = {
  role: z.enum(ROLE_IDS).optional(),
  budgetSeconds: z.number().positive().max(3600).optional(),
  wordsPerMinute: z.number().min(60).max(300).optional(),
};

const analyzeBody = z.object({
  // Longer than the cap is refused by the analyzer itself with a 413 and the limit in the message.
  text: z.string(),
  question: z.string().max(2000).optional(),
  followUp: z.boolean().optional(),
  // A composed draft's sentences with the part each was filed under (AnalyzeOptions.parts).
  parts: z
    .array(z.object({ text: z.string().max(20_000), part: z.enum(STAR_PARTS) }))
    .max(500)
    .optional(),
  ...options,
});

const classifyBody = z.object({ question: z.string().min(1).max(2000) });

/** Drops keys whose value is undefined (exact optional property types). */
const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/** The risk-lens analyzer and the question classifier. */
export const analysisRoutes = new Hono<AppEnv>()
  .post("/analyze", async (c) => {
    const { text, ...rest } = await readJson(c, analyzeBody);
    return c.json(analyze(text, { ...defined(rest), maxChars: DEFAULT_MAX_CHARS }));
  })
  .post("/classify", async (c) => {
    const { question } = await readJson(c, classifyBody);
    return c.json(classify(question));
  })
  .post("/items/:id/analyze", async (c) => {
    const body = await readJson(c, z.object(options));
    return c.json(await analyzeStoredItem(c.var.store, c.var.userId, await pathId(c, "item"), defined(body)));
  });
