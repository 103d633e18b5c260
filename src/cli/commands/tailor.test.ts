import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDeriskError } from "../../app/errors.ts";
import { BOARD_POSTING } from "../../core/packaging/fixtures/postings.ts";
import type { CliContext } from "../context.ts";
import { createStyle } from "../render/style.ts";
import { registerTailorCommand } from "./tailor.ts";

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

let dir: string;
let storiesPath: string;
let profilePath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "derisk-tailor-"));
  storiesPath = join(dir, "stories.json");
  profilePath = join(dir, "profile.json");
  writeFileSync(
    storiesPath,
    JSON.stringify([
      {
        id: "router",
        title: "Claims router",
        actions: ["I built the data pipelines in Spark."],
        result: "Fraud fell by 20%.",
      },
    ]),
  );
  writeFileSync(
    profilePath,
    JSON.stringify({ background: ["Three years of fraud detection models in Python."] }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("derisk tailor", () => {
  it("prints requirements with evidence, gaps and the why-company scaffold as JSON", async () => {
    const { out, code } = await runCommand(
      registerTailorCommand,
      ["tailor", "-", "--stories", storiesPath, "--profile", profilePath, "--json"],
      BOARD_POSTING,
    );
    expect(code).toBe(0);
    const { tailoring, whyCompany } = JSON.parse(out);
    expect(tailoring.company).toBe("Lumenfold");
    const spark = tailoring.requirements.find(
      (r: { text: string }) => r.text === "Build data pipelines with Spark and Airflow",
    );
    expect(spark.evidence[0].quote).toBe("I built the data pipelines in Spark.");
    expect(tailoring.uncovered.length).toBeGreaterThan(0);
    expect(whyCompany.lines[0].text).toMatch(/^What draws me to Lumenfold/);
  });

  it("marks covered and uncovered requirements in text form; empty posting is bad input", async () => {
    const { out } = await runCommand(
      registerTailorCommand,
      ["tailor", "-", "--stories", storiesPath],
      BOARD_POSTING,
    );
    expect(out).toMatch(/✓ \[responsibility\] Build data pipelines with Spark and Airflow/);
    expect(out).toMatch(/✗ \[skill\] Fluent in Python and SQL/);
    const empty = await runCommand(registerTailorCommand, ["tailor", "-", "--stories", storiesPath], "\n\n");
    expect(empty.code).toBe(2);
  });
});
