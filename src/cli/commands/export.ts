import { writeFile } from "node:fs/promises";
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
    .option("--format <format>", "md or json; prep sheet: sheet-md, html, pdf or anki", "md")
    .option(
      "-d, --document <id>",
      "with md: document id (default: the most recently updated one); prep sheets: one document instead of the whole bank",
    )
    .option("--competency <id>", "prep sheet: only this competency (e.g. conflict)")
    .option("--cards", "prep sheet: cue cards, a quarter page per question with key beats only")
    .option("-o, --output <file>", "write to FILE instead of standard output")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk export --format md -o prep.md\n  derisk export --format json > bank.json\n  derisk export --format pdf -o prep-sheet.pdf\n  derisk export --format html --cards --competency conflict -o cards.html\n  derisk export --format anki -o derisk.tsv",
    )
    .action(async (options: ExportOptions) => {
      const { exportBank, exportDocument, resolveDocumentId } = await import("../../app/bank.ts");
      const sheet = await sheetFormatOf(options);
      if (options.format !== "md" && options.format !== "json" && !sheet) {
        throw new DeriskError(
          "USAGE",
          `Unknown format "${options.format}": use --format md, json, sheet-md, html, pdf or anki.`,
        );
      }
      const format = options.format;
      const file = sheet
        ? await exportSheet(ctx, sheet, options)
        : await ctx.withStore(async (store, userId) =>
            format === "json"
              ? exportBank(store, userId)
              : exportDocument(store, userId, await resolveDocumentId(store, userId, options.document), "md"),
          );
      if (options.output) {
        try {
          await writeFile(options.output, file.body);
        } catch (error) {
          throw new DeriskError("IO", `Cannot write ${options.output}: ${(error as Error).message}.`, {
            cause: error,
          });
        }
        ctx.err(`Wrote ${options.output} (${Buffer.byteLength(file.body)} bytes).`);
      } else {
        process.stdout.write(file.body);
      }
    });
}
