import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { isDeriskError } from "../../app/errors.ts";
import type { CliContext } from "../context.ts";
import { createStyle } from "../render/style.ts";
import { registerFollowUpsCommand } from "./followups.ts";

// In-process: a program with only this command, and a context that captures output.
async function runCommand(
  register: (program: Command, ctx: CliContext) => void,
  argv: string[],
  stdin = "",
): Promise<{ out: string; code: number; error?: string }> {
  const stdout: string[] = [];
  const ctx: CliContext = {
    out: (text) => stdout.push(text),
    err: () => {},
    style: createStyle({ isTTY: false } as NodeJS.WriteStream, {}),
    env: {},
    exitCode: 0,
    readStdin: async () => new TextEncoder().encode(stdin),
    withStore: async () => {
      throw new Error("packaging commands do not open the store");
    },
  };
  const program = new Command("derisk")
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  register(program, ctx);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return { out: stdout.join("\n"), code: ctx.exitCode };
  } catch (error) {
    if (isDeriskError(error)) return { out: stdout.join("\n"), code: error.exitCode, error: error.message };
    return { out: "", code: 1, error: (error as Error).message };
  }
}

const TMAY =
  "I did my PhD in applied math. Then I built hands-on ML projects on AWS. Now I'm looking to bring that to a product team.";

describe("derisk followups", () => {
  it("prints follow-ups and concerns as JSON", async () => {
    const { out, code } = await runCommand(
      registerFollowUpsCommand,
      ["followups", "-", "--question", "Tell me about yourself", "--role", "ml-engineer", "--json"],
      TMAY,
    );
    expect(code).toBe(0);
    const { followUps, concerns } = JSON.parse(out);
    const questions = followUps.map((f: { question: string }) => f.question).join("\n");
    expect(questions).toMatch(/PhD in applied math related to ML/);
    expect(questions).toMatch(/ML in practice/);
    expect(questions).toMatch(/Why now/);
    expect(Array.isArray(concerns)).toBe(true);
  });

  it("says why in text form", async () => {
    const { out } = await runCommand(registerFollowUpsCommand, ["followups", "-", "-r", "ml-engineer"], TMAY);
    expect(out).toMatch(/because you said “PhD in applied math”/);
  });
});
