import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import type { BetterVariant } from "../../app/packaging.ts";
import { ROLE_IDS } from "../../core/model.ts";
import type { Reangled } from "../../core/packaging/index.ts";
import { shortId } from "../../core/short-ids.ts";
import type { CliContext } from "../context.ts";
import { parseRoleFlag, readTextArg } from "./compose.ts";

interface ReangleFlags {
  role: string;
  fromRole?: string;
  question?: string;
  answer?: string;
  json?: boolean;
}

/**
 * Registers `derisk reangle`: re-angles an answer for another role, with a sentence-level
 * diff; the answer is a stored one (`--answer ID`, against its own question) or a FILE.
 * @example registerReangleCommand(program, createContext()); // derisk reangle --answer 3f2a --role ml-engineer
 */
export function registerReangleCommand(program: Command, ctx: CliContext): void {
  program
    .command("reangle")
    .description(
      "trim an answer for another role (e.g. DevOps → ML Engineer), keeping its order and its own sentences, with a sentence-level diff",
    )
    .argument("[file]", "the answer text, or - for standard input (or use --answer ID)")
    .requiredOption("-r, --role <id>", `the role to pitch for (${ROLE_IDS.join(", ")})`)
    .option("--answer <id>", "an answer in your bank (see derisk show --kind answer --json)")
    .option("--from-role <id>", "the role the answer was written for")
    .option(
      "-q, --question <text>",
      "the interview question (sentences it asks about are kept; default for --answer: its own)",
    )
    .option("--json", "print the re-angled text, the diff and the role-vocabulary shares as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk reangle --answer 3f2a --from-role mlops-engineer --role ml-engineer\n  derisk reangle answer.md --from-role mlops-engineer --role ml-engineer\n  pbpaste | derisk reangle - --role ml-engineer --json",
    )
    .action(async (file: string | undefined, flags: ReangleFlags) => {
      const toRole = parseRoleFlag(flags.role, "--role", true) ?? "ml-engineer";
      const fromRole = parseRoleFlag(flags.fromRole, "--from-role");
      const options = {
        ...(fromRole ? { fromRole } : {}),
        ...(flags.question ? { question: flags.question } : {}),
      };
      let out: Reangled & { betterVariant?: BetterVariant };
      if (flags.answer !== undefined) {
        if (file !== undefined)
          throw new DeriskError("USAGE", "Give either a FILE or --answer ID, not both.");
        const itemId = flags.answer;
        const { reangleAnswer } = await import("../../app/packaging.ts");
        out = await ctx.withStore(async (store, userId) =>
          reangleAnswer(store, userId, await resolveId(store, userId, "item", itemId), toRole, options),
        );
      } else {
        if (file === undefined)
          throw new DeriskError(
            "USAGE",
            "Give the answer: --answer ID from your bank, or a FILE (or - for standard input).",
          );
        const { reangle } = await import("../../core/packaging/index.ts");
        out = reangle(await readTextArg(ctx, file, "answer", "--answer"), { toRole, ...options });
      }
      if (flags.json) {
        ctx.out(JSON.stringify(out, null, 2));
        return;
      }
      const { style } = ctx;
      const { ROLE_VOCABULARY } = await import("../../core/packaging/data/role-vocabulary.ts");
      // The role as a reader says it ("ML Engineer"), not the flag's id ("ml-engineer").
      const roleTitle = ROLE_VOCABULARY[toRole].title;
      const pct = (n: number) => `${Math.round(n * 100)}%`;
      const lines = [
        style.bold(
          `Re-angled for ${roleTitle}: core vocabulary ${pct(out.coreShare.before)} → ${pct(out.coreShare.after)}`,
        ),
        "",
        out.text,
        // Lines kept as written that have no subject: how a candidate would say them.
        ...(out.subjectless === undefined ? [] : ["", style.yellow(`! ${out.subjectless}`)]),
        "",
        style.bold("Changes"),
      ];
      if (fromRole === toRole) {
        // Re-angling for the role it was written for: say what it still does.
        lines.splice(
          1,
          0,
          style.yellow(
            `It was written for ${roleTitle} already: re-angling only trims the sentences that speak to other skills.`,
          ),
        );
      }
      if (out.outline !== undefined) lines.splice(1, 0, style.yellow(out.outline));
      for (const d of out.diff) {
        // Padded before it is coloured: colour escapes would count in the padding.
        const mark =
          d.status === "trimmed" ? style.red("- trimmed".padEnd(10)) : style.dim("= kept".padEnd(10));
        lines.push(`${mark} ${d.text} ${style.dim(`(${d.reason})`)}`);
      }
      const better = out.betterVariant;
      if (better !== undefined) {
        lines.push(
          "",
          style.yellow(
            `Your variant "${better.variant}" of this question already fits ${roleTitle} better: ${pct(better.coreShare)} core vocabulary, against ${pct(better.reangledCoreShare)} for this re-angle (derisk reangle --answer ${shortId(better.itemId)}).`,
          ),
        );
      }
      ctx.report(lines.join("\n"));
    });
}
