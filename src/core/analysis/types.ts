import type { Competency, RoleId, StarPart } from "../model.ts";

/** The STAR+L part a sentence plays, or "other" (greetings, opinions, asides). */
export type SentencePart = StarPart | "other";

/** How strongly an answer lowers (strong, present) or raises (risk) one risk. */
export type SignalLevel = "strong" | "present" | "absent" | "risk";

/** The five risks an interviewer weighs (PRODUCT.md, "The problem"). */
export const RISK_SIGNALS = ["ambiguity", "spinning", "blame", "autonomy", "systems"] as const;
export type RiskSignal = (typeof RISK_SIGNALS)[number];

/**
 * The five risks in the words of PRODUCT.md's table, as every view names them; `risk` is true
 * where the signal names the risk itself (blame), false where it names what lowers it.
 */
export const SIGNAL_NAMES: ReadonlyArray<{ id: RiskSignal; name: string; risk: boolean }> = [
  { id: "ambiguity", name: "Handles ambiguity", risk: false },
  { id: "spinning", name: "Clear path, no spinning", risk: false },
  { id: "blame", name: "Blames others", risk: true },
  { id: "autonomy", name: "Ships without hand-holding", risk: false },
  { id: "systems", name: "Thinks in systems", risk: false },
];

/** A signal's level in words: "spinning: present" would read as the risk being there. */
export const LEVEL_TEXT: Readonly<Record<SignalLevel, string>> = {
  strong: "Strong",
  present: "Shown",
  absent: "Not shown",
  risk: "Risk",
};

/**
 * A level as every view shows it beside the signal's name. A signal named by its risk
 * ("Blames others") reads its good levels as the opposite of the risk: "Blames others: Strong"
 * read as strong blame on an answer that owns its part.
 * @example levelText("blame", "strong") // "Owns it"
 */
export function levelText(signal: RiskSignal, level: SignalLevel): string {
  const named = SIGNAL_NAMES.find((s) => s.id === signal);
  if (named?.risk && (level === "strong" || level === "present")) return "Owns it";
  return LEVEL_TEXT[level];
}

/**
 * A STAR part's share of the answer in words that agree with whether the answer has the part:
 * a part the answer has never reads "0%" (the tagger may hear it across sentences that each
 * read as another part), and a part it lacks reads "missing", or "does not land yet" beside
 * the sentences that lean towards it.
 * @example starPartText({ present: true, sentences: [], words: 0, share: 0 }) // "in passing, no sentence of its own"
 */
export function starPartText(part: StarPartSummary): string {
  const percent = Math.round(part.share * 100);
  if (part.present) {
    if (part.words === 0) return "in passing, no sentence of its own";
    return percent === 0 ? "under 1%" : `${percent}%`;
  }
  return part.words > 0 ? `${percent === 0 ? "under 1%" : `${percent}%`}, does not land yet` : "missing";
}

/** What a caller may pass to `analyze`. */
export interface AnalyzeOptions {
  /** The interview question; decides the competency and the default time budget. */
  question?: string;
  role?: RoleId;
  /** A ceiling in seconds (the floor becomes 60% of it) or an explicit window. */
  budgetSeconds?: number | { min: number; max: number };
  /** Speaking rate; default 150. */
  wordsPerMinute?: number;
  /** The answer replies to a follow-up question (budget 20–45 s). */
  followUp?: boolean;
  /** Longest accepted input in characters; default 200,000. */
  maxChars?: number;
  /**
   * Sentences whose STAR+L part the caller already knows (a composed draft's own sentences, each
   * filed by the user under a STAR heading): a sentence of the text made of these keeps their
   * part, as a written marker ("Result:") does. Only where the parts are placed: the tagger and
   * the answer-level labels read the words alone.
   */
  parts?: ReadonlyArray<{ text: string; part: StarPart }>;
}

/** One quoted sentence: the evidence every finding carries. */
export interface Quote {
  index: number;
  quote: string;
}

export interface AnalysisSentence {
  index: number;
  text: string;
  part: SentencePart;
  /** True when a written marker ("Result:", "**S – Situation**") set the part. */
  explicit: boolean;
  /** UTF-16 offsets into the input: `text === input.slice(start, end)`. */
  start: number;
  end: number;
  words: number;
}

/** The stable labels of the `analyze --json` contract. */
export interface Labels {
  situation: boolean;
  task: boolean;
  action: boolean;
  result: boolean;
  lesson: boolean;
  quantified: boolean;
  ownership: "i" | "we" | "mixed";
  blame: boolean;
  ambiguity: boolean;
  decisive: boolean;
  autonomy: boolean;
  systems: boolean;
  overall: 1 | 2 | 3 | 4 | 5;
}

export type LabelName = keyof Labels;

export interface LabelEvidence {
  indexes: number[];
  quotes: string[];
  /** A figure or a reason when the label rests on one (e.g. "3 sentences say we, 9 say I"). */
  note?: string;
}

export interface StarPartSummary {
  present: boolean;
  sentences: number[];
  words: number;
  /** Share of speaking time, 0..1. */
  share: number;
}

export interface Finding {
  /** Stable id, e.g. "long-situation", "filler". */
  id: string;
  message: string;
  evidence: Quote[];
}

