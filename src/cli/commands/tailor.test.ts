import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOARD_POSTING } from "../../core/packaging/fixtures/postings.ts";
import { type RegisterCommand, runCommand as runWith } from "../test-cli.ts";
import { registerTailorCommand } from "./tailor.ts";

// In-process: a program with only the command under test, capturing its output.
const runCommand = (register: RegisterCommand, argv: string[], stdin = "") =>
  runWith([register], argv, { stdin });

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
