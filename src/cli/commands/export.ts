import { randomBytes } from "node:crypto";
import { open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, sep } from "node:path";
import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import type { CliContext } from "../context.ts";
import { type ExportOptions, exportSheet, sheetFormatOf } from "./export-sheet.ts";

export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command("export")
    .description(
      "export a document of your bank as Markdown (re-importable), the whole bank as the JSON bank file (a complete backup), or a prep sheet or Anki deck",
    )
    .option("--format <format>", "md or json; prep sheet: sheet-md, html or pdf; Anki deck: anki", "md")
    .option(
      "-d, --document <id>",
      "with md: document id (default: the most recently updated one); prep sheets and Anki decks: one document instead of the whole bank",
    )
    .option("--competency <id>", "prep sheet or Anki deck: only this competency (e.g. conflict)")
    .option(
      "--tailoring <id>",
      "prep sheet or Anki deck: only the answers that evidence a saved tailoring's job posting (derisk tailor --list shows them)",
    )
    .option("--cards", "prep sheet: cue cards, a quarter page per question with key beats only")
    .option("-o, --output <file>", "write to FILE instead of standard output (- is standard output)")
    .option("--force", "overwrite FILE even if it is not an earlier export of this document")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk export --format md -o my-prep.md\n  derisk export --format json > bank.json\n  derisk export --format pdf -o prep-sheet.pdf\n  derisk export --format html --cards --competency mistake-failure -o cards.html\n  derisk export --format anki -o derisk.tsv",
    )
    .action(async (options: ExportOptions & { force?: boolean }) => {
      const { exportBank, exportDocument, listDocuments, resolveDocumentId } = await import(
        "../../app/bank.ts"
      );
      // "-" is standard output, as it is standard input wherever derisk reads a file: it once
      // wrote a file named "-", and the next export to it was refused as not an earlier export.
      if (options.output === "-") delete options.output;
      const sheet = await sheetFormatOf(options);
      if (options.format !== "md" && options.format !== "json" && !sheet) {
        throw new DeriskError(
          "USAGE",
          `Unknown format "${options.format}": use --format md, json, sheet-md, html, pdf or anki.`,
        );
      }
      const format = options.format;
      if (format === "json" && options.document !== undefined) {
        throw new DeriskError(
          "USAGE",
          "--format json always writes the whole bank (the complete backup), so -d does not apply: export one document with --format md -d ID, or drop -d.",
        );
      }
      // Checked before the export, which for a PDF takes seconds.
      if (options.output) await refuseFolder(options.output, format);
      // Which document a Markdown export holds: without -d it is the latest, so say which.
      let which = "";
      const file = sheet
        ? await exportSheet(ctx, sheet, options)
        : await ctx.withStore(async (store, userId) => {
            if (format === "json") return exportBank(store, userId);
            const id = await resolveDocumentId(store, userId, options.document);
            const documents = await listDocuments(store, userId);
            const title = documents.find((d) => d.id === id)?.title ?? "";
            which = `: “${title}” (${id.slice(0, 8)})`;
            if (options.document === undefined && documents.length > 1)
              which += `, your most recently updated of ${documents.length} documents; another: -d ID (derisk list)`;
            return exportDocument(store, userId, id, "md");
          });
      if (options.output) {
        await writeExport(options.output, file.body, options.force ?? false);
        ctx.err(`Wrote ${options.output} (${Buffer.byteLength(file.body)} bytes)${which}.`);
      } else {
        process.stdout.write(file.body);
      }
    });
}

const EXAMPLE_NAMES: Record<string, string> = {
  md: "prep.md",
  json: "derisk-bank.json",
  "sheet-md": "prep-sheet.md",
  html: "prep-sheet.html",
  pdf: "prep-sheet.pdf",
  anki: "derisk.tsv",
};

/**
 * `-o` naming a folder, one that exists or one written as a folder ("out/"): bad input (exit 2),
 * as a folder given where a file is read is. Before, an existing folder exited 1, and "out/"
 * with no such folder was refused as ". is not a folder".
 */
async function refuseFolder(path: string, format: string): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  const named = path.endsWith("/") || path.endsWith(sep);
  if (!found?.isDirectory() && !named) return;
  throw new DeriskError(
    "BAD_INPUT",
    `Cannot write ${path}: it ${found?.isDirectory() ? "is" : "names"} a folder. Add the file's name to the path, e.g. -o ${join(path, EXAMPLE_NAMES[format] ?? "export")}.`,
  );
}

/** The start of an existing file: enough to tell a derisk export from anything else. */
async function headOf(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new DeriskError("IO", `Cannot write ${path}: ${whyNotWritten(error, dirname(path))}`, {
      cause: error,
    });
  }
}

const firstLine = (text: string) => text.slice(0, text.indexOf("\n") >>> 0).trim();

/**
 * Writes an export through a temporary file renamed into place, so a failure never leaves
 * half a file. An existing file is replaced only if it is an earlier export (a derisk bank
 * file, or Markdown that opens with the same first line, the document's title) or `force`.
 */
async function writeExport(path: string, body: string | Uint8Array, force: boolean): Promise<void> {
  const head = await headOf(path);
  if (head !== undefined && !force) {
    const text = typeof body === "string" ? body : "";
    const earlierExport =
      /^\s*\{\s*"format"\s*:\s*"derisk-bank"/.test(head) ||
      // A prep sheet PDF replaces an earlier PDF; an HTML sheet only a page derisk wrote.
      (typeof body !== "string" && head.startsWith("%PDF-")) ||
      (firstLine(head) !== "" &&
        firstLine(head) === firstLine(text) &&
        (!/^<!doctype/i.test(firstLine(head)) || head.includes("derisk"))) ||
      (typeof body === "string" && (await readFile(path, "utf8").catch(() => "")) === body);
    if (!earlierExport) {
      throw new DeriskError(
        "USAGE",
        `${path} already exists and is not an earlier export of this document: choose another name, or pass --force to overwrite it.`,
      );
    }
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, body, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new DeriskError("IO", `Cannot write ${path}: ${whyNotWritten(error, dirname(path))}`, {
      cause: error,
    });
  }
}

/** Why a file could not be written, said without the temporary file's name (--debug shows the raw error). */
function whyNotWritten(error: unknown, folder: string): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return `the folder ${folder} does not exist. Create it, or choose another path with -o.`;
    case "ENOTDIR":
      return `${folder} is not a folder. Choose another path with -o.`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `you may not write in ${folder}. Choose another folder with -o.`;
    case "ENOSPC":
      return "the disk is full. Free some space and export again.";
    case "EISDIR":
      return "it is a folder. Give a file name with -o.";
    default:
      return `${(error as Error).message}.`;
  }
}
