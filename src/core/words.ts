/**
 * The one word count and speaking-time estimate of derisk: the answer card, the live lens,
 * the editor, compose and the variant comparison all show the same figure for the same text.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/**
 * Counts the words a speaker says: runs of letters or digits, with inner apostrophes, dots and
 * hyphens ("don't", "e.g.", "p99", "3.5", "re-run" are one word each). Markup and punctuation
 * are not words.
 * @example countWords("I cut p99 from 900 ms to 200 ms — don't ask how.") // 12
 */
export function countWords(text: string): number {
  // The same count without building the list of words: a word starts at a letter or digit
  // outside a word and runs on through letters, digits, apostrophes, dots and hyphens. Text
  // with other non-ASCII characters is counted by the pattern itself.
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      if (!inWord) count += 1;
      inWord = true;
    } else if (c === 39 || c === 46 || c === 45 || c === 0x2019) {
      // An apostrophe, dot or hyphen continues a word but does not start one.
    } else if (c < 128) {
      inWord = false;
    } else {
      return text.match(WORD)?.length ?? 0;
    }
  }
  return count;
}

/**
 * Seconds to say `wordCount` words at `wordsPerMinute`, rounded to the second.
 * @example speakingSeconds(300, 150) // 120
 */
export function speakingSeconds(wordCount: number, wordsPerMinute: number): number {
  return Math.round((wordCount / wordsPerMinute) * 60);
}

/**
 * A duration as the app says it: "45 s", "1 min", "2 min 30 s" (the web pages and the CLI alike).
 * @example formatDuration(150) // "2 min 30 s"
 */
export function formatDuration(seconds: number): string {
  const rounded = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${String(rest).padStart(2, "0")} s`;
}

// A STAR part label at the start of a line, as answerText writes it ("**Situation**: ") or as
// people type it ("Task:", "__Result:__ "): the lens reads it as a marker, not as words said.
const PART_LABEL =
  /^([ \t]*)(?:[*_]{2})?(?:situation|task|action|result|lesson)[ \t]*(?:[*_]{2})?[ \t]*[:：][ \t]*(?:[*_]{2})?[ \t]*/gimu;

/**
 * The text as it is said aloud: the STAR part labels at the start of its lines taken out, so the
 * editor's word count and speaking time agree with the risk lens beside it.
 * @example countWords(withoutPartLabels("**Situation**: We were slow.\n**Action**: I fixed it.")) // 6
 */
export function withoutPartLabels(text: string): string {
  return text.replace(PART_LABEL, "$1");
}
