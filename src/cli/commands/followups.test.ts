import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import { describeStores } from "../../store/test-stores.ts";
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

  it("gives the reason as its own sentence when a follow-up quotes nothing", async () => {
    const story =
      "Our team wanted a simpler onboarding flow. I designed the three screens, built them in React and ran an A/B test for two weeks. Sign-ups rose by 12 percent.";
    const { out } = await runCommand(
      registerFollowUpsCommand,
      ["followups", "-", "--question", "Tell me about a project you led"],
      story,
    );
    expect(out).toMatch(/What would you do differently\?\n\s+After a story/);
    expect(out).not.toMatch(/because After/);
    expect(out).not.toMatch(/because\s*$/m);
  });
});

describe("derisk followups: bad input", () => {
  it("refuses binary input with a message and exit 2, as analyze does", async () => {
    const { out, error, code } = await runCommand(
      registerFollowUpsCommand,
      ["followups", "-"],
      "\u0000\u0001PK binary",
    );
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(error).toMatch(/standard input holds NUL bytes/);
  });
});

describe("derisk followups: concern quotes", () => {
  it("quotes a sentence with several trigger phrases once, without its STAR label markup", async () => {
    const infra =
      "**Situation**: On my project on AWS EKS, I was integrating Cognito, Istio and a GitOps CI/CD pipeline using FluxCD and Helm. " +
      "**Action**: I set up Terraform and Kubernetes autoscaling, and tuned the Docker images.";
    const { out } = await runCommand(
      registerFollowUpsCommand,
      ["followups", "-", "-r", "ml-engineer"],
      infra,
    );
    const concerns = out.slice(out.indexOf("Concerns ("));
    expect(concerns).toMatch(/infrastructure-heavy/);
    const quoted = concerns.split("\n").filter((line) => line.trim().startsWith("“"));
    expect(quoted.length).toBeGreaterThan(0);
    expect(new Set(quoted).size).toBe(quoted.length);
    expect(concerns).not.toContain("**");
    expect(concerns).toContain("“On my project on AWS EKS");
  });
});

describeStores("derisk followups --prepare", (getStore) => {
  it("--text - reads the prepared answer from standard input instead of saving a lone dash", async () => {
    const store = getStore();
    const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));
    const { documentId } = await importDocument(store, "a", {
      bytes: new Uint8Array(sample),
      filename: "s.md",
    });
    const [answer] = await store.items.listItems("a", { documentId: documentId ?? "", kind: "answer" });
    const run = await runWith(
      [registerFollowUpsCommand],
      [
        "followups",
        "--answer",
        answer?.id ?? "",
        "--prepare",
        "What would you do differently?",
        "--text",
        "-",
        "--json",
      ],
      { store, stdin: "I would write the rollback plan first.\n" },
    );
    expect(run.code).toBe(0);
    // Before: the prepared answer was "-".
    expect(run.out).toContain("I would write the rollback plan first.");
    expect(run.out).not.toMatch(/"answer": "-"/);
  });
});
