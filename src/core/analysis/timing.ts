import type { Competency } from "../model.ts";
import { CLICHES, COMMON_ACRONYMS, FILLERS, HEDGES, PASSIVE_BLAME, TOOL_NAMES } from "./data/delivery.ts";
import { type Corpus, quoteOf, quoteText } from "./evidence.ts";
import { hasFigure } from "./impact.ts";
import type { Token } from "./nlp.ts";
import { firstPersonAction, type Unit } from "./segment.ts";
import type { AnalyzeOptions, Delivery, TermHit, Timing } from "./types.ts";

/** Default speaking rate, words per minute. */
export const DEFAULT_WPM = 150;

// Budgets in seconds, from common coaching advice: an opener of 1.5–2.5 minutes, a STAR
// story of 1.5–2 minutes, a follow-up answered in under 45 seconds.
const STORY_BUDGET = { min: 90, max: 120 };
const BUDGETS: Partial<Record<Competency, { min: number; max: number }>> = {
  "about-me": { min: 90, max: 150 },
  motivation: { min: 45, max: 90 },
  "strength-weakness": { min: 45, max: 90 },
  "ml-concept": { min: 45, max: 120 },
  "ml-engineering": { min: 60, max: 150 },
};
const FOLLOW_UP_BUDGET = { min: 20, max: 45 };

/**
 * The time window an answer should fit: explicit option, else follow-up, else by competency.
 * @example budgetFor("about-me", {}) // { min: 90, max: 150 }
 */
export function budgetFor(
  competency: Competency | undefined,
  options: Pick<AnalyzeOptions, "budgetSeconds" | "followUp">,
): { min: number; max: number } {
  const given = options.budgetSeconds;
  if (typeof given === "number") return { min: Math.round(given * 0.6), max: Math.round(given) };
  if (given !== undefined) return { min: Math.round(given.min), max: Math.round(given.max) };
  if (options.followUp === true) return FOLLOW_UP_BUDGET;
  return (competency === undefined ? undefined : BUDGETS[competency]) ?? STORY_BUDGET;
}

/**
 * Words, estimated speaking time and where it lands against the budget.
 * @example measureTiming(units, 150, { min: 90, max: 120 }).seconds // 96 for 240 words
 */
export function measureTiming(
  units: readonly Unit[],
  wordsPerMinute: number,
  budget: { min: number; max: number },
): Timing {
  const words = units.reduce((sum, u) => sum + u.words, 0);
  const seconds = Math.round((words / wordsPerMinute) * 60);
  const status = seconds < budget.min ? "short" : seconds > budget.max ? "long" : "within";
  return { words, seconds, wordsPerMinute, budget, status };
}

function hits(corpus: Corpus, patterns: readonly RegExp[]): TermHit[] {
  const out: Array<TermHit & { at: number }> = [];
  for (const pattern of patterns) {
    for (const m of corpus.findAll(pattern)) {
      const term = m.text.replace(/^[,\s]+|[,\s]+$/g, "");
      out.push({ term, index: m.unit.index, quote: quoteText(m.unit), at: out.length });
    }
  }
  return out.sort((a, b) => a.index - b.index || a.at - b.at).map(({ at: _at, ...hit }) => hit);
}

const ACRONYM = /^[A-Z][A-Za-z0-9&/+-]*[A-Z][A-Za-z0-9&/+-]*$/;

function acronymsIn(tokens: readonly Token[], unit: Unit): string[] {
  const found: string[] = [];
  for (let i = unit.first; i < unit.last; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    const text = token.text;
    // `lower` is the token's text lower-cased.
    if (TOOL_NAMES.has(token.lower)) {
      found.push(text);
      continue;
    }
    if (text.length < 2 || text.length > 12) continue;
    // An acronym opens on a capital: most tokens stop here without a pattern test.
    const first = text.charCodeAt(0);
    if (first < 65 || first > 90 || !ACRONYM.test(text)) continue;
    // Acronyms and camel-cased jargon ("EKS", "OAuth2", "FluxCD") are mostly capitals;
    // names like "McKinsey" are not.
    const capitals = text.replace(/[^A-Z]/g, "").length;
    if (capitals * 3 < text.replace(/[^A-Za-z]/g, "").length) continue;
    if (COMMON_ACRONYMS.has(text.toUpperCase())) continue;
    found.push(text);
  }
  return found;
}

/**
 * Delivery: fillers, hedges, clichés with nothing behind them, acronym runs, blame-shifting
 * passives.
 * @example measureDelivery(units, tokens, corpus).fillers[0]?.term // "um"
 */
export function measureDelivery(units: readonly Unit[], tokens: readonly Token[], corpus: Corpus): Delivery {
  const words = Math.max(
    1,
    units.reduce((sum, u) => sum + u.words, 0),
  );
  // A cliché is fine when the same sentence backs it with a figure or something done.
  const cliches = hits(corpus, CLICHES).filter((hit) => {
    const unit = units[hit.index];
    return unit !== undefined && !hasFigure(unit) && !firstPersonAction(tokens, unit);
  });
  let count = 0;
  const runs: Delivery["acronyms"]["runs"] = [];
  for (const unit of units) {
    const found = acronymsIn(tokens, unit);
    count += found.length;
    if (found.length >= 4 || (found.length >= 3 && found.length * 5 >= unit.words)) {
      runs.push({ ...quoteOf(unit), acronyms: found });
    }
  }
  return {
    fillers: hits(corpus, FILLERS),
    hedges: hits(corpus, HEDGES),
    cliches,
    acronyms: { count, density: Math.round((count / words) * 1000) / 10, runs },
    // The pattern is literal words and spaces, so a sentence that matches has a match in its
    // part of the joined sentences (scanned with the lexicons): only those are tested.
    passiveBlame: corpus
      .unitsMatching([PASSIVE_BLAME])
      .filter((u) => PASSIVE_BLAME.test(u.norm))
      .map(quoteOf),
  };
}
