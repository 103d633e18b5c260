import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { isDeriskError } from "../../app/errors.ts";
import type { CliContext } from "../context.ts";
import { createStyle } from "../render/style.ts";
import { registerReangleCommand } from "./reangle.ts";

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

const STORY =
  "I ran the platform for a fraud model. I set up EKS, Istio, Helm and FluxCD. I wrote Terraform for the VPC and IAM. " +
  "I retrained the fraud model weekly on labelled data. False positives fell by 30%.";

describe("derisk reangle", () => {
  it("prints the re-angled answer with its diff as JSON", async () => {
    const { out, code } = await runCommand(
      registerReangleCommand,
      ["reangle", "-", "--from-role", "mlops-engineer", "--role", "ml-engineer", "--json"],
      STORY,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.coreShare.after).toBeGreaterThan(result.coreShare.before);
    expect(result.diff.map((d: { status: string }) => d.status)).toContain("trimmed");
  });

  it("shows the changes in text form", async () => {
    const { out } = await runCommand(
      registerReangleCommand,
      ["reangle", "-", "--role", "ml-engineer"],
      STORY,
    );
    expect(out).toMatch(/Re-angled for ml-engineer: core vocabulary \d+% → \d+%/);
    expect(out).toMatch(/- trimmed/);
  });

  it("requires --role", async () => {
    const { code, error } = await runCommand(registerReangleCommand, ["reangle", "-"], STORY);
    expect(code).toBe(1);
    expect(error).toMatch(/--role/);
  });
});
