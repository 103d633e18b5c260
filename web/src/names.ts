/** How the app names the core's ids: roles and competencies, in the words a candidate uses. */
import {
  COMPETENCIES,
  COMPETENCY_NAMES,
  type Competency,
  ROLE_IDS,
  type RoleId,
} from "../../src/core/model.ts";

export const ROLE_NAMES: Record<RoleId, string> = {
  "ml-engineer": "ML engineer",
  "data-scientist": "Data scientist",
  "software-engineer": "Software engineer",
  "mlops-engineer": "MLOps engineer",
  "research-scientist": "Research scientist",
};

export const ROLES: readonly RoleId[] = ROLE_IDS;

export { COMPETENCY_NAMES };

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

/**
 * What a document is called in a list to pick from: its title, and when another document has
 * the same title, the file it came from (and, for the same file too, the day it was imported),
 * so two "Prep" in one menu can be told apart.
 * @example documentLabels([{ id: "a", title: "Prep", filename: "prep.txt" }, { id: "b", title: "Prep", filename: "notes.md" }]).get("b") // "Prep (notes.md)"
 */
export function documentLabels(
  documents: readonly { id: string; title: string; filename?: string | null; createdAt?: string }[],
): Map<string, string> {
  const count = (key: (d: (typeof documents)[number]) => string, value: string) =>
    documents.filter((d) => key(d) === value).length;
  const byTitle = (d: (typeof documents)[number]) => d.title.trim().toLowerCase();
  const byFile = (d: (typeof documents)[number]) => `${byTitle(d)}\u0000${d.filename ?? ""}`;
  return new Map(
    documents.map((doc) => {
      if (count(byTitle, byTitle(doc)) < 2) return [doc.id, doc.title];
      const parts = [doc.filename ?? ""].filter((part) => part !== "");
      if ((parts.length === 0 || count(byFile, byFile(doc)) > 1) && doc.createdAt !== undefined) {
        parts.push(`imported ${new Date(doc.createdAt).toLocaleString()}`);
      }
      return [doc.id, parts.length === 0 ? doc.title : `${doc.title} (${parts.join(", ")})`];
    }),
  );
}
