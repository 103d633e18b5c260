import type { Command } from "commander";
import { ROLE_IDS } from "../../core/model.ts";
import type { CliContext } from "../context.ts";
import { parseRoleFlag, readTextArg } from "./compose.ts";

interface FollowUpsFlags {
  question?: string;
  role?: string;
  json?: boolean;
}

/**
 * Registers `derisk followups`: predicts follow-ups and concerns for an answer.
 * Reads no store; stories come from `--stories FILE.json` for now.
 * @example registerFollowUpsCommand(program, createContext()); // derisk followups - -q "Tell me about yourself" --json
 */
export function registerFollowUpsCommand(program: Command, ctx: CliContext): void {
  program
    .command("followups")
    .description(
      "predict the follow-up questions and the concerns an answer invites, with the phrase that causes each",
    )
    .argument("<file>", "the answer text, or - for standard input")
    .option("-q, --question <text>", "the interview question")
    .option("-r, --role <id>", `target role (${ROLE_IDS.join(", ")})`)
    .option("--json", "print { followUps, concerns } as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk followups answer.md -q "Tell me about yourself" --role ml-engineer\n  pbpaste | derisk followups - --question "Tell me about yourself" --role ml-engineer --json',
    )
    .action(async (file: string, flags: FollowUpsFlags) => {
      const { detectConcerns, predictFollowUps } = await import("../../core/packaging/index.ts");
      const role = parseRoleFlag(flags.role);
      const text = await readTextArg(ctx, file, "answer");
      const followUps = predictFollowUps(text, {
        ...(role ? { role } : {}),
        ...(flags.question ? { question: flags.question } : {}),
      });
      const concerns = detectConcerns(text, role ? { role } : {});
      if (flags.json) {
        ctx.out(JSON.stringify({ followUps, concerns }, null, 2));
        return;
      }
      const { style } = ctx;
      const lines = [style.bold(`Likely follow-ups (${followUps.length})`)];
      for (const f of followUps) {
        lines.push(`• ${f.question}`, style.dim(`    because you said “${f.trigger}” — ${f.reason}`));
      }
      if (followUps.length === 0) lines.push(style.dim("  none predicted"));
      lines.push("", style.bold(`Concerns (${concerns.length})`));
      for (const c of concerns) {
        lines.push(`${style.yellow("!")} ${c.judgement}`);
        for (const t of c.triggers.slice(0, 3)) lines.push(style.dim(`    “${t.sentence}”`));
        lines.push(`    why: ${c.why}`, `    reframe: ${c.reframe}`);
      }
      if (concerns.length === 0) lines.push(style.dim("  none triggered"));
      ctx.out(lines.join("\n"));
    });
}
