import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RegisterCommand, runCommand as runWith } from "../test-cli.ts";
import { registerComposeCommand } from "./compose.ts";

// In-process: a program with only the command under test, capturing its output.
const runCommand = (register: RegisterCommand, argv: string[], stdin = "") =>
  runWith([register], argv, { stdin });

let dir: string;
let storiesPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "derisk-compose-"));
  storiesPath = join(dir, "stories.json");
  writeFileSync(
    storiesPath,
    JSON.stringify([
      {
        id: "drift",
        title: "Catching model drift",
        situation: "Our fraud model's precision dropped every month.",
        actions: [
          "I added drift monitoring on the features.",
          "I automated retraining on fresh labelled data.",
        ],
        result: "Precision stayed above 0.9 and false positives fell by 25%.",
      },
      { id: "other", title: "Other", result: "It shipped." },
    ]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A seven-sentence story, too long for a short budget: the drafts must leave sentences out. */
const NIGHTLY_JOB =
  "Our nightly training job failed twice a week and nobody owned it. " +
  "I read six weeks of logs and found the failures followed the largest feature exports. " +
  "I split the export into batches of fifty thousand rows. " +
  "I added an alert when a batch fails and a dashboard of batch sizes. " +
  "I wrote a runbook so the on-call engineer could rerun one batch. " +
  "The job has not failed since, and it runs in forty minutes instead of two hours. " +
  "I learned to look at data volume before blaming the code.";

/** `derisk compose` from the story "drift" of the stories file written above. */
const composeDrift = (): string[] => ["compose", "--stories", storiesPath, "--story", "drift"];

describe("derisk compose", () => {
  it("drafts from a story in --stories, as JSON with origins and blanks", async () => {
    const { out, code } = await runCommand(registerComposeCommand, [
      ...composeDrift(),
      "-q",
      "Tell me about a model you improved",
      "--role",
      "ml-engineer",
      "--budget",
      "60",
      "--json",
    ]);
    expect(code).toBe(0);
    const draft = JSON.parse(out);
    expect(draft.storyId).toBe("drift");
    expect(draft.blanks).toEqual(["[what did you learn?]"]);
    expect(draft.sentences[0].origin).toEqual({ from: "story", field: "situation", index: 0, sentence: 0 });
  });

  it("drafts from free text on standard input, showing the blanks", async () => {
    const { out, code } = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "Tell me about a challenge"],
      "Our CI failed randomly. I quarantined the flaky tests. The pipeline became much more reliable.",
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Fill in: \[by how much\?\] \[what did you learn\?\]/);
  });

  it("names the sentences left out to fit the budget, with a plural that agrees", async () => {
    const { out, code } = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "Tell me about a hard bug", "--budget", "20"],
      NIGHTLY_JOB,
    );
    expect(code).toBe(0);
    expect(out).not.toContain("sentence(s)");
    const [, count] = /Left out to fit the budget \((\d+) sentences?\):/.exec(out) ?? [];
    expect(Number(count)).toBeGreaterThan(0);
    const listed = out.slice(out.indexOf("Left out to fit the budget")).split("\n").slice(1);
    expect(listed.filter((line) => line.startsWith("  ")).length).toBe(Number(count));
    // Each left-out line is named by its STAR+L part, as the draft's lines are.
    const parts = listed.filter((line) => line.startsWith("  ")).map((line) => line.trim().split(/\s+/)[0]);
    for (const part of parts) expect(["situation", "task", "action", "result", "lesson"]).toContain(part);
  });

  it("gives the shortest telling where even it overruns the budget, and the whole story with --whole", async () => {
    // Before: the draft kept the whole story, far over the budget, and no option asked for either.
    const ask = (...more: string[]) =>
      runCommand(
        registerComposeCommand,
        ["compose", "-", "-q", "Tell me about a hard bug", "--budget", "5", ...more],
        NIGHTLY_JOB,
      );
    const shortest = await ask();
    expect(shortest.code).toBe(0);
    expect(shortest.out).toMatch(/! This draft is the story at its shortest/);
    const whole = JSON.parse((await ask("--whole", "--json")).out);
    expect(shortest.out).toContain(`! For the whole story (≈ ${whole.seconds} s), run again with --whole.`);
    const draft = JSON.parse((await ask("--json")).out);
    expect(draft.seconds).toBeLessThan(whole.seconds);
    expect(draft.wholeSeconds).toBe(whole.seconds);
    expect(whole.wholeSeconds).toBeUndefined();
    expect((await ask("--whole")).out).not.toContain("--whole");
  });

  it("maps bad input and usage to exit codes 2 and 1", async () => {
    const empty = await runCommand(registerComposeCommand, ["compose", "-", "-q", "q"], "   ");
    expect(empty).toMatchObject({ code: 2 });
    expect(empty.error).toMatch(/standard input is empty/);
    const role = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "q", "--role", "wizard"],
      "I did it.",
    );
    expect(role).toMatchObject({ code: 1 });
    expect(role.error).toMatch(/Unknown role "wizard"/);
    // A role's title is the role; a role derisk has no vocabulary for is told what derisk can do.
    const title = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "Tell me about a mistake", "--role", "ML engineer", "--json"],
      "I built a churn model. I deployed it. Churn fell by 5%. I learned to test first.",
    );
    expect(title).toMatchObject({ code: 0 });
    expect(JSON.parse(title.out).role).toBe("ml-engineer");
    const manager = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "q", "--role", "product manager"],
      "I did it.",
    );
    expect(manager).toMatchObject({ code: 1 });
    expect(manager.error).toMatch(/no role vocabulary for “product manager”/);
    expect(manager.error).toMatch(/Without a role, everything else works the same/);
    expect(manager.error).not.toMatch(/Unknown role/);
    const missing = await runCommand(registerComposeCommand, [
      "compose",
      "--stories",
      storiesPath,
      "-q",
      "q",
    ]);
    expect(missing.error).toMatch(/Choose a story with --story: ids are drift, other/);
    const broken = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "q"],
      '{"title": "Only a title"}',
    );
    expect(broken).toMatchObject({ code: 2 });
    expect(broken.error).toMatch(/has only a title/);
  });

  it("reads a story as derisk prints it: stories show --json ({ story }) and stories list --json ({ stories })", async () => {
    const drift = {
      id: "drift",
      title: "Catching model drift",
      situation: "Our fraud model's precision dropped every month.",
      actions: ["I added drift monitoring on the features."],
      result: "Precision stayed above 0.9.",
      version: 1,
      createdAt: "2026-12-06T21:00:00.000Z",
    };
    const shown = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "Tell me about a model you improved", "--json"],
      JSON.stringify({ story: drift }, null, 2),
    );
    expect(shown.error).toBeUndefined();
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out).storyId).toBe("drift");
    const listPath = join(dir, "listed.json");
    writeFileSync(listPath, JSON.stringify({ stories: [drift] }, null, 2));
    const listed = await runCommand(registerComposeCommand, [
      "compose",
      "--stories",
      listPath,
      "--story",
      "drift",
      "-q",
      "Tell me about a model you improved",
      "--json",
    ]);
    expect(listed.error).toBeUndefined();
    expect(JSON.parse(listed.out).storyId).toBe("drift");
    // A story under a key derisk does not read is named, not called empty.
    const wrapped = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "q"],
      JSON.stringify({ stroy: drift }),
    );
    expect(wrapped).toMatchObject({ code: 2 });
    expect(wrapped.error).toMatch(/“stroy”/);
    expect(wrapped.error).not.toMatch(/The story is empty/);
  });

  it("refuses a stories file given as the story FILE (it drafted from the JSON text, exit 0)", async () => {
    const listed = await runCommand(registerComposeCommand, [
      "compose",
      storiesPath,
      "-q",
      "Tell me about a bug",
    ]);
    expect(listed).toMatchObject({ code: 2, out: "" });
    expect(listed.error).toBe(
      `${storiesPath} is a JSON list of stories, and compose FILE takes one story (a JSON object or plain text): pick one with --stories ${storiesPath} --story ID, or use --story ID from your bank (derisk stories list).`,
    );
    // Prose that opens with a bracket is still a story.
    const prose = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "Tell me about a bug", "--json"],
      "[Draft] I traced the nightly failure to a race and fixed it; failures fell to zero.",
    );
    expect(prose.code).toBe(0);
  });

  it("refuses an empty question (it drafted as if none had been asked)", async () => {
    const empty = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "  "],
      "I did it. It shipped.",
    );
    expect(empty).toMatchObject({ code: 1, out: "" });
    expect(empty.error).toMatch(/^The question is empty: give the interview question with -q/);
  });

  it("refuses two sources of the story, and --text beside --json (one was dropped in silence)", async () => {
    const file = await runCommand(
      registerComposeCommand,
      [...composeDrift(), "-", "-q", "q"],
      "I did it. It shipped.",
    );
    expect(file).toMatchObject({ code: 1, out: "" });
    expect(file.error).toMatch(/^Give the story one way, not a story FILE and --stories: /);
    const bank = await runCommand(
      registerComposeCommand,
      ["compose", "-", "-q", "q", "--story", "3f2a"],
      "I did it. It shipped.",
    );
    expect(bank).toMatchObject({ code: 1, out: "" });
    expect(bank.error).toMatch(/^Give the story one way, not a story FILE and --story: /);
    const both = await runCommand(registerComposeCommand, [...composeDrift(), "-q", "q", "--text", "--json"]);
    expect(both).toMatchObject({ code: 1, out: "" });
    expect(both.error).toMatch(/^Choose --text .* or --json .*, not both\.$/);
  });
});
