import {
  AMBIGUITY_CUES,
  BLAME_CUES,
  COMPLAINT_CUES,
  COMPLETION_CUES,
  DECISION_CUES,
  EXCUSE_CUES,
  HAND_HOLDING_CUES,
  METHOD_CUES,
  OWNERSHIP_CUES,
  SETBACK_CUES,
  SPINNING_CUES,
  SYSTEMS_CUES,
} from "./data/signals.ts";
import { type Corpus, quoteOf } from "./evidence.ts";
import type { Token } from "./nlp.ts";
import { firstPersonAction, type Unit } from "./segment.ts";
import type { Labels, Quote, RiskSignal, SignalLevel, SignalReport } from "./types.ts";

/** What the signal passes need to know about the answer beyond its sentences. */
export interface SignalContext {
  units: readonly Unit[];
  corpus: Corpus;
  tokens: readonly Token[];
  hasResult: boolean;
  fillerCount: number;
  hedgeCount: number;
  words: number;
}

export interface OwnershipReport {
  label: Labels["ownership"];
  i: number;
  we: number;
  evidence: Quote[];
}

const SETBACKS = [SETBACK_CUES];

const HEDGED_I = new Set(["think", "guess", "suppose", "believe", "mean", "feel", "hope"]);

/**
 * Counts who does the work: the subject that opens each sentence of the task, action, result
 * and lesson ("I decided…" versus "We shipped…"); the situation only sets the scene, and
 * "I think" is a hedge, not work. Mostly I → "i", mostly we → "we", otherwise "mixed".
 * @example measureOwnership(units, tokens).label // "i"
 */
export function measureOwnership(units: readonly Unit[], tokens: readonly Token[]): OwnershipReport {
  const work = units.filter((u) => u.part !== "situation" && u.part !== "other");
  const counted = work.length > 0 ? work : units;
  let i = 0;
  let we = 0;
  const evidence: Quote[] = [];
  for (const unit of counted) {
    for (let k = unit.first; k < unit.last; k += 1) {
      const t = tokens[k];
      if (t === undefined) continue;
      const next = tokens[k + 1];
      if (t.lower === "i" && !(next !== undefined && HEDGED_I.has(next.lemma))) {
        i += 1;
      } else if (t.lower === "we") {
        we += 1;
      } else {
        continue;
      }
      if (evidence.length < 3) evidence.push(quoteOf(unit));
      break;
    }
  }
  const total = i + we;
  const share = total === 0 ? 1 : i / total;
  const label: Labels["ownership"] = share >= 0.65 ? "i" : share <= 0.3 ? "we" : "mixed";
  return { label, i, we, evidence };
}

/**
 * Sentences of the task, action or result that the speaker narrates doing (I, or a bare "Rebuilt…" bullet).
 * @example ownedActions(units, tokens).map((u) => u.index) // [2, 3]
 */
export function ownedActions(units: readonly Unit[], tokens: readonly Token[]): Unit[] {
  return units.filter(
    (u) =>
      (u.part === "action" || u.part === "task" || u.part === "result") &&
      firstPersonAction(tokens, u) &&
      !/^we\b|^[^,]*, we\b/.test(u.norm),
  );
}

/** Past-tense verbs in the sentence (at most 3): "I proposed, wrote and ran…" is three deeds. */
function deeds(unit: Unit, tokens: readonly Token[]): number {
  let count = 0;
  for (let i = unit.first; i < unit.last && count < 3; i += 1) {
    const t = tokens[i];
    if (t !== undefined && t.pos === "VERB" && t.past) count += 1;
  }
  return Math.max(1, count);
}

function report(
  level: SignalLevel,
  score: number,
  evidence: readonly Unit[],
  reasons: string[],
): SignalReport {
  return {
    level,
    score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100,
    evidence: evidence.slice(0, 4).map(quoteOf),
    reasons,
  };
}

/**
 * Blame: bad-mouthing is a risk on its own; excuses and a setback count only when the
 * speaker owns no part of it.
 * @example scoreBlame(corpus).level // "risk" | "strong" | "absent"
 */
export function scoreBlame(corpus: Corpus): SignalReport {
  const accusing = corpus.unitsMatching(BLAME_CUES);
  const excuses = corpus.unitsMatching(EXCUSE_CUES);
  const complaints = corpus.unitsMatching(COMPLAINT_CUES);
  const owning = corpus.unitsMatching(OWNERSHIP_CUES);
  const setbacks = corpus.unitsMatching(SETBACKS);
  if (accusing.length > 0) {
    return report("risk", 0.6 + 0.2 * accusing.length, accusing, ["puts the problem on other people"]);
  }
  if (complaints.length > 0 && owning.length === 0 && (setbacks.length > 0 || complaints.length >= 2)) {
    return report("risk", 0.6, complaints, ["a setback put on what others did, with no part owned"]);
  }
  if (excuses.length > 0 && owning.length === 0 && setbacks.length > 0) {
    return report(
      "risk",
      0.6,
      [...excuses, ...setbacks],
      ["a setback explained by circumstances, with no part owned"],
    );
  }
  if (owning.length > 0) return report("strong", 0.8, owning, ["owns their part"]);
  return report("absent", 0, [], []);
}

/** "1 kind of systems cue", "2 kinds of systems cue". */
function cueCount(kinds: number, what: string): string {
  return `${kinds} ${kinds === 1 ? "kind" : "kinds"} of ${what} cue`;
}

