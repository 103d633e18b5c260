import type { Command } from "commander";
import type { CoverageMatrix } from "../../core/packaging/index.ts";
import type { CliContext } from "../context.ts";
import { readStoriesFlag } from "./compose.ts";

/**
 * Registers `derisk coverage`: prints the competency × story coverage matrix of the stories
 * in the bank, or of `--stories FILE.json` (then the bank is not opened).
 * @example registerCoverageCommand(program, createContext()); // derisk coverage
 */
export function registerCoverageCommand(program: Command, ctx: CliContext): void {
  program
    .command("coverage")
    .description("show which competencies your stories cover (strength 0–3) and the gaps")
    .option("--stories <file>", "a JSON array of stories; default: the stories in your bank")
    .option("--json", "print the matrix as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk coverage\n  derisk coverage --stories stories.json\n  derisk coverage --stories stories.json --json",
    )
    .action(async (flags: { stories?: string; json?: boolean }) => {
      let matrix: CoverageMatrix;
      if (flags.stories === undefined) {
        const { coverage } = await import("../../app/packaging.ts");
        matrix = await ctx.withStore((store, userId) => coverage(store, userId));
      } else {
        const { coverageMatrix } = await import("../../core/packaging/index.ts");
        matrix = coverageMatrix(await readStoriesFlag(ctx, flags.stories));
      }
      if (flags.json) {
        ctx.out(JSON.stringify(matrix, null, 2));
        return;
      }
      const { style } = ctx;
      if (matrix.stories.length === 0) {
        ctx.out(
          flags.stories === undefined
            ? "No stories in your bank yet: derisk stories from-document turns your answers into stories."
            : "No stories.",
        );
        return;
      }
      const width = Math.max(...matrix.competencies.map((c) => c.length));
      const lines = [
        style.bold(
          "Coverage (0 none · 1 serves · 2 two of result, figure, lesson · 3 result, figure and lesson)",
        ),
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
