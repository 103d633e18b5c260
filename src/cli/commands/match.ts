import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { ROLE_IDS } from "../../core/model.ts";
import type { Ranking } from "../../core/packaging/index.ts";
import { shortIds } from "../../core/short-ids.ts";
import type { CliContext } from "../context.ts";
import { readQuestionArg } from "../read-input.ts";
import { parsePositiveFlag, parseRoleFlag, readStoriesFlag } from "./compose.ts";
import { fromDocument } from "./stories.ts";

interface MatchFlags {
  stories?: string;
  role?: string;
  limit?: string;
  json?: boolean;
}

/**
 * Registers `derisk match`: ranks stories for a question — the stories in the bank, or
 * those of `--stories FILE.json` (then the bank is not opened).
 * @example registerMatchCommand(program, createContext()); // derisk match "Tell me about a conflict"
 */
export function registerMatchCommand(program: Command, ctx: CliContext): void {
  program
    .command("match")
    .description("rank your stories for a question, with the reasons for each")
    .argument("<question>", 'the interview question ("-" reads it from standard input)')
    .option(
      "--stories <file>",
      "a JSON array of stories ({title, situation, actions, result, lesson, competencies}); default: the stories in your bank",
    )
    .option("-r, --role <id>", `target role (${ROLE_IDS.join(", ")})`)
    .option("--limit <n>", "how many stories to show", "5")
    .option("--json", "print the ranking as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk match "Tell me about a time you failed"\n  derisk match "Tell me about a time you failed" --stories stories.json\n  derisk match "Tell me about a conflict" --stories stories.json \\\n    --role ml-engineer --json',
    )
    .action(async (asked: string, flags: MatchFlags) => {
      // "-" reads the question from standard input, as classify does; before, the dash itself
      // was ranked against (as an about-me question), and an empty question was no error.
      const fromStdin = asked === "-";
      if (fromStdin && flags.stories === "-")
        throw new DeriskError(
          "USAGE",
          "Standard input can hold the question or the stories, not both: give the stories as a file.",
        );
      const question = await readQuestionArg(ctx, [asked], "match");
      const role = parseRoleFlag(flags.role);
      const limit = Math.floor(parsePositiveFlag("--limit", flags.limit) ?? 5);
      const options = { limit, ...(role ? { role } : {}) };
      let ranking: Ranking & { sampleLeftOut?: string };
      // The document each bank story was drawn from, named when the bank holds several.
      let documents: ReadonlyMap<string, string> = new Map();
      // How many stories the bank holds, the sample's included: none ranked need not mean none.
      let stored = 0;
      if (flags.stories === undefined) {
        const { matchQuestion } = await import("../../app/packaging.ts");
        const { storyDocuments } = await import("../../app/stories.ts");
        [ranking, documents, stored] = await ctx.withStore(
          async (store, userId) =>
            [
              await matchQuestion(store, userId, question, options),
              await storyDocuments(store, userId),
              (await store.stories.listStories(userId)).length,
            ] as const,
        );
      } else {
        const { rankStories } = await import("../../core/packaging/index.ts");
        const { withSentenceEmbeddings } = await import("../../app/encoder.ts");
        const stories = await readStoriesFlag(ctx, flags.stories);
        ranking = await withSentenceEmbeddings((embeddings) =>
          rankStories(question, stories, embeddings === undefined ? options : { ...options, embeddings }),
        );
      }
      if (flags.json) {
        ctx.out(JSON.stringify(ranking, null, 2));
        return;
      }
      const { style } = ctx;
      // The ranking sum is no grade: its words part is relative to the best story, so the top one
      // of weak stories would show a high figure beside "does not serve". The reasons say the fit.
      const lines = [
        style.bold(`Question competency: ${ranking.competency}`),
        style.dim(
          "Ranked by competency, then shared words and meaning, then evidence (--json has the figures).",
        ),
        "",
      ];
      // A --stories file's ids are the file's own: shown as written.
      const short =
        flags.stories === undefined ? shortIds(ranking.results.map((r) => r.storyId)) : (id: string) => id;
      ranking.results.forEach((r, i) => {
        const document = documents.get(r.storyId);
        const where = document === undefined ? "" : ` · ${fromDocument(document)}`;
        lines.push(`${i + 1}. ${style.bold(r.title)} ${style.dim(`(${short(r.storyId)}${where})`)}`);
        for (const reason of r.reasons) lines.push(style.dim(`     ${reason}`));
      });
      // Stories there but all drawn from the sample, which is left out: say so, not "no stories".
      const onlySample = ranking.results.length === 0 && stored > 0 && ranking.sampleLeftOut !== undefined;
      if (ranking.results.length === 0)
        lines.push(
          style.dim(
            flags.stories !== undefined
              ? "No stories."
              : onlySample
                ? `${stored === 1 ? "The one story in your bank was" : `All ${stored} stories in your bank were`} drawn from the sample document, which is not used as your evidence once you have your own: derisk stories from-document turns your own answers into stories.`
                : "No stories in your bank yet: derisk stories from-document turns your answers into stories.",
          ),
        );
      for (const warning of ranking.warnings) lines.push(style.yellow(`! ${warning}`));
      if (ranking.sampleLeftOut !== undefined && !onlySample) lines.push(style.dim(ranking.sampleLeftOut));
      ctx.report(lines.join("\n"));
    });
}
