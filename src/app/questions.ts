/**
 * The question bank a user sees: the built-in banks (src/core/questions, written by us) merged
 * with the user's own questions and the questions of their imported documents (the technical
 * ones, and the behavioral questions their answers answer).
 *
 * Design: built-in questions are served from code, not copied into every user's database; a
 * built-in question becomes a row of `questions` (with its bank key) the first time the user
 * drills or practises it, so its card and attempts have a row to point at. The due queue
 * therefore holds what the user has met, not 150 unseen questions; the drill brings new ones in.
 * A technical question imported without key points borrows them from the bank entry that asks
 * the same thing (matched by meaning), or is listed with a note asking the user to write them.
 */
import { classify } from "../core/analysis/index.ts";
import { RISK_SIGNALS } from "../core/analysis/types.ts";
import { DeriskError } from "../core/errors.ts";
import { COMPETENCIES, type Competency } from "../core/model.ts";
import {
  BEHAVIORAL_QUESTIONS,
  BUILT_IN_SOURCE,
  bankMatchFor,
  TECHNICAL_QUESTIONS,
  TECHNICAL_TAGS,
  type TechnicalTag,
} from "../core/questions/index.ts";
import type { Question, Repos } from "../store/index.ts";
import { HINTS } from "./errors.ts";

/** Id prefix of a built-in question the user has not used yet. */
export const BANK_ID_PREFIX = "bank:";
export const MAX_QUESTION_CHARS = 2000;
export const MAX_KEY_POINTS = 12;
export const MAX_KEY_POINT_CHARS = 300;
export const MAX_OUTLINE_CHARS = 4000;

export type QuestionKind = "technical" | "behavioral";

export interface BankQuestion {
  /** The question's id: a row id, an imported item's id, or `bank:<key>` for a built-in not used yet. */
  id: string;
  kind: QuestionKind;
  /** Where it is from: the built-in bank, one of the user's documents, or typed by the user. */
  origin: "built-in" | "imported" | "own";
  /** For an imported question: the title of the document it is from. */
  document?: string;
  bankKey?: string;
  text: string;
  competency: Competency;
  category: string;
  keyPoints: string[];
  outline: string;
  /** The risks an interviewer checks with it (behavioral questions). */
  checks: string[];
  /** What the interviewer is listening for (built-in behavioral questions). */
  listeningFor?: string;
  source: string;
  /** For an imported technical question: where its key points come from. */
  keyPointsFrom?: "document" | "bank" | "none";
  /** Set when something is missing and the user can fix it. */
  note?: string;
  itemId?: string;
  questionId?: string;
}

export interface QuestionListFilter {
  competency?: Competency;
  tag?: TechnicalTag;
  kind?: QuestionKind;
}

const isTechnical = (competency: string): boolean =>
  (TECHNICAL_TAGS as readonly string[]).includes(competency);

function fromRow(row: Question): BankQuestion {
  const builtIn = row.bankKey !== undefined;
  const behavioral = BEHAVIORAL_QUESTIONS.find((q) => q.key === row.bankKey);
  return {
    id: row.id,
    kind: isTechnical(row.competency) && behavioral === undefined ? "technical" : "behavioral",
    origin: builtIn ? "built-in" : "own",
    ...(row.bankKey === undefined ? {} : { bankKey: row.bankKey }),
    text: row.text,
    competency: row.competency,
    category: row.category,
    keyPoints: row.keyPoints,
    outline: row.outline,
    checks: row.checks,
    ...(behavioral === undefined ? {} : { listeningFor: behavioral.listeningFor }),
    source: row.source,
    questionId: row.id,
    ...(row.itemId === undefined ? {} : { itemId: row.itemId }),
  };
}

/**
 * The whole bank: built-in technical and behavioral questions (as the user's rows once used),
 * the questions of imported documents (technical ones with key points from the document, else
 * from the matching bank entry; behavioral ones, one per question its answers answer), and the
 * user's own questions.
 * @example const technical = await listQuestionBank(store, "local", { kind: "technical" });
 */
