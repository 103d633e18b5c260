/**
 * The learned pair scorer: a logistic regression over the matcher's pair features (lexicon
 * reading, word-vector alignment, background z-score; `PAIR_FEATURES` in matcher.ts), fitted by
 * scripts/match-train.ts on our own train set (eval/matching/train.jsonl) with its decision
 * threshold chosen on the dev split. Rebuild with `npm run match:train`.
 *
 * Two weight sets: the model used when no sentence embeddings were prepared (the web app, the
 * lens worker), and `ENCODER_MODEL`, fitted with the sentence encoder's cosines as two more
 * features (`ENCODER_FEATURES` in matcher.ts), used when the app layer prepared them.
 */
import model from "./data/pair-scorer.json" with { type: "json" };

/**
 * How a weight set was fitted, stored with it so that `npm run match:train -- --verify` refits it
 * from what was actually used (docs/lab/matching-lab.md, "Round 22").
 */
export interface PairScorerFit {
  /**
   * "live": the features today's matcher computes for the train set built from
   * eval/matching/train-concepts.json; "frozen": the feature rows of `file`, computed by the
   * matcher of `commit` (the set was fitted on them, and the matcher has changed since).
   */
  inputs: string;
  l2: number;
  /** How much more a hard negative weighs in the fit than a plain one. */
  hardWeight: number;
  /** The threshold: the highest recall at this precision on the dev groups `chosenOn`. */
  targetPrecision: number;
  /** The first and last dev group. */
  chosenOn: number[];
  /**
   * When the decision (threshold, `unmetThreshold`, `noneMetThreshold`) was chosen as a whole after
   * the fit, on today's features of the dev groups `chosenOn` and their far negatives
   * (scripts/match-train.ts, MATCH_PLAIN_DECISION; docs/lab/matching-lab.md, "Round 41").
   */
  decision?: { criterion: string; chosenOn: number[] };
  file?: string;
  sha256?: string;
  commit?: string;
}

/** The fitted model as stored in data/pair-scorer.json. */
export interface PairScorerModel {
  features: string[];
  /** Per-feature centring and scaling applied before the weights. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probabilities at or above this are a match (chosen on the dev split). */
  threshold: number;
  /** A rule score at or above this (every concept and word of the query met) stands whatever the model says. */
  certainRule: number;
  /** A rule score at or above this (a strong lexicon match) stands unless the probability is under `veto`. */
  strongRule: number;
  veto: number;
  /** The threshold when the lexicons know a concept the query asks for and the candidate shows none. */
  unmetThreshold: number;
  /**
   * The threshold when the candidate shows none of the query's concepts (and names some other);
   * absent, `NONE_MET_THRESHOLD`.
   */
  noneMetThreshold?: number;
  /**
   * The encoder-aware set only: the threshold when the candidate shows none of the query's concepts
   * and names at least two others (`namedElsewhere` ≥ 0.5), instead of `NONE_MET_THRESHOLD`.
   */
  elsewhereThreshold?: number;
  fit?: PairScorerFit;
}

const MODEL = model as PairScorerModel & { encoder: PairScorerModel };

/** The scorer fitted with the sentence encoder's features appended to the pair features. */
export const ENCODER_MODEL: PairScorerModel = MODEL.encoder;

/**
 * The probability needed when the lexicons know every concept the query asks for is missing
 * from the candidate (none met): "payments, billing or fraud" is not met by a sentence about
 * data issues in ML pipelines (0.60); "winning research grants" is met by "secured funding" (0.72).
 */
export const NONE_MET_THRESHOLD = 0.7;

/**
 * How far the word alignment must stand out from the ask's background (feature "background z", in
 * standard deviations) when a sense check left the ask naming no concept ("Licensed tattoo artist":
 * licensing is not intellectual property there). Such an ask has no concept to veto a sentence about
 * something else, and the scorer's probability is then mostly word alignment, which an unrelated
 * sentence can reach. First 0.5, chosen on dev g001–g564 (docs/lab/matching-lab.md, "Round 26"); 0.75
 * since round 35, when reading role titles right (round 34) left more asks guarded and the bank-level
 * check showed such asks taking a third of other asks' evidence. The matcher asks for it (`guarded`)
 * only of the plain set: with sentence embeddings, the encoder-aware set decides by its own reading
 * ("Round 27").
 */
export const GUARD_Z = 0.75;

/** The index of "background z" among the pair features (`PAIR_FEATURES` in matcher.ts). */
const BACKGROUND_Z = 10;

/**
 * The probability that the candidate shows the query, from its pair features.
 * @example learnedProbability(pairFeatures("Resolving conflicts", "I mediated a dispute.")) > 0.5
 */
export function learnedProbability(features: readonly number[], m: PairScorerModel = MODEL): number {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++) {
    z +=
      (m.weights[i] as number) * (((features[i] as number) - (m.mean[i] as number)) / (m.scale[i] as number));
  }
  return 1 / (1 + Math.exp(-z));
}

/**
 * The learned decision and a score on the matcher's scale: 0.5 at the threshold, rising to 0.75
 * at certainty, below 0.5 under it.
 * @example learnedDecision(features, { score: 0.4, unmet: 0, concepts: 0 }).matched
 */
export function learnedDecision(
  features: readonly number[],
  rules: { score: number; unmet: number; concepts: number; namedElsewhere?: number; guarded?: boolean },
  m: PairScorerModel = MODEL,
): { probability: number; matched: boolean; score: number } {
  const p = learnedProbability(features, m);
  // A strong lexicon match needs only to clear the veto; anything else, the threshold. When the
  // lexicons know a concept the query asks for and the candidate shows none of it, a higher one,
  // and higher still when it shows none of the concepts asked at all — highest when it is about
  // other things the lexicons know (the encoder-aware set: a sentence of the same field).
  const strong = rules.score >= m.strongRule;
  // A candidate that names no concept at all says nothing the lexicons can read about what it is
  // about: its silence is not a sign it is about something else, so only the ordinary unmet-concept
  // threshold applies ("Line maintenance on aircraft" ← "changing brake units on the ramp at night").
  const noneMet =
    rules.namedElsewhere === 0
      ? m.unmetThreshold
      : m.elsewhereThreshold !== undefined && (rules.namedElsewhere ?? 0) >= 0.5
        ? m.elsewhereThreshold
        : (m.noneMetThreshold ?? NONE_MET_THRESHOLD);
  const t = strong
    ? Math.min(m.veto, m.threshold)
    : rules.unmet > 0
      ? Math.max(rules.concepts === 0 ? noneMet : m.unmetThreshold, m.threshold)
      : m.threshold;
  // A guarded ask (a sense check left it naming no concept): the alignment must also stand out.
  const aligned = strong || rules.guarded !== true || (features[BACKGROUND_Z] as number) >= GUARD_Z;
  const matched = rules.score >= m.certainRule || (p >= t && aligned);
  const score = matched
    ? 0.5 + (0.25 * (p - t)) / Math.max(1e-6, 1 - t)
    : Math.min(0.499, (0.5 * p) / Math.max(1e-6, t));
  return { probability: p, matched, score };
}
