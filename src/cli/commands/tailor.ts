import type { Command } from "commander";
import type * as Z from "zod";
import { DeriskError } from "../../app/errors.ts";
import { resolveId } from "../../app/ids.ts";
import type { Tailoring, WhyCompany } from "../../core/packaging/index.ts";
import { describeSchemaIssue } from "../../core/schema-issue.ts";
import { shortId, shortIds } from "../../core/short-ids.ts";
import type { CliContext } from "../context.ts";
import { parseJsonText, readStoriesFlag, readTextArg } from "./compose.ts";

/** zod costs ~50 ms to load: only `tailor --stories` with files needs these schemas. */
async function fileSchemas() {
  const z = await import("zod");
  return {
    answers: z.array(z.object({ key: z.string(), text: z.string(), question: z.string().optional() })),
    profile: z.object({
      name: z.string().optional(),
      targetRole: z.string().optional(),
      background: z.array(z.string()).optional(),
      goals: z.array(z.string()).optional(),
      targetCompanies: z.array(z.string()).optional(),
    }),
  };
}

interface TailorFlags {
  stories?: string;
  answers?: string;
  profile?: string;
  company?: string;
  title?: string;
  save?: boolean;
  list?: boolean;
  open?: string;
  json?: boolean;
}

/**
 * Registers `derisk tailor`: tailors stories and answers to a job description — the
 * stories, answers and profile in the bank, or `--stories FILE.json` with optional
 * `--answers`/`--profile` files (then the bank is not opened).
 * @example registerTailorCommand(program, createContext()); // derisk tailor posting.md
 */
