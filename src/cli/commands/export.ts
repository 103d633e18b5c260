import { randomBytes } from "node:crypto";
import { open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import type { CliContext } from "../context.ts";

export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command("export")
    .description("export a document of your bank as Markdown (re-importable) or versioned JSON")
    .option("--format <format>", "md or json", "md")
    .option("-d, --document <id>", "document id (default: the only or most recently updated one)")
    .option("-o, --output <file>", "write to FILE instead of standard output")
    .option("--force", "overwrite FILE even if it is not an earlier export of this document")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk export --format md -o prep.md\n  derisk export --format json > bank.json",
    )
    .action(async (options: { format: string; document?: string; output?: string; force?: boolean }) => {
      const { exportDocument, resolveDocumentId } = await import("../../app/bank.ts");
      if (options.format !== "md" && options.format !== "json") {
        throw new DeriskError(
          "USAGE",
          `Unknown format "${options.format}": use --format md or --format json.`,
        );
      }
      const format = options.format;
      const file = await ctx.withStore(async (store, userId) =>
        exportDocument(store, userId, await resolveDocumentId(store, userId, options.document), format),
      );
      if (options.output) {
        await writeExport(options.output, file.body, options.force ?? false);
        ctx.err(`Wrote ${options.output} (${Buffer.byteLength(file.body)} bytes).`);
      } else {
        process.stdout.write(file.body);
      }
    });
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
    throw new DeriskError("IO", `Cannot read ${path}: ${(error as Error).message}.`, { cause: error });
  }
}

const firstLine = (text: string) => text.slice(0, text.indexOf("\n") >>> 0).trim();

/**
 * Writes an export through a temporary file renamed into place, so a failure never leaves
 * half a file. An existing file is replaced only if it is an earlier export (a derisk bank
 * file, or Markdown that opens with the same first line, the document's title) or `force`.
 */
async function writeExport(path: string, body: string, force: boolean): Promise<void> {
  const head = await headOf(path);
  if (head !== undefined && !force) {
    const earlierExport =
      /^\s*\{\s*"format"\s*:\s*"derisk-bank"/.test(head) ||
      (firstLine(head) !== "" && firstLine(head) === firstLine(body)) ||
      (await readFile(path, "utf8").catch(() => "")) === body;
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
    throw new DeriskError("IO", `Cannot write ${path}: ${(error as Error).message}.`, { cause: error });
  }
}
