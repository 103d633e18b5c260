import type { Analysis } from "../../core/analysis/index.ts";
import { levelText, SIGNAL_NAMES, starPartText } from "../../core/analysis/types.ts";
import { STAR_PARTS } from "../../core/model.ts";
import { formatDuration } from "../../core/words.ts";
import type { Style } from "./style.ts";

const levelMark = (style: Style, level: string): string =>
  level === "strong"
    ? style.green("●●")
    : level === "present"
      ? style.green("● ")
      : level === "risk"
        ? style.red("▲ ")
        : style.dim("○ ");

/** A quote on one line: a sentence typed over several lines would break the report's indentation. */
const oneLine = (quote: string): string => quote.replace(/\s+/g, " ").trim();

const bar = (share: number, width = 20) => "█".repeat(Math.round(share * width)).padEnd(width, "·");

/** The compact terminal report of one analysis. */
// The ownership label in words a candidate reads at a glance ("i" alone reads as a typo).
const OWNERSHIP_WORDS: Record<"i" | "we" | "mixed", string> = {
  i: 'mostly "I"',
  we: 'mostly "we"',
  mixed: 'both "I" and "we"',
};

/**
 * `competency`: the practised question's, named over the score in place of the one read from the
 * wording (a follow-up to "Tell me about yourself" that asks "why industry?" reads as motivation).
 */
export function renderAnalysis(
  analysis: Analysis,
  style: Style,
  options: { competency?: string } = {},
): string {
  const { labels, timing } = analysis;
  const out: string[] = [];
  if (analysis.language !== undefined) return renderNotEnglish(analysis, analysis.language, style);
  const competency = options.competency ?? analysis.competency;
  out.push(
    `${style.bold(`Overall ${labels.overall}/5`)}${competency ? style.dim(` · ${competency}`) : ""}${analysis.role ? style.dim(` · role ${analysis.role}`) : ""}`,
  );
  for (const reason of analysis.overall.reasons.slice(0, 3)) out.push(style.dim(`  ${reason}`));
  const timeColour = timing.status === "within" ? style.green : style.yellow;
  out.push(
    `\n${style.bold("Timing")}  ${timing.words} ${timing.words === 1 ? "word" : "words"} ≈ ${formatDuration(timing.seconds)} at ${timing.wordsPerMinute} wpm; budget ${formatDuration(timing.budget.min)}–${formatDuration(timing.budget.max)} ${timeColour(`(${timing.status})`)}`,
  );
  // A follow-up reply and a question that is not a story are judged by their own rubric, not STAR.
  const rubric = analysis.followUp
    ? { title: `Follow-up reply (${analysis.followUp.kind})`, checks: analysis.followUp.checks }
    : analysis.nonStory
      ? { title: "Not a story: judged on", checks: analysis.nonStory.checks }
      : undefined;
  if (rubric !== undefined) {
    out.push(`\n${style.bold(rubric.title)}`);
    for (const check of rubric.checks)
      out.push(`  ${check.met ? style.green("✓") : style.yellow("✗")} ${check.id.padEnd(11)} ${check.note}`);
  } else {
    out.push(`\n${style.bold("STAR+L")}`);
    for (const part of STAR_PARTS) {
      const p = analysis.star.parts[part];
      // Sentences read as the part while the answer does not count it: weak, not missing; a part
      // the answer has with no sentence of its own is said in passing, never "0%".
      const text = starPartText(p);
      const shown =
        p.present && p.words > 0
          ? `${bar(p.share)} ${text}`
          : p.present || p.words > 0
            ? style.yellow(`${bar(p.share)} ${text}`)
            : style.red("missing");
      out.push(`  ${part.padEnd(9)} ${shown}`);
    }
    for (const finding of analysis.star.imbalances) out.push(`  ${style.yellow("!")} ${finding.message}`);
  }
  out.push(
    `\n${style.bold("Risk signals")}${rubric !== undefined ? style.dim(" (need not show in an answer of this kind: it is judged on the checks above; blame still counts)") : ""}`,
  );
  for (const { id, name } of SIGNAL_NAMES) {
    const report = analysis.signals[id];
    const first = report.evidence[0];
    out.push(
      `  ${levelMark(style, report.level)} ${name.padEnd(27)} ${levelText(id, report.level).padEnd(9)}${first ? style.dim(` “${oneLine(first.quote)}”`) : ""}`,
    );
  }
  out.push(
    `  ownership: ${OWNERSHIP_WORDS[labels.ownership]} (sentences of the work told with "I": ${analysis.ownership.i}, with "we": ${analysis.ownership.we}) · quantified: ${labels.quantified ? "yes" : style.yellow("no")}`,
  );
  if (analysis.roleFit) {
    const fit = analysis.roleFit;
    out.push(
      `\n${style.bold("Role fit")} (${fit.role})  core ${Math.round(fit.core * 100)}% · adjacent ${Math.round(fit.adjacent * 100)}% · ${fit.mix}`,
    );
    if (fit.suggestion) out.push(`  ${style.yellow("→")} ${fit.suggestion}`);
  }
  for (const concern of analysis.concerns) {
    out.push(`${style.red("Concern")} “${concern.judgement}”: ${concern.reframe}`);
  }
  if (analysis.fixes.length > 0) {
    out.push(`\n${style.bold("Top fixes")}`);
    analysis.fixes.forEach((fix, i) => {
      out.push(
        `  ${i + 1}. ${fix.action}\n     ${style.dim(`sentence ${fix.index + 1}: “${oneLine(fix.quote)}”`)}`,
      );
    });
  }
  for (const warning of analysis.warnings) out.push(`${style.yellow("warning:")} ${warning}`);
  return out.join("\n");
}

/**
 * An answer in another language: the lens says it reads English only and shows no score,
 * part or signal (each would be a reading of words it does not know), only the timing.
 */
function renderNotEnglish(
  analysis: Analysis,
  language: NonNullable<Analysis["language"]>,
  style: Style,
): string {
  const { timing } = analysis;
  return [
    `${style.bold(`Not scored: this answer reads as ${language.name}`)}${analysis.competency ? style.dim(` · ${analysis.competency}`) : ""}`,
    `  The risk lens reads English only, so its labels and score do not apply.`,
    `  Write the answer in English to have it analysed.`,
    `\n${style.bold("Timing")}  ${timing.words} ${timing.words === 1 ? "word" : "words"} ≈ ${formatDuration(timing.seconds)} at ${timing.wordsPerMinute} wpm; budget ${formatDuration(timing.budget.min)}–${formatDuration(timing.budget.max)}`,
  ].join("\n");
}
