/**
 * The shared semantic matcher (requirement ↔ evidence, question ↔ story, competency evidence,
 * follow-up ↔ prepared answer): concept lexicons, lemmas, weighted words and bigrams, sense
 * checks, and word vectors for wording the lexicons do not know. Pure and synchronous; measured
 * on eval/matching/ (docs/matching.md).
 */
export { CONCEPTS, type ConceptDefinition, type ConceptKind } from "./lexicon.ts";
export {
  type Analysis,
  type AskedThing,
  analyzeText,
  askedThings,
  bestMatch,
  type ConceptHit,
  conceptsOf,
  MATCH_THRESHOLD,
  type MatchOptions,
  questionSimilarity,
  type SemanticMatch,
  STRONG_THRESHOLD,
  type Strength,
  semanticMatch,
  type ThingCredit,
  textsToEmbed,
  thingCredits,
  vectorSimilarity,
} from "./matcher.ts";
export {
  type LabelledPair,
  type LabelledQuestionPair,
  type LinkFigures,
  type MatchingFigures,
  measureMatching,
  measureQuestionLinking,
  splitOf,
} from "./measure.ts";
export type { SentenceEmbeddings } from "./sentence-embeddings.ts";
export { type YearsClaim, yearsClaims, yearsRequired } from "./years.ts";
