import type { RoleId } from "../model.ts";
import { CONCERN_RULES } from "./data/concerns.ts";
import { quoteOf } from "./evidence.ts";
import type { Unit } from "./segment.ts";
import type { ConcernHit } from "./types.ts";

// Global copies, compiled once: each rule counts every occurrence, not just the first.
const COMPILED = CONCERN_RULES.map((rule) => ({
  rule,
  patterns: rule.patterns.map((pattern) => new RegExp(pattern.source, "g")),
}));

/**
 * Concerns the answer may raise ("too academic", "lone wolf"…), each with the sentences
 * that trigger it. Rules tied to roles apply only when that role is the target.
 * @example detectConcerns(units, "ml-engineer").map((c) => c.id) // ["infra-heavy"]
 */
export function detectConcerns(units: readonly Unit[], role: RoleId | undefined): ConcernHit[] {
  const out: ConcernHit[] = [];
  for (const { rule, patterns } of COMPILED) {
    if (rule.roles !== undefined && (role === undefined || !rule.roles.includes(role))) continue;
    let triggers = 0;
    const evidence: Unit[] = [];
    for (const unit of units) {
      let matched = false;
      for (const pattern of patterns) {
        const count = [...unit.norm.matchAll(pattern)].length;
        triggers += count;
        if (count > 0) matched = true;
      }
      if (matched) evidence.push(unit);
    }
    if (triggers >= rule.min) {
      out.push({
        id: rule.id,
        judgement: rule.judgement,
        evidence: evidence.slice(0, 3).map(quoteOf),
        reframe: rule.reframe,
      });
    }
  }
  return out;
}
