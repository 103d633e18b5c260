import { DeriskError } from "../errors.ts";
import { COMPETENCIES, type Competency, STAR_PARTS, type StarPart } from "../model.ts";
import { splitSentences } from "../packaging/text.ts";
import { formatDuration } from "../words.ts";
import { callsForStory, classify } from "./classify.ts";
import { detectConcerns } from "./concern-triggers.ts";
import { COMPETENCY_TOPICS } from "./data/competencies.ts";
import { TAILORING } from "./data/delivery.ts";
import type { Corpus } from "./evidence.ts";
import { quoteOf, quoteText } from "./evidence.ts";
import { rankFixes, statesPractice } from "./fixes.ts";
import { asksHindsight, judgeFollowUp } from "./follow-up.ts";
import { measureImpact } from "./impact.ts";
import { SENTENCE_TAGS, type SentenceTag } from "./lens/features.ts";
import { type Judgement, judgeAnswer, readAnswer, statedFigures } from "./lens/read.ts";
import { LENS_MODEL } from "./lens/weights.ts";
import { measureOwnership, scoreDecisiveness, scoreSignals } from "./risk-signals.ts";
import { assessRoleFit } from "./role-fit.ts";
import type { Unit } from "./segment.ts";
import { budgetFor, DEFAULT_WPM, measureTiming } from "./timing.ts";
import type {
  Analysis,
  AnalyzeOptions,
  Finding,
  LabelEvidence,
  LabelName,
  Labels,
  Quote,
  RubricCheck,
  SignalReport,
  StarPartSummary,
} from "./types.ts";

/** Longest input `analyze` accepts by default, in characters (about 30,000 words). */
export const DEFAULT_MAX_CHARS = 200_000;

const STAR_TAGS: ReadonlySet<string> = new Set(STAR_PARTS);
/** Signals shown by what the speaker did: their fallback quote is one of the actions. */
const DEED_SIGNALS: ReadonlySet<string> = new Set(["decisive", "autonomy"]);

// Each STAR part's column in the tagger's probabilities.
const STAR_COLUMNS = STAR_PARTS.map((part) => SENTENCE_TAGS.indexOf(part));

/**
 * Gives each sentence the STAR+L part the tagger finds likeliest among the parts the answer
 * has; a written marker ("Result:") keeps its part. A sentence no part claims is "other".
 */
function placeStarParts(
  units: Unit[],
  probs: readonly number[][],
  tagged: Record<SentenceTag, boolean>,
  known: AnalyzeOptions["parts"],
): void {
  // The given sentences are squashed once per analysis, not once per sentence of the answer.
  const given = known
    ?.map((entry) => ({ text: squash(entry.text), part: entry.part }))
    .filter((entry) => entry.text !== "");
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (unit.marker !== undefined) continue;
    const part = given === undefined ? undefined : knownPart(unit.text, given);
    if (part !== undefined) {
      unit.part = part;
      continue;
    }
    let best: StarPart | undefined;
    let bestP = 0.3;
    for (let k = 0; k < STAR_PARTS.length; k += 1) {
      const part = STAR_PARTS[k] as StarPart;
      const p = probs[i]?.[STAR_COLUMNS[k] as number] ?? 0;
      if (tagged[part] && p > bestP) {
        best = part;
        bestP = p;
      }
    }
    unit.part = best ?? "other";
  }
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The part a caller gave a sentence: the sentence is one of the given sentences, or several of
 * them of one part read as one ("The challenge was twofold:" + "Fine-tune…"). Undefined when
 * the sentence was edited or mixes parts: the tagger then places it.
 */
function knownPart(
  sentence: string,
  known: ReadonlyArray<{ text: string; part: StarPart }>,
): StarPart | undefined {
  let rest = squash(sentence);
  let part: StarPart | undefined;
  for (const given of known) {
    const text = given.text;
    if (text.length > rest.length || !rest.includes(text)) continue;
    if (part !== undefined && part !== given.part) return undefined;
    part = given.part;
    rest = rest.replace(text, " ");
  }
  return part !== undefined && !/[\p{L}\p{N}]/u.test(rest) ? part : undefined;
}

