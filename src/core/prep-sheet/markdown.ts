import { STAR_PARTS } from "../model.ts";
import type { PrepSheet, SheetAnswer, SheetDocument, SheetTechnical } from "./build.ts";
import {
  answerHeading,
  clock,
  competencyName,
  documentLines,
  fixQuotes,
  followUpNote,
  leftOutLine,
  ownFraming,
  postingLines,
  postingName,
  scoreLine,
  scoreValue,
  timingLine,
} from "./format.ts";

export type SheetLayout = "sheet" | "cards";

const STAR_NAMES = {
  situation: "Situation",
  task: "Task",
  action: "Action",
  result: "Result",
  lesson: "Lesson",
};

const quoted = (text: string): string =>
  text
    .trim()
    .split("\n")
    .map((line) => (line.trim() === "" ? ">" : `> ${line}`))
    .join("\n");

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The framing and coverage summary every sheet opens with (shared by Markdown and HTML). */
export function coverageLines(sheet: PrepSheet): string[] {
  const c = sheet.coverage;
  const technical = `${c.technical} technical question${c.technical === 1 ? "" : "s"}`;
  // Technical questions only (a sheet of "ML concept", say): no row of zeros before them.
  const lines =
    c.answers === 0
      ? [`${technical}; no prepared answer${sheet.competency === undefined ? "" : " of this competency"}.`]
      : [
          // What the sheet has, without the kinds it has none of ("0 follow-ups (0 with …)").
          `${[
            `${c.answers} answer${c.answers === 1 ? "" : "s"} to ${c.questions} question${c.questions === 1 ? "" : "s"}`,
            ...(c.followUps > 0
              ? [
                  `${c.followUps} follow-up${c.followUps === 1 ? "" : "s"} (${c.preparedFollowUps} with a written answer)`,
                ]
              : []),
            ...(c.concerns > 0 ? [`${c.concerns} concern${c.concerns === 1 ? "" : "s"}`] : []),
            ...(c.technical > 0 ? [technical] : []),
          ].join(", ")}.`,
        ];
  if (c.answers > 0) {
    lines.push(`Timing: ${c.timing.within} within budget, ${c.timing.long} over, ${c.timing.short} under.`);
    if (c.meanScore !== undefined) lines.push(`Mean score: ${c.meanScore} / 5.`);
    // On a sheet of one competency the cover already names it.
    if (sheet.competency === undefined)
      lines.push(
        `Answers by competency: ${c.competencies.map((x) => `${competencyName(x.competency)} (${x.answers})`).join(", ")}.`,
      );
  }
  // Only prepared answers are counted here: a story of the bank may serve a competency listed
  // (the coverage page and `derisk coverage` count stories too), so say what is missing exactly.
  // Only on the sheet of everything: one narrowed to a competency or a posting leaves answers
  // of other competencies off, and "no prepared answer yet" would be untrue of them.
  if (sheet.competency === undefined && sheet.posting === undefined && c.missing.length > 0)
    lines.push(`No prepared answer yet: ${c.missing.map(competencyName).join(", ")}.`);
  return lines;
}

function coverMarkdown(sheet: PrepSheet): string[] {
  const out = [`# ${oneLine(sheet.title)}`, "", "*Prep sheet*", ""];
  if (sheet.targetRole) out.push(`**Target role:** ${oneLine(sheet.targetRole)}`, "");
  if (sheet.competency) out.push(`**Competency:** ${competencyName(sheet.competency)}`, "");
  if (sheet.posting) {
    const name = postingName(sheet.posting);
    out.push(
      `## The posting${name === "" ? "" : `: ${oneLine(name)}`}`,
      "",
      "Only the answers that evidence what it asks are on this sheet.",
      "",
      ...postingLines(sheet.posting).map((l) => `- ${oneLine(l)}`),
      "",
    );
  }
  const several = sheet.documents.length > 1;
  const leftOut = leftOutLine(sheet);
  if (several) {
    out.push(
      "## Documents",
      "",
      ...documentLines(sheet).map(
        (d, i) => `${i + 1}. **${oneLine(d.name)}**${d.detail === "" ? "" : ` — ${d.detail}`}`,
      ),
      "",
    );
  } else if (leftOut !== "" && sheet.documents[0] !== undefined) {
    // One document of several has something on the sheet: it is named, as a sheet of several names each.
    out.push(`**Document:** ${oneLine(sheet.documents[0].name)}`, "");
  }
  if (leftOut !== "") out.push(oneLine(leftOut), "");
  out.push("## Behind every question", "");
  if (sheet.framing.intro) out.push(sheet.framing.intro, "");
  out.push(...sheet.framing.questions.map((q, i) => `${i + 1}. ${oneLine(q)}`), "");
  out.push("## Coverage", "", ...coverageLines(sheet).map((l) => `- ${l}`), "");
  if (sheet.concerns.length > 0) {
    out.push("## Concerns to defuse", "");
    for (const concern of sheet.concerns)
      out.push(
        ...concernMarkdown(concern, several ? sheet.documents[concern.documentIndex]?.name : undefined),
      );
    out.push("");
  }
  return out;
}

