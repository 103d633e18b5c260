import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import type { CliContext } from "../context.ts";
import { parseExpectedVersion } from "../expected-version.ts";
import { decodeUtf8Strict, readInput } from "../read-input.ts";

/**
 * The text given with --text, or read from --from FILE (standard input by default). `--text -`
 * reads standard input too, as `-` does everywhere in derisk: saved as written, a lone "-"
 * would replace the answer.
 */
async function textOption(ctx: CliContext, options: { text?: string; from?: string }): Promise<string> {
  if (options.text !== undefined && options.text !== "-") return options.text;
  const from = options.text === "-" ? "-" : (options.from ?? "-");
  return decodeUtf8Strict(await readInput(ctx, from, 1024 * 1024), from).trimEnd();
}

export function registerEditCommand(program: Command, ctx: CliContext): void {
  program
    .command("set")
    .alias("edit")
    .description("replace the text of an answer (or a follow-up's prepared answer)")
    .argument("<item>", "item id (see derisk show --json)")
    .option("--text <text>", "the new text, or - for standard input")
    .option("--from <file>", "read the new text from FILE, or - for standard input")
    .option("--expected-version <n>", "refuse if the item changed since this version")
    .option("--json", "print the updated item as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk set 3f2a --text "I led the migration…"\n  derisk set 3f2a --from answer.txt --expected-version 2',
    )
    .action(
      async (
        itemId: string,
        options: { text?: string; from?: string; expectedVersion?: string; json?: boolean },
      ) => {
        const { editItemText, getItem } = await import("../../app/bank.ts");
        if ((options.text === undefined) === (options.from === undefined)) {
          throw new DeriskError("USAGE", "Give the new text with exactly one of --text TEXT or --from FILE.");
        }
        const text = await textOption(ctx, options);
        // Before: parseInt, so "abc" reached the bank as NaN ("The expected version NaN…", exit 2).
        const expectedVersion = parseExpectedVersion(options.expectedVersion, "derisk show --json");
        const item = await ctx.withStore(async (store, userId) => {
          const id = await resolveId(store, userId, "item", itemId);
          await getItem(store, userId, id);
          return editItemText(store, userId, id, {
            text,
            ...(expectedVersion === undefined ? {} : { expectedVersion }),
          });
        });
        ctx.out(
          options.json
            ? JSON.stringify({ item }, null, 2)
            : `${ctx.style.green("saved")} ${item.kind} ${item.key} (version ${item.version})`,
        );
      },
    );
}

export function registerAddVariantCommand(program: Command, ctx: CliContext): void {
  program
    .command("add-variant")
    .description(
      "save a new answer variant (e.g. a composed or re-angled draft) under a question of a document",
    )
    .requiredOption("--question <key>", "the question's key, e.g. q3 (see derisk show --kind answer --json)")
    .requiredOption("--variant <label>", 'its label, e.g. "ML-focused"')
    .option("--from <file>", "read the text from FILE, or - for standard input", "-")
    .option("-d, --document <id>", "document id (default: the most recently updated)")
    .option(
      "--source <source>",
      "where the text came from, for its history: typed, composed or re-angled",
      "typed",
    )
    .option("--json", "print the new item as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk compose story.json -q "Tell me about a hard bug" \\\n    --role ml-engineer --text > draft.txt\n  derisk add-variant --question q3 --variant "ML-focused" \\\n    --source composed --from draft.txt\n  (a re-angled answer saves itself:\n    derisk reangle --answer ID --role ml-engineer --save "ML engineer")',
    )
    .action(
      async (options: {
        question: string;
        variant: string;
        from: string;
        document?: string;
        source: string;
        json?: boolean;
      }) => {
        const { resolveDocumentId, saveAnswerVariant, VARIANT_SOURCES } = await import("../../app/bank.ts");
        const source = VARIANT_SOURCES.find((s) => s === options.source);
        if (!source) {
          throw new DeriskError(
            "USAGE",
            `Unknown --source "${options.source}": use ${VARIANT_SOURCES.join(", ")}.`,
          );
        }
        const text = decodeUtf8Strict(await readInput(ctx, options.from, 1024 * 1024), options.from);
        const item = await ctx.withStore(async (store, userId) =>
          saveAnswerVariant(store, userId, await resolveDocumentId(store, userId, options.document), {
            questionKey: options.question,
            variant: options.variant,
            text,
            source,
          }),
        );
        ctx.out(
          options.json
            ? JSON.stringify({ item }, null, 2)
            : `${ctx.style.green("saved")} ${item.key}${item.kind === "answer" ? ` (${item.variant})` : ""}`,
        );
      },
    );
}

