import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import type { AttemptHistory } from "../../app/practice.ts";
import { notScoredLabel } from "../../core/attempt-score.ts";
import { dueLabels, stepLabel } from "../../core/due-labels.ts";
import { stripMarkup } from "../../core/markup.ts";
import { describeNewCards } from "../../core/new-cards-outlook.ts";
import { shortId, shortIds } from "../../core/short-ids.ts";
import { formatDuration } from "../../core/words.ts";
import { answeringClock } from "../answering-clock.ts";
import type { CliContext } from "../context.ts";
import { localDay, localMinute } from "../render/dates.ts";
import { inInterval, timerPrompt, timerStarted, timeUsed, typedTimeUsed } from "../render/timer.ts";
import { renderFeedback } from "./drill.ts";

interface DueFlags {
  json?: boolean;
  limit?: string;
  new?: boolean;
}

// Days in the terminal's time zone: "due 2026-03-01" is the user's 1 March, not UTC's.
const day = localDay;

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
    .option(
      "--json",
      "print { due: [...], newCards: { perDay, leftToday, waiting, today, tomorrow } } as JSON",
    )
    .addHelpText("after", "\nExamples:\n  derisk due\n  derisk due --no-new --json")
    .action(async (flags: DueFlags) => {
      const limit = parseLimit(flags.limit);
      const { dueQueue } = await import("../../app/practice.ts");
      const { due, newCards } = await ctx.withStore((store, userId) =>
        dueQueue(store, userId, {
          ...(limit === undefined ? {} : { limit }),
          includeNew: flags.new !== false,
        }),
      );
      if (flags.json) {
        ctx.out(JSON.stringify({ due, newCards }, null, 2));
        return;
      }
      const { style } = ctx;
      const overdue = due.filter((d) => d.status === "overdue").length;
      // Worded as Practice and derisk stats word it: cards due now, never-practised ones apart.
      const lines = [style.bold(`${overdue} due now · ${due.length - overdue} new`)];
      const short = shortIds(due.map((d) => d.itemId ?? d.questionId ?? ""));
      const labels = dueLabels(due);
      for (const [index, d] of due.entries()) {
        const when = d.status === "overdue" ? style.yellow(`due ${day(d.due)}`) : style.dim("new");
        lines.push(
          `• ${labels[index] ?? d.questionText}`,
          style.dim(`    ${d.kind} · ${d.competency} · `) +
            when +
            style.dim(` · ${short(d.itemId ?? d.questionId ?? "")}`),
        );
      }
      if (due.length === 0)
        lines.push(style.dim("  nothing due: import a prep document, or come back later"));
      // How many new cards wait beyond today's, and when they come (the limit is the user's).
      lines.push(
        style.dim(`${describeNewCards(newCards)}. Change how many a day: derisk drill --new-per-day N.`),
      );
      if (due.length > 0)
        lines.push(
          style.dim("Practise them: derisk practice --due. One's attempts and scores: derisk history ID."),
        );
      ctx.report(lines.join("\n"));
    });
}

/**
 * Registers `derisk attempts ID`: an answer's (or question's) attempts over time.
 * @example registerAttemptsCommand(program, createContext()); // derisk attempts 3f2a --json
 */
export function registerAttemptsCommand(program: Command, ctx: CliContext): void {
  program
    .command("attempts")
    .addHelpText("after", "\nExamples:\n  derisk attempts 3f2a\n  derisk attempts 3f2a --json")
    .description(
      "an answer's or technical question's practice attempts over time: time, words, score, rating",
    )
    .argument("<id>", "the answer or question id (derisk due lists them)")
    .option("--json", "print the history as JSON")
    .action(async (id: string, flags: { json?: boolean }) => {
      const { attemptHistory } = await import("../../app/practice.ts");
      const history = await ctx.withStore(async (store, userId) =>
        attemptHistory(store, userId, await resolveId(store, userId, "item-or-question", id)),
      );
      if (flags.json) {
        ctx.out(JSON.stringify({ history }, null, 2));
        return;
      }
      ctx.report(renderAttemptHistory(history, ctx.style));
    });
}

/**
 * An answer's practice attempts in the terminal: date, time, words, score and rating per
 * attempt, the score over time, and when it is due next.
 * @example ctx.out(renderAttemptHistory(await attemptHistory(store, userId, id), ctx.style));
 */
