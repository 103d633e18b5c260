import { isTranscript, splitTranscript } from "../analysis/lens/read.ts";
import { LENS_MODEL } from "../analysis/lens/weights.ts";
import { tokenize } from "../analysis/nlp.ts";
import { type Span, splitSentences } from "./text.ts";

// Cheap first look before any tokenizing: at least 25 words and fewer than one mark per 40. A
// comma counts: one long written sentence ("When I joined…, so I…, and after that…") is the
// writer's own unit, not a transcript to cut, and the lens's cuts would split its phrases.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const STOP = /[.!?…,;:]|\n/g;

/**
 * An answer's sentences as verbatim spans. A spoken answer (speech recognition gives no full
 * stops) is cut where the risk lens's boundary model cuts it, so that a follow-up or a concern
 * quotes a sentence the candidate said, not the whole answer; written text goes through
 * `splitSentences`.
 * @example answerSpans("so i joined the team … and that is when i …").length // several
 */
export function answerSpans(text: string): Span[] {
  const words = text.match(WORD)?.length ?? 0;
  const stops = text.match(STOP)?.length ?? 0;
  if (words < 25 || words <= 40 * stops) return splitSentences(text);
  const doc = tokenize(text);
  if (!isTranscript(doc)) return splitSentences(text);
  const spans: Span[] = [];
  for (const sentence of splitTranscript(doc, LENS_MODEL)) {
    const first = doc.tokens[sentence.first];
    const last = doc.tokens[sentence.last];
    if (first === undefined || last === undefined) continue;
    let start = first.start;
    let end = last.start + last.text.length;
    while (start < end && /\s/.test(text[start] ?? "")) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end -= 1;
    if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end)))
      spans.push({ text: text.slice(start, end), start, end });
  }
  return spans.length > 0 ? spans : splitSentences(text);
}
