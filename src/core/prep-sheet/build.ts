import { analyze } from "../analysis/analyze.ts";
import { classify } from "../analysis/classify.ts";
import { DEFAULT_WPM } from "../analysis/timing.ts";
import type { Analysis, AnalyzeOptions } from "../analysis/types.ts";
import { answerText } from "../answer-text.ts";
import { readsAsReply, remarkToShow } from "../markdown/patterns.ts";
import { stripMarkup } from "../markup.ts";
import {
  type AnswerFormat,
  type AnswerItem,
  COMPETENCIES,
  type Competency,
  type ConcernItem,
  type FollowUpItem,
  type PrepDoc,
  type RoleId,
  STAR_PARTS,
  type StarPart,
  type StarSections,
  type TechnicalQuestionItem,
} from "../model.ts";
import { joinSentences, lacksSubject, leadsIntoNext, splitSentences } from "../packaging/text.ts";
import { countWords, speakingSeconds } from "../words.ts";

/**
 * The risk lens as PRODUCT.md states it: what the interviewer quietly asks behind every
 * question. Used on the cover page when neither the profile nor the document words it.
 */
export const DEFAULT_FRAMING_QUESTIONS = [
  "Will this person collapse under ambiguity?",
  "Will this person spin their wheels?",
  "Will this person blame others?",
  "Will this person need hand-holding?",
  "Will this person fix symptoms only?",
] as const;

/** Budget of a follow-up answer (PRODUCT.md, C2): said in under 45 seconds. */
const FOLLOW_UP_MAX_SECONDS = 45;
/** A cue card holds at most this many beats of at most this many words, so it fits a quarter page. */
const CUE_BEATS = 5;
const CUE_WORDS = 22;

export interface SheetFollowUp {
  question: string;
  answer: string;
  /** The prepared answer points elsewhere ("Use the intro above"). */
  pointer: boolean;
  words: number;
  seconds: number;
  /** Seconds the answer should stay under. */
  budgetSeconds: number;
}

export interface SheetConcern {
  judgement: string;
  reframes: string[];
}

export interface SheetFix {
  action: string;
  quote: string;
}

/** One block of the sheet: an answer variant with everything needed the night before. */
export interface SheetAnswer {
  key: string;
  /** Groups the variants of one question within its document. */
  questionKey: string;
  /** The document's name on the sheet (its title; "Title (2)" when two documents share one). */
  document: string;
  /** Its document's place in `PrepSheet.documents`. */
  documentIndex: number;
  number?: string;
  question: string;
  variant: string;
  competency: Competency;
  format: AnswerFormat;
  remark?: string;
  /** The spoken text (plain). */
  text: string;
  star?: StarSections;
  beats?: string[];
  words: number;
  seconds: number;
  budget: { min: number; max: number };
  status: "short" | "within" | "long";
  /** The lens's overall score; absent when the answer is in another language (see notScored). */
  score?: 1 | 2 | 3 | 4 | 5;
  /** The language of an answer the lens does not score (it reads English only): "French". */
  notScored?: string;
  fixes: SheetFix[];
  followUps: SheetFollowUp[];
  concerns: SheetConcern[];
  /** Key beats only: what a cue card shows. */
  cue: CueBeat[];
}

/** One beat of a cue card: the user's words, and the STAR part they tell when they tell one. */
export interface CueBeat {
  text: string;
  part?: StarPart;
}

export interface SheetTechnical {
  key: string;
  document: string;
  documentIndex: number;
  section: string;
  question: string;
  competency: Competency;
  keyPoints: string[];
}

export interface SheetCoverage {
  documents: number;
  /** Distinct questions with at least one answer. */
  questions: number;
  answers: number;
  followUps: number;
  /** Follow-ups whose prepared answer is written out (not a pointer to another answer). */
  preparedFollowUps: number;
  concerns: number;
  technical: number;
  /** Answers whose estimated speaking time is within, under and over their budget. */
  timing: { within: number; short: number; long: number };
  /**
   * Mean analyzer score of the answers, 1..5, one decimal; undefined without a scored answer (one
   * in another language is not scored and left out).
   */
  meanScore?: number;
  /** Answers per competency, in the fixed competency order; only competencies with answers. */
  competencies: Array<{ competency: Competency; answers: number }>;
  /** Behavioral competencies no answer covers yet. */
  missing: Competency[];
}