export function renderAttemptHistory(history: AttemptHistory, style: CliContext["style"]): string {
  const finished = history.attempts.filter((a) => a.finishedAt !== undefined);
  const lines = [
    style.bold(history.questionText),
    style.dim(
      `${history.kind} · ${finished.length} ${finished.length === 1 ? "attempt" : "attempts"}${finished.length < history.attempts.length ? ` + ${history.attempts.length - finished.length} unfinished` : ""}`,
    ),
  ];
  for (const a of history.attempts) {
    const score =
      a.score !== undefined
        ? `score ${a.score}/5`
        : style.dim(a.notScored === undefined ? "unscored" : notScoredLabel(a.notScored));
    const state = a.finishedAt ? "" : style.yellow(" (unfinished)");
    lines.push(
      `  ${localMinute(a.startedAt)}  ${String(a.durationSeconds).padStart(4)} s  ${String(a.words).padStart(4)} words  ${score}${a.rating ? `  rated ${a.rating}` : ""}${state}`,
    );
  }
  const scores = finished.flatMap((a) => (a.score === undefined ? [] : [a.score]));
  if (scores.length > 1) lines.push(`  score over time: ${scores.join(" → ")}`);
  if (history.attempts.length === 0)
    lines.push(style.dim("  not practised yet: derisk practice (or the web app)"));
  if (history.due) lines.push(style.dim(`next due ${day(history.due)}`));
  return lines.join("\n");
}

interface PracticeFlags {
  due?: boolean;
  competency?: string;
  jd?: string;
  gaps?: boolean;
  question?: string;
  count?: string;
  role?: string;
  resume?: string | boolean;
  list?: boolean;
  json?: boolean;
}

type PracticeModule = typeof import("../../app/practice.ts");
type PracticeView = import("../../app/practice.ts").PracticeView;
type PracticeStepView = import("../../app/practice.ts").PracticeStepView;
type Store = import("../../store/index.ts").Store;

const when = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

/** Greedy word wrap of each paragraph to `width` columns. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line === "") line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
      while (line.length > width) {
        out.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * The attempt beside the prepared answer: two columns when the terminal is at least 100
 * columns wide, one below the other otherwise (and when not a terminal).
 */
export function sideBySide(
  left: { title: string; text: string },
  right: { title: string; text: string },
  columns: number,
  style: CliContext["style"],
): string {
  if (columns >= 100) {
    const width = Math.floor((columns - 3) / 2);
    const a = wrapText(left.text, width);
    const b = wrapText(right.text, width);
    const rows = [
      `${style.bold(left.title.padEnd(width))} │ ${style.bold(right.title)}`,
      `${"─".repeat(width)}─┼─${"─".repeat(width)}`,
    ];
    for (let i = 0; i < Math.max(a.length, b.length); i += 1)
      rows.push(`${(a[i] ?? "").padEnd(width)} │ ${b[i] ?? ""}`.trimEnd());
    return rows.join("\n");
  }
  const indent = (text: string) =>
    // Not a terminal (columns 0): the 80 columns of a pipe. Math.max(40, -4) made it 40 before,
    // and the `|| 76` meant for this case never applied.
    wrapText(text, columns > 0 ? Math.max(40, columns - 4) : 76)
      .map((line) => `  ${line}`)
      .join("\n");
  return [style.bold(left.title), indent(left.text), style.bold(right.title), indent(right.text)].join("\n");
}

function sourceLabel(source: unknown): string {
  const from = source as { kind?: string; competency?: string; text?: string } | null;
  switch (from?.kind) {
    case "competency":
      return `competency ${from.competency}`;
    case "jd":
      return "a job description";
    case "gaps":
      return "coverage gaps";
    case "question":
      return "a typed question";
    case "items":
      return "picked questions";
    case "drill":
      return "the technical drill";
    default:
      return "what is due";
  }
}

const isDrill = (session: PracticeView) => (session.source as { kind?: unknown } | null)?.kind === "drill";

function progressOf(session: PracticeView): { answered: number; total: number; at: number } {
  const questions = session.steps.filter((s) => s.kind === "question");
  const current = session.current;
  const anchor = current?.kind === "follow-up" ? current.followUpOf : current?.id;
  const at = anchor === undefined ? questions.length : questions.findIndex((q) => q.id === anchor) + 1;
  return {
    answered: questions.filter((q) => q.attempt?.finished).length,
    total: questions.length,
    at,
  };
}

/** The newest question answered but not rated yet, before the current step (rated after its follow-up). */
function pendingRating(session: PracticeView, declined: Set<string>): PracticeStepView | undefined {
  const before = session.steps.slice(0, session.currentIndex ?? session.steps.length);
  return before
    .reverse()
    .find(
      (s) =>
        s.kind === "question" &&
        s.attempt?.finished === true &&
        s.attempt.selfRating === undefined &&
        !declined.has(s.id),
    );
}

