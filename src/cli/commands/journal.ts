import type { Command } from "commander";
import { resolveId, resolveVersionRef } from "../../app/ids.ts";
import type { JournalEntryDetail, JournalVersion } from "../../app/journal.ts";
import { shortId, shortIds } from "../../core/short-ids.ts";
import type { JournalEntry } from "../../store/index.ts";
import type { CliContext } from "../context.ts";
import { rejectUnknownSubcommand } from "../default-command.ts";
import { parseExpectedVersion } from "../expected-version.ts";
import type { Style } from "../render/style.ts";

function renderList(entries: readonly JournalEntry[], style: Style): string {
  if (entries.length === 0)
    return 'Your journal is empty: derisk journal add --felt "…" writes the first entry (an imported reflection starts it too).';
  const lines = [style.bold(`${entries.length} ${entries.length === 1 ? "entry" : "entries"}`)];
  const short = shortIds(entries.map((entry) => entry.id));
  for (const entry of entries) {
    lines.push(`${short(entry.id)}  ${entry.createdAt.toISOString().slice(0, 10)}  ${entry.title}`);
    if (entry.takeaway !== "") lines.push(style.dim(`    → ${entry.takeaway}`));
  }
  return lines.join("\n");
}

const SOURCES: Record<JournalVersion["source"], string> = {
  imported: "imported",
  typed: "typed",
  restored: "restored",
  earlier: "changed before history was kept",
};

function renderHistory(versions: readonly JournalVersion[], style: Style): string {
  if (versions.length === 0)
    return "No earlier texts are kept for this entry yet: its next edit starts them.";
  const short = shortIds(versions.map((version) => version.id));
  const lines: string[] = [];
  for (const version of versions) {
    const tag = version.current
      ? style.green("current")
      : version.fromBackupAt !== null
        ? `version ${version.version}  ${style.yellow(`from a backup restored ${version.fromBackupAt.toISOString().replace("T", " ").slice(0, 16)}, not applied`)}`
        : `version ${version.version}`;
    const first =
      [version.happened, version.felt]
        .join("\n")
        .split("\n")
        .find((line) => line.trim() !== "") ?? "";
    lines.push(
      `${style.bold(version.createdAt.toISOString().replace("T", " ").slice(0, 19))}  ${SOURCES[version.source]}  ${tag}  ${style.dim(`id ${short(version.id)}`)}`,
      `  ${version.title}${version.takeaway === "" ? "" : style.dim(` → ${version.takeaway}`)}`,
      `  ${first.length > 100 ? `${first.slice(0, 99)}…` : first}`,
    );
  }
  if (!versions.some((version) => version.current))
    lines.push("", style.yellow("This entry was deleted: --restore VERSION brings it back with that text."));
  return lines.join("\n");
}

const LEADS = { solved: "What you solved", learned: "What you learned", shows: "What it shows" } as const;

function renderDetail({ entry, story, reframes }: JournalEntryDetail, style: Style): string {
  const lines = [
    style.bold(entry.title),
    style.dim(`id ${shortId(entry.id)} · ${entry.createdAt.toISOString().slice(0, 10)}`),
  ];
  if (entry.happened !== "") lines.push("", style.bold("What happened"), entry.happened);
  if (entry.felt !== "") lines.push("", style.bold("How it felt"), entry.felt);
  lines.push(
    "",
    style.bold("Takeaway"),
    entry.takeaway === ""
      ? style.dim(`(none yet: derisk journal edit ${shortId(entry.id)} --takeaway …)`)
      : entry.takeaway,
  );
  lines.push(
    "",
    style.bold("Story"),
    story
      ? `${story.title} ${style.dim(`(${shortId(story.id)})`)}`
      : style.dim(`(none: derisk journal edit ${shortId(entry.id)} --story STORY_ID)`),
  );
  lines.push("", style.bold("Reframes from your own words"));
  if (reframes.length === 0)
    lines.push(style.dim("None yet: write what you did and how it ended, or link a story."));
  for (const reframe of reframes) {
    const lead = reframe.kind === "shows" ? `${LEADS.shows} (${reframe.shows})` : LEADS[reframe.kind];
    lines.push(
      `- ${style.cyan(lead)}: ${reframe.quote}${reframe.from === "story" ? style.dim(" [story]") : ""}`,
    );
  }
  return lines.join("\n");
}

