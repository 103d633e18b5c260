import { describe, expect, it } from "vitest";
import { registerAnalyzeCommand } from "./commands/analyze.ts";
import { registerFollowUpsCommand } from "./commands/followups.ts";
import { registerReangleCommand } from "./commands/reangle.ts";
import { runCommand } from "./test-cli.ts";

// A user who has just seen "Q3 · core … [57fb2906]" types `derisk analyze 57fb2906`: the argument is
// read as a file, so the message says how to name the stored answer instead.
describe("a FILE argument that is not there", () => {
  const commands: Array<[string, string[]]> = [
    ["analyze", []],
    ["followups", []],
    ["reangle", ["--role", "ml-engineer"]],
  ];
  for (const [command, rest] of commands) {
    it(`${command}: names --answer when the argument looks like a stored id`, async () => {
      const run = await runCommand(
        [registerAnalyzeCommand, registerFollowUpsCommand, registerReangleCommand],
        [command, "57fb2906", ...rest],
      );
      expect(run.code).toBe(2);
      expect(run.error).toBe(
        "Cannot read 57fb2906: no such file. If 57fb2906 is the id of an answer in your bank, use --answer 57fb2906; otherwise check the path.",
      );
    });
  }

  it("keeps the path advice for a name that is not an id", async () => {
    const run = await runCommand([registerAnalyzeCommand], ["analyze", "my-answer.md"]);
    expect(run.code).toBe(2);
    expect(run.error).toBe(
      "Cannot read my-answer.md: no such file. Check the path (or pass - to read standard input).",
    );
  });
});