/**
 * Registers `derisk practice`: a timed mock interview in the terminal. Each answer is typed
 * line by line (a blank line or Ctrl-D ends it) and autosaved per line; then the analysis
 * beside the prepared answer, one follow-up, a self-rating that feeds the schedule, and a
 * report. `--resume` continues an unfinished session at the same question with the text kept.
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
    .option("--jd <file>", "questions from a job description's requirements")
    .option("--gaps", "questions for the competencies your stories do not cover yet")
    .option("--question <text>", "practise one question you type")
    .option("--count <n>", "number of questions (1–20, default 5)")
    .option("-r, --role <id>", "target role for the analysis")
    .option("--resume [id]", "continue an unfinished session (the newest one without an id)")
    .option("--list", "list unfinished sessions")
    .option("--json", "with --list: print { sessions: [...] } as JSON")
    .addHelpText(
      "after",
      [
        "",
        "Type each answer; every line is saved as you go. A blank line (or Ctrl-D)",
        "submits it; an empty answer or /skip skips the question. Type /peek to see",
        "your prepared answer (noted). Rate with again/hard/good/easy or 1–4 (Enter: no",
        "rating). /end ends the interview here (its report marks the questions left as",
        "not reached); Ctrl-C stops; --resume continues.",
        "",
        "Examples:",
        "  derisk practice --count 3",
        "  derisk practice --competency conflict --role ml-engineer",
        "  derisk practice --jd posting.md --count 4",
        "  derisk practice --gaps",
        '  derisk practice --question "Why should we hire you?"',
        "  derisk practice --list",
        "  derisk practice --resume",
      ].join("\n"),
    )
    .action(async (flags: PracticeFlags) => {
      const sources = [flags.due, flags.competency, flags.jd, flags.gaps, flags.question].filter(
        (f) => f !== undefined && f !== false,
      );
      if (sources.length > 1)
        throw new DeriskError(
          "USAGE",
          "Choose one of --due, --competency, --jd, --gaps or --question (one source of questions).",
        );
      const resuming = flags.resume !== undefined && flags.resume !== false;
      if ((resuming || flags.list) && (sources.length > 0 || flags.count !== undefined))
        throw new DeriskError(
          "USAGE",
          "--resume and --list take no source or --count: the session keeps the questions it started with.",
        );
      // A mock interview is typed at a prompt; only the list of sessions is printed.
      if (flags.json && !flags.list)
        throw new DeriskError(
          "USAGE",
          "--json goes with --list (derisk practice --list --json): a mock interview is answered at a prompt, not printed.",
        );
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
      let posting: string | undefined;
      if (flags.jd !== undefined) {
        if (flags.jd === "-")
          throw new DeriskError(
            "USAGE",
            "--jd needs a file: standard input is where your answers are typed (save the posting to a file first).",
          );
        const { readTextArg } = await import("./compose.ts");
        posting = await readTextArg(ctx, flags.jd, "job description");
      }
      const practice = await import("../../app/practice.ts");
      await ctx.withStore(async (store, userId) => {
        if (flags.list) {
          ctx.out(
            flags.json
              ? JSON.stringify({ sessions: await unfinishedJson(practice, store, userId) }, null, 2)
              : await listUnfinished(practice, store, userId, ctx.style),
          );
          return;
        }
        let session: PracticeView;
        if (resuming) {
          session = await findResumable(practice, store, userId, flags.resume);
          if (session.status === "finished") {
            ctx.out(ctx.style.dim(`Session ${shortId(session.id)} is finished: here is its report.`));
            ctx.report(await renderReport(practice, store, userId, session.id, ctx.style));
            return;
          }
          const { at, total } = progressOf(session);
          ctx.out(
            ctx.style.bold(
              session.current === undefined
                ? `Resuming session ${shortId(session.id)} (${sourceLabel(session.source)}): every question answered, your rating is left`
                : `Resuming session ${shortId(session.id)} (${sourceLabel(session.source)}) at question ${Math.min(at, total)}/${total}`,
            ),
          );
        } else {
          const from =
            flags.question !== undefined
              ? ({ kind: "question", text: flags.question } as const)
              : posting !== undefined
                ? ({ kind: "jd", text: posting } as const)
                : flags.gaps
                  ? ({ kind: "gaps" } as const)
                  : flags.competency !== undefined
                    ? ({
                        kind: "competency",
                        competency: flags.competency as (typeof COMPETENCIES)[number],
                      } as const)
                    : ({ kind: "due" } as const);
          const unfinished = await store.practice.listSessions(userId, { status: "active" });
          session = await practice.startPractice(store, userId, {
            from,
            ...(count === undefined ? {} : { count }),
            ...(role === undefined ? {} : { role }),
          });
          const questions = session.steps.length;
          ctx.out(
            ctx.style.bold(
              `Practice session ${shortId(session.id)}: ${questions} question${questions === 1 ? "" : "s"} from ${sourceLabel(session.source)}${session.role ? ` · role ${session.role}` : ""}`,
            ),
          );
          if (unfinished.length > 0)
            ctx.out(
              ctx.style.dim(
                `(${unfinished.length} earlier session(s) unfinished: derisk practice --list, derisk practice --resume ID)`,
              ),
            );
        }
        ctx.out(
          ctx.style.dim(
            "Every line is saved as you type it. A blank line or Ctrl-D submits; an empty answer or /skip skips; /peek shows your prepared answer; /end ends the interview; Ctrl-C stops.",
          ),
        );
        await runSession(ctx, practice, store, userId, session);
      });
    });
}

/** The unfinished sessions as `practice --list --json` prints them, newest first. */
async function unfinishedJson(practice: PracticeModule, store: Store, userId: string) {
  const sessions = await practice.listPractice(store, userId, { status: "active" });
  return sessions.map((session) => {
    const { answered, total, at } = progressOf(session);
    const current = session.current;
    return {
      id: session.id,
      kind: isDrill(session) ? "drill" : "practice",
      source: sourceLabel(session.source),
      createdAt: session.createdAt.toISOString(),
      answered,
      total,
      // The question it stands at (1-based), its text and whether a draft of it is saved;
      // null past the last question, where only a rating is left.
      at: current === undefined ? null : Math.min(at, total),
      question: current?.questionText ?? null,
      draftSaved: Boolean(current?.attempt?.text),
      resume: `derisk ${isDrill(session) ? "drill" : "practice"} --resume ${session.id}`,
    };
  });
}

