import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import type { CliContext } from "../context.ts";

interface DueFlags {
  json?: boolean;
  limit?: string;
  new?: boolean;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500)
    throw new DeriskError("USAGE", `--limit must be a whole number 1–500, not "${value}".`);
  return n;
}

/**
 * Registers `derisk due`: what to practise now across answers and technical questions.
 * @example registerDueCommand(program, createContext()); // derisk due --json
 */
export function registerDueCommand(program: Command, ctx: CliContext): void {
  program
    .command("due")
    .description(
      "what to practise now: overdue cards first, then answers and technical questions never practised",
    )
    .option("--limit <n>", "show at most N")
    .option("--no-new", "only cards rated before and due now")
    .option("--json", "print { due: [...] } as JSON")
    .addHelpText("after", "\nExamples:\n  derisk due\n  derisk due --no-new --json")
    .action(async (flags: DueFlags) => {
      const limit = parseLimit(flags.limit);
      const { listDue } = await import("../../app/practice.ts");
      const due = await ctx.withStore((store, userId) =>
        listDue(store, userId, {
          ...(limit === undefined ? {} : { limit }),
          includeNew: flags.new !== false,
        }),
      );
      if (flags.json) {
        ctx.out(JSON.stringify({ due }, null, 2));
        return;
      }
      const { style } = ctx;
      const overdue = due.filter((d) => d.status === "overdue").length;
      const lines = [style.bold(`Due now: ${due.length} (${overdue} overdue, ${due.length - overdue} new)`)];
      for (const d of due) {
        const when = d.status === "overdue" ? style.yellow(`due ${day(d.due)}`) : style.dim("new");
        lines.push(
          `• ${d.questionText}`,
          style.dim(`    ${d.kind} · ${d.competency} · `) +
            when +
            style.dim(` · ${d.itemId ?? d.questionId}`),
        );
      }
      if (due.length === 0)
        lines.push(style.dim("  nothing due: import a prep document, or come back later"));
      ctx.out(lines.join("\n"));
    });
}

/**
 * Registers `derisk attempts ID`: an answer's (or question's) attempts over time.
 * @example registerAttemptsCommand(program, createContext()); // derisk attempts 3f2a… --json
 */
export function registerAttemptsCommand(program: Command, ctx: CliContext): void {
  program
    .command("attempts")
    .description(
      "an answer's or technical question's practice attempts over time: time, words, score, rating",
    )
    .argument("<id>", "the answer or question id (derisk due lists them)")
    .option("--json", "print the history as JSON")
    .action(async (id: string, flags: { json?: boolean }) => {
      const { attemptHistory } = await import("../../app/practice.ts");
      const history = await ctx.withStore((store, userId) => attemptHistory(store, userId, id));
      if (flags.json) {
        ctx.out(JSON.stringify({ history }, null, 2));
        return;
      }
      const { style } = ctx;
      const lines = [
        style.bold(history.questionText),
        style.dim(`${history.kind} · ${history.attempts.length} attempt(s)`),
      ];
      for (const a of history.attempts) {
        const score = a.score === undefined ? style.dim("unscored") : `score ${a.score}/5`;
        const state = a.finishedAt ? "" : style.yellow(" (unfinished)");
        lines.push(
          `  ${a.startedAt.toISOString().slice(0, 16).replace("T", " ")}  ${String(a.durationSeconds).padStart(4)} s  ${String(a.words).padStart(4)} words  ${score}${a.rating ? `  rated ${a.rating}` : ""}${state}`,
        );
      }
      if (history.attempts.length === 0)
        lines.push(style.dim("  not practised yet: derisk practice (or the web app)"));
      if (history.due) lines.push(style.dim(`next due ${day(history.due)}`));
      ctx.out(lines.join("\n"));
    });
}
