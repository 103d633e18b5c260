import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import type { Analysis, AnalyzeOptions } from "../../core/analysis/index.ts";
import { locateJsonError } from "../../core/json-syntax.ts";
import { ROLE_IDS } from "../../core/model.ts";
import { describeSchemaIssue } from "../../core/schema-issue.ts";
import type { CliContext } from "../context.ts";
import { MAX_QUESTION_CHARS, questionText } from "../question-text.ts";
import { decodeUtf8Strict, readInput, readQuestionArg } from "../read-input.ts";
import { parseRoleFlag } from "./compose.ts";

function parsePositive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new DeriskError("USAGE", `${flag} ${value} is not a positive number.`);
  return n;
}

interface AnalyzeFlags {
  question?: string;
  role?: string;
  answer?: string;
  batch?: string;
  budget?: string;
  wpm?: string;
  followUp?: boolean;
  failUnder?: string;
  json?: boolean;
}

export function registerAnalyzeCommand(program: Command, ctx: CliContext): void {
  program
    .command("analyze")
    .description(
      "analyse an answer through the risk lens: STAR+L, the five risk signals, timing, role fit, top fixes",
    )
    .argument("[file]", "the answer text, or - for standard input")
    .option("-q, --question <text>", "the interview question", questionText)
    .option("-r, --role <id>", `target role (${ROLE_IDS.join(", ")})`)
    .option("--answer <id>", "analyse a stored answer (see derisk show --kind answer)")
    .option(
      "--batch <file>",
      "JSON Lines of {question, answer, role?}; prints one analysis per line (- = stdin)",
    )
    .option("--budget <seconds>", "time budget in seconds")
    .option("--wpm <n>", "speaking rate in words per minute (default 150)")
    .option("--follow-up", "the answer replies to a follow-up question (20–45 s budget)")
    .option("--fail-under <score>", "exit 1 when the overall score is below this (1–5)")
    .option("--json", "print the analysis as JSON (the stable contract in PRODUCT.md)")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk analyze answer.md --question "Tell me about a mistake" \\\n    --role ml-engineer\n  pbpaste | derisk analyze - -q "Tell me about yourself" --json\n  derisk analyze --batch answers.jsonl > analyses.jsonl',
    )
    .action(async (file: string | undefined, flags: AnalyzeFlags) => {
      // The analyzer loads its language model: only commands that analyse pay for it.
      const { analyze } = await import("../../core/analysis/index.ts");
      const { renderAnalysis } = await import("../render/analysis.ts");
      const role = parseRoleFlag(flags.role);
      const budgetSeconds = parsePositive("--budget", flags.budget);
      const wordsPerMinute = parsePositive("--wpm", flags.wpm);
      const failUnder = parsePositive("--fail-under", flags.failUnder);
      // A score is 1–5: past 5 every answer would fail, and the exit code would say nothing.
      if (failUnder !== undefined && failUnder > 5)
        throw new DeriskError("USAGE", `--fail-under ${flags.failUnder} is not a score: give 1 to 5.`);
      const shared: AnalyzeOptions = {
        ...(role ? { role } : {}),
        ...(budgetSeconds ? { budgetSeconds } : {}),
        ...(wordsPerMinute ? { wordsPerMinute } : {}),
      };
      // Two sources at once used to pick one in silence (a FILE beside --answer analysed the
      // stored answer, and --batch ignored both): say which to keep instead.
      const sources = [
        ...(file === undefined ? [] : [file === "-" ? "- (standard input)" : `FILE (${file})`]),
        ...(flags.answer ? ["--answer"] : []),
        ...(flags.batch ? ["--batch"] : []),
      ];
      if (sources.length > 1)
        throw new DeriskError(
          "USAGE",
          `Give the answer one way, not ${sources.join(" and ")}: a FILE (or - for standard input), --answer ID, or --batch FILE.`,
        );
      if (flags.batch) {
        await runBatch(ctx, flags.batch, shared, analyze);
        return;
      }
      let analysis: Analysis;
      if (flags.answer) {
        const answerId = flags.answer;
        const { analyzeStoredItem } = await import("../../app/analysis.ts");
        analysis = (
          await ctx.withStore(async (store, userId) =>
            analyzeStoredItem(store, userId, await resolveId(store, userId, "item", answerId), shared),
          )
        ).analysis;
      } else {
        if (file === undefined) {
          throw new DeriskError(
            "USAGE",
            "Give the answer as a FILE, - for standard input, --answer ID, or --batch FILE.",
          );
        }
        const text = decodeUtf8Strict(
          await readInput(
            ctx,
            file,
            1024 * 1024,
            "shorten it: an answer is a few minutes of speech",
            "--answer",
          ),
          file,
        );
        analysis = analyze(text, {
          ...shared,
          ...(flags.question ? { question: flags.question } : {}),
          ...(flags.followUp ? { followUp: true } : {}),
        });
      }
      if (flags.json) ctx.out(JSON.stringify(analysis));
      else ctx.report(renderAnalysis(analysis, ctx.style));
      if (failUnder !== undefined && analysis.labels.overall < failUnder) ctx.exitCode = 1;
    });

  program
    .command("classify")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk classify "Tell me about a time you disagreed with your manager"\n  derisk classify "What does dropout do?" --json\n  pbpaste | derisk classify -',
    )
    .description("classify an interview question into a competency")
    .argument("<question...>", 'the question ("-" reads it from standard input)')
    .option("--json", "print { competency, scores } as JSON")
    .action(async (words: string[], flags: { json?: boolean }) => {
      const { classify } = await import("../../core/analysis/index.ts");
      // "-" alone reads the question from standard input, as analyze reads an answer; before,
      // the dash itself was classified (as about-me). An empty question exits 2.
      const question = await readQuestionArg(ctx, words, "classify");
      // As the API and derisk match say: a whole answer pasted as the question was classified.
      if (question.length > 2000)
        throw new DeriskError(
          "TOO_LARGE",
          `The question is ${question.length.toLocaleString("en-US")} characters, over 2,000: give the question only.`,
        );
      const result = classify(question);
      if (flags.json) {
        ctx.out(JSON.stringify(result));
        return;
      }
      const top = Object.entries(result.scores)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([id, score]) => `${id} ${score.toFixed(2)}`);
      ctx.out(`${ctx.style.bold(result.competency)}  ${ctx.style.dim(top.join(" · "))}`);
    });
}