async function listUnfinished(
  practice: PracticeModule,
  store: Store,
  userId: string,
  style: CliContext["style"],
): Promise<string> {
  const sessions = await practice.listPractice(store, userId, { status: "active" });
  if (sessions.length === 0) return style.dim("No unfinished practice session: derisk practice starts one.");
  const lines = [style.bold(`Unfinished sessions: ${sessions.length} (newest first)`)];
  const short = shortIds(sessions.map((session) => session.id));
  for (const session of sessions) {
    const { answered, total, at } = progressOf(session);
    const current = session.current;
    // A session past its last question waits for a rating: "at question 2/2: —" hid what was left.
    const unrated = [...session.steps]
      .reverse()
      .find((s) => s.kind === "question" && s.attempt?.finished && s.attempt.selfRating === undefined);
    lines.push(
      `• ${short(session.id)}  ${style.dim(`started ${when(session.createdAt)} UTC · ${sourceLabel(session.source)} · ${answered}/${total} answered`)}`,
      current === undefined
        ? `    to rate: ${unrated?.questionText ?? "—"}`
        : `    at question ${Math.min(at, total)}/${total}: ${current.questionText}${current.attempt?.text ? style.dim(" (draft saved)") : ""}`,
    );
    if (isDrill(session)) lines.push(style.dim(`    go on with: derisk drill --resume ${short(session.id)}`));
  }
  lines.push(style.dim("Resume one: derisk practice --resume ID (no ID: the newest mock interview)."));
  return lines.join("\n");
}

async function findResumable(
  practice: PracticeModule,
  store: Store,
  userId: string,
  resume: string | boolean | undefined,
): Promise<PracticeView> {
  if (typeof resume === "string") {
    let session: PracticeView;
    try {
      session = await practice.getPractice(
        store,
        userId,
        await resolveId(store, userId, "practice-session", resume),
      );
    } catch (error) {
      if ((error as { code?: string }).code === "NOT_FOUND")
        throw new DeriskError(
          "NOT_FOUND",
          `No practice session ${resume}: derisk practice --list shows the unfinished ones.`,
        );
      throw error;
    }
    if (isDrill(session) && session.status !== "finished")
      throw new DeriskError(
        "USAGE",
        `Session ${shortId(session.id)} is a drill: go on with it with derisk drill --resume ${shortId(session.id)}.`,
      );
    return session;
  }
  // A drill is resumed by derisk drill --resume: here it would be read by the behavioral lens.
  const newest = (await practice.listPractice(store, userId, { status: "active" })).find(
    (session) => !isDrill(session),
  );
  if (!newest)
    throw new DeriskError(
      "NOT_FOUND",
      "No unfinished practice session to resume: derisk practice starts one.",
    );
  return newest;
}

