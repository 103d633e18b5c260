import { DeriskError } from "../errors.ts";
import type { AnswerItem, PrepDoc } from "../model.ts";
import { parsePrepDocument } from "./parse.ts";
import { renderPrepDocument } from "./render.ts";

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
export function addAnswerVariant(doc: PrepDoc, input: NewVariant): { doc: PrepDoc; answer: AnswerItem } {
  const answers = doc.items.filter((item): item is AnswerItem => item.kind === "answer");
  const base = answers.find((a) => a.questionKey === input.questionKey);
  if (!base) {
    throw new DeriskError(
      "NOT_FOUND",
      `No question ${input.questionKey} in this document: pick one of its questions.`,
    );
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
  const before = renderPrepDocument(doc).replace(/\n+$/, "");
  const next = parsePrepDocument(`${before}\n\n\n${block}${doc.finalNewline ? "\n" : ""}`, {
    encoding: doc.report.encoding,
    repaired: doc.report.repaired,
    warnings: doc.report.warnings,
  });
  const added = next.items.filter((item): item is AnswerItem => item.kind === "answer").at(-1);
  if (!added || added.questionKey !== input.questionKey || added.text !== text) {
    throw new DeriskError(
      "BAD_INPUT",
      "This text would not read back as a variant of the question (derisk re-reads every document it saves): simplify its formatting and try again.",
    );
  }
  return { doc: { ...next, title: doc.title }, answer: added };
}