/** What the carriers of each tag are read from, and those found so far (each tag's once). */
interface Carried {
  units: readonly Unit[];
  probs: readonly number[][];
  tagged: Record<SentenceTag, boolean>;
  found: Map<SentenceTag, Unit[]>;
}

/** The carriers of a tag (`carrierUnits`), found once per analysis: the signals and the evidence both quote them. */
function carriersOf(carried: Carried, tag: SentenceTag): Unit[] {
  let found = carried.found.get(tag);
  if (found === undefined) {
    found = carrierUnits(carried.units, carried.probs, tag, carried.tagged[tag], LENS_MODEL.thresholds[tag]);
    carried.found.set(tag, found);
  }
  return found;
}

/** Sets a signal's level, evidence and score from the tagger's label `tag` (a risk signal: set or cleared). */
function setSignalLevel(
  report: SignalReport,
  tag: SentenceTag,
  risk: boolean,
  carried: Carried,
  p: number,
): void {
  const on = carried.tagged[tag];
  const quotes = carriersOf(carried, tag).slice(0, 4).map(quoteOf);
  if (risk) {
    if (on) {
      report.level = "risk";
      report.evidence = quotes;
      report.score = Math.round(p * 100) / 100;
      report.reasons = ["shifts responsibility without owning a part"];
    } else if (report.level === "risk") {
      report.level = "absent";
      report.evidence = [];
      report.reasons = [];
    }
    return;
  }
  if (on) {
    report.level = p >= 0.85 ? "strong" : "present";
    report.evidence = quotes;
  } else if (report.level !== "risk") {
    report.level = "absent";
    report.evidence = [];
  }
  report.score = Math.round(p * 100) / 100;
}

/**
 * The sentences that carried a label: those the tagger scores at or above the label's
 * threshold, or (a label set from weaker evidence spread over the answer) the strongest one.
 */
function carrierUnits(
  units: readonly Unit[],
  probs: readonly number[][],
  tag: SentenceTag,
  on: boolean,
  threshold: number,
): Unit[] {
  if (!on) return [];
  const k = SENTENCE_TAGS.indexOf(tag);
  const scored = units.map((unit, i) => ({ unit, p: probs[i]?.[k] ?? 0 }));
  const above = scored.filter((s) => s.p >= threshold);
  if (STAR_TAGS.has(tag)) {
    // A STAR part reads in the answer's order.
    const part = units.filter((u) => u.part === tag);
    if (part.length > 0) return part;
    if (above.length > 0) return above.map((s) => s.unit);
  } else if (above.length > 0) {
    // A signal's strongest carrier is quoted first (a stable sort: ties keep the answer's order).
    return above.sort((a, b) => b.p - a.p).map((s) => s.unit);
  }
  // A label set from weaker evidence spread over the answer: its strongest sentence, among the
  // speaker's actions for a signal that lives in what they did (an outcome is not a decision).
  const actions = DEED_SIGNALS.has(tag) ? scored.filter((s) => s.unit.part === "action") : [];
  let best: Unit | undefined;
  let bestP = -1;
  for (const { unit, p } of actions.length > 0 ? actions : scored) {
    if (p > bestP) {
      best = unit;
      bestP = p;
    }
  }
  return best === undefined ? [] : [best];
}

function topCompetency(topic: Readonly<Record<string, number>>): Competency {
  let best: Competency = "technical-challenge";
  let bestP = -1;
  for (const c of COMPETENCIES) {
    const p = topic[c] ?? 0;
    if (p > bestP) {
      best = c;
      bestP = p;
    }
  }
  return best;
}

// The parts a story ends on, and what to say when one is weak (read, not headed) or missing.
const ENDINGS = [
  {
    part: "result",
    weak: "The result does not land yet: say what changed because of what you did, and by how much.",
    missing: "No result: the story stops before saying what changed.",
  },
  {
    part: "lesson",
    weak: "The lesson does not land yet: say what you took from it and what you now do differently.",
    missing: "No lesson: say what you learned or now do differently.",
  },
] as const;

