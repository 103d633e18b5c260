import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import type { BankQuestion } from "../../app/questions.ts";
import { shortId, shortIds } from "../../core/short-ids.ts";
import type { CliContext } from "../context.ts";
import { rejectUnknownSubcommand } from "../default-command.ts";
import { type AnswerInput, plainLineInput, terminalLineInput } from "../line-input.ts";
import type { Style } from "../render/style.ts";
import { clock, inInterval, timerPrompt, timerStarted, timeUsed } from "../render/timer.ts";

interface DrillFlags {
  count?: string;
  tag?: string;
}

const TAGS = ["ml-concept", "ml-engineering"];

function parseCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 20)
    throw new DeriskError("USAGE", `--count must be a whole number 1–20, not "${value}".`);
  return n;
}

function parseTag(value: string | undefined): "ml-concept" | "ml-engineering" | undefined {
  if (value === undefined) return undefined;
  if (!TAGS.includes(value))
    throw new DeriskError("USAGE", `--tag must be ml-concept or ml-engineering, not "${value}".`);
  return value as "ml-concept" | "ml-engineering";
}

/**
 * Registers `derisk drill`: technical questions in the terminal. Each answer is typed line by
 * line (a blank line or Ctrl-D ends it); then the key points covered and missed, the outline of
 * a strong answer, and a 1–4 rating that schedules the question (FSRS, the one due queue).
 * @example registerDrillCommand(program, createContext()); // derisk drill --count 3 --tag ml-engineering
 */
