import { describe, expect, it } from "vitest";
import { plain } from "../render/wrap.ts";
import { type RegisterCommand, runCommand as runWith } from "../test-cli.ts";
import { registerReangleCommand } from "./reangle.ts";

// In-process: a program with only the command under test, capturing its output.
const runCommand = (register: RegisterCommand, argv: string[], stdin = "") =>
  runWith([register], argv, { stdin });

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
    expect(out).toMatch(/Re-angled for ML engineer: core vocabulary \d+% → \d+%/);
    expect(out).toMatch(/- trimmed/);
  });

  it("continues each changed sentence under its own text, kept or trimmed", async () => {
    const { out } = await runWith([registerReangleCommand], ["reangle", "-", "--role", "ml-engineer"], {
      stdin: STORY,
      columns: 60,
    });
    const changes = out.slice(out.indexOf("Changes\n") + "Changes\n".length).split("\n");
    expect(changes.some((l) => l.startsWith("= kept    I"))).toBe(true);
    for (const line of changes) {
      if (line.trim() === "") break;
      // Was: a kept sentence went on at the margin ("= kept" is shorter than "- trimmed").
      expect(line, line).toMatch(/^(?:= kept {4}|- trimmed |\s{10})\S/);
    }
  });

  it("says so when the answer was written for the role it is re-angled for", async () => {
    const same = await runCommand(
      registerReangleCommand,
      ["reangle", "-", "--from-role", "ml-engineer", "--role", "ml-engineer"],
      STORY,
    );
    expect(same.out).toMatch(
      /It was written for ML engineer already: re-angling only trims the sentences that speak to other skills\./,
    );
    const other = await runCommand(
      registerReangleCommand,
      ["reangle", "-", "--from-role", "mlops-engineer", "--role", "ml-engineer"],
      STORY,
    );
    expect(other.out).not.toMatch(/written for/);
  });

  it("re-angles for a role named by its title, and tells a product manager what to use instead", async () => {
    const titled = await runCommand(
      registerReangleCommand,
      ["reangle", "-", "--role", "ML engineer", "--json"],
      STORY,
    );
    expect(titled.code).toBe(0);
    const manager = await runCommand(
      registerReangleCommand,
      ["reangle", "-", "--role", "product manager"],
      STORY,
    );
    expect(manager.code).toBe(1);
    expect(manager.error).toMatch(/no role vocabulary for “product manager”/);
    // Re-angle cannot run without one: it says so, and what to do for that panel.
    expect(manager.error).toMatch(/Re-angle trims by those lists.*derisk compose/);
  });

  it("requires --role", async () => {
    const { code, error } = await runCommand(registerReangleCommand, ["reangle", "-"], STORY);
    expect(code).toBe(1);
    expect(error).toMatch(/--role/);
  });

  it("lines up the kept and trimmed sentences in colour as without it", async () => {
    const argv = ["reangle", "-", "--from-role", "mlops-engineer", "--role", "ml-engineer"];
    const coloured = await runWith([registerReangleCommand], argv, { stdin: STORY, color: true });
    expect(coloured.out).toContain("\u001b[");
    const marks = plain(coloured.out)
      .split("\n")
      .filter((line) => /^(= kept|- trimmed)/.test(line));
    expect(marks.length).toBeGreaterThan(1);
    // Before: "= kept I ran…" in colour (the escapes ate the padding), "= kept    I ran…" without.
    for (const line of marks) expect(line).toMatch(/^(= kept {4}|- trimmed )\S/);
  });
});