// A lesson told as the practice the speaker keeps, with nothing of what the episode taught.
const PRACTICE_WITHOUT_TAKEAWAY =
  "The lesson does not land yet: you say what you now do; say what the episode taught you that made you change.";

/** The first three sentences of a part, quoted. */
function partQuotes(units: readonly Unit[], part: StarPart): Quote[] {
  return units
    .filter((u) => u.part === part)
    .slice(0, 3)
    .map(quoteOf);
}

function summariseStar(
  units: readonly Unit[],
  words: number,
  story: boolean,
  tagged: Record<SentenceTag, boolean>,
): Analysis["star"] {
  const parts = {} as Record<StarPart, StarPartSummary>;
  for (const part of STAR_PARTS) {
    const mine = units.filter((u) => u.part === part);
    const partWords = mine.reduce((sum, u) => sum + u.words, 0);
    parts[part] = {
      present: tagged[part],
      sentences: mine.map((u) => u.index),
      words: partWords,
      share: words === 0 ? 0 : Math.round((partWords / words) * 100) / 100,
    };
  }
  const otherWords = units.filter((u) => u.part === "other").reduce((sum, u) => sum + u.words, 0);
  const imbalances: Finding[] = [];
  if (story) {
    if (parts.situation.share > 0.35 && parts.situation.words > 40) {
      imbalances.push({
        id: "long-situation",
        message: `The situation takes ${Math.round(parts.situation.share * 100)}% of the time; aim for under 25%.`,
        evidence: partQuotes(units, "situation"),
      });
    }
    if (parts.action.share < 0.25 && words >= 40) {
      imbalances.push({
        id: "thin-action",
        message: `What you did takes ${Math.round(parts.action.share * 100)}% of the time; aim for about half.`,
        evidence: partQuotes(units, "action"),
      });
    }
    const last = units[units.length - 1];
    // A part the answer heads do not count but a sentence reads as (its words are in the part's
    // share) is weak, not missing: "No lesson" beside "lesson 13%" would contradict itself.
    for (const { part, weak, missing } of ENDINGS) {
      if (parts[part].present) continue;
      // A lesson that says what the speaker now does is not asked for that again, whether the
      // tagger reads its sentence as the lesson (weak) or not at all (missing).
      if (parts[part].words > 0) {
        const said = part === "lesson" && units.some((u) => u.part === "lesson" && statesPractice(u.norm));
        imbalances.push({
          id: `weak-${part}`,
          message: said ? PRACTICE_WITHOUT_TAKEAWAY : weak,
          evidence: partQuotes(units, part),
        });
      } else if (last !== undefined) {
        const said = part === "lesson" ? [...units].reverse().find((u) => statesPractice(u.norm)) : undefined;
        imbalances.push({
          id: `missing-${part}`,
          message: said === undefined ? missing : PRACTICE_WITHOUT_TAKEAWAY,
          evidence: [quoteOf(said ?? last)],
        });
      }
    }
  }
  return {
    parts,
    other: { words: otherWords, share: words === 0 ? 0 : Math.round((otherWords / words) * 100) / 100 },
    imbalances,
  };
}

// Fit (why this role or company), the arc and the ending are asked of "about me" and motivation
// answers only: a weakness answer that names no employer is not a miss (the top fixes never asked it
// to; on the corpus's strength-weakness answers a check for it was met by 2 of the 11 labelled 5).
const WITH_ARC: ReadonlySet<Competency> = new Set(["about-me", "motivation"]);

/**
 * The rubric a question that is not a story is judged by (LABELING.md, "Questions that are not
 * stories"), from the same facts the overall score reads: does it answer the question asked, is
 * it specific, does it fit the role, is there an arc and an inviting ending, is it in budget.
 */