/**
 * One document of the sheet: a candidate keeps one document per interview, each with its own
 * target role and wording of the lens, so a sheet of several shows each under its own name.
 */
export interface SheetDocument {
  /** Unique on the sheet: its title, or "Title (2)" for a second document of the same title. */
  name: string;
  targetRole?: string;
  /** The document's own framing talk, when it has one. */
  framing?: { intro?: string; questions: string[] };
}

/** The job posting a sheet was made for (a saved tailoring): what it asks, and what the bank shows. */
export interface SheetPosting {
  company?: string;
  title?: string;
  requirements: Array<{ text: string; covered: boolean }>;
}

export interface PrepSheet {
  title: string;
  /** The role every answer is prepared for: the profile's, else the one all documents share. */
  targetRole?: string;
  /**
   * The documents with something on the sheet, in order; answers and questions point here. A
   * document asked for that has nothing on it (no answer of the competency asked for, say) is
   * not among them: it is named in `leftOut`.
   */
  documents: SheetDocument[];
  /** The names of the documents asked for that have nothing on this sheet; absent when none. */
  leftOut?: string[];
  framing: { intro?: string; questions: string[] };
  /** The competency the sheet was narrowed to, if any. */
  competency?: Competency;
  /** The job posting the sheet was narrowed to, if any. */
  posting?: SheetPosting;
  wordsPerMinute: number;
  coverage: SheetCoverage;
  answers: SheetAnswer[];
  technical: SheetTechnical[];
  /** Concerns not tied to one answer (each names its document's index). */
  concerns: Array<SheetConcern & { documentIndex: number }>;
}

export interface PrepSheetOptions {
  /** Sheet title; default: the document's title, or "Interview prep" for several. */
  title?: string;
  /** Target role as the user wrote it ("ML Engineer"); default: the one the documents share. */
  targetRole?: string;
  /** Analyzer role profile for the score and fixes, for every answer. */
  role?: RoleId;
  /** Without `role`: the analyzer role of a document's own target role ("ML Engineer" → "ml-engineer"). */
  roleOf?: (targetRole: string | undefined) => RoleId | undefined;
  /** The profile's speaking rate; default 150 words per minute. */
  wordsPerMinute?: number;
  /** The user's own wording of the lens; default: the document's framing, else PRODUCT.md's. */
  framing?: string[];
  /** Keep only the answers and technical questions of one competency. */
  competency?: Competency;
  /** Keep only these answers (by document and answer key): those that evidence a job posting. */
  keepAnswer?: (documentIndex: number, answerKey: string) => boolean;
  /** The job posting the kept answers evidence, shown on the cover. */
  posting?: SheetPosting;
  /**
   * The analyzer to score answers with; default `analyze`. The app passes one that remembers
   * analyses, as the same bank is exported again and again.
   */
  analyze?: (text: string, options: AnalyzeOptions) => Analysis;
}

const NON_BEHAVIORAL: readonly Competency[] = ["ml-concept", "ml-engineering"];

const firstWords = (text: string, max: number): string => {
  const words = text.trim().split(/\s+/);
  return words.length <= max ? words.join(" ") : `${words.slice(0, max).join(" ")} …`;
};

/**
 * The first sentence that carries content: a greeting ("Thank you for having me.") or a lead-in
 * ("The challenge was twofold:") is no beat. Cut by the packaging's sentence splitter, which
 * keeps "e.g., GPT-based", "approx. 40%" and "v2.1" inside their sentence and a list item or
 * line on its own; markup is stripped, so a beat holds the words alone.
 */
const firstSentence = (text: string): string => {
  const sentences = splitSentences(stripMarkup(text))
    .map((s) => s.text.replace(/\s+/g, " "))
    .filter((s) => s !== "");
  const at = Math.max(
    0,
    sentences.findIndex((s) => countWords(s) >= 6),
  );
  const first = sentences[at];
  // Nothing but markup or spaces: no words to cue.
  if (first === undefined) return "";
  // "…metrics, I" then "- Switched to async workers": the list item finishes the sentence.
  const next = sentences[at + 1];
  return next !== undefined && leadsIntoNext(first) && lacksSubject(next)
    ? joinSentences([first, next])
    : first;
};

