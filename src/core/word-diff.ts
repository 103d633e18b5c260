import { countWords } from "./words.ts";

/*
 * A word-level comparison of two texts, for the History card and `derisk history`: which words
 * an earlier version had that the current text lacks, which the current text added, and a
 * one-line summary of both. Pure; the caller strips markup first.
 */

/** A run of the comparison: kept in both texts, only in the older one, or only in the newer. */
export interface DiffPart {
  kind: "same" | "removed" | "added";
  /** The words of the run with the spacing that followed each, as the text had it. */
  text: string;
}

/** Where the changes fall in the text. */
export type DiffPlace = "near the start" | "in the middle" | "near the end" | "throughout";

export interface WordDiff {
  parts: DiffPart[];
  /** Words the older text had that the newer lacks, and words the newer added. */
  removed: number;
  added: number;
  /** null when the texts are the same word for word. */
  place: DiffPlace | null;
  /**
   * True when the changed stretch was too long to compare word by word: `parts` shows it as one
   * removed and one added run, and the counts are the words each side has more of than the other.
   */
  coarse: boolean;
}

/**
 * Past this many cells (changed words of one text × of the other), the comparison gives up on
 * the word-by-word table: 4 million 16-bit cells is 8 MB and a few tens of milliseconds.
 */
export const MAX_DIFF_CELLS = 4_000_000;

interface Token {
  /** The word (or closing punctuation) as compared: case kept, the spacing after it not. */
  word: string;
  /** The word with the spacing that followed it, as shown. */
  text: string;
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  const leading = /^\s*/.exec(text)?.[0].length ?? 0;
  // A word, or a run of the punctuation that closes one: "weeks." is "weeks" and ".", so cutting
  // the words before a full stop removes those words, not the word it ended on.
  for (const match of text.slice(leading).matchAll(/([.,;:!?…"”)\]]+|[^\s.,;:!?…"”)\]]+)(\s*)/gu)) {
    found.push({ word: match[1] ?? "", text: match[0] });
  }
  return found;
}

/** For a kept word, `token` is the newer text's and `older` the older text's (its spacing may differ). */
type Op = { kind: DiffPart["kind"]; token: Token; older?: Token | undefined };