function rubricOf(
  competency: Competency,
  units: readonly Unit[],
  corpus: Corpus,
  judgement: Judgement,
  facts: { figures: readonly Quote[]; timing: Analysis["timing"]; answersLike: Competency },
): RubricCheck[] {
  const at = (indexes: Iterable<number>): Quote[] =>
    [...new Set(indexes)]
      .sort((a, b) => a - b)
      .slice(0, 3)
      .flatMap((i) => (units[i] === undefined ? [] : [quoteOf(units[i])]));
  const last = units[units.length - 1];
  const { rubric, coherence } = judgement;
  const checks: RubricCheck[] = [];
  const answers = coherence.reason === undefined && !judgement.offTopic;
  checks.push({
    id: "answers",
    met: answers,
    note:
      coherence.reason !== undefined
        ? `not an answer: ${coherence.reason}`
        : judgement.offTopic
          ? `reads as a reply to a question about ${COMPETENCY_TOPICS[facts.answersLike]}`
          : `answers the question asked, about ${COMPETENCY_TOPICS[competency]}`,
    evidence: [],
  });
  const counted = Math.max(judgement.specifics, facts.figures.length);
  const withFigures = [
    ...facts.figures.map((f) => f.index),
    ...units.filter((u) => /\d/.test(u.text)).map((u) => u.index),
  ];
  checks.push({
    id: "specific",
    met: counted > 0,
    note:
      counted === 0
        ? "no project, figure or count backs the claims"
        : `${counted} ${counted === 1 ? "figure or count" : "figures or counts"}`,
    evidence: at(withFigures),
  });
  if (WITH_ARC.has(competency)) {
    const fit = corpus.findAll(TAILORING).map((m) => m.unit.index);
    checks.push({
      id: "fit",
      met: fit.length > 0,
      note: fit.length > 0 ? "names the role, team or company" : "does not say why this role or company",
      evidence: at(fit),
    });
    checks.push({
      id: "arc",
      met: rubric.arc,
      note: rubric.arc
        ? "how you got here, then what you want next"
        : "tell how you got here and what you want next",
      evidence: at(rubric.arcSentences),
    });
    checks.push({
      id: "ending",
      met: rubric.invites,
      note: rubric.invites
        ? "ends on a line that invites the next question"
        : "the ending does not lead anywhere",
      evidence: last === undefined ? [] : [quoteOf(last)],
    });
  }
  const { seconds, budget } = facts.timing;
  checks.push({
    id: "length",
    met: rubric.inBudget,
    // In budget by the rubric's tolerance (30% under, 20% over) but outside the budget itself:
    // say so, since the timing line and the time fix call it short or long.
    note: `about ${formatDuration(seconds)} spoken; budget ${formatDuration(budget.min)}–${formatDuration(budget.max)}${
      rubric.inBudget && seconds < budget.min
        ? " (a little short)"
        : rubric.inBudget && seconds > budget.max
          ? " (a little long)"
          : ""
    }`,
    evidence: [],
  });
  return checks;
}

// Findings listed per list and quotes per label: a pasted book must not produce a
// hundred-megabyte report. Counts that scoring uses are taken before the cut.
const MAX_LISTED = 50;
const MAX_EVIDENCE = 20;

/** The list's first `MAX_LISTED` findings (the list itself when it has no more). */
function limit<T>(list: T[]): T[] {
  return list.length <= MAX_LISTED ? list : list.slice(0, MAX_LISTED);
}

function evidenceFrom(quotes: readonly Quote[], note?: string): LabelEvidence {
  const kept = quotes.slice(0, MAX_EVIDENCE);
  const out: LabelEvidence = { indexes: kept.map((q) => q.index), quotes: kept.map((q) => q.quote) };
  if (note !== undefined) out.note = note;
  return out;
}

/** A blank derisk leaves for the candidate to fill: a question, or a scaffold's slot. */
export const PROMPT_BLANK = /\[(?:[^\]\n]+\?|company|role|x|(?:your|their) [^\]\n]+)\]/i;

