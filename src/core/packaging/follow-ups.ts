import { PROMPT_BLANK } from "../analysis/analyze.ts";
import { classify } from "../analysis/index.ts";
import type { Competency, RoleId, StarPart } from "../model.ts";
import { analyzeText, questionSimilarity } from "../semantic/index.ts";
import { tagStoryParts } from "./compose.ts";
import { FOLLOW_UP_TRIGGERS, type FollowUpTrigger } from "./data/follow-up-triggers.ts";
import { ROLE_VOCABULARY } from "./data/role-vocabulary.ts";
import { TOOL_TERMS } from "./data/tools.ts";
import { answerSpans } from "./spoken.ts";
import { contentTokens, hasFigure, overlap, type Span, stripMarkup, termPattern } from "./text.ts";

/** An answer the user has already prepared: a follow-up's, or another question's answer. */
export interface PreparedAnswer {
  key: string;
  question: string;
  /**
   * Prepared under the question being answered, as one of its follow-ups: the reply written for
   * this very moment, so when it matches it is the link, even where another question's answer
   * matches closer.
   */
  own?: boolean;
}

export interface PredictOptions {
  question?: string;
  role?: RoleId;
  /**
   * What the user has prepared (follow-ups of any question, answers to other questions, from
   * any document); a prediction links to the best match. On a tie the earlier entry wins, so
   * list the question's own follow-ups first.
   */
  prepared?: readonly PreparedAnswer[];
}

/** A follow-up the interviewer is likely to ask, and what in the answer causes it. */
export interface PredictedFollowUp {
  /** The trigger entry that fired (data/follow-up-triggers.ts). */
  triggerId: string;
  question: string;
  /**
   * The phrase of the answer that causes the question, verbatim; "" when no single sentence
   * does (a story that states no result at all is still asked for its impact).
   */
  trigger: string;
  /** The sentence holding the trigger, with its position (index -1 and "" when there is none). */
  sentence: { index: number; text: string };
  reason: string;
  /** Key of the user's matching prepared follow-up. */
  prepared?: string;
  /**
   * The sentence of this very answer that already answers it (a stated lesson answers "what
   * would you do differently?"), when nothing prepared elsewhere does.
   */
  answeredIn?: { index: number; text: string };
  /** True when nothing prepared answers it, and the answer itself does not either. */
  gap: boolean;
}

const TOOL_PATTERN = termPattern(TOOL_TERMS.flatMap((t) => t.terms));
const TOOL_BY_TERM = new Map(TOOL_TERMS.flatMap((t) => t.terms.map((term) => [term, t] as const)));
const MAX_TOOLS = 4;
const NOT_STORY: ReadonlySet<Competency> = new Set([
  "about-me",
  "motivation",
  "strength-weakness",
  "ml-concept",
]);

// "at Acme", "join Globex", "joined Initech Labs": capitalised words after a verb of employment.
const COMPANY =
  /\b(?:at|join|joining|joined|work for|worked for|working for|apply to|applying to)\s+((?:[A-Z][\p{L}\p{N}&'-]*)(?:\s+[A-Z][\p{L}\p{N}&'-]*){0,2})/gu;
const NOT_COMPANY =
  /^(?:I|The|A|An|My|Our|This|That|First|Then|Now|Last|Least|Once|Scale|Work|Home|Night|Times?|Google Cloud|University|College|School|Institute|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Friday)\b|\b(?:University|College|School|Institute|Lab)\b/;

// The candidate claims the change: "I sped it up", "we reduced…".
const OWN_CLAIM = /\b(?:I|we)\b/;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

interface Hit {
  trigger: FollowUpTrigger;
  phrase: string;
  sentence: number;
  offset: number;
  values: Record<string, string>;
  question?: string;
  /** The reason when it is not the trigger's own (a technique named, not a tool). */
  reason?: string;
}

