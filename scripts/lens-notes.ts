/**
 * Bullet-notes copies of training stories (`npm run train -- --notes-copies`, docs/lab/risk-lens-lab.md,
 * "Bullet-notes copies of the training stories"): a story written in full sentences rewritten as
 * terse notes, one "- " line per sentence, so that the tagger meets the register in which the
 * blind writers' task, ambiguity and autonomy are most often missed. Each line keeps its
 * sentence's tags; the answer keeps its labels.
 */

import { callsForStory } from "../src/core/analysis/classify.ts";
import type { CorpusRow } from "./lens-corpus.ts";

/** How a copy is written; drawn once per copy. */
export interface NotesStyle {
  /** Drop a line's leading article ("The owner asked" → "Owner asked"). */
  dropArticle: boolean;
  /** Keep each line's closing full stop. */
  keepStop: boolean;
}

const FILLER =
  /^(?:yes|so|basically|honestly|well|actually|anyway|essentially|obviously|of course|to be honest),?\s+/i;
const SEQUENCE = /^(then|first|next|finally|after that|afterwards),?\s+I(?:'ve)?\s+(?=[a-z])/i;
const SUBJECT = /^I(?:'ve)?\s+(?=[a-z])/;
const ARTICLE = /^(?:the|a|an)\s+(?=\S)/i;

/**
 * One sentence as a notes line (without the "- " marker): filler openings dropped, a leading
 * "I" / "I've" dropped so the line opens on the verb, optionally the leading article and the
 * closing full stop dropped, the first letter upper-cased.
 *
 * @example asNote("So, basically I rewrote the parser.", { dropArticle: false, keepStop: false }) // "Rewrote the parser"
 */
export function asNote(sentence: string, style: NotesStyle): string {
  let t = sentence.trim();
  for (let before = ""; before !== t; ) {
    before = t;
    t = t.replace(FILLER, "");
  }
  t = t.replace(SEQUENCE, (_, word: string) => `${word} `).replace(SUBJECT, "");
  if (style.dropArticle) t = t.replace(ARTICLE, "");
  if (!style.keepStop) t = t.replace(/\.$/, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Whether a training answer gets a notes copy: a story in full sentences, two or more. */
export function takesNotesCopy(row: CorpusRow): boolean {
  return (
    row.split === "train" &&
    callsForStory(row.competency) &&
    row.register !== "bullets" &&
    row.register !== "spoken" &&
    row.register !== "star-labelled" &&
    row.s.length >= 2
  );
}

/** The answer as notes: same sentences, tags and labels; id suffix "=", register `bullets`. */
export function notesCopy(row: CorpusRow, style: NotesStyle): CorpusRow {
  const s = row.s.map(([text, tags], i): [string, string] => [
    `${i > 0 ? "\n" : ""}- ${asNote(text, style)}`,
    tags,
  ]);
  return { ...row, id: `${row.id}=`, register: "bullets", s };
}

/**
 * Whether a story tells blame (its label, or the register written to teach subtle blame): with
 * `skipBlame`, such stories get no notes copy, so that a notes layout is not made evidence of
 * blame (the corpus's own notes answers hold none; docs/lab/risk-lens-lab.md, branch notes5).
 */
export const tellsBlame = (row: CorpusRow): boolean =>
  row.labels.blame === true || row.register === "blame-subtle";

/** A notes copy of each training story that takes one, each drawn with `random`. */
export function notesCopies(
  rows: readonly CorpusRow[],
  random: () => number,
  options: { skipBlame?: boolean } = {},
): CorpusRow[] {
  const out: CorpusRow[] = [];
  for (const row of rows) {
    // Drawn for every row, copied or not, so the styles of the other copies do not depend on
    // which rows are skipped.
    const dropArticle = random() < 0.5;
    const keepStop = random() < 0.5;
    if (takesNotesCopy(row) && !(options.skipBlame === true && tellsBlame(row))) {
      out.push(notesCopy(row, { dropArticle, keepStop }));
    }
  }
  return out;
}
