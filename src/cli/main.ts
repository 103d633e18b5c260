import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { DeriskError, isDeriskError } from "../app/errors.ts";
import { registerAnalyzeCommand } from "./commands/analyze.ts";
import { registerComposeCommand } from "./commands/compose.ts";
import { registerCoverageCommand } from "./commands/coverage.ts";
import { registerDocumentCommands } from "./commands/documents.ts";
import { registerDrillCommand, registerQuestionsCommand } from "./commands/drill.ts";
import {
  registerAddAnswerCommand,
  registerAddVariantCommand,
  registerEditCommand,
  registerTickCommand,
} from "./commands/edit.ts";
import { registerExportCommand } from "./commands/export.ts";
import { registerFollowUpsCommand } from "./commands/followups.ts";
import { registerHistoryCommand } from "./commands/history.ts";
import { registerImportCommand } from "./commands/import.ts";
import { registerJournalCommand } from "./commands/journal.ts";
import { registerMatchCommand } from "./commands/match.ts";
import { registerAttemptsCommand, registerDueCommand, registerPracticeCommand } from "./commands/practice.ts";
import { registerReangleCommand } from "./commands/reangle.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerStatsCommand } from "./commands/stats.ts";
import { registerStoriesCommand } from "./commands/stories.ts";
import { registerTailorCommand } from "./commands/tailor.ts";
import { registerTrailerCommand } from "./commands/trailer.ts";
import { type CliContext, createContext } from "./context.ts";
import { wrapReport } from "./render/wrap.ts";

/** The version in the package's own package.json (two folders up from src/cli and dist/cli alike). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

/** Builds the `derisk` program; commands live one per file in ./commands. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command("derisk")
    .description("Behavioral interview preparation through the risk lens — offline and private.")
    .version(packageVersion(), "-V, --version", "print the version of derisk")
    .option("--debug", "show stack traces of unexpected errors")
    .showHelpAfterError("(run derisk --help for usage)")
    .addHelpText(
      "after",
      "\nIds: type an id whole, or its first characters (at least 4) when no other of\nyours starts the same way; lists show 8.",
    )
    // Wrap descriptions even beside a wide term ("from-answer|from-accomplishment [options]
    // <item>" leaves 28 columns): commander leaves them unwrapped, past 80, under 40.
    .configureHelp({ minWidthToWrap: 20 })
    .configureOutput({
      writeOut: (s) => ctx.out(s.replace(/\n$/, "")),
      writeErr: (s) => ctx.err(s.replace(/\n$/, "")),
    })
    .exitOverride();
  registerImportCommand(program, ctx);
  registerExportCommand(program, ctx);
  registerDocumentCommands(program, ctx);
  registerEditCommand(program, ctx);
  registerTickCommand(program, ctx);
  registerAddVariantCommand(program, ctx);
  registerAddAnswerCommand(program, ctx);
  registerHistoryCommand(program, ctx);
  registerAnalyzeCommand(program, ctx);
  registerStoriesCommand(program, ctx);
  registerComposeCommand(program, ctx);
  registerReangleCommand(program, ctx);
  registerFollowUpsCommand(program, ctx);
  registerMatchCommand(program, ctx);
  registerCoverageCommand(program, ctx);
  registerTailorCommand(program, ctx);
  registerTrailerCommand(program, ctx);
  registerDueCommand(program, ctx);
  registerAttemptsCommand(program, ctx);
  registerPracticeCommand(program, ctx);
  registerDrillCommand(program, ctx);
  registerQuestionsCommand(program, ctx);
  registerJournalCommand(program, ctx);
  registerStatsCommand(program, ctx);
  registerServeCommand(program, ctx);
  for (const command of program.commands) command.exitOverride();
  plainDefaults(program);
  commandHelpAfterError(program, "derisk");
  return program;
}

/**
 * A usage error inside a command points to that command's help ("run derisk history --help"),
 * where its arguments and options are, not to the list of every command.
 */
function commandHelpAfterError(command: Command, path: string): void {
  for (const sub of command.commands) {
    const subPath = `${path} ${sub.name()}`;
    sub.showHelpAfterError(`(run ${subPath} --help for usage)`);
    commandHelpAfterError(sub, subPath);
  }
}

/** Help shows an option's default as typed on the command line ("default: 5"), not as a JSON string ("default: \"5\""). */
function plainDefaults(command: Command): void {
  for (const option of command.options)
    if (typeof option.defaultValue === "string" && option.defaultValueDescription === undefined)
      option.defaultValueDescription = option.defaultValue;
  for (const sub of command.commands) plainDefaults(sub);
}

// Commands a user looks for by another name: say which command does it (commander would
// suggest "history" for restore, which restores one answer's text, not a backup).
const DONE_ELSEWHERE: Record<string, string> = {
  backup:
    'derisk has no "backup" command: the JSON bank file is the complete backup. Write it with derisk export --format json -o bank.json, and restore it with derisk import bank.json.',
  restore:
    'derisk has no "restore" command: restore a backup with derisk import bank.json (a file from derisk export --format json). To bring back an earlier text of one answer: derisk history ID lists its versions, then derisk history ID --restore N (a version number it shows).',
};

/**
 * Runs the CLI and returns its exit code: 0 ok, 1 findings or usage, 2 bad input.
 * @example process.exitCode = await runCli(["import", "prep.md", "--json"]);
 */
export async function runCli(argv: string[], ctx: CliContext = createContext()): Promise<number> {
  const program = createProgram(ctx);
  try {
    const asked = argv.find((arg) => !arg.startsWith("-"));
    const elsewhere = asked === undefined ? undefined : DONE_ELSEWHERE[asked];
    if (elsewhere !== undefined) throw new DeriskError("USAGE", elsewhere);
    await program.parseAsync(argv, { from: "user" });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 1;
    }
    if (isDeriskError(error)) {
      ctx.err(errorLine(ctx, error.messageFor("cli")));
      if (argv.includes("--debug") && error.cause)
        ctx.err(String((error.cause as Error).stack ?? error.cause));
      return error.exitCode;
    }
    ctx.err(errorLine(ctx, `unexpected failure: ${error instanceof Error ? error.message : String(error)}`));
    if (argv.includes("--debug")) ctx.err(String((error as Error).stack));
    else ctx.err("Run again with --debug to see the details, and report it if it persists.");
    return 70;
  }
}

/**
 * "error: …" as printed: on a terminal, wrapped between words to its width with the
 * continuation indented under the message, not cut mid-word at the edge.
 */
function errorLine(ctx: CliContext, message: string): string {
  const line = `${ctx.errStyle.red("error:")} ${message}`;
  return ctx.errColumns === undefined ? line : wrapReport(`• ${line}`, ctx.errColumns).replace(/^• /, "");
}

/**
 * The process entry: runs the CLI on `process.argv` and sets the exit code. `bin/derisk.js`
 * calls it explicitly, because npx, `npm i -g` and `node_modules/.bin` all launch the bin
 * through a link whose path says nothing about this file.
 * @example await main();
 */
export async function main(): Promise<void> {
  // `derisk show | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  process.exitCode = await runCli(process.argv.slice(2));
}

// `tsx src/cli/main.ts …` (npm run derisk) runs this file itself.
const invokedDirectly = (() => {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) await main();
