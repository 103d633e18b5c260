import { ROLE_PROFILES } from "../../analysis/data/roles.ts";
import { ROLE_IDS, type RoleId } from "../../model.ts";

// One vocabulary per role for the whole core: the analyzer's role profiles (sources noted in
// analysis/data/roles.ts). Packaging adds only the field a degree or project is judged against.

export interface RoleVocabulary {
  title: string;
  /** The field a degree or project is judged against ("Was your PhD related to ML?"). */
  field: string;
  core: readonly string[];
  adjacent: readonly string[];
}

const FIELDS: Readonly<Record<RoleId, string>> = {
  "ml-engineer": "ML",
  "data-scientist": "data science",
  "software-engineer": "software engineering",
  "mlops-engineer": "ML",
  "research-scientist": "ML research",
};

export const ROLE_VOCABULARY: Readonly<Record<RoleId, RoleVocabulary>> = Object.fromEntries(
  ROLE_IDS.map((id) => {
    const profile = ROLE_PROFILES[id];
    return [id, { title: profile.title, field: FIELDS[id], core: profile.core, adjacent: profile.adjacent }];
  }),
) as Record<RoleId, RoleVocabulary>;

// Other names people give the roles derisk has a vocabulary for, as typed after --role.
const ROLE_ALIASES: Readonly<Record<string, RoleId>> = {
  mle: "ml-engineer",
  "machine learning engineer": "ml-engineer",
  "ai engineer": "ml-engineer",
  "applied ml engineer": "ml-engineer",
  ds: "data-scientist",
  swe: "software-engineer",
  "software developer": "software-engineer",
  "backend engineer": "software-engineer",
  "machine learning operations engineer": "mlops-engineer",
  "ml platform engineer": "mlops-engineer",
  "ml research scientist": "research-scientist",
  "applied scientist": "research-scientist",
};

const spelled = (text: string) =>
  text
    .toLowerCase()
    .replace(/[-_\s]+/g, " ")
    .trim();

/**
 * The role a user names, by its id, its title or a common other name ("ML engineer", "MLE",
 * "data-scientist"); undefined for a role derisk has no vocabulary for ("product manager").
 * @example roleFromName("ML engineer") // "ml-engineer"
 * @example roleFromName("product manager") // undefined
 */
export function roleFromName(name: string): RoleId | undefined {
  const key = spelled(name);
  for (const id of ROLE_IDS) {
    if (spelled(id) === key || spelled(ROLE_VOCABULARY[id].title) === key) return id;
  }
  return ROLE_ALIASES[key];
}

/**
 * What derisk says to a role it has no vocabulary for, instead of a bare refusal: what a role
 * does in derisk, the roles it knows, and what works for any role.
 * @example noRoleVocabulary("product manager") // "derisk has no role vocabulary for “product manager” …"
 */
export function noRoleVocabulary(name: string, needsRole = false): string {
  const known = ROLE_IDS.map((id) => `${ROLE_VOCABULARY[id].title} (${id})`).join(", ");
  const without = needsRole
    ? "Re-angle trims by those lists, so it needs one of them; for a panel of another role, " +
      "derisk compose --story ID -q QUESTION (no --role) drafts from your story keeping what the question asks " +
      "about, and the risk lens, timing and follow-ups work the same for any role."
    : "Without a role, everything else works the same for any role: the risk lens, timing, STAR parts, " +
      "follow-ups, and compose keeping the sentences the question asks about (give it with -q).";
  return (
    `derisk has no role vocabulary for “${name.trim()}”: a role tells it which skills that role is hired for ` +
    `(core) and which pitch you as another role (adjacent), and it has those lists only for ${known}. ${without}`
  );
}
