/**
 * The domain of derisk, as named in PRODUCT.md. These names are used everywhere:
 * code, API, UI and docs. Pure types and constant lists only.
 */

/** Fixed competency ids (PRODUCT.md). */
export const COMPETENCIES = [
  "about-me",
  "motivation",
  "technical-challenge",
  "mistake-failure",
  "conflict",
  "leadership-influence",
  "ambiguity",
  "prioritization-deadline",
  "feedback",
  "teamwork",
  "customer-focus",
  "learning-growth",
  "ownership-initiative",
  "strength-weakness",
  "ml-concept",
  "ml-engineering",
] as const;
export type Competency = (typeof COMPETENCIES)[number];

/**
 * How a competency is named to the candidate, the same on every page, sheet and report: the
 * web app, the prep sheet (Markdown, HTML, PDF) and the CLI.
 */
export const COMPETENCY_NAMES: Readonly<Record<Competency, string>> = {
  "about-me": "About me",
  motivation: "Motivation",
  "technical-challenge": "Technical challenge",
  "mistake-failure": "Mistake or failure",
  conflict: "Conflict",
  "leadership-influence": "Leadership and influence",
  ambiguity: "Ambiguity",
  "prioritization-deadline": "Prioritisation and deadlines",
  feedback: "Feedback",
  teamwork: "Teamwork",
  "customer-focus": "Customer focus",
  "learning-growth": "Learning and growth",
  "ownership-initiative": "Ownership and initiative",
  "strength-weakness": "Strengths and weaknesses",
  "ml-concept": "ML concepts",
  "ml-engineering": "ML engineering",
};

