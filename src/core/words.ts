/**
 * The one word count and speaking-time estimate of derisk: the answer card, the live lens,
 * the editor, compose and the variant comparison all show the same figure for the same text.
 */

/**
 * Counts the words a speaker says: runs of letters or digits, with inner apostrophes, dots and
 * hyphens ("don't", "e.g.", "p99", "3.5", "re-run" are one word each). Markup and punctuation
 * are not words.
 * @example countWords("I cut p99 from 900 ms to 200 ms — don't ask how.") // 11
 */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
}

/**
 * Seconds to say `wordCount` words at `wordsPerMinute`, rounded to the second.
 * @example speakingSeconds(300, 150) // 120
 */
export function speakingSeconds(wordCount: number, wordsPerMinute: number): number {
  return Math.round((wordCount / wordsPerMinute) * 60);
}
