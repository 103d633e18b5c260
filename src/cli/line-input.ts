/**
 * Line input for interactive commands (derisk practice). On a terminal: readline with a prompt
 * that carries a live timer (redrawn in place every second, keeping what is typed), Ctrl-D to
 * end an answer and Ctrl-C to stop. Elsewhere (a pipe, a test): plain lines, no prompt.
 */
import type { Interface } from "node:readline";

/** How an answer's input ended. */
export type AnswerEnd = "blank" | "eof" | "interrupt";

export interface AnswerPrompt {
  /** Lines kept from before (a resumed draft): printed again and continued. */
  prefill: string[];
  /** The prompt for the next line; on a terminal it is redrawn every second (the timer). */
  prompt: () => string;
  /**
   * Called with the answer so far after each line; a message returned refuses that line
   * (it is dropped, the message shown, the rest kept).
   */
  onLine: (lines: string[]) => Promise<string | undefined>;
  /** A line that is a command, not part of the answer (e.g. "/peek"); returns what to print. */
  onCommand?: (line: string) => Promise<string | undefined>;
}

export interface AnswerInput {
  lines: string[];
  end: AnswerEnd;
  /** What was typed on the unfinished line when Ctrl-C came (terminal only). */
  partial: string;
}

export interface LineInput {
  /** True on a terminal: prompts and a live timer are shown. */
  readonly interactive: boolean;
  /** Lines until a blank line (after some text), end of input or Ctrl-C. */
  readAnswer(prompt: AnswerPrompt): Promise<AnswerInput>;
  /** One line; undefined at end of input or on Ctrl-C. */
  ask(prompt: string): Promise<string | undefined>;
  /** True once Ctrl-C was pressed. */
  readonly interrupted: boolean;
  close(): void;
}

/** Plain lines from `readLine` (standard input that is not a terminal, or a test). */
export function plainLineInput(
  readLine: () => Promise<string | undefined>,
  out: (text: string) => void,
): LineInput {
  return {
    interactive: false,
    interrupted: false,
    async readAnswer({ prefill, onLine, onCommand }) {
      const lines = [...prefill];
      for (;;) {
        const line = await readLine();
        if (line === undefined) return { lines, end: "eof", partial: "" };
        if (line.trim() === "") return { lines, end: "blank", partial: "" };
        if (onCommand && lines.length === 0 && line.trim().startsWith("/")) {
          const said = await onCommand(line.trim());
          if (said !== undefined) {
            out(said);
            continue;
          }
        }
        lines.push(line);
        const refused = await onLine(lines);
        if (refused !== undefined) {
          lines.pop();
          out(refused);
        }
      }
    },
    ask: () => readLine(),
    close() {},
  };
}

/** readline on a terminal, recreated after Ctrl-D so the session can go on. */
export function terminalLineInput(input: NodeJS.ReadStream, output: NodeJS.WriteStream): LineInput {
  let rl: Interface | undefined;
  let interrupted = false;
  let createInterface: typeof import("node:readline").createInterface | undefined;

  async function open(): Promise<Interface> {
    if (rl) return rl;
    createInterface ??= (await import("node:readline")).createInterface;
    const created = createInterface({ input, output, terminal: true, historySize: 0 });
    created.on("close", () => {
      if (rl === created) rl = undefined;
    });
    rl = created;
    return created;
  }

  /** One line with a prompt; `tick` redraws the prompt every second while waiting. */
  async function line(
    prompt: () => string,
    tick: boolean,
  ): Promise<{ line?: string; end?: AnswerEnd; partial: string }> {
    const reader = await open();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (result: { line?: string; end?: AnswerEnd; partial: string }) => {
        if (timer) clearInterval(timer);
        reader.off("line", onLine);
        reader.off("close", onClose);
        reader.off("SIGINT", onInterrupt);
        resolve(result);
      };
      const onLine = (text: string) => finish({ line: text, partial: "" });
      const onClose = () => finish({ end: "eof", partial: "" });
      const onInterrupt = () => {
        interrupted = true;
        const partial = reader.line;
        output.write("^C\n");
        finish({ end: "interrupt", partial });
        reader.close();
      };
      reader.on("line", onLine);
      reader.on("close", onClose);
      reader.on("SIGINT", onInterrupt);
      reader.setPrompt(prompt());
      reader.prompt();
      if (tick) {
        timer = setInterval(() => {
          reader.setPrompt(prompt());
          reader.prompt(true);
        }, 1000);
      }
    });
  }

  return {
    interactive: true,
    get interrupted() {
      return interrupted;
    },
    async readAnswer({ prefill, prompt, onLine, onCommand }) {
      const lines = [...prefill];
      for (;;) {
        const next = await line(prompt, true);
        if (next.line === undefined) return { lines, end: next.end ?? "eof", partial: next.partial };
        if (next.line.trim() === "") return { lines, end: "blank", partial: "" };
        if (onCommand && lines.length === 0 && next.line.trim().startsWith("/")) {
          const said = await onCommand(next.line.trim());
          if (said !== undefined) {
            output.write(`${said}\n`);
            continue;
          }
        }
        lines.push(next.line);
        const refused = await onLine(lines);
        if (refused !== undefined) {
          lines.pop();
          output.write(`${refused}\n`);
        }
      }
    },
    async ask(prompt) {
      const next = await line(() => prompt, false);
      return next.line;
    },
    close() {
      rl?.close();
    },
  };
}
