import type { RoleId } from "../model.ts";
import { CONCERN_RULES } from "./data/concerns.ts";
import { CLICHES, FILLERS, HEDGES, PASSIVE_BLAME, TAILORING } from "./data/delivery.ts";
import {
  AMBIGUITY_CUES,
  BLAME_CUES,
  COMPLAINT_CUES,
  COMPLETION_CUES,
  DECISION_CUES,
  DEPENDENCE_CUES,
  EXCUSE_CUES,
  HAND_HOLDING_CUES,
  MECHANISM_CUES,
  METHOD_CUES,
  OWNERSHIP_CUES,
  PROBE_CUES,
  RECURRENCE_CUES,
  SETBACK_CUES,
  SPINNING_CUES,
  SYSTEMS_CUES,
  UNKNOWN_CUES,
} from "./data/signals.ts";
import { STAR_CUES } from "./data/star-cues.ts";
import { FIGURE_PATTERNS, SPELLED_NUMBER, VAGUE } from "./impact.ts";
import { Lexicon } from "./lexicon.ts";
import { patternsFor } from "./role-fit.ts";

// Every pattern the analysis scans for, merged into a few regular expressions (one per
// family, built once): a handful of passes over the answer instead of one per pattern.
const FAMILIES: ReadonlyArray<readonly RegExp[]> = [
  STAR_CUES.map((cue) => cue.pattern),
  [...AMBIGUITY_CUES, ...METHOD_CUES, ...SPINNING_CUES],
  [...BLAME_CUES, ...COMPLAINT_CUES, ...EXCUSE_CUES, SETBACK_CUES, ...OWNERSHIP_CUES],
  [...DECISION_CUES, ...DEPENDENCE_CUES, ...COMPLETION_CUES, ...HAND_HOLDING_CUES],
  SYSTEMS_CUES,
  [...MECHANISM_CUES, ...RECURRENCE_CUES, ...UNKNOWN_CUES, ...PROBE_CUES],
  [...FILLERS, ...HEDGES, ...CLICHES, ...VAGUE, TAILORING, PASSIVE_BLAME],
  [...FIGURE_PATTERNS, SPELLED_NUMBER],
  CONCERN_RULES.flatMap((rule) => rule.patterns),
];

const SHARED = FAMILIES.map((patterns) => new Lexicon(patterns));
const BY_ROLE = new Map<RoleId, Lexicon[]>();

/**
 * The merged lexicons for an analysis, with the role's vocabularies when a role is given.
 * @example lexiconsFor("ml-engineer").length // 9
 */
export function lexiconsFor(role: RoleId | undefined): readonly Lexicon[] {
  if (role === undefined) return SHARED;
  let lexicons = BY_ROLE.get(role);
  if (lexicons === undefined) {
    lexicons = [...SHARED, new Lexicon(Object.values(patternsFor(role)))];
    BY_ROLE.set(role, lexicons);
  }
  return lexicons;
}
