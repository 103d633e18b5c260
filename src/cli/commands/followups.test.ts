import { describe, expect, it } from "vitest";
import { type RegisterCommand, runCommand as runWith } from "../test-cli.ts";
import { registerFollowUpsCommand } from "./followups.ts";

// In-process: a program with only the command under test, capturing its output.
const runCommand = (register: RegisterCommand, argv: string[], stdin = "") =>
  runWith([register], argv, { stdin });

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
