import type { Command } from "commander";
import type { ItemVersion } from "../../core/api-types.ts";
import type { CliContext } from "../context.ts";
import type { Style } from "../render/style.ts";

const sourceLabel: Record<ItemVersion["source"], string> = {
  imported: "imported",
  typed: "typed",
  composed: "composed",
  "re-angled": "re-angled",
  restored: "restored",
  earlier: "changed before history was kept",
};

function renderHistory(versions: ItemVersion[], style: Style): string {
  const lines: string[] = [];
  for (const entry of versions) {
    const tag = entry.current
      ? style.green("current")
      : entry.version === null
        ? style.yellow("from a re-import, not applied (conflict)")
        : `version ${entry.version}`;
    const first = entry.text.split("\n").find((line) => line.trim() !== "") ?? "";
    lines.push(
      `${style.bold(entry.createdAt.replace("T", " ").slice(0, 19))}  ${sourceLabel[entry.source]}  ${tag}  ${style.dim(`id ${entry.id}`)}`,
      `  ${first.length > 100 ? `${first.slice(0, 99)}…` : first}`,
    );
  }
  return lines.join("\n");
}

export function registerHistoryCommand(program: Command, ctx: CliContext): void {
  program
    .command("history")
    .description("list every text an item has had (date, source), or restore one of them")
    .argument("<item>", "item id (see derisk show --json)")
    .option("--restore <version>", "make this history entry the item's text again (as a new version)")
    .option("--expected-version <n>", "with --restore: refuse if the item changed since this version")
    .option("--json", "print as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk history 3f2a…\n  derisk history 3f2a… --restore 9c1e… --expected-version 4",
    )
    .action(
      async (itemId: string, options: { restore?: string; expectedVersion?: string; json?: boolean }) => {
        const { getItemHistory, restoreItemVersion } = await import("../../app/bank.ts");
        const { DeriskError } = await import("../../app/errors.ts");
        const expectedVersion =
          options.expectedVersion === undefined ? undefined : Number.parseInt(options.expectedVersion, 10);
        if (expectedVersion !== undefined && !(expectedVersion >= 1)) {
          throw new DeriskError("USAGE", "--expected-version takes a version number (1, 2, …).");
        }
        if (options.restore !== undefined) {
          const versionId = options.restore;
          const item = await ctx.withStore((store, userId) =>
            restoreItemVersion(store, userId, itemId, versionId, {
              ...(expectedVersion === undefined ? {} : { expectedVersion }),
            }),
          );
          ctx.out(
            options.json
              ? JSON.stringify({ item }, null, 2)
              : `${ctx.style.green("restored")} ${item.kind} ${item.key} (now version ${item.version}; the text it replaced stays in its history)`,
          );
          return;
        }
        const versions = await ctx.withStore((store, userId) => getItemHistory(store, userId, itemId));
        ctx.out(options.json ? JSON.stringify({ versions }, null, 2) : renderHistory(versions, ctx.style));
      },
    );
}
