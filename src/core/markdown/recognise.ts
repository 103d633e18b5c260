import type {
  AccomplishmentItem,
  AnswerItem,
  Competency,
  ConcernItem,
  FollowUpItem,
  FramingItem,
  NoteItem,
  PrepItem,
  ReflectionItem,
  ReflectionTurn,
  SectionItem,
  SnippetItem,
  TechnicalQuestionItem,
  TechnicalSectionItem,
} from "../model.ts";
import { type BodyLine, readAnswerBody } from "./answer-body.ts";
import {
  ALTERNATIVES_HEADING,
  ASSISTANT_SPEAKERS,
  cleanQuestion,
  endsWithQuote,
  findFigures,
  isAlternativeTrigger,
  isBullet,
  isCommentary,
  isFollowUpTrigger,
  isListItem,
  isReframeIntro,
  isSelfIntroduction,
  joinPlain,
  leadingEmoji,
  looksLikeQuestion,
  matchAccomplishment,
  matchAnswerLabel,
  matchCandidateLine,
  matchConcern,
  matchHtmlHeading,
  matchInterviewerLine,
  matchMetricTable,
  matchNumberedListQuestion,
  matchNumberedQuestion,
  matchQuestionLabel,
  matchQuestionLine,
  matchReplyLabel,
  matchRole,
  matchSpeaker,
  matchSummaryQuestion,
  type NumberedQuestion,
  normaliseQuestion,
  openingQuote,
  parseBudgetSeconds,
  plainLine,
  SELF_INTRODUCTION_QUESTION,
  slugify,
  unquote,
} from "./patterns.ts";
import { readCodeBlock } from "./snippet.ts";
import type { SourceDocument, SourceLine } from "./source.ts";
import { matchTaskItem, readTodoList } from "./todo.ts";

/** An item whose `lines` are still 0-based indices and whose `raw`/`gapBefore` are filled in later. */
export type DraftItem = PrepItem;

interface QuestionContext {
  key: string;
  number?: string;
  text: string;
  /** Heading depth of the question; 7 for questions written as lines (any heading ends them). */
  depth: number;
  coreKey: string;
  followUps: number;
  concerns: number;
}

interface KnownQuestion {
  key: string;
  number?: string;
  text: string;
  norm: string;
  words: Set<string>;
}

// Vocabulary for "ml-engineering" vs "ml-concept" (from the seed's two technical sections and
// common MLOps terms).
const ENGINEERING_WORDS =
  /\b(?:deploy\w*|production|kubernetes|k8s|docker|container\w*|ci\/cd|cicd|mlops|devops|monitor\w*|serving|serve|latency|scal(?:e|ing|ability)|cloud|aws|gcp|azure|infrastructure|system design|api|orchestrat\w*|feature store|drift|rollout|a\/b|pipelines?|workloads?|sagemaker|airflow)\b/gi;

function engineeringScore(text: string): number {
  return text.match(ENGINEERING_WORDS)?.length ?? 0;
}

const STRONG_QUESTION_HEADING =
  /^(?:tell (?:me|us)|describe a|give (?:me|us) an example|walk (?:me|us) through)\b/i;

/** `base`, or `base-2`, `base-3`… whichever is free; remembers where to continue per base. */
function uniqueKey(base: string, used: Set<string>, nextSuffix: Map<string, number>): string {
  let key = base;
  if (used.has(key)) {
    let n = nextSuffix.get(base) ?? 2;
    while (used.has(`${base}-${n}`)) n++;
    key = `${base}-${n}`;
    nextSuffix.set(base, n + 1);
  }
  used.add(key);
  return key;
}

/** Recognises the items of a prep document, line by line, with the Markdown tree's help. */
export class Recogniser {
  private readonly lines: readonly SourceLine[];
  private readonly body: readonly BodyLine[];
  private readonly texts: readonly string[];
  private readonly items: DraftItem[] = [];
  private pending: { start: number; end: number } | undefined;
  private readonly usedKeys = new Set<string>();
  private readonly usedQuestionKeys = new Set<string>();
  /** Next suffix to try per base key, so a thousand "q1" questions stay linear. */
  private readonly nextSuffix = new Map<string, number>();
  private readonly questions: KnownQuestion[] = [];
  private readonly questionsByNorm = new Map<string, KnownQuestion>();
  private counters = {
    note: 0,
    section: 0,
    framing: 0,
    reflection: 0,
    tech: 0,
    question: 0,
    concern: 0,
    accomplishment: 0,
    todo: 0,
    snippet: 0,
  };
  private question: QuestionContext | undefined;
  private tech: { key: string; competency: Competency; count: number } | undefined;
  private sectionTitle: string | undefined;
  private noConversationBefore = -1;
  /** The line of the dialogue reply being read, whose `A:`/`You:` label is not part of the answer. */
  private dialogueReply = -1;
  targetRole: string | undefined;

  constructor(source: SourceDocument) {
    this.lines = source.lines;
    this.texts = source.lines.map((l) => l.text);
    this.body = source.lines.map((l, index) => ({
      // A sub-heading inside an answer is a line of its words: `### Lesson ###` reads "Lesson".
      text: l.kind === "heading" && l.depth > 0 && l.unitEnd === index ? l.title : l.text,
      blank: l.blank,
      literal: l.kind === "code" || l.kind === "html" || l.kind === "front-matter",
      code: l.kind === "code",
    }));
  }

  /** Runs over every line once; returns the items in order with 0-based line indices. */
  run(): DraftItem[] {
    let i = 0;
    const n = this.lines.length;
    while (i < n) {
      const line = this.lines[i];
      if (!line || line.blank) {
        i++;
        continue;
      }
      const next = this.recogniseAt(i);
      if (next === undefined) {
        const end = Math.max(i, line.unitEnd);
        this.pending = { start: this.pending?.start ?? i, end };
        i = end + 1;
      } else {
        i = next;
      }
    }
    this.flushPending();
    this.absorbFramingContext();
    this.absorbAlternativeHeaders();
    return this.items;
  }

