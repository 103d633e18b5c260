import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import { TRAILER_SECONDS, type TrailerSeconds } from "../../core/packaging/trailer.ts";
import { trailerSourceOf } from "../../core/packaging/trailer-source.ts";
import { formatDuration } from "../../core/words.ts";
import type { CliContext } from "../context.ts";
import { wrapLine } from "../render/wrap.ts";

/**
 * Registers `derisk trailer`: the "tell me about yourself" outline in four beats from the
 * profile, the stories and the about-me answer in the bank.
 * @example registerTrailerCommand(program, createContext()); // derisk trailer --seconds 150
 */
export function registerTrailerCommand(program: Command, ctx: CliContext): void {
  program
    .command("trailer")
    .description(
      "the “tell me about yourself” trailer: foundation → projects → production → now, from your own words",
    )
    .option("--seconds <n>", "60, 90, 120 or 150", "60")
    .option("--json", "print the beats as JSON")
    .option(
      "--save [label]",
      "save the trailer as a new variant of your about-me question under that label (without one: “trailer 1 min” or “trailer 2 min 30 s”)",
    )
    .addHelpText(
      "after",
      '\nExamples:\n  derisk trailer --seconds 150\n  derisk trailer --save "trailer for Acme"',
    )
    .action(async (flags: { seconds: string; json?: boolean; save?: string | true }) => {
      const seconds = TRAILER_SECONDS.find((s) => String(s) === flags.seconds.trim()) as
        | TrailerSeconds
        | undefined;
      if (seconds === undefined) {
        throw new DeriskError("USAGE", `--seconds ${flags.seconds}: use 60, 90, 120 or 150.`);
      }
      const { trailerFromBank } = await import("../../app/packaging.ts");
      const trailer = await ctx.withStore((store, userId) => trailerFromBank(store, userId, seconds));
      if (flags.save !== undefined) {
        const target = trailer.aboutMe;
        if (target === undefined) {
          throw new DeriskError(
            "BAD_INPUT",
            'There is no “tell me about yourself” answer to save the trailer under: import or write one (derisk add-answer -q "Tell me about yourself"), then run derisk trailer --save again.',
          );
        }
        // `--save` alone (or with an empty label) names it by its length, as the web form does.
        const label =
          flags.save === true || flags.save.trim() === "" ? `trailer ${formatDuration(seconds)}` : flags.save;
        const { saveAnswerVariant } = await import("../../app/bank.ts");
        const item = await ctx.withStore((store, userId) =>
          saveAnswerVariant(store, userId, target.documentId, {
            questionKey: target.questionKey,
            variant: label,
            text: trailer.text,
            source: "composed",
          }),
        );
        ctx.out(
          flags.json
            ? JSON.stringify({ trailer, item }, null, 2)
            : `${ctx.style.green("saved")} the trailer as ${item.key}${item.kind === "answer" ? ` (${item.variant})` : ""} under “${target.question}”${trailer.blanks.length > 0 ? ctx.style.yellow(` — with ${trailer.blanks.length} blank(s) to fill`) : ""}`,
        );
        return;
      }
      if (flags.json) {
        ctx.out(JSON.stringify(trailer, null, 2));
        return;
      }
      // Each beat says where its words came from, as the web page does: the user can check
      // that every sentence is one they wrote.
      const lines = trailer.beats.flatMap(({ beat, lines: said }) => [
        ...wrapLine(
          `${ctx.style.bold(beat.padEnd(11))} ${said.map((l) => l.text).join(" ")}`,
          ctx.columns,
          12,
        ),
        // One line per source: a beat told from several stories names each.
        ...[...new Set(said.map((l) => trailerSourceOf(l.origin)))].map((source) =>
          ctx.style.dim(`${"".padEnd(11)} — ${source}`),
        ),
      ]);
      ctx.report(
        [
          ...(trailer.sampleLeftOut === undefined ? [] : [ctx.style.dim(trailer.sampleLeftOut)]),
          ...lines,
          ctx.style.dim(
            `${trailer.words} words ≈ ${formatDuration(trailer.estimatedSeconds)} (target ${formatDuration(trailer.seconds)})`,
          ),
          ...(trailer.blanks.length > 0 ? [ctx.style.yellow(`to fill in: ${trailer.blanks.join(" ")}`)] : []),
          // No about-me answer: say the trailer is not in the user's own arc, and what to write.
          // Wrapped here, as prose: the report's own wrap would hang the lines under a quotation.
          ...(trailer.thin === undefined
            ? []
            : [
                ...wrapLine(trailer.thin.reason, ctx.columns, 0).map((l) => ctx.style.yellow(l)),
                ...wrapLine(
                  `  ${trailer.thin.write} (derisk add-answer -q "Tell me about yourself" --from answer.txt)`,
                  ctx.columns,
                  2,
                ),
              ]),
          ...(trailer.short === undefined
            ? []
            : [
                ctx.style.yellow(
                  `Shorter than ${formatDuration(trailer.seconds)} (about ${formatDuration(trailer.estimatedSeconds)} of your own words): ${trailer.short.reason} To use the time, add:`,
                ),
                ...trailer.short.add.flatMap(({ beat, what }) =>
                  wrapLine(`  ${beat}: ${what}`, ctx.columns, 2),
                ),
              ]),
        ].join("\n"),
      );
    });
}
