import type { Command } from "commander";

/**
 * Makes a parent's default subcommand ("derisk stories" → list) refuse a word it does not know
 * with the parent's commands, instead of commander's "too many arguments for 'list'": a user who
 * types `derisk stories draw` meant a subcommand, not an argument to list.
 * @example rejectUnknownSubcommand(stories, stories.command("list", { isDefault: true }));
 */
export function rejectUnknownSubcommand(parent: Command, fallback: Command): Command {
  return fallback.allowExcessArguments(true).hook("preAction", (_self, action) => {
    const [word] = action.args;
    if (word === undefined) return;
    const names = parent.commands.map((c) => c.name()).filter((name) => name !== "help");
    parent.error(
      `error: unknown command '${word}' for 'derisk ${parent.name()}'; its commands are ${names.join(", ")} (run derisk ${parent.name()} --help)`,
      { exitCode: 1, code: "commander.unknownCommand" },
    );
  });
}
