import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import type { FollowUpPrediction } from "../../app/packaging.ts";
import { stripMarkup } from "../../core/markup.ts";
import { ROLE_IDS } from "../../core/model.ts";
import { shortId } from "../../core/short-ids.ts";
import type { CliContext } from "../context.ts";
import { questionText } from "../question-text.ts";
import { parseRoleFlag, readTextArg } from "./compose.ts";

interface FollowUpsFlags {
  question?: string;
  role?: string;
  answer?: string;
  prepare?: string;
  text?: string;
  json?: boolean;
}

/**
 * Registers `derisk followups`: predicts follow-ups and concerns for an answer. With
 * `--answer ID` each prediction links to the prepared answer in the bank, and each concern
 * to the user's own reframing lines; a FILE is read without opening the bank.
 * @example registerFollowUpsCommand(program, createContext()); // derisk followups --answer 3f2a --role ml-engineer
 */
export function registerFollowUpsCommand(program: Command, ctx: CliContext): void {
  program
    .command("followups")
    .description(
      "predict the follow-up questions and the concerns an answer invites, with the phrase that causes each",
    )
    .argument("[file]", "the answer text, or - for standard input (or use --answer ID)")
    .option("--answer <id>", "an answer in your bank: links predictions to your prepared follow-ups")
    .option("-q, --question <text>", "the interview question (default for --answer: its own)", questionText)
    .option("-r, --role <id>", `target role (${ROLE_IDS.join(", ")})`)
    .option(
      "--prepare <question>",
      "with --answer: save your answer to this follow-up under the answer's question",
    )
    .option("--text <answer>", "with --prepare: what you would say (- for standard input)")
    .option("--json", "print { followUps, concerns } as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk followups --answer 3f2a --role ml-engineer\n  derisk followups --answer 3f2a --prepare "What would you do differently?" \\\n    --text "I would…"\n  derisk followups answer.md -q "Tell me about yourself" --role ml-engineer\n  pbpaste | derisk followups - --question "Tell me about yourself" \\\n    --role ml-engineer --json',
    )
    .action(async (file: string | undefined, flags: FollowUpsFlags) => {
      const role = parseRoleFlag(flags.role);
      if (flags.prepare !== undefined || flags.text !== undefined) {
        const { prepare: question, text: answer, answer: itemId } = flags;
        if (question === undefined || answer === undefined || itemId === undefined || file !== undefined)
          throw new DeriskError(
            "USAGE",
            'Prepare a follow-up with --answer ID --prepare "the question" --text "your answer" (and no FILE).',
          );
        const { prepareFollowUp } = await import("../../app/packaging.ts");
        // `--text -` reads standard input, as `-` does everywhere (saved as written, a lone "-"
        // would be the prepared answer).
        const said = answer === "-" ? (await readTextArg(ctx, "-", "answer")).trimEnd() : answer;
        const item = await ctx.withStore(async (store, userId) =>
          prepareFollowUp(store, userId, await resolveId(store, userId, "item", itemId), {
            question,
            answer: said,
          }),
        );
        if (flags.json) ctx.out(JSON.stringify({ item }, null, 2));
        else
          ctx.out(
            `Prepared ${item.key}: “${question}” is now answered in your bank (id ${shortId(item.id)}).`,
          );
        return;
      }
      let result: FollowUpPrediction;
      const fromBank = flags.answer !== undefined;
      if (flags.answer !== undefined) {
        if (file !== undefined)
          throw new DeriskError("USAGE", "Give either a FILE or --answer ID, not both.");
        if (flags.question !== undefined)
          throw new DeriskError(
            "USAGE",
            "--question goes with a FILE: a stored answer is read against its own question.",
          );
        const itemId = flags.answer;
        const { predictItemFollowUps } = await import("../../app/packaging.ts");
        result = await ctx.withStore(async (store, userId) =>
          predictItemFollowUps(store, userId, await resolveId(store, userId, "item", itemId), role),
        );
      } else {
        if (file === undefined)
          throw new DeriskError(
            "USAGE",
            "Give the answer: --answer ID from your bank, or a FILE (or - for standard input).",
          );
        const { detectConcerns, predictFollowUps } = await import("../../core/packaging/index.ts");
        const text = await readTextArg(ctx, file, "answer", "--answer");
        result = {
          followUps: predictFollowUps(text, {
            ...(role ? { role } : {}),
            ...(flags.question ? { question: flags.question } : {}),
          }),
          concerns: detectConcerns(text, role ? { role } : {}),
        };
      }
      const { followUps, concerns } = result;
      if (flags.json) {
        ctx.out(JSON.stringify(fromBank ? result : { followUps, concerns }, null, 2));
        return;
      }
      const { style } = ctx;
      const { concernQuotes } = await import("../../core/packaging/concerns.ts");
      const lines = [style.bold(`Likely follow-ups (${followUps.length})`)];
      for (const f of followUps) {
        // With nothing quoted, the reason stands as its own sentence ("After a story …").
        const why = f.trigger === "" ? f.reason : `because you said “${f.trigger}” — ${f.reason}`;
        lines.push(`• ${f.question}`, style.dim(`    ${why}`));
        if (f.preparedAnswer !== undefined) {
          const where =
            f.preparedQuestion !== undefined && f.preparedQuestion !== f.question
              ? style.dim(` (your answer to “${f.preparedQuestion}”)`)
              : "";
          lines.push(`    ${style.green("prepared:")} “${oneLine(f.preparedAnswer)}”${where}`);
        } else if (f.answeredIn !== undefined) {
          lines.push(`    ${style.green("answered in this answer:")} “${oneLine(f.answeredIn.text)}”`);
        } else if (fromBank)
          lines.push(
            `    ${style.yellow("gap:")} nothing prepared yet — derisk followups --answer ${result.itemId === undefined ? "ID" : shortId(result.itemId)} --prepare "${f.question}" --text "…"`,
          );
      }
      if (followUps.length === 0) lines.push(style.dim("  none predicted"));
      lines.push("", style.bold(`Concerns (${concerns.length})`));
      for (const c of concerns) {
        lines.push(`${style.yellow("!")} ${c.judgement}`);
        for (const quote of concernQuotes(c).slice(0, 3))
          lines.push(style.dim(`    “${oneLine(quote.sentence)}”`));
        lines.push(`    why: ${c.why}`, `    reframe: ${c.reframe}`);
        for (const line of c.reframes) lines.push(`    ${style.green("your line:")} “${oneLine(line)}”`);
      }
      if (concerns.length === 0) lines.push(style.dim("  none triggered"));
      if (result.sampleLeftOut !== undefined) lines.push("", style.dim(result.sampleLeftOut));
      ctx.report(lines.join("\n"));
    });
}

// A prepared answer of several lines or paragraphs, quoted under its follow-up on one line:
// its own line breaks would start lines at the margin, outside the list.
// One line as said: markup and STAR labels out, line breaks joined.
const oneLine = (text: string) =>
  stripMarkup(text)
    .replace(/\s*\n\s*/g, " ")
    .trim();
