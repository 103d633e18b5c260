import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import { describeJsonError } from "../../core/json-syntax.ts";
import { ROLE_IDS, type RoleId } from "../../core/model.ts";
import { noRoleVocabulary, roleFromName } from "../../core/packaging/data/role-vocabulary.ts";
import type { Draft, Story } from "../../core/packaging/index.ts";
import { formatDuration } from "../../core/words.ts";
import type { CliContext } from "../context.ts";
import { questionText } from "../question-text.ts";
import { decodeUtf8Strict, readInput } from "../read-input.ts";
import { wrapLine } from "../render/wrap.ts";

/** Largest answer, story or posting file the packaging commands read. */
export const MAX_PACKAGING_BYTES = 1024 * 1024;

// Words that make a text a job title, so that a role derisk has no vocabulary for ("product
// manager", "UX designer", "data analyst") is told so, not called unknown.
const JOB_TITLE =
  /\b(?:manager|engineer|designer|analyst|scientist|developer|architect|lead|director|researcher|consultant|administrator|owner|specialist|officer|head)\b/i;

/**
 * Reads a `--role` value: a role id, its title or a common other name ("ML engineer", "MLE").
 * A job title derisk has no vocabulary for ("product manager") is refused with what derisk can
 * do instead (`needsRole`: for a command that cannot run without one, such as re-angle).
 * @example parseRoleFlag("ML engineer") // "ml-engineer"
 */
export function parseRoleFlag(
  role: string | undefined,
  flag = "--role",
  needsRole = false,
): RoleId | undefined {
  if (role === undefined) return undefined;
  const id = roleFromName(role);
  if (id !== undefined) return id;
  if (JOB_TITLE.test(role)) throw new DeriskError("USAGE", noRoleVocabulary(role, needsRole));
  throw new DeriskError(
    "USAGE",
    `Unknown role "${role}" for ${flag}: use one of ${ROLE_IDS.join(", ")} (or its title, e.g. "ML Engineer").`,
  );
}

/**
 * Parses a positive number flag ("--budget 90").
 * @example parsePositiveFlag("--budget", "90") // 90
 */
export function parsePositiveFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new DeriskError("USAGE", `${flag} ${value} is not a positive number.`);
  return n;
}

/**
 * Reads FILE (or - for standard input) as UTF-8 text; empty input is bad input.
 * @example const text = await readTextArg(ctx, "answer.md", "answer");
 */
export async function readTextArg(
  ctx: CliContext,
  file: string,
  what: string,
  /** The option that takes a stored item's id instead, named when FILE looks like an id. */
  idOption?: string,
): Promise<string> {
  // Binary or mis-encoded input is refused (exit 2), as `derisk analyze` does, not read as
  // replacement characters.
  const bytes = await readInput(ctx, file, MAX_PACKAGING_BYTES, undefined, idOption);
  const text = decodeUtf8Strict(bytes, file).replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    const where = file === "-" ? "standard input" : file;
    throw new DeriskError("BAD_INPUT", `${where} is empty: give the ${what} as a file or on standard input.`);
  }
  return text;
}

/** The JSON value of `text`, or undefined when it is not JSON (prose that starts with "["). */
function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Parses JSON text, naming the file in the error.
 * @example parseJsonText('[{"title":"x"}]', "stories.json")
 */
