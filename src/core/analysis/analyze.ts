import { DeriskError } from "../errors.ts";
import { STAR_PARTS, type StarPart } from "../model.ts";
import { callsForStory, classify } from "./classify.ts";
import { detectConcerns } from "./concern-triggers.ts";
import { TAILORING } from "./data/delivery.ts";
import { ACTION_LEMMAS } from "./data/star-cues.ts";
import { Corpus, quoteOf } from "./evidence.ts";
import { proposeFixes } from "./fixes.ts";
import { measureImpact } from "./impact.ts";
import { lexiconsFor } from "./lexicons.ts";
import { type Token, tokenize } from "./nlp.ts";
import { measureOwnership, scoreDecisiveness, scoreSignals } from "./risk-signals.ts";
import { assessRoleFit } from "./role-fit.ts";
import { assessCoherence, scoreOverall } from "./score.ts";
import { assignStarParts, segmentSentences, type Unit } from "./segment.ts";
import { budgetFor, DEFAULT_WPM, measureDelivery, measureTiming } from "./timing.ts";
import type {
  Analysis,
  AnalyzeOptions,
  Finding,
  LabelEvidence,
  LabelName,
  Labels,
  Quote,
  SignalReport,
  StarPartSummary,
} from "./types.ts";

/** Longest input `analyze` accepts by default, in characters (about 30,000 words). */
export const DEFAULT_MAX_CHARS = 200_000;

const SPELLED_NUMBER =
  /\b(two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred|thousand|million)\b/g;

function countOwnedActions(units: readonly Unit[], tokens: readonly Token[]): number {
  let count = 0;
  for (const unit of units) {
    for (let i = unit.first; i < unit.last; i += 1) {
      if (tokens[i]?.lower !== "i") continue;
      for (let j = i + 1; j < Math.min(unit.last, i + 5); j += 1) {
        const t = tokens[j];
        if (t?.past && ACTION_LEMMAS.has(t.lemma)) {
          count += 1;
          break;
        }
      }
    }
  }
  return count;
}

const MODAL = /\b(i|we)( would|'d| will|'ll| should| could| might)\b|^(if|when) i\b/;

function isHypothetical(units: readonly Unit[], tokens: readonly Token[]): boolean {
  const modal = units.filter((u) => MODAL.test(u.norm)).length;
  const narrated = units.filter((u) => {
    for (let i = u.first; i < u.last; i += 1)
      if (tokens[i]?.past === true && tokens[i]?.pos === "VERB") return true;
    return false;
  }).length;
  return modal >= 2 && modal * 2 >= units.length && narrated <= 1;
}

function isRecital(unit: Unit): boolean {
  const items = unit.text.split(/,|\band\b|\bor\b/);
  return items.length >= 5 && items.filter((item) => item.trim().split(/\s+/).length <= 3).length >= 4;
}

function isFragment(unit: Unit, tokens: readonly Token[]): boolean {
  if (/\s&\s/.test(unit.text)) return true;
  const head = tokens[unit.first];
  return !unit.bullet && head !== undefined && head.pos === "VERB" && head.past;
}

function summariseStar(units: readonly Unit[], words: number, story: boolean): Analysis["star"] {
  const parts = {} as Record<StarPart, StarPartSummary>;
  for (const part of STAR_PARTS) {
    const mine = units.filter((u) => u.part === part);
    const partWords = mine.reduce((sum, u) => sum + u.words, 0);
    parts[part] = {
      present: mine.length > 0,
      sentences: mine.map((u) => u.index),
      words: partWords,
      share: words === 0 ? 0 : Math.round((partWords / words) * 100) / 100,
    };
  }
  const otherWords = units.filter((u) => u.part === "other").reduce((sum, u) => sum + u.words, 0);
  const imbalances: Finding[] = [];
  const quotes = (part: StarPart): Quote[] =>
    units
      .filter((u) => u.part === part)
      .slice(0, 3)
      .map(quoteOf);
  if (story) {
    if (parts.situation.share > 0.35 && parts.situation.words > 40) {
      imbalances.push({
        id: "long-situation",
        message: `The situation takes ${Math.round(parts.situation.share * 100)}% of the time; aim for under 25%.`,
        evidence: quotes("situation"),
      });
    }
    if (parts.action.share < 0.25 && words >= 40) {
      imbalances.push({
        id: "thin-action",
        message: `What you did takes ${Math.round(parts.action.share * 100)}% of the time; aim for about half.`,
        evidence: quotes("action"),
      });
    }
    const last = units[units.length - 1];
    if (!parts.result.present && last !== undefined) {
      imbalances.push({
        id: "missing-result",
        message: "No result: the story stops before saying what changed.",
        evidence: [quoteOf(last)],
      });
    }
    if (!parts.lesson.present && last !== undefined) {
      imbalances.push({
        id: "missing-lesson",
        message: "No lesson: say what you learned or now do differently.",
        evidence: [quoteOf(last)],
      });
    }
  }
  return {
    parts,
    other: { words: otherWords, share: words === 0 ? 0 : Math.round((otherWords / words) * 100) / 100 },
    imbalances,
  };
}

