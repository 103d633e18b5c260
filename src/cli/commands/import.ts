import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
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
    .option("--max-bytes <n>", "largest document accepted, in bytes", String(MAX_DOCUMENT_BYTES))
    .addHelpText(
      "after",
      "\nExamples:\n  derisk import prep.md\n  derisk import prep.md --dry-run --json\n  cat notes.txt | derisk import -",
    )
    .action(async (file: string, options: { dryRun?: boolean; json?: boolean; maxBytes: string }) => {
      const { saveImport } = await import("../../app/bank.ts");
      const { prepareImportOffThread } = await import("../../app/import-off-thread.ts");
      const maxBytes = parseMaxBytes(options.maxBytes);
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

/**
 * The --max-bytes limit: a whole number of bytes above 0. "abc" used to fall back to the
 * default in silence, and "-5" refused every file as "over the -0.0 MiB limit".
 * @example parseMaxBytes("20000000") // 20000000
 */
export function parseMaxBytes(value: string): number {
  const bytes = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new DeriskError(
      "USAGE",
      `--max-bytes ${value} is not a number of bytes: give a whole number above 0, e.g. --max-bytes 20000000 (the default is ${MAX_DOCUMENT_BYTES}, 10 MiB).`,
    );
  return bytes;
}
