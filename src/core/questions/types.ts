/**
 * The built-in question banks: technical questions with key points and an answer outline for
 * the drill, behavioral questions with what the interviewer is really checking. Written by us.
 */
import type { RiskSignal } from "../analysis/types.ts";
import type { Competency } from "../model.ts";

/** The two tags a technical question carries (they are also its competency). */
export const TECHNICAL_TAGS = ["ml-concept", "ml-engineering"] as const;
export type TechnicalTag = (typeof TECHNICAL_TAGS)[number];

/** The categories of the technical bank. */
export const TECHNICAL_CATEGORIES = [
  "ML foundations",
  "Deep learning & LLMs",
  "ML engineering & deployment",
  "ML system design",
] as const;
export type TechnicalCategory = (typeof TECHNICAL_CATEGORIES)[number];

export interface TechnicalBankQuestion {
  /** Stable id: survives rewording, so a user's card keeps pointing at the same question. */
  key: string;
  text: string;
  competency: TechnicalTag;
  category: TechnicalCategory;
  /** 3–6 ideas a strong answer names; the drill checks them by concept. */
  keyPoints: readonly string[];
  /** How a strong answer runs, in two to four sentences. */
  outline: string;
}

export interface BehavioralBankQuestion {
  key: string;
  text: string;
  competency: Exclude<Competency, TechnicalTag> | TechnicalTag;
  /** Which of the five risks the interviewer is weighing with this question. */
  checks: readonly RiskSignal[];
  /** What the interviewer is really listening for, in one sentence. */
  listeningFor: string;
}
