/**
 * Shapes a document's flat, ordered item list into what the library shows: questions grouped by
 * section with their variants, follow-ups and concerns; the technical bank by section; notes with
 * the items they stood between. Pure, so every view derives from the same single pass.
 */
import { countWords, formatDuration, speakingSeconds as speakingSecondsOf } from "../../src/core/words.ts";
import type { StoredItem, StoredOf } from "./api.ts";

export type AnswerEntry = StoredOf<"answer">;
export type FollowUpEntry = StoredOf<"follow-up">;
export type ConcernEntry = StoredOf<"concern">;

export interface QuestionGroup {
  questionKey: string;
  /** Numbering exactly as written ("Q1", "6"); absent when the document has none. */
  number?: string;
  question: string;
  variants: AnswerEntry[];
  followUps: FollowUpEntry[];
  concerns: ConcernEntry[];
}

export interface SectionGroup {
  /** Null for questions that come before any heading. */
  title: string | null;
  role?: string;
  questions: QuestionGroup[];
}

export interface TechnicalGroup {
  section: StoredOf<"technical-section"> | null;
  questions: StoredOf<"technical-question">[];
}

export interface NoteInPlace {
  note: StoredOf<"note">;
  after: StoredItem | null;
  before: StoredItem | null;
}

export interface SnippetEntry {
  snippet: StoredOf<"snippet">;
  /** The question whose answer the code follows, if any. */
  question: QuestionGroup | null;
}

export interface Library {
  sections: SectionGroup[];
  /** Every question group in document order (the order j/k walks). */
  questions: QuestionGroup[];
  technical: TechnicalGroup[];
  reflections: StoredOf<"reflection">[];
  framings: StoredOf<"framing">[];
  /** Résumé-style achievement lines, raw material for stories. */
  accomplishments: StoredOf<"accomplishment">[];
  /** The user's prep checklists, in document order. */
  todos: StoredOf<"to-do">[];
  /** Code blocks, each with the question it stands under when it follows an answer. */
  snippets: SnippetEntry[];
  notes: NoteInPlace[];
}

export function buildLibrary(items: readonly StoredItem[]): Library {
  const sections: SectionGroup[] = [];
  const questions: QuestionGroup[] = [];
  const byQuestionKey = new Map<string, QuestionGroup>();
  const byAnswerKey = new Map<string, QuestionGroup>();
  const technical: TechnicalGroup[] = [];
  const technicalByKey = new Map<string, TechnicalGroup>();
  const reflections: StoredOf<"reflection">[] = [];
  const framings: StoredOf<"framing">[] = [];
  const notes: NoteInPlace[] = [];
  const accomplishments: StoredOf<"accomplishment">[] = [];
  const todos: StoredOf<"to-do">[] = [];
  const snippets: SnippetEntry[] = [];

  let currentSection: SectionGroup | null = null;
  let lastQuestion: QuestionGroup | null = null;
  let lastTechnical: TechnicalGroup | null = null;

  // Follow-ups and concerns name the answer they belong to; when the key is missing or unknown,
  // they belong to the question they stood under in the document.
  const owner = (key: string | undefined): QuestionGroup | null =>
    (key === undefined ? undefined : (byAnswerKey.get(key) ?? byQuestionKey.get(key))) ?? lastQuestion;

  items.forEach((item, index) => {
    switch (item.kind) {
      case "section": {
        // "Answers pitched for ML Engineer Roles:" reads as a heading without its colon.
        currentSection = { title: item.title.replace(/\s*:\s*$/, ""), questions: [] };
        if (item.role !== undefined) currentSection.role = item.role;
        sections.push(currentSection);
        break;
      }
      case "answer": {
        let group = byQuestionKey.get(item.questionKey);
        if (group === undefined) {
          group = {
            questionKey: item.questionKey,
            question: item.question,
            variants: [],
            followUps: [],
            concerns: [],
          };
          if (item.questionNumber !== undefined) group.number = item.questionNumber;
          byQuestionKey.set(item.questionKey, group);
          questions.push(group);
          if (currentSection === null) {
            currentSection = { title: null, questions: [] };
            sections.push(currentSection);
          }
          currentSection.questions.push(group);
        }
        group.variants.push(item);
        byAnswerKey.set(item.key, group);
        lastQuestion = group;
        break;
      }
      case "follow-up":
        owner(item.answerKey)?.followUps.push(item);
        break;
      case "concern":
        owner(item.answerKey)?.concerns.push(item);
        break;
      case "technical-section": {
        const group: TechnicalGroup = { section: item, questions: [] };
        technical.push(group);
        technicalByKey.set(item.key, group);
        lastTechnical = group;
        break;
      }
      case "technical-question": {
        let group = technicalByKey.get(item.sectionKey) ?? lastTechnical;
        if (group === null) {
          group = { section: null, questions: [] };
          technical.push(group);
          lastTechnical = group;
        }
        group.questions.push(item);
        break;
      }
      case "reflection":
        reflections.push(item);
        break;
      case "framing":
        framings.push(item);
        break;
      case "accomplishment":
        accomplishments.push(item);
        break;
      case "to-do":
        todos.push(item);
        break;
      case "snippet":
        snippets.push({
          snippet: item,
          question: item.answerKey === undefined ? null : (byAnswerKey.get(item.answerKey) ?? null),
        });
        break;
      case "note":
        notes.push({ note: item, after: items[index - 1] ?? null, before: items[index + 1] ?? null });
        break;
    }
  });

  return {
    sections: sections.filter((s) => s.questions.length > 0),
    questions,
    technical,
    reflections,
    framings,
    accomplishments,
    todos,
    snippets,
    notes,
  };
}

