/**
 * The `-q, --question` value of the commands that read an answer against a question: held to
 * the API's limit (2,000 characters), so a whole answer pasted as the question is refused on
 * both surfaces, not read as the question on one.
 */
import { DeriskError } from "../app/errors.ts";

/** The longest question the CLI and the API take. */
export const MAX_QUESTION_CHARS = 2000;

/**
 * Commander's parser for `--question`: the value, or a TOO_LARGE error (exit 2) saying its length.
 * @example program.option("-q, --question <text>", "the interview question", questionText)
 */
export function questionText(value: string): string {
  if (value.length > MAX_QUESTION_CHARS)
    throw new DeriskError(
      "TOO_LARGE",
      `--question is ${value.length.toLocaleString("en-US")} characters, over ${MAX_QUESTION_CHARS.toLocaleString("en-US")}: give the question only.`,
    );
  return value;
}
