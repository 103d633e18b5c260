import type { Command } from "commander";
import { resolveId } from "../../app/ids.ts";
import type { StoredStory } from "../../app/stories.ts";
import { stripMarkup } from "../../core/markup.ts";
import { shortId, shortIds } from "../../core/short-ids.ts";
import type { CliContext } from "../context.ts";
import { rejectUnknownSubcommand } from "../default-command.ts";
import type { Style } from "../render/style.ts";

/**
 * A document's title as a story line names it: cut after a whole word at 40 characters.
 * @example fromDocument("Senior ML engineer prep, autumn round") // "from “Senior ML engineer prep, autumn round”"
 */
export function fromDocument(title: string): string {
  const cut = title.length <= 40 ? title : `${title.slice(0, 40).replace(/\s+\S*$/, "")}…`;
  return `from “${cut}”`;
}

/** The question a story's answer was asked, with the answer's variant: “Tell me about…” (ML-focused). */
function answers(story: StoredStory): string {
  return `“${stripMarkup(story.question ?? "")}”${story.variant === undefined ? "" : ` (${story.variant})`}`;
}

function renderStoryList(
  stories: readonly StoredStory[],
  documents: ReadonlyMap<string, string>,
  style: Style,
): string {
  if (stories.length === 0) {
    return "No stories in your bank yet: derisk stories from-document turns your imported answers into stories.";
  }
  const lines = [style.bold(`${stories.length} ${stories.length === 1 ? "story" : "stories"}`)];
  const short = shortIds(stories.map((story) => story.id));
  for (const story of stories) {
    const competencies = story.competencies.length > 0 ? story.competencies.join(", ") : "no competency yet";
    const document = documents.get(story.id);
    const source = document === undefined ? "" : `${fromDocument(document)} · `;
    lines.push(`${short(story.id)}  ${story.title}`);
    // The title says what happened; the question it answers stays in view beneath it.
    if (story.question !== undefined) lines.push(style.dim(`    answers ${answers(story)}`));
    lines.push(style.dim(`    ${source}${competencies}`));
  }
  return lines.join("\n");
}

function renderStory(story: StoredStory, style: Style): string {
  const lines = [style.bold(story.title), style.dim(`id ${shortId(story.id)} · version ${story.version}`)];
  if (story.sourceItemId !== undefined)
    lines.push(
      style.dim(
        `drawn from answer ${shortId(story.sourceItemId)}${story.question === undefined ? "" : ` to ${answers(story)}`}`,
      ),
    );
  const part = (label: string, text: string) => {
    if (text.trim() !== "") lines.push("", style.bold(label), text);
  };
  part("Situation", story.situation);
  part("Task", story.task);
  if (story.actions.length > 0) {
    lines.push("", style.bold("Actions"), ...story.actions.map((a, i) => `${i + 1}. ${a}`));
  }
  part("Result", story.result);
  part("Lesson", story.lesson);
  lines.push("");
  if (story.metrics.length > 0) lines.push(`${style.dim("metrics:")} ${story.metrics.join("; ")}`);
  if (story.tags.length > 0) lines.push(`${style.dim("tags:")} ${story.tags.join(", ")}`);
  if (story.competencies.length > 0)
    lines.push(`${style.dim("competencies:")} ${story.competencies.join(", ")}`);
  return lines.join("\n").trimEnd();
}

/**
 * Registers `derisk stories` (list, show, from-answer, from-document, delete): the stories
 * in the bank, and turning imported answers into stories in one step.
 * @example registerStoriesCommand(program, createContext()); // derisk stories from-document
 */
