import { type MatchOptions, questionSimilarity, semanticMatch } from "./matcher.ts";

/** One labelled requirement/evidence pair of eval/matching/pairs.jsonl. */
export interface LabelledPair {
  id: string;
  group: string;
  split: "dev" | "test";
  requirement: string;
  evidence: string;
  /** 1: the evidence shows the requirement; 0: it does not. */
  label: 0 | 1;
  kind: "positive" | "hard-negative" | "negative";
}

export interface MatchingFigures {
  pairs: number;
  positives: number;
  hardNegatives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Hard negatives the matcher wrongly accepted. */
  hardNegativesAccepted: number;
  errors: Array<{ id: string; label: 0 | 1; score: number; requirement: string; evidence: string }>;
}

/**
 * The split a requirement belongs to, fixed by a hash of its text (FNV-1a, 32 bits): 4 in 10
 * requirement groups are test. Decided before any tuning; a row whose recorded split disagrees
 * is an error in the set.
 * @example splitOf("Strong SQL skills") // "dev" or "test", always the same
 */
export function splitOf(requirement: string): "dev" | "test" {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(requirement)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 10 < 4 ? "test" : "dev";
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Precision and recall of the matcher on labelled pairs.
 * @example measureMatching(pairs.filter((p) => p.split === "test")).precision
 */
export function measureMatching(pairs: readonly LabelledPair[], options?: MatchOptions): MatchingFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let hard = 0;
  const errors: MatchingFigures["errors"] = [];
  for (const pair of pairs) {
    const match = semanticMatch(pair.requirement, pair.evidence, options);
    if (match.matched && pair.label === 1) tp++;
    else if (match.matched) {
      fp++;
      if (pair.kind === "hard-negative") hard++;
    } else if (pair.label === 1) fn++;
    if (match.matched !== (pair.label === 1)) {
      errors.push({
        id: pair.id,
        label: pair.label,
        score: match.score,
        requirement: pair.requirement,
        evidence: pair.evidence,
      });
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    pairs: pairs.length,
    positives: pairs.filter((p) => p.label === 1).length,
    hardNegatives: pairs.filter((p) => p.kind === "hard-negative").length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    hardNegativesAccepted: hard,
    errors,
  };
}

/** One labelled question pair of eval/matching/question-pairs.jsonl: is `prepared` the same question as `asked`? */
export interface LabelledQuestionPair {
  id: string;
  /** A predicted follow-up (or any question asked). */
  asked: string;
  /** A question the user has prepared an answer to. */
  prepared: string;
  /** 1: the same question asked differently; 0: another question. */
  label: 0 | 1;
  kind: "positive" | "hard-negative" | "negative";
  /** The follow-up trigger whose question `asked` is, when it is one. */
  trigger?: string;
  /** Written after the intents were, to check them on pairs they were not written for. */
  heldOut?: boolean;
  /** 3: written after the last change to the intents and scored once. */
  batch?: number;
}

export interface LinkFigures {
  pairs: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  errors: Array<{ id: string; label: 0 | 1; score: number; asked: string; prepared: string }>;
}

/**
 * Precision and recall of the follow-up ↔ prepared-answer link decision: the shared matcher's
 * `questionSimilarity`, the same call `predictFollowUps` links with.
 * @example measureQuestionLinking(pairs).recall
 */
export function measureQuestionLinking(pairs: readonly LabelledQuestionPair[]): LinkFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: LinkFigures["errors"] = [];
  for (const pair of pairs) {
    const match = questionSimilarity(pair.asked, pair.prepared);
    if (match.matched && pair.label === 1) tp++;
    else if (match.matched) fp++;
    else if (pair.label === 1) fn++;
    if (match.matched !== (pair.label === 1))
      errors.push({
        id: pair.id,
        label: pair.label,
        score: match.score,
        asked: pair.asked,
        prepared: pair.prepared,
      });
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    pairs: pairs.length,
    positives: pairs.filter((p) => p.label === 1).length,
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    errors,
  };
}