/** Drives a session to its end (or until the user stops): answer, review, follow-up, rate, report. */
async function runSession(
  ctx: CliContext,
  practice: PracticeModule,
  store: Store,
  userId: string,
  started: PracticeView,
): Promise<void> {
  const { style } = ctx;
  const { parseRating } = await import("../../core/schedule/index.ts");
  const { renderAnalysis } = await import("../render/analysis.ts");
  const { plainLineInput, terminalLineInput } = await import("../line-input.ts");
  const input = ctx.terminal
    ? terminalLineInput(ctx.terminal.input, ctx.terminal.output)
    : plainLineInput(ctx.readLine, ctx.out);
  const columns = ctx.terminal?.output.columns ?? 0;
  const declined = new Set<string>();
  let session = started;
  const stopped = (why: string) => {
    const { at, total } = progressOf(session);
    ctx.out(
      `\n${style.yellow(why)} Session ${shortId(session.id)} is saved at question ${Math.min(at, total)}/${total} with what you typed.\n${style.dim(`Resume with: derisk practice --resume ${shortId(session.id)}`)}`,
    );
  };
  try {
    for (;;) {
      const pending = pendingRating(session, declined);
      const followUp = pending && session.steps.find((s) => s.followUpOf === pending.id);
      if (pending && !(followUp && session.current?.id === followUp.id)) {
        const rated = await rate(pending);
        if (rated === "stop") return stopped("Stopped before rating.");
        session = await practice.getPractice(store, userId, session.id);
        continue;
      }
      const step = session.current;
      if (!step) {
        // Ratings declined with Enter: the session waits for nothing more, so it leaves --list.
        if (session.status !== "finished") await practice.finishPractice(store, userId, session.id);
        break;
      }
      if (step.removed && !step.attempt?.text) {
        ctx.out(
          `\n${style.yellow("Deleted:")} “${step.questionText}” was deleted from your bank after this session started; moving on.`,
        );
        session = (await practice.submitAnswer(store, userId, session.id, { stepId: step.id, text: "" }))
          .session;
        continue;
      }
      const outcome = await answer(step);
      if (outcome === "stop") return stopped(input.interrupted ? "Stopped (Ctrl-C)." : "Stopped.");
      if (outcome === "end") break;
    }
    ctx.report(await renderReport(practice, store, userId, session.id, style));
  } finally {
    input.close();
    if (input.interrupted) ctx.exitCode = 130;
  }

  async function answer(step: PracticeStepView): Promise<"next" | "stop" | "end"> {
    const isQuestion = step.kind === "question";
    const { at, total } = progressOf(session);
    ctx.report(
      [
        "",
        isQuestion
          ? style.bold(`Question ${at}/${total}: ${stepLabel(step)}`)
          : style.bold(`Follow-up: ${step.questionText}`),
        style.dim(
          `${step.competency ? `${step.competency} · ` : ""}budget ${formatDuration(step.budgetSeconds)}${step.hasPreparedAnswer ? " · /peek shows your prepared answer" : ""}`,
        ),
      ].join("\n"),
    );
    const begun = await practice.beginAnswer(store, userId, session.id, { stepId: step.id });
    const current = begun.current ?? step;
    const timer = answeringClock(store, userId, session.id, step.id, current.elapsedMs);
    const elapsed = timer.seconds;
    const prefill = current.attempt?.text ? current.attempt.text.split("\n") : [];
    if (prefill.length > 0) {
      const count = `${prefill.length} ${prefill.length === 1 ? "line" : "lines"}`;
      ctx.out(style.dim(`Your saved answer so far (${count}), kept; go on typing:`));
      // Wrapped between words: a long typed line would otherwise be cut mid-word at the edge.
      ctx.report(prefill.map((line) => `  ${line}`).join("\n"));
    }
    if (!input.interactive) ctx.out(timerStarted(elapsed(), step.budgetSeconds));
    // Saves run one after another, so a line's save never lands before the half-line's it follows.
    let saving: Promise<unknown> = Promise.resolve();
    const typed = await input
      .readAnswer({
        prefill,
        prompt: () => timerPrompt(style, elapsed(), step.budgetSeconds),
        // The line being typed is saved every second too: kill -9 or a closed terminal loses at most a second.
        onPartial: (lines, partial) => {
          // A command being typed (/peek, /skip) is not part of the answer.
          const words = partial.trim() !== "" && !partial.trimStart().startsWith("/");
          const text = (words ? [...lines, partial] : lines).join("\n");
          saving = saving
            .then(() => practice.saveDraft(store, userId, session.id, { stepId: step.id, text }))
            .catch(() => undefined);
        },
        onLine: async (lines) => {
          try {
            await saving;
            await practice.saveDraft(store, userId, session.id, { stepId: step.id, text: lines.join("\n") });
            return undefined;
          } catch (error) {
            if ((error as { code?: string }).code !== "TOO_LARGE") throw error;
            return style.red(
              `That line was not added: ${(error as Error).message} Your answer so far is kept; finish it with a blank line.`,
            );
          }
        },
        endCommand: true,
        onCommand: async (command) => {
          if (command !== "/peek") return undefined;
          if (!step.hasPreparedAnswer)
            return style.dim(
              `${practice.NOTHING_PREPARED}: answer it from scratch, then write one to keep (derisk add-answer --question "${step.questionText}").`,
            );
          const { preparedAnswer, preparedFrom } = await practice.peekPrepared(store, userId, session.id, {
            stepId: step.id,
          });
          const title =
            preparedFrom === undefined
              ? "Your prepared answer"
              : `Your answer to “${preparedFrom}”, the closest you prepared`;
          return `${style.bold(`${title} (peeking is noted on this attempt):`)}\n${wrapText(
            stripMarkup(preparedAnswer),
            Math.max(40, ctx.columns - 4),
          )
            .map((line) => `  ${line}`)
            .join("\n")}`;
        },
      })
      .finally(timer.stop);
    await saving;
    if (typed.end === "interrupt") {
      if (typed.partial.trim() !== "") {
        // The line being typed when Ctrl-C came is kept too.
        await practice
          .saveDraft(store, userId, session.id, {
            stepId: step.id,
            text: [...typed.lines, typed.partial].join("\n"),
          })
          .catch(() => undefined);
      }
      return "stop";
    }
    if (typed.end === "end") {
      // As the web's "End interview": the lines typed stay saved with the unfinished attempt.
      session = await practice.endPractice(store, userId, session.id);
      ctx.out(
        style.dim(
          `Interview ended (/end)${typed.lines.length > 0 ? "; the lines you typed stay saved, not scored" : ""}.`,
        ),
      );
      return "end";
    }
    if (typed.end === "skip") {
      // Lines typed before /skip stay saved with the unfinished attempt: nothing typed is lost.
      session = (await practice.skipQuestion(store, userId, session.id, { stepId: step.id })).session;
      // A follow-up's skip is followed by the rating of the question it followed: "nothing rated"
      // said just before that prompt read as if the rating had been dropped too.
      ctx.out(
        style.dim(
          step.kind === "follow-up"
            ? `Follow-up skipped (/skip)${typed.lines.length > 0 ? "; the lines you typed stay saved" : ""}.`
            : `Skipped (/skip): nothing rated${typed.lines.length > 0 ? "; the lines you typed stay saved" : ""}.`,
        ),
      );
      return "next";
    }
    if (typed.lines.length === 0) {
      if (typed.end === "eof") return "stop";
      const skipped = await practice.submitAnswer(store, userId, session.id, { stepId: step.id, text: "" });
      ctx.out(
        style.dim(
          step.kind === "follow-up"
            ? "Follow-up skipped: an empty answer is not an attempt."
            : "Skipped: an empty answer is not an attempt (nothing rated).",
        ),
      );
      session = skipped.session;
      return "next";
    }
    const result = await practice.submitAnswer(store, userId, session.id, {
      stepId: step.id,
      text: typed.lines.join("\n"),
    });
    session = result.session;
    if (result.skipped) return "next";
    const out = [
      "",
      result.analysis === undefined
        ? timeUsed(style, result.usedSeconds, result.budgetSeconds)
        : typedTimeUsed(style, result.usedSeconds, result.analysis.timing.seconds, result.budgetSeconds),
      // A technical question is checked by its key points (as in the drill), not by the story lens:
      // "say what you did yourself" says nothing about an explanation of overfitting.
      // The CLI answers are typed: a spoken attempt without a transcript only comes from the web app.
      result.drill !== undefined
        ? renderFeedback(result.drill, style)
        : result.analysis === undefined
          ? "No transcript: the lens had nothing to read."
          : // The question's competency, as its header above says: a follow-up's wording can read as another.
            renderAnalysis(result.analysis, style, step.competency ? { competency: step.competency } : {}),
    ];
    const reviewed = result.session.steps.find((s) => s.id === step.id);
    out.push(
      "",
      sideBySide(
        { title: "Your answer", text: typed.lines.join("\n") },
        {
          title:
            reviewed?.preparedAnswer === undefined
              ? "Prepared answer (none)"
              : reviewed.preparedFrom === undefined
                ? "Prepared answer"
                : `Your answer to “${reviewed.preparedFrom}”, the closest you prepared`,
          text:
            reviewed?.preparedAnswer !== undefined
              ? stripMarkup(reviewed.preparedAnswer)
              : "No prepared answer for this question in your bank.",
        },
        columns,
        style,
      ),
    );
    if (result.followUp)
      out.push(
        "",
        style.cyan(
          `Follow-up next (budget ${formatDuration(result.followUp.budgetSeconds)}), ${
            result.followUp.trigger === ""
              ? `because: ${result.followUp.reason}`
              : `because you said “${result.followUp.trigger}”.`
          }`,
        ),
      );
    ctx.report(out.join("\n"));
    return "next";
  }

  async function rate(step: PracticeStepView): Promise<"rated" | "declined" | "stop"> {
    const choices = "again / hard / good / easy (1–4), Enter for no rating";
    ctx.out(
      `\n${style.bold("Rate your answer to:")} ${stepLabel(step)}${input.interactive ? "" : `\n${choices}:`}`,
    );
    for (;;) {
      const said = await input.ask(`${choices} › `);
      // End of input (or Ctrl-C): stop here; --resume asks for the rating again.
      if (said === undefined) return "stop";
      const value = said.trim();
      if (value === "") {
        declined.add(step.id);
        ctx.out(style.dim("  not rated: it stays due"));
        return "declined";
      }
      try {
        const rated = await practice.rateAnswer(
          store,
          userId,
          session.id,
          step.id,
          parseRating(/^\d$/.test(value) ? Number(value) : value.toLowerCase()),
        );
        ctx.out(
          style.dim(
            rated.due
              ? `  rated ${rated.rating}: next review ${when(rated.due)} UTC (${inInterval(rated.intervalDays ?? 0)})`
              : `  rated ${rated.rating}: kept with the attempt (a question typed in has no schedule)`,
          ),
        );
        return "rated";
      } catch (error) {
        if (!(error as { code?: string }).code) throw error;
        ctx.out(style.red((error as Error).message));
      }
    }
  }
}