  /**
   * The framing list rarely stands alone: "Behavioral interviews are not about: …" before it
   * and "You already have the raw material…" after it are part of the same talk. Short notes
   * right next to a framing (no other item between) join it, as its intro and its closing.
   */
  private absorbFramingContext(): void {
    const short = (item: DraftItem | undefined): item is NoteItem =>
      item?.kind === "note" && item.lines.end - item.lines.start < 12;
    for (let k = 0; k < this.items.length; k++) {
      const framing = this.items[k];
      if (framing?.kind !== "framing") continue;
      const before = this.items[k - 1];
      // The notes' own lines, their lists kept ("not about: - titles - charm" is a list).
      const prose = (note: NoteItem) =>
        joinPlain(this.lines.slice(note.lines.start, note.lines.end + 1).map((l) => l.text));
      if (short(before)) {
        framing.lines = { start: before.lines.start, end: framing.lines.end };
        framing.intro = `${prose(before)}\n\n${framing.intro}`;
        this.items.splice(k - 1, 1);
        k--;
      }
      const after = this.items[k + 1];
      if (short(after)) {
        framing.lines = { start: framing.lines.start, end: after.lines.end };
        framing.closing = prose(after);
        this.items.splice(k + 1, 1);
      }
    }
  }

  /** A bare "**Alternative Answers**:" line heads the alternative answer right after it. */
  private absorbAlternativeHeaders(): void {
    for (let k = 0; k < this.items.length - 1; k++) {
      const note = this.items[k];
      const answer = this.items[k + 1];
      if (note?.kind !== "note" || answer?.kind !== "answer" || note.lines.start !== note.lines.end) continue;
      if (!ALTERNATIVES_HEADING.test(plainLine(note.text))) continue;
      answer.lines = { start: note.lines.start, end: answer.lines.end };
      answer.remark = answer.remark ? `${note.text}\n${answer.remark}` : note.text;
      this.items.splice(k, 1);
    }
  }

  // ── bookkeeping ─────────────────────────────────────────────────────────────

  private key(base: string): string {
    const key = uniqueKey(base, this.usedKeys, this.nextSuffix);
    return key;
  }

  private flushPending(upTo?: number): void {
    if (!this.pending) return;
    const end = upTo === undefined ? this.pending.end : Math.min(this.pending.end, upTo);
    let last = end;
    while (last >= this.pending.start && this.lines[last]?.blank) last--;
    if (last >= this.pending.start) {
      const text = joinPlain(this.lines.slice(this.pending.start, last + 1).map((l) => l.text));
      this.items.push({
        kind: "note",
        key: this.key(`note-${++this.counters.note}`),
        lines: { start: this.pending.start, end: last },
        raw: "",
        gapBefore: 0,
        text,
      });
    }
    this.pending = undefined;
  }

  private push(item: DraftItem): void {
    this.flushPending();
    this.items.push(item);
  }

  private nextNonBlank(from: number): number {
    for (let i = from; i < this.lines.length; i++) if (!this.lines[i]?.blank) return i;
    return -1;
  }

  private lastNonBlankBefore(to: number, from: number): number {
    for (let i = to - 1; i >= from; i--) if (!this.lines[i]?.blank) return i;
    return from - 1;
  }

  // ── dispatch ────────────────────────────────────────────────────────────────

  /** Recognises an item starting at line `i`; returns the index after it, or undefined. */
  private recogniseAt(i: number): number | undefined {
    const line = this.lines[i];
    if (!line) return undefined;
    switch (line.kind) {
      case "front-matter":
        this.flushPending();
        this.pending = { start: i, end: line.unitEnd };
        this.flushPending();
        return line.unitEnd + 1;
      case "code":
        return this.recogniseSnippet(i, line);
      case "html":
        return this.recogniseHtml(i, line);
      case "rule":
        this.question = undefined;
        this.tech = undefined;
        return this.recogniseReflection(i, true);
      case "heading":
        return this.recogniseHeading(i, line);
      default:
        return this.recogniseText(i, line.text);
    }
  }

  private recogniseHeading(i: number, line: SourceLine): number | undefined {
    const title = line.title;
    const q = this.question;
    if (q && line.depth > q.depth) {
      if (isAlternativeTrigger(title)) return this.recogniseAnswer(i, line.unitEnd + 1, q, "alternative");
      if (isFollowUpTrigger(title)) {
        const next = this.recogniseFollowUps(i, line.unitEnd + 1);
        if (next !== undefined) return next;
      }
    }
    const numbered = matchNumberedQuestion(title);
    if (this.isQuestionHeading(title, line.depth, numbered)) {
      return this.startQuestion(i, line.unitEnd + 1, line.depth, title, numbered);
    }
    if (!q || line.depth <= q.depth) this.question = undefined;
    this.tech = undefined;
    const tech = this.recogniseTechnicalSection(i, line);
    if (tech !== undefined) return tech;
    const section: SectionItem = {
      kind: "section",
      key: this.key(`section-${++this.counters.section}`),
      lines: { start: i, end: line.unitEnd },
      raw: "",
      gapBefore: 0,
      title,
      depth: line.depth,
    };
    const role = matchRole(title);
    if (role) {
      section.role = role;
      this.targetRole ??= role;
    }
    if (line.depth <= 2) this.sectionTitle = title;
    this.push(section);
    return line.unitEnd + 1;
  }

