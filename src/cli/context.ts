import { LOCAL_USER_ID, resolveStorage } from "../app/environment.ts";
import type { Store } from "../store/index.ts";
import { createStyle, type Style } from "./render/style.ts";
import { wrapReport } from "./render/wrap.ts";

/** What every command gets: output streams, styling, and a way to open the bank. */
export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Prints a report for people: each line wrapped to `columns`, under its own indentation. */
  report: (text: string) => void;
  /** The width reports wrap to: the terminal's, else COLUMNS, else 80. */
  columns: number;
  style: Style;
  /** Styling for standard error, which may be a terminal when standard output is a pipe, or not. */
  errStyle: Style;
  /**
   * The width error messages wrap to when standard error is a terminal; absent in a pipe,
   * where a message stays on one line for logs and grep.
   */
  errColumns?: number;
  env: NodeJS.ProcessEnv;
  /** Reads standard input, stopping once it holds more than `maxBytes` (the caller refuses it). */
  readStdin: (maxBytes?: number) => Promise<Uint8Array>;
  /** The next line typed on standard input (without its newline), or undefined at end of input (Ctrl-D). */
  readLine: () => Promise<string | undefined>;
  /** Exit code the command asks for when it finishes without an error (1 = findings). */
  exitCode: number;
  /** Present when standard input and output are both a terminal (interactive prompts, live timer). */
  terminal?: { input: NodeJS.ReadStream; output: NodeJS.WriteStream };
  /** Opens the store for the duration of `use` and closes it afterwards. */
  withStore: <T>(use: (store: Store, userId: string) => Promise<T>) => Promise<T>;
}

export function createContext(
  env: NodeJS.ProcessEnv = process.env,
  streams: {
    stdout: { isTTY?: boolean; columns?: number };
    stderr: { isTTY?: boolean; columns?: number };
  } = process,
): CliContext {
  const out = (text: string) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  const columns = reportColumns(streams.stdout, env);
  return {
    out,
    report: (text) => out(wrapReport(text, columns)),
    columns,
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    style: createStyle(streams.stdout, env),
    errStyle: createStyle(streams.stderr, env),
    ...(streams.stderr.isTTY && streams.stderr.columns !== undefined && streams.stderr.columns > 0
      ? { errColumns: streams.stderr.columns }
      : {}),
    env,
    exitCode: 0,
    readStdin: async (maxBytes = Number.POSITIVE_INFINITY) => {
      // At a keyboard, "derisk analyze -" (or add-variant without --from) waited without a
      // word, as if hung: say what it waits for and how to end it.
      if (process.stdin.isTTY) process.stderr.write(`${STDIN_FROM_KEYBOARD}\n`);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).byteLength;
        // One byte over is enough to refuse: never hold a gigabyte piped in by mistake.
        if (size > maxBytes) {
          process.stdin.destroy();
          break;
        }
      }
      return new Uint8Array(Buffer.concat(chunks));
    },
    readLine: lineReader(),
    ...(process.stdin.isTTY && process.stdout.isTTY
      ? { terminal: { input: process.stdin, output: process.stdout } }
      : {}),
    withStore: async (use) => {
      const location = resolveStorage(env);
      const progress = (line: string) => process.stderr.write(`${line}\n`);
      // Loaded on use: commands that need no database start without PGlite/pg.
      const { openStore } = await import("../store/index.ts");
      const store = await openStore(
        location.kind === "postgres"
          ? { databaseUrl: location.databaseUrl, onProgress: progress }
          : { dataDir: location.dataDir, onProgress: progress },
      );
      try {
        return await use(store, LOCAL_USER_ID);
      } finally {
        await store.close();
      }
    },
  };
}

/** Said on standard error when standard input is read whole from a terminal. */
export const STDIN_FROM_KEYBOARD =
  "Reading from the keyboard: type or paste the text, then press Ctrl-D on a new line to finish (Ctrl-C cancels).";

/**
 * The width to wrap reports to: a terminal's own; else COLUMNS when it is a whole number
 * (`COLUMNS=60 derisk analyze … | less`); else 80.
 * @example reportColumns({ isTTY: false }, {}) // 80
 */
export function reportColumns(stdout: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number {
  if (stdout.isTTY && stdout.columns !== undefined && stdout.columns > 0) return stdout.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/** Reads standard input line by line, opened on first use (only interactive commands need it). */
function lineReader(): () => Promise<string | undefined> {
  let lines: AsyncIterator<string> | undefined;
  return async () => {
    if (!lines) {
      const { createInterface } = await import("node:readline");
      lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })[
        Symbol.asyncIterator
      ]();
    }
    const next = await lines.next();
    return next.done ? undefined : next.value;
  };
}
