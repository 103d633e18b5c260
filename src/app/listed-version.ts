import { DeriskError, type ErrorHint } from "../core/errors.ts";

/** A row of a history list (an answer's or a journal entry's), as far as picking one needs. */
export interface ListedVersion {
  id: string;
  /** The number the list shows ("version 2"); null for a file's text a re-import kept aside. */
  version: number | null;
  current: boolean;
}

/** "1, 2, 4" with runs folded: "1–3, 5". */
function numbersOf(versions: readonly number[]): string {
  const sorted = [...new Set(versions)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    runs.push(j === i ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/**
 * The id of the history entry a user names by its number in the history list ("version 2"),
 * or `ref` itself when it is not a whole number (an entry id). A number the list does not show
 * as an earlier version (none, the current text, or two rows of an old history) is USAGE, with
 * the numbers it does show.
 * @example listedVersionId(versions, "2", { what: "answer q2/core", hint }) // "9c1e…" (the row shown as version 2)
 */
export function listedVersionId(
  versions: readonly ListedVersion[],
  ref: string,
  where: { what: string; hint: ErrorHint },
): string {
  if (!/^\d+$/.test(ref)) return ref;
  const n = Number(ref);
  const earlier = versions.filter((v) => !v.current && v.version !== null);
  const matches = earlier.filter((v) => v.version === n);
  const [only, second] = matches;
  if (only !== undefined && second === undefined) return only.id;
  if (second !== undefined)
    throw new DeriskError(
      "USAGE",
      `Version ${n} stands more than once in the history of ${where.what}: restore one by its id (${matches.map((v) => v.id).join(", ")})`,
      { hint: where.hint },
    );
  const shown = numbersOf(earlier.flatMap((v) => (v.version === null ? [] : [v.version])));
  const choice =
    shown === "" ? "it holds no earlier version to restore" : `its earlier versions are ${shown}`;
  const what = versions.some((v) => v.current && v.version === n)
    ? `Version ${n} is the current text of ${where.what}, so there is nothing to restore: ${choice}`
    : `No version ${n} in the history of ${where.what}: ${choice}`;
  throw new DeriskError("USAGE", what, { hint: where.hint });
}
