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
