import type { RoleId } from "../model.ts";
import { CONCERN_RULES } from "./data/concerns.ts";
import type { Corpus } from "./evidence.ts";
import { quoteOf } from "./evidence.ts";
import type { ConcernHit } from "./types.ts";

/**
 * Concerns the answer may raise ("too academic", "lone wolf"…), each with the sentences
 * that trigger it. Rules tied to roles apply only when that role is the target.
 * @example detectConcerns(corpus, "ml-engineer").map((c) => c.id) // ["infra-heavy"]
 */
export function detectConcerns(corpus: Corpus, role: RoleId | undefined): ConcernHit[] {
  const out: ConcernHit[] = [];
  for (const rule of CONCERN_RULES) {
    if (rule.roles !== undefined && (role === undefined || !rule.roles.includes(role))) continue;
    const matches = rule.patterns.flatMap((pattern) => corpus.findAll(pattern));
    if (matches.length < rule.min) continue;
    const evidence = [...new Map(matches.map((m) => [m.unit.index, m.unit] as const)).entries()]
      .sort((a, b) => a[0] - b[0])
      .slice(0, 3)
      .map(([, unit]) => quoteOf(unit));
    out.push({ id: rule.id, judgement: rule.judgement, evidence, reframe: rule.reframe });
  }
  return out;
}