/** One process for thousands of answers: one JSON analysis per input line, same order. */
async function runBatch(
  ctx: CliContext,
  source: string,
  shared: AnalyzeOptions,
  analyze: (text: string, options: AnalyzeOptions) => Analysis,
): Promise<void> {
  const text = decodeUtf8Strict(
    await readInput(ctx, source, 512 * 1024 * 1024, "split the batch into several files"),
    source,
  );
  const lines = text.split(/\r?\n/);
  // An empty batch printed nothing and exited 0: a script could not tell it from a success.
  if (lines.every((line) => line.trim() === ""))
    throw new DeriskError(
      "BAD_INPUT",
      `${source === "-" ? "Standard input" : source} holds no answer to analyse: write one {"question", "answer"} object per line.`,
    );
  // zod costs ~50 ms to load: only batches need it.
  const z = await import("zod");
  const batchLine = z.object({
    // The API's limit, as --question has: a line's whole answer under "question" was read as one.
    question: z.string().max(MAX_QUESTION_CHARS).optional(),
    answer: z.string(),
    role: z.enum(ROLE_IDS).optional(),
  });
  let bad = 0;
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${source === "-" ? "stdin" : source}:${i + 1}`;
    try {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        // One line is one JSON text: the column and the parser's reason say where and why.
        const { column, excerpt, reason } = locateJsonError(line, error);
        const near = excerpt === "" ? "at the end" : `at \`${excerpt}\``;
        throw new DeriskError(
          "BAD_INPUT",
          `${where}:${column}: not valid JSON (${near}): ${reason}; write one {"question", "answer"} object per line.`,
        );
      }
      const parsed = batchLine.safeParse(value);
      if (!parsed.success) {
        throw new DeriskError(
          "BAD_INPUT",
          `${where}: ${describeSchemaIssue(parsed.error.issues[0], "the line")}; write one {"question", "answer"} object per line.`,
        );
      }
      const { answer, question, role } = parsed.data;
      ctx.out(
        JSON.stringify(
          analyze(answer, { ...shared, ...(question ? { question } : {}), ...(role ? { role } : {}) }),
        ),
      );
    } catch (error) {
      if (!(error instanceof DeriskError)) throw error;
      bad += 1;
      ctx.out(JSON.stringify({ error: { code: error.code, message: error.message, line: i + 1 } }));
    }
  });
  if (bad > 0) {
    ctx.err(
      `${bad} line${bad === 1 ? "" : "s"} could not be analysed (see the error objects in the output).`,
    );
    ctx.exitCode = 2;
  }
}
