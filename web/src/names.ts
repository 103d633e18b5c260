/** How the app names the core's ids: roles and competencies, in the words a candidate uses. */
import { COMPETENCIES, type Competency, ROLE_IDS, type RoleId } from "../../src/core/model.ts";

export const ROLE_NAMES: Record<RoleId, string> = {
  "ml-engineer": "ML engineer",
  "data-scientist": "Data scientist",
  "software-engineer": "Software engineer",
  "mlops-engineer": "MLOps engineer",
  "research-scientist": "Research scientist",
};

export const ROLES: readonly RoleId[] = ROLE_IDS;

export const COMPETENCY_NAMES: Record<Competency, string> = {
  "about-me": "About me",
  motivation: "Motivation",
  "technical-challenge": "Technical challenge",
  "mistake-failure": "Mistake or failure",
  conflict: "Conflict",
  "leadership-influence": "Leadership and influence",
  ambiguity: "Ambiguity",
  "prioritization-deadline": "Prioritisation and deadlines",
  feedback: "Feedback",
  teamwork: "Teamwork",
  "customer-focus": "Customer focus",
  "learning-growth": "Learning and growth",
  "ownership-initiative": "Ownership and initiative",
  "strength-weakness": "Strengths and weaknesses",
  "ml-concept": "ML concepts",
  "ml-engineering": "ML engineering",
};

export const COMPETENCY_LIST: readonly Competency[] = COMPETENCIES;

export function isRoleId(value: string): value is RoleId {
  return (ROLE_IDS as readonly string[]).includes(value);
}

/** Splits "a, b; c" into ["a", "b", "c"], the way list fields are typed in a form. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