/** Key beats of an answer: its trailer beats, else one line per STAR part, else one per paragraph. */
function cueOf(answer: AnswerItem): CueBeat[] {
  let beats: CueBeat[];
  if (answer.beats && answer.beats.length > 0) beats = answer.beats.map((b) => ({ text: stripMarkup(b) }));
  else if (answer.star && STAR_PARTS.some((p) => (answer.star?.[p] ?? "").trim() !== "")) {
    beats = STAR_PARTS.filter((p) => (answer.star?.[p] ?? "").trim() !== "").map((part) => ({
      part,
      text: firstSentence(answer.star?.[part] ?? ""),
    }));
  } else {
    beats = answer.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== "")
      .map((p) => ({ text: firstSentence(p) }));
  }
  beats = beats.filter((b) => b.text.trim() !== "");
  return beats.slice(0, CUE_BEATS).map((b) => ({ ...b, text: firstWords(b.text, CUE_WORDS) }));
}

function sheetAnswer(
  answer: AnswerItem,
  competency: Competency,
  document: { name: string; index: number },
  followUps: FollowUpItem[],
  concerns: ConcernItem[],
  options: { role?: RoleId; wordsPerMinute: number; analyze: NonNullable<PrepSheetOptions["analyze"]> },
): SheetAnswer {
  const spoken = answerText(answer);
  const analysis = options.analyze(spoken, {
    question: answer.question,
    wordsPerMinute: options.wordsPerMinute,
    ...(options.role === undefined ? {} : { role: options.role }),
    ...(answer.budgetSeconds === undefined ? {} : { budgetSeconds: answer.budgetSeconds }),
  });
  const words = countWords(answer.text.trim() === "" ? spoken : answer.text);
  const seconds = speakingSeconds(words, options.wordsPerMinute);
  const budget = analysis.timing.budget;
  // A remark that replies to someone (an assistant's "Here's a version…" kept with a pasted
  // answer) stays in the bank but is not printed: the sheet holds what the user says and notes.
  const shown = remarkToShow(answer.remark);
  const remark = shown !== undefined && !readsAsReply(shown) ? shown : undefined;
  return {
    key: answer.key,
    questionKey: answer.questionKey,
    document: document.name,
    documentIndex: document.index,
    ...(answer.questionNumber === undefined ? {} : { number: answer.questionNumber }),
    question: answer.question,
    variant: answer.variant,
    competency,
    format: answer.format,
    ...(remark === undefined ? {} : { remark }),
    text: answer.text,
    ...(answer.star === undefined ? {} : { star: answer.star }),
    ...(answer.beats === undefined ? {} : { beats: answer.beats }),
    words,
    seconds,
    budget,
    status: seconds < budget.min ? "short" : seconds > budget.max ? "long" : "within",
    ...(analysis.language === undefined
      ? { score: analysis.overall.score }
      : { notScored: analysis.language.name }),
    fixes: analysis.fixes.map((fix) => ({ action: fix.action, quote: fix.quote })),
    followUps: followUps.map((f) => {
      const fWords = countWords(f.answer);
      return {
        question: f.question,
        answer: f.answer,
        pointer: f.pointer,
        words: fWords,
        seconds: speakingSeconds(fWords, options.wordsPerMinute),
        budgetSeconds: f.budgetSeconds ?? FOLLOW_UP_MAX_SECONDS,
      };
    }),
    concerns: concerns.map((c) => ({ judgement: c.judgement, reframes: c.reframes })),
    cue: cueOf(answer),
  };
}

/**
 * Gathers one or more prep documents into a prep sheet: the framing, the target role, a
 * coverage summary, and per answer its timing, analyzer score, top fixes, follow-ups and
 * concerns. Pure: the same documents and options give the same sheet.
 * @example buildPrepSheet([doc], { wordsPerMinute: 150 }).answers[0]?.seconds // 96
 */
export function buildPrepSheet(docs: readonly PrepDoc[], options: PrepSheetOptions = {}): PrepSheet {
  const plan = planPrepSheet(docs, options);
  const answers: SheetAnswer[] = [];
  for (let i = 0; i < plan.size; i++) {
    const block = plan.answer(i);
    if (block) answers.push(block);
  }
  return plan.finish(answers);
}