  private isQuestionHeading(title: string, depth: number, numbered: NumberedQuestion | undefined): boolean {
    if (isFollowUpTrigger(title) || isAlternativeTrigger(title)) return false;
    if (numbered) return numbered.qPrefixed || depth >= 3 || looksLikeQuestion(numbered.text);
    // `### "Tell me about a time…"`: the quotes are the writer's, the question is inside them.
    const t = title.replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\s|\*|["“„«'‘])+/u, "");
    return /[?？][”"'’»]*\s*:?$/.test(t) || STRONG_QUESTION_HEADING.test(t);
  }

  private recogniseText(i: number, text: string): number | undefined {
    if (matchTaskItem(text)) return this.recogniseTodo(i);
    const q = this.question;
    if (q) {
      if (this.isShortTrigger(text, isFollowUpTrigger)) {
        const next = this.recogniseFollowUps(i, i + 1);
        if (next !== undefined) return next;
      }
      if (matchConcern(text)) return this.recogniseConcern(i);
      if (this.isShortTrigger(text, isAlternativeTrigger))
        return this.recogniseAnswer(i, i + 1, q, "alternative");
      const label = matchAnswerLabel(text);
      if (label) return this.recogniseAnswer(i, i, q, label.variant ?? "alternative");
    }
    if (this.tech && !isCommentary(text)) {
      const tq = this.recogniseTechnicalQuestion(i, text);
      if (tq !== undefined) return tq;
    }
    const asked = matchQuestionLabel(text);
    if (asked) return this.recogniseQuestionAnswerPair(i, asked);
    const interviewer = matchInterviewerLine(text);
    if (interviewer !== undefined) {
      const dialogue = this.recogniseDialogue(i, interviewer);
      if (dialogue !== undefined) return dialogue;
    }
    const questionLine = matchQuestionLine(text);
    if (questionLine) return this.startQuestion(i, i + 1, 7, questionLine.text, questionLine.numbered);
    const listQuestion = matchNumberedListQuestion(text);
    if (listQuestion && this.isStandaloneListQuestion(i)) {
      return this.startQuestion(i, i + 1, 7, listQuestion.text, listQuestion);
    }
    if (matchSpeaker(text)) {
      const reflection = this.recogniseReflection(i, false);
      if (reflection !== undefined) return reflection;
    }
    const framing = this.recogniseFraming(i, text);
    if (framing !== undefined) return framing;
    if (!q && matchConcern(text)) return this.recogniseConcern(i);
    if (!q && isSelfIntroduction(text)) return this.recogniseSelfIntroduction(i);
    if (text.trimStart().startsWith("|")) {
      const table = this.recogniseMetricTable(i);
      if (table !== undefined) return table;
    }
    return this.recogniseAccomplishment(i, text);
  }

  /** `- [ ] Rehearse Q1 out loud` / `- [x] Update the CV`: the user's prep checklist. */
  private recogniseTodo(i: number): number | undefined {
    const run = readTodoList(this.texts, i, (k) => this.lines[k]?.kind === "text");
    if (!run) return undefined;
    this.push({
      kind: "to-do",
      key: this.key(`to-do-${++this.counters.todo}`),
      lines: { start: i, end: run.end },
      raw: "",
      gapBefore: 0,
      entries: run.entries,
    });
    return run.end + 1;
  }

  /**
   * A code block that no answer's body took: a snippet. Right after an answer (nothing kept
   * as a note between them) it belongs to that answer, which `answerKey` names.
   */
  private recogniseSnippet(i: number, line: SourceLine): number {
    let end = Math.max(i, line.unitEnd);
    // An unclosed fence runs to the end: the blank lines it swallowed stay outside the item.
    while (end > i && this.lines[end]?.blank) end--;
    const block = readCodeBlock(this.lines.slice(i, end + 1).map((l) => l.text));
    const previous = this.pending ? undefined : this.items.at(-1);
    const item: SnippetItem = {
      kind: "snippet",
      key: this.key(`snippet-${++this.counters.snippet}`),
      lines: { start: i, end },
      raw: "",
      gapBefore: 0,
      code: block.code,
      closed: block.closed,
    };
    if (block.language) item.language = block.language;
    if (previous?.kind === "answer") item.answerKey = previous.key;
    this.push(item);
    return Math.max(i, line.unitEnd) + 1;
  }

  /**
   * A self-introduction with no question above it: the answer to "Tell me about yourself"
   * (another variant when the document already answers it).
   */
  private recogniseSelfIntroduction(i: number): number {
    const known = this.findQuestion(SELF_INTRODUCTION_QUESTION);
    let context: QuestionContext;
    if (known) {
      context = { key: known.key, text: known.text, depth: 7, coreKey: "", followUps: 0, concerns: 0 };
      if (known.number !== undefined) context.number = known.number;
      const core = this.items.find((item) => item.kind === "answer" && item.questionKey === known.key);
      if (core) context.coreKey = core.key;
    } else {
      // Its own key base, so the numbering of the document's written questions does not shift.
      const key = this.questionKey(undefined, SELF_INTRODUCTION_QUESTION, "about-me");
      context = { key, text: SELF_INTRODUCTION_QUESTION, depth: 7, coreKey: "", followUps: 0, concerns: 0 };
    }
    this.question = context;
    this.tech = undefined;
    return this.recogniseAnswer(i, i, context, known ? "alternative" : "core");
  }

  /** `| metric | before | after |`: each row an accomplishment; the header rows go with the first. */
  private recogniseMetricTable(i: number): number | undefined {
    let end = i;
    while (end + 1 < this.lines.length && this.lines[end + 1]?.kind === "text" && !this.lines[end + 1]?.blank)
      end++;
    const found = matchMetricTable(this.lines.slice(i, end + 1).map((l) => l.text));
    if (!found) return undefined;
    for (const [n, row] of found.rows.entries()) {
      this.push({
        kind: "accomplishment",
        key: this.key(`accomplishment-${++this.counters.accomplishment}`),
        lines: { start: n === 0 ? i : i + row.offset, end: i + row.offset },
        raw: "",
        gapBefore: 0,
        text: row.text,
        metrics: row.metrics,
      });
    }
    this.question = undefined;
    return i + (found.rows.at(-1)?.offset ?? 0) + 1;
  }

  /** `- Reduced deployment time from 2 weeks to 3 days`, with any indented lines that continue it. */
  private recogniseAccomplishment(i: number, text: string): number | undefined {
    const found = matchAccomplishment(text);
    if (!found) return undefined;
    let end = i;
    while (end + 1 < this.lines.length) {
      const next = this.lines[end + 1];
      if (
        !next ||
        next.blank ||
        next.kind !== "text" ||
        !/^\s{2,}\S/.test(next.text) ||
        isListItem(next.text)
      )
        break;
      end++;
    }
    const continued = this.lines.slice(i + 1, end + 1).map((l) => l.text);
    const said =
      continued.length === 0 ? found.text : joinPlain([found.text, ...continued]).replace(/\n/g, " ");
    const item: AccomplishmentItem = {
      kind: "accomplishment",
      key: this.key(`accomplishment-${++this.counters.accomplishment}`),
      lines: { start: i, end },
      raw: "",
      gapBefore: 0,
      text: said,
      metrics: continued.length === 0 ? found.metrics : findFigures(said),
    };
    this.question = undefined;
    this.push(item);
    return end + 1;
  }

  /**
   * HTML written as Markdown: `<h2>…</h2>` is a section; `<p><b>4. Why us?</b></p>` and
   * `<details><summary>5. …?</summary>` pose a question whose answer follows.
   */
  private recogniseHtml(i: number, line: SourceLine): number | undefined {
    const heading = matchHtmlHeading(line.text);
    if (heading && line.unitEnd === i) {
      this.question = undefined;
      this.tech = undefined;
      const section: SectionItem = {
        kind: "section",
        key: this.key(`section-${++this.counters.section}`),
        lines: { start: i, end: i },
        raw: "",
        gapBefore: 0,
        title: heading.title,
        depth: heading.depth,
      };
      if (heading.depth <= 2) this.sectionTitle = heading.title;
      this.push(section);
      return i + 1;
    }
    // The summary sits on the block's first or second line (`<details>` alone above it).
    for (const at of [i, i + 1]) {
      const summary = at <= line.unitEnd ? matchSummaryQuestion(this.lines[at]?.text ?? "") : undefined;
      if (!summary) continue;
      // The answer ends with its `</details>`.
      let close = at;
      while (close < this.lines.length && !/<\/details\s*>/i.test(this.lines[close]?.text ?? "")) close++;
      return this.startQuestion(i, at + 1, 7, summary.text, summary.numbered, close + 1);
    }
    const asked = matchQuestionLine(line.text);
    if (asked) return this.startQuestion(i, i + 1, 7, asked.text, asked.numbered);
    return undefined;
  }

  private isShortTrigger(text: string, test: (t: string) => boolean): boolean {
    const plain = plainLine(text);
    return plain.length <= 80 && test(plain);
  }

  /** A numbered list item that is a question and is followed by an answer, not by more list items. */
  private isStandaloneListQuestion(i: number): boolean {
    // The last item of a bare list of questions ("1. How…?" right above it) has no answer.
    const previous = this.lines[i - 1];
    if (previous && !previous.blank && previous.kind === "text" && matchNumberedListQuestion(previous.text))
      return false;
    const next = this.nextNonBlank(i + 1);
    if (next < 0) return true;
    const line = this.lines[next];
    return line?.kind !== "text" || !isListItem(line.text) || /^\s{2,}/.test(line.text);
  }

  // ── boundaries ──────────────────────────────────────────────────────────────

  /** Where the body of an answer that starts at `from` must stop: the next structure. */
  private bodyLimit(from: number, depth: number): number {
    let seenContent = false;
    for (let k = from; k < this.lines.length; k++) {
      const line = this.lines[k];
      if (!line || line.blank) continue;
      if (this.isBoundary(k, line, depth, seenContent)) return k;
      if (line.kind !== "heading") seenContent = true;
      k = Math.max(k, line.unitEnd);
    }
    return this.lines.length;
  }

  private isBoundary(k: number, line: SourceLine, depth: number, seenContent: boolean): boolean {
    if (line.kind === "heading") {
      const title = line.title;
      return (
        line.depth <= depth ||
        isAlternativeTrigger(title) ||
        isFollowUpTrigger(title) ||
        // An emoji heading opens the technical bank; under a question, only when questions follow it.
        (leadingEmoji(title) !== undefined && this.technicalQuestionsAfter(line) >= 2) ||
        this.isQuestionHeading(title, line.depth, matchNumberedQuestion(title))
      );
    }
    if (line.kind === "rule" || line.kind === "front-matter") return true;
    // Code after the answer's words is a snippet of its own (the answer is what is said);
    // an answer that is only code keeps it.
    if (line.kind === "code") return seenContent;
    // `<details><summary>Q6. …?</summary>` holds a question and answer of its own.
    if (line.kind === "html") {
      const second = line.unitEnd > k ? (this.lines[k + 1]?.text ?? "") : "";
      return (
        /<summary[\s>]/i.test(line.text) ||
        /<summary[\s>]/i.test(second) ||
        matchHtmlHeading(line.text) !== undefined ||
        (this.lines[k - 1]?.kind !== "html" && matchQuestionLine(line.text) !== undefined)
      );
    }
    if (line.kind !== "text") return false;
    const text = line.text;
    if (matchQuestionLabel(text) || matchQuestionLine(text) || matchInterviewerLine(text) !== undefined)
      return true;
    if (matchTaskItem(text)) return true;
    if (matchNumberedListQuestion(text) && this.isStandaloneListQuestion(k)) return true;
    if (this.isShortTrigger(text, isFollowUpTrigger) || this.isShortTrigger(text, isAlternativeTrigger))
      return true;
    if (matchConcern(text)) return true;
    if (/^\s*\*\*\s*alternative answers?\b/i.test(text)) return true;
    if (matchSpeaker(text) && this.isConversationAt(k)) return true;
    const previousBlank = this.lines[k - 1]?.blank ?? true;
    return seenContent && previousBlank && isCommentary(text);
  }

  private isConversationAt(k: number): boolean {
    const first = matchSpeaker(this.lines[k]?.text ?? "");
    if (!first) return false;
    for (let j = k + 1; j < Math.min(this.lines.length, k + 80); j++) {
      const line = this.lines[j];
      if (!line || line.kind === "heading") return false;
      const other = line.kind === "text" ? matchSpeaker(line.text) : undefined;
      if (other && other.speaker !== first.speaker) return true;
    }
    return false;
  }

  // ── answers ─────────────────────────────────────────────────────────────────

  private questionKey(numbered: NumberedQuestion | undefined, text: string, named?: string): string {
    const base = numbered?.digits ? `q${numbered.digits}` : (named ?? `question-${++this.counters.question}`);
    const key = uniqueKey(base, this.usedQuestionKeys, this.nextSuffix);
    const known: KnownQuestion = { key, text, norm: normaliseQuestion(text), words: new Set() };
    known.words = new Set(known.norm.split(" "));
    if (numbered) known.number = numbered.number;
    this.questions.push(known);
    if (!this.questionsByNorm.has(known.norm)) this.questionsByNorm.set(known.norm, known);
    return key;
  }

  private startQuestion(
    i: number,
    bodyFrom: number,
    depth: number,
    title: string,
    numbered: NumberedQuestion | undefined,
    maxLimit = this.lines.length,
  ): number {
    let question = cleanQuestion(numbered ? numbered.text : title);
    let from = bodyFrom;
    // "### Q1:" with the question itself on the next line.
    if (question === "") {
      const next = this.nextNonBlank(bodyFrom);
      const line = next >= 0 ? this.lines[next] : undefined;
      if (
        line &&
        line.kind === "text" &&
        looksLikeQuestion(plainLine(line.text)) &&
        !matchAnswerLabel(line.text)
      ) {
        question = cleanQuestion(plainLine(line.text));
        from = next + 1;
      }
    }
    question = unquote(question);
    const key = this.questionKey(numbered, question);
    const context: QuestionContext = { key, text: question, depth, coreKey: "", followUps: 0, concerns: 0 };
    if (numbered) context.number = numbered.number;
    this.question = context;
    this.tech = undefined;
    const budget = /\(([^)]*\d[^)]*)\)/.exec(title)?.[1];
    const budgetSeconds = budget ? parseBudgetSeconds(budget) : undefined;
    return this.recogniseAnswer(i, from, context, "core", budgetSeconds, i, maxLimit);
  }

