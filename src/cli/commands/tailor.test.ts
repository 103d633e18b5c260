import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../../test/seed.ts";
import { BOARD_POSTING } from "../../core/packaging/fixtures/postings.ts";
import { openStore, type Store } from "../../store/index.ts";
import { type RegisterCommand, runCommand as runWith } from "../test-cli.ts";
import { registerImportCommand } from "./import.ts";
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

  it("refuses a posting beside --list or --open, and --list beside --open (one was dropped in silence)", async () => {
    for (const args of [
      ["tailor", "-", "--list"],
      ["tailor", "posting.md", "--open", "3f2a"],
      ["tailor", "--list", "--open", "3f2a"],
    ]) {
      const run = await runCommand(registerTailorCommand, args, BOARD_POSTING);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.out).toBe("");
      expect(run.error).toMatch(/^Give one of a posting FILE \(or -\), --list or --open ID, not .+ and /);
    }
  });
});

describe("derisk tailor over a bank of two documents", () => {
  let pglite: PGlite;
  let store: Store;
  let bankDir: string;
  const commands = [registerImportCommand, registerTailorCommand];
  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await openStore({ pglite });
    bankDir = mkdtempSync(join(tmpdir(), "derisk-tailor-bank-"));
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await pglite.close();
    rmSync(bankDir, { recursive: true, force: true });
  });

  it.runIf(SEED_RUNS)("names the document and the question of every piece of evidence", async () => {
    await store.users.ensureUser("two");
    const seed = join(bankDir, "seed-prep.md");
    writeFileSync(seed, seedUpload().bytes);
    const sample = join(bankDir, "sample-prep.md");
    writeFileSync(sample, readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url)));
    for (const path of [seed, sample]) {
      expect((await runWith(commands, ["import", path], { store, userId: "two" })).code).toBe(0);
    }
    const posting = join(bankDir, "posting.md");
    writeFileSync(
      posting,
      "ML Engineer at Acme\n\nRequirements:\n- Deploy machine learning models to production\n- Experience with Kubernetes and CI/CD\n",
    );
    const run = await runWith(commands, ["tailor", posting], { store, userId: "two" });
    expect(run.code).toBe(0);
    const evidence = run.out.split("\n").filter((line) => /^ {4}(strong|partial) · /.test(line));
    expect(evidence.length).toBeGreaterThan(0);
    for (const line of evidence) {
      expect(line).toMatch(/^ {4}(strong|partial) · (answer|story|accomplishment) "[^"]+" in “Seed prep”: “/);
    }
    // Reopened, it names them again; the JSON carries the name too.
    const id = /derisk tailor --open (\S+)/.exec(run.out)?.[1] ?? "";
    const json = JSON.parse(
      (await runWith(commands, ["tailor", "--open", id, "--json"], { store, userId: "two" })).out,
    );
    const documents = json.tailoring.requirements.flatMap((r: { evidence: { document?: string }[] }) =>
      r.evidence.map((e) => e.document),
    );
    expect(new Set(documents)).toEqual(new Set(["Seed prep"]));
  });

  it("lists saved tailorings within 80 columns", async () => {
    await store.users.ensureUser("three");
    const posting = join(bankDir, "long-posting.md");
    writeFileSync(
      posting,
      "Acme Robotics — Senior Machine Learning Engineer, Perception Platform\n\nRequirements:\n- Deploy models to production\n",
    );
    const titled = [
      "--title",
      "Senior Machine Learning Engineer, Perception Platform",
      "--company",
      "Acme Robotics",
    ];
    expect((await runWith(commands, ["tailor", posting, ...titled], { store, userId: "three" })).code).toBe(
      0,
    );
    const list = await runWith(commands, ["tailor", "--list"], { store, userId: "three", columns: 80 });
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^[0-9a-f]{8} {2}\d{4}-\d\d-\d\d {2}Senior Machine Learning/);
    for (const line of list.out.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
  });
});
