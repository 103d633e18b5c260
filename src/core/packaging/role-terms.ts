import { ROLE_IDS, type RoleId } from "../model.ts";
import { ROLE_VOCABULARY } from "./data/role-vocabulary.ts";
import { stripMarkup, termPattern } from "./text.ts";

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

/**
 * A role's name as it reads inside a sentence: each word lower-cased but an acronym (a word with
 * a capital after its first letter, "ML", "MLOps", "SRE", "QA"), which keeps its letters.
 * @example roleInSentence("Data Scientist") // "data scientist"; roleInSentence("ML Engineer") // "ML engineer"
 */
export function roleInSentence(name: string): string {
  return name.replace(/\p{L}+/gu, (word) => (/^.\p{Lu}/u.test(word) ? word : word.toLowerCase()));
}

/** The roles a re-angle starts on, and why when the target is not the document's own. */
export interface ReangleDefault {
  fromRole?: RoleId;
  toRole: RoleId;
  /** One line on why the target is not the role the document targets (or the written-for role is not). */
  note?: string;
}

/**
 * Where a re-angle starts: for the role the document targets, written for the role the answer
 * fits best (the most of the role's core words) — unless the answer already fits the document's
 * role best (ties included), when re-angling for it would trim nothing of worth: then it is
 * written for the document's role and re-angled for the best-fitting other role the document
 * or the bank names (their target roles; any role when they name no other), with a line why.
 * Without a document role: for an ML engineer, written for no role in particular.
 * `roleName` names a role for the note ("ML engineer"); the note lower-cases it but its acronyms.
 * @example defaultReangleRoles(mlopsAnswer, "ml-engineer", ["ml-engineer"], name) // { fromRole: "mlops-engineer", toRole: "ml-engineer", note: "…" }
 */
export function defaultReangleRoles(
  text: string,
  documentRole: RoleId | undefined,
  namedRoles: readonly (RoleId | undefined)[],
  roleName: (role: RoleId) => string = (role) => role,
): ReangleDefault {
  // Every role the note names sits inside a sentence: "reads as data scientist", "ML engineer".
  const names = (role: RoleId) => roleInSentence(roleName(role));
  const plain = stripMarkup(text);
  // How well the answer fits a role: how many of the role's core words it says (a share alone
  // calls one core word and no adjacent one a perfect fit).
  const fit = new Map(ROLE_IDS.map((role) => [role, findRoleTerms(plain, role).core.length]));
  const core = (role: RoleId) => fit.get(role) ?? 0;
  const better = (a: RoleId, b: RoleId) => core(a) > core(b);
  // The best fit: the document's role first on a tie, then the listed order.
  const order =
    documentRole === undefined
      ? [...ROLE_IDS]
      : [documentRole, ...ROLE_IDS.filter((r) => r !== documentRole)];
  const best = order.reduce((top, role) => (better(role, top) ? role : top));
  const bestOther = (from: RoleId): RoleId => {
    const named = [...new Set(namedRoles.filter((r): r is RoleId => r !== undefined && r !== from))];
    const pool = named.length > 0 ? named : ROLE_IDS.filter((r) => r !== from);
    return pool.reduce((top, role) => (better(role, top) ? role : top));
  };
  // No role known for the document: nothing to weigh against, ML engineer as before.
  if (documentRole === undefined) return { toRole: "ml-engineer" };
  const words = (role: RoleId) => `${core(role)} core word${core(role) === 1 ? "" : "s"}`;
  if (best === documentRole) {
    const toRole = bestOther(documentRole);
    const named = namedRoles.some((r) => r !== undefined && r !== documentRole);
    const tied = ROLE_IDS.some((r) => r !== documentRole && core(r) === core(documentRole));
    return {
      fromRole: documentRole,
      toRole,
      // "Best" only when no other role fits as well: a tie is said as one.
      note: `Written for ${names(documentRole)}, the role its document targets: this answer already fits it ${tied ? "as well as any other role" : "best"} (${words(documentRole)}). Suggested: re-angle it for ${names(toRole)}, the closest fit of the other roles${named ? " your documents name" : ""} (${words(toRole)}).`,
    };
  }
  return {
    fromRole: best,
    toRole: documentRole,
    note: `This answer reads as ${names(best)} (${words(best)}) more than ${names(documentRole)} (${words(documentRole)}), the role its document targets. Suggested: written for ${names(best)}, re-angle it for ${names(documentRole)}.`,
  };
}
