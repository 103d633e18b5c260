import { Hono } from "hono";
import * as z from "zod";
import {
  addAnswer,
  deleteDocument,
  exportBank,
  exportDocument,
  getDocument,
  type ImportInput,
  importSampleDocument,
  listDocuments,
  readSampleDocument,
  renameDocument,
  saveAnswerVariant,
  saveImport,
  VARIANT_SOURCES,
} from "../../app/bank.ts";
import { DeriskError } from "../../app/errors.ts";
import { prepareImportOffThread } from "../../app/import-off-thread.ts";
import { pdfAvailable } from "../../app/pdf.ts";
import { exportPrepSheet, isSheetFormat, SHEET_FORMATS } from "../../app/prep-sheet.ts";
import { MAX_NEW_QUESTION } from "../../core/markdown/index.ts";
import { unstorableText } from "../../core/text-safety.ts";
import type { Store } from "../../store/index.ts";
import type { AppEnv } from "../app.ts";
import { readJson } from "./json-body.ts";
import { pathId } from "./path-id.ts";

const importJson = z.object({
  text: z.string(),
  filename: z.string().max(255).optional(),
  dryRun: z.boolean().optional(),
});

const newAnswer = z.object({
  question: z.string().min(1).max(MAX_NEW_QUESTION),
  text: z.string().min(1).max(200_000),
});

const newVariant = z.object({
  questionKey: z.string().min(1).max(200),
  variant: z.string().min(1).max(80),
  text: z.string().min(1).max(200_000),
  source: z.enum(VARIANT_SOURCES).optional(),
});

/** `?filename=` of a raw upload, held to the JSON field's rules (255 characters, storable). */
function importFilename(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = unstorableText(value);
  if (problem !== undefined)
    throw new DeriskError("BAD_INPUT", `?filename= ${problem}: remove it and retry.`);
  if (value.length > 255)
    throw new DeriskError(
      "BAD_INPUT",
      `?filename= is ${value.length} characters, over the limit of 255: send a shorter name.`,
    );
  return value;
}

/** `?dryRun=`: any word but 1/true/0/false imported for real where a dry run was asked. */
function dryRunQuery(value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  throw new DeriskError(
    "BAD_INPUT",
    `dryRun must be "true" or "false" (or 1 or 0), not "${value}": nothing was imported.`,
  );
}

/** The export's `print` flag: 1 or true opens the print view; 0, false or none downloads. */
function printQuery(value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  throw new DeriskError("USAGE", `print must be "1" or "0" (or true or false), not "${value}".`);
}

/** Reads and recognises the import off the event loop (so /api/health still answers), then saves it. */
async function importOffThread(store: Store, userId: string, input: ImportInput) {
  const prepared = await prepareImportOffThread(input);
  return saveImport(store, userId, prepared, { dryRun: input.dryRun ?? false });
}

const rename = z.object({
  title: z.string(),
  expectedVersion: z.number().int().min(1).optional(),
});

// Fonts only as data (the emoji and CJK faces the sheet embeds): still nothing from the network.
const PRINT_VIEW_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * A Content-Disposition header for a file name in any script: an ASCII `filename` (other
 * characters as "_") for old clients and the exact name as `filename*` (RFC 6266), first, where
 * the web app's download reads the name. A header
 * holds Latin-1 only: "面试准备.md" as a plain filename made the export fail.
 */
function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const exact = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return ascii === filename
    ? `${kind}; filename="${ascii}"`
    : `${kind}; filename*=UTF-8''${exact}; filename="${ascii}"`;
}

