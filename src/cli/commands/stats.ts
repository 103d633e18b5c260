import type { Command } from "commander";
import type { ProgressFigures } from "../../app/progress.ts";
import { sparkline } from "../../core/progress/index.ts";
import type { CliContext } from "../context.ts";
import type { Style } from "../render/style.ts";
import { plain } from "../render/wrap.ts";

const RISK_NAMES = {
  ambiguity: "ambiguity",
  spinning: "spinning",
  blame: "blame",
  autonomy: "hand-holding",
  systems: "systems",
} as const;

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s) % 60).padStart(2, "0")}`;

/**
 * A question cut to `room` characters after a whole word, with "…" when cut, so its line fits the
 * report's width instead of wrapping a stump ("…learning model" then "in p" on a line of its own).
 * @example cutQuestion("How would you deploy a machine learning model in production?", 30) // "How would you deploy a…"
 */
export function cutQuestion(question: string, room: number): string {
  const chars = [...question];
  if (chars.length <= room) return question;
  const head = chars.slice(0, Math.max(1, room - 1)).join("");
  const atWord = head.replace(/\s+\S*$/, "");
  return `${(atWord.length >= head.length / 2 ? atWord : head).trimEnd()}…`;
}

/** The dashboard's figures as lines; sparklines only where colour is on (a terminal). */
export function renderStats(
  figures: ProgressFigures,
  style: Style,
  sparklines: boolean,
  columns = 80,
): string {
  const { totals, streak } = figures;
  if (totals.attempts === 0) {
    return [
      style.bold("No practice yet."),
      totals.items === 0
        ? "Import your prep document first (derisk import prep.md), then practise one question: derisk practice --count 1"
        : `You have ${totals.items} questions to practise. Start with one: derisk practice --count 1`,
    ].join("\n");
  }
  const spark = (values: number[], range?: { min: number; max: number }) =>
    sparklines && values.length > 1 ? `  ${style.cyan(sparkline(values, range))}` : "";
  const lines = [
    style.bold("Progress"),
    // Answers and questions apart: a drilled question (the built-in bank's too) is no prepared
    // answer, and "answers practised 2 of 17" counted the bank's 10 questions as answers.
    [
      `attempts ${totals.attempts}`,
      ...(totals.answers.items > 0
        ? [`answers practised ${totals.answers.practised} of ${totals.answers.items}`]
        : []),
      ...(totals.questions.items > 0
        ? [`questions practised ${totals.questions.practised} of ${totals.questions.items}`]
        : []),
      ...(totals.meanScore === undefined ? [] : [`mean latest score ${totals.meanScore.toFixed(1)} / 5`]),
    ].join(" · "),
    `streak ${streak.current} day${streak.current === 1 ? "" : "s"}${streak.today ? " (practised today)" : ""} · longest ${streak.longest}`,
    // As derisk due and the Practice page count them.
    `practise now: ${figures.dueNow} due now · ${figures.newCards} new`,
    "",
    style.bold("Score per attempt"),
  ];
  const scores = figures.attempts.flatMap((a) => (a.score === undefined ? [] : [a.score]));
  lines.push(
    `overall ${figures.overall.at(-1)?.score.toFixed(1) ?? "–"} / 5${spark(scores, { min: 1, max: 5 })}`,
  );
  // Each question takes what its line leaves (at least 20 characters; the sparkline needs up to 12).
  const room = (lead: string, tail = 0) => Math.max(20, Math.min(60, columns - [...lead].length - tail));
  for (const answer of figures.answers) {
    const values = answer.scores.map((s) => s.score);
    // The last six scores as figures (the sparkline draws them all), so a long series keeps its line.
    const lead = `  ${values.length > 6 ? "… " : ""}${values.slice(-6).join(" → ")}  `;
    const sparks = spark(values, { min: 1, max: 5 });
    lines.push(`${lead}${cutQuestion(answer.question, room(lead, [...plain(sparks)].length))}${sparks}`);
  }
  lines.push("", style.bold("Time used vs budget (last 10)"));
  for (const a of figures.attempts.slice(-10)) {
    const budget = a.budget ? ` of ${clock(a.budget.min)}–${clock(a.budget.max)}` : "";
    const over = a.budget !== undefined && a.seconds > a.budget.max;
    const lead = `  ${a.at.slice(0, 10)}  ${clock(a.seconds)}${budget}`;
    const question = cutQuestion(a.question, room(`${lead}${over ? " over" : ""}  `));
    lines.push(`${lead}${over ? style.yellow(" over") : ""}  ${question}`);
  }
  lines.push(
    "",
    style.bold("Risks left open (attempts that left each open, of all attempts)"),
    ...(sparklines ? [style.dim("  the line: its share of the last five, over time")] : []),
  );
  for (const risk of figures.risks) {
    const mark = figures.keepsComingBack === risk.risk ? style.yellow("  keeps coming back") : "";
    lines.push(
      `  ${RISK_NAMES[risk.risk].padEnd(13)} ${risk.open} of ${risk.of}${spark(risk.share, { min: 0, max: 1 })}${mark}`,
    );
  }
  lines.push("", style.bold("Coverage by competency (practised / items, mean score)"));
  for (const row of figures.coverage) {
    lines.push(
      `  ${row.competency.padEnd(24)} ${row.practised}/${row.items}${row.meanScore === undefined ? "" : `  ${row.meanScore.toFixed(1)}`}`,
    );
  }
  const due = figures.due.map((d) => d.count);
  lines.push(
    "",
    style.bold("Cards due, next 30 days"),
    `  later today ${Math.max(0, (due[0] ?? 0) - figures.dueNow)} · this week ${due.slice(0, 7).reduce((a, b) => a + b, 0)} · 30 days ${due.reduce((a, b) => a + b, 0)}${spark(due, { min: 0, max: Math.max(1, ...due) })}`,
  );
  return lines.join("\n");
}

/**
 * Registers `derisk stats`: the progress dashboard's figures in the terminal.
 * @example registerStatsCommand(program, createContext()); // derisk stats --json
 */
export function registerStatsCommand(program: Command, ctx: CliContext): void {
  program
    .command("stats")
    .addHelpText("after", "\nExamples:\n  derisk stats\n  derisk stats --json")
    .description("your progress: scores and timing per attempt, risks over time, coverage, cards due, streak")
    .option("--json", "print the figures as JSON (the same as GET /api/progress)")
    .action(async (flags: { json?: boolean }) => {
      const { progressStats } = await import("../../app/progress.ts");
      const figures = await ctx.withStore((store, userId) =>
        progressStats(store, userId, { timezoneOffsetMinutes: new Date().getTimezoneOffset() }),
      );
      if (flags.json) {
        ctx.out(JSON.stringify(figures, null, 2));
        return;
      }
      // Colour on means a terminal that shows the block characters; piped output stays plain.
      ctx.report(renderStats(figures, ctx.style, ctx.style.bold("x") !== "x", ctx.columns));
    });
}
