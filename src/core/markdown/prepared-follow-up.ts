import { DeriskError } from "../errors.ts";
import type { AnswerItem, FollowUpItem, PrepDoc } from "../model.ts";
import { mendReadBack } from "./edit-read-back.ts";
import { parsePrepDocument } from "./parse.ts";
import { readBackMessage, readBackProblem } from "./read-back.ts";
import { noQuestionMessage } from "./variant.ts";

export interface NewFollowUp {
  /** The question the follow-up belongs under (its `questionKey`, e.g. "q6"). */
  questionKey: string;
  /** The follow-up question ("What would you do differently?"). */
  question: string;
  /** The prepared answer, one paragraph. */
  answer: string;
}

/** Longest follow-up question, in characters: a question is a line. */
export const MAX_FOLLOW_UP_QUESTION = 300;

/**
 * Adds a prepared follow-up under a question the way the document writes them by hand — a
 * quoted question and a `👉 Answer:` line, under a "They’ll likely ask:" heading when the
 * question has none — so it exports and re-imports like any other follow-up.
 * @example addFollowUp(doc, { questionKey: "q6", question: "What would you do differently?", answer: "I would…" }).followUp.key // "q6/follow-up-1"
 */
export function addFollowUp(stored: PrepDoc, input: NewFollowUp): { doc: PrepDoc; followUp: FollowUpItem } {
  // A document an older edit left unable to read back is mended first (its stuck note set off).
  const doc = mendReadBack(stored).doc;
  const answers = doc.items.filter(
    (item): item is AnswerItem => item.kind === "answer" && item.questionKey === input.questionKey,
  );
  const core = answers[0];
  if (!core) {
    throw new DeriskError("NOT_FOUND", noQuestionMessage(doc, input.questionKey));
  }
  const question = input.question
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^["“]|["”]$/g, "");
  const answer = input.answer.replace(/\s+/g, " ").trim();
  if (question === "" || question.length > MAX_FOLLOW_UP_QUESTION) {
    throw new DeriskError(
      "BAD_INPUT",
      `The follow-up question is ${question === "" ? "empty" : `over ${MAX_FOLLOW_UP_QUESTION} characters`}: give the question the interviewer asks.`,
    );
  }
  if (answer === "")
    throw new DeriskError("BAD_INPUT", "The prepared answer is empty: write what you would say.");
  const keys = new Set(answers.map((a) => a.key));
  const own = doc.items.filter(
    (item): item is FollowUpItem => item.kind === "follow-up" && keys.has(item.answerKey),
  );
  const lines = [`“${question}”`, `👉 Answer: ${answer}`];
  const reread = (text: string) =>
    parsePrepDocument(text, {
      encoding: doc.report.encoding,
      repaired: doc.report.repaired,
      warnings: doc.report.warnings,
    });
  // Straight after the question's last follow-up (the block goes on); else after its core
  // answer and its own follow-ups and concerns, under a heading of its own.
  const lastOwn = own.at(-1);
  const placements: Array<{ after: number; block: string; gap: number }> = [];
  if (lastOwn) placements.push({ after: doc.items.indexOf(lastOwn), block: lines.join("\n"), gap: 0 });
  const heading = `${"#".repeat(4)} They’ll likely ask:`;
  placements.push({
    after: lastOf(doc, core.key),
    block: [heading, ...lines].join("\n"),
    gap: 1,
  });
  let problem = "";
  for (const { after, block, gap } of placements) {
    const next = reread(insertBlock(doc, after, block, gap));
    const added = next.items.find(
      (item): item is FollowUpItem =>
        item.kind === "follow-up" &&
        keys.has(item.answerKey) &&
        item.question === question &&
        !doc.items.some((old) => old.key === item.key),
    );
    const others = next.items.filter((item) => item !== added);
    const intact =
      others.length === doc.items.length &&
      doc.items.every((item) => others.some((other) => other.key === item.key && other.raw === item.raw));
    if (added && added.answer === answer && intact)
      return { doc: { ...next, title: doc.title }, followUp: added };
    if (problem === "" && intact) problem = readBackProblem(answer, added?.answer);
  }
  throw new DeriskError(
    "BAD_INPUT",
    readBackMessage("This answer would not read back as a follow-up of the question", problem),
  );
}

/** Index of the last item of an answer: the answer, then its follow-ups and concerns. */
function lastOf(doc: PrepDoc, answerKey: string): number {
  let last = -1;
  for (const [index, item] of doc.items.entries()) {
    const belongs =
      item.key === answerKey ||
      (item.kind === "follow-up" && item.answerKey === answerKey) ||
      (item.kind === "concern" && item.answerKey === answerKey);
    if (belongs) last = index;
  }
  return last;
}

/** The document's text with `block` after item `after`, `gap` blank lines before it and one after. */
function insertBlock(doc: PrepDoc, after: number, block: string, gap: number): string {
  const lines: string[] = [];
  for (const [index, item] of doc.items.entries()) {
    const before = index === after + 1 ? Math.max(1, item.gapBefore) : item.gapBefore;
    for (let g = 0; g < before; g++) lines.push("");
    lines.push(item.raw);
    if (index === after) {
      for (let g = 0; g < gap; g++) lines.push("");
      lines.push(block);
    }
  }
  for (let g = 0; g < doc.gapAfter; g++) lines.push("");
  const text = lines.join("\n");
  return doc.finalNewline ? `${text}\n` : text;
}