export interface SignalReport {
  level: SignalLevel;
  /** 0..1, how much the answer shows (or, for risks, fails to show) the behaviour. */
  score: number;
  evidence: Quote[];
  reasons: string[];
}

export interface TermHit {
  term: string;
  index: number;
  quote: string;
}

export interface Timing {
  words: number;
  seconds: number;
  wordsPerMinute: number;
  budget: { min: number; max: number };
  status: "short" | "within" | "long";
}

export interface Delivery {
  fillers: TermHit[];
  hedges: TermHit[];
  cliches: TermHit[];
  /** Acronyms and specialist tool names ("EKS", "OAuth2", "Istio"). */
  acronyms: {
    count: number;
    /** Acronyms per 100 words. */
    density: number;
    /** Sentences that pack three or more acronyms: they lose a non-specialist. */
    runs: Array<Quote & { acronyms: string[] }>;
  };
  passiveBlame: Quote[];
}

export interface RoleFit {
  role: RoleId;
  /** Shares of the role vocabulary the answer used, 0..1; they sum to 1 when any term matched. */
  core: number;
  adjacent: number;
  /** Share of speaking time in sentences that lean to core or adjacent skills, or to neither. */
  time: { core: number; adjacent: number; neither: number };
  coreTerms: TermHit[];
  adjacentTerms: TermHit[];
  mix: "core" | "balanced" | "adjacent-heavy" | "none";
  suggestion?: string;
}

export interface ConcernHit {
  id: string;
  judgement: string;
  evidence: Quote[];
  reframe: string;
}

export interface Fix {
  /** The sentence the fix points at (the answer's last sentence when the part is missing). */
  index: number;
  quote: string;
  part: SentencePart;
  action: string;
}

/** The points of the rubric for questions that are not stories (LABELING.md). */
export const RUBRIC_CHECKS = ["answers", "specific", "fit", "arc", "ending", "length"] as const;
export type RubricCheckId = (typeof RUBRIC_CHECKS)[number];

/** One point of that rubric, as the overall score reads it. */
export interface RubricCheck {
  id: RubricCheckId;
  met: boolean;
  /** What was found, or what is missing, in a few words. */
  note: string;
  evidence: Quote[];
}

/** What a follow-up question asks for, read from its wording (src/core/analysis/follow-up.ts). */
export const FOLLOW_UP_KINDS = [
  "fit",
  "timing",
  "reflection",
  "part",
  "experience",
  "approach",
  "measure",
  "reasoning",
  "outcome",
  "people",
  "difficulty",
  "other",
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** The points of the rubric a reply to a follow-up is judged by (eval/follow-ups/README.md). */
export const FOLLOW_UP_CHECKS = ["answers", "direct", "specific", "owned", "blame-free", "length"] as const;
export type FollowUpCheckId = (typeof FOLLOW_UP_CHECKS)[number];

/** One point of the follow-up rubric, as the overall score reads it. */
export interface FollowUpCheck {
  id: FollowUpCheckId;
  met: boolean;
  /** What was found, or what is missing, in a few words. */
  note: string;
  evidence: Quote[];
}

export interface Analysis {
  /** Bumped only on breaking changes; new fields are additions. */
  schema: 1;
  competency?: Competency;
  role?: RoleId;
  labels: Labels;
  evidence: Record<LabelName, LabelEvidence>;
  timing: Timing;
  fixes: Fix[];
  sentences: AnalysisSentence[];
  star: {
    parts: Record<StarPart, StarPartSummary>;
    other: { words: number; share: number };
    imbalances: Finding[];
  };
  signals: Record<RiskSignal, SignalReport>;
  decisiveness: SignalReport;
  ownership: { label: Labels["ownership"]; i: number; we: number; evidence: Quote[] };
  impact: { quantified: boolean; figures: TermHit[]; vague: Array<TermHit & { ask: string }> };
  delivery: Delivery;
  roleFit?: RoleFit;
  concerns: ConcernHit[];
  overall: { score: Labels["overall"]; reasons: string[] };
  /**
   * Present when the question is not a story (about me, motivation, strengths and weaknesses,
   * ML concepts): the rubric the answer is judged by instead of STAR. Its STAR flags are mostly
   * false by design and say nothing is missing.
   */
  nonStory?: { checks: RubricCheck[] };
  /**
   * Present when the text replies to a follow-up (`followUp: true` with the follow-up as the
   * question): the rubric it is judged by instead of STAR, and what the follow-up asks for.
   */
  followUp?: { kind: FollowUpKind; checks: FollowUpCheck[] };
  /** Whether the answer answers the question asked (present when a question was given). */
  questionFit?: {
    offTopic: boolean;
    /** 0..1, how likely the answer replies to a different question. */
    probability: number;
    /** The competency the answer itself reads as. */
    answersLike: Competency;
  };
  /**
   * Present when the answer is written in another language than English (French, Spanish,
   * German, Portuguese, Italian or Dutch): the lens reads English only, so it does not judge
   * it — every boolean label is false, no signal is shown, overall is 1 with this as its reason.
   */
  language?: { code: string; name: string; note: string };
  warnings: string[];
}
