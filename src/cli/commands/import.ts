import type { Command } from "commander";
import { MAX_DOCUMENT_BYTES } from "../../app/limits.ts";
import type { CliContext } from "../context.ts";
import { readInput } from "../read-input.ts";
import { renderImportResult } from "../render/import-report.ts";

export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command("import")
    .description("import a prep document (Markdown/text, or a derisk bank .json) into your bank")
    .argument("<file>", "path of the document, or - for standard input")
    .option("--dry-run", "show what the import would change, and save nothing")
    .option("--json", "print the result as JSON")
    .option("--max-bytes <n>", "largest document accepted", String(MAX_DOCUMENT_BYTES))
    .addHelpText(
      "after",
      "\nExamples:\n  derisk import prep.md\n  derisk import prep.md --dry-run --json\n  cat notes.txt | derisk import -",
    )
    .action(async (file: string, options: { dryRun?: boolean; json?: boolean; maxBytes: string }) => {
      const { saveImport } = await import("../../app/bank.ts");
      const { prepareImportOffThread } = await import("../../app/import-off-thread.ts");
      const maxBytes = Number.parseInt(options.maxBytes, 10) || MAX_DOCUMENT_BYTES;
      const bytes = await readInput(ctx, file, maxBytes, "raise the limit with --max-bytes");
      const filename = file === "-" ? undefined : file.split(/[\\/]/).pop();
      const input = { bytes, dryRun: options.dryRun ?? false, maxBytes, ...(filename ? { filename } : {}) };
      const prepared = await prepareImportOffThread(input);
      // A dry run reads the bank too: it compares the file with what is already there.
      const result = await ctx.withStore((store, userId) =>
        saveImport(store, userId, prepared, { dryRun: options.dryRun ?? false }),
      );
      if (options.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.report(renderImportResult(result, ctx.style));
    });
}