/** A short human label for any item, used to say where a note stood. */
export function describeItem(item: StoredItem): string {
  switch (item.kind) {
    case "section":
      return `heading “${item.title}”`;
    case "framing":
      return `framing “${item.title}”`;
    case "answer":
      return `${item.questionNumber ? `${item.questionNumber} ` : ""}${item.question} (${item.variant})`;
    case "follow-up":
      return `follow-up “${item.question}”`;
    case "concern":
      return `concern “${item.judgement}”`;
    case "technical-section":
      return `technical section “${item.title}”`;
    case "technical-question":
      return `technical question “${item.text}”`;
    case "reflection":
      return item.title ? `reflection “${item.title}”` : "reflection";
    case "accomplishment":
      return `accomplishment “${item.text}”`;
    case "to-do":
      return `to-do list (${item.entries.length} ${item.entries.length === 1 ? "entry" : "entries"})`;
    case "snippet":
      return item.language ? `${item.language} code` : "code block";
    case "note":
      return `note at lines ${formatLines(item.lines)}`;
  }
}

export function formatLines(lines: { start: number; end: number }): string {
  return lines.start === lines.end ? `${lines.start}` : `${lines.start}–${lines.end}`;
}

export function matchesFilter(group: QuestionGroup, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === "") return true;
  const haystack = [
    group.number ?? "",
    group.question,
    ...group.variants.map((v) => `${v.variant} ${v.text}`),
  ]
    .join("\n")
    .toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

/** Speaking rate from PRODUCT.md's profile default. */
export const WORDS_PER_MINUTE = 150;

export { countWords, formatDuration };

/** Seconds to say `text` at the default rate, by the estimate the risk lens uses. */
export function speakingSeconds(text: string): number {
  return speakingSecondsOf(countWords(text), WORDS_PER_MINUTE);
}

/** The longest answer text the server stores (src/server/routes/items.ts, documents.ts). */
export const MAX_ANSWER_CHARS = 200_000;

/**
 * Why an answer this long cannot be saved, in the editor's words (the server's refusal names a
 * JSON field and the API docs), or null when it fits.
 */
export function answerTooLong(text: string): { code: string; message: string } | null {
  if (text.length <= MAX_ANSWER_CHARS) return null;
  return {
    code: "TOO_LARGE",
    message: `This answer is ${text.length.toLocaleString("en")} characters; an answer holds up to ${MAX_ANSWER_CHARS.toLocaleString("en")}. Cut it down (a spoken answer is a few hundred words) and save again; nothing was saved yet.`,
  };
}