export function parseJsonText(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DeriskError(
      "BAD_INPUT",
      `${where} is not valid JSON at ${describeJsonError(text, error)}: fix it there and run the command again.`,
      { cause: error },
    );
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * derisk's own output read back as input: `derisk stories show ID --json` prints `{ story }` and
 * `derisk stories list --json` prints `{ stories }`; a file saved from either is a story (or
 * stories) to compose from, not an object without story fields.
 * @example unwrapStories({ stories: [{ title: "x" }] }) // [{ title: "x" }]
 */
export function unwrapStories(value: unknown): unknown {
  if (isRecord(value) && Array.isArray(value.stories)) return value.stories;
  if (isRecord(value) && isRecord(value.story)) return [value.story];
  return value;
}

/**
 * One story from JSON: as written by hand, or as `derisk stories show ID --json` prints it.
 * @example unwrapStory({ story: { title: "x" } }) // { title: "x" }
 */
export function unwrapStory(value: unknown): unknown {
  return isRecord(value) && isRecord(value.story) ? value.story : value;
}

/**
 * Reads `--stories FILE.json` (an array of StoryInput, or `derisk stories list --json`) into
 * validated stories.
 * @example const stories = await readStoriesFlag(ctx, "stories.json");
 */
export async function readStoriesFlag(ctx: CliContext, path: string): Promise<Story[]> {
  const { parseStories } = await import("../../core/packaging/index.ts");
  const where = path === "-" ? "standard input" : path;
  return parseStories(
    unwrapStories(parseJsonText(await readTextArg(ctx, path, "stories (a JSON array)"), where)),
  );
}

interface ComposeFlags {
  question?: string;
  role?: string;
  budget?: string;
  wpm?: string;
  stories?: string;
  story?: string;
  text?: boolean;
  json?: boolean;
  whole?: boolean;
}

/**
 * Registers `derisk compose`: drafts an answer from a story (packaging `compose`): a story
 * stored in the bank (`--story ID`), one from `--stories FILE.json`, or a story FILE.
 * @example registerComposeCommand(program, createContext()); // derisk compose --story 3f2a -q "Tell me about a failure"
 */
export function registerComposeCommand(program: Command, ctx: CliContext): void {
  program
    .command("compose")
    .description(
      "draft an answer from one of your stories: your own sentences, trimmed to the budget, blanks for what is missing",
    )
    .argument(
      "[file]",
      "a story as JSON ({title, situation, actions, result, lesson}) or as plain text, or - for standard input",
    )
    .requiredOption("-q, --question <text>", "the interview question", questionText)
    .option("-r, --role <id>", `target role (${ROLE_IDS.join(", ")})`)
    .option(
      "--budget <seconds>",
      "time budget in seconds (default: your profile's budget for stored stories, else 90)",
    )
    .option("--wpm <n>", "speaking rate in words per minute (default: your profile's, else 150)")
    .option("--stories <file>", "a JSON array of stories; pick one with --story")
    .option(
      "--story <id>",
      "id of a story in your bank (derisk stories list), or id or title of one in --stories",
    )
    .option(
      "--text",
      "print only the draft as you would say it, blanks included (to save it with derisk add-variant)",
    )
    .option("--json", "print the draft as JSON (sentences with their origin)")
    .option(
      "--whole",
      "keep the whole story where even its shortest telling runs over the budget (default: that telling, the closest to the budget)",
    )
    .addHelpText(
      "after",
      '\nExamples:\n  derisk compose --story 3f2a -q "Tell me about a mistake" --role ml-engineer\n  derisk compose --story 3f2a -q "Tell me about a mistake" --text > draft.txt\n  derisk compose story.json -q "Tell me about a failure" \\\n    --role ml-engineer --budget 90\n  derisk compose --stories stories.json --story outage \\\n    -q "Tell me about a mistake" --json\n  pbpaste | derisk compose - -q "Tell me about a challenge"',
    )
    .action(async (file: string | undefined, flags: ComposeFlags) => {
      const { compose, parseStory } = await import("../../core/packaging/index.ts");
      const role = parseRoleFlag(flags.role);
      const budgetSeconds = parsePositiveFlag("--budget", flags.budget);
      const wordsPerMinute = parsePositiveFlag("--wpm", flags.wpm);
      // A FILE beside --story or --stories composed from one of them in silence.
      if (file !== undefined && (flags.story !== undefined || flags.stories !== undefined))
        throw new DeriskError(
          "USAGE",
          `Give the story one way, not a story FILE and ${flags.stories !== undefined ? "--stories" : "--story"}: a FILE (or - for standard input), --story ID from your bank, or --stories FILE --story ID.`,
        );
      if (flags.text && flags.json)
        throw new DeriskError(
          "USAGE",
          "Choose --text (the draft as you would say it) or --json (its sentences with their origin), not both.",
        );
      const question = flags.question ?? "";
      // The question decides the parts a draft leads with and the lens's rubric: an empty one
      // drafted as if no question had been asked.
      if (question.trim() === "")
        throw new DeriskError(
          "USAGE",
          'The question is empty: give the interview question with -q, e.g. -q "Tell me about a mistake".',
        );
      let title: string;
      let draft: Draft;
      if (flags.stories === undefined && file === undefined && flags.story !== undefined) {
        // A stored story: the profile supplies the budget and speaking rate not given here.
        const typed = flags.story;
        const { composeAnswer } = await import("../../app/packaging.ts");
        const { getStory } = await import("../../app/stories.ts");
        ({ title, draft } = await ctx.withStore(async (store, userId) => {
          const storyId = await resolveId(store, userId, "story", typed);
          return {
            title: (await getStory(store, userId, storyId)).title,
            draft: await composeAnswer(store, userId, {
              storyId,
              question,
              ...(role ? { role } : {}),
              ...(budgetSeconds ? { budgetSeconds } : {}),
              ...(wordsPerMinute ? { wordsPerMinute } : {}),
              ...(flags.whole ? { whole: true } : {}),
            }),
          };
        }));
      } else {
        let story: Story;
        if (flags.stories !== undefined) {
          const stories = await readStoriesFlag(ctx, flags.stories);
          const wanted = flags.story?.toLowerCase();
          const found =
            wanted === undefined && stories.length === 1
              ? stories[0]
              : stories.find((s) => s.id === flags.story || s.title.toLowerCase() === wanted);
          if (found === undefined) {
            throw new DeriskError(
              "USAGE",
              `${flags.story === undefined ? "Choose a story with --story" : `No story "${flags.story}" in ${flags.stories}`}: ids are ${stories.map((s) => s.id).join(", ")}.`,
            );
          }
          story = found;
        } else {
          if (file === undefined)
            throw new DeriskError(
              "USAGE",
              "Give a story: --story ID from your bank (derisk stories list), a story FILE (or - for standard input), or --stories FILE --story ID.",
            );
          const text = await readTextArg(ctx, file, "story");
          const where = file === "-" ? "standard input" : file;
          // A stories file (a JSON list) given as FILE was drafted from as prose, brackets and all.
          if (/^\s*\[/.test(text) && Array.isArray(parseJsonOrUndefined(text))) {
            throw new DeriskError(
              "BAD_INPUT",
              `${where} is a JSON list of stories, and compose FILE takes one story (a JSON object or plain text): pick one with --stories ${file === "-" ? "FILE" : file} --story ID, or use --story ID from your bank (derisk stories list).`,
            );
          }
          story = parseStory(/^\s*\{/.test(text) ? unwrapStory(parseJsonText(text, where)) : { text });
        }
        title = story.title;
        draft = compose(story, {
          question,
          budgetSeconds: budgetSeconds ?? 90,
          ...(role ? { role } : {}),
          ...(wordsPerMinute ? { wordsPerMinute } : {}),
          ...(flags.whole ? { whole: true } : {}),
        });
      }
      if (flags.json) {
        ctx.out(JSON.stringify(draft, null, 2));
        return;
      }
      if (flags.text) {
        // The draft alone, as add-variant saves it: no heading, no part names, no notes.
        ctx.out(draft.text);
        return;
      }
      const { style } = ctx;
      const lines = [
        style.bold(
          `Draft from "${title}" — ${draft.words} words, ≈ ${formatDuration(draft.seconds)} of ${formatDuration(draft.budgetSeconds)}`,
        ),
        "",
        // Each sentence continues under its own text, not under the part names.
        ...draft.sentences.flatMap((s) =>
          wrapLine(
            `${style.dim(s.part.padEnd(9))} ${s.origin.from === "template" ? style.yellow(s.text) : s.text}`,
            ctx.columns,
            10,
          ),
        ),
      ];
      if (draft.blanks.length > 0) lines.push("", `${style.yellow("Fill in:")} ${draft.blanks.join(" ")}`);
      if (draft.trimmed.length > 0) {
        const n = draft.trimmed.length;
        lines.push("", style.dim(`Left out to fit the budget (${n} sentence${n === 1 ? "" : "s"}):`));
        // Named by part, as the draft above names its lines ("action", not the story field "actions").
        for (const t of draft.trimmed) lines.push(style.dim(`  ${t.part.padEnd(9)} ${t.text}`));
      }
      for (const warning of draft.warnings) lines.push(style.yellow(`! ${warning}`));
      // The draft is the story at its shortest and still runs over: the whole story is one option away.
      if (draft.wholeSeconds !== undefined)
        lines.push(
          style.yellow(
            `! For the whole story (≈ ${formatDuration(draft.wholeSeconds)}), run again with --whole.`,
          ),
        );
      ctx.report(lines.join("\n"));
    });
}
