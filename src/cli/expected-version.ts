import { DeriskError } from "../app/errors.ts";

/**
 * `--expected-version N` as a number: whole digits only ("2x", "1.5", "abc" and "" are
 * refused as usage errors naming what was typed), or undefined when the option is absent.
 * @example parseExpectedVersion("3", "derisk show --json") // 3
 */
export function parseExpectedVersion(value: string | undefined, shownBy: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < 1)
    throw new DeriskError(
      "USAGE",
      `--expected-version takes a version number (1, 2, …), not "${value}": use the version ${shownBy} shows.`,
    );
  return Number(value);
}