/**
 * `buildPrepSheet` in steps, for a caller that does something with each answer as soon as it
 * is analysed (the PDF export prints the first answers while later ones are analysed).
 * `buildPrepSheet(docs, o)` is `finish` of the blocks `answer(0)` … `answer(size - 1)` gave.
 */
export interface PrepSheetPlan {
  /** The sheet's title, known before any answer is analysed. */
  readonly title: string;
  /** The documents, likewise: a sheet of several shows each answer under its document. */
  readonly documents: SheetDocument[];
  /** The wording of the lens on the cover, likewise. */
  readonly framing: PrepSheet["framing"];
  /** The technical questions, likewise (they need no analysis). */
  readonly technical: SheetTechnical[];
  /** Answers to analyse, in the sheet's order. */
  readonly size: number;
  /** Analyses the i-th answer: its block (the competency asked for is applied before: every answer is kept). */
  answer(i: number): SheetAnswer | undefined;
  /** The sheet of the blocks `answer` gave, in the same order. */
  finish(answers: SheetAnswer[]): PrepSheet;
}

/**
 * Reads the documents without analysing anything: what `buildPrepSheet` does before and
 * after it analyses each answer (see PrepSheetPlan).
 * @example const plan = planPrepSheet([doc]); plan.finish([plan.answer(0)]).answers.length // 1
 */
export function planPrepSheet(docs: readonly PrepDoc[], options: PrepSheetOptions = {}): PrepSheetPlan {
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_WPM;
  const pending: Array<() => SheetAnswer> = [];
  const technical: SheetTechnical[] = [];
  const looseConcerns: PrepSheet["concerns"] = [];
  const documents: SheetDocument[] = [];
  const names = new Set<string>();

  const leftOut: string[] = [];

  docs.forEach((doc, index) => {
    const followUps = new Map<string, FollowUpItem[]>();
    const concerns = new Map<string, ConcernItem[]>();
    const sections = new Map<string, string>();
    let framing: SheetDocument["framing"];
    for (const item of doc.items) {
      if (item.kind === "follow-up")
        followUps.set(item.answerKey, [...(followUps.get(item.answerKey) ?? []), item]);
      if (item.kind === "concern" && item.answerKey !== undefined)
        concerns.set(item.answerKey, [...(concerns.get(item.answerKey) ?? []), item]);
      if (item.kind === "technical-section") sections.set(item.key, item.title);
      if (item.kind === "framing" && framing === undefined && item.questions.length > 0)
        framing = {
          ...(item.intro.trim() === "" ? {} : { intro: item.intro.trim() }),
          questions: item.questions,
        };
    }
    // Named among all the documents asked for, as the bank's other views name them.
    const name = uniqueName(doc.title.trim() || `Document ${index + 1}`, names);
    // What the sheet keeps of this document. An answer's competency is its question's (the
    // analysis classifies the question the same way), so the competency asked for is applied
    // here, before any analysis: a document with nothing for it is known to be off the sheet.
    const answers: Array<{ item: AnswerItem; competency: Competency }> = [];
    const questions: TechnicalQuestionItem[] = [];
    const loose: ConcernItem[] = [];
    for (const item of doc.items) {
      if (
        item.kind === "answer" &&
        item.text.trim() + answerText(item).trim() !== "" &&
        (options.keepAnswer === undefined || options.keepAnswer(index, item.key))
      ) {
        const competency = classify(item.question).competency;
        if (options.competency === undefined || competency === options.competency)
          answers.push({ item, competency });
      } else if (item.kind === "technical-question") {
        if (options.competency === undefined || item.competency === options.competency) questions.push(item);
      } else if (
        item.kind === "concern" &&
        item.answerKey === undefined &&
        options.competency === undefined
      ) {
        loose.push(item);
      }
    }
    // A document with nothing on the sheet gets no place, number or heading on it.
    if (answers.length + questions.length + loose.length === 0) {
      leftOut.push(name);
      return;
    }
    const place = { name, index: documents.length };
    documents.push({
      name,
      ...(doc.targetRole === undefined ? {} : { targetRole: doc.targetRole }),
      ...(framing === undefined ? {} : { framing }),
    });
    const role = options.role ?? options.roleOf?.(doc.targetRole);
    const analyzeWith = {
      wordsPerMinute,
      analyze: options.analyze ?? analyze,
      ...(role === undefined ? {} : { role }),
    };
    for (const { item, competency } of answers)
      pending.push(() =>
        sheetAnswer(
          item,
          competency,
          place,
          followUps.get(item.key) ?? [],
          concerns.get(item.key) ?? [],
          analyzeWith,
        ),
      );
    for (const item of questions)
      technical.push(sheetTechnical(item, place, sections.get(item.sectionKey) ?? ""));
    for (const item of loose)
      looseConcerns.push({ judgement: item.judgement, reframes: item.reframes, documentIndex: place.index });
  });

  // A role or wording of the lens the documents differ on is not the whole sheet's: each
  // document's part shows its own, and the cover only what holds for all.
  const roles = new Set(documents.map((d) => d.targetRole));
  const targetRole = options.targetRole ?? (roles.size === 1 ? documents[0]?.targetRole : undefined);
  const framings = new Set(documents.flatMap((d) => (d.framing ? [JSON.stringify(d.framing)] : [])));
  const shared = framings.size === 1 ? documents.find((d) => d.framing)?.framing : undefined;
  const framing =
    options.framing && options.framing.length > 0
      ? { questions: [...options.framing] }
      : (shared ?? { questions: [...DEFAULT_FRAMING_QUESTIONS] });
  const title = options.title ?? (docs.length === 1 ? docs[0]?.title || "Interview prep" : "Interview prep");
  return {
    title,
    documents,
    framing,
    technical,
    size: pending.length,
    answer: (i) => {
      const make = pending[i];
      if (make === undefined) throw new RangeError(`No answer ${i} in a sheet of ${pending.length}.`);
      return make();
    },
    finish: (answers) => ({
      title,
      ...(targetRole === undefined ? {} : { targetRole }),
      documents,
      framing,
      ...(options.competency === undefined ? {} : { competency: options.competency }),
      ...(options.posting === undefined ? {} : { posting: options.posting }),
      ...(leftOut.length === 0 ? {} : { leftOut }),
      wordsPerMinute,
      coverage: coverageOf(documents.length, answers, technical, looseConcerns),
      answers,
      technical,
      concerns: looseConcerns,
    }),
  };
}

