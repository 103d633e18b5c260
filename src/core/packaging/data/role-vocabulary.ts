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

// Words a title adds to a role without changing it ("Senior ML Engineer", "ML Engineer role").
const TITLE_EXTRAS = /\b(?:roles?|senior|sr|junior|jr|staff|lead|principal)\b\.?/g;

/**
 * The role a document's target role names, as its author titled it: the title whole, then
 * without seniority words and "role", then each name of a title with a slash ("Data/ML
 * Engineer": "Data", "ML Engineer"; "ML/Data Engineer": "ML Engineer", "Data Engineer");
 * undefined when none is a role derisk has a vocabulary for. One reading for the web app, the
 * what-next list, packaging and the prep sheet.
 * @example roleFromTarget("Data/ML Engineer") // "ml-engineer"
 * @example roleFromTarget("Senior ML Engineer role") // "ml-engineer"
 */
export function roleFromTarget(target: string | undefined): RoleId | undefined {
  if (target === undefined || target.trim() === "") return undefined;
  const plain = target
    .toLowerCase()
    .replace(TITLE_EXTRAS, " ")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ")
    .trim();
  const whole = roleFromName(target) ?? roleFromName(plain);
  if (whole !== undefined) return whole;
  for (const part of plain.split("/")) {
    const role = roleFromName(part);
    if (role !== undefined) return role;
  }
  // Alternatives sharing the words around them: "ML/Data Engineer" is "ML Engineer" or "Data Engineer".
  const words = plain.split(" ");
  const at = words.findIndex((word) => word.includes("/"));
  if (at < 0) return undefined;
  for (const alternative of (words[at] ?? "").split("/")) {
    const role = roleFromName([...words.slice(0, at), alternative, ...words.slice(at + 1)].join(" "));
    if (role !== undefined) return role;
  }
  return undefined;
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
