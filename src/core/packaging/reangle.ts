import { DeriskError } from "../errors.ts";
import type { RoleId } from "../model.ts";
import { ROLE_VOCABULARY } from "./data/role-vocabulary.ts";
import { coreShare, findRoleTerms } from "./role-terms.ts";
import { contentTokens, splitSentences, termPattern } from "./text.ts";

export interface ReangleOptions {
  fromRole?: RoleId;
  toRole: RoleId;
  question?: string;
}

/** What happened to one sentence of the original answer. */
export interface ReangleDiffEntry {
  /** Position in the original answer. */
  from: number;
  /** Position in the re-angled answer; absent when trimmed. */
  to?: number;
  status: "kept" | "moved" | "trimmed";
  text: string;
  /** The sentence as it now reads, when a tool list inside it was shortened. */
  compressed?: string;
  reason: string;
}

export interface Reangled {
  text: string;
  /** The re-angled sentences in their new order. */
  sentences: string[];
  diff: ReangleDiffEntry[];
  /** Share of the role vocabulary that is core, before and after (0..1). */
  coreShare: { before: number; after: number };
}

type Kind = "context" | "core" | "neutral" | "adjacent" | "result" | "lesson";

const RESULT_CUE =
  /\b(?:as a result|in the end|result(?:ed)?|outcome|reduced|improved|increased|cut|saved|dropped|fell|rose|grew|doubled|halved|\d+\s?%)\b/i;
const LESSON_CUE =
  /\b(?:i learned|i learnt|lesson|taught me|since then|next time|in hindsight|looking back)\b/i;

// A run of three or more comma-separated items ("EKS, Istio, Helm and FluxCD").
// An item is one or two words; a word may hold "/+#.-" inside but not end with a period.
const WORD = String.raw`[\p{L}\p{N}/+#.-]*[\p{L}\p{N}+#]`;
const ITEM = String.raw`${WORD}(?: (?!(?:and|or)\b)${WORD})?`;
const LIST_RUN = new RegExp(String.raw`((?:${ITEM},\s+){2,}${ITEM}(?:,?\s+(?:and|or)\s+${ITEM})?)`, "u");

/**
 * Shortens a list of adjacent tools to its first two items, keeping the user's words:
 * "on EKS, Istio, Helm and FluxCD" → "on EKS and Istio". Lists that are mostly core
 * vocabulary are left alone.
 */
function compressToolList(sentence: string, adjacent: RegExp): string | undefined {
  const match = LIST_RUN.exec(sentence);
  if (!match?.[1]) return undefined;
  const items = match[1]
    .split(/,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/)
    .map((i) => i.trim())
    .filter(Boolean);
  const adjacentItems = items.filter((i) => new RegExp(adjacent.source, "iu").test(i.toLowerCase()));
  if (items.length < 3 || adjacentItems.length * 2 < items.length) return undefined;
  const kept = `${items[0]} and ${items[1]}`;
  return sentence.slice(0, match.index) + kept + sentence.slice(match.index + match[1].length);
}

/**
 * Re-angles an answer for another role: sentences that speak to the new role's core lead,
 * adjacent-only sentences are trimmed to the one that says how it shipped, tool lists are
 * shortened; the result and the lesson close. Every sentence stays the user's own.
 * @example const out = reangle(devopsStory, { fromRole: "mlops-engineer", toRole: "ml-engineer" });
 * out.coreShare.after > out.coreShare.before // true for an infrastructure-heavy story
 */
export function reangle(text: string, options: ReangleOptions): Reangled {
  if (text.trim() === "") {
    throw new DeriskError("BAD_INPUT", "The answer is empty: paste the answer to re-angle.");
  }
  const spans = splitSentences(text);
  const questionTokens = new Set(contentTokens(options.question ?? ""));
  const vocabulary = ROLE_VOCABULARY[options.toRole];
  const adjacentPattern = termPattern([
    ...vocabulary.adjacent,
    ...(options.fromRole ? ROLE_VOCABULARY[options.fromRole].core : []),
  ]);

  const sentences = spans.map((span, from) => {
    const terms = findRoleTerms(span.text, options.toRole, options.fromRole);
    const asked = contentTokens(span.text).some((t) => questionTokens.has(t));
    let kind: Kind;
    if (LESSON_CUE.test(span.text)) kind = "lesson";
    else if (from > 0 && RESULT_CUE.test(span.text) && from >= spans.length / 2) kind = "result";
    else if (terms.core.length > terms.adjacent.length) kind = "core";
    else if (terms.adjacent.length > 0 && !asked)
      kind = from === 0 && terms.core.length > 0 ? "context" : "adjacent";
    else kind = from === 0 ? "context" : "neutral";
    return { from, text: span.text, kind, core: terms.core.length, adjacent: terms.adjacent.length };
  });

  // Keep one adjacent sentence, the one that says most about the role's core: the platform
  // is how the work reached production, told in a line.
  const adjacent = sentences.filter((s) => s.kind === "adjacent");
  const keepAdjacent = [...adjacent].sort(
    (a, b) => b.core - a.core || a.adjacent - b.adjacent || a.from - b.from,
  )[0];
  const order: Kind[] = ["context", "core", "neutral", "adjacent", "result", "lesson"];
  const kept = sentences
    .filter((s) => s.kind !== "adjacent" || s === keepAdjacent)
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.from - b.from);

  const diff: ReangleDiffEntry[] = sentences.map((s) => {
    const to = kept.indexOf(s);
    if (to < 0) {
      return {
        from: s.from,
        status: "trimmed",
        text: s.text,
        reason: `speaks to adjacent skills only (${s.adjacent} term${s.adjacent === 1 ? "" : "s"}) for a ${vocabulary.title} role`,
      };
    }
    const entry: ReangleDiffEntry = {
      from: s.from,
      to,
      status: to === s.from ? "kept" : "moved",
      text: s.text,
      reason:
        s.kind === "core"
          ? `speaks to the ${vocabulary.title} core (${s.core} term${s.core === 1 ? "" : "s"})`
          : s.kind === "adjacent"
            ? "kept as the one line on how it reached production"
            : s.kind === "result" || s.kind === "lesson"
              ? `the ${s.kind} closes the answer`
              : "context",
    };
    if (s.kind === "adjacent" || s.kind === "neutral" || s.kind === "context") {
      const compressed = compressToolList(s.text, adjacentPattern);
      if (compressed !== undefined) {
        entry.compressed = compressed;
        entry.reason += "; tool list shortened";
      }
    }
    return entry;
  });

  const byTo = diff.filter((d) => d.to !== undefined).sort((a, b) => (a.to ?? 0) - (b.to ?? 0));
  const out = byTo.map((d) => d.compressed ?? d.text);
  const result = out.join(" ");
  return {
    text: result,
    sentences: out,
    diff,
    coreShare: {
      before: coreShare(text, options.toRole, options.fromRole),
      after: coreShare(result, options.toRole, options.fromRole),
    },
  };
}