export async function listQuestionBank(
  store: Repos,
  userId: string,
  filter: QuestionListFilter = {},
): Promise<BankQuestion[]> {
  if (filter.competency !== undefined && !(COMPETENCIES as readonly string[]).includes(filter.competency))
    throw new DeriskError(
      "BAD_INPUT",
      `Unknown competency "${filter.competency}": use one of ${COMPETENCIES.join(", ")}.`,
    );
  if (filter.tag !== undefined && !(TECHNICAL_TAGS as readonly string[]).includes(filter.tag))
    throw new DeriskError("BAD_INPUT", `Unknown tag "${filter.tag}": use ${TECHNICAL_TAGS.join(" or ")}.`);
  const rows = await store.questions.listQuestions(userId);
  const byKey = new Map(rows.filter((r) => r.bankKey !== undefined).map((r) => [r.bankKey as string, r]));
  const out: BankQuestion[] = [];
  for (const q of TECHNICAL_QUESTIONS) {
    const row = byKey.get(q.key);
    out.push(
      row
        ? fromRow(row)
        : {
            id: `${BANK_ID_PREFIX}${q.key}`,
            kind: "technical",
            origin: "built-in",
            bankKey: q.key,
            text: q.text,
            competency: q.competency,
            category: q.category,
            keyPoints: [...q.keyPoints],
            outline: q.outline,
            checks: [],
            source: BUILT_IN_SOURCE,
          },
    );
  }
  for (const q of BEHAVIORAL_QUESTIONS) {
    const row = byKey.get(q.key);
    out.push(
      row
        ? fromRow(row)
        : {
            id: `${BANK_ID_PREFIX}${q.key}`,
            kind: "behavioral",
            origin: "built-in",
            bankKey: q.key,
            text: q.text,
            competency: q.competency,
            category: "",
            keyPoints: [],
            outline: "",
            checks: [...q.checks],
            listeningFor: q.listeningFor,
            source: BUILT_IN_SOURCE,
          },
    );
  }
  const titles = new Map((await store.documents.listDocuments(userId)).map((d) => [d.id, d.title]));
  out.push(...(await importedTechnical(store, userId, titles)));
  out.push(...(await importedBehavioral(store, userId, titles)));
  for (const row of rows) if (row.bankKey === undefined) out.push(fromRow(row));
  return out.filter(
    (q) =>
      (filter.competency === undefined || q.competency === filter.competency) &&
      // A tag names technical questions: the behavioral ones of the same competency are not drilled.
      (filter.tag === undefined || (q.competency === filter.tag && q.kind === "technical")) &&
      (filter.kind === undefined || q.kind === filter.kind),
  );
}

/**
 * The technical questions of the user's documents, each with its key points: the document's
 * own, else those of the bank entry that asks the same thing, else none and a note.
 * `titles` (document id → title) names the document each is from.
 * @example const imported = await importedTechnical(store, "local");
 */
export async function importedTechnical(
  store: Repos,
  userId: string,
  titles: ReadonlyMap<string, string> = new Map(),
): Promise<BankQuestion[]> {
  const out: BankQuestion[] = [];
  for (const item of await store.items.listItems(userId, { kind: "technical-question" })) {
    if (item.kind !== "technical-question") continue;
    const own = item.keyPoints.length > 0;
    const match = own ? undefined : bankMatchFor(item.text);
    const title = titles.get(item.documentId);
    out.push({
      id: item.id,
      kind: "technical",
      origin: "imported",
      ...(title === undefined ? {} : { document: title }),
      ...(match === undefined ? {} : { bankKey: match.entry.key }),
      text: item.text,
      competency: item.competency,
      category: match?.entry.category ?? "",
      keyPoints: own ? item.keyPoints : match ? [...match.entry.keyPoints] : [],
      outline: match?.entry.outline ?? "",
      checks: [],
      source: "document",
      keyPointsFrom: own ? "document" : match ? "bank" : "none",
      ...(own || match
        ? {}
        : {
            note: "No key points: no bank question asks the same thing. Add your own key points to have your answer checked.",
          }),
      itemId: item.id,
    });
  }
  return out;
}

/**
 * The behavioral questions of the user's documents: one per question its answers answer (the
 * variants of a question are one question), with the competency the analyzer reads in it.
 * @example const mine = await importedBehavioral(store, "local", new Map());
 */
