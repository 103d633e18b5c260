import { stripMarkup } from "./markup.ts";
import { countWords } from "./words.ts";

/*
 * A word-level comparison of two texts, for the History card and `derisk history`: which words
 * an earlier version had that the current text lacks, which the current text added, and a
 * one-line summary of both. Pure. `diffWords` compares texts as given (the caller strips markup);
 * `describeChange` takes the texts as written and says what the user did: ticked a to-do, moved
 * a sentence, changed only punctuation, layout or markup, or added and removed words.
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

/** Blocks of a token list: lines (level 0) or sentences (level 1), each the tokens it holds. */
function blocksOf(list: Token[], level: 0 | 1): Token[][] {
  const blocks: Token[][] = [];
  let current: Token[] = [];
  for (const token of list) {
    current.push(token);
    // A line ends at a line break after a token; a sentence at a full stop, question or
    // exclamation mark followed by a space ("3.5" and "e.g." inside a word do not end one).
    const ends =
      token.text.includes("\n") || (level === 1 && /[.!?…]/.test(token.word) && /\s$/.test(token.text));
    if (ends) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** A block as one token: its words joined (the key compared) and its text. */
function blockToken(block: Token[]): Token {
  return {
    word: block.map((token) => token.word).join("\u0001"),
    text: block.map((token) => token.text).join(""),
  };
}

/**
 * The shortest edit script by Myers' O((N+M)·D) method, for long lists with few changes; null
 * when more than `maxEdits` words would change.
 */
function myersOps(older: Token[], newer: Token[], maxEdits: number): Op[] | null {
  const n = older.length;
  const m = newer.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d]: the furthest x on each diagonal k ∈ [-d-1, d+1] before step d, kept to walk back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && older[x]?.word === newer[y]?.word) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return myersWalkBack(older, newer, trace, d);
    }
  }
  return null;
}

function myersWalkBack(older: Token[], newer: Token[], trace: Int32Array[], edits: number): Op[] {
  const reversed: Op[] = [];
  let x = older.length;
  let y = newer.length;
  for (let d = edits; d > 0; d -= 1) {
    const row = trace[d] as Int32Array;
    const at = (k: number): number => row[k + d + 1] ?? 0;
    const k = x - y;
    const fromK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const fromX = at(fromK);
    const fromY = fromX - fromK;
    const afterX = fromK === k + 1 ? fromX : fromX + 1;
    while (x > afterX) {
      x -= 1;
      y -= 1;
      reversed.push({ kind: "same", token: newer[y] as Token, older: older[x] });
    }
    if (fromK === k + 1) reversed.push({ kind: "added", token: newer[fromY] as Token });
    else reversed.push({ kind: "removed", token: older[fromX] as Token });
    x = fromX;
    y = fromY;
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    reversed.push({ kind: "same", token: newer[y] as Token, older: older[x] });
  }
  return reversed.reverse();
}

/** A comparison of two token lists, and the stretches too long to compare that it reports whole. */
interface Compared {
  ops: Op[];
  coarse: Array<[Token[], Token[]]>;
}

/**
 * Compares two token lists: the common opening and ending set aside, a short middle word by
 * word (LCS table), a long one by lines, then sentences, then words inside the changed blocks;
 * a long block with few changes by Myers' method; only a long block with many changes and no
 * lines or sentences to split it by is reported whole.
 */
