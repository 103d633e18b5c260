import type { RoleId } from "../model.ts";
import { ROLE_VOCABULARY } from "./data/role-vocabulary.ts";
import { termPattern } from "./text.ts";

/** The role words a text uses: core (what the role is hired for) and adjacent. */
export interface RoleTerms {
  core: string[];
  adjacent: string[];
}

interface Compiled {
  core: RegExp;
  adjacent: RegExp;
}

// Compiled once per (role, fromRole): packaging scores every sentence of every story.
const COMPILED = new Map<string, Compiled>();

function compiled(role: RoleId, fromRole?: RoleId): Compiled {
  const key = `${role}<${fromRole ?? ""}`;
  let found = COMPILED.get(key);
  if (found === undefined) {
    const vocabulary = ROLE_VOCABULARY[role];
    const core = new Set(vocabulary.core);
    // What the old role was hired for and the new one is not reads as adjacent now.
    const fromCore = fromRole ? ROLE_VOCABULARY[fromRole].core : [];
    const adjacent = [...vocabulary.adjacent, ...fromCore].filter((t) => !core.has(t));
    found = {
      core: termPattern(vocabulary.core),
      adjacent: termPattern(adjacent.length > 0 ? adjacent : ["\u0000"]),
    };
    COMPILED.set(key, found);
  }
  return found;
}

/**
 * Finds the role's core and adjacent terms in a text (each occurrence, lower-cased).
 * @example findRoleTerms("I trained the model on EKS", "ml-engineer") // { core: ["trained", "model"], adjacent: ["eks"] }
 */
export function findRoleTerms(text: string, role: RoleId, fromRole?: RoleId): RoleTerms {
  const { core, adjacent } = compiled(role, fromRole);
  const lower = text.toLowerCase();
  return {
    core: [...lower.matchAll(core)].map((m) => m[1] ?? m[0]),
    adjacent: [...lower.matchAll(adjacent)].map((m) => m[1] ?? m[0]),
  };
}

/**
 * Share of role vocabulary that is core (0..1; 0 when no role word appears).
 * @example coreShare("I trained the model on EKS", "ml-engineer") // 0.67
 */
export function coreShare(text: string, role: RoleId, fromRole?: RoleId): number {
  const terms = findRoleTerms(text, role, fromRole);
  const total = terms.core.length + terms.adjacent.length;
  return total === 0 ? 0 : Math.round((terms.core.length / total) * 100) / 100;
}
