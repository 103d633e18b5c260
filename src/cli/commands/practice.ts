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

interface PracticeFlags {
  due?: boolean;
  competency?: string;
  question?: string;
  count?: string;
  role?: string;
}

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.round(seconds) % 60).padStart(2, "0")}`;

/**
 * Registers `derisk practice`: a timed mock interview in the terminal. Each answer is typed
 * line by line (a blank line or Ctrl-D ends it) and autosaved per line; then the analysis,
 * one follow-up asked next, and a self-rating that feeds the schedule.
 * @example registerPracticeCommand(program, createContext()); // derisk practice --competency conflict --count 2
 */
export function registerPracticeCommand(program: Command, ctx: CliContext): void {
  program
    .command("practice")
    .description(
      "a timed mock interview in the terminal: answer, see the analysis, take a follow-up, rate yourself",
    )
    .option("--due", "questions from what is due (the default)")
    .option("--competency <id>", "questions of one competency (e.g. conflict, ml-engineering)")
    .option("--question <text>", "practise one question you type")
    .option("--count <n>", "number of questions (1–20, default 5)")
    .option("-r, --role <id>", "target role for the analysis")
    .addHelpText(
      "after",
      '\nType each answer; a blank line (or Ctrl-D) submits it. Rate with again/hard/good/easy or 1–4, Enter to skip.\n\nExamples:\n  derisk practice --count 3\n  derisk practice --competency conflict --role ml-engineer\n  derisk practice --question "Why should we hire you?"',
    )
    .action(async (flags: PracticeFlags) => {
      const chosen = [flags.due, flags.competency, flags.question].filter(
        (f) => f !== undefined && f !== false,
      );
      if (chosen.length > 1)
        throw new DeriskError("USAGE", "Choose one of --due, --competency or --question.");
      const { COMPETENCIES } = await import("../../core/model.ts");
      const { parseRoleFlag } = await import("./compose.ts");
      const role = parseRoleFlag(flags.role);
      let count: number | undefined;
      if (flags.count !== undefined) {
        count = Number(flags.count);
        if (!Number.isInteger(count) || count < 1 || count > 20)
          throw new DeriskError("USAGE", `--count must be a whole number 1–20, not "${flags.count}".`);
      }
      if (flags.competency !== undefined && !(COMPETENCIES as readonly string[]).includes(flags.competency))
        throw new DeriskError(
          "USAGE",
          `Unknown competency "${flags.competency}": use one of ${COMPETENCIES.join(", ")}.`,
        );
      const from =
        flags.question !== undefined
          ? ({ kind: "question", text: flags.question } as const)
          : flags.competency !== undefined
            ? ({ kind: "competency", competency: flags.competency as (typeof COMPETENCIES)[number] } as const)
            : ({ kind: "due" } as const);
      const practice = await import("../../app/practice.ts");
      const { parseRating } = await import("../../core/schedule/index.ts");
      const { style } = ctx;
      await ctx.withStore(async (store, userId) => {
        let session = await practice.startPractice(store, userId, {
          from,
          ...(count === undefined ? {} : { count }),
          ...(role === undefined ? {} : { role }),
        });
        const total = session.steps.length;
        let asked = 0;
        while (session.current) {
          const step = session.current;
          if (step.kind === "question") asked += 1;
          ctx.out(
            [
              "",
              step.kind === "question"
                ? style.bold(`Question ${asked}/${total}: ${step.questionText}`)
                : style.bold(`Follow-up: ${step.questionText}`),
              style.dim(`⏱ timer started · budget ${clock(step.budgetSeconds)} · a blank line submits`),
            ].join("\n"),
          );
          await practice.beginAnswer(store, userId, session.id, { stepId: step.id });
          const lines: string[] = [];
          let ended = false;
          for (;;) {
            const line = await ctx.readLine();
            if (line === undefined) {
              ended = true;
              break;
            }
            if (line.trim() === "" && lines.length > 0) break;
            if (line.trim() === "") continue;
            lines.push(line);
            await practice.saveDraft(store, userId, session.id, { stepId: step.id, text: lines.join("\n") });
          }
          if (lines.length === 0) {
            ctx.out(
              style.dim(`\nStopped before answering. Session ${session.id} is saved; nothing was lost.`),
            );
            return;
          }
          const result = await practice.submitAnswer(store, userId, session.id, {
            stepId: step.id,
            text: lines.join("\n"),
          });
          const { analysis } = result;
          const timeText = `⏱ ${clock(result.usedSeconds)} of ${clock(result.budgetSeconds)}`;
          const out = [
            result.usedSeconds > result.budgetSeconds
              ? style.yellow(`${timeText} — over budget`)
              : style.green(timeText),
            `Score ${analysis.overall.score}/5 · spoken ≈ ${Math.round(analysis.timing.seconds)} s (${analysis.timing.status})`,
          ];
          for (const fix of analysis.fixes.slice(0, 3)) out.push(`  ${style.yellow("fix:")} ${fix.action}`);
          if (result.followUp)
            out.push(style.dim(`  follow-up next, because you said “${result.followUp.trigger}”`));
          ctx.out(out.join("\n"));
          if (step.kind === "question") {
            for (;;) {
              ctx.out("Rate your answer — again / hard / good / easy (1–4), Enter to skip:");
              const answer = await ctx.readLine();
              if (answer === undefined || answer.trim() === "") break;
              try {
                const rated = await practice.rateAnswer(
                  store,
                  userId,
                  session.id,
                  step.id,
                  parseRating(/^\d$/.test(answer.trim()) ? Number(answer.trim()) : answer.trim()),
                );
                ctx.out(
                  style.dim(
                    rated.due
                      ? `  next review ${rated.due.toISOString().slice(0, 16).replace("T", " ")} UTC`
                      : "  rating kept with the attempt (a question typed in has no schedule)",
                  ),
                );
                break;
              } catch (error) {
                ctx.out(style.red((error as Error).message));
              }
            }
          }
          session = result.session;
          if (ended) break;
        }
        const report = await practice.practiceReport(store, userId, session.id);
        const summary = [style.bold(`\nSession report: ${report.answered}/${report.total} answered`)];
        for (const s of report.steps) {
          const time =
            s.usedSeconds === undefined ? "—" : `${clock(s.usedSeconds)}/${clock(s.budgetSeconds)}`;
          summary.push(
            `${s.kind === "follow-up" ? "   ↳ " : "• "}${s.question}  ${style.dim(`${time}${s.score === undefined ? "" : ` · score ${s.score}/5`}${s.rating ? ` · ${s.rating}` : ""}${s.peeked ? " · peeked" : ""}`)}`,
          );
        }
        ctx.out(summary.join("\n"));
      });
    });
}
