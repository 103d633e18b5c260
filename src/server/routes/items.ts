import { Hono } from "hono";
import * as z from "zod";
import { editItemText, getItem } from "../../app/bank.ts";
import { MAX_INT32 } from "../../core/text-safety.ts";
import type { AppEnv } from "../app.ts";
import { readJson } from "./json-body.ts";

const edit = z.object({
  text: z.string().max(200_000),
  expectedVersion: z.number().int().min(1).max(MAX_INT32).optional(),
});

/** One item of a document (an answer, a follow-up…): read and edit its text. */
export const itemRoutes = new Hono<AppEnv>()
  .get("/items/:id", async (c) =>
    c.json({ item: await getItem(c.var.store, c.var.userId, c.req.param("id")) }),
  )
  .put("/items/:id", async (c) => {
    const body = await readJson(c, edit);
    const item = await editItemText(c.var.store, c.var.userId, c.req.param("id"), {
      text: body.text,
      ...(body.expectedVersion === undefined ? {} : { expectedVersion: body.expectedVersion }),
    });
    return c.json({ item });
  });
