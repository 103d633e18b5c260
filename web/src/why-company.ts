/**
 * The line under the tailor page's "Why <company>, and why now" scaffold, counting its blanks in
 * words a person would write ("the blank", "the 3 blanks"), and not asking to fill what is full.
 * @example scaffoldHint(1) // "… Fill the blank in your words."
 */
export function scaffoldHint(blanks: number): string {
  const lead = "A scaffold from the posting’s own words and your strongest evidence.";
  if (blanks <= 0) return `${lead} Read it aloud and make it sound like you.`;
  return `${lead} Fill ${blanks === 1 ? "the blank" : `the ${blanks} blanks`} in your words.`;
}