function findHits(spans: readonly Span[], text: string, field: string, story: boolean): Hit[] {
  const hits: Hit[] = [];
  // Each sentence's STAR part as the risk lens's tagger reads it, only when a trigger asks.
  let tagged: StarPart[] | undefined;
  const parts = () => {
    tagged ??= tagStoryParts(spans.map((span) => span.text));
    return tagged;
  };
  const sentenceOf = (offset: number) => {
    const i = spans.findIndex((s) => offset < s.end);
    return i < 0 ? spans.length - 1 : i;
  };
  for (const trigger of FOLLOW_UP_TRIGGERS) {
    // A probe of a story ("What was your own part in it?", "What would you do differently?") is
    // asked of an episode: an introduction or a "why us" that says "we built" tells none.
    if (trigger.probe && !story) continue;
    if (trigger.kind === "phrase" && trigger.pattern) {
      const pattern = new RegExp(trigger.pattern.source, `${trigger.pattern.flags.replace("g", "")}g`);
      for (const match of text.matchAll(pattern)) {
        const phrase = match[0].trim();
        hits.push({
          trigger,
          phrase,
          sentence: sentenceOf(match.index),
          offset: match.index,
          values: { phrase, field },
        });
      }
    } else if (trigger.kind === "tool") {
      const seen = new Set<string>();
      for (const match of text.toLowerCase().matchAll(TOOL_PATTERN)) {
        const tool = TOOL_BY_TERM.get(match[1] ?? match[0]);
        if (!tool || seen.has(tool.name) || seen.size >= MAX_TOOLS) continue;
        seen.add(tool.name);
        const phrase = text.slice(match.index, match.index + match[0].length);
        const hit: Hit = {
          trigger,
          phrase,
          sentence: sentenceOf(match.index),
          offset: match.index,
          values: { name: tool.name, field },
        };
        if (tool.question) hit.question = tool.question;
        if (tool.kind === "technique" && trigger.techniqueReason) hit.reason = trigger.techniqueReason;
        hits.push(hit);
      }
    } else if (trigger.kind === "company") {
      for (const match of text.matchAll(COMPANY)) {
        const company = match[1] ?? "";
        if (company === "" || NOT_COMPANY.test(company) || TOOL_BY_TERM.has(company.toLowerCase())) continue;
        const offset = match.index + match[0].length - company.length;
        hits.push({
          trigger,
          phrase: company,
          sentence: sentenceOf(offset),
          offset,
          values: { company, field },
        });
      }
    } else if (trigger.kind === "story-probe" && story && spans.length >= 2) {
      const hit = probeHit(trigger, spans, field, parts);
      if (hit) hits.push(hit);
    } else if (trigger.kind === "missing-figure" && spans.length >= 2 && !hasFigure(text)) {
      const hit = missingFigureHit(trigger, spans, field, story, parts);
      if (hit) hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.offset - b.offset);
}

/**
 * Where "what was the impact?" attaches. In a story: a vague word of impact ("much faster") in
 * a sentence the risk lens's tagger reads as the result, else the result sentence itself; a
 * story with no result sentence is asked without a quote rather than quoting another sentence.
 * In an introduction or a "why": only a vague word in a claim of the candidate's own ("I
 * improved…"); "my courses were reduced" is something that happened, not an impact to measure.
 */
function missingFigureHit(
  trigger: FollowUpTrigger,
  spans: readonly Span[],
  field: string,
  story: boolean,
  parts: () => readonly StarPart[],
): Hit | undefined {
  const claims = spans.flatMap((span, index) =>
    (story ? parts()[index] === "result" : OWN_CLAIM.test(span.text)) ? [{ span, index }] : [],
  );
  const vague = trigger.pattern
    ? new RegExp(trigger.pattern.source, trigger.pattern.flags.replace("g", ""))
    : null;
  const at = (index: number, phrase: string, offset: number): Hit => ({
    trigger,
    phrase,
    sentence: index,
    offset,
    values: { field },
  });
  for (const { span, index } of claims) {
    const match = vague?.exec(span.text);
    if (match) return at(index, match[0], span.start + match.index);
  }
  if (!story) return undefined;
  const result = claims[0];
  return result
    ? at(result.index, result.span.text, result.span.start)
    : at(-1, "", spans[spans.length - 1]?.end ?? 0);
}

/** Where a story probe attaches: the first figure (when asked), its cue, else the story's lesson. */
function probeHit(
  trigger: FollowUpTrigger,
  spans: readonly Span[],
  field: string,
  parts: () => readonly StarPart[],
): Hit | undefined {
  const at = (sentence: number, phrase: string, offset: number): Hit => ({
    trigger,
    phrase,
    sentence,
    offset,
    values: { phrase, field },
  });
  if (trigger.figureFirst) {
    // A figure in the setting ("two days later…") is no result to measure.
    const index = spans.findIndex(
      (span, i) => hasFigure(span.text) && (!trigger.inResult || parts()[i] === "result"),
    );
    const span = spans[index];
    if (span) return at(index, span.text, span.start);
  }
  if (!trigger.pattern) return undefined;
  const pattern = new RegExp(trigger.pattern.source, trigger.pattern.flags.replace("g", ""));
  for (const [index, span] of spans.entries()) {
    if (trigger.inResult && parts()[index] !== "result") continue;
    const match = pattern.exec(span.text);
    if (match) return at(index, match[0], span.start + match.index);
  }
  if (trigger.onlyWhere) return undefined;
  // Asked of any story: it quotes the story's lesson (as the lens's tagger reads it) when there
  // is one, else nothing — never whichever sentence happens to come last.
  const lesson = parts().indexOf("lesson");
  const span = spans[lesson];
  return span ? at(lesson, span.text, span.start) : at(-1, "", spans[spans.length - 1]?.end ?? 0);
}

// "What would you do differently?" is answered by a lesson the story states: a sentence the
// lens's tagger reads as the lesson and that says what was learned or changed ("It was a valuable
// lesson — now, I always double-check…", "This experience taught me…"), or a sentence anywhere
// that says what the speaker would change ("Next time I would…", "In hindsight…"). A lesson
// told as growth only ("It helped me solidify my understanding of…") says neither.
const DIFFERENTLY = /\bwhat would you do differently\b/i;
const LEARNED =
  /\b(?:lessons?|taught me|reminded me|showed me|(?:i|we) (?:\w+ )?learn(?:ed|t)|learn(?:ed|t) (?:that|to|how)|the importance of|the value of)\b/i;
const CHANGED =
  /\b(?:next time|in hindsight|looking back|if i (?:did|had to do|were to do) it again|i(?: would|'d) (?:have|now|also|rather|instead)|i should have|going forward|from then on|since then|now,? i (?:always|make sure|check|run|add|test|write|review)|i now (?:always|make sure|check|run|add|test|write|review))\b/i;

/** The sentence of the answer that states its lesson or what the speaker would change. */
function statedLesson(
  spans: readonly Span[],
  parts: readonly StarPart[],
): { index: number; text: string } | undefined {
  // A blank still to fill ("What I learned: [what did you learn?]") answers nothing.
  const index = spans.findIndex(
    (span, i) =>
      !PROMPT_BLANK.test(span.text) &&
      ((parts[i] === "lesson" && (LEARNED.test(span.text) || CHANGED.test(span.text))) ||
        CHANGED.test(span.text)),
  );
  const span = spans[index];
  return span === undefined ? undefined : { index, text: span.text };
}

// For a behavioral story: probes of the story first, then the rest, tool trivia last.
const tier = (trigger: FollowUpTrigger) => (trigger.probe ? 0 : trigger.kind === "tool" ? 2 : 1);

/**
 * Predicts the follow-ups an answer invites — a degree, personal projects, a tool, no
 * figure, a mistake, a company, and for a behavioral story the standard probes (what would
 * you do differently, your own part, how you measured it), ranked above tool questions —
 * each with the phrase that causes it, linked to what the user has prepared (a follow-up or
 * another question's answer) when one matches, else to the sentence of the answer itself that
 * answers it (the lesson it states answers "what would you do differently?"), or marked as a gap.
 * @example predictFollowUps("I did a PhD in applied math.", { role: "ml-engineer" })[0].question
 * // "Was your PhD in applied math related to ML?"
 */
export function predictFollowUps(written: string, options: PredictOptions = {}): PredictedFollowUp[] {
  // Quotes are what the user would say: no "**Result**:" label or bold markers.
  const text = stripMarkup(written);
  if (text.trim() === "") return [];
  const spans = answerSpans(text);
  // With no target role the questions still read as spoken: "related to this work?"
  const field = options.role ? ROLE_VOCABULARY[options.role].field : "this work";
  const prepared = (options.prepared ?? []).map((item) => ({ item, analysis: analyzeText(item.question) }));
  const asked = new Set(contentTokens(options.question ?? ""));
  // An introduction or a "why us" has no result to measure; a story without a figure does.
  const story = options.question === undefined || !NOT_STORY.has(classify(options.question).competency);
  const out: PredictedFollowUp[] = [];
  // The tier of each prediction's trigger, by position in `out`.
  const tiers: number[] = [];
  const seen = new Set<string>();
  // A line that still holds a blank derisk left ("What went wrong: [what did you get wrong…?]",
  // "What I learned: [what did you learn?]") is not said yet: it triggers nothing.
  const unsaid = (index: number) => PROMPT_BLANK.test(spans[index]?.text ?? "");
  const hits = findHits(spans, text, field, story).filter((hit) => !unsaid(hit.sentence));
  let lesson: { index: number; text: string } | undefined | null = null;
  const lessonOf = () => {
    if (lesson === null) lesson = statedLesson(spans, tagStoryParts(spans.map((span) => span.text)));
    return lesson;
  };
  // Stable: within a tier, the order of the answer.
  if (story && options.question !== undefined) hits.sort((a, b) => tier(a.trigger) - tier(b.trigger));
  for (const hit of hits) {
    const questions = hit.question ? [hit.question] : hit.trigger.questions.map((q) => fill(q, hit.values));
    // The phrasings of one trigger are one ask: two of them answered by the same prepared answer
    // would be two rows with the same quote and the same answer. The closer phrasing stays.
    const linkedHere = new Map<string, { index: number; score: number }>();
    for (const question of questions) {
      const key = question.toLowerCase();
      if (seen.has(key)) continue;
      const tokens = contentTokens(question);
      // The question already asked ("Why us?") is not a follow-up to itself.
      if (asked.size > 0 && overlap(tokens, [...asked]).score === 1 && tokens.length <= asked.size) continue;
      seen.add(key);
      const span = spans[hit.sentence];
      const prediction: PredictedFollowUp = {
        triggerId: hit.trigger.id,
        question,
        trigger: hit.phrase,
        sentence: { index: hit.sentence, text: span?.text ?? "" },
        reason: hit.reason ?? hit.trigger.reason,
        gap: true,
      };
      // The shared matcher, question to question: same question in other words links.
      let best: { key: string; own: boolean; score: number } | undefined;
      for (const candidate of prepared) {
        const match = questionSimilarity(question, candidate.analysis);
        if (!match.matched) continue;
        const own = candidate.item.own === true;
        if (best === undefined || (own && !best.own) || (own === best.own && match.score > best.score))
          best = { key: candidate.item.key, own, score: match.score };
      }
      if (best) {
        prediction.prepared = best.key;
        prediction.gap = false;
        const earlier = linkedHere.get(best.key);
        if (earlier !== undefined) {
          if (best.score > earlier.score) {
            out[earlier.index] = prediction;
            tiers[earlier.index] = tier(hit.trigger);
            earlier.score = best.score;
          }
          continue;
        }
        linkedHere.set(best.key, { index: out.length, score: best.score });
      } else if (story && DIFFERENTLY.test(question)) {
        const stated = lessonOf();
        if (stated) {
          prediction.answeredIn = stated;
          prediction.gap = false;
        }
      }
      out.push(prediction);
      tiers.push(tier(hit.trigger));
    }
  }
  const kept = onePerSentence(out, tiers, story && options.question !== undefined);
  if (options.question === undefined) return kept;
  // Of a behavioral or about-me answer, one tool question: the tool the answer uses most (named
  // in the most places), the first named on a tie. Three tools of one setup are not three asks.
  // A technique ("fine-tuned", "drift") draws its own question on how it was done, not trivia.
  const toolReason = FOLLOW_UP_TRIGGERS.find((t) => t.id === "tool")?.reason;
  const isTool = (p: PredictedFollowUp) => p.triggerId === "tool" && p.reason === toolReason;
  const tools = kept.filter(isTool);
  if (tools.length <= 1) return kept;
  const lower = text.toLowerCase();
  const uses = (p: PredictedFollowUp) => lower.split(p.trigger.toLowerCase()).length - 1;
  const central = tools.reduce((best, p) => (uses(p) > uses(best) ? p : best));
  return kept.filter((p) => !isTool(p) || p === central);
}

/**
 * One sentence asks one follow-up: an interviewer picks up one thing in a sentence, and two
 * questions quoting the same line ("What was the impact?" and "How did you measure it?" on "The
 * fix restored secure access"; three tools named in one opening) crowd out the rest. The better
 * stays: for a behavioral story the higher tier (a story probe before a question on a result,
 * before tool trivia), then one your prepared answers or the answer itself already answer, then
 * the first said. A question no single sentence causes (index -1) is kept. The order is kept.
 */
function onePerSentence(
  predictions: readonly PredictedFollowUp[],
  tiers: readonly number[],
  byTier: boolean,
): PredictedFollowUp[] {
  const kept = new Map<number, number>();
  const better = (a: number, b: number) => {
    const pa = predictions[a] as PredictedFollowUp;
    const pb = predictions[b] as PredictedFollowUp;
    const tierGap = byTier ? (tiers[a] ?? 0) - (tiers[b] ?? 0) : 0;
    if (tierGap !== 0) return tierGap < 0;
    if (pa.gap !== pb.gap) return !pa.gap;
    return a < b;
  };
  predictions.forEach((p, i) => {
    if (p.sentence.index < 0) return;
    const at = kept.get(p.sentence.index);
    if (at === undefined || better(i, at)) kept.set(p.sentence.index, i);
  });
  return predictions.filter((p, i) => p.sentence.index < 0 || kept.get(p.sentence.index) === i);
}
