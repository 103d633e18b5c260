import { DeriskError } from "../errors.ts";
import type { AnswerItem, PrepDoc } from "../model.ts";
import { mendReadBack } from "./edit-read-back.ts";
import { parsePrepDocument } from "./parse.ts";
import { readBackMessage, readBackProblem } from "./read-back.ts";

export interface NewQuestionAnswer {
  /** The question, as the interviewer would ask it. */
  question: string;
  /** The answer the user wrote. */
  text: string;
}

/** Longest question accepted: one question, not a paragraph. */
export const MAX_NEW_QUESTION = 300;

/**
 * Adds a new question with its answer at the end of a document, as a numbered question
 * heading (`### Q7- …`) followed by the answer, the way people write one by hand; the
 * document stays the single source of truth and exports and re-imports the same.
 * @example addQuestionAnswer(doc, { question: "Why this team?", text: "Because…" }).answer.key // "q7/core"
 */
export function addQuestionAnswer(
  stored: PrepDoc,
  input: NewQuestionAnswer,
): { doc: PrepDoc; answer: AnswerItem } {
  const question = input.question.replace(/\s+/g, " ").trim();
  if (question === "")
    throw new DeriskError("BAD_INPUT", "The question is empty: write the question this answer is for.");
  if (question.length > MAX_NEW_QUESTION) {
    throw new DeriskError(
      "BAD_INPUT",
      `The question is ${question.length} characters long (at most ${MAX_NEW_QUESTION}): keep it to the question itself.`,
    );
  }
  if (/^#|^(?:question|answer)\s*:/i.test(question)) {
    throw new DeriskError(
      "BAD_INPUT",
      "The question starts with # or Question:/Answer:: write the question only, without Markdown markers.",
    );
  }
  const text = input.text.replace(/\r\n?/g, "\n").trim();
  if (text === "")
    throw new DeriskError("BAD_INPUT", "The answer is empty: write the answer before saving it.");
  if (/\n\s*\n\s*\n/.test(text) || /^\s*(?:#|question\s*:|answer\s*:)/im.test(text)) {
    throw new DeriskError(
      "BAD_INPUT",
      "The answer has a line that starts with #, Question: or Answer:, or two blank lines in a row: join its paragraphs with one blank line.",
    );
  }
  // A document an older edit left unable to read back is mended first (its stuck note set off).
  const doc = mendReadBack(stored).doc;
  const numbers = doc.items
    .filter((item): item is AnswerItem => item.kind === "answer")
    .map((a) => /^q(\d+)$/i.exec(a.questionKey)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const number = Math.max(0, ...numbers) + 1;
  const block = [`### Q${number}- ${question}`, "", text].join("\n");
  const lines: string[] = [];
  for (const item of doc.items) {
    for (let g = 0; g < item.gapBefore; g++) lines.push("");
    lines.push(item.raw);
  }
  if (lines.length > 0) lines.push("", "");
  lines.push(block);
  const next = parsePrepDocument(`${lines.join("\n")}\n`, {
    encoding: doc.report.encoding,
    repaired: doc.report.repaired,
    warnings: doc.report.warnings,
  });
  const added = next.items.find(
    (item): item is AnswerItem => item.kind === "answer" && item.questionKey === `q${number}`,
  );
  const others = next.items.filter((item) => item !== added);
  const intact =
    others.length === doc.items.length &&
    doc.items.every((item) => others.some((other) => other.key === item.key && other.raw === item.raw));
  if (!added || added.text !== text || !intact) {
    throw new DeriskError(
      "BAD_INPUT",
      readBackMessage(
        "This answer would not read back as a question of its own",
        intact ? readBackProblem(text, added?.text) : "",
      ),
    );
  }
  return { doc: { ...next, title: doc.title }, answer: added };
}
