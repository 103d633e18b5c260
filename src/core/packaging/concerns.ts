import type { ConcernItem, RoleId } from "../model.ts";
import { CONCERNS, type ConcernDefinition } from "./data/concerns.ts";
import { answerSpans } from "./spoken.ts";
import { contentTokens, overlap, stripMarkup } from "./text.ts";

/** A concern the user wrote down themselves (a concern note of one of their documents). */
export type UserConcern = Pick<ConcernItem, "key" | "judgement" | "reframes"> & {
  /**
   * Written in another of the user's documents than the answer's: its reframes are offered when
   * the answer raises the concern by its own triggers, but it does not lower the bar to one
   * trigger. The fear was written about that document's story, not this one's.
   */
  elsewhere?: boolean;
};

export interface DetectConcernsOptions {
  role?: RoleId;
  /**
   * The user's own concern notes. Where one names the same judgement, its reframing lines are
   * offered, and one trigger is enough when the note is of the answer's own document: the user
   * already knows that story risks it.
   */
  userReframes?: readonly UserConcern[];
}

/** A concern the answer may raise, with the sentences that raise it. */
export interface DetectedConcern {
  id: string;
  judgement: string;
  triggers: Array<{ phrase: string; index: number; sentence: string }>;
  why: string;
  /** How to reframe, in general terms. */
  reframe: string;
  /** The user's own reframing lines, from their matching concern note. */
  reframes: string[];
  /** Key of that concern note. */
  userConcern?: string;
}

function matchesUserConcern(definition: ConcernDefinition, item: UserConcern): number {
  const judgement = item.judgement.toLowerCase();
  if (judgement.includes(definition.judgement) || definition.aliases.some((a) => judgement.includes(a)))
    return 1;
  return overlap(contentTokens(definition.judgement), contentTokens(item.judgement)).score;
}

/**
 * Finds the judgements an answer risks ("too academic", "too infrastructure-heavy for an
 * ML role", …), each with the quoted sentences that trigger it, why an interviewer worries,
 * and the user's own reframing lines when one of their concern notes names the same
 * judgement (a single trigger then raises it: the user has said they fear it).
 * @example detectConcerns("My PhD thesis proved a convergence theorem.", { role: "ml-engineer" })[0].id // "too-academic"
 */
export function detectConcerns(text: string, options: DetectConcernsOptions = {}): DetectedConcern[] {
  if (text.trim() === "") return [];
  const spans = answerSpans(text);
  const out: DetectedConcern[] = [];
  for (const definition of CONCERNS) {
    if (options.role !== undefined && definition.roles && !definition.roles.includes(options.role)) continue;
    if (definition.unless?.some((p) => p.test(text))) continue;
    let own: { item: UserConcern; score: number } | undefined;
    for (const item of options.userReframes ?? []) {
      const score = matchesUserConcern(definition, item);
      // The answer's own document's note first, on a tie.
      const better =
        own === undefined ||
        score > own.score ||
        (score === own.score && own.item.elsewhere === true && item.elsewhere !== true);
      if (score >= 0.5 && better) own = { item, score };
    }
    const triggers: DetectedConcern["triggers"] = [];
    let distinct = 0;
    for (const pattern of definition.triggers) {
      let fired = false;
      spans.forEach((span, index) => {
        const match = pattern.exec(span.text);
        if (!match) return;
        fired = true;
        triggers.push({ phrase: match[0], index, sentence: stripMarkup(span.text).trim() });
      });
      if (fired) distinct++;
    }
    if (distinct < (own !== undefined && own.item.elsewhere !== true ? 1 : definition.min)) continue;
    triggers.sort((a, b) => a.index - b.index);
    const concern: DetectedConcern = {
      id: definition.id,
      judgement: definition.judgement,
      triggers,
      why: definition.why,
      reframe: definition.reframe,
      reframes: [],
    };
    if (own) {
      concern.reframes = [...own.item.reframes];
      concern.userConcern = own.item.key;
    }
    out.push(concern);
  }
  return out;
}

export { type ConcernQuote, concernQuotes } from "./concern-quotes.ts";