async function importedBehavioral(
  store: Repos,
  userId: string,
  titles: ReadonlyMap<string, string>,
): Promise<BankQuestion[]> {
  const out = new Map<string, BankQuestion>();
  for (const item of await store.items.listItems(userId, { kind: "answer" })) {
    if (item.kind !== "answer") continue;
    const key = `${item.documentId}\u0000${item.questionKey}`;
    if (out.has(key)) continue;
    const title = titles.get(item.documentId);
    out.set(key, {
      id: item.id,
      kind: "behavioral",
      origin: "imported",
      ...(title === undefined ? {} : { document: title }),
      text: item.question,
      competency: classify(item.question).competency,
      category: "",
      keyPoints: [],
      outline: "",
      checks: [],
      source: "document",
      itemId: item.id,
    });
  }
  return [...out.values()];
}

export interface NewQuestion {
  text: string;
  competency: Competency;
  category?: string;
  keyPoints?: string[];
  outline?: string;
  checks?: string[];
}

function checkText(what: string, value: string, max: number): string {
  const text = value.trim();
  if (text === "") throw new DeriskError("BAD_INPUT", `The ${what} is empty: write it out.`);
  if (text.length > max)
    throw new DeriskError(
      "TOO_LARGE",
      `The ${what} is ${text.length} characters, over the ${max} limit: shorten it.`,
    );
  return text;
}

/**
 * Adds a question of the user's own (behavioral or technical, with key points to drill).
 * @example await addQuestion(store, "local", { text: "What is dropout?", competency: "ml-concept", keyPoints: ["randomly zeroes activations"] });
 */
export async function addQuestion(store: Repos, userId: string, input: NewQuestion): Promise<BankQuestion> {
  const text = checkText("question", input.text, MAX_QUESTION_CHARS);
  if (!(COMPETENCIES as readonly string[]).includes(input.competency))
    throw new DeriskError(
      "BAD_INPUT",
      `Unknown competency "${input.competency}": use one of ${COMPETENCIES.join(", ")}.`,
    );
  const keyPoints = (input.keyPoints ?? []).map((p, i) =>
    checkText(`key point ${i + 1}`, p, MAX_KEY_POINT_CHARS),
  );
  if (keyPoints.length > MAX_KEY_POINTS)
    throw new DeriskError("BAD_INPUT", `${keyPoints.length} key points: give at most ${MAX_KEY_POINTS}.`);
  const outline = input.outline === undefined ? "" : input.outline.trim();
  if (outline.length > MAX_OUTLINE_CHARS)
    throw new DeriskError("TOO_LARGE", `The outline is over ${MAX_OUTLINE_CHARS} characters: shorten it.`);
  const category = (input.category ?? "").trim();
  if (category.length > 100) throw new DeriskError("TOO_LARGE", "The category is over 100 characters.");
  for (const check of input.checks ?? [])
    if (!(RISK_SIGNALS as readonly string[]).includes(check))
      throw new DeriskError("BAD_INPUT", `Unknown risk "${check}": use ${RISK_SIGNALS.join(", ")}.`);
  const row = await store.questions.createQuestion(userId, {
    text,
    competency: input.competency,
    source: "typed",
    category,
    keyPoints,
    outline,
    checks: [...(input.checks ?? [])],
  });
  return fromRow(row);
}

/**
 * The user's row of a question id as listed (`bank:<key>` becomes a row on first use).
 * @example const { questionId } = await adoptBankQuestion(store, "local", "bank:tech.lora");
 */
export async function adoptBankQuestion(store: Repos, userId: string, id: string): Promise<BankQuestion> {
  if (!id.startsWith(BANK_ID_PREFIX)) {
    const row = await store.questions.getQuestion(userId, id);
    return fromRow(row);
  }
  const key = id.slice(BANK_ID_PREFIX.length);
  const technical = TECHNICAL_QUESTIONS.find((q) => q.key === key);
  const behavioral = BEHAVIORAL_QUESTIONS.find((q) => q.key === key);
  if (technical) {
    return fromRow(
      await store.questions.addBankQuestion(userId, key, {
        text: technical.text,
        competency: technical.competency,
        source: BUILT_IN_SOURCE,
        category: technical.category,
        keyPoints: [...technical.keyPoints],
        outline: technical.outline,
      }),
    );
  }
  if (behavioral) {
    return fromRow(
      await store.questions.addBankQuestion(userId, key, {
        text: behavioral.text,
        competency: behavioral.competency,
        source: BUILT_IN_SOURCE,
        checks: [...behavioral.checks],
      }),
    );
  }
  throw new DeriskError("NOT_FOUND", `No built-in question ${key}`, { hint: HINTS.questionBank });
}
