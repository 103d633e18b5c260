/**
 * What a text typed into derisk would lose on the way back, for the message that refuses it:
 * every document is re-read after a save, and a line whose formatting the reader turns into
 * something else ("**Situation:**" into "Situation:", "<b>x</b>" into "x", "# …" into a
 * heading) would not come back as typed. Names the first such line and what it becomes.
 * @example readBackProblem("**Situation:** It failed.", "Situation: It failed.") // "the line “**Situation:** It failed.” would read back as “Situation: It failed.”"
 */
export function readBackProblem(typed: string, readBack: string | undefined): string {
  const lines = (text: string) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
  const mine = lines(typed);
  const back = readBack === undefined ? [] : lines(readBack);
  const kept = new Set(back);
  const index = mine.findIndex((line) => !kept.has(line));
  const line = mine[index];
  if (line === undefined) return "";
  // The line read back in its place: the same position when no line was added or dropped.
  const became = back.length === mine.length ? back[index] : undefined;
  return became === undefined || became === ""
    ? `the line “${short(line)}” would not read back as typed`
    : `the line “${short(line)}” would read back as “${short(became)}”`;
}

const short = (line: string): string => (line.length > 90 ? `${line.slice(0, 89)}…` : line);

/** The refusal, with the line named when one is found. */
export function readBackMessage(what: string, problem: string): string {
  return problem === ""
    ? `${what} (derisk re-reads every document it saves): simplify its formatting and try again.`
    : `${what} (derisk re-reads every document it saves): ${problem}. Write it without that formatting (Markdown marks such as ** or #, HTML tags) and try again.`;
}