/**
 * Ambiguity: names unknowns, tests assumptions, narrows the problem.
 * @example scoreAmbiguity(corpus).level // "present"
 */
export function scoreAmbiguity(corpus: Corpus): SignalReport {
  const hits = corpus.unitsMatching(AMBIGUITY_CUES);
  const kinds = corpus.distinctMatches(AMBIGUITY_CUES);
  const level: SignalLevel = kinds >= 3 ? "strong" : kinds >= 2 ? "present" : "absent";
  return report(level, kinds / 4, hits, kinds > 0 ? [cueCount(kinds, "uncertainty")] : []);
}

/**
 * Systems: root causes, prevention, processes, trade-offs.
 * @example scoreSystems(corpus).level // "strong"
 */
export function scoreSystems(corpus: Corpus): SignalReport {
  const hits = corpus.unitsMatching(SYSTEMS_CUES);
  const kinds = corpus.distinctMatches(SYSTEMS_CUES);
  const level: SignalLevel = kinds >= 3 ? "strong" : kinds >= 2 ? "present" : "absent";
  return report(level, kinds / 4, hits, kinds > 0 ? [cueCount(kinds, "systems")] : []);
}

/**
 * Spinning: a clear path (method cues and a result) versus wandering (trial and error,
 * fillers, no end).
 * @example scoreSpinning(ctx).level // "strong" when the path is clear
 */
export function scoreSpinning(ctx: SignalContext): SignalReport {
  const method = ctx.corpus.unitsMatching(METHOD_CUES);
  const wandering = ctx.corpus.unitsMatching(SPINNING_CUES);
  const noise = (ctx.fillerCount + ctx.hedgeCount) / Math.max(1, ctx.words);
  if (wandering.length >= 2 || noise > 0.04 || (wandering.length >= 1 && !ctx.hasResult)) {
    return report("risk", 0.5 + noise * 5, wandering, ["wanders: trial and error, fillers or no end"]);
  }
  if (method.length >= 2 && ctx.hasResult) return report("strong", 0.8, method, ["a clear path to a result"]);
  if (method.length >= 1 || ctx.hasResult) {
    // Every finding quotes its evidence: with no method cue, the path is the result it reaches.
    const evidence = method.length > 0 ? method : ctx.units.filter((unit) => unit.part === "result");
    return report("present", 0.5, evidence, ["some path to a result"]);
  }
  return report("absent", 0, [], []);
}

/**
 * Decisiveness: the speaker decides or takes the first step themselves. Outside a story
 * ("why us", "about me") only an explicit decision counts: there is no act to judge.
 * @example scoreDecisiveness(corpus, units, tokens, true).level // "present"
 */
export function scoreDecisiveness(
  corpus: Corpus,
  units: readonly Unit[],
  tokens: readonly Token[],
  story: boolean,
): SignalReport {
  // Decisions count where the story acts; "I decided to major in…" in the setting is biography.
  const decided = corpus
    .unitsMatching(DECISION_CUES)
    .filter((u) => u.part === "action" || u.part === "task" || u.part === "result");
  const acted = story ? ownedActions(units, tokens) : [];
  const score = decided.length * 1.5 + acted.length * 0.4;
  const level: SignalLevel = score >= 3 ? "strong" : score >= 1.5 ? "present" : "absent";
  return report(level, score / 4, decided.length > 0 ? decided : acted, [
    `${decided.length} decisions taken, ${acted.length} actions narrated in the first person`,
  ]);
}

/**
 * Autonomy (the hand-holding risk): owned actions carried through to a result.
 * @example scoreAutonomy(ctx, ownership).level // "strong"
 */
export function scoreAutonomy(ctx: SignalContext, ownership: OwnershipReport): SignalReport {
  const dependent = ctx.corpus.unitsMatching(HAND_HOLDING_CUES);
  if (dependent.length > 0)
    return report("risk", 0.6, dependent, ["needs someone to show, tell or finish the work"]);
  const driving = ctx.corpus.unitsMatching(COMPLETION_CUES);
  const owned = ownedActions(ctx.units, ctx.tokens);
  const decided = ctx.corpus.unitsMatching(DECISION_CUES);
  const score =
    owned.reduce((sum, u) => sum + deeds(u, ctx.tokens), 0) * 0.3 +
    (driving.length > 0 ? 0.5 : 0) +
    (ctx.hasResult ? 0.5 : 0) +
    Math.min(0.6, decided.length * 0.3) -
    (ownership.label === "we" ? 1.5 : ownership.label === "mixed" ? 0.5 : 0);
  const level: SignalLevel = score >= 3 ? "strong" : score >= 1.9 ? "present" : "absent";
  return report(level, score / 4, owned.length > 0 ? owned : driving, [
    `${owned.length} owned actions; ${driving.length > 0 ? "carried to the end" : "no delivery named"}`,
  ]);
}

/**
 * All five risk signals.
 * @example scoreSignals(ctx, ownership).blame.level // "absent"
 */
export function scoreSignals(
  ctx: SignalContext,
  ownership: OwnershipReport,
): Record<RiskSignal, SignalReport> {
  return {
    ambiguity: scoreAmbiguity(ctx.corpus),
    spinning: scoreSpinning(ctx),
    blame: scoreBlame(ctx.corpus),
    autonomy: scoreAutonomy(ctx, ownership),
    systems: scoreSystems(ctx.corpus),
  };
}
