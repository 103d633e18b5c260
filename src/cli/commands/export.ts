import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import type { CliContext } from "../context.ts";

export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command("export")
    .description(
      "export a document of your bank as Markdown (re-importable), or the whole bank as the JSON bank file (a complete backup)",
    )
    .option("--format <format>", "md or json", "md")
    .option("-d, --document <id>", "with --format md: document id (default: the most recently updated one)")
    .option("-o, --output <file>", "write to FILE instead of standard output")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk export --format md -o prep.md\n  derisk export --format json > bank.json",
    )
    .action(async (options: { format: string; document?: string; output?: string }) => {
      const { exportBank, exportDocument, resolveDocumentId } = await import("../../app/bank.ts");
      if (options.format !== "md" && options.format !== "json") {
        throw new DeriskError(
          "USAGE",
          `Unknown format "${options.format}": use --format md or --format json.`,
        );
      }
      const format = options.format;
      const file = await ctx.withStore(async (store, userId) =>
        format === "json"
          ? exportBank(store, userId)
          : exportDocument(store, userId, await resolveDocumentId(store, userId, options.document), format),
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
