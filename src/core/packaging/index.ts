/**
 * Packaging: turning the user's own stories and answers into interview-ready answers.
 * Everything here rearranges, trims and questions the user's words; it never invents
 * experience, employers, numbers or results — a suggested line is a template with
 * visible blanks ("[by how much?]"). Pure and synchronous: runs in the browser too.
 *
 * @example
 * const story = parseStory({ title: "Flaky deploys", situation: "Deploys failed weekly.", actions: ["I added a canary stage."], result: "Failures fell to zero in 2 months." });
 * compose(story, { question: "Tell me about a time you improved reliability", role: "ml-engineer", budgetSeconds: 60 }).blanks
 * // ["[what did you learn?]"]
 */

export {
  BLANKS,
  type ComposeOptions,
  compose,
  type Draft,
  type DraftSentence,
  type Origin,
  tagStoryParts,
} from "./compose.ts";
export {
  type ConcernQuote,
  concernQuotes,
  type DetectConcernsOptions,
  type DetectedConcern,
  detectConcerns,
} from "./concerns.ts";
export { ANSWER_CUES, answeringSentences } from "./data/answer-cues.ts";
export { CONCERNS, type ConcernDefinition } from "./data/concerns.ts";
export { FOLLOW_UP_TRIGGERS, type FollowUpTrigger } from "./data/follow-up-triggers.ts";
export {
  noRoleVocabulary,
  ROLE_VOCABULARY,
  type RoleVocabulary,
  roleFromName,
  roleFromTarget,
} from "./data/role-vocabulary.ts";
export { TOOL_TERMS, type ToolTerm } from "./data/tools.ts";
export { type PredictedFollowUp, type PredictOptions, predictFollowUps } from "./follow-ups.ts";
export {
  type CoverageAnswer,
  type CoverageEvidence,
  type CoverageMatrix,
  coverageMatrix,
  indexStories,
  OVERUSE_THRESHOLD,
  type RankedStory,
  type Ranking,
  type RankOptions,
  rankStories,
  type StoryIndex,
  storyCompetencies,
} from "./match.ts";
export {
  type ReangleDiffEntry,
  type Reangled,
  type ReangleOptions,
  reangle,
  saysTheSame,
} from "./reangle.ts";
export {
  coreShare,
  defaultReangleRoles,
  findRoleTerms,
  type ReangleDefault,
  type RoleTerms,
  roleInSentence,
} from "./role-terms.ts";
export {
  extractMetrics,
  extractTools,
  parseStories,
  parseStory,
  STORY_FIELDS,
  type Story,
  type StoryField,
  type StoryInput,
  type StorySentence,
  slugify,
  splitStoryText,
  storyFromAccomplishment,
  storyFromAnswer,
  storySentences,
} from "./story.ts";
export {
  type Evidence,
  extractRequirements,
  MAX_POSTING_CHARS,
  maskPosting,
  PARTIAL_BLANK,
  PLAN_BLANK,
  PLAN_NOTE,
  type PostingRequirements,
  type Requirement,
  type RequirementKind,
  type RequirementPart,
  scaffoldWhyCompany,
  type TailorAnswer,
  type Tailoring,
  tailor,
  WHY_NOW_BLANK,
  type WhyCompany,
  type WhyCompanyLine,
  wishOnly,
} from "./tailor.ts";
export {
  hasBlank,
  hasFigure,
  readsAsOutline,
  type Span,
  splitSentences,
  starLabel,
  stripMarkup,
  withoutBlanks,
} from "./text.ts";
export {
  buildTrailer,
  isCertification,
  type Profile,
  TRAILER_BEATS,
  TRAILER_SECONDS,
  type Trailer,
  type TrailerBeat,
  type TrailerLine,
  type TrailerOrigin,
  type TrailerSeconds,
} from "./trailer.ts";
export { trailerSourceOf } from "./trailer-source.ts";
