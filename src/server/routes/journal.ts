import { Hono } from "hono";
import * as z from "zod";
import {
  addJournalEntry,
  deleteJournalEntry,
  getJournalEntry,
  getJournalHistory,
  listJournal,
  restoreJournalVersion,
  updateJournalEntry,
} from "../../app/journal.ts";
import { parseTimezoneOffset, progressStats } from "../../app/progress.ts";
import type { AppEnv } from "../app.ts";
import { readJson, readOptionalJson } from "./json-body.ts";
import { pathId } from "./path-id.ts";

// Lengths are the use case's to check (it answers 413 with the limit).
const newEntry = z.object({
  title: z.string().optional(),
  happened: z.string().optional(),
  felt: z.string().optional(),
  takeaway: z.string().optional(),
  storyId: z.string().min(1).max(200).optional(),
});
const entryPatch = z.object({
  title: z.string().optional(),
  happened: z.string().optional(),
  felt: z.string().optional(),
  takeaway: z.string().optional(),
  storyId: z.string().min(1).max(200).nullable().optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

const restore = z.object({ expectedVersion: z.number().int().min(1).optional() });

/** Drops keys whose value is undefined (exact optional property types). */
const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/**
 * The reflection journal (private entries, their reframes, takeaway and linked story) and the
 * progress figures (`?tz=` the client's `getTimezoneOffset()`, so days and streaks are its days).
 */
export const journalRoutes = new Hono<AppEnv>()
  .get("/progress", async (c) => {
    const tz = parseTimezoneOffset(c.req.query("tz"));
    return c.json(
      await progressStats(c.var.store, c.var.userId, tz === undefined ? {} : { timezoneOffsetMinutes: tz }),
    );
  })
  .get("/journal", async (c) => c.json({ entries: await listJournal(c.var.store, c.var.userId) }))
  .post("/journal", async (c) => {
    const body = await readJson(c, newEntry);
    return c.json({ entry: await addJournalEntry(c.var.store, c.var.userId, defined(body)) }, 201);
  })
  .get("/journal/:id", async (c) =>
    c.json(await getJournalEntry(c.var.store, c.var.userId, await pathId(c, "journal-entry"))),
  )
  .patch("/journal/:id", async (c) => {
    const body = await readJson(c, entryPatch);
    return c.json({
      entry: await updateJournalEntry(
        c.var.store,
        c.var.userId,
        await pathId(c, "journal-entry"),
        defined(body),
      ),
    });
  })
  .delete("/journal/:id", async (c) => {
    await deleteJournalEntry(c.var.store, c.var.userId, await pathId(c, "journal-entry"));
    return c.body(null, 204);
  })
  // Every text the entry has had, newest first — a deleted entry's too.
  .get("/journal/:id/history", async (c) =>
    c.json({
      versions: await getJournalHistory(c.var.store, c.var.userId, await pathId(c, "journal-entry")),
    }),
  )
  .post("/journal/:id/history/:versionId/restore", async (c) => {
    // The body is optional: no body restores without a version check.
    const body = await readOptionalJson(c, restore);
    const entry = await restoreJournalVersion(
      c.var.store,
      c.var.userId,
      await pathId(c, "journal-entry"),
      await pathId(c, "journal-version", "versionId"),
      defined(body),
    );
    return c.json({ entry });
  });
