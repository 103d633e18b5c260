import type { Command } from "commander";
import type { CoverageEvidence, CoverageMatrix } from "../../core/packaging/index.ts";
import type { CliContext } from "../context.ts";
import { wrapLine } from "../render/wrap.ts";
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
      let matrix: CoverageMatrix & { sampleLeftOut?: string };
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
      const columns = coverageColumns(matrix);
      if (columns.length === 0) {
        ctx.out(
          flags.stories === undefined
            ? "No stories or prepared answers in your bank yet: derisk import adds a document, derisk stories from-document turns its answers into stories."
            : "No stories.",
        );
        return;
      }
      const width = Math.max(...matrix.competencies.map((c) => c.length));
      const kindWidth = Math.max(...columns.map((c) => c.kind.length));
      // A title continues under itself, not under its column label.
      const legend = [
        style.bold(
          "Coverage (0 none · 1 serves · 2 two of result, figure, lesson · 3 result, figure and lesson)",
        ),
        ...wrapLine(`  ${READ_SCALE}`, ctx.columns, 4).map((line) => style.dim(line)),
        style.dim(`  ${NOT_A_STORY_SCALE}`),
        ...columns.flatMap((c) =>
          wrapLine(
            `  ${c.label.padEnd(3)} ${c.kind.padEnd(kindWidth)}  ${c.title}`,
            ctx.columns,
            kindWidth + 8,
          ).map((line) => style.dim(line)),
        ),
      ];
      // The grid is not wrapped: a row cut in two would no longer line up with its columns.
      const lines = [`${"".padEnd(width)} ${columns.map((c) => c.label.padStart(4)).join("")}`];
      matrix.competencies.forEach((competency, row) => {
        const cells = columns.map((c) => {
          const n = c.strengths[row] ?? 0;
          return n === 0 ? style.dim("   ·") : n === 3 ? style.green("   3") : `   ${n}`;
        });
        lines.push(`${competency.padEnd(width)} ${cells.join("")}`);
      });
      const after: string[] = [];
      if (matrix.stories.length === 0 && flags.stories === undefined) {
        after.push(
          "",
          style.dim("No stories yet: derisk stories from-document turns your answers into stories."),
        );
      }
      after.push("", `${style.yellow("Gaps:")} ${matrix.gaps.length > 0 ? matrix.gaps.join(", ") : "none"}`);
      if (matrix.thin.length > 0) after.push(`${style.yellow("Thin:")} ${matrix.thin.join(", ")}`);
      // A gap leads somewhere: the command that writes the missing answer (a story question's
      // answer then becomes a story), or the drill for concept questions.
      const actions = matrix.rows.filter((r) => r.action !== undefined && r.best === 0);
      if (actions.length > 0) {
        after.push(
          "",
          "Fill a gap: write your answer to a question of its kind (derisk stories from-answer ITEM then makes a story of an episode):",
          ...actions.map((r) =>
            r.action?.kind === "drill"
              ? `  ${r.competency}: derisk drill`
              : `  ${r.competency}: derisk add-answer -q "${r.action?.question ?? ""}" --from answer.txt`,
          ),
        );
      }
      if (matrix.sampleLeftOut !== undefined) after.push("", style.dim(matrix.sampleLeftOut));
      ctx.report(legend.join("\n"));
      ctx.out(`\n${lines.join("\n")}`);
      ctx.report(after.join("\n"));
    });
}

// Answers to questions that are not stories, and replies to follow-ups, are judged by their own
// rubric (docs/risk-lens.md).
const READ_SCALE =
  "a competency read from a story's or answer's words, not stated: 1 mentioned · 2 an action shows it, with a second sentence, a figure or a named tool · 3 it runs through (half the sentences, three actions, two specific, a result)";
const NOT_A_STORY_SCALE =
  "about me, motivation, strengths, and every follow-up's answer: the cell is its risk-lens score (1–2 → 1, 3 → 2, 4–5 → 3)";

const KIND_NAMES: Readonly<Record<CoverageEvidence["source"], string>> = {
  story: "story",
  answer: "answer",
  accomplishment: "accomplishment",
};
const LABEL_PREFIX: Readonly<Record<CoverageEvidence["source"], string>> = {
  story: "S",
  answer: "A",
  accomplishment: "R",
};

/** One column of the printed grid: a story, a prepared answer or an accomplishment. */
export interface CoverageColumn {
  source: CoverageEvidence["source"];
  id: string;
  /** "S1" for the first story, "A1" for the first answer, "R1" for the first accomplishment. */
  label: string;
  title: string;
  /** "story", "answer", "follow-up" (a prepared reply to a follow-up) or "accomplishment". */
  kind: string;
  /** Strength per competency, in the matrix's competency order. */
  strengths: number[];
}

/**
 * The grid's columns: every story, then every prepared answer and accomplishment that evidences
 * a competency, with the same strengths the gaps and the thin rows are counted from.
 * @example coverageColumns(matrix).map((c) => c.label) // ["S1", "S2", "A1"]
 */
export function coverageColumns(matrix: CoverageMatrix): CoverageColumn[] {
  const columns: CoverageColumn[] = matrix.stories.map((story, i) => ({
    source: "story",
    id: story.id,
    label: `S${i + 1}`,
    title: story.document === undefined ? story.title : `${story.title} in “${story.document}”`,
    kind: KIND_NAMES.story,
    strengths: matrix.competencies.map((_, row) => matrix.cells[row]?.[i] ?? 0),
  }));
  const counts = { story: matrix.stories.length, answer: 0, accomplishment: 0 };
  matrix.rows.forEach((row, r) => {
    for (const e of row.evidence) {
      let column = columns.find((c) => c.source === e.source && c.id === e.id);
      if (column === undefined) {
        counts[e.source] += 1;
        column = {
          source: e.source,
          id: e.id,
          label: `${LABEL_PREFIX[e.source]}${counts[e.source]}`,
          title: e.document === undefined ? e.title : `${e.title} in “${e.document}”`,
          kind: e.followUp ? "follow-up" : KIND_NAMES[e.source],
          strengths: matrix.competencies.map(() => 0),
        };
        columns.push(column);
      }
      column.strengths[r] = Math.max(column.strengths[r] ?? 0, e.strength);
    }
  });
  // Stories first, then answers, then accomplishments, each in the order first met.
  const order = ["story", "answer", "accomplishment"];
  return columns.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
}
