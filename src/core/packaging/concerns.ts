import type { ConcernItem, RoleId } from "../model.ts";
import { CONCERNS, type ConcernDefinition } from "./data/concerns.ts";
import { contentTokens, overlap, splitSentences } from "./text.ts";

export interface DetectConcernsOptions {
  role?: RoleId;
  /** The user's own concern notes; their reframing lines are offered where one matches. */
  userReframes?: readonly ConcernItem[];
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

function matchesUserConcern(definition: ConcernDefinition, item: ConcernItem): number {
  const judgement = item.judgement.toLowerCase();
  if (judgement.includes(definition.judgement) || definition.aliases.some((a) => judgement.includes(a)))
    return 1;
  return overlap(contentTokens(definition.judgement), contentTokens(item.judgement)).score;
}

/**
 * Finds the judgements an answer risks ("too academic", "too infrastructure-heavy for an
 * ML role", …), each with the quoted sentences that trigger it, why an interviewer worries,
 * and the user's own reframing lines when one of their concern notes matches.
 * @example detectConcerns("My PhD thesis proved a convergence theorem.", { role: "ml-engineer" })[0].id // "too-academic"
 */
export function detectConcerns(text: string, options: DetectConcernsOptions = {}): DetectedConcern[] {
  if (text.trim() === "") return [];
  const spans = splitSentences(text);
  const out: DetectedConcern[] = [];
  for (const definition of CONCERNS) {
    if (options.role !== undefined && definition.roles && !definition.roles.includes(options.role)) continue;
    if (definition.unless?.some((p) => p.test(text))) continue;
    const triggers: DetectedConcern["triggers"] = [];
    let distinct = 0;
    for (const pattern of definition.triggers) {
      let fired = false;
      spans.forEach((span, index) => {
        const match = pattern.exec(span.text);
        if (!match) return;
        fired = true;
        triggers.push({ phrase: match[0], index, sentence: span.text });
      });
      if (fired) distinct++;
    }
    if (distinct < definition.min) continue;
    triggers.sort((a, b) => a.index - b.index);
    const concern: DetectedConcern = {
      id: definition.id,
      judgement: definition.judgement,
      triggers,
      why: definition.why,
      reframe: definition.reframe,
      reframes: [],
    };
    let best: { item: ConcernItem; score: number } | undefined;
    for (const item of options.userReframes ?? []) {
      const score = matchesUserConcern(definition, item);
      if (score >= 0.5 && (best === undefined || score > best.score)) best = { item, score };
    }
    if (best) {
      concern.reframes = [...best.item.reframes];
      concern.userConcern = best.item.key;
    }
    out.push(concern);
  }
  return out;
}
