import { DeriskError } from "../errors.ts";
import type { AnswerItem, PrepDoc } from "../model.ts";
import { mendReadBack } from "./edit-read-back.ts";
import { parsePrepDocument } from "./parse.ts";
import { readBackMessage, readBackProblem } from "./read-back.ts";

export interface NewVariant {
  /** The question the variant answers (its `questionKey`, e.g. "q3"). */
  questionKey: string;
  /** Its label, e.g. "ML-focused"; made unique among the question's variants. */
  variant: string;
  text: string;
}

/**
 * Adds an answer variant to a document the way people write one by hand — an
 * "Alternative Answers" block with `Question: … (label)` and `Answer:` — so the document
 * stays the single source of truth and exports and re-imports like any other variant.
 * @example addAnswerVariant(doc, { questionKey: "q3", variant: "ML-focused", text: "I traced…" }).answer.key // "q3/ml-focused"
 */
export function addAnswerVariant(stored: PrepDoc, input: NewVariant): { doc: PrepDoc; answer: AnswerItem } {
  // A document an older edit left unable to read back is mended first (its stuck note set off).
  const doc = mendReadBack(stored).doc;
  const answers = doc.items.filter((item): item is AnswerItem => item.kind === "answer");
  const base = answers.find((a) => a.questionKey === input.questionKey);
  if (!base) {
    throw new DeriskError("NOT_FOUND", noQuestionMessage(doc, input.questionKey));
  }
  const text = input.text.replace(/\r\n?/g, "\n").trim();
  if (text === "")
    throw new DeriskError("BAD_INPUT", "The variant is empty: write the answer before saving it.");
  if (/\n\s*\n\s*\n/.test(text) || /^\s*(?:question|answer)\s*:/im.test(text)) {
    throw new DeriskError(
      "BAD_INPUT",
      "The variant has a line that starts with Question:/Answer: or two blank lines in a row: join its paragraphs with one blank line.",
    );
  }
  const taken = new Set(
    answers.filter((a) => a.questionKey === input.questionKey).map((a) => a.variant.toLowerCase()),
  );
  const wanted =
    input.variant
      .replace(/[()\n]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "alternative";
  let label = wanted;
  for (let n = 2; taken.has(label.toLowerCase()); n++) label = `${wanted} ${n}`;
  const question = base.question.replace(/\s*\([^)]*\)\s*$/, "").trim();
  const block = [
    "**Alternative Answers**:",
    "",
    `Question: ${question} (${label})`,
    "",
    "Answer:",
    text,
  ].join("\n");
  const reread = (text: string) =>
    parsePrepDocument(text, {
      encoding: doc.report.encoding,
      repaired: doc.report.repaired,
      warnings: doc.report.warnings,
    });
  // Under its own question, after the question's last answer, follow-up or concern; where
  // that would not read back with every other item as it was, at the end of the document.
  const placements = [lastItemOfQuestion(doc, input.questionKey), doc.items.length - 1];
  let problem = "";
  for (const after of placements) {
    const next = reread(insertBlock(doc, after, block));
    const added = next.items.find(
      (item): item is AnswerItem =>
        item.kind === "answer" && item.questionKey === input.questionKey && item.variant === label,
    );
    const others = next.items.filter((item) => item !== added);
    const intact =
      others.length === doc.items.length &&
      doc.items.every((item) => others.some((other) => other.key === item.key && other.raw === item.raw));
    if (added && added.text === text && intact) return { doc: { ...next, title: doc.title }, answer: added };
    if (problem === "" && intact) problem = readBackProblem(text, added?.text);
  }
  throw new DeriskError(
    "BAD_INPUT",
    readBackMessage("This text would not read back as a variant of the question", problem),
  );
}

/** Index of the last item that belongs to the question: its answers, their follow-ups and concerns. */
function lastItemOfQuestion(doc: PrepDoc, questionKey: string): number {
  const answers = new Set(
    doc.items
      .filter((item) => item.kind === "answer" && item.questionKey === questionKey)
      .map((item) => item.key),
  );
  let last = -1;
  for (const [index, item] of doc.items.entries()) {
    const belongs =
      answers.has(item.key) ||
      (item.kind === "follow-up" && answers.has(item.answerKey)) ||
      (item.kind === "concern" && item.answerKey !== undefined && answers.has(item.answerKey));
    if (belongs) last = index;
  }
  return last;
}

/** The document's text with `block` after item `after`, a blank line on each side. */
function insertBlock(doc: PrepDoc, after: number, block: string): string {
  const lines: string[] = [];
  for (const [index, item] of doc.items.entries()) {
    const gap = index === after + 1 ? Math.max(1, item.gapBefore) : item.gapBefore;
    for (let g = 0; g < gap; g++) lines.push("");
    lines.push(item.raw);
    if (index === after) lines.push("", "", block);
  }
  for (let g = 0; g < doc.gapAfter; g++) lines.push("");
  const text = lines.join("\n");
  return doc.finalNewline ? `${text}\n` : text;
}

/**
 * Names the document and the question keys it holds: "in this document" left the reader to
 * guess which document (the most recently updated one, by default) and which keys exist.
 * @example noQuestionMessage(doc, "q9") // 'No question q9 in “Prep”: its questions are q1, q2, q3.'
 */
export function noQuestionMessage(doc: PrepDoc, questionKey: string): string {
  const keys = [
    ...new Set(
      doc.items.filter((item): item is AnswerItem => item.kind === "answer").map((a) => a.questionKey),
    ),
  ];
  return `No question ${questionKey} in “${doc.title}”: ${
    keys.length === 0 ? "it has no answered question yet." : `its questions are ${keys.join(", ")}.`
  }`;
}