/** The longest common subsequence of two word lists, as a list of operations (older → newer). */
function lcsOps(older: Token[], newer: Token[]): Op[] {
  const n = older.length;
  const m = newer.length;
  // lengths[i * (m + 1) + j]: the LCS of older[i..] and newer[j..]. A common run is at most
  // min(n, m) ≤ 2,000 words under the cell limit, so 16 bits hold it.
  const width = m + 1;
  const lengths = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    const word = older[i]?.word;
    for (let j = m - 1; j >= 0; j -= 1) {
      const at = i * width + j;
      lengths[at] =
        word === newer[j]?.word
          ? (lengths[at + width + 1] ?? 0) + 1
          : Math.max(lengths[at + width] ?? 0, lengths[at + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const a = older[i] as Token;
    const b = newer[j] as Token;
    if (a.word === b.word) {
      ops.push({ kind: "same", token: b, older: a });
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      ops.push({ kind: "removed", token: a });
      i += 1;
    } else {
      ops.push({ kind: "added", token: b });
      j += 1;
    }
  }
  for (; i < n; i += 1) ops.push({ kind: "removed", token: older[i] as Token });
  for (; j < m; j += 1) ops.push({ kind: "added", token: newer[j] as Token });
  return ops;
}

/** Words one list has more of than the other, counted as a bag (order ignored). */
function bagSurplus(from: Token[], against: Token[]): string {
  const counts = new Map<string, number>();
  for (const token of against) counts.set(token.word, (counts.get(token.word) ?? 0) + 1);
  const surplus: string[] = [];
  for (const token of from) {
    const left = counts.get(token.word) ?? 0;
    if (left > 0) counts.set(token.word, left - 1);
    else surplus.push(token.word);
  }
  return surplus.join(" ");
}

function placeOf(first: number, last: number, length: number): DiffPlace {
  const start = first / length;
  const end = (last + 1) / length;
  // All in the second half, or all in the first: the end or the start.
  if (start >= 0.5) return "near the end";
  if (end <= 0.5) return "near the start";
  if (start >= 0.2 && end <= 0.8) return "in the middle";
  return "throughout";
}

/**
 * Compares two texts word by word: the common opening and ending are set aside first, so a
 * change in one place of a 10,000-word answer compares only the changed words; a changed
 * stretch over {@link MAX_DIFF_CELLS} is reported whole (`coarse`).
 * @example diffWords("We cut p99 to 200 ms.", "We cut p99 to 180 ms.").removed // 1
 */
export function diffWords(older: string, newer: string, maxCells = MAX_DIFF_CELLS): WordDiff {
  const a = tokens(older);
  const b = tokens(newer);
  let head = 0;
  while (head < a.length && head < b.length && a[head]?.word === b[head]?.word) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail]?.word === b[b.length - 1 - tail]?.word
  ) {
    tail += 1;
  }
  const aMiddle = a.slice(head, a.length - tail);
  const bMiddle = b.slice(head, b.length - tail);
  const coarse = aMiddle.length * bMiddle.length > maxCells;
  const middle: Op[] = coarse
    ? [
        ...aMiddle.map((token) => ({ kind: "removed" as const, token })),
        ...bMiddle.map((token) => ({ kind: "added" as const, token })),
      ]
    : lcsOps(aMiddle, bMiddle);
  const ops: Op[] = [
    ...b.slice(0, head).map((token, i) => ({ kind: "same" as const, token, older: a[i] })),
    ...middle,
    ...b.slice(b.length - tail).map((token, i) => ({
      kind: "same" as const,
      token,
      older: a[a.length - tail + i],
    })),
  ];

  const parts: DiffPart[] = [];
  let first = -1;
  let last = -1;
  ops.forEach((op, index) => {
    if (op.kind !== "same") {
      if (first < 0) first = index;
      last = index;
    }
    // Before removed words, a kept word keeps the older text's spacing: "it" + "in May" + "."
    // reads "it in May.", where the newer "it." has no space after "it".
    const text =
      op.kind === "same" && ops[index + 1]?.kind === "removed" ? (op.older ?? op.token).text : op.token.text;
    const previous = parts[parts.length - 1];
    if (previous?.kind === op.kind) previous.text += text;
    else parts.push({ kind: op.kind, text });
  });
  const wordsOf = (kind: DiffPart["kind"]): number =>
    parts.filter((part) => part.kind === kind).reduce((sum, part) => sum + countWords(part.text), 0);
  return {
    parts,
    removed: coarse ? countWords(bagSurplus(aMiddle, bMiddle)) : wordsOf("removed"),
    added: coarse ? countWords(bagSurplus(bMiddle, aMiddle)) : wordsOf("added"),
    place: first < 0 ? null : placeOf(first, last, ops.length),
    coarse,
  };
}

const words = (n: number): string => `${n} ${n === 1 ? "word" : "words"}`;

/**
 * One line for a diff, read as what happened to the older text to give the newer one.
 * @example diffSummary(diffWords("a b c d e", "a b c d f")) // "1 word removed, 1 added near the end"
 */
export function diffSummary(diff: WordDiff): string {
  if (diff.place === null) return "Same words as the current text";
  if (diff.removed === 0 && diff.added === 0) return `Only punctuation or spacing changed ${diff.place}`;
  const about = diff.coarse ? "about " : "";
  const counts =
    diff.removed > 0 && diff.added > 0
      ? `${about}${words(diff.removed)} removed, ${diff.added} added`
      : diff.removed > 0
        ? `${about}${words(diff.removed)} removed`
        : `${about}${words(diff.added)} added`;
  return `${counts.charAt(0).toUpperCase()}${counts.slice(1)} ${diff.place}`;
}

/**
 * The parts with long unchanged runs cut to `context` words either side of a change, the rest
 * shown as "…": a compact view of a long answer's few changes.
 */
export function compactParts(parts: DiffPart[], context = 8): DiffPart[] {
  return parts.map((part, index) => {
    if (part.kind !== "same") return part;
    const pieces = part.text.match(/\S+\s*/g) ?? [];
    const keepBefore = index === 0 ? 0 : context; // words after the previous change
    const keepAfter = index === parts.length - 1 ? 0 : context; // words before the next change
    if (pieces.length <= keepBefore + keepAfter + 1) return part;
    const lead = /^\s*/.exec(part.text)?.[0] ?? "";
    const before = pieces.slice(0, keepBefore).join("");
    const after = pieces.slice(pieces.length - keepAfter).join("");
    return { kind: "same", text: `${lead}${before}… ${after}` };
  });
}
