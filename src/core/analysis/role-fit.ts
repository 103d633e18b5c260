import type { RoleId } from "../model.ts";
import { ROLE_PROFILES } from "./data/roles.ts";
import { type Corpus, quoteText } from "./evidence.ts";
import type { Unit } from "./segment.ts";
import type { RoleFit, TermHit } from "./types.ts";

function escapeTerm(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function termPattern(terms: readonly string[]): RegExp {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(`(?<![\\w-])(${sorted.map(escapeTerm).join("|")})(?![\\w-])`, "g");
}

// Compiled once per role: the analyzer runs on every keystroke.
const PATTERNS = new Map<RoleId, { core: RegExp; adjacent: RegExp }>();

/**
 * The compiled core and adjacent vocabularies of a role.
 * @example patternsFor("ml-engineer").core.test("we retrained the model") // true
 */
export function patternsFor(role: RoleId): { core: RegExp; adjacent: RegExp } {
  let compiled = PATTERNS.get(role);
  if (compiled === undefined) {
    const profile = ROLE_PROFILES[role];
    const core = new Set(profile.core);
    compiled = {
      core: termPattern(profile.core),
      adjacent: termPattern(profile.adjacent.filter((t) => !core.has(t))),
    };
    PATTERNS.set(role, compiled);
  }
  return compiled;
}

// A term pattern's match is its term: the look-arounds around the terms match no characters.
function find(corpus: Corpus, pattern: RegExp): TermHit[] {
  return corpus
    .findAll(pattern)
    .map((m) => ({ term: m.text, index: m.unit.index, quote: quoteText(m.unit) }));
}

/**
 * How much of the answer speaks to the role's core skills versus adjacent ones.
 * @example assessRoleFit(corpus, units, "ml-engineer").mix // "adjacent-heavy" for an EKS/Istio/Helm story
 */
export function assessRoleFit(corpus: Corpus, units: readonly Unit[], role: RoleId): RoleFit {
  const profile = ROLE_PROFILES[role];
  const { core, adjacent } = patternsFor(role);
  const coreTerms = find(corpus, core);
  const adjacentTerms = find(corpus, adjacent);
  const total = coreTerms.length + adjacentTerms.length;
  const coreShare = total === 0 ? 0 : Math.round((coreTerms.length / total) * 100) / 100;
  const adjacentShare = total === 0 ? 0 : Math.round((1 - coreShare) * 100) / 100;
  const mix: RoleFit["mix"] =
    total === 0
      ? "none"
      : adjacentTerms.length >= 3 && adjacentShare >= 0.5
        ? "adjacent-heavy"
        : coreShare >= 0.7
          ? "core"
          : "balanced";
  // The same split by speaking time: each sentence counts for the side it names more.
  const perUnit = new Map<number, number>();
  for (const t of coreTerms) perUnit.set(t.index, (perUnit.get(t.index) ?? 0) + 1);
  for (const t of adjacentTerms) perUnit.set(t.index, (perUnit.get(t.index) ?? 0) - 1);
  let coreWords = 0;
  let adjacentWords = 0;
  let words = 0;
  for (const unit of units) {
    words += unit.words;
    const lean = perUnit.get(unit.index) ?? 0;
    if (lean > 0) coreWords += unit.words;
    else if (lean < 0) adjacentWords += unit.words;
  }
  const fit: RoleFit = {
    role,
    core: coreShare,
    adjacent: adjacentShare,
    time: {
      core: shareOf(coreWords, words),
      adjacent: shareOf(adjacentWords, words),
      neither: shareOf(words - coreWords - adjacentWords, words),
    },
    coreTerms,
    adjacentTerms,
    mix,
  };
  if (mix === "adjacent-heavy") {
    // Each skill as the answer writes it ("EKS", "Istio"), not as the matcher reads it ("eks").
    const named = new Map<string, string>();
    for (const t of adjacentTerms) if (!named.has(t.term)) named.set(t.term, asWritten(t, units));
    fit.suggestion = `For the ${profile.title} role, ${Math.round(adjacentShare * 100)}% of the skills named are adjacent (${[
      ...named.values(),
    ]
      .slice(0, 5)
      .join(", ")}): ${profile.reangle}.`;
  } else if (mix === "none") {
    fit.suggestion = `Name at least one ${profile.title} skill the story shows.`;
  }
  return fit;
}

/**
 * A term found in the lower-cased text as its sentence writes it, or the term itself when the
 * sentence does not hold it letter for letter.
 * @example asWritten({ term: "eks", index: 0, quote: "" }, [{ text: "We moved to EKS." }]) // "EKS"
 */
function asWritten(hit: TermHit, units: readonly Pick<Unit, "text">[]): string {
  const text = units[hit.index]?.text ?? "";
  const at = text.toLowerCase().indexOf(hit.term);
  const found = at < 0 ? "" : text.slice(at, at + hit.term.length);
  return found.toLowerCase() === hit.term ? found : hit.term;
}

/** `part` as a share of `words`, to two decimals (0 of none). */
function shareOf(part: number, words: number): number {
  return words === 0 ? 0 : Math.round((part / words) * 100) / 100;
}