/** A document's name, made unique on the sheet: a second "Prep" is "Prep (2)". */
function uniqueName(title: string, taken: Set<string>): string {
  let name = title;
  for (let n = 2; taken.has(name); n++) name = `${title} (${n})`;
  taken.add(name);
  return name;
}

function sheetTechnical(
  item: TechnicalQuestionItem,
  document: { name: string; index: number },
  section: string,
): SheetTechnical {
  return {
    key: item.key,
    document: document.name,
    documentIndex: document.index,
    section,
    question: item.text,
    competency: item.competency,
    keyPoints: item.keyPoints,
  };
}

function coverageOf(
  documents: number,
  answers: SheetAnswer[],
  technical: SheetTechnical[],
  looseConcerns: SheetConcern[],
): SheetCoverage {
  const perCompetency = new Map<Competency, number>();
  for (const a of answers) perCompetency.set(a.competency, (perCompetency.get(a.competency) ?? 0) + 1);
  const followUps = answers.flatMap((a) => a.followUps);
  // An answer in another language has no score: it is left out of the mean, not counted as a 1.
  const scores = answers.flatMap((a) => (a.score === undefined ? [] : [a.score]));
  const mean =
    scores.length === 0
      ? undefined
      : Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 10) / 10;
  return {
    documents,
    questions: new Set(answers.map((a) => `${a.documentIndex}\u0000${a.questionKey}`)).size,
    answers: answers.length,
    followUps: followUps.length,
    preparedFollowUps: followUps.filter((f) => !f.pointer && f.answer.trim() !== "").length,
    concerns: answers.reduce((s, a) => s + a.concerns.length, 0) + looseConcerns.length,
    technical: technical.length,
    timing: {
      within: answers.filter((a) => a.status === "within").length,
      short: answers.filter((a) => a.status === "short").length,
      long: answers.filter((a) => a.status === "long").length,
    },
    ...(mean === undefined ? {} : { meanScore: mean }),
    competencies: COMPETENCIES.filter((c) => perCompetency.has(c)).map((c) => ({
      competency: c,
      answers: perCompetency.get(c) ?? 0,
    })),
    missing: COMPETENCIES.filter((c) => !NON_BEHAVIORAL.includes(c) && !perCompetency.has(c)),
  };
}
