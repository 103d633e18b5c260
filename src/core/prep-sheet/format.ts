import { notScoredLabel } from "../attempt-score.ts";
import { COMPETENCY_NAMES, type Competency } from "../model.ts";
import type { PrepSheet, SheetAnswer, SheetDocument } from "./build.ts";

/**
 * Seconds as the sheet shows them.
 * @example clock(96) // "1:36"
 */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The note after a follow-up's answer: its time against its budget, or "see above" for a pointer,
 * unless the pointer already says where it points ("Use the intro above"): then nothing.
 * @example followUpNote({ answer: "Use the intro above (1–2 mins).", pointer: true, seconds: 0, budgetSeconds: 90 }) // ""
 */
export function followUpNote(f: {
  answer: string;
  pointer: boolean;
  seconds: number;
  budgetSeconds: number;
}): string {
  if (!f.pointer) return `≈ ${clock(f.seconds)} of ${clock(f.budgetSeconds)}`;
  return /\b(?:above|below|earlier)\b/i.test(f.answer) ? "" : "see above";
}

/**
 * An answer's score as the sheet prints it: "4/5", or "not scored (French)" for an answer in
 * another language (the risk lens reads English only).
 */
export const scoreValue = (answer: Pick<SheetAnswer, "score" | "notScored">): string =>
  answer.notScored !== undefined ? notScoredLabel(answer.notScored) : `${answer.score ?? "–"}/5`;

/** "score 4/5", or "not scored (French)". */
export const scoreLine = (answer: Pick<SheetAnswer, "score" | "notScored">): string =>
  answer.notScored !== undefined ? notScoredLabel(answer.notScored) : `score ${scoreValue(answer)}`;

/** "1:36 of 1:30–2:00 (within)" */
export function timingLine(answer: Pick<SheetAnswer, "seconds" | "budget" | "status" | "words">): string {
  const verdict =
    answer.status === "within" ? "within budget" : answer.status === "long" ? "over budget" : "under budget";
  return `${answer.words} ${answer.words === 1 ? "word" : "words"} ≈ ${clock(answer.seconds)} · budget ${clock(answer.budget.min)}–${clock(answer.budget.max)} · ${verdict}`;
}

/** The app's name of a competency. @example competencyName("mistake-failure") // "Mistake or failure" */
export const competencyName = (c: Competency): string => COMPETENCY_NAMES[c];

/** The heading of an answer block: "Q1 · Tell me about yourself (core)". */
export function answerHeading(answer: Pick<SheetAnswer, "number" | "question" | "variant">): string {
  const number = answer.number ? `${/^\d/.test(answer.number) ? `Q${answer.number}` : answer.number} · ` : "";
  return `${number}${answer.question}`;
}

/**
 * Each document of a sheet with what tells it apart: its target role and what the sheet holds
 * of it ("Data/ML Engineer · 7 answers, 10 technical questions").
 */
export function documentLines(sheet: PrepSheet): Array<{ name: string; detail: string }> {
  return sheet.documents.map((document, i) => {
    const answers = sheet.answers.filter((a) => a.documentIndex === i).length;
    const technical = sheet.technical.filter((t) => t.documentIndex === i).length;
    // Only what the document has on the sheet: "5 technical questions", never "0 answers, …".
    const counts = [
      ...(answers > 0 || technical === 0 ? [`${answers} answer${answers === 1 ? "" : "s"}`] : []),
      ...(technical > 0 ? [`${technical} technical question${technical === 1 ? "" : "s"}`] : []),
    ].join(", ");
    return {
      name: document.name,
      detail: [document.targetRole ?? "", counts].filter((x) => x !== "").join(" · "),
    };
  });
}

/** A document's own wording of the lens, when the cover does not already show it. */
export function ownFraming(
  sheet: Pick<PrepSheet, "framing">,
  document: SheetDocument,
): SheetDocument["framing"] {
  const framing = document.framing;
  return framing !== undefined && JSON.stringify(framing) !== JSON.stringify(sheet.framing)
    ? framing
    : undefined;
}

/** What a posting asks, each line marked as evidenced by the sheet's answers or a gap. */
export function postingLines(posting: NonNullable<PrepSheet["posting"]>): string[] {
  return posting.requirements.map((r) => `${r.covered ? "✓" : "Gap:"} ${r.text}`);
}

/** "Acme · ML Engineer", or whichever of the two the posting names. */
export function postingName(posting: NonNullable<PrepSheet["posting"]>): string {
  return [posting.company, posting.title].filter((x) => x !== undefined && x.trim() !== "").join(" · ");
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
function names(list: readonly string[]): string {
  const shown = list.length > 4 ? [...list.slice(0, 3), `${list.length - 3} more`] : [...list];
  return shown.length === 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/**
 * What the cover says of the documents asked for that have nothing on the sheet, so that a
 * sheet narrowed to one competency neither shows them as empty parts nor leaves the reader
 * wondering where they went; "" when there are none.
 * @example leftOutLine({ competency: "conflict", documents: [a], leftOut: ["Globex prep"] }) // "Globex prep has no answer or technical question for Conflict: it is not on this sheet."
 */
export function leftOutLine(sheet: Pick<PrepSheet, "competency" | "documents" | "leftOut">): string {
  const left = sheet.leftOut ?? [];
  if (left.length === 0) return "";
  const what = sheet.competency === undefined ? "yet" : `for ${competencyName(sheet.competency)}`;
  const one = left.length === 1;
  return `${names(left)} ${one ? "has" : "have"} no answer or technical question ${what}: ${one ? "it is" : "they are"} not on this sheet.`;
}

/**
 * Where each fix's quote is to be read: the quote itself, or the number of the earlier fix that
 * quotes the same sentence (the analyzer may tie a result, a lesson and the time to one closing
 * sentence: printed three times, it reads as three problems).
 * @example fixQuotes([{ quote: "A." }, { quote: "A." }]) // [{ quote: "A." }, { sameAs: 1 }]
 */
export function fixQuotes(
  fixes: ReadonlyArray<{ quote: string }>,
): Array<{ quote: string } | { sameAs: number }> {
  return fixes.map((fix, i) => {
    const first = fixes.findIndex((f) => f.quote.trim() === fix.quote.trim());
    return first < i ? { sameAs: first + 1 } : { quote: fix.quote };
  });
}