export function registerTailorCommand(program: Command, ctx: CliContext): void {
  program
    .command("tailor")
    .description(
      "read a job description: its requirements, the stories that evidence each, the gaps, and a why-this-company scaffold",
    )
    .argument("[file]", "the job posting (Markdown, HTML or text), or - for standard input")
    .option(
      "--stories <file>",
      "a JSON array of stories; default: the stories, answers and profile in your bank",
    )
    .option("--answers <file>", "with --stories: a JSON array of answers ({key, text, question?})")
    .option(
      "--profile <file>",
      "with --stories: a JSON profile ({background: [], goals: []}) for the why-company scaffold",
    )
    .option("--company <name>", "the company, when the posting does not say it or says it wrong")
    .option("--title <role>", "the role's title, likewise")
    .option("--no-save", "do not keep the posting and the result in your bank")
    .option("--list", "list your saved tailorings")
    .option("--open <id>", "show a saved tailoring again")
    .option("--json", "print { id, posting, tailoring, whyCompany } as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  derisk tailor posting.md\n  derisk tailor posting.md --company Acme --title "ML Engineer"\n  derisk tailor --list\n  derisk tailor --open <id>\n  derisk tailor posting.md --stories stories.json\n  pbpaste | derisk tailor - --stories stories.json --profile profile.json --json',
    )
    .action(async (file: string | undefined, flags: TailorFlags) => {
      // "derisk tailor posting.md --list" listed and dropped the posting without a word.
      const modes = [
        ...(file === undefined ? [] : [file === "-" ? "- (standard input)" : `a posting (${file})`]),
        ...(flags.list ? ["--list"] : []),
        ...(flags.open === undefined ? [] : ["--open"]),
      ];
      if (modes.length > 1)
        throw new DeriskError(
          "USAGE",
          `Give one of a posting FILE (or -), --list or --open ID, not ${modes.join(" and ")}: derisk tailor posting.md reads a new one, --list lists the saved ones, --open ID shows one again.`,
        );
      if (flags.list) {
        const { listTailorings } = await import("../../app/packaging.ts");
        const saved = await ctx.withStore((store, userId) => listTailorings(store, userId));
        if (flags.json) {
          ctx.out(JSON.stringify({ tailorings: saved }, null, 2));
          return;
        }
        if (saved.length === 0) {
          ctx.out("No saved tailorings yet: derisk tailor posting.md saves one.");
          return;
        }
        const short = shortIds(saved.map((t) => t.id));
        ctx.report(
          saved
            .map(
              (t) =>
                `${short(t.id)}  ${t.updatedAt.slice(0, 10)}  ${t.title ?? "Job description"}${t.company ? ` at ${t.company}` : ""} — ${t.covered} of ${t.requirements} evidenced`,
            )
            .join("\n"),
        );
        return;
      }
      let tailoring: Tailoring | undefined;
      let whyCompany: WhyCompany | undefined;
      let id: string | undefined;
      let posting = "";
      if (flags.open !== undefined) {
        const { openTailoring } = await import("../../app/packaging.ts");
        const open = flags.open;
        ({ tailoring, whyCompany, id } = await ctx.withStore(async (store, userId) =>
          openTailoring(store, userId, await resolveId(store, userId, "tailoring", open)),
        ));
      } else if (file === undefined) {
        throw new DeriskError(
          "USAGE",
          "Give the job posting: derisk tailor posting.md (or - for standard input), or --list / --open ID.",
        );
      } else {
        posting = await readTextArg(ctx, file, "job description");
      }
      if (flags.open !== undefined) {
        // Shown below like a fresh one.
      } else if (flags.stories === undefined) {
        if (flags.answers !== undefined || flags.profile !== undefined) {
          throw new DeriskError(
            "USAGE",
            "--answers and --profile go with --stories; without them, tailor reads your bank.",
          );
        }
        const { tailorJobDescription } = await import("../../app/packaging.ts");
        const text = posting;
        ({ tailoring, whyCompany, id } = await ctx.withStore((store, userId) =>
          tailorJobDescription(store, userId, text, {
            ...(flags.company === undefined ? {} : { company: flags.company }),
            ...(flags.title === undefined ? {} : { title: flags.title }),
            save: flags.save !== false,
          }),
        ));
      } else {
        const { scaffoldWhyCompany, tailor } = await import("../../core/packaging/index.ts");
        const stories = await readStoriesFlag(ctx, flags.stories);
        const schemas = await fileSchemas();
        const readJson = async <T>(path: string, schema: Z.ZodType<T>, what: string): Promise<T> => {
          const parsed = schema.safeParse(parseJsonText(await readTextArg(ctx, path, what), path));
          if (!parsed.success) {
            throw new DeriskError(
              "BAD_INPUT",
              `${path} is not ${what}: ${describeSchemaIssue(parsed.error.issues[0], "the whole file")}.`,
            );
          }
          return parsed.data;
        };
        const answers = flags.answers
          ? await readJson(flags.answers, schemas.answers, "a JSON array of answers")
          : [];
        const profile = flags.profile ? await readJson(flags.profile, schemas.profile, "a JSON profile") : {};
        const { withSentenceEmbeddings } = await import("../../app/encoder.ts");
        tailoring = await withSentenceEmbeddings((embeddings) =>
          tailor(posting, stories, answers, embeddings === undefined ? {} : { embeddings }),
        );
        if (flags.company) tailoring.company = flags.company;
        if (flags.title) tailoring.title = flags.title;
        whyCompany = scaffoldWhyCompany(
          posting,
          {
            ...(profile.background ? { background: profile.background } : {}),
            ...(profile.goals ? { goals: profile.goals } : {}),
          },
          tailoring,
        );
      }
      if (tailoring === undefined || whyCompany === undefined) return;
      if (flags.json) {
        ctx.out(JSON.stringify({ ...(id === undefined ? {} : { id }), tailoring, whyCompany }, null, 2));
        return;
      }
      const { style } = ctx;
      const covered = tailoring.requirements.filter((r) => r.covered).length;
      const lines = [
        style.bold(
          `${tailoring.title ?? "Job description"}${tailoring.company ? ` at ${tailoring.company}` : ""}: ${covered} of ${tailoring.requirements.length} requirements evidenced`,
        ),
        ...tailoring.notes.map((n) => style.yellow(`! ${n}`)),
        "",
      ];
      for (const r of tailoring.requirements) {
        const mark = r.covered ? style.green("✓") : style.red("✗");
        // A line that names several things says which of them the bank shows: "partly met: SQL no, Spark yes".
        const strength = r.covered ? ` ${style.dim(`(${r.partsSummary ?? r.strength})`)}` : "";
        lines.push(
          `${mark} ${style.dim(`[${r.kind}${r.required ? "" : ", preferred"}]`)} ${r.text}${strength}`,
        );
        if (r.yearsCheck) lines.push(style.dim(`    ${r.yearsCheck.note}`));
        if (r.covered)
          for (const p of r.parts ?? []) {
            const shown =
              p.evidence === undefined
                ? "nothing in your stories or answers shows it yet"
                : `${r.evidence.some((e) => e.quote === p.evidence?.quote) ? "" : `${p.evidence.source} "${p.evidence.title}": `}“${p.evidence.quote}”${p.via === undefined ? "" : ` (as “${p.via}”)`}${p.related === undefined ? "" : ` (shows ${p.related})`}`;
            const verdict = p.strength === "strong" ? "yes" : p.strength === "partial" ? "partly" : "no";
            lines.push(style.dim(`    ${verdict} · ${p.name} — ${shown}`));
          }
        for (const e of r.evidence) {
          const where = e.document === undefined ? "" : ` in “${e.document}”`;
          lines.push(style.dim(`    ${e.strength} · ${e.source} "${e.title}"${where}: “${e.quote}”`));
          if (e.note !== undefined) lines.push(style.dim(`      (${e.note})`));
        }
      }
      lines.push(
        "",
        style.bold("Why this company — scaffold"),
        ...whyCompany.lines.map((l) => `  ${l.text}`),
        ...(id === undefined
          ? []
          : ["", style.dim(`Saved as ${shortId(id)}: derisk tailor --open ${shortId(id)}`)]),
      );
      ctx.report(lines.join("\n"));
    });
}