/** A step with an answer given: clean, or after a peek at the prepared answer. */
function gaveAnswer(step: { state: string; afterPeek?: string }): boolean {
  return step.state === "answered" || step.afterPeek === "answered";
}

async function renderReport(
  practice: PracticeModule,
  store: Store,
  userId: string,
  sessionId: string,
  style: CliContext["style"],
): Promise<string> {
  const report = await practice.practiceReport(store, userId, sessionId);
  const questions = report.steps.filter((s) => s.kind === "question");
  // Every answer given, clean or after a peek: the time was spent either way.
  const answered = report.steps.filter(gaveAnswer);
  const afterPeek = answered.filter((s) => s.state === "peeked");
  const used = answered.reduce((sum, s) => sum + (s.usedSeconds ?? 0), 0);
  const usedAfterPeek = afterPeek.reduce((sum, s) => sum + (s.usedSeconds ?? 0), 0);
  const budget = answered.reduce((sum, s) => sum + s.budgetSeconds, 0);
  // The mean is of clean answers: an answer given after reading the prepared one is no recall.
  const scores = answered.flatMap((s) => (s.score === undefined || s.state === "peeked" ? [] : [s.score]));
  const peekedScores = afterPeek.filter((s) => s.score !== undefined).length;
  const peeked = questions.filter((s) => s.state === "peeked").length;
  const peekedFollowUps = report.steps.filter((s) => s.kind === "follow-up" && s.state === "peeked").length;
  const skipped = questions.filter((s) => s.state === "skipped").length;
  const notReached = questions.filter((s) => s.state === "not-reached").length;
  const unanswered = questions.filter((s) => s.state === "unanswered").length;
  const ended =
    report.ended === undefined
      ? undefined
      : report.ended.afterQuestion === 0
        ? "at the first question"
        : `after question ${report.ended.afterQuestion}`;
  const followUps = report.steps.filter((s) => s.kind === "follow-up" && s.answered).length;
  // One count, of questions: "2/2 answered" (steps, follow-ups included) above "1/1 questions
  // answered" read as two different sessions. A question peeked at is counted apart, never as answered.
  const title = `Session report: ${questions.filter((s) => s.answered).length}/${questions.length} question${questions.length === 1 ? "" : "s"} answered${peeked > 0 ? `, ${peeked} peeked` : ""}${followUps > 0 ? `, ${followUps} follow-up${followUps === 1 ? "" : "s"}` : ""}`;
  // Typing time is not speaking time: named so, never held against the spoken budget.
  const typed = answered.every((s) => s.delivery === undefined);
  const time = typed
    ? `typed in ${formatDuration(used)} (the ${formatDuration(budget)} budget is for saying it aloud)`
    : `time ${formatDuration(used)} of ${formatDuration(budget)}`;
  const head = [
    ...(ended === undefined ? [] : [`ended early, ${ended}`]),
    ...(skipped > 0 ? [`${skipped} skipped`] : []),
    ...(notReached > 0 ? [`${notReached} not reached`] : []),
    ...(unanswered > 0 ? [`${unanswered} not answered`] : []),
    ...(peekedFollowUps > 0
      ? [`${peekedFollowUps} follow-up${peekedFollowUps === 1 ? "" : "s"} peeked`]
      : []),
    afterPeek.length > 0 ? `${time}, ${formatDuration(usedAfterPeek)} of it after peeking` : time,
    ...(scores.length > 0
      ? [
          `average score ${(scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1)}/5${peekedScores > 0 ? " (clean answers only)" : ""}`,
        ]
      : peekedScores > 0
        ? ["no clean answer to score: every answer came after a peek"]
        : []),
  ];
  const lines = ["", style.bold(title), style.dim(head.join(" · "))];
  for (const s of report.steps) {
    const lead = s.kind === "follow-up" ? "   ↳ " : "• ";
    if (!gaveAnswer(s)) {
      const why =
        s.state === "removed"
          ? "deleted during the session, skipped"
          : s.afterPeek === "ended"
            ? // On screen when /end came, its prepared answer peeked at: it was reached, not answered.
              "ended here: you peeked at the prepared answer, not answered"
            : s.afterPeek === "skipped"
              ? "peeked at the prepared answer, then skipped"
              : s.state === "peeked"
                ? "peeked at the prepared answer, not answered"
                : s.state === "not-reached"
                  ? `not reached: the interview was ended ${ended ?? "early"}`
                  : s.state === "skipped"
                    ? "skipped"
                    : s.state === "unanswered"
                      ? "not answered"
                      : "not answered yet";
      lines.push(`${lead}${s.question}  ${style.dim(`— ${why}`)}`);
      continue;
    }
    const figures = [
      s.delivery === undefined
        ? `typed in ${formatDuration(s.usedSeconds ?? 0)} (budget ${formatDuration(s.budgetSeconds)})`
        : `${formatDuration(s.usedSeconds ?? 0)} of ${formatDuration(s.budgetSeconds)}${s.overBudget ? ", over" : ""}`,
      // A score read after a peek is not a clean answer's: said so, and left out of the average.
      ...(s.score === undefined ? [] : [`score ${s.score}/5${s.state === "peeked" ? " after peeking" : ""}`]),
      ...(s.notScored === undefined ? [] : [notScoredLabel(s.notScored)]),
      ...(s.keyPoints === undefined
        ? []
        : [`${s.keyPoints.covered} of ${s.keyPoints.total} key point${s.keyPoints.total === 1 ? "" : "s"}`]),
      ...(s.rating ? [s.rating] : []),
      ...(s.peeked ? ["peeked"] : []),
    ];
    lines.push(`${lead}${s.question}  ${style.dim(figures.join(" · "))}`);
    const fix = s.fixes[0];
    if (fix) lines.push(`${s.kind === "follow-up" ? "       " : "    "}${style.yellow("fix:")} ${fix}`);
    const missed = s.keyPoints?.missed[0];
    if (missed !== undefined) lines.push(`    ${style.yellow("missed:")} ${missed}`);
  }
  const session = await store.practice.getSession(userId, sessionId);
  const ids = session.steps.flatMap((s) => (s.kind === "question" ? [s.itemId ?? s.questionId ?? []] : []));
  const first = ids.flat()[0];
  if (first) lines.push(style.dim(`Attempts over time: derisk history ${shortId(first)}`));
  return lines.join("\n");
}