/** Documents: list, read, rename, delete, import (JSON text or raw bytes), export, the sample. */
export const documentRoutes = new Hono<AppEnv>()
  .get("/documents", async (c) => c.json({ documents: await listDocuments(c.var.store, c.var.userId) }))
  .get("/documents/:id", async (c) =>
    c.json(await getDocument(c.var.store, c.var.userId, await pathId(c, "document"))),
  )
  .patch("/documents/:id", async (c) => {
    const body = await readJson(c, rename);
    const document = await renameDocument(c.var.store, c.var.userId, await pathId(c, "document"), {
      title: body.title,
      ...(body.expectedVersion === undefined ? {} : { expectedVersion: body.expectedVersion }),
    });
    return c.json({ document });
  })
  .delete("/documents/:id", async (c) => {
    await deleteDocument(c.var.store, c.var.userId, await pathId(c, "document"));
    return c.body(null, 204);
  })
  .post("/documents/:id/answers", async (c) => {
    const body = await readJson(c, newVariant);
    const item = await saveAnswerVariant(c.var.store, c.var.userId, await pathId(c, "document"), {
      questionKey: body.questionKey,
      variant: body.variant,
      text: body.text,
      ...(body.source === undefined ? {} : { source: body.source }),
    });
    return c.json({ item }, 201);
  })
  .post("/documents/:id/questions", async (c) => {
    const body = await readJson(c, newAnswer);
    const item = await addAnswer(c.var.store, c.var.userId, await pathId(c, "document"), body);
    return c.json({ item }, 201);
  })
  .get("/sample", async (c) => c.json(await readSampleDocument()))
  // The sample imported as the sample: the demo, never the user's evidence beside their own documents.
  .post("/sample", async (c) => c.json(await importSampleDocument(c.var.store, c.var.userId)))
  // JSON or the file's bytes (guard.ts UPLOAD_ROUTES): any other type is refused before this runs.
  .post("/import", async (c) => {
    if (c.var.jsonBody !== undefined) {
      const body = await readJson(c, importJson);
      const result = await importOffThread(c.var.store, c.var.userId, {
        bytes: new TextEncoder().encode(body.text),
        ...(body.filename === undefined ? {} : { filename: body.filename }),
        dryRun: body.dryRun ?? false,
      });
      return c.json(result);
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const filename = importFilename(c.req.query("filename"));
    const dryRun = dryRunQuery(c.req.query("dryRun"));
    const result = await importOffThread(c.var.store, c.var.userId, {
      bytes,
      ...(filename === undefined ? {} : { filename }),
      dryRun,
    });
    return c.json(result);
  })
  .get("/export/formats", (c) =>
    // PDF needs the bundled Chromium; the page offers it only where it can be printed.
    c.json({ formats: SHEET_FORMATS.filter((format) => format !== "pdf" || pdfAvailable()) }),
  )
  .get("/export", async (c) => {
    const documentId = c.req.query("documentId");
    const format = c.req.query("format") ?? "md";
    const competency = c.req.query("competency");
    const tailoringId = c.req.query("tailoringId");
    const layout = c.req.query("layout");
    // A misspelt layout gave the sheet in silence, where cue cards were asked for.
    if (layout !== undefined && layout !== "sheet" && layout !== "cards")
      throw new DeriskError("USAGE", `layout must be "sheet" or "cards", not "${layout}".`);
    // print=yes, or print with a download format, gave a download in silence where a tab was asked for.
    const print = printQuery(c.req.query("print"));
    if (print && format !== "html")
      throw new DeriskError(
        "USAGE",
        `print=1 opens the HTML sheet in a browser tab to print: use it with format=html, not ${format}.`,
      );
    // Anki notes have no layout: cue cards were asked for and a deck came, as the CLI refuses.
    if (format === "anki" && layout === "cards")
      throw new DeriskError(
        "USAGE",
        "layout=cards gives printed cue cards: use it with format=sheet-md, html or pdf, not anki.",
      );
    if (isSheetFormat(format)) {
      // The prep sheet: the whole bank unless a documentId, competency or tailoring narrows it.
      const sheet = await exportPrepSheet(c.var.store, c.var.userId, {
        format,
        layout: layout === "cards" ? "cards" : "sheet",
        ...(documentId ? { documentId } : {}),
        ...(competency ? { competency } : {}),
        ...(tailoringId ? { tailoringId } : {}),
      });
      if (format === "html" && print) {
        // The print view: shown in a tab, not downloaded. The sheet's own inline style is
        // allowed; nothing else may load or run (it has no scripts, and all user text is escaped).
        return c.body(sheet.body as string, 200, {
          "Content-Type": sheet.contentType,
          "Content-Disposition": contentDisposition("inline", sheet.filename),
          "Content-Security-Policy": PRINT_VIEW_POLICY,
          "Cache-Control": "no-store",
        });
      }
      return c.body(typeof sheet.body === "string" ? sheet.body : new Uint8Array(sheet.body), 200, {
        "Content-Type": sheet.contentType,
        "Content-Disposition": contentDisposition("attachment", sheet.filename),
      });
    }
    if (format !== "md" && format !== "json") {
      throw new DeriskError(
        "BAD_INPUT",
        `Unknown export format "${format}": use format=md, json, sheet-md, html, pdf or anki.`,
      );
    }
    // As the CLI says: these shape a prep sheet, and a document or bank export dropped them unsaid.
    if (competency !== undefined || tailoringId !== undefined || layout !== undefined)
      throw new DeriskError(
        "USAGE",
        `competency, tailoringId and layout shape a prep sheet: use them with format=sheet-md, html or pdf (competency and tailoringId with anki too), not with format=${format}.`,
      );
    if (format === "md" && !documentId)
      throw new DeriskError("BAD_INPUT", "Missing ?documentId=…: say which document to export.");
    // The JSON bank file is the whole bank; a documentId, if given, must still be the user's.
    const file = documentId
      ? await exportDocument(c.var.store, c.var.userId, documentId, format)
      : await exportBank(c.var.store, c.var.userId);
    return c.body(file.body, 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition("attachment", file.filename),
    });
  });