  /**
   * One answer variant: the opener at `i` (heading, question line, label) and its body from
   * `from`. A leading answer label names the variant and is skipped; a second label ends it.
   */
  private recogniseAnswer(
    i: number,
    from: number,
    q: QuestionContext,
    variant: string,
    budgetSeconds?: number,
    start = i,
    maxLimit = this.lines.length,
  ): number {
    let limit = Math.min(this.bodyLimit(from, q.depth), maxLimit);
    let bodyFrom = from;
    let remarkPrefix: string | undefined;
    // An answer label ("✅ **Answer:**", "**Answer**: …") inside the body.
    for (let k = from; k < limit; k++) {
      const line = this.lines[k];
      if (!line || line.blank || line.kind !== "text") continue;
      const label = matchAnswerLabel(line.text);
      if (!label) continue;
      if (k !== i) remarkPrefix = joinPlain(this.lines.slice(from, k).map((l) => l.text)) || undefined;
      if (label.variant && variant === "core") variant = label.variant;
      bodyFrom = k;
      // A later label starts another variant.
      for (let m = k + 1; m < limit; m++) {
        const other = this.lines[m];
        if (other && !other.blank && other.kind === "text" && matchAnswerLabel(other.text)) {
          limit = m;
          break;
        }
      }
      break;
    }
    // Only the region is handed over (copying every line per answer would be quadratic).
    const region = this.bodyLinesWithLabel(bodyFrom, limit);
    const parsed = readAnswerBody(region, 0, region.length);
    let body = { ...parsed, end: parsed.end + bodyFrom };
    if (remarkPrefix)
      body = { ...body, remark: body.remark ? `${remarkPrefix}\n\n${body.remark}` : remarkPrefix };
    const end = Math.max(i, body.end, this.lines[i]?.unitEnd ?? i);
    const key = this.key(`${q.key}/${slugify(variant)}`);
    if (!q.coreKey) q.coreKey = key;
    const item: AnswerItem = {
      kind: "answer",
      key,
      lines: { start, end },
      raw: "",
      gapBefore: 0,
      questionKey: q.key,
      question: q.text,
      variant,
      format: body.format,
      text: body.text,
    };
    if (q.number !== undefined) item.questionNumber = q.number;
    if (body.star) item.star = body.star;
    if (body.remark) item.remark = body.remark;
    if (body.beats) item.beats = body.beats;
    if (budgetSeconds !== undefined) item.budgetSeconds = budgetSeconds;
    this.push(item);
    return end + 1;
  }