export function registerDrillCommand(program: Command, ctx: CliContext): void {
  program
    .command("drill")
    .description(
      "the technical drill: answer ML questions, see the key points you covered and missed, rate yourself",
    )
    .option("--count <n>", "number of questions (1–20, default 5)")
    .option("--tag <tag>", "only ml-concept or ml-engineering questions")
    .addHelpText(
      "after",
      "\nType each answer; a blank line (or Ctrl-D) submits it, /skip skips the question.\nRate 1 again, 2 hard, 3 good, 4 easy; Enter skips the rating.\n\nExamples:\n  derisk drill\n  derisk drill --count 3 --tag ml-engineering",
    )
    .action(async (flags: DrillFlags) => {
      const count = parseCount(flags.count);
      const tag = parseTag(flags.tag);
      const practice = await import("../../app/practice.ts");
      const { parseRating } = await import("../../core/schedule/index.ts");
      const { style } = ctx;
      // The terminal's reader is closed at the end: left open, it kept the process waiting after "Drill done".
      const input = ctx.terminal
        ? terminalLineInput(ctx.terminal.input, ctx.terminal.output)
        : plainLineInput(ctx.readLine, ctx.out);
      try {
        await ctx.withStore(async (store, userId) => {
          let session = await practice.startPractice(store, userId, {
            from: { kind: "drill", ...(tag === undefined ? {} : { tag }) },
            ...(count === undefined ? {} : { count }),
          });
          const total = session.steps.length;
          let asked = 0;
          let answered = 0;
          let skipped = 0;
          let covered = 0;
          let points = 0;
          while (session.current) {
            const step = session.current;
            asked += 1;
            ctx.report(
              [
                "",
                style.bold(`Question ${asked}/${total}: ${step.questionText}`),
                style.dim(
                  `${step.competency ? `${step.competency} · ` : ""}budget ${clock(step.budgetSeconds)} · a blank line or Ctrl-D submits · /skip skips`,
                ),
              ].join("\n"),
            );
            // The same timer as practice: it starts when the question is shown.
            const begun = await practice.beginAnswer(store, userId, session.id, { stepId: step.id });
            const startedAt = begun.current?.timerStartedAt?.getTime() ?? Date.now();
            const elapsed = () => (Date.now() - startedAt) / 1000;
            if (!input.interactive) ctx.out(timerStarted(elapsed(), step.budgetSeconds));
            let typed: AnswerInput;
            do {
              typed = await input.readAnswer({
                prefill: [],
                prompt: () => timerPrompt(style, elapsed(), step.budgetSeconds),
                onLine: async (lines) => {
                  await practice.saveDraft(store, userId, session.id, {
                    stepId: step.id,
                    text: lines.join("\n"),
                  });
                  return undefined;
                },
              });
              // A blank line before any text is not an answer: keep waiting for one.
            } while (typed.end === "blank" && typed.lines.length === 0);
            if (typed.end === "skip") {
              // A skipped question is not rated: it stays as due as it was.
              session = (await practice.skipQuestion(store, userId, session.id, { stepId: step.id })).session;
              skipped += 1;
              ctx.out(
                style.dim(
                  `Skipped (/skip): nothing rated${typed.lines.length > 0 ? "; the lines you typed stay saved" : ""}.`,
                ),
              );
              continue;
            }
            const { lines } = typed;
            const ended = typed.end !== "blank";
            if (typed.end === "interrupt") {
              ctx.out(
                style.dim("Stopped (Ctrl-C): the lines you typed are saved with this question's attempt."),
              );
              break;
            }
            if (lines.length === 0) {
              ctx.out(style.dim(`\nStopped before answering: nothing was recorded for this question.`));
              break;
            }
            const result = await practice.submitAnswer(store, userId, session.id, {
              stepId: step.id,
              text: lines.join("\n"),
            });
            if (!result.skipped) answered += 1;
            // Lines are never blank here, so the answer is never taken as a skip.
            const feedback = result.skipped ? undefined : result.drill;
            const out: string[] = result.skipped
              ? []
              : [timeUsed(style, result.usedSeconds, result.budgetSeconds)];
            if (feedback === undefined || feedback.keyPoints.length === 0) {
              out.push(
                style.yellow(
                  feedback?.note ?? "This question has no key points to check your answer against.",
                ),
              );
            } else {
              covered += feedback.covered.length;
              points += feedback.keyPoints.length;
              out.push(
                style.bold(`Key points: ${feedback.covered.length} of ${feedback.keyPoints.length} covered`),
              );
              for (const point of feedback.points)
                out.push(
                  point.covered
                    ? `  ${style.green("✓ covered")}  ${point.keyPoint}`
                    : `  ${style.red("✗ missed")}   ${point.keyPoint}`,
                );
            }
            // One line, wrapped to the terminal with the rest of the report.
            if (feedback?.outline)
              out.push(
                style.bold("A strong answer:"),
                style.dim(`  ${feedback.outline.replace(/\s+/g, " ").trim()}`),
              );
            ctx.report(out.join("\n"));
            for (;;) {
              // "Enter skips" read as skipping the question: it only leaves the answer unrated.
              const choices = "Rate your answer: 1 again · 2 hard · 3 good · 4 easy (Enter: no rating)";
              if (!input.interactive) ctx.out(`${choices}:`);
              const answer = await input.ask(`${choices} › `);
              if (answer === undefined || answer.trim() === "") {
                ctx.out(style.dim("  not rated: it stays due"));
                break;
              }
              try {
                const trimmed = answer.trim().toLowerCase();
                const rated = await practice.rateAnswer(
                  store,
                  userId,
                  session.id,
                  step.id,
                  parseRating(/^\d$/.test(trimmed) ? Number(trimmed) : trimmed),
                );
                // Said as practice says it: the rating taken, the date, and how far off it is.
                ctx.out(
                  style.dim(
                    rated.due
                      ? `  rated ${rated.rating}: next review ${rated.due.toISOString().slice(0, 16).replace("T", " ")} UTC (${inInterval(rated.intervalDays ?? 0)})`
                      : `  rated ${rated.rating}: kept with the attempt`,
                  ),
                );
                break;
              } catch (error) {
                ctx.out(style.red((error as Error).message));
              }
            }
            session = result.session;
            if (ended || input.interrupted) break;
          }
          // "Drill done: 1 question(s)" said nothing of what was answered, and was said after a stop too.
          const figures = [
            `${answered} of ${total} question${total === 1 ? "" : "s"} answered`,
            ...(skipped > 0 ? [`${skipped} skipped`] : []),
            ...(points > 0 ? [`${covered} of ${points} key points covered`] : []),
          ];
          ctx.out(
            style.bold(
              `\n${session.current ? "Drill stopped" : "Drill done"}: ${figures.join(", ")}.${session.current ? " The questions not answered stay due." : ""}`,
            ),
          );
        });
      } finally {
        input.close();
      }
    });
}

