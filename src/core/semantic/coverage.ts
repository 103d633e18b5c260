/**
 * Key-point coverage: which key points of a technical question a typed answer covers, matched
 * by concept rather than exact words. Builds on the semantic matcher: its lemmas (stems),
 * weights and concept lexicon, plus the ML vocabulary of `ml-terms.ts`, which reads "L2",
 * "ridge" and "weight decay" as one idea before any comparison. Pure and deterministic.
 */
import { analyzeText } from "./matcher.ts";
import { ML_TERM_GROUPS } from "./ml-terms.ts";

/** A key point counts as covered at this score or above; tuned on the dev split only (docs/drill.md). */
export const COVERAGE_THRESHOLD = 0.45;

export interface KeyPointResult {
  keyPoint: string;
  covered: boolean;
  /** 0..1: the weighted share of the key point's ideas found in the best part of the answer. */
  score: number;
  /** The sentence(s) of the answer that cover it best, when it is covered. */
  evidence?: string;
}

export interface Coverage {
  points: KeyPointResult[];
  covered: string[];
  missed: string[];
}

// Each group becomes one token the matcher keeps as written (it holds a digit, so no stemming).
const tokenOf = (index: number) => `k9g${index}`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const normaliseSpacing = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[,;:()"“”!?]/g, " ")
    .replace(/\s+/g, " ");

const TERM_TOKENS = new Map<string, string[]>();
ML_TERM_GROUPS.forEach((group, index) => {
  for (const term of group.terms) {
    const key = normaliseSpacing(term).trim();
    const tokens = TERM_TOKENS.get(key) ?? [];
    if (!tokens.includes(tokenOf(index))) tokens.push(tokenOf(index));
    TERM_TOKENS.set(key, tokens);
  }
});
// Longest terms first, so "l2 regularisation" wins over "l2"; a plural "s"/"es" is allowed.
const TERM_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...TERM_TOKENS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRegExp(t).replace(/ /g, "[ -]"))
    .join("|")})(?:s|es)?(?![\\p{L}\\p{N}])`,
  "gu",
);

/**
 * A text with every ML term replaced by the token of its idea (several when a term belongs to
 * several ideas: "ridge" is L2 and regularisation).
 * @example canonicalise("We used weight decay") // "we used k9g0 k9g2"
 */
export function canonicalise(text: string): string {
  return normaliseSpacing(text).replace(TERM_PATTERN, (match, term: string) => {
    const tokens =
      TERM_TOKENS.get(term.replace(/-/g, " ")) ?? TERM_TOKENS.get(term) ?? TERM_TOKENS.get(match);
    return tokens === undefined ? match : ` ${tokens.join(" ")} `;
  });
}

// Words every ML answer uses: they count, but little.
const WEAK = new Set([
  "model",
  "data",
  "train",
  "set",
  "use",
  "make",
  "way",
  "first",
  "only",
  "often",
  "value",
  "new",
  "one",
  "two",
  "several",
  "many",
  "each",
  "level",
  "step",
  "steps",
]);
const IDEA_WEIGHT = 2;
const CONCEPT_WEIGHT = 1;

interface Unit {
  kind: "lemma" | "concept";
  id: string;
  weight: number;
}

function unitsOf(keyPoint: string): Unit[] {
  const a = analyzeText(canonicalise(keyPoint));
  const units: Unit[] = [];
  for (const [lemma, weight] of a.lemmas) {
    const w = lemma.startsWith("k9g") ? IDEA_WEIGHT : WEAK.has(lemma) ? 0.3 : weight;
    units.push({ kind: "lemma", id: lemma, weight: w });
  }
  for (const id of a.direct) units.push({ kind: "concept", id, weight: CONCEPT_WEIGHT });
  return units;
}

function sentencesOf(answer: string): string[] {
  return answer
    .split(/(?<=[.!?])\s+|\n+|;\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function scoreIn(units: readonly Unit[], window: string): number {
  const a = analyzeText(canonicalise(window));
  let total = 0;
  let got = 0;
  for (const unit of units) {
    total += unit.weight;
    const found = unit.kind === "lemma" ? a.allLemmas.has(unit.id) : a.concepts.has(unit.id);
    if (found) got += unit.weight;
  }
  return total === 0 ? 0 : got / total;
}

/**
 * Which key points the answer covers (by concept: stems, synonyms, abbreviations) and which it
 * misses. A key point is judged against each sentence of the answer and each pair of
 * neighbouring sentences; the best part decides.
 * @example keyPointCoverage("We added weight decay to stop overfitting.", ["L2 regularisation"]).covered // ["L2 regularisation"]
 */
export function keyPointCoverage(
  answer: string,
  keyPoints: readonly string[],
  options: { threshold?: number } = {},
): Coverage {
  const threshold = options.threshold ?? COVERAGE_THRESHOLD;
  const sentences = sentencesOf(answer);
  const windows: string[] = [...sentences];
  for (let i = 0; i + 1 < sentences.length; i++) windows.push(`${sentences[i]} ${sentences[i + 1]}`);
  const points = keyPoints.map((keyPoint): KeyPointResult => {
    const units = unitsOf(keyPoint);
    let best = 0;
    let evidence: string | undefined;
    for (const window of windows) {
      const score = scoreIn(units, window);
      if (score > best) {
        best = score;
        evidence = window;
      }
    }
    const score = Math.round(best * 1000) / 1000;
    const covered = score >= threshold && score > 0;
    return { keyPoint, covered, score, ...(covered && evidence !== undefined ? { evidence } : {}) };
  });
  return {
    points,
    covered: points.filter((p) => p.covered).map((p) => p.keyPoint),
    missed: points.filter((p) => !p.covered).map((p) => p.keyPoint),
  };
}

/** One labelled judgement: does `answer` cover `keyPoint`? */
export interface CoverageJudgement {
  id: string;
  split: "dev" | "test";
  answer: string;
  keyPoint: string;
  covered: boolean;
}

export interface CoverageFigures {
  judgements: number;
  positives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  errors: Array<{ id: string; keyPoint: string; expected: boolean; score: number }>;
}

/**
 * Precision and recall of `keyPointCoverage` on labelled judgements.
 * @example measureCoverage(judgements.filter((j) => j.split === "test")).recall
 */
export function measureCoverage(
  judgements: readonly CoverageJudgement[],
  options: { threshold?: number } = {},
): CoverageFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: CoverageFigures["errors"] = [];
  for (const j of judgements) {
    const [result] = keyPointCoverage(j.answer, [j.keyPoint], options).points;
    const got = result?.covered === true;
    if (got && j.covered) tp++;
    else if (got) fp++;
    else if (j.covered) fn++;
    if (got !== j.covered)
      errors.push({ id: j.id, keyPoint: j.keyPoint, expected: j.covered, score: result?.score ?? 0 });
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    judgements: judgements.length,
    positives: judgements.filter((j) => j.covered).length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: round(tp + fp === 0 ? 1 : tp / (tp + fp)),
    recall: round(tp + fn === 0 ? 1 : tp / (tp + fn)),
    errors,
  };
}
