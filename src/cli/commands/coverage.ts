import type { Command } from "commander";
import type { CliContext } from "../context.ts";
import { readStoriesFlag } from "./compose.ts";

/**
 * Registers `derisk coverage`: prints the competency × story coverage matrix.
 * Reads no store; stories come from `--stories FILE.json` for now.
 * @example registerCoverageCommand(program, createContext()); // derisk coverage --stories stories.json
 */
export function registerCoverageCommand(program: Command, ctx: CliContext): void {
  program
    .command("coverage")
    .description("show which competencies your stories cover (strength 0–3) and the gaps")
    .requiredOption("--stories <file>", "a JSON array of stories")
    .option("--json", "print the matrix as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk coverage --stories stories.json\n  derisk coverage --stories stories.json --json",
    )
    .action(async (flags: { stories?: string; json?: boolean }) => {
      const { coverageMatrix } = await import("../../core/packaging/index.ts");
      const matrix = coverageMatrix(await readStoriesFlag(ctx, flags.stories));
      if (flags.json) {
        ctx.out(JSON.stringify(matrix, null, 2));
        return;
      }
      const { style } = ctx;
      const width = Math.max(...matrix.competencies.map((c) => c.length));
      const lines = [
        style.bold("Coverage (0 none · 1 serves · 2 with a result · 3 with result, figure and lesson)"),
        ...matrix.stories.map((s, i) =>
          style.dim(
            `  ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ""} = ${s.title}`,
          ),
        ),
        "",
        `${"".padEnd(width)}  ${matrix.stories.map((_, i) => String.fromCharCode(65 + (i % 26)).padStart(2)).join("")}`,
      ];
      matrix.competencies.forEach((competency, row) => {
        const cells = (matrix.cells[row] ?? []).map((n) =>
          n === 0 ? style.dim(" ·") : n === 3 ? style.green(" 3") : ` ${n}`,
        );
        lines.push(`${competency.padEnd(width)}  ${cells.join("")}`);
      });
      lines.push("", `${style.yellow("Gaps:")} ${matrix.gaps.length > 0 ? matrix.gaps.join(", ") : "none"}`);
      if (matrix.thin.length > 0) lines.push(`${style.yellow("Thin:")} ${matrix.thin.join(", ")}`);
      ctx.out(lines.join("\n"));
    });
}