function compareTokens(a: Token[], b: Token[], maxCells: number, level: 0 | 1 | 2): Compared {
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
  const opening: Op[] = b.slice(0, head).map((token, i) => ({ kind: "same", token, older: a[i] }));
  const ending: Op[] = b.slice(b.length - tail).map((token, i) => ({
    kind: "same",
    token,
    older: a[a.length - tail + i],
  }));
  const around = (middle: Compared): Compared => ({
    ops: [...opening, ...middle.ops, ...ending],
    coarse: middle.coarse,
  });
  const whole = (): Op[] => [
    ...aMiddle.map((token): Op => ({ kind: "removed", token })),
    ...bMiddle.map((token): Op => ({ kind: "added", token })),
  ];
  if (aMiddle.length * bMiddle.length <= maxCells)
    return around({ ops: lcsOps(aMiddle, bMiddle), coarse: [] });
  // No word in common: the whole middle is removed and added, exactly.
  const olderWords = new Set(aMiddle.map((token) => token.word));
  if (!bMiddle.some((token) => olderWords.has(token.word))) return around({ ops: whole(), coarse: [] });
  for (let at = level; at < 2; at += 1) {
    const aBlocks = blocksOf(aMiddle, at as 0 | 1);
    const bBlocks = blocksOf(bMiddle, at as 0 | 1);
    if (aBlocks.length < 2 && bBlocks.length < 2) continue;
    const blockOps = compareTokens(aBlocks.map(blockToken), bBlocks.map(blockToken), maxCells, 2);
    if (blockOps.coarse.length > 0) continue;
    return around(expandBlocks(blockOps.ops, aBlocks, bBlocks, maxCells, (at + 1) as 1 | 2));
  }
  // One long block: Myers' method while the changes are few (time ∝ length × changes).
  const edits = myersOps(
    aMiddle,
    bMiddle,
    Math.max(64, Math.floor(maxCells / (aMiddle.length + bMiddle.length))),
  );
  if (edits !== null) return around({ ops: edits, coarse: [] });
  return around({ ops: whole(), coarse: [[aMiddle, bMiddle]] });
}

/** Block operations back to word operations: kept blocks kept, each changed run compared word by word. */
function expandBlocks(
  blockOps: Op[],
  aBlocks: Token[][],
  bBlocks: Token[][],
  maxCells: number,
  level: 1 | 2,
): Compared {
  const ops: Op[] = [];
  const coarse: Compared["coarse"] = [];
  let i = 0;
  let j = 0;
  let removed: Token[] = [];
  let added: Token[] = [];
  const flush = (): void => {
    if (removed.length === 0 && added.length === 0) return;
    const inner = compareTokens(removed, added, maxCells, level);
    ops.push(...inner.ops);
    coarse.push(...inner.coarse);
    removed = [];
    added = [];
  };
  for (const op of blockOps) {
    if (op.kind === "removed") {
      removed = removed.concat(aBlocks[i] ?? []);
      i += 1;
    } else if (op.kind === "added") {
      added = added.concat(bBlocks[j] ?? []);
      j += 1;
    } else {
      flush();
      const olderBlock = aBlocks[i] ?? [];
      (bBlocks[j] ?? []).forEach((token, index) => {
        ops.push({ kind: "same", token, older: olderBlock[index] });
      });
      i += 1;
      j += 1;
    }
  }
  flush();
  return { ops, coarse };
}

/**
 * Compares two texts word by word: the common opening and ending are set aside first, so a
 * change in one place of a 10,000-word answer compares only the changed words; a long changed
 * stretch is compared by lines, then sentences, then the words inside the changed ones, so a
 * large document's counts stay exact. Only a stretch with no line or sentence breaks and too
 * many changes for {@link MAX_DIFF_CELLS} is reported whole (`coarse`).
 * @example diffWords("We cut p99 to 200 ms.", "We cut p99 to 180 ms.").removed // 1
 */
export function diffWords(older: string, newer: string, maxCells = MAX_DIFF_CELLS): WordDiff {
  return diffTokens(tokens(older), tokens(newer), maxCells);
}

