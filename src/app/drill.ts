/**
 * The technical drill: technical questions (the built-in bank, the user's own, those of their
 * documents) asked one by one; the typed answer is checked against the question's key points
 * by concept, the outline is shown, and the rating schedules the question on the one FSRS
 * schedule shared with behavioral answers.
 */
import { DeriskError } from "../core/errors.ts";
import type { DrillFeedback } from "../core/practice-types.ts";
import { TECHNICAL_TAGS, type TechnicalTag } from "../core/questions/index.ts";
import { endOfLocalDay, selectDue } from "../core/schedule/index.ts";
import { coverageTexts, keyPointCoverage } from "../core/semantic/coverage.ts";
import type { SentenceEmbeddings } from "../core/semantic/sentence-embeddings.ts";
import type { Card, Repos } from "../store/index.ts";
import { type SentenceEncoder, sharedSentenceEncoder } from "./encoder.ts";
import { newCardsToday, noNewCardsLeft } from "./new-cards.ts";
import { adoptBankQuestion, BANK_ID_PREFIX, type BankQuestion, listQuestionBank } from "./questions.ts";

export type { DrillFeedback };

/** The key points and outline of a technical question, by the ids a practice step carries. */
export interface DrillKey {
  keyPoints: string[];
  outline: string;
  note?: string;
}

function checkTag(tag: string | undefined): TechnicalTag | undefined {
  if (tag === undefined) return undefined;
  if (!(TECHNICAL_TAGS as readonly string[]).includes(tag))
    throw new DeriskError("BAD_INPUT", `Unknown tag "${tag}": use ${TECHNICAL_TAGS.join(" or ")}.`);
  return tag as TechnicalTag;
}

export interface DrillPick {
  question: BankQuestion;
  card?: Card;
}

const FAR_FUTURE = new Date(8.64e15);

/**
 * The technical questions to drill now: those due (most overdue first), then ones never
 * drilled, as many as today's allowance of new cards leaves: the user's documents' and own
 * questions first, then the built-in bank in its order.
 * Built-in questions picked become the user's rows, so they can be scheduled.
 * @example const picks = await pickDrill(store, "local", { count: 5, tag: "ml-concept" });
 */
