import { Hono } from "hono";
import * as z from "zod";
import { editItemText, getItem, getItemHistory, restoreItemVersion, setTodoEntry } from "../../app/bank.ts";
import { MAX_INT32 } from "../../core/text-safety.ts";
import type { AppEnv } from "../app.ts";
import { readJson, readOptionalJson } from "./json-body.ts";
import { pathId } from "./path-id.ts";

const edit = z.object({
  text: z.string().max(200_000),
  expectedVersion: z.number().int().min(1).max(MAX_INT32).optional(),
});

const tick = z.object({
  entry: z.number().int().min(0).max(MAX_INT32),
  done: z.boolean(),
  expectedVersion: z.number().int().min(1).max(MAX_INT32).optional(),
});

const restore = z.object({ expectedVersion: z.number().int().min(1).max(MAX_INT32).optional() });

/** One item of a document (an answer, a follow-up…): read and edit its text, its history, restore. */
export const itemRoutes = new Hono<AppEnv>()
  .get("/items/:id", async (c) =>
    c.json({ item: await getItem(c.var.store, c.var.userId, await pathId(c, "item")) }),
  )
  .put("/items/:id", async (c) => {
    const body = await readJson(c, edit);
    const item = await editItemText(c.var.store, c.var.userId, await pathId(c, "item"), {
      text: body.text,
      ...(body.expectedVersion === undefined ? {} : { expectedVersion: body.expectedVersion }),
    });
    return c.json({ item });
  })
  // Ticks or unticks one entry of a to-do list (a new version of the item, like any edit).
  .put("/items/:id/todo", async (c) => {
    const body = await readJson(c, tick);
    const item = await setTodoEntry(c.var.store, c.var.userId, await pathId(c, "item"), {
      entry: body.entry,
      done: body.done,
      ...(body.expectedVersion === undefined ? {} : { expectedVersion: body.expectedVersion }),
    });
    return c.json({ item });
  })
  .get("/items/:id/history", async (c) =>
    c.json({ versions: await getItemHistory(c.var.store, c.var.userId, await pathId(c, "item")) }),
  )
  .post("/items/:id/history/:versionId/restore", async (c) => {
    // The body is optional: no body restores without a version check.
    const body = await readOptionalJson(c, restore);
    const item = await restoreItemVersion(
      c.var.store,
      c.var.userId,
      await pathId(c, "item"),
      await pathId(c, "item-version", "versionId"),
      {
        ...(body.expectedVersion === undefined ? {} : { expectedVersion: body.expectedVersion }),
      },
    );
    return c.json({ item });
  });