/** Role profile ids the analyzer knows. */
export const ROLE_IDS = [
  "ml-engineer",
  "data-scientist",
  "software-engineer",
  "mlops-engineer",
  "research-scientist",
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** 1-based, inclusive line numbers in the (repaired) source document. */
export interface LineRange {
  start: number;
  end: number;
}

/** How the bytes of an imported document were decoded. */
export type SourceEncoding =
  | "utf-8"
  | "utf-8-bom"
  | "utf-16le"
  | "utf-16be"
  | "windows-1252"
  | "utf-8-mojibake-mac-roman"
  | "utf-8-mojibake-windows-1252";

export const STAR_PARTS = ["situation", "task", "action", "result", "lesson"] as const;
export type StarPart = (typeof STAR_PARTS)[number];
export type StarSections = Partial<Record<StarPart, string>>;

/** How an answer's body is written. */
export type AnswerFormat = "script" | "star" | "free" | "beats";

interface ItemBase {
  /** Stable within one document: e.g. "q1/core", "q1/follow-up-2", "note-7". */
  key: string;
  /** Where the item stood in the source (repaired text). */
  lines: LineRange;
  /**
   * The exact Markdown of this item as it stands in the document (repaired, edits applied).
   * Joining every item's `raw` in order with the separators recorded in `gapBefore`
   * reproduces the document: this is how nothing is lost.
   */
  raw: string;
  /** Blank lines (count) between the previous item and this one. */
  gapBefore: number;
}

/** A `## …` heading that groups what follows; may name a target role. */
export interface SectionItem extends ItemBase {
  kind: "section";
  title: string;
  depth: number;
  role?: string;
}

/** The risk lens as the document states it: the five "Will this person…?" questions. */
export interface FramingItem extends ItemBase {
  kind: "framing";
  title: string;
  intro: string;
  questions: string[];
  /** The line(s) that close the framing talk, when the document has them. */
  closing?: string;
}

/** What the candidate will say to one question (one variant). */
export interface AnswerItem extends ItemBase {
  kind: "answer";
  /** Groups the variants of one question, e.g. "q1". */
  questionKey: string;
  /** Numbering exactly as written ("Q1", "6"), if any. */
  questionNumber?: string;
  question: string;
  /** "core", "alternative", "ML-focused"… */
  variant: string;
  format: AnswerFormat;
  /** The spoken answer as plain text (markers and quote marks removed). */
  text: string;
  star?: StarSections;
  /** Re-angle remark or lead-in that precedes the answer body. */
  remark?: string;
  /** The "movie trailer" outline; each beat may hold `→`-separated parts. */
  beats?: string[];
  budgetSeconds?: number;
}

/** A likely next question with a prepared answer (or a pointer to one). */
export interface FollowUpItem extends ItemBase {
  kind: "follow-up";
  answerKey: string;
  question: string;
  answer: string;
  /** True when the answer points elsewhere ("Use the Core Story above (2–3 mins)"). */
  pointer: boolean;
  budgetSeconds?: number;
}

/** A judgement to avoid, with the candidate's own reframing lines. */
export interface ConcernItem extends ItemBase {
  kind: "concern";
  answerKey?: string;
  judgement: string;
  reframes: string[];
}

/** A heading of the technical question bank (e.g. "🧠 ML & Deep Learning Foundations"). */
export interface TechnicalSectionItem extends ItemBase {
  kind: "technical-section";
  title: string;
  emoji?: string;
  description?: string;
  competency: Competency;
}

export interface TechnicalQuestionItem extends ItemBase {
  kind: "technical-question";
  sectionKey: string;
  text: string;
  competency: Competency;
  keyPoints: string[];
}

export interface ReflectionTurn {
  speaker: string;
  text: string;
}

/** A private journal entry: how an episode felt, and reframes drawn from it. */
export interface ReflectionItem extends ItemBase {
  kind: "reflection";
  title?: string;
  turns: ReflectionTurn[];
  reframes: string[];
}

/**
 * A résumé-style achievement line from the user's notes ("Reduced deployment time from
 * 2 weeks to 3 days"): raw material for a story, read by tailoring and coverage.
 */
export interface AccomplishmentItem extends ItemBase {
  kind: "accomplishment";
  /** The line as said, markers removed. */
  text: string;
  /** The figures it states ("2 weeks", "35%"); empty when it says nothing of how much. */
  metrics: string[];
}

/** One entry of a to-do list: `- [ ] Rehearse Q1 out loud`. */
export interface TodoEntry {
  /** The entry as written, markers and checkbox removed. */
  text: string;
  done: boolean;
  /** 0 for a top-level entry, 1 for one nested under it, and so on. */
  depth: number;
}

/** The user's prep checklist: a Markdown task list, its entries in order. */
export interface TodoItem extends ItemBase {
  kind: "to-do";
  entries: TodoEntry[];
}

/** A fenced or indented code block that stands on its own (not inside an answer). */
export interface SnippetItem extends ItemBase {
  kind: "snippet";
  /** The first word of the fence's info string (`python`), if any. */
  language?: string;
  /** The code between the fences, as written. */
  code: string;
  /** False for a fence never closed, which runs to the end of the document. */
  closed: boolean;
  /** The answer it stands under, when it follows one directly (e.g. "q3/core"). */
  answerKey?: string;
}

/** Text that was not recognised, kept where it stood. */
export interface NoteItem extends ItemBase {
  kind: "note";
  text: string;
}

export type PrepItem =
  | SectionItem
  | FramingItem
  | AnswerItem
  | FollowUpItem
  | ConcernItem
  | TechnicalSectionItem
  | TechnicalQuestionItem
  | ReflectionItem
  | AccomplishmentItem
  | TodoItem
  | SnippetItem
  | NoteItem;

export type PrepItemKind = PrepItem["kind"];
export const PREP_ITEM_KINDS = [
  "section",
  "framing",
  "answer",
  "follow-up",
  "concern",
  "technical-section",
  "technical-question",
  "reflection",
  "accomplishment",
  "to-do",
  "snippet",
  "note",
] as const satisfies readonly PrepItemKind[];

/** What the importer recognised, for the user. */
export interface ImportReport {
  encoding: SourceEncoding;
  repaired: boolean;
  counts: Record<PrepItemKind, number>;
  /** Spans kept as notes because nothing recognised them. */
  unrecognised: LineRange[];
  lines: { total: number; nonBlank: number; inNotes: number };
  warnings: string[];
}

/** A parsed prep document: every non-blank line belongs to exactly one item, in order. */
export interface PrepDoc {
  title: string;
  targetRole?: string;
  /** Trailing blank lines after the last item. */
  gapAfter: number;
  /** Whether the source ended with a newline. */
  finalNewline: boolean;
  items: PrepItem[];
  report: ImportReport;
}

/** Schema version of the JSON export (`derisk export --format json`). */
export const BANK_SCHEMA_VERSION = 1;

/**
 * Where a version of an item's text came from: a file, the editor, compose, re-angle, a restore
 * from history; "earlier" is a text changed before derisk kept history.
 */
export const ITEM_SOURCES = ["imported", "typed", "composed", "re-angled", "restored", "earlier"] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];
