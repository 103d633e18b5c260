/**
 * The label lists of the risk lens, defined once: the sentence tags of the corpus and the
 * tagger, the STAR+L parts and the competencies. Imported by the analyzer, `npm run train`,
 * `npm run eval` and the corpus scripts (scripts/corpus-lint.mjs, scripts/agreement.mjs).
 * No imports beyond the core model, so a plain Node script can load it through tsx.
 */
export { COMPETENCIES, type Competency, STAR_PARTS, type StarPart } from "../model.ts";

/**
 * The tags the sentence tagger predicts (eval/corpus/README.md): the STAR+L part(s) a sentence
 * carries and the evidence labels it supports. Each is also a boolean answer-level label.
 */
export const SENTENCE_TAGS = [
  "situation",
  "task",
  "action",
  "result",
  "lesson",
  "quantified",
  "blame",
  "ambiguity",
  "decisive",
  "autonomy",
  "systems",
] as const;
export type SentenceTag = (typeof SENTENCE_TAGS)[number];