/**
 * The text with every sentence that still holds an unfilled blank ("[by how much?]") turned
 * into spaces of the same length: offsets stay where they were, and the blank is not read.
 * Only the blanks derisk itself leaves count — a question to answer ("[what was the result?]") or a
 * scaffold's slot ("[company]", "[your matching experience]"); a candidate's own brackets
 * ("[p95]", "[laughs]") are words they say or notes, and stay read. A text that is all blanks
 * is read as written.
 * @example unfilledAsSilence("I fixed it. What I learned: [what did you learn?]").trim() // "I fixed it."
 */
export function unfilledAsSilence(text: string): string {
  if (!PROMPT_BLANK.test(text)) return text;
  let out = text;
  for (const sentence of splitSentences(text)) {
    if (!PROMPT_BLANK.test(sentence.text)) continue;
    out = out.slice(0, sentence.start) + " ".repeat(sentence.end - sentence.start) + out.slice(sentence.end);
  }
  return out.trim() === "" ? text : out;
}

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
  // A reply to a follow-up is judged by its own rubric (follow-up.ts), never by STAR.
  // A hindsight question ("What would you do differently?", "What did you learn from it?") is a
  // follow-up on a story already told whoever asks it: judged by the follow-up rubric, unless the
  // caller says otherwise. Read as its own question, it was a strength or weakness question.
  const followUp = options.followUp ?? (question !== undefined && asksHindsight(question));
  const replying = followUp && question !== undefined;
  const story = !replying && callsForStory(competency);

  // A blank still to fill ("What I learned: [what did you learn?]", left by compose) is not
  // said: its sentence reads as silence, so it is never a lesson, a result or time.
  const read = readAnswer(unfilledAsSilence(text), { story, role: options.role }, LENS_MODEL);
  const { units, corpus, doc } = read;
  const wpm =
    options.wordsPerMinute !== undefined && options.wordsPerMinute > 0 ? options.wordsPerMinute : DEFAULT_WPM;
  const budget = budgetFor(competency, { ...options, followUp });
  const judgement = judgeAnswer(read, LENS_MODEL, competency, question, budget, wpm);
  const { labels: tagged, probs } = judgement;
  placeStarParts(units, probs, tagged, options.parts);
  const timing = measureTiming(units, wpm, budget);
  const star = summariseStar(units, timing.words, story, tagged);
  const delivery = judgement.delivery;
  const impact = measureImpact(corpus, units);
  impact.quantified = tagged.quantified;
  // `quantified` and `impact.figures` agree: when no sentence that makes the answer quantified
  // holds a figure the patterns name ("from 40 to 12", "three of the five squads"), those
  // sentences list their numbers.
  const listed = (i: number) => impact.figures.some((f) => f.index === i);
  if (judgement.measured.length > 0 && !judgement.measured.some(listed)) {
    impact.figures = [
      ...impact.figures,
      ...judgement.measured.flatMap((i) => {
        const unit = units[i] as Unit;
        return statedFigures(doc.tokens, unit).map((term) => ({ term, index: i, quote: quoteText(unit) }));
      }),
    ].sort((a, b) => a.index - b.index);
  }
  const ownership = measureOwnership(units, doc.tokens);
  const signals = scoreSignals(
    {
      units,
      corpus,
      tokens: doc.tokens,
      hasResult: tagged.result,
      fillerCount: delivery.fillers.length,
      hedgeCount: delivery.hedges.length,
      words: timing.words,
    },
    ownership,
  );
  const decisiveness = scoreDecisiveness(corpus, units, doc.tokens, story);
  // The trained tagger decides; the quotes are the sentences that carried its decision. Each
  // tag's carriers are found once: the signals and the evidence both quote them.
  const carried: Carried = { units, probs, tagged, found: new Map() };
  setSignalLevel(signals.blame, "blame", true, carried, judgement.labelProbs.blame);
  setSignalLevel(signals.ambiguity, "ambiguity", false, carried, judgement.labelProbs.ambiguity);
  setSignalLevel(signals.autonomy, "autonomy", false, carried, judgement.labelProbs.autonomy);
  setSignalLevel(signals.systems, "systems", false, carried, judgement.labelProbs.systems);
  setSignalLevel(decisiveness, "decisive", false, carried, judgement.labelProbs.decisive);

  const labels: Labels = {
    situation: tagged.situation,
    task: tagged.task,
    action: tagged.action,
    result: tagged.result,
    lesson: tagged.lesson,
    quantified: tagged.quantified,
    ownership: ownership.label,
    blame: tagged.blame,
    ambiguity: tagged.ambiguity,
    decisive: tagged.decisive,
    autonomy: tagged.autonomy,
    systems: tagged.systems,
    overall: judgement.score,
  };
  const reasons = [...judgement.reasons];
  if (judgement.hypothetical && story)
    reasons.unshift("hypothetical: says what you would do, not what you did");
  const coherence = judgement.coherence;
  const reply =
    replying && question !== undefined
      ? judgeFollowUp(question, units, {
          words: timing.words,
          notAnAnswer: coherence.reason,
          specifics: judgement.specifics,
          figures: impact.figures.length,
          hedges: delivery.hedges.length,
          blame: labels.blame,
          blameEvidence: signals.blame.evidence,
          seconds: timing.seconds,
          budget: timing.budget,
        })
      : undefined;
  // The reply's own reading of blame replaces the story tagger's, evidence included.
  const replyBlame = reply?.checks.find((c) => c.id === "blame-free")?.evidence;
  if (reply !== undefined) {
    labels.overall = reply.score;
    labels.blame = reply.blame;
    if (reply.blame) {
      signals.blame.level = "risk";
      signals.blame.evidence = replyBlame ?? [];
      signals.blame.reasons = ["puts the fault on others or circumstances"];
    } else if (signals.blame.level === "risk") {
      signals.blame.level = "absent";
      signals.blame.evidence = [];
      signals.blame.reasons = [];
    }
  }
  const overall =
    reply !== undefined
      ? { score: reply.score, reasons: reply.reasons }
      : { score: judgement.score, reasons };
  // A short reply is not "too short to be an answer" when it replies to a follow-up.
  const notAnAnswer = reply !== undefined ? reply.notAnAnswer : coherence.reason;
  const language = coherence.language;
  if (language !== undefined) {
    // Not judged: the tagger's reading of another language is noise, so no part, signal or
    // quote is claimed; overall stays 1 (the contract's range) with the reason saying why.
    for (const name of Object.keys(labels) as Array<keyof Labels>)
      if (typeof labels[name] === "boolean") (labels as unknown as Record<string, boolean>)[name] = false;
    impact.quantified = false;
    for (const report of [...Object.values(signals), decisiveness]) {
      report.level = "absent";
      report.evidence = [];
      report.reasons = [];
    }
    warnings.push(
      `Not scored: this answer reads as ${language.name}, and the risk lens reads English only. Its labels and score do not apply; write the answer in English to have it analysed.`,
    );
  } else if (notAnAnswer !== undefined) warnings.push(`Not scored as an answer: ${notAnAnswer}.`);
  // A self-presentation under "tell me about yourself" answers it, whatever competency its
  // words lean to: it is read, and judged, as an about-me answer.
  const answersLike =
    judgement.presentsSelf && competency !== undefined ? competency : topCompetency(judgement.topic);
  // A follow-up's competency says little about what it asks: the follow-up rubric checks that.
  const offTopic = judgement.offTopic && reply === undefined;
  if (offTopic)
    warnings.push(
      `The answer reads as a reply to a question about ${COMPETENCY_TOPICS[answersLike]}, not to the one asked.`,
    );

  const evidence: Record<LabelName, LabelEvidence> = {
    situation: evidenceFrom(carriersOf(carried, "situation").map(quoteOf)),
    task: evidenceFrom(carriersOf(carried, "task").map(quoteOf)),
    action: evidenceFrom(carriersOf(carried, "action").map(quoteOf)),
    result: evidenceFrom(carriersOf(carried, "result").map(quoteOf)),
    lesson: evidenceFrom(carriersOf(carried, "lesson").map(quoteOf)),
    quantified: evidenceFrom(
      carriersOf(carried, "quantified").map(quoteOf),
      labels.quantified
        ? `figures: ${[...new Set(impact.figures.map((f) => f.term))].slice(0, 5).join(", ") || "in the quoted sentences"}`
        : "no measured figure about the work or its outcome",
    ),
    ownership: evidenceFrom(
      ownership.evidence,
      `"I" as subject ${ownership.i} times, "we" ${ownership.we} times`,
    ),
    blame: evidenceFrom(replyBlame ?? carriersOf(carried, "blame").map(quoteOf)),
    ambiguity: evidenceFrom(carriersOf(carried, "ambiguity").map(quoteOf)),
    decisive: evidenceFrom(carriersOf(carried, "decisive").map(quoteOf)),
    autonomy: evidenceFrom(carriersOf(carried, "autonomy").map(quoteOf)),
    systems: evidenceFrom(carriersOf(carried, "systems").map(quoteOf)),
    overall: evidenceFrom([], overall.reasons.join("; ")),
  };
  // Another language: no label is claimed, so none quotes a sentence as its evidence.
  if (language !== undefined)
    for (const name of Object.keys(evidence) as LabelName[])
      if (name !== "overall") evidence[name] = evidenceFrom([]);

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
  if (reply !== undefined) draft.followUp = { kind: reply.kind, checks: reply.checks };
  else if (competency !== undefined && !story) {
    draft.nonStory = {
      checks: rubricOf(competency, units, corpus, judgement, {
        figures: impact.figures,
        timing,
        answersLike,
      }),
    };
  }
  if (competency !== undefined) {
    draft.questionFit = {
      offTopic,
      probability: Math.round(judgement.offTopicProbability * 100) / 100,
      answersLike,
    };
  }
  const ranked = rankFixes(draft, units, {
    story,
    tailoring: judgement.tailoring,
    specifics: judgement.specifics,
    notAnAnswer,
    notEnglish: language?.name,
    answersInstead: offTopic ? answersLike : undefined,
    followUp: reply,
  });
  const fixes = ranked.map((r) => r.fix);
  // A weak verdict leads with what holds the answer down, not with a strength ("Weak · the result
  // is measured" read as praise): the weakness its first fix mends goes first. Display only:
  // the score and the labels are the model's.
  const weakest = ranked[0]?.weakness;
  if (
    reply === undefined &&
    overall.score <= 2 &&
    weakest !== undefined &&
    !ranked.some((r) => r.weakness === overall.reasons[0])
  ) {
    overall.reasons = [weakest, ...overall.reasons.filter((r) => r !== weakest)];
    evidence.overall = evidenceFrom([], overall.reasons.join("; "));
  }
  // Key order is fixed here so that the JSON is byte-identical run to run.
  const cut =
    impact.figures.length > MAX_LISTED ||
    impact.vague.length > MAX_LISTED ||
    delivery.fillers.length > MAX_LISTED ||
    delivery.hedges.length > MAX_LISTED ||
    delivery.cliches.length > MAX_LISTED ||
    delivery.passiveBlame.length > MAX_LISTED ||
    delivery.acronyms.runs.length > MAX_LISTED ||
    (draft.roleFit !== undefined &&
      (draft.roleFit.coreTerms.length > MAX_LISTED || draft.roleFit.adjacentTerms.length > MAX_LISTED));
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
  if (draft.nonStory !== undefined) analysis.nonStory = draft.nonStory;
  if (draft.followUp !== undefined) analysis.followUp = draft.followUp;
  if (draft.questionFit !== undefined) analysis.questionFit = draft.questionFit;
  if (draft.role !== undefined) analysis.role = draft.role;
  if (draft.roleFit !== undefined) analysis.roleFit = draft.roleFit;
  if (language !== undefined)
    analysis.language = {
      code: language.code,
      name: language.name,
      note: `The risk lens reads English only: this answer reads as ${language.name}, so its labels and score do not apply.`,
    };
  return analysis;
}
