import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import type { BankQuestion } from "../../app/questions.ts";
import type { DrillFeedback } from "../../core/practice-types.ts";
import { shortId, shortIds } from "../../core/short-ids.ts";
import { formatDuration } from "../../core/words.ts";
import { answeringClock } from "../answering-clock.ts";
import type { CliContext } from "../context.ts";
import { rejectUnknownSubcommand } from "../default-command.ts";
import { type AnswerInput, plainLineInput, terminalLineInput } from "../line-input.ts";
import type { Style } from "../render/style.ts";
import { inInterval, timerPrompt, timerStarted, timeUsed } from "../render/timer.ts";

interface DrillFlags {
  count?: string;
  tag?: string;
  resume?: string | boolean;
  newPerDay?: string;
}

type PracticeModule = typeof import("../../app/practice.ts");
type PracticeView = import("../../app/practice.ts").PracticeView;
type PracticeStepView = import("../../app/practice.ts").PracticeStepView;
type Store = import("../../store/index.ts").Store;

const TAGS = ["ml-concept", "ml-engineering"];

function parseCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 20)
    throw new DeriskError("USAGE", `--count must be a whole number 1–20, not "${value}".`);
  return n;
}

/**
 * `derisk drill --new-per-day N`: saves the setting (it is the user's, kept in the bank like the
 * profile) and says what it means for the queue; it starts no drill.
 */
async function saveNewPerDay(ctx: CliContext, flags: DrillFlags): Promise<void> {
  const value = flags.newPerDay ?? "";
  const others = [
    ...(flags.count === undefined ? [] : ["--count"]),
    ...(flags.tag === undefined ? [] : ["--tag"]),
    ...(flags.resume === undefined || flags.resume === false ? [] : ["--resume"]),
  ];
  if (others.length > 0)
    throw new DeriskError(
      "USAGE",
      `--new-per-day saves a setting and starts no drill: drop ${others.join(" and ")}, or run them apart (derisk drill --new-per-day ${value}, then derisk drill ${others.join(" ")} …).`,
    );
  const { checkNewCardsPerDay, setNewCardsPerDay } = await import("../../app/new-cards.ts");
  let perDay: number;
  try {
    perDay = checkNewCardsPerDay(value);
  } catch {
    throw new DeriskError(
      "USAGE",
      `--new-per-day must be a whole number from 0 to 100, not "${value}" (0 starts no new cards: reviews only).`,
    );
  }
  const { dueQueue } = await import("../../app/practice.ts");
  const { describeNewCards } = await import("../../core/new-cards-outlook.ts");
  const outlook = await ctx.withStore(async (store, userId) => {
    await setNewCardsPerDay(store, userId, perDay);
    return (await dueQueue(store, userId)).newCards;
  });
  ctx.report(
    `New cards a day: ${perDay} (saved; the drill and derisk due use it).\n${ctx.style.dim(`${describeNewCards(outlook)}.`)}`,
  );
}

function parseTag(value: string | undefined): "ml-concept" | "ml-engineering" | undefined {
  if (value === undefined) return undefined;
  if (!TAGS.includes(value))
    throw new DeriskError("USAGE", `--tag must be ml-concept or ml-engineering, not "${value}".`);
  return value as "ml-concept" | "ml-engineering";
}

const isDrillSession = (session: PracticeView) =>
  (session.source as { kind?: unknown } | null)?.kind === "drill";

/** The drill session to go on with: the one named, else the newest unfinished drill. */
async function findDrill(
  practice: PracticeModule,
  store: Store,
  userId: string,
  resume: string | boolean,
): Promise<PracticeView> {
  if (typeof resume === "string") {
    const { resolveId } = await import("../../app/ids.ts");
    const session = await practice
      .getPractice(store, userId, await resolveId(store, userId, "practice-session", resume))
      .catch((error: { code?: string }) => {
        if (error.code === "NOT_FOUND")
          throw new DeriskError(
            "NOT_FOUND",
            `No drill session ${resume}: derisk practice --list shows the unfinished ones.`,
          );
        throw error;
      });
    if (!isDrillSession(session))
      throw new DeriskError(
        "USAGE",
        `Session ${shortId(session.id)} is a mock interview, not a drill: resume it with derisk practice --resume ${shortId(session.id)}.`,
      );
    return session;
  }
  const active = await practice.listPractice(store, userId, { status: "active" });
  const newest = active.find(isDrillSession);
  if (!newest) throw new DeriskError("NOT_FOUND", "No unfinished drill to resume: derisk drill starts one.");
  return newest;
}

