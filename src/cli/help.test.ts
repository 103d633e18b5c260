import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { createContext } from "./context.ts";
import { createProgram, runCli } from "./main.ts";

/** Every command and sub-command of the program, with its path ("stories list"). */
function commandsOf(command: Command, path: string[] = []): Array<{ path: string; command: Command }> {
  return command.commands.flatMap((sub) => [
    { path: [...path, sub.name()].join(" "), command: sub },
    ...commandsOf(sub, [...path, sub.name()]),
  ]);
}

/** The program with its help printed into `printed` (no colour), as a terminal would show it. */
function printingProgram(): { printed: string[]; printing: ReturnType<typeof createProgram> } {
  const printed: string[] = [];
  const ctx = {
    ...createContext({ NO_COLOR: "1" }, { stdout: {}, stderr: {} }),
    out: (text: string) => {
      printed.push(text);
    },
  };
  return { printed, printing: createProgram(ctx) };
}

describe("derisk help", () => {
  const program = createProgram(createContext({ NO_COLOR: "1" }, { stdout: {}, stderr: {} }));
  const commands = commandsOf(program);

  it("reaches every command, sub-commands included", () => {
    expect(commands.map((c) => c.path)).toEqual(
      expect.arrayContaining(["match", "serve", "trailer", "stories list"]),
    );
  });

  it("shows each option's default as typed on the command line, never as a quoted string", () => {
    for (const { path, command } of commands) {
      const help = command.helpInformation();
      expect(help, path).not.toMatch(/default: "/);
      // One default per option: add-variant's --from said "(default: standard input) (default: -)".
      expect(help.replace(/\s+/g, " "), path).not.toMatch(/\(default: [^)]*\) \(default: /);
    }
    const help = (path: string) => commands.find((c) => c.path === path)?.command.helpInformation() ?? "";
    expect(help("match")).toContain("(default: 5)");
    expect(help("serve")).toContain("(default: 4178)");
    expect(help("trailer")).toContain("(default: 60)");
  });

  it("fits every command's and sub-command's help in 80 columns, examples included", () => {
    const { printed, printing } = printingProgram();
    const wide: string[] = [];
    for (const { path, command } of [{ path: "derisk", command: printing }, ...commandsOf(printing)]) {
      printed.length = 0;
      command.outputHelp();
      const lines = printed.join("\n").split("\n");
      expect(lines.length, path).toBeGreaterThan(3);
      wide.push(...lines.filter((line) => line.length > 80).map((line) => `${path}: ${line}`));
    }
    expect(wide).toEqual([]);
  });

  it("gives every command and sub-command an example to copy", () => {
    const { printed, printing } = printingProgram();
    const without: string[] = [];
    for (const { path, command } of commandsOf(printing)) {
      if (path === "help" || path.endsWith(" help")) continue;
      printed.length = 0;
      command.outputHelp();
      const help = printed.join("\n");
      if (!/\nExamples?:\n {2}derisk /.test(help)) without.push(path);
    }
    // Before: list, show, classify, attempts, stats, serve, questions and most sub-commands had none.
    expect(without).toEqual([]);
  });

  it("prints the package's version for --version and -V, and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    for (const flag of ["--version", "-V"]) {
      const printed: string[] = [];
      const ctx = {
        ...createContext({ NO_COLOR: "1" }, { stdout: {}, stderr: {} }),
        out: (text: string) => {
          printed.push(text);
        },
      };
      // Before: "error: unknown option '--version'" and exit 1.
      expect(await runCli([flag], ctx)).toBe(0);
      expect(printed.join("\n")).toBe(version);
    }
  });

  it("says which questions the question bank lists: your documents' behavioral ones too, by source", () => {
    const help = (path: string) => commands.find((c) => c.path === path)?.command.helpInformation() ?? "";
    const flat = (path: string) => help(path).replace(/\s+/g, " ");
    expect(flat("questions list")).toContain(
      "each question labelled by source: your documents' questions (technical and behavioral), those you added, the built-in ones",
    );
    expect(flat("list")).toContain("your documents' questions, those you added, the built-in ones");
    expect(flat("questions")).toContain("your documents' questions");
    for (const path of ["questions list", "list", "questions"])
      expect(flat(path)).not.toContain("derisk show");
  });
});
