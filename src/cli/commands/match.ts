import type { Command } from "commander";
import { ROLE_IDS } from "../../core/model.ts";
import type { CliContext } from "../context.ts";
import { parsePositiveFlag, parseRoleFlag, readStoriesFlag } from "./compose.ts";

interface MatchFlags {
  stories?: string;
  role?: string;
  limit?: string;
  json?: boolean;
}

/**
 * Registers `derisk match`: ranks stories for a question.
 * Reads no store; stories come from `--stories FILE.json` for now.
 * @example registerMatchCommand(program, createContext()); // derisk match "Tell me about a conflict" --stories stories.json
 */
export function registerMatchCommand(program: Command, ctx: CliContext): void {
  program
    .command("match")
    .description("rank your stories for a question, with the reasons for each")
    .argument("<question>", "the interview question")
    .requiredOption(
      "--stories <file>",
      "a JSON array of stories ({title, situation, actions, result, lesson, competencies})",
    )
    .option("-r, --role <id>", `target role (${ROLE_IDS.join(", ")})`)
    .option("--limit <n>", "how many stories to show", "5")
    .option("--json", "print the ranking as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk match "Tell me about a time you failed" --stories stories.json\n  derisk match "Tell me about a conflict" --stories stories.json --role ml-engineer --json',
    )
    .action(async (question: string, flags: MatchFlags) => {
      const { rankStories } = await import("../../core/packaging/index.ts");
      const role = parseRoleFlag(flags.role);
      const limit = Math.floor(parsePositiveFlag("--limit", flags.limit) ?? 5);
      const stories = await readStoriesFlag(ctx, flags.stories);
      const ranking = rankStories(question, stories, { limit, ...(role ? { role } : {}) });
      if (flags.json) {
        ctx.out(JSON.stringify(ranking, null, 2));
        return;
      }
      const { style } = ctx;
      const lines = [style.bold(`Question competency: ${ranking.competency}`), ""];
      ranking.results.forEach((r, i) => {
        lines.push(`${i + 1}. ${style.bold(r.title)} ${style.dim(`(${r.storyId}, score ${r.score})`)}`);
        for (const reason of r.reasons) lines.push(style.dim(`     ${reason}`));
      });
      if (ranking.results.length === 0) lines.push(style.dim("No stories."));
      for (const warning of ranking.warnings) lines.push(style.yellow(`! ${warning}`));
      ctx.out(lines.join("\n"));
    });
}