export function registerStoriesCommand(program: Command, ctx: CliContext): void {
  const stories = program
    .command("stories")
    .description(
      "your stories (the raw material answers are composed from): list, show, draw from answers, delete",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  derisk stories from-document\n  derisk stories list\n  derisk stories show 3f2a\n  derisk stories from-answer 9c1d --json",
    );

  rejectUnknownSubcommand(stories, stories.command("list", { isDefault: true }))
    .addHelpText("after", "\nExamples:\n  derisk stories list\n  derisk stories list --json")
    .description("list the stories in your bank, most recently edited first")
    .option("--json", "print { stories } as JSON")
    .action(async (flags: { json?: boolean }) => {
      const { storiesAsShown, storyDocuments } = await import("../../app/stories.ts");
      const [list, documents] = await ctx.withStore(
        async (store, userId) =>
          [await storiesAsShown(store, userId), await storyDocuments(store, userId)] as const,
      );
      if (flags.json) ctx.out(JSON.stringify({ stories: list }, null, 2));
      else ctx.report(renderStoryList(list, documents, ctx.style));
    });

  stories
    .command("show")
    .addHelpText("after", "\nExamples:\n  derisk stories show 3f2a\n  derisk stories show 3f2a --json")
    .description("show one story")
    .argument("<id>", "story id (see derisk stories list)")
    .option("--json", "print { story } as JSON")
    .action(async (storyId: string, flags: { json?: boolean }) => {
      const { storyAsShown } = await import("../../app/stories.ts");
      const story = await ctx.withStore(async (store, userId) =>
        storyAsShown(store, userId, await resolveId(store, userId, "story", storyId)),
      );
      if (flags.json) ctx.out(JSON.stringify({ story }, null, 2));
      else ctx.report(renderStory(story, ctx.style));
    });

  stories
    .command("from-answer")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk stories from-answer 9c1d\n  derisk stories from-accomplishment 7e0b --json",
    )
    .alias("from-accomplishment")
    .description(
      "turn one imported answer (STAR or free text) or accomplishment line (its result; you write the rest) into a story",
    )
    .argument("<item>", "answer or accomplishment id (see derisk show --kind answer --json)")
    .option("--json", "print { story, created } as JSON")
    .action(async (itemId: string, flags: { json?: boolean }) => {
      const { createStoryFromAnswer } = await import("../../app/stories.ts");
      const result = await ctx.withStore(async (store, userId) =>
        createStoryFromAnswer(store, userId, await resolveId(store, userId, "item", itemId)),
      );
      if (flags.json) {
        ctx.out(JSON.stringify(result, null, 2));
        return;
      }
      const verb = result.created ? ctx.style.green("created") : ctx.style.dim("already a story:");
      ctx.out(`${verb} ${shortId(result.story.id)}  ${result.story.title}`);
    });

  stories
    .command("from-document")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk stories from-document\n  derisk stories from-document 0b6f --json",
    )
    .description(
      "turn every STAR-like answer of a document into a story (answers already converted are skipped)",
    )
    .argument("[document]", "document id (default: your most recently updated, not the sample)")
    .option("--json", "print { documentId, created, existing, skipped } as JSON")
    .action(async (documentId: string | undefined, flags: { json?: boolean }) => {
      const { listDocuments, resolveDocumentId } = await import("../../app/bank.ts");
      const { createStoriesFromDocument } = await import("../../app/stories.ts");
      const [result, documents] = await ctx.withStore(async (store, userId) => {
        const all = await listDocuments(store, userId);
        // Without an id, the user's own latest document: stories drawn from the sample are not
        // their evidence once they have a document of their own (match, tailor and coverage leave
        // them out), so drawing from it then would make stories nothing reads.
        const [own] = all.filter((d) => !d.sample).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
        const id =
          documentId === undefined && own !== undefined
            ? own.id
            : await resolveDocumentId(store, userId, documentId);
        return [await createStoriesFromDocument(store, userId, id), all] as const;
      });
      if (flags.json) {
        ctx.out(JSON.stringify(result, null, 2));
        return;
      }
      const { style } = ctx;
      const short = shortIds(result.created.map((s) => s.id));
      // Without an id the latest document is read: name it, so a user with several sees which.
      const drawnFrom = documents.find((d) => d.id === result.documentId);
      const title = drawnFrom?.title ?? "";
      // The sample, updated later, was passed over: say so, or "most recently updated" reads false.
      const passedOver = documents.some((d) => d.sample && d.updatedAt > (drawnFrom?.updatedAt ?? ""));
      const latest = `, your most recently updated document${passedOver ? " (the sample left aside)" : ""}`;
      const none = result.created.length + result.existing.length + result.skipped.length === 0;
      const lines = [
        `From “${title}” (${shortId(result.documentId)})${documentId === undefined ? latest : ""}:`,
        style.bold(
          `${result.created.length} new ${result.created.length === 1 ? "story" : "stories"}, ${result.existing.length} already converted, ${result.skipped.length} skipped`,
        ),
        ...result.created.map((s) => `${style.green("+")} ${short(s.id)}  ${s.title}`),
        // Named as derisk show names an answer (Q1 · core “…” [id]), never by its internal key.
        ...result.skipped.map((s) =>
          style.dim(
            `  skipped ${s.questionNumber === undefined ? "" : `${s.questionNumber} · `}${s.variant} “${s.question}” [${shortId(s.itemId)}]: ${s.reason}`,
          ),
        ),
        ...(none && documents.length > 1
          ? [
              `It has no answers to draw stories from. Name another document: derisk stories from-document ID (derisk list shows ${documents.length === 2 ? "both" : `all ${documents.length}`}).`,
            ]
          : none
            ? ["It has no answers to draw stories from: import your prep notes with derisk import FILE."]
            : []),
      ];
      ctx.report(lines.join("\n"));
    });

  stories
    .command("delete")
    .addHelpText("after", "\nExample:\n  derisk stories delete 3f2a")
    .alias("rm")
    .description("delete a story (the answer it was drawn from stays)")
    .argument("<id>", "story id")
    .option("--json", "print { deleted } as JSON")
    .action(async (storyId: string, flags: { json?: boolean }) => {
      const { deleteStory } = await import("../../app/stories.ts");
      const deleted = await ctx.withStore(async (store, userId) => {
        const id = await resolveId(store, userId, "story", storyId);
        await deleteStory(store, userId, id);
        return id;
      });
      ctx.out(flags.json ? JSON.stringify({ deleted }) : `${ctx.style.green("deleted")} ${shortId(deleted)}`);
    });
}