function concernMarkdown(concern: { judgement: string; reframes: string[] }, document?: string): string[] {
  return [
    `- Avoid: “${oneLine(concern.judgement)}”${document === undefined ? "" : ` (${oneLine(document)})`}`,
    ...concern.reframes.map((r) => `  - Reframe: ${oneLine(r)}`),
  ];
}

function bodyMarkdown(answer: SheetAnswer): string[] {
  if (answer.beats && answer.beats.length > 0) return answer.beats.map((b) => `- ${oneLine(b)}`);
  const star = answer.star;
  if (star && STAR_PARTS.some((p) => (star[p] ?? "").trim() !== "")) {
    return STAR_PARTS.filter((p) => (star[p] ?? "").trim() !== "").flatMap((p) => [
      `**${STAR_NAMES[p]}:** ${(star[p] ?? "").trim()}`,
      "",
    ]);
  }
  return [quoted(answer.text)];
}

/** The part of a sheet of several documents that one document's answers follow. */
function documentMarkdown(sheet: PrepSheet, index: number): string[] {
  const document = sheet.documents[index] as SheetDocument;
  const out = [
    `# ${oneLine(document.name)}`,
    "",
    `*Document ${index + 1} of ${sheet.documents.length}*${document.targetRole ? ` · **Target role:** ${oneLine(document.targetRole)}` : ""}`,
    "",
  ];
  const framing = ownFraming(sheet, document);
  if (framing) {
    out.push("## Behind every question", "");
    if (framing.intro) out.push(framing.intro, "");
    out.push(...framing.questions.map((q, i) => `${i + 1}. ${oneLine(q)}`), "");
  }
  return out;
}

function answerMarkdown(answer: SheetAnswer, document?: string): string[] {
  const out = [
    `## ${oneLine(answerHeading(answer))}`,
    "",
    `${document === undefined ? "" : `**${oneLine(document)}** · `}*${oneLine(answer.variant)}* · ${competencyName(answer.competency)} · ${answer.notScored !== undefined ? scoreLine(answer) : `score **${scoreValue(answer)}**`}  `,
    `${timingLine(answer)}`,
    "",
  ];
  if (answer.remark) out.push(`*${oneLine(answer.remark)}*`, "");
  out.push(...bodyMarkdown(answer), "");
  if (answer.fixes.length > 0) {
    out.push("### Top fixes", "");
    const quotes = fixQuotes(answer.fixes);
    answer.fixes.forEach((fix, i) => {
      const q = quotes[i] ?? { quote: fix.quote };
      const where = "sameAs" in q ? `the same sentence as fix ${q.sameAs}` : `“${oneLine(q.quote)}”`;
      out.push(`${i + 1}. ${oneLine(fix.action)} — ${where}`);
    });
    out.push("");
  }
  if (answer.followUps.length > 0) {
    out.push("### Follow-ups", "");
    for (const f of answer.followUps) {
      const note = followUpNote(f);
      const time = note === "" ? "" : `*(${note})*`;
      const lines = f.answer.trim().split("\n");
      out.push(`- **${oneLine(f.question)}**  `);
      // An answer of several lines (a list, paragraphs) keeps them, indented under its question.
      if (lines.length === 1) out.push(`  ${`${oneLine(f.answer)} ${time}`.trimEnd()}`);
      else
        out.push(
          ...hardBreaks(lines).map((line) => (line.trim() === "" ? "" : `  ${line}`)),
          ...(time === "" ? [] : ["", `  ${time}`]),
        );
    }
    out.push("");
  }
  if (answer.concerns.length > 0) {
    out.push("### Concerns", "");
    for (const concern of answer.concerns) out.push(...concernMarkdown(concern));
    out.push("");
  }
  return out;
}

