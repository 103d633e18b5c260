import type { Command } from "commander";
import { resolveId, resolveVersionRef } from "../../app/ids.ts";
import type { ItemVersion } from "../../core/api-types.ts";
import { stripMarkup } from "../../core/markup.ts";
import { shortIds } from "../../core/short-ids.ts";
import { describeChange } from "../../core/word-diff.ts";
import type { CliContext } from "../context.ts";
import { parseExpectedVersion } from "../expected-version.ts";
import type { Style } from "../render/style.ts";

const sourceLabel: Record<ItemVersion["source"], string> = {
  imported: "imported",
  typed: "typed",
  composed: "composed",
  "re-angled": "re-angled",
  restored: "restored",
  earlier: "changed before history was kept",
};

const PREVIEW = 100;

/**
 * The first line of a text as a reader sees it: no Markdown or written STAR label
 * ("**Situation**:"), and a long line cut after a whole word, never inside one.
 * @example preview("**Situation**: We were slow.") // "We were slow."
 */
function preview(text: string): string {
  const first =
    stripMarkup(text)
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  if (first.length <= PREVIEW) return first;
  const cut = first.slice(0, PREVIEW);
  const space = cut.lastIndexOf(" ");
  return `${(space > PREVIEW / 2 ? cut.slice(0, space) : cut.slice(0, PREVIEW - 1)).replace(/[\s,;:—–-]+$/u, "")}…`;
}

function renderHistory(versions: ItemVersion[], style: Style): string {
  const short = shortIds(versions.map((entry) => entry.id));
  const lines: string[] = [];
  const current = versions.find((entry) => entry.current);
  for (const entry of versions) {
    const tag = entry.current
      ? style.green("current")
      : entry.version === null
        ? style.yellow("from a re-import, not applied (conflict)")
        : entry.fromBackupAt !== null
          ? `version ${entry.version}  ${style.yellow(`from a backup restored ${entry.fromBackupAt.replace("T", " ").slice(0, 16)}, not applied`)}`
          : `version ${entry.version}`;
    lines.push(
      `${style.bold(entry.createdAt.replace("T", " ").slice(0, 19))}  ${sourceLabel[entry.source]}  ${tag}  ${style.dim(`id ${short(entry.id)}`)}`,
      `  ${preview(entry.text)}`,
    );
    // Two texts that differ only near the end share their first line: say what changed since.
    if (!entry.current && current !== undefined) {
      const { summary, same } = describeChange(entry.text, current.text);
      lines.push(
        `  ${style.dim(same ? summary.toLowerCase() : `since this text: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`)}`,
      );
    }
  }
  return lines.join("\n");
}

export function registerHistoryCommand(program: Command, ctx: CliContext): void {
  program
    .command("history")
    .description(
      "list every text an item has had (date, source) and, for an answer or question, its practice attempts and scores; or restore a text",
    )
    .argument("<item>", "item or question id (see derisk show --json, derisk due)")
    .option(
      "--restore <version>",
      "make this version (its number in the list, or its id) the item's text again, as a new version",
    )
    .option("--expected-version <n>", "with --restore: refuse if the item changed since this version")
    .option("--json", "print { versions, practice } as JSON (practice: the attempts, or null)")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk history 3f2a\n  derisk history 3f2a --restore 2 --expected-version 4",
    )
    .action(
      async (itemId: string, options: { restore?: string; expectedVersion?: string; json?: boolean }) => {
        const { getItemHistory, restoreItemVersion } = await import("../../app/bank.ts");
        const { DeriskError } = await import("../../app/errors.ts");
        const expectedVersion = parseExpectedVersion(options.expectedVersion, "derisk history ITEM");
        // Without --restore it guarded nothing, and the list printed as if it had been checked.
        if (expectedVersion !== undefined && options.restore === undefined)
          throw new DeriskError(
            "USAGE",
            "--expected-version goes with --restore: it refuses the restore if the item changed since. To list the history, drop it.",
          );
        if (options.restore !== undefined) {
          const versionId = options.restore;
          const item = await ctx.withStore(async (store, userId) =>
            restoreItemVersion(
              store,
              userId,
              await resolveId(store, userId, "item", itemId),
              await resolveVersionRef(store, userId, "item-version", versionId),
              { ...(expectedVersion === undefined ? {} : { expectedVersion }) },
            ),
          );
          ctx.out(
            options.json
              ? JSON.stringify({ item }, null, 2)
              : `${ctx.style.green("restored")} ${item.kind} ${item.key} (now version ${item.version}; the text it replaced stays in its history)`,
          );
          return;
        }
        const { attemptHistory } = await import("../../app/practice.ts");
        const { isDeriskError } = await import("../../app/errors.ts");
        const orMissing = async <T>(load: () => Promise<T>): Promise<T | Error> => {
          try {
            return await load();
          } catch (error) {
            if (isDeriskError(error) && error.code === "NOT_FOUND") return error;
            throw error;
          }
        };
        const [versions, practice] = await ctx.withStore(async (store, userId) => {
          const id = await resolveId(store, userId, "item-or-question", itemId);
          return [
            await orMissing(() => getItemHistory(store, userId, id)),
            await orMissing(() => attemptHistory(store, userId, id)),
          ];
        });
        // A bank question has attempts but no text history; a story has texts but no attempts.
        if (versions instanceof Error && practice instanceof Error) throw versions;
        const texts = versions instanceof Error ? [] : versions;
        const attempts = practice instanceof Error ? null : practice;
        if (options.json) {
          ctx.out(JSON.stringify({ versions: texts, practice: attempts }, null, 2));
          return;
        }
        const { renderAttemptHistory } = await import("./practice.ts");
        const parts = [
          ...(texts.length > 0 ? [renderHistory(texts, ctx.style)] : []),
          ...(attempts
            ? [`${ctx.style.bold("Practice")}\n${renderAttemptHistory(attempts, ctx.style)}`]
            : []),
        ];
        ctx.report(parts.join("\n\n"));
      },
    );
}