// Findings listed per list and quotes per label: a pasted book must not produce a
// hundred-megabyte report. Counts that scoring uses are taken before the cut.
const MAX_LISTED = 50;
const MAX_EVIDENCE = 20;

function evidenceFrom(quotes: readonly Quote[], note?: string): LabelEvidence {
  const kept = quotes.slice(0, MAX_EVIDENCE);
  const out: LabelEvidence = { indexes: kept.map((q) => q.index), quotes: kept.map((q) => q.quote) };
  if (note !== undefined) out.note = note;
  return out;
}

const on = (signal: SignalReport): boolean => signal.level === "strong" || signal.level === "present";

/**
 * Analyses one interview answer through the risk lens: STAR+L parts, the five risk signals,
 * ownership, impact, delivery, role fit, concerns, an overall 1–5 and the top three fixes,
 * every finding quoting its sentence. Pure and synchronous; same input, same output.
 * @example
 * const a = analyze("When our API slowed down, I profiled it and cut p95 latency by 40%.", { question: "Tell me about a technical challenge." });
 * a.labels.quantified // true
 * @throws DeriskError BAD_INPUT when the text is empty, TOO_LARGE beyond `maxChars`.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  if (typeof text !== "string" || text.trim() === "") {
    throw new DeriskError(
      "BAD_INPUT",
      "The answer is empty: there is nothing to analyse. Type or paste an answer and retry.",
    );
  }
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    throw new DeriskError(
      "TOO_LARGE",
      `The answer is ${text.length} characters, over the ${maxChars}-character limit. Analyse one answer at a time.`,
    );
  }
  const warnings: string[] = [];
  const question = options.question?.trim() === "" ? undefined : options.question;
  const competency = question === undefined ? undefined : classify(question).competency;
  if (competency === undefined)
    warnings.push("No question given: the answer is judged as a story with a 90–120 s budget.");
  const story = callsForStory(competency);

  const doc = tokenize(text);
  const units = segmentSentences(text, doc);
  const corpus = new Corpus(units, lexiconsFor(options.role));
  assignStarParts(units, doc.tokens, story, corpus);
  const wpm =
    options.wordsPerMinute !== undefined && options.wordsPerMinute > 0 ? options.wordsPerMinute : DEFAULT_WPM;
  const timing = measureTiming(units, wpm, budgetFor(competency, options));
  const star = summariseStar(units, timing.words, story);
  const delivery = measureDelivery(units, doc.tokens, corpus);
  const impact = measureImpact(corpus, units);
  const ownership = measureOwnership(units, doc.tokens);
  const signals = scoreSignals(
    {
      units,
      corpus,
      tokens: doc.tokens,
      hasResult: star.parts.result.present,
      fillerCount: delivery.fillers.length,
      hedgeCount: delivery.hedges.length,
      words: timing.words,
    },
    ownership,
  );
  const decisiveness = scoreDecisiveness(corpus, units, doc.tokens, story);

  const partial: Omit<Labels, "overall"> = {
    situation: star.parts.situation.present,
    task: star.parts.task.present,
    action: star.parts.action.present,
    result: star.parts.result.present,
    lesson: star.parts.lesson.present,
    quantified: impact.quantified,
    ownership: ownership.label,
    blame: signals.blame.level === "risk",
    ambiguity: on(signals.ambiguity),
    decisive: on(decisiveness),
    autonomy: on(signals.autonomy),
    systems: on(signals.systems),
  };
  const coherence = assessCoherence(text, doc.tokens, timing.words, question);
  const tailoring = corpus.findAll(TAILORING).length;
  const specifics =
    doc.tokens.filter((t) => t.type === "number" && !/^(19|20)\d\d$/.test(t.text)).length +
    units.reduce((sum, u) => sum + (u.norm.match(SPELLED_NUMBER) ?? []).length, 0);
  const overall = scoreOverall({
    story,
    labels: partial,
    coherence,
    accusing:
      signals.blame.level === "risk" && signals.blame.reasons[0] === "puts the problem on other people",
    signals,
    words: timing.words,
    fillers: delivery.fillers.length,
    hedges: delivery.hedges.length,
    cliches: delivery.cliches.length,
    vagueResults: impact.vague.filter((v) => units[v.index]?.part === "result").length,
    figures: impact.figures.length,
    tailoring,
    specifics,
    hypothetical: isHypothetical(units, doc.tokens),
    ownedActions: countOwnedActions(units, doc.tokens),
    recital: units.filter(isRecital).length,
    fragments: units.filter((u) => isFragment(u, doc.tokens)).length,
    units: units.length,
  });
  if (coherence.reason !== undefined) warnings.push(`Not scored as an answer: ${coherence.reason}.`);
  const labels: Labels = { ...partial, overall: overall.score };

  const partQuotes = (part: StarPart): Quote[] => units.filter((u) => u.part === part).map(quoteOf);
  const figureQuotes = impact.figures
    .filter((f) => units[f.index]?.part === "result" || units[f.index]?.part === "lesson")
    .map((f) => ({ index: f.index, quote: f.quote }));
  const evidence: Record<LabelName, LabelEvidence> = {
    situation: evidenceFrom(partQuotes("situation")),
    task: evidenceFrom(partQuotes("task")),
    action: evidenceFrom(partQuotes("action")),
    result: evidenceFrom(partQuotes("result")),
    lesson: evidenceFrom(partQuotes("lesson")),
    quantified: evidenceFrom(
      dedupe(figureQuotes),
      impact.quantified
        ? `figures: ${[...new Set(impact.figures.map((f) => f.term))].slice(0, 5).join(", ")}`
        : "no figure in the result",
    ),
    ownership: evidenceFrom(
      ownership.evidence,
      `"I" as subject ${ownership.i} times, "we" ${ownership.we} times`,
    ),
    blame: evidenceFrom(signals.blame.level === "risk" ? signals.blame.evidence : []),
    ambiguity: evidenceFrom(signals.ambiguity.evidence),
    decisive: evidenceFrom(decisiveness.evidence),
    autonomy: evidenceFrom(signals.autonomy.evidence),
    systems: evidenceFrom(signals.systems.evidence),
    overall: evidenceFrom([], overall.reasons.join("; ")),
  };

  const draft: Omit<Analysis, "fixes"> = {
    schema: 1,
    labels,
    evidence,
    timing,
    sentences: units.map((u) => ({
      index: u.index,
      text: u.text,
      part: u.part,
      explicit: u.explicit,
      start: u.start,
      end: u.end,
      words: u.words,
    })),
    star,
    signals,
    decisiveness,
    ownership,
    impact,
    delivery,
    concerns: detectConcerns(corpus, options.role),
    overall,
    warnings,
  };
  if (competency !== undefined) draft.competency = competency;
  if (options.role !== undefined) {
    draft.role = options.role;
    draft.roleFit = assessRoleFit(corpus, units, options.role);
  }
  const fixes = proposeFixes(draft, units, { story, tailoring, specifics, notAnAnswer: coherence.reason });
  // Key order is fixed here so that the JSON is byte-identical run to run.
  let cut = false;
  const limit = <T>(list: T[]): T[] => {
    if (list.length <= MAX_LISTED) return list;
    cut = true;
    return list.slice(0, MAX_LISTED);
  };
  impact.figures = limit(impact.figures);
  impact.vague = limit(impact.vague);
  delivery.fillers = limit(delivery.fillers);
  delivery.hedges = limit(delivery.hedges);
  delivery.cliches = limit(delivery.cliches);
  delivery.passiveBlame = limit(delivery.passiveBlame);
  delivery.acronyms.runs = limit(delivery.acronyms.runs);
  if (draft.roleFit !== undefined) {
    draft.roleFit.coreTerms = limit(draft.roleFit.coreTerms);
    draft.roleFit.adjacentTerms = limit(draft.roleFit.adjacentTerms);
  }
  if (cut) warnings.push(`Long answer: each list shows its first ${MAX_LISTED} findings.`);
  const analysis: Analysis = {
    schema: 1,
    labels,
    evidence,
    timing,
    fixes,
    sentences: draft.sentences,
    star,
    signals,
    decisiveness,
    ownership,
    impact,
    delivery,
    concerns: draft.concerns,
    overall,
    warnings,
  };
  if (draft.competency !== undefined) analysis.competency = draft.competency;
  if (draft.role !== undefined) analysis.role = draft.role;
  if (draft.roleFit !== undefined) analysis.roleFit = draft.roleFit;
  return analysis;
}

function dedupe(quotes: readonly Quote[]): Quote[] {
  const seen = new Set<number>();
  const out: Quote[] = [];
  for (const q of quotes) {
    if (seen.has(q.index)) continue;
    seen.add(q.index);
    out.push(q);
  }
  return out;
}