export function registerTickCommand(program: Command, ctx: CliContext): void {
  program
    .command("tick")
    .description("tick (or with --undo untick) one entry of a to-do list; it is kept in the item's history")
    .argument("<item>", "to-do list id (see derisk show --kind to-do)")
    .argument("<entry>", "the entry's number as derisk show lists it (1, 2, …)")
    .option("--undo", "untick the entry instead")
    .option("--expected-version <n>", "refuse if the list changed since this version")
    .option("--json", "print the updated item as JSON")
    .addHelpText("after", "\nExamples:\n  derisk tick 3f2a 2\n  derisk tick 3f2a 2 --undo")
    .action(
      async (
        itemId: string,
        entryText: string,
        options: { undo?: boolean; expectedVersion?: string; json?: boolean },
      ) => {
        const { setTodoEntry } = await import("../../app/bank.ts");
        if (!/^\d{1,9}$/.test(entryText) || Number(entryText) < 1) {
          throw new DeriskError(
            "BAD_INPUT",
            `The entry "${entryText}" is not an entry number: give 1 for the first entry (derisk show lists them as #1, #2, …).`,
          );
        }
        const expectedVersion = parseExpectedVersion(options.expectedVersion, "derisk show --json");
        const entry = Number(entryText) - 1;
        const item = await ctx.withStore(async (store, userId) =>
          setTodoEntry(store, userId, await resolveId(store, userId, "item", itemId), {
            entry,
            done: options.undo !== true,
            ...(expectedVersion === undefined ? {} : { expectedVersion }),
          }),
        );
        if (options.json) {
          ctx.out(JSON.stringify({ item }, null, 2));
          return;
        }
        const text = item.kind === "to-do" ? (item.entries[entry]?.text ?? "") : "";
        ctx.out(
          `${ctx.style.green(options.undo ? "unticked" : "ticked")} “${text}” in ${item.key} (version ${item.version})`,
        );
      },
    );
}

export function registerAddAnswerCommand(program: Command, ctx: CliContext): void {
  program
    .command("add-answer")
    .description("write the answer to a new question into a document (e.g. a coverage gap)")
    .requiredOption("-q, --question <text>", 'the question, e.g. "Why do you want to join us?"')
    .option("--text <text>", "the answer, or - for standard input")
    .option("--from <file>", "read the answer from FILE, or - for standard input")
    .option("-d, --document <id>", "document id (default: the most recently updated)")
    .option("--json", "print the new item as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk add-answer -q "Why do you want to join us?" --text "Because…"\n  derisk add-answer -q "Tell me about a conflict" --from conflict.txt -d 3f2a',
    )
    .action(
      async (options: {
        question: string;
        text?: string;
        from?: string;
        document?: string;
        json?: boolean;
      }) => {
        const { addAnswer, resolveDocumentId } = await import("../../app/bank.ts");
        if (options.text !== undefined && options.from !== undefined) {
          throw new DeriskError("USAGE", "Give the answer with one of --text TEXT or --from FILE, not both.");
        }
        const text = await textOption(ctx, options);
        const item = await ctx.withStore(async (store, userId) =>
          addAnswer(store, userId, await resolveDocumentId(store, userId, options.document), {
            question: options.question,
            text,
          }),
        );
        ctx.out(
          options.json
            ? JSON.stringify({ item }, null, 2)
            : `${ctx.style.green("saved")} ${item.key}${item.kind === "answer" ? `: ${item.question}` : ""}`,
        );
      },
    );
}