export async function pickDrill(
  store: Repos,
  userId: string,
  options: { count: number; tag?: string; now?: Date },
): Promise<DrillPick[]> {
  const now = options.now ?? new Date();
  const tag = checkTag(options.tag);
  const bank = await listQuestionBank(store, userId, { kind: "technical", ...(tag ? { tag } : {}) });
  // A bank entry and an imported question that borrowed its key points ask the same thing:
  // drill the entry once the user has it (its card counts), else the imported question.
  const adopted = new Set(
    bank.filter((q) => q.origin === "built-in" && !q.id.startsWith(BANK_ID_PREFIX)).map((q) => q.bankKey),
  );
  const borrowed = new Set(bank.filter((q) => q.origin === "imported" && q.bankKey).map((q) => q.bankKey));
  const candidates = bank.filter((q) =>
    q.origin === "imported"
      ? !(q.bankKey !== undefined && adopted.has(q.bankKey))
      : !(q.origin === "built-in" && q.id.startsWith(BANK_ID_PREFIX) && borrowed.has(q.bankKey)),
  );
  const cards = await store.cards.listDueCards(userId, FAR_FUTURE);
  const cardOf = (q: BankQuestion) =>
    cards.find(
      (c) =>
        (q.itemId !== undefined && c.itemId === q.itemId) ||
        (q.questionId !== undefined && c.questionId === q.questionId),
    );
  // Never drilled: the user's own and their documents' first, then the built-in bank; a
  // question with no key points to check comes last.
  const order = (q: BankQuestion) => (q.keyPoints.length === 0 ? 2 : q.origin === "built-in" ? 1 : 0);
  const { perDay, leftToday: newLimit } = await newCardsToday(store, userId, now);
  const ranked = selectDue<DrillPick>(
    [...candidates]
      .sort((a, b) => order(a) - order(b))
      .map((q) => {
        const card = cardOf(q);
        if (!card) return { ref: { question: q } as DrillPick };
        const { id: _i, itemId: _it, questionId: _q, updatedAt: _u, ...memory } = card;
        return { ref: { question: q, card } as DrillPick, memory };
      }),
    now,
    { limit: options.count, newLimit, dayEnd: endOfLocalDay(now, now.getTimezoneOffset()) },
  );
  if (ranked.length === 0 && newLimit === 0 && candidates.some((q) => cardOf(q) === undefined)) {
    throw new DeriskError(
      "NOT_FOUND",
      `Nothing to drill now: no question is due and ${noNewCardsLeft(perDay)}.`,
      {
        hint: {
          cli: " Practise one competency now if you want more: derisk practice --competency ml-concept.",
          web: " Practise one competency now if you want more.",
        },
      },
    );
  }
  if (ranked.length === 0) {
    const next = cards
      .filter((c) => candidates.some((q) => cardOf(q) === c))
      .sort((a, b) => a.due.getTime() - b.due.getTime())[0];
    throw next
      ? new DeriskError(
          "NOT_FOUND",
          `Nothing to drill now: every technical question is scheduled; the next is due ${next.due.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
        )
      : new DeriskError("NOT_FOUND", "No technical question to drill", {
          hint: {
            cli: ": add one with derisk questions add --competency ml-concept.",
            web: ": add a technical question to your bank, or import a document with a technical section.",
          },
        });
  }
  const out: DrillPick[] = [];
  for (const { ref } of ranked) {
    const question = ref.question.id.startsWith(BANK_ID_PREFIX)
      ? await adoptBankQuestion(store, userId, ref.question.id)
      : ref.question;
    out.push({ question, ...(ref.card ? { card: ref.card } : {}) });
  }
  return out;
}

/**
 * The key points and outline of the technical question a step asks (by its item or question id).
 * @example const key = await drillKeyFor(store, "local", { questionId });
 */
export async function drillKeyFor(
  store: Repos,
  userId: string,
  ref: { itemId?: string; questionId?: string },
): Promise<DrillKey | undefined> {
  if (ref.questionId !== undefined) {
    const row = await store.questions.getQuestion(userId, ref.questionId).catch(() => undefined);
    if (!row) return undefined;
    return {
      keyPoints: row.keyPoints,
      outline: row.outline,
      ...(row.keyPoints.length === 0
        ? { note: "This question has no key points yet: add them to have your answer checked." }
        : {}),
    };
  }
  if (ref.itemId !== undefined) {
    const imported = (await listQuestionBank(store, userId, { kind: "technical" })).find(
      (q) => q.itemId === ref.itemId && q.origin === "imported",
    );
    if (!imported) return undefined;
    return {
      keyPoints: imported.keyPoints,
      outline: imported.outline,
      ...(imported.note === undefined ? {} : { note: imported.note }),
    };
  }
  return undefined;
}

/**
 * The sentence embeddings key-point coverage reads for this answer (docs/drill.md), or
 * undefined when the encoder cannot load: coverage then decides as it does without them.
 */
export async function drillEmbeddings(
  answer: string,
  keyPoints: readonly string[],
  encoder: Pick<SentenceEncoder, "prepare"> = sharedSentenceEncoder(),
): Promise<SentenceEmbeddings | undefined> {
  if (keyPoints.length === 0 || answer.trim() === "") return undefined;
  try {
    return await encoder.prepare(coverageTexts(answer, keyPoints));
  } catch {
    return undefined;
  }
}

/**
 * Checks an answer against the key points: covered and missed (by concept, and by meaning when
 * the sentence encoder loads), plus the outline.
 * @example (await drillFeedback("We used weight decay…", key)).missed
 */
export async function drillFeedback(
  answer: string,
  key: DrillKey,
  encoder?: Pick<SentenceEncoder, "prepare">,
): Promise<DrillFeedback> {
  const embeddings = await drillEmbeddings(answer, key.keyPoints, encoder);
  return {
    ...keyPointCoverage(answer, key.keyPoints, embeddings === undefined ? {} : { embeddings }),
    keyPoints: key.keyPoints,
    outline: key.outline,
    ...(key.note === undefined ? {} : { note: key.note }),
  };
}
