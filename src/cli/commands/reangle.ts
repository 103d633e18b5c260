import type { Command } from "commander";
import { ROLE_IDS } from "../../core/model.ts";
import type { CliContext } from "../context.ts";
import { parseRoleFlag, readTextArg } from "./compose.ts";

interface ReangleFlags {
  role: string;
  fromRole?: string;
  question?: string;
  json?: boolean;
}

/**
 * Registers `derisk reangle`: re-angles an answer for another role, with a sentence-level diff.
 * Reads no store; stories come from `--stories FILE.json` for now.
 * @example registerReangleCommand(program, createContext()); // derisk reangle answer.md --role ml-engineer
 */
export function registerReangleCommand(program: Command, ctx: CliContext): void {
  program
    .command("reangle")
    .description(
      "re-order and trim an answer for another role (e.g. DevOps → ML Engineer), with a sentence-level diff",
    )
    .argument("<file>", "the answer text, or - for standard input")
    .requiredOption("-r, --role <id>", `the role to pitch for (${ROLE_IDS.join(", ")})`)
    .option("--from-role <id>", "the role the answer was written for")
    .option("-q, --question <text>", "the interview question (sentences it asks about are kept)")
    .option("--json", "print the re-angled text, the diff and the role-vocabulary shares as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk reangle answer.md --from-role mlops-engineer --role ml-engineer\n  pbpaste | derisk reangle - --role ml-engineer --json",
    )
    .action(async (file: string, flags: ReangleFlags) => {
      const { reangle } = await import("../../core/packaging/index.ts");
      const toRole = parseRoleFlag(flags.role) ?? "ml-engineer";
      const fromRole = parseRoleFlag(flags.fromRole, "--from-role");
      const text = await readTextArg(ctx, file, "answer");
      const out = reangle(text, {
        toRole,
        ...(fromRole ? { fromRole } : {}),
        ...(flags.question ? { question: flags.question } : {}),
      });
      if (flags.json) {
        ctx.out(JSON.stringify(out, null, 2));
        return;
      }
      const { style } = ctx;
      const pct = (n: number) => `${Math.round(n * 100)}%`;
      const lines = [
        style.bold(
          `Re-angled for ${toRole}: core vocabulary ${pct(out.coreShare.before)} → ${pct(out.coreShare.after)}`,
        ),
        "",
        out.text,
        "",
        style.bold("Changes"),
      ];
      for (const d of out.diff) {
        const mark =
          d.status === "trimmed"
            ? style.red("- trimmed")
            : d.status === "moved"
              ? style.cyan(`↕ ${d.from + 1}→${(d.to ?? 0) + 1}`)
              : style.dim("= kept");
        lines.push(`${mark.padEnd(10)} ${d.compressed ?? d.text} ${style.dim(`(${d.reason})`)}`);
      }
      ctx.out(lines.join("\n"));
    });
}
