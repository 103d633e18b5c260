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
    const near = names.find((name) => typoDistance(word.toLowerCase(), name) <= Math.min(2, name.length - 1));
    // The way to the help follows on its own line (showHelpAfterError), said once.
    parent.error(
      `error: unknown command '${word}' for 'derisk ${parent.name()}'; its commands are ${names.join(", ")}${near === undefined ? "" : `\n(Did you mean ${near}?)`}`,
      { exitCode: 1, code: "commander.unknownCommand" },
    );
  });
}

/**
 * How many letters to insert, delete, change or swap to turn one word into the other (a typo's
 * distance: "lst" → "list" 1, "shwo" → "show" 1).
 * @example typoDistance("lst", "list") // 1
 */
export function typoDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
