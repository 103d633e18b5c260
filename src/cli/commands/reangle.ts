import type { Command } from "commander";
import { DeriskError, kindWithArticle } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import type { BetterVariant } from "../../app/packaging.ts";
import { ROLE_IDS } from "../../core/model.ts";
import type { Reangled } from "../../core/packaging/index.ts";
import { roleInSentence } from "../../core/packaging/role-terms.ts";
import { shortId } from "../../core/short-ids.ts";
import type { CliContext } from "../context.ts";
import { questionText } from "../question-text.ts";
import { wrapLine } from "../render/wrap.ts";
import { parseRoleFlag, readTextArg } from "./compose.ts";

interface ReangleFlags {
  role: string;
  fromRole?: string;
  question?: string;
  answer?: string;
  save?: string;
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
      questionText,
    )
    .option(
      "--save <label>",
      'with --answer: save the re-angled text as a new variant of its question, labelled LABEL (e.g. "ML engineer")',
    )
    .option("--json", "print the re-angled text, the diff and the role-vocabulary shares as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk reangle --answer 3f2a --from-role mlops-engineer --role ml-engineer\n  derisk reangle --answer 3f2a --role ml-engineer --save "ML engineer"\n' +
        "  derisk reangle answer.md --from-role mlops-engineer --role ml-engineer\n  pbpaste | derisk reangle - --role ml-engineer --json",
    )
    .action(async (file: string | undefined, flags: ReangleFlags) => {
      const toRole = parseRoleFlag(flags.role, "--role", true) ?? "ml-engineer";
      const fromRole = parseRoleFlag(flags.fromRole, "--from-role");
      const options = {
        ...(fromRole ? { fromRole } : {}),
        ...(flags.question ? { question: flags.question } : {}),
      };
      let out: Reangled & { betterVariant?: BetterVariant };
      let saved: { key: string; variant: string; id: string } | undefined;
      if (flags.save !== undefined && flags.answer === undefined)
        throw new DeriskError(
          "USAGE",
          "--save needs --answer ID: a variant is saved under the question of an answer in your bank. For a FILE, save the text with derisk add-variant.",
        );
      if (flags.save !== undefined && flags.save.trim() === "")
        throw new DeriskError(
          "USAGE",
          '--save needs a label for the new variant, e.g. --save "ML engineer".',
        );
      if (flags.answer !== undefined) {
        if (file !== undefined)
          throw new DeriskError("USAGE", "Give either a FILE or --answer ID, not both.");
        const itemId = flags.answer;
        const { reangleAnswer } = await import("../../app/packaging.ts");
        const label = flags.save?.trim();
        out = await ctx.withStore(async (store, userId) => {
          const id = await resolveId(store, userId, "item", itemId);
          const reangled = await reangleAnswer(store, userId, id, toRole, options);
          if (label === undefined) return reangled;
          const item = await store.items.getItem(userId, id);
          if (item.kind !== "answer")
            throw new DeriskError(
              "USAGE",
              `--save saves a variant of an answer, and ${shortId(id)} is ${kindWithArticle(item.kind)}: re-angle an answer (derisk show --kind answer) to save the result.`,
            );
          if (reangled.diff.every((d) => d.status === "kept")) {
            const { ROLE_VOCABULARY } = await import("../../core/packaging/data/role-vocabulary.ts");
            throw new DeriskError(
              "USAGE",
              `Nothing saved: re-angling kept every sentence, so this answer already fits ${roleInSentence(ROLE_VOCABULARY[toRole].title)} as written and a new variant would copy it word for word. Run derisk reangle --answer ${shortId(id)} --role ${toRole} without --save to see the diff, or save an edited text with derisk add-variant.`,
            );
          }
          const { saveAnswerVariant } = await import("../../app/bank.ts");
          const stored = await saveAnswerVariant(store, userId, item.documentId, {
            questionKey: item.questionKey,
            variant: label,
            text: reangled.text,
            source: "re-angled",
          });
          saved = {
            id: stored.id,
            key: stored.key,
            variant: stored.kind === "answer" ? stored.variant : label,
          };
          return reangled;
        });
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
        ctx.out(JSON.stringify(saved === undefined ? out : { ...out, saved }, null, 2));
        return;
      }
      const { style } = ctx;
      const { ROLE_VOCABULARY } = await import("../../core/packaging/data/role-vocabulary.ts");
      // The role as a reader says it inside a sentence ("ML engineer"), not the flag's id ("ml-engineer").
      const roleTitle = roleInSentence(ROLE_VOCABULARY[toRole].title);
      const pct = (n: number) => `${Math.round(n * 100)}%`;
      const lines = [
        style.bold(
          `Re-angled for ${roleTitle}: core vocabulary ${pct(out.coreShare.before)} → ${pct(out.coreShare.after)}`,
        ),
        "",
        out.text,
        // Lines kept as written that have no subject: how a candidate would say them.
        ...(out.subjectless === undefined ? [] : ["", style.yellow(`! ${out.subjectless}`)]),
        // A kept line that names another role's team, said to this panel as written.
        ...(out.namesOtherRole === undefined ? [] : ["", style.yellow(`! ${out.namesOtherRole}`)]),
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
        // Padded before it is coloured, and each entry continues under its own text, kept or trimmed.
        const mark =
          d.status === "trimmed" ? style.red("- trimmed".padEnd(9)) : style.dim("= kept".padEnd(9));
        lines.push(...wrapLine(`${mark} ${d.text} ${style.dim(`(${d.reason})`)}`, ctx.columns, 10));
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
      if (saved !== undefined) {
        lines.push(
          "",
          style.green(
            `Saved as variant "${saved.variant}" of ${saved.key.split("/")[0]} (${shortId(saved.id)}).`,
          ),
        );
      }
      ctx.report(lines.join("\n"));
    });
}