/** Where a question is from, as its row says it: `from "Prep for Acme"`, `added by you`, `built-in`. */
function sourceOf(q: BankQuestion): string {
  if (q.origin === "own") return "added by you";
  if (q.origin === "built-in") return "built-in";
  if (q.document === undefined) return "from your document";
  return `from "${q.document.length > 40 ? `${q.document.slice(0, 39)}…` : q.document}"`;
}

const ORIGIN_ORDER: readonly BankQuestion["origin"][] = ["imported", "own", "built-in"];
const ORIGIN_NAMES = {
  imported: "from your documents",
  own: "added by you",
  "built-in": "built-in",
} as const;

/** A kind's questions, the user's own first, and its heading with how many come from where. */
function byOrigin(questions: BankQuestion[], heading: string): { head: string; rows: BankQuestion[] } {
  const rows = ORIGIN_ORDER.flatMap((origin) => questions.filter((q) => q.origin === origin));
  const counts = ORIGIN_ORDER.flatMap((origin) => {
    const n = questions.filter((q) => q.origin === origin).length;
    return n === 0 ? [] : [`${n} ${ORIGIN_NAMES[origin]}`];
  });
  return { head: `${heading} (${questions.length}: ${counts.join(", ")})`, rows };
}

function renderQuestions(questions: BankQuestion[], style: Style): string {
  const short = shortIds(questions.map((q) => q.id));
  const technical = byOrigin(
    questions.filter((q) => q.kind === "technical"),
    "Technical questions",
  );
  const behavioral = byOrigin(
    questions.filter((q) => q.kind === "behavioral"),
    "Behavioral questions",
  );
  const lines: string[] = [];
  if (technical.rows.length > 0) {
    lines.push(style.bold(technical.head));
    for (const q of technical.rows) {
      lines.push(
        `• ${q.text}`,
        style.dim(
          `    ${q.competency}${q.category ? ` · ${q.category}` : ""} · ${q.keyPoints.length} key points · ${sourceOf(q)} · ${short(q.id)}`,
        ),
      );
      if (q.note) lines.push(style.yellow(`    ${q.note}`));
      if (q.keyPointsFrom === "none") {
        lines.push(
          style.dim(
            `    derisk questions add ${JSON.stringify(q.text)} --competency ${q.competency} --key-point "…"`,
          ),
        );
      }
    }
  }
  if (behavioral.rows.length > 0) {
    if (lines.length > 0) lines.push("");
    lines.push(style.bold(behavioral.head));
    for (const q of behavioral.rows) {
      lines.push(
        `• ${q.text}`,
        style.dim(
          `    ${q.competency}${q.checks.length > 0 ? ` · checks ${q.checks.join(", ")}` : ""} · ${sourceOf(q)} · ${short(q.id)}`,
        ),
      );
    }
  }
  if (lines.length === 0) lines.push(style.dim("No question matches."));
  return lines.join("\n");
}

interface ListFlags {
  json?: boolean;
  competency?: string;
  tag?: string;
  kind?: string;
}

/**
 * Prints the question bank (built-in questions merged with the user's own and those of their
 * documents, each labelled by where it is from): shared by
 * `derisk list questions` and `derisk questions list`.
 * @example await listQuestionsAction(ctx, { json: true, tag: "ml-concept" });
 */