function technicalMarkdown(technical: SheetTechnical[], document?: string): string[] {
  if (technical.length === 0) return [];
  const out = [
    document === undefined ? "## Technical questions" : `## Technical questions — ${oneLine(document)}`,
    "",
  ];
  let section: string | undefined;
  for (const t of technical) {
    if (t.section !== section) {
      section = t.section;
      if (section) out.push(...(out.at(-1) === "" ? [] : [""]), `### ${oneLine(section)}`, "");
    }
    out.push(`- **${oneLine(t.question)}**`);
    for (const point of t.keyPoints) out.push(`  - ${oneLine(point)}`);
  }
  out.push("");
  return out;
}

function cardMarkdown(answer: SheetAnswer, document?: string): string[] {
  return [
    `### ${oneLine(answerHeading(answer))}${answer.variant === "core" ? "" : ` (${oneLine(answer.variant)})`}`,
    "",
    `${document === undefined ? "" : `${oneLine(document)} · `}≈ ${clock(answer.seconds)} of ${clock(answer.budget.max)} · ${scoreLine(answer)}`,
    "",
    ...answer.cue.map(
      (b) => `- ${b.part === undefined ? "" : `**${STAR_NAMES[b.part]}:** `}${oneLine(b.text)}`,
    ),
    ...(answer.followUps.length > 0
      ? [`- Follow-ups: ${answer.followUps.map((f) => oneLine(f.question)).join(" / ")}`]
      : []),
    "",
  ];
}

/**
 * The prep sheet as Markdown: a cover (framing, role, coverage), then one section per answer
 * (layout "sheet") or a short cue card per question with key beats only (layout "cards").
 * @example renderPrepSheetMarkdown(buildPrepSheet([doc])).startsWith("# Interview prep") // true
 */
export function renderPrepSheetMarkdown(sheet: PrepSheet, layout: SheetLayout = "sheet"): string {
  const out = coverMarkdown(sheet);
  // Several documents: each answer under its document, which every block names as well, so
  // "Q1" of one document never reads as "Q1" of another.
  const several = sheet.documents.length > 1;
  const nameOf = (index: number) => (several ? sheet.documents[index]?.name : undefined);
  if (layout === "sheet" && several) {
    // Each document's part: its heading, its answers, its technical questions (so that in an
    // outline a document's technical questions sit under it, not under the next one).
    sheet.documents.forEach((document, i) => {
      out.push("---", "", ...documentMarkdown(sheet, i));
      for (const answer of sheet.answers.filter((a) => a.documentIndex === i))
        out.push("---", "", ...answerMarkdown(answer, document.name));
      const technical = sheet.technical.filter((t) => t.documentIndex === i);
      if (technical.length > 0) out.push("---", "", ...technicalMarkdown(technical, document.name));
    });
  } else if (layout === "sheet") {
    for (const answer of sheet.answers) out.push("---", "", ...answerMarkdown(answer));
    if (sheet.technical.length > 0) out.push("---", "", ...technicalMarkdown(sheet.technical));
  } else {
    out.push("## Cue cards", "");
    for (const answer of sheet.answers) out.push(...cardMarkdown(answer, nameOf(answer.documentIndex)));
    for (const t of sheet.technical)
      out.push(
        `### ${oneLine(t.question)}`,
        "",
        ...(several ? [`${oneLine(t.document)}`, ""] : []),
        ...t.keyPoints.slice(0, 5).map((p) => `- ${oneLine(p)}`),
        "",
      );
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

/** A line a Markdown viewer treats as its own block (list item, table row, fence, heading, quote). */
const BLOCK_LINE = /^\s*(?:[-*+]\s|\d+[.)]\s|\||```|~~~|#|>)/;

/**
 * A follow-up answer's lines as written, each plain line followed by another plain one ending in
 * a hard break ("  "): a viewer would otherwise run "Highlight 2–3 projects:", "RLHF with
 * GPT-2…" and "Multi-LLM chatbot…" into one sentence. Lists, tables and code keep their lines.
 */
function hardBreaks(lines: readonly string[]): string[] {
  let fenced = false;
  return lines.map((raw, i) => {
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const next = lines[i + 1]?.trimEnd() ?? "";
    const plain = (text: string) => text.trim() !== "" && !BLOCK_LINE.test(text);
    return !fenced && plain(line) && plain(next) ? `${line}  ` : line;
  });
}