/**
 * Registers `derisk journal` (list, add, show, edit): the private reflection journal.
 * @example registerJournalCommand(program, createContext()); // derisk journal add --felt "Drained."
 */
export function registerJournalCommand(program: Command, ctx: CliContext): void {
  const journal = program
    .command("journal")
    .description("your private reflection journal: entries, reframes from your own words, a takeaway")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk journal\n  derisk journal add --happened "The TLS bug took the API down." \\\n    --felt "Drained."\n  derisk journal show 3f2a\n  derisk journal edit 3f2a --takeaway "I can learn any layer." --story 9c1d',
    );

  rejectUnknownSubcommand(journal, journal.command("list", { isDefault: true }))
    .addHelpText("after", "\nExamples:\n  derisk journal list\n  derisk journal list --json")
    .description("list the entries, newest first")
    .option("--json", "print { entries } as JSON")
    .action(async (flags: { json?: boolean }) => {
      const { listJournal } = await import("../../app/journal.ts");
      const entries = await ctx.withStore((store, userId) => listJournal(store, userId));
      if (flags.json) ctx.out(JSON.stringify({ entries }, null, 2));
      else ctx.report(renderList(entries, ctx.style));
    });

  journal
    .command("add")
    .addHelpText(
      "after",
      '\nExample:\n  derisk journal add --happened "The TLS bug took the API down." \\\n    --felt "Drained." --takeaway "I can learn any layer."',
    )
    .description("write an entry: what happened and how it felt")
    .option("--title <text>", "a name for it (default: its first words)")
    .option("--happened <text>", "what happened")
    .option("--felt <text>", "how it felt")
    .option("--takeaway <line>", "one line to keep")
    .option("--story <id>", "the story it links to (see derisk stories list)")
    .option("--json", "print { entry } as JSON")
    .action(
      async (flags: {
        title?: string;
        happened?: string;
        felt?: string;
        takeaway?: string;
        story?: string;
        json?: boolean;
      }) => {
        const { addJournalEntry, checkJournalInput, getJournalEntry } = await import("../../app/journal.ts");
        const { DeriskError } = await import("../../app/errors.ts");
        // An oversized --title or --takeaway is named as such before an empty entry is.
        const { happened, felt } = checkJournalInput(flags);
        if (happened === "" && felt === "") {
          throw new DeriskError(
            "BAD_INPUT",
            'The entry is empty: write what happened with --happened "…", or how it felt with --felt "…" (e.g. derisk journal add --felt "Drained after the outage.").',
          );
        }
        const detail = await ctx.withStore(async (store, userId) => {
          const entry = await addJournalEntry(store, userId, {
            ...(flags.title === undefined ? {} : { title: flags.title }),
            ...(flags.happened === undefined ? {} : { happened: flags.happened }),
            ...(flags.felt === undefined ? {} : { felt: flags.felt }),
            ...(flags.takeaway === undefined ? {} : { takeaway: flags.takeaway }),
            ...(flags.story === undefined
              ? {}
              : { storyId: await resolveId(store, userId, "story", flags.story) }),
          });
          return getJournalEntry(store, userId, entry.id);
        });
        ctx.out(
          flags.json ? JSON.stringify({ entry: detail.entry }, null, 2) : renderDetail(detail, ctx.style),
        );
      },
    );

  journal
    .command("show")
    .addHelpText("after", "\nExamples:\n  derisk journal show 3f2a\n  derisk journal show 3f2a --json")
    .description("show an entry with the reframes drawn from it and its story")
    .argument("<id>", "entry id (see derisk journal list)")
    .option("--json", "print { entry, story, reframes } as JSON")
    .action(async (id: string, flags: { json?: boolean }) => {
      const { getJournalEntry } = await import("../../app/journal.ts");
      const detail = await ctx.withStore(async (store, userId) =>
        getJournalEntry(store, userId, await resolveId(store, userId, "journal-entry", id)),
      );
      if (flags.json) ctx.out(JSON.stringify(detail, null, 2));
      else ctx.report(renderDetail(detail, ctx.style));
    });

  journal
    .command("edit")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk journal edit 3f2a --story 9c1d\n  derisk journal edit 3f2a --unlink",
    )
    .description("change an entry's takeaway, title or linked story")
    .argument("<id>", "entry id (see derisk journal list)")
    .option("--title <text>", "a new name")
    .option("--takeaway <line>", "the one line to keep")
    .option("--story <id>", "link this story")
    .option("--unlink", "unlink the story")
    .option("--json", "print { entry } as JSON")
    .action(
      async (
        id: string,
        flags: { title?: string; takeaway?: string; story?: string; unlink?: boolean; json?: boolean },
      ) => {
        const { getJournalEntry, updateJournalEntry } = await import("../../app/journal.ts");
        const { DeriskError } = await import("../../app/errors.ts");
        if (flags.story !== undefined && flags.unlink)
          throw new DeriskError("USAGE", "Give --story or --unlink, not both.");
        const detail = await ctx.withStore(async (store, userId) => {
          const entryId = await resolveId(store, userId, "journal-entry", id);
          await updateJournalEntry(store, userId, entryId, {
            ...(flags.title === undefined ? {} : { title: flags.title }),
            ...(flags.takeaway === undefined ? {} : { takeaway: flags.takeaway }),
            ...(flags.story === undefined
              ? {}
              : { storyId: await resolveId(store, userId, "story", flags.story) }),
            ...(flags.unlink ? { storyId: null } : {}),
          });
          return getJournalEntry(store, userId, entryId);
        });
        ctx.out(
          flags.json ? JSON.stringify({ entry: detail.entry }, null, 2) : renderDetail(detail, ctx.style),
        );
      },
    );
  journal
    .command("history")
    .description("list every text an entry has had (date, source), or restore one as a new version")
    .argument("<id>", "entry id (see derisk journal list; a deleted entry's whole id works too)")
    .option(
      "--restore <version>",
      "make this version (its number in the list, or its id) the entry's text again (a deleted entry comes back)",
    )
    .option("--expected-version <n>", "with --restore: refuse if the entry changed since this version")
    .option("--json", "print { versions } (with --restore: { entry }) as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk journal history 3f2a\n  derisk journal history 3f2a --restore 1 --expected-version 2",
    )
    .action(async (id: string, flags: { restore?: string; expectedVersion?: string; json?: boolean }) => {
      const { getJournalHistory, restoreJournalVersion } = await import("../../app/journal.ts");
      const { DeriskError } = await import("../../app/errors.ts");
      const expectedVersion = parseExpectedVersion(flags.expectedVersion, "derisk journal history ENTRY");
      if (expectedVersion !== undefined && flags.restore === undefined)
        throw new DeriskError(
          "USAGE",
          "--expected-version goes with --restore: it refuses the restore if the entry changed since. To list the history, drop it.",
        );
      if (flags.restore !== undefined) {
        const versionId = flags.restore;
        const entry = await ctx.withStore(async (store, userId) =>
          restoreJournalVersion(
            store,
            userId,
            await resolveId(store, userId, "journal-entry", id),
            await resolveVersionRef(store, userId, "journal-version", versionId),
            expectedVersion === undefined ? {} : { expectedVersion },
          ),
        );
        ctx.out(
          flags.json
            ? JSON.stringify({ entry }, null, 2)
            : `${ctx.style.green("restored")} ${entry.title} (now version ${entry.version}; the text it replaced stays in its history)`,
        );
        return;
      }
      const versions = await ctx.withStore(async (store, userId) =>
        getJournalHistory(store, userId, await resolveId(store, userId, "journal-entry", id)),
      );
      if (flags.json) ctx.out(JSON.stringify({ versions }, null, 2));
      else ctx.report(renderHistory(versions, ctx.style));
    });
}