export async function listQuestionsAction(ctx: CliContext, flags: ListFlags): Promise<void> {
  const { COMPETENCIES } = await import("../../core/model.ts");
  if (flags.competency !== undefined && !(COMPETENCIES as readonly string[]).includes(flags.competency))
    throw new DeriskError(
      "USAGE",
      `Unknown competency "${flags.competency}": use one of ${COMPETENCIES.join(", ")}.`,
    );
  const tag = parseTag(flags.tag);
  if (flags.kind !== undefined && flags.kind !== "technical" && flags.kind !== "behavioral")
    throw new DeriskError("USAGE", `--kind must be technical or behavioral, not "${flags.kind}".`);
  const { listQuestionBank } = await import("../../app/questions.ts");
  const questions = await ctx.withStore((store, userId) =>
    listQuestionBank(store, userId, {
      ...(flags.competency === undefined
        ? {}
        : { competency: flags.competency as (typeof COMPETENCIES)[number] }),
      ...(tag === undefined ? {} : { tag }),
      ...(flags.kind === undefined ? {} : { kind: flags.kind as "technical" | "behavioral" }),
    }),
  );
  if (flags.json) ctx.out(JSON.stringify({ questions }, null, 2));
  else ctx.report(renderQuestions(questions, ctx.style));
}

interface AddFlags {
  competency?: string;
  keyPoint?: string[];
  outline?: string;
  category?: string;
  check?: string[];
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Registers `derisk questions list|add`: the question bank, and questions of the user's own.
 * @example registerQuestionsCommand(program, createContext()); // derisk questions add "What is dropout?" --competency ml-concept --key-point "…"
 */
export function registerQuestionsCommand(program: Command, ctx: CliContext): void {
  const questions = program
    .command("questions")
    .description(
      "the question bank: built-in technical and behavioral questions, your documents' questions, and those you add",
    );
  rejectUnknownSubcommand(questions, questions.command("list", { isDefault: true }))
    .description(
      "list the bank (same as derisk list questions), each question labelled by source: your documents' questions (technical and behavioral), those you added, the built-in ones",
    )
    .option("--competency <id>", "only one competency")
    .option("--tag <tag>", "only ml-concept or ml-engineering")
    .option("--kind <kind>", "technical or behavioral")
    .option("--json", "print { questions: [...] } as JSON")
    .action((flags: ListFlags) => listQuestionsAction(ctx, flags));
  questions
    .command("add")
    .description("add a question of your own (with key points, it can be drilled)")
    .argument("<text>", "the question")
    .requiredOption("--competency <id>", "its competency (ml-concept or ml-engineering for the drill)")
    .option("--key-point <text>", "a key point of a strong answer (repeat for each)", collect)
    .option("--outline <text>", "an outline of a strong answer")
    .option("--category <text>", "a category, e.g. ML foundations")
    .option(
      "--check <risk>",
      "a risk the interviewer checks (ambiguity, spinning, blame, autonomy, systems); repeatable",
      collect,
    )
    .option("--json", "print the question as JSON")
    .addHelpText(
      "after",
      '\nExample:\n  derisk questions add "What does dropout do?" --competency ml-concept \\\n    --key-point "randomly zeroes activations in training" \\\n    --key-point "turned off at inference"',
    )
    .action(async (text: string, flags: AddFlags) => {
      const { COMPETENCIES } = await import("../../core/model.ts");
      if (!(COMPETENCIES as readonly string[]).includes(flags.competency ?? ""))
        throw new DeriskError(
          "USAGE",
          `Unknown competency "${flags.competency}": use one of ${COMPETENCIES.join(", ")}.`,
        );
      const { addQuestion } = await import("../../app/questions.ts");
      const question = await ctx.withStore((store, userId) =>
        addQuestion(store, userId, {
          text,
          competency: flags.competency as (typeof COMPETENCIES)[number],
          ...(flags.keyPoint === undefined ? {} : { keyPoints: flags.keyPoint }),
          ...(flags.outline === undefined ? {} : { outline: flags.outline }),
          ...(flags.category === undefined ? {} : { category: flags.category }),
          ...(flags.check === undefined ? {} : { checks: flags.check }),
        }),
      );
      ctx.out(
        flags.json
          ? JSON.stringify({ question }, null, 2)
          : `Added ${ctx.style.bold(question.text)} ${ctx.style.dim(`(${question.competency} · ${question.keyPoints.length} key points · ${shortId(question.id)})`)}`,
      );
    });
}