  /** The body lines `[at, to)`, with an answer label on line `at` reduced to the text that follows it. */
  private bodyLinesWithLabel(at: number, to: number): BodyLine[] {
    const region = this.body.slice(at, Math.max(at, to));
    const line = region[0];
    const label =
      line && !line.literal
        ? at === this.dialogueReply
          ? matchReplyLabel(line.text)
          : matchAnswerLabel(line.text)
        : undefined;
    if (line && label) {
      const inline = line.text.slice(label.prefixLength);
      region[0] = { text: inline, blank: inline.trim() === "", literal: false };
    }
    return region;
  }

  /** `Question: …` + `Answer: …`: a variant of a question asked earlier, or a new question. */
  private recogniseQuestionAnswerPair(i: number, asked: string): number {
    const variantName = /\(([^)]+)\)\s*[.?!:]*\s*$/.exec(asked)?.[1]?.trim();
    const text = cleanQuestion(asked.replace(/\s*\([^)]*\)\s*([.?!:]*)\s*$/, "$1"));
    const known = this.findQuestion(text);
    let context: QuestionContext;
    if (known) {
      context = { key: known.key, text: known.text, depth: 7, coreKey: "", followUps: 0, concerns: 0 };
      if (known.number !== undefined) context.number = known.number;
    } else {
      const key = this.questionKey(undefined, text);
      context = { key, text, depth: 7, coreKey: "", followUps: 0, concerns: 0 };
    }
    // A lead-in just before ("Here's a version …:") belongs to this answer as its remark.
    let start = i;
    let leadIn: string | undefined;
    if (this.pending) {
      let p = this.lastNonBlankBefore(i, this.pending.start);
      const leadEnd = p;
      while (p - 1 >= this.pending.start && !this.lines[p - 1]?.blank) p--;
      const lead = this.lines.slice(p, leadEnd + 1).map((l) => l.text);
      const first = lead[0] ?? "";
      if (lead.length > 0 && (isCommentary(first) || /:\s*$/.test(lead.at(-1) ?? ""))) {
        start = p;
        leadIn = joinPlain(lead);
        this.flushPending(p - 1);
      }
    }
    this.question = context;
    this.tech = undefined;
    const variant = variantName ?? (known ? "alternative" : "core");
    const next = this.recogniseAnswer(i, i + 1, context, variant, undefined, start);
    const item = this.items.at(-1);
    if (leadIn && item?.kind === "answer") item.remark = item.remark ? `${leadIn}\n\n${item.remark}` : leadIn;
    return next;
  }

  private findQuestion(text: string): KnownQuestion | undefined {
    const norm = normaliseQuestion(text);
    const exact = this.questionsByNorm.get(norm);
    if (exact) return exact;
    const words = new Set(norm.split(" "));
    let best: { q: KnownQuestion; score: number } | undefined;
    // Near matches among the most recent questions only, which keeps huge documents linear.
    for (const q of this.questions.slice(-500)) {
      const shared = [...words].filter((w) => q.words.has(w)).length;
      const score = shared / (words.size + q.words.size - shared);
      if (score >= 0.8 && (!best || score > best.score)) best = { q, score };
    }
    return best?.q;
  }

  /** `**HR:** …` followed by `**You:** …`. */
  private recogniseDialogue(i: number, asked: string): number | undefined {
    const reply = this.nextNonBlank(i + 1);
    const replyLine = reply >= 0 ? this.lines[reply] : undefined;
    if (!replyLine || reply > i + 2 || !matchCandidateLine(replyLine.text)) return undefined;
    const text = cleanQuestion(unquote(asked));
    const key = this.questionKey(undefined, text);
    const context: QuestionContext = { key, text, depth: 7, coreKey: "", followUps: 0, concerns: 0 };
    this.question = context;
    this.tech = undefined;
    // A dialogue reply is one paragraph: the next turn or anything else starts after a blank line.
    let end = reply;
    while (end + 1 < this.lines.length && !this.lines[end + 1]?.blank) end++;
    this.dialogueReply = reply;
    const next = this.recogniseAnswer(i, reply, context, "core", undefined, i, end + 1);
    this.dialogueReply = -1;
    return next;
  }

  // ── follow-ups and concerns ─────────────────────────────────────────────────

  private isFollowUpQuestionLine(k: number): boolean {
    const line = this.lines[k];
    if (!line || line.blank || line.kind !== "text") return false;
    const t = line.text.trim();
    if (/^👉/u.test(t) || matchConcern(t)) return false;
    const plain = plainLine(t);
    const quote = openingQuote(plain);
    if (quote && endsWithQuote(plain, quote.close)) return true;
    return /[?？][”"')*]*\s*$/.test(plain) && plain.length <= 200;
  }

  private isPointerLine(k: number): boolean {
    const t = this.lines[k]?.text.trim() ?? "";
    return /^(?:👉|➡️?|→)/u.test(t) || /^(?:\*\*)?(?:Answer|A)(?:\*\*)?\s*:/.test(t);
  }

  /** "They’ll likely ask:" and the quoted questions below it, each with a 👉 answer or pointer. */
  private recogniseFollowUps(trigger: number, from: number): number | undefined {
    const q = this.question;
    if (!q) return undefined;
    const found: Array<{ start: number; question: number; end: number }> = [];
    let k = this.nextNonBlank(from);
    while (k >= 0 && this.isFollowUpQuestionLine(k)) {
      const line = this.lines[k];
      if (!line || this.isBoundaryForFollowUp(k)) break;
      let end = k;
      let m = k + 1;
      // One blank line may separate a question from its 👉 answer.
      if (this.lines[m]?.blank && this.isPointerLine(m + 1)) m++;
      while (m < this.lines.length) {
        // One blank line inside an answer ("because:", blank, a list) does not end it; two do,
        // and so does anything after it that starts a structure of its own or a new thought.
        if (this.lines[m]?.blank && this.continuesFollowUpAnswer(m + 1)) m++;
        const next = this.lines[m];
        if (!next || next.blank || next.kind !== "text" || this.isFollowUpQuestionLine(m)) break;
        if (!this.isPointerLine(m) && this.isBoundaryForFollowUp(m)) break;
        end = m;
        m++;
      }
      found.push({ start: found.length === 0 ? trigger : k, question: k, end });
      k = this.nextNonBlank(end + 1);
    }
    if (found.length === 0) return undefined;
    for (const f of found) {
      const answerLines = this.lines.slice(f.question + 1, f.end + 1).map((l) => l.text);
      const first = answerLines[0]?.trim() ?? "";
      const labelled = /^(?:👉\s*)?(?:\*\*)?(?:Answer|A)(?:\*\*)?\s*:/u.test(first);
      const pointer =
        !labelled &&
        /\b(?:use|see|refer to|reuse|same as|go back to)\b|\b(?:above|below|earlier)\b/i.test(first) &&
        answerLines.length === 1;
      const stripped = answerLines.map((l, n) =>
        n === 0
          ? l.replace(/^\s*(?:👉|➡️?|→)\s*/u, "").replace(/^(?:\*\*)?(?:Answer|A)(?:\*\*)?\s*:\s*/, "")
          : l,
      );
      const item: FollowUpItem = {
        kind: "follow-up",
        key: this.key(`${q.key}/follow-up-${++q.followUps}`),
        lines: { start: f.start, end: f.end },
        raw: "",
        gapBefore: 0,
        answerKey: q.coreKey,
        question: unquote(plainLine(this.lines[f.question]?.text ?? "")),
        answer: unquote(joinPlain(stripped)),
        pointer,
      };
      const budget = parseBudgetSeconds(/\(([^)]*)\)/.exec(first)?.[1] ?? "");
      if (budget !== undefined) item.budgetSeconds = budget;
      this.push(item);
    }
    return (found.at(-1)?.end ?? trigger) + 1;
  }

  /** Whether line `k`, after one blank line, still belongs to the follow-up answer above it. */
  private continuesFollowUpAnswer(k: number): boolean {
    const line = this.lines[k];
    if (!line || line.blank || line.kind !== "text") return false;
    if (this.isFollowUpQuestionLine(k) || this.isPointerLine(k)) return false;
    return !this.isBoundary(k, line, this.question?.depth ?? 7, true);
  }

  private isBoundaryForFollowUp(k: number): boolean {
    const line = this.lines[k];
    if (!line) return true;
    return this.isBoundary(k, line, this.question?.depth ?? 7, false) && !this.isFollowUpQuestionLine(k);
  }

  /** "You don’t want them thinking “…”" + "So frame it like:" + quoted reframing lines. */
  private recogniseConcern(i: number): number {
    const judgement = matchConcern(this.lines[i]?.text ?? "") ?? "";
    let end = i;
    let k = i + 1;
    if (this.lines[k] && !this.lines[k]?.blank && isReframeIntro(this.lines[k]?.text ?? "")) {
      end = k;
      k++;
      if (this.lines[k]?.blank) k++;
    }
    const reframes: string[] = [];
    while (k < this.lines.length) {
      const line = this.lines[k];
      if (!line || line.blank || line.kind !== "text") break;
      const plain = plainLine(line.text);
      const quote = openingQuote(plain);
      if (!(quote && endsWithQuote(plain, quote.close)) && !isBullet(line.text)) break;
      reframes.push(unquote(plain));
      end = k;
      k++;
    }
    const q = this.question;
    const item: ConcernItem = {
      kind: "concern",
      key: this.key(q ? `${q.key}/concern-${++q.concerns}` : `concern-${++this.counters.concern}`),
      lines: { start: i, end },
      raw: "",
      gapBefore: 0,
      judgement,
      reframes,
    };
    if (q?.coreKey) item.answerKey = q.coreKey;
    this.push(item);
    return end + 1;
  }

  // ── framing, reflection, technical bank ─────────────────────────────────────

  /** "Interviewers are subconsciously asking:" + at least three "Will this person…?" bullets. */
  private recogniseFraming(i: number, text: string): number | undefined {
    const intro = plainLine(text);
    if (!/:\s*$/.test(intro)) return undefined;
    let end = i;
    const questions: string[] = [];
    while (end + 1 < this.lines.length && isBullet(this.lines[end + 1]?.text ?? "")) {
      end++;
      questions.push(plainLine(this.lines[end]?.text ?? ""));
    }
    const asking = questions.filter((q) => /[?？]$/.test(q)).length;
    const framingWords =
      /\bask\w*|wonder\w*|want to know|risk|fear|worr\w*/i.test(intro) ||
      questions.filter((q) =>
        /^(?:will|can|do|does|is|are|would)\s+(?:this person|they|he|she|you)\b/i.test(q),
      ).length >= 3;
    if (asking < 3 || !framingWords) return undefined;
    const item: FramingItem = {
      kind: "framing",
      key: this.key(`framing-${++this.counters.framing}`),
      lines: { start: i, end },
      raw: "",
      gapBefore: 0,
      title: this.sectionTitle ?? intro.replace(/:\s*$/, ""),
      intro,
      questions,
    };
    this.push(item);
    return end + 1;
  }

  /** A pasted conversation ("Yaser said: …" / "ChatGPT said: …"), with the rules around it. */
  private recogniseReflection(i: number, viaRule: boolean): number | undefined {
    // A look-ahead that found no conversation need not run again from inside its window.
    if (!viaRule && i < this.noConversationBefore) return undefined;
    const from = viaRule ? i + 1 : i;
    const speakers: number[] = [];
    let close = -1;
    let stop = Math.min(this.lines.length, from + 400);
    // Bounded look-ahead: a conversation is short, and this keeps the scan linear.
    for (let j = from; j < Math.min(this.lines.length, from + 400); j++) {
      const line = this.lines[j];
      if (!line || line.blank) continue;
      if (line.kind === "heading" || (line.kind === "text" && matchQuestionLabel(line.text))) {
        stop = j;
        break;
      }
      if (line.kind === "rule") {
        close = j;
        stop = j;
        break;
      }
      if (line.kind === "text" && matchSpeaker(line.text)) speakers.push(j);
    }
    const names = new Set(speakers.map((s) => matchSpeaker(this.lines[s]?.text ?? "")?.speaker));
    if (speakers.length < 2 || names.size < 2) {
      if (!viaRule) this.noConversationBefore = stop;
      return undefined;
    }
    if (!viaRule && speakers[0] !== i) return undefined;
    const end = close >= 0 ? close : this.lastNonBlankBefore(stop, from);
    const contentEnd = close >= 0 ? close - 1 : end;
    const firstSpeaker = speakers[0] ?? from;
    const turns: ReflectionTurn[] = [];
    const reframes: string[] = [];
    const allNames = speakers.map((s) => matchSpeaker(this.lines[s]?.text ?? "")?.speaker ?? "");
    const user = allNames.find((name) => !ASSISTANT_SPEAKERS.test(name)) ?? allNames[0];
    speakers.forEach((s, n) => {
      const said = matchSpeaker(this.lines[s]?.text ?? "");
      const last = (speakers[n + 1] ?? contentEnd + 1) - 1;
      const lines = this.lines.slice(s + 1, last + 1).map((l) => l.text);
      const speaker = said?.speaker ?? "";
      turns.push({ speaker, text: joinPlain([said?.text ?? "", ...lines]) });
      if (speaker === user) return;
      for (const line of lines) {
        const plain = plainLine(line);
        const quote = openingQuote(plain);
        if (isBullet(line) || (quote && endsWithQuote(plain, quote.close))) reframes.push(unquote(plain));
      }
    });
    const item: ReflectionItem = {
      kind: "reflection",
      key: this.key(`reflection-${++this.counters.reflection}`),
      lines: { start: i, end },
      raw: "",
      gapBefore: 0,
      turns,
      reframes,
    };
    const title = joinPlain(this.lines.slice(from, firstSpeaker).map((l) => l.text));
    if (title) item.title = title;
    this.question = undefined;
    this.push(item);
    return end + 1;
  }

  /** How many technical question lines follow a heading, and the description line right under it (-1 if none). */
  private technicalLinesAfter(line: SourceLine): { questions: number; description: number } {
    let questions = 0;
    let description = -1;
    for (let j = line.unitEnd + 1; j < this.lines.length; j++) {
      const l = this.lines[j];
      if (!l || l.blank) continue;
      if (l.kind === "heading" || l.kind === "rule") break;
      if (l.kind !== "text") continue;
      if (this.isTechnicalQuestionText(l.text)) questions++;
      else if (questions === 0 && description < 0 && j === line.unitEnd + 1) description = j;
    }
    return { questions, description };
  }

  private technicalQuestionsAfter(line: SourceLine): number {
    return this.technicalLinesAfter(line).questions;
  }

  /** An emoji-headed (or "technical") heading followed by at least two question lines. */
  private recogniseTechnicalSection(i: number, line: SourceLine): number | undefined {
    const emoji = leadingEmoji(line.title);
    if (!emoji && !/\btechnical\b|\bquestion bank\b/i.test(line.title)) return undefined;
    const { questions, description } = this.technicalLinesAfter(line);
    if (questions < 2) return undefined;
    const title = emoji ? emoji.rest : line.title;
    const about = `${title} ${description >= 0 ? (this.lines[description]?.text ?? "") : ""}`;
    const competency: Competency = engineeringScore(about) > 0 ? "ml-engineering" : "ml-concept";
    const end = description >= 0 ? description : line.unitEnd;
    const item: TechnicalSectionItem = {
      kind: "technical-section",
      key: this.key(`tech-${++this.counters.tech}`),
      lines: { start: i, end },
      raw: "",
      gapBefore: 0,
      title,
      competency,
    };
    if (emoji) item.emoji = emoji.emoji;
    if (description >= 0) item.description = plainLine(this.lines[description]?.text ?? "");
    this.push(item);
    this.question = undefined;
    this.tech = { key: item.key, competency, count: 0 };
    return end + 1;
  }

  private isTechnicalQuestionText(text: string): boolean {
    const plain = plainLine(text).replace(/^\d{1,3}[.)]\s+/, "");
    return looksLikeQuestion(plain);
  }

  private recogniseTechnicalQuestion(i: number, text: string): number | undefined {
    const tech = this.tech;
    if (!tech || !this.isTechnicalQuestionText(text)) return undefined;
    const plain = plainLine(text).replace(/^\d{1,3}[.)]\s+/, "");
    const score = engineeringScore(plain);
    // The section decides unless the question clearly belongs to the other side.
    const competency: Competency =
      tech.competency === "ml-concept" ? (score >= 2 ? "ml-engineering" : "ml-concept") : "ml-engineering";
    const item: TechnicalQuestionItem = {
      kind: "technical-question",
      key: this.key(`${tech.key}/q${++tech.count}`),
      lines: { start: i, end: i },
      raw: "",
      gapBefore: 0,
      sectionKey: tech.key,
      text: plain,
      competency,
      keyPoints: [],
    };
    this.push(item);
    return i + 1;
  }
}
