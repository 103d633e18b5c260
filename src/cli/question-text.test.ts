import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { createContext } from "./context.ts";
import { createProgram, runCli } from "./main.ts";
import { MAX_QUESTION_CHARS, questionText } from "./question-text.ts";

/** Every command and sub-command, with its path ("stories list"). */
function commandsOf(command: Command, path: string[] = []): Array<{ path: string[]; command: Command }> {
  return command.commands.flatMap((sub) => [
    { path: [...path, sub.name()], command: sub },
    ...commandsOf(sub, [...path, sub.name()]),
  ]);
}

const program = createProgram(createContext({ NO_COLOR: "1" }, { stdout: {}, stderr: {} }));
/** The commands whose `--question` is the interview question an answer is read against. */
const asking = commandsOf(program).filter(({ command }) =>
  command.options.some((o) => o.long === "--question" && /^the interview question/.test(o.description)),
);

describe("--question, the interview question", () => {
  it("is held to the API's 2,000 characters by every command that takes it", () => {
    expect(asking.map(({ path }) => path.join(" ")).sort()).toEqual([
      "analyze",
      "compose",
      "followups",
      "reangle",
    ]);
    for (const { path, command } of asking) {
      const option = command.options.find((o) => o.long === "--question");
      expect({ command: path.join(" "), parser: option?.parseArg }).toEqual({
        command: path.join(" "),
        parser: questionText,
      });
    }
  });

  it("refuses a whole answer pasted as the question with exit 2, before anything is read", async () => {
    // Before: exit 0 and a report read against a 2,001-character "question".
    const long = "x".repeat(MAX_QUESTION_CHARS + 1);
    for (const { path } of asking) {
      const ctx = createContext({ NO_COLOR: "1" }, { stdout: { isTTY: false }, stderr: { isTTY: false } });
      const printed: string[] = [];
      ctx.err = (text) => printed.push(text);
      ctx.out = (text) => printed.push(text);
      const code = await runCli([...path, "/no/such/answer.md", "--question", long], ctx);
      expect({ command: path.join(" "), code, printed: printed.join("\n") }).toEqual({
        command: path.join(" "),
        code: 2,
        printed: "error: --question is 2,001 characters, over 2,000: give the question only.",
      });
    }
  });
});