/** The newest drilled answer not rated yet, before the current question (or after the last). */
function unrated(session: PracticeView, declined: Set<string>): PracticeStepView | undefined {
  return session.steps
    .slice(0, session.currentIndex ?? session.steps.length)
    .reverse()
    .find((s) => s.attempt?.finished === true && s.attempt.selfRating === undefined && !declined.has(s.id));
}

/**
 * Registers `derisk drill`: technical questions in the terminal. Each answer is typed line by
 * line (a blank line or Ctrl-D ends it) and saved as it is typed; then the key points covered
 * and missed, the outline of a strong answer, and a 1–4 rating that schedules the question
 * (FSRS, the one due queue). `--resume` goes on with a drill that was stopped or killed.
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
    .option("--resume [id]", "go on with an unfinished drill (the newest one without an id)")
    .option(
      "--new-per-day <n>",
      "save how many never-practised cards the drill and the due queue start a day (0–100, default 10)",
    )
    .addHelpText(
      "after",
      "\nType each answer; every line is saved as you type it. A blank line (or Ctrl-D)\nsubmits it, /skip skips the question, /end ends the drill. Rate 1 again,\n2 hard, 3 good, 4 easy; Enter skips the rating. Ctrl-C stops; --resume goes\non where you stopped, with what you typed.\n\nExamples:\n  derisk drill\n  derisk drill --count 3 --tag ml-engineering\n  derisk drill --resume\n  derisk drill --new-per-day 5",
    )
    .action(async (flags: DrillFlags) => {
      if (flags.newPerDay !== undefined) {
        await saveNewPerDay(ctx, flags);
        return;
      }
      const count = parseCount(flags.count);
      const tag = parseTag(flags.tag);
      const resuming = flags.resume !== undefined && flags.resume !== false;
      if (resuming && (count !== undefined || tag !== undefined))
        throw new DeriskError(
          "USAGE",
          "--resume takes no --count or --tag: the drill keeps the questions it started with.",
        );
      const practice = await import("../../app/practice.ts");
      const { parseRating } = await import("../../core/schedule/index.ts");
      const { style } = ctx;
      // The terminal's reader is closed at the end: left open, it kept the process waiting after "Drill done".
      const input = ctx.terminal
        ? terminalLineInput(ctx.terminal.input, ctx.terminal.output)
        : plainLineInput(ctx.readLine, ctx.out);
      try {
        await ctx.withStore(async (store, userId) => {
          let session = resuming
            ? await findDrill(practice, store, userId, flags.resume as string | boolean)
            : await practice.startPractice(store, userId, {
                from: { kind: "drill", ...(tag === undefined ? {} : { tag }) },
                ...(count === undefined ? {} : { count }),
              });
          const total = session.steps.length;
          const declined = new Set<string>();
          // Answered in this run: their feedback is on screen already, so a pending rating
          // does not print it again (that reprint is for answers of an earlier run).
          const answeredNow = new Set<string>();
          let stopped = false;
          // Stopped at a rating prompt: the resume line says it is where to rate.
          let rateLater = false;
          if (resuming) {
            const at = session.currentIndex === undefined ? total : session.currentIndex + 1;
            ctx.out(
              style.bold(
                session.current === undefined
                  ? `Resuming drill ${shortId(session.id)}: every question answered, your rating is left`
                  : `Resuming drill ${shortId(session.id)} at question ${at}/${total}`,
              ),
            );
          }
          for (;;) {
            const pending = unrated(session, declined);
            if (pending) {
              if (resuming && pending.drill && !answeredNow.has(pending.id))
                ctx.report(renderFeedback(pending.drill, style, pending.questionText));
              const rated = await rate(pending);
              if (rated === "stop") {
                stopped = true;
                break;
              }
              session = await practice.getPractice(store, userId, session.id);
              continue;
            }
            const step = session.current;
            if (!step || stopped) break;
            const outcome = await answer(step);
            if (outcome === "end") break;
            if (outcome === "stop") {
              stopped = true;
              // An answer just submitted is still rated before stopping.
              if (unrated(session, declined) === undefined) break;
            }
          }
          if (!stopped && session.current === undefined && session.status !== "finished")
            await practice.finishPractice(store, userId, session.id);
          // Counted from the session, earlier runs of a resumed drill included.
          const final = await practice.getPractice(store, userId, session.id);
          const answered = final.steps.filter((s) => s.attempt?.finished).length;
          const skipped = final.steps.filter((s) => s.skipped).length;
          const covered = final.steps.reduce((sum, s) => sum + (s.drill?.covered.length ?? 0), 0);
          const points = final.steps.reduce((sum, s) => sum + (s.drill?.keyPoints.length ?? 0), 0);
          // "Drill done: 1 question(s)" said nothing of what was answered, and was said after a stop too.
          const figures = [
            `${answered} of ${total} question${total === 1 ? "" : "s"} answered`,
            ...(skipped > 0 ? [`${skipped} skipped`] : []),
            ...(points > 0 ? [`${covered} of ${points} key points covered`] : []),
          ];
          const open = final.status !== "finished";
          ctx.out(
            style.bold(
              `\n${open ? "Drill stopped" : "Drill done"}: ${figures.join(", ")}.${final.current ? " The questions not answered stay due." : ""}`,
            ),
          );
          if (open)
            ctx.out(
              style.dim(
                rateLater
                  ? `Rate it later, and go on: derisk drill --resume ${shortId(final.id)}`
                  : `Resume with: derisk drill --resume ${shortId(final.id)}`,
              ),
            );

          async function answer(step: PracticeStepView): Promise<"next" | "stop" | "end"> {
            const at = session.steps.findIndex((s) => s.id === step.id) + 1;
            ctx.report(
              [
                "",
                style.bold(`Question ${at}/${total}: ${step.questionText}`),
                style.dim(
                  `${step.competency ? `${step.competency} · ` : ""}budget ${formatDuration(step.budgetSeconds)} · a blank line or Ctrl-D submits · /skip skips · /end ends`,
                ),
              ].join("\n"),
            );
            // The same timer as practice: it starts when the question is shown (kept on a resume).
            const begun = await practice.beginAnswer(store, userId, session.id, { stepId: step.id });
            const current = begun.current ?? step;
            const timer = answeringClock(store, userId, session.id, step.id, current.elapsedMs);
            const elapsed = timer.seconds;
            const prefill = current.attempt?.text ? current.attempt.text.split("\n") : [];
            if (prefill.length > 0) {
              ctx.out(
                style.dim(
                  `Your saved answer so far (${prefill.length} ${prefill.length === 1 ? "line" : "lines"}), kept; go on typing:`,
                ),
              );
              ctx.report(prefill.map((line) => `  ${line}`).join("\n"));
            }
            if (!input.interactive) ctx.out(timerStarted(elapsed(), step.budgetSeconds));
            const save = (text: string) =>
              practice.saveDraft(store, userId, session.id, { stepId: step.id, text });
            // Saves run one after another, so a line's save never lands before the half-line's it follows.
            let saving: Promise<unknown> = Promise.resolve();
            let typed: AnswerInput;
            try {
              do {
                typed = await input.readAnswer({
                  prefill,
                  prompt: () => timerPrompt(style, elapsed(), step.budgetSeconds),
                  // As in practice: /end ends the drill (it used to be taken as the answer, and scored).
                  endCommand: true,
                  // The line being typed is saved every second too: kill -9 loses at most a second of it.
                  onPartial: (lines, partial) => {
                    const words = partial.trim() !== "" && !partial.trimStart().startsWith("/");
                    const text = (words ? [...lines, partial] : lines).join("\n");
                    saving = saving.then(() => save(text)).catch(() => undefined);
                  },
                  onLine: async (lines) => {
                    await saving;
                    await save(lines.join("\n"));
                    return undefined;
                  },
                });
                await saving;
                // A blank line before any text is not an answer: keep waiting for one.
              } while (typed.end === "blank" && typed.lines.length === 0);
            } finally {
              timer.stop();
            }
            if (typed.end === "end") {
              // As practice's /end: the questions left are not reached and stay due; lines typed stay saved.
              session = await practice.endPractice(store, userId, session.id);
              ctx.out(
                style.dim(
                  `Drill ended (/end)${typed.lines.length > 0 ? "; the lines you typed stay saved, not scored" : ""}.`,
                ),
              );
              return "end";
            }
            if (typed.end === "skip") {
              // A skipped question is not rated: it stays as due as it was.
              session = (await practice.skipQuestion(store, userId, session.id, { stepId: step.id })).session;
              ctx.out(
                style.dim(
                  `Skipped (/skip): nothing rated${typed.lines.length > 0 ? "; the lines you typed stay saved" : ""}.`,
                ),
              );
              return "next";
            }
            const { lines } = typed;
            if (typed.end === "interrupt") {
              // The line being typed when Ctrl-C came is kept too.
              if (typed.partial.trim() !== "")
                await save([...lines, typed.partial].join("\n")).catch(() => undefined);
              ctx.out(
                style.dim("Stopped (Ctrl-C): the lines you typed are saved with this question's attempt."),
              );
              return "stop";
            }
            if (lines.length === 0) {
              ctx.out(style.dim(`\nStopped before answering: nothing was recorded for this question.`));
              return "stop";
            }
            const result = await practice.submitAnswer(store, userId, session.id, {
              stepId: step.id,
              text: lines.join("\n"),
            });
            session = result.session;
            answeredNow.add(step.id);
            // Lines are never blank here, so the answer is never taken as a skip.
            if (!result.skipped) {
              ctx.report(
                [
                  timeUsed(style, result.usedSeconds, result.budgetSeconds),
                  renderFeedback(result.drill, style),
                ].join("\n"),
              );
            }
            return typed.end !== "blank" || input.interrupted ? "stop" : "next";
          }

          async function rate(step: PracticeStepView): Promise<"rated" | "declined" | "stop"> {
            for (;;) {
              // "Enter skips" read as skipping the question: it only leaves the answer unrated.
              const choices = "Rate your answer: 1 again · 2 hard · 3 good · 4 easy (Enter: no rating)";
              if (!input.interactive) ctx.out(`${choices}:`);
              const said = await input.ask(`${choices} › `);
              if (said === undefined) {
                // The input ended (Ctrl-D, a pipe closed) or Ctrl-C: the answer is saved, its
                // rating left for --resume; no further question is asked of an input that is gone.
                ctx.out(style.yellow("\nInput ended before the rating: your answer is saved, not rated."));
                rateLater = true;
                return "stop";
              }
              if (said.trim() === "") {
                ctx.out(style.dim("  not rated: it stays due"));
                declined.add(step.id);
                return "declined";
              }
              try {
                const trimmed = said.trim().toLowerCase();
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
                return "rated";
              } catch (error) {
                ctx.out(style.red((error as Error).message));
              }
            }
          }
        });
      } finally {
        input.close();
        if (input.interrupted) ctx.exitCode = 130;
      }
    });
}

/** "1 key point", "3 key points" ("1 key points" was printed). */
function keyPointCount(count: number): string {
  return `${count} key point${count === 1 ? "" : "s"}`;
}