function diffTokens(older: Token[], newer: Token[], maxCells: number): WordDiff {
  const compared = compareTokens(older, newer, maxCells, 0);
  const ops = compared.ops;

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
  // A stretch reported whole counts the words each side has more of than the other.
  const join = (list: Token[]): string => list.map((token) => token.text).join("");
  const overCount = (side: 0 | 1): number =>
    compared.coarse.reduce(
      (sum, pair) =>
        sum + countWords(join(pair[side])) - countWords(bagSurplus(pair[side], pair[side === 0 ? 1 : 0])),
      0,
    );
  return {
    parts,
    removed: wordsOf("removed") - overCount(0),
    added: wordsOf("added") - overCount(1),
    place: first < 0 ? null : placeOf(first, last, ops.length),
    coarse: compared.coarse.length > 0,
  };
}

const words = (n: number): string => `${n} ${n === 1 ? "word" : "words"}`;

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

// A to-do's box at the start of a line, after a list marker or not (a to-do item is kept as
// "[ ] Write it" lines): "- [ ] Write it", "1. [x] Done", "[x] Done".
const TODO_BOX = /^([ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?)\[([ xX])\][ \t]?/gm;

/** The to-dos of a text: each one's words (markup stripped) and whether it is ticked. */
function todos(text: string): Array<{ words: string; ticked: boolean }> {
  const found: Array<{ words: string; ticked: boolean }> = [];
  for (const line of text.split("\n")) {
    const match = new RegExp(TODO_BOX.source).exec(line);
    if (match === null) continue;
    found.push({
      words: stripMarkup(line.slice(match[0].length)).trim(),
      ticked: match[2] !== " ",
    });
  }
  return found;
}

/** A short quote of a user's words: whole words, "…" past `max` characters. */
function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return `'${flat}'`;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `'${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/u, "")}…'`;
}

/** "'a'", "'a' and 'b'", or "3 to-dos" past two. */
function listed(items: string[], noun: string): string {
  if (items.length > 2) return `${items.length} ${noun}`;
  return items.map((item) => quote(item)).join(" and ");
}

