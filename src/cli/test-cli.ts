/**
 * Test support (imported by tests only): runs CLI commands in-process, with a context that
 * captures what they print and, when given, a real store for `withStore`.
 */
import { Command } from "commander";
import { isDeriskError } from "../app/errors.ts";
import type { Store } from "../store/index.ts";
import type { CliContext } from "./context.ts";
import { createStyle } from "./render/style.ts";
import { wrapReport } from "./render/wrap.ts";

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export interface CommandRun {
  out: string;
  code: number;
  error?: string;
}

/**
 * @example const { out, code } = await runCommand([registerMatchCommand], ["match", "Why us?", "--json"]);
 */
export async function runCommand(
  registers: readonly RegisterCommand[],
  argv: string[],
  options: { stdin?: string; store?: Store; userId?: string; columns?: number; color?: boolean } = {},
): Promise<CommandRun> {
  const stdout: string[] = [];
  const { store } = options;
  const lines = (options.stdin ?? "").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const ctx: CliContext = {
    out: (text) => stdout.push(text),
    // Unwrapped unless a test asks for a width: assertions read whole sentences.
    report: (text) => stdout.push(options.columns === undefined ? text : wrapReport(text, options.columns)),
    columns: options.columns ?? 10_000,
    err: () => {},
    // In colour when a test asks, as on a terminal.
    style: createStyle({ isTTY: options.color ?? false }, {}),
    errStyle: createStyle({ isTTY: false }, {}),
    env: {},
    exitCode: 0,
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ""),
    readLine: async () => lines.shift(),
    withStore: async (use) => {
      if (!store) throw new Error("this test gave the command no bank");
      return use(store, options.userId ?? "a");
    },
  };
  const program = new Command("derisk")
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  for (const register of registers) register(program, ctx);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return { out: stdout.join("\n"), code: ctx.exitCode };
  } catch (error) {
    if (isDeriskError(error)) return { out: stdout.join("\n"), code: error.exitCode, error: error.message };
    return { out: "", code: 1, error: (error as Error).message };
  }
}
