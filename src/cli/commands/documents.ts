import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import { PREP_ITEM_KINDS } from "../../core/model.ts";
import { shortId } from "../../core/short-ids.ts";
import type { CliContext } from "../context.ts";
import { renderDocument, renderDocumentList } from "../render/documents.ts";

export function registerDocumentCommands(program: Command, ctx: CliContext): void {
  program
    .command("list")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk list\n  derisk list --json\n  derisk list questions --kind technical",
    )
    .alias("ls")
    .description(
      "list the documents in your bank, or the question bank (derisk list questions: your documents' questions, those you added, the built-in ones)",
    )
    .argument("[what]", "documents (the default) or questions")
    .option("--competency <id>", "questions: only one competency")
    .option("--tag <tag>", "questions: only ml-concept or ml-engineering")
    .option("--kind <kind>", "questions: technical or behavioral")
    .option("--json", "print as JSON")
    .action(
      async (
        what: string | undefined,
        options: { json?: boolean; competency?: string; tag?: string; kind?: string },
      ) => {
        if (what === "questions") {
          const { listQuestionsAction } = await import("./drill.ts");
          await listQuestionsAction(ctx, options);
          return;
        }
        if (what !== undefined && what !== "documents")
          throw new DeriskError("USAGE", `derisk list ${what}: list documents or questions.`);
        if (options.competency !== undefined || options.tag !== undefined || options.kind !== undefined)
          throw new DeriskError(
            "USAGE",
            "--competency, --tag and --kind filter questions: derisk list questions --tag ml-concept.",
          );
        const { listDocuments } = await import("../../app/bank.ts");
        const documents = await ctx.withStore((store, userId) => listDocuments(store, userId));
        if (options.json) ctx.out(JSON.stringify({ documents }, null, 2));
        else ctx.report(renderDocumentList(documents, ctx.style));
      },
    );

  program
    .command("show")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk show\n  derisk show 3f2a --kind answer\n  derisk show 3f2a --json",
    )
    .description(
      "show a document: answers by question with variants, follow-ups, concerns, technical bank, notes",
    )
    .argument("[document]", "document id (default: the most recently updated)")
    .option(
      "--kind <kind>",
      "only items of this kind (answer, follow-up, concern, technical-question, accomplishment, to-do, snippet, note…)",
    )
    .option("--json", "print as JSON")
    .action(async (documentId: string | undefined, options: { kind?: string; json?: boolean }) => {
      const kind = options.kind;
      if (kind !== undefined && !(PREP_ITEM_KINDS as readonly string[]).includes(kind)) {
        throw new DeriskError(
          "USAGE",
          `--kind ${kind} is not a kind of item; use one of: ${PREP_ITEM_KINDS.join(", ")}.`,
        );
      }
      const { getDocument, resolveDocumentId } = await import("../../app/bank.ts");
      const result = await ctx.withStore(async (store, userId) => {
        return getDocument(store, userId, await resolveDocumentId(store, userId, documentId));
      });
      const items = kind ? result.items.filter((item) => item.kind === kind) : result.items;
      if (options.json) ctx.out(JSON.stringify({ ...result, items }, null, 2));
      else if (kind !== undefined && items.length === 0)
        // Said, not an empty page: without an id the latest document is shown, maybe not the one meant.
        ctx.report(
          `${renderDocument(result.document, items, ctx.style)}\nNo ${kind} items in this document. Another document: derisk show ID --kind ${kind} (derisk list shows your documents).`,
        );
      else ctx.report(renderDocument(result.document, items, ctx.style));
    });

  program
    .command("rename")
    .description("rename a document (the new title is kept when you import its file again)")
    .argument("<document>", "document id (see derisk list)")
    .argument("<title>", "the new title")
    .option("--expected-version <n>", "refuse if the document changed since this version")
    .option("--json", "print the renamed document as JSON")
    .addHelpText("after", '\nExample:\n  derisk rename 0b6f "ML Engineer prep"')
    .action(
      async (documentId: string, title: string, options: { expectedVersion?: string; json?: boolean }) => {
        const { renameDocument } = await import("../../app/bank.ts");
        const expectedVersion =
          options.expectedVersion === undefined ? undefined : Number(options.expectedVersion);
        if (expectedVersion !== undefined && !(Number.isInteger(expectedVersion) && expectedVersion >= 1)) {
          throw new DeriskError(
            "USAGE",
            `--expected-version must be a whole number from 1 (got "${options.expectedVersion}"): see derisk list --json.`,
          );
        }
        const document = await ctx.withStore(async (store, userId) =>
          renameDocument(store, userId, await resolveId(store, userId, "document", documentId), {
            title,
            ...(expectedVersion === undefined ? {} : { expectedVersion }),
          }),
        );
        ctx.out(
          options.json
            ? JSON.stringify({ document }, null, 2)
            : `Renamed ${ctx.style.dim(shortId(document.id))} to ${ctx.style.bold(document.title)}`,
        );
      },
    );
}