/** The key points covered and missed, and the outline of a strong answer. */
export function renderFeedback(feedback: DrillFeedback | undefined, style: Style, question?: string): string {
  const out: string[] = question === undefined ? [] : ["", style.bold(`Your answer to: ${question}`)];
  if (feedback === undefined || feedback.keyPoints.length === 0) {
    out.push(style.yellow(feedback?.note ?? "This question has no key points to check your answer against."));
  } else {
    out.push(style.bold(`Key points: ${feedback.covered.length} of ${feedback.keyPoints.length} covered`));
    for (const point of feedback.points)
      out.push(
        point.covered
          ? `  ${style.green("✓ covered")}  ${point.keyPoint}`
          : `  ${style.red("✗ missed")}   ${point.keyPoint}`,
      );
  }
  // One line, wrapped to the terminal with the rest of the report.
  if (feedback?.outline)
    out.push(style.bold("A strong answer:"), style.dim(`  ${feedback.outline.replace(/\s+/g, " ").trim()}`));
  return out.join("\n");
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
          `    ${q.competency}${q.category ? ` · ${q.category}` : ""} · ${keyPointCount(q.keyPoints.length)} · ${sourceOf(q)} · ${short(q.id)}`,
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
    .addHelpText(
      "after",
      '\nExamples:\n  derisk questions\n  derisk questions list --tag ml-concept\n  derisk questions add "What does dropout do?" --competency ml-concept \\\n    --key-point "randomly zeroes activations in training"',
    )
    .description(
      "the question bank: built-in technical and behavioral questions, your documents' questions, and those you add",
    );
  rejectUnknownSubcommand(questions, questions.command("list", { isDefault: true }))
    .addHelpText(
      "after",
      "\nExamples:\n  derisk questions list --kind behavioral\n  derisk questions list --competency conflict --json",
    )
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
          : `Added ${ctx.style.bold(question.text)} ${ctx.style.dim(`(${question.competency} · ${keyPointCount(question.keyPoints.length)} · ${shortId(question.id)})`)}`,
      );
    });
}
