/**
 * Line input for interactive commands (derisk practice). On a terminal: readline with a prompt
 * that carries a live timer (redrawn in place every second, keeping what is typed), Ctrl-D to
 * end an answer and Ctrl-C to stop. Elsewhere (a pipe, a test): plain lines, no prompt.
 */
import type { Interface } from "node:readline";

/**
 * How an answer's input ended; "skip" is the line /skip, which passes the question unrated;
 * "end" the line /end (where the prompt takes it), which ends the whole interview.
 */
export type AnswerEnd = "blank" | "eof" | "interrupt" | "skip" | "end";

/** The line that skips a question, at any point of an answer. */
export const SKIP_COMMAND = "/skip";
/** The line that ends the interview, at any point of an answer (derisk practice). */
export const END_COMMAND = "/end";

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
  /**
   * A line that may be a command, not part of the answer (e.g. "/peek"), at any point of the
   * answer; returns what to print, or undefined to keep the line as text.
   */
  onCommand?: (line: string) => Promise<string | undefined>;
  /**
   * Terminal only: called about once a second with the answer so far and the line being typed,
   * when that line changed, so a killed process or a closed terminal loses at most a second.
   */
  onPartial?: (lines: string[], partial: string) => void;
  /** The line /end ends the input with end "end"; elsewhere it is text like any other line. */
  endCommand?: boolean;
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

/** Said when a piped line is not UTF-8 text. */
export const NOT_UTF8_LINE =
  "This line is not UTF-8 text (a letter such as é saved in another encoding, e.g. Latin-1): it was left out of the answer. Pipe the text as UTF-8 (iconv -f latin1 -t utf-8), or type it.";

/** Plain lines from `readLine` (standard input that is not a terminal, or a test). */
export function plainLineInput(
  readLine: () => Promise<string | undefined>,
  out: (text: string) => void,
): LineInput {
  return {
    interactive: false,
    interrupted: false,
    async readAnswer({ prefill, onLine, onCommand, endCommand }) {
      const lines = [...prefill];
      for (;;) {
        const line = await readLine();
        if (line === undefined) return { lines, end: "eof", partial: "" };
        if (line.trim() === "") return { lines, end: "blank", partial: "" };
        if (line.trim() === SKIP_COMMAND) return { lines, end: "skip", partial: "" };
        if (endCommand && line.trim() === END_COMMAND) return { lines, end: "end", partial: "" };
        // A command works at any line; a line that is no command (e.g. "/usr/bin") stays text.
        if (onCommand && line.trim().startsWith("/")) {
          const said = await onCommand(line.trim());
          if (said !== undefined) {
            out(said);
            continue;
          }
        }
        // Bytes that were not UTF-8 (an answer saved as Latin-1 and piped in) decode to U+FFFD:
        // kept, they would be saved and scored as "caf�". A file given by name is refused for
        // the same reason; a piped line is left out, saying why, and the rest goes on.
        if (line.includes("\uFFFD")) {
          out(NOT_UTF8_LINE);
          continue;
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

type LineEvent = { line: string } | { end: AnswerEnd; partial: string };

/**
 * readline on a terminal, recreated after Ctrl-D so the session can go on. Lines are queued as
 * they come (a paste, or Enter pressed twice quickly while a line is being saved, loses none).
 */
export function terminalLineInput(input: NodeJS.ReadStream, output: NodeJS.WriteStream): LineInput {
  let rl: Interface | undefined;
  let interrupted = false;
  let createInterface: typeof import("node:readline").createInterface | undefined;
  const events: LineEvent[] = [];
  let waiter: ((event: LineEvent) => void) | undefined;
  const push = (event: LineEvent) => {
    const take = waiter;
    waiter = undefined;
    if (take) take(event);
    else events.push(event);
  };

  async function open(): Promise<Interface> {
    if (rl) return rl;
    createInterface ??= (await import("node:readline")).createInterface;
    const created = createInterface({ input, output, terminal: true, historySize: 0 });
    let quiet = false;
    // Ctrl-D at the end of a typed line: readline does nothing there (it ends input only on an
    // empty line), so the answer seemed stuck although the help says Ctrl-D submits. Take the
    // line as typed, then end the answer, as Enter and Ctrl-D would. Not at the rating prompt.
    let endAfterLine = false;
    const onKeypress = (_text: string, key?: { ctrl?: boolean; name?: string }) => {
      if (!answering || !key?.ctrl || key.name !== "d") return;
      if (created.line === "" || created.cursor < created.line.length) return;
      endAfterLine = true;
      created.write("\n");
    };
    input.on("keypress", onKeypress);
    created.on("line", (line) => {
      push({ line });
      if (endAfterLine) {
        endAfterLine = false;
        push({ end: "eof", partial: "" });
      }
    });
    created.on("SIGINT", () => {
      interrupted = true;
      quiet = true;
      const partial = created.line;
      output.write("^C\n");
      push({ end: "interrupt", partial });
      created.close();
    });
    created.on("close", () => {
      input.off("keypress", onKeypress);
      if (rl === created) rl = undefined;
      // Ctrl-D; not when we close it ourselves or after Ctrl-C.
      if (!quiet && !closing) push({ end: "eof", partial: "" });
    });
    rl = created;
    return created;
  }
  let closing = false;
  /** Whether an answer is being typed (Ctrl-D after text ends it), not a rating or a choice. */
  let answering = false;

  /** The next line or end; `tick` redraws the prompt every second while waiting (the timer). */
  async function line(
    prompt: () => string,
    tick: boolean,
    onTick?: (partial: string) => void,
  ): Promise<LineEvent> {
    answering = tick;
    const queued = events.shift();
    if (queued) return queued;
    const reader = await open();
    reader.setPrompt(prompt());
    reader.prompt();
    const timer = tick
      ? setInterval(() => {
          // readline redraws by moving up the rows it last drew the cursor on (prevRows); text
          // pasted across the terminal's edge moves the cursor down a row without updating it,
          // so each redraw left a stale copy of the line above. Set it from where the cursor is.
          const rows = reader as unknown as { prevRows?: unknown };
          if (typeof rows.prevRows === "number") rows.prevRows = reader.getCursorPos().rows;
          reader.setPrompt(prompt());
          reader.prompt(true);
          onTick?.(reader.line);
        }, 1000)
      : undefined;
    return new Promise((resolve) => {
      waiter = (event) => {
        if (timer) clearInterval(timer);
        resolve(event);
      };
    });
  }

  return {
    interactive: true,
    get interrupted() {
      return interrupted;
    },
    async readAnswer({ prefill, prompt, onLine, onCommand, onPartial, endCommand }) {
      const lines = [...prefill];
      let reported = "";
      const onTick = (partial: string) => {
        if (partial === reported) return;
        reported = partial;
        onPartial?.([...lines], partial);
      };
      for (;;) {
        const next = await line(prompt, true, onTick);
        reported = "";
        if (!("line" in next)) return { lines, end: next.end, partial: next.partial };
        if (next.line.trim() === "") return { lines, end: "blank", partial: "" };
        if (next.line.trim() === SKIP_COMMAND) return { lines, end: "skip", partial: "" };
        if (endCommand && next.line.trim() === END_COMMAND) return { lines, end: "end", partial: "" };
        if (onCommand && next.line.trim().startsWith("/")) {
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
      return "line" in next ? next.line : undefined;
    },
    close() {
      closing = true;
      rl?.close();
    },
  };
}