/** Marked spans of each kind of inline markup, and how adding or removing the mark reads. */
const MARKS: Array<{ pattern: RegExp; added: string; removed: string }> = [
  { pattern: /(\*\*|__)(?=\S)([^\n]*?\S)\1/g, added: "made % bold", removed: "took the bold off %" },
  { pattern: /~~(?=\S)([^\n]*?\S)~~/g, added: "struck through %", removed: "took the strike-through off %" },
  { pattern: /`([^`\n]+)`/g, added: "marked % as code", removed: "took the code marks off %" },
  { pattern: /!?\[([^\]\n]*)\]\([^)\s]+[^)]*\)/g, added: "linked %", removed: "took the link off %" },
  {
    pattern: /^[ \t]*#{1,6}[ \t]+([^\n]*)$/gm,
    added: "made % a heading",
    removed: "made % plain text, not a heading",
  },
  { pattern: /^[ \t]*>[ \t]?([^\n]*)$/gm, added: "made % a quote", removed: "took the quote mark off %" },
  {
    pattern: /(?<![\p{L}\p{N}*_])([*_])(?=[^\s*_])([^*_\n]*?[^\s*_])\1(?![\p{L}\p{N}*_])/gu,
    added: "made % italic",
    removed: "took the italics off %",
  },
];

/** What the markup change between two texts with the same words did: "made 'p99' bold". */
function markupChanges(older: string, newer: string): string[] {
  const said: string[] = [];
  let olderRest = older;
  let newerRest = newer;
  for (const mark of MARKS) {
    const spans = (text: string): string[] =>
      [...text.matchAll(mark.pattern)].map((match) => stripMarkup(match[match.length - 1] ?? "").trim());
    const before = spans(olderRest);
    const after = spans(newerRest);
    const left = [...before];
    for (const span of after) {
      const at = left.indexOf(span);
      if (at >= 0) left.splice(at, 1);
      else said.push(mark.added.replace("%", quote(span)));
    }
    const gone = [...after];
    for (const span of before) {
      const at = gone.indexOf(span);
      if (at >= 0) gone.splice(at, 1);
      else said.push(mark.removed.replace("%", quote(span)));
    }
    // Bold read first, so "**a**" is not also read as two italics.
    olderRest = olderRest.replace(mark.pattern, " ");
    newerRest = newerRest.replace(mark.pattern, " ");
  }
  return said;
}

/** Punctuation marks (tokens with no word in them) one list of parts has, for a short mention. */
function marksOf(parts: DiffPart[], kind: DiffPart["kind"]): string[] {
  return parts
    .filter((part) => part.kind === kind)
    .flatMap((part) => part.text.trim().split(/\s+/))
    .filter((mark) => mark !== "");
}

export interface ChangeSummary {
  /** The word comparison of the two texts, markup and to-do boxes set aside. */
  diff: WordDiff;
  /** One line: what happened to the older text to give the newer one. */
  summary: string;
  /** True when the two texts are the same as written. */
  same: boolean;
}

/**
 * What the user did to the older text to give the newer one, in one line, for the History card
 * and `derisk history`: to-dos ticked or unticked by name, sentences or paragraphs moved, then
 * words removed and added; or, when the words are the same, punctuation, layout or markup only.
 * Takes the texts as written (with Markdown).
 * @example describeChange("- [ ] Write it", "- [x] Write it").summary // "Ticked 'Write it'"
 */
export function describeChange(older: string, newer: string, maxCells = MAX_DIFF_CELLS): ChangeSummary {
  const unboxed = (text: string): string => text.replace(TODO_BOX, "$1");
  const olderTokens = tokens(stripMarkup(unboxed(older)));
  const newerTokens = tokens(stripMarkup(unboxed(newer)));
  const diff = diffTokens(olderTokens, newerTokens, maxCells);
  if (older === newer) return { diff, summary: "Same words as the current text", same: true };
  const said: string[] = [];

  // To-dos ticked or unticked: matched by their words, so a tick next to other edits is named too.
  const before = new Map<string, boolean[]>();
  for (const todo of todos(older)) before.set(todo.words, [...(before.get(todo.words) ?? []), todo.ticked]);
  const ticked: string[] = [];
  const unticked: string[] = [];
  for (const todo of todos(newer)) {
    const was = before.get(todo.words)?.shift();
    if (was === false && todo.ticked) ticked.push(todo.words);
    if (was === true && !todo.ticked) unticked.push(todo.words);
  }
  if (ticked.length > 0) said.push(`ticked ${listed(ticked, "to-dos")}`);
  if (unticked.length > 0) said.push(`unticked ${listed(unticked, "to-dos")}`);

  // Paragraphs, then sentences, that stand elsewhere in the newer text: told as moves, and left
  // out of the word counts below.
  let olderRest = olderTokens;
  let newerRest = newerTokens;
  const moves: Move[] = [];
  for (const level of diff.place === null ? [] : ([0, 1] as const)) {
    const found = findMoves(olderRest, newerRest, level, maxCells);
    moves.push(...found.moves);
    olderRest = found.older;
    newerRest = found.newer;
  }
  if (moves.length > 2) said.push(`moved ${moves.length} sentences or paragraphs`);
  else {
    for (const move of moves) {
      said.push(`moved ${move.what} further ${move.later ? "down" : "up"}: ${quote(move.text)}`);
    }
  }
  const counted = moves.length === 0 ? diff : diffTokens(olderRest, newerRest, maxCells);
  const rest = counted.parts;
  const { removed, added, place } = counted;
  const changed = rest.some((part) => part.kind !== "same");
  const about = counted.coarse ? "about " : "";
  if (removed > 0 || added > 0) {
    const counts =
      removed > 0 && added > 0
        ? `${about}${words(removed)} removed, ${added} added`
        : removed > 0
          ? `${about}${words(removed)} removed`
          : `${about}${words(added)} added`;
    said.push(place === null ? counts : `${counts} ${place}`);
  } else if (changed) {
    const gone = marksOf(rest, "removed");
    const came = marksOf(rest, "added");
    const which = [
      gone.length > 0 && gone.length <= 3 ? `${gone.map((mark) => `"${mark}"`).join(" ")} removed` : "",
      came.length > 0 && came.length <= 3 ? `${came.map((mark) => `"${mark}"`).join(" ")} added` : "",
    ].filter((text) => text !== "");
    said.push(
      `punctuation only${which.length > 0 ? ` (${which.join(", ")})` : ""}${place === null ? "" : ` ${place}`}`,
    );
  }

  if (said.length === 0) {
    // The same words and marks: the change is in the layout (line breaks, spacing) or the markup.
    const flat = (text: string): string => text.replace(/\s+/g, " ").trim();
    if (flat(unboxed(older)) === flat(unboxed(newer))) said.push("layout only (line breaks or spacing)");
    else {
      const marks = markupChanges(unboxed(older), unboxed(newer));
      said.push(
        marks.length === 0
          ? "markup only (formatting marks changed)"
          : `markup only: ${marks.slice(0, 2).join(", ")}${marks.length > 2 ? ` and ${marks.length - 2} more` : ""}`,
      );
    }
  }
  const summary = said.join("; ");
  return { diff, summary: `${summary.charAt(0).toUpperCase()}${summary.slice(1)}`, same: false };
}

/** A paragraph or sentence found at another place in the newer text. */
interface Move {
  what: "a paragraph" | "a sentence";
  text: string;
  /** True when it now stands further down than the text kept around it. */
  later: boolean;
}

/**
 * Paragraphs (level 0) or sentences (level 1) of three words or more that both texts have, but
 * in another order: the ones the longest common order leaves out moved. Returns the moves and
 * both token lists without the moved blocks.
 */
function findMoves(
  older: Token[],
  newer: Token[],
  level: 0 | 1,
  maxCells: number,
): { moves: Move[]; older: Token[]; newer: Token[] } {
  const none = { moves: [], older, newer };
  const aBlocks = blocksOf(older, level);
  const bBlocks = blocksOf(newer, level);
  const aTokens = aBlocks.map(blockToken);
  const bTokens = bBlocks.map(blockToken);
  const inA = new Set(aTokens.map((block) => block.word));
  const inB = new Set(bTokens.map((block) => block.word));
  const sharedOf = (blocks: Token[], other: Set<string>): Array<Token & { at: number }> =>
    blocks
      .map((block, at) => ({ ...block, at }))
      .filter((block) => other.has(block.word) && countWords(block.text) >= 3);
  const aShared = sharedOf(aTokens, inB);
  const bShared = sharedOf(bTokens, inA);
  // The shared blocks in the same order: nothing moved (the common case, and no table to fill).
  if (aShared.length === bShared.length && aShared.every((block, i) => block.word === bShared[i]?.word))
    return none;
  if (aShared.length * bShared.length > maxCells) return none;
  const ops = lcsOps(aShared, bShared);
  // Where each block the common order leaves out stands in the newer text, by its words.
  const addedAt = new Map<string, number[]>();
  ops.forEach((op, index) => {
    if (op.kind === "added") addedAt.set(op.token.word, [...(addedAt.get(op.token.word) ?? []), index]);
  });
  const moves: Move[] = [];
  const dropA = new Set<number>();
  const dropB = new Set<number>();
  ops.forEach((op, index) => {
    const to = op.kind === "removed" ? addedAt.get(op.token.word)?.shift() : undefined;
    if (to === undefined) return;
    dropA.add((op.token as Token & { at: number }).at);
    dropB.add(((ops[to] as Op).token as Token & { at: number }).at);
    moves.push({ what: level === 0 ? "a paragraph" : "a sentence", text: op.token.text, later: to > index });
  });
  if (moves.length === 0) return none;
  return {
    moves,
    older: aBlocks.filter((_, at) => !dropA.has(at)).flat(),
    newer: bBlocks.filter((_, at) => !dropB.has(at)).flat(),
  };
}
