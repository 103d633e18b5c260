import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type RegisterCommand, runCommand as runWith } from "../test-cli.ts";
import { withStoriesFile } from "../test-stories-file.ts";
import { registerMatchCommand } from "./match.ts";

// In-process: a program with only the command under test, capturing its output.
const runCommand = (register: RegisterCommand, argv: string[], stdin = "") =>
  runWith([register], argv, { stdin });

const stories = withStoriesFile();

describe("derisk match", () => {
  it("ranks stories for a question, as JSON", async () => {
    const { out, code } = await runCommand(registerMatchCommand, [
      "match",
      "Tell me about a time you made a mistake",
      "--stories",
      stories.path,
      "--json",
    ]);
    expect(code).toBe(0);
    const ranking = JSON.parse(out);
    expect(ranking.competency).toBe("mistake-failure");
    expect(ranking.results[0].storyId).toBe("outage");
  });

  it("reads the question from standard input for '-', and refuses an empty one with exit 2", async () => {
    // Before: the dash itself was ranked against, as an about-me question, exit 0.
    const piped = await runCommand(
      registerMatchCommand,
      ["match", "-", "--stories", stories.path, "--json"],
      "Tell me about a time\nyou made a mistake\n",
    );
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.out).competency).toBe("mistake-failure");
    const empty = await runCommand(registerMatchCommand, ["match", "-", "--stories", stories.path], "\n");
    expect(empty).toMatchObject({ code: 2, out: "" });
    expect(empty.error).toMatch(
      /^The question read from standard input is empty: give the question to match/,
    );
    const blank = await runCommand(registerMatchCommand, ["match", " ", "--stories", stories.path]);
    expect(blank).toMatchObject({ code: 2 });
    expect(blank.error).toMatch(/^The question is empty/);
  });

  it("prints reasons in text form, and reads the bank without --stories", async () => {
    const { out } = await runCommand(registerMatchCommand, [
      "match",
      "Tell me about a conflict",
      "--stories",
      stories.path,
    ]);
    expect(out).toMatch(/1\. Disagreeing on the metric/);
    expect(out).toMatch(/serves conflict/);
    const bank = await runCommand(registerMatchCommand, ["match", "q"]);
    expect(bank.error).toBe("this test gave the command no bank");
  });

  it("never prints a figure beside a verdict it contradicts: no 'score' next to 'does not serve'", async () => {
    const { out } = await runCommand(registerMatchCommand, [
      "match",
      "Tell me about a time you dealt with ambiguity",
      "--stories",
      stories.path,
    ]);
    expect(out).toMatch(/does not serve ambiguity/);
    expect(out).not.toMatch(/score/);
    expect(out).toMatch(/^1\. .*\((outage|metric)\)$/m);
  });

  it("reports a stories file that is not JSON as bad input", async () => {
    const bad = join(stories.dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const { code, error } = await runCommand(registerMatchCommand, ["match", "q", "--stories", bad]);
    expect(code).toBe(2);
    expect(error).toMatch(/bad\.json is not valid JSON/);
  });
});
