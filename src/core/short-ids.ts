/** How many characters of an id a listing shows when that many tell its rows apart. */
export const SHORT_ID_LENGTH = 8;

/** Row ids are UUIDs; anything else (a built-in question's `bank:…`, a key) is shown whole. */
const shortenable = (id: string): boolean => /^[0-9a-f-]+$/.test(id);

/**
 * The ids of one listing cut short: `length` characters each, more where two of them would
 * otherwise read the same (like git's abbreviated hashes). Ids that are not UUIDs stay whole.
 * @example const short = shortIds(["3f2a0b9e-1", "3f2a0b9e-2", "77c1d0aa-3"]); short("3f2a0b9e-1") // "3f2a0b9e-1"
 */
export function shortIds(ids: readonly string[], length = SHORT_ID_LENGTH): (id: string) => string {
  const sorted = [...new Set(ids)].filter(shortenable).sort();
  const shown = new Map<string, string>();
  sorted.forEach((id, i) => {
    const shared = Math.max(commonPrefix(id, sorted[i - 1]), commonPrefix(id, sorted[i + 1]));
    shown.set(id, id.slice(0, Math.max(length, shared + 1)));
  });
  return (id) => shown.get(id) ?? (shortenable(id) ? id.slice(0, length) : id);
}

/**
 * One id on its own, cut short.
 * @example shortId("3f2a0b9e-5c1d-4e0f-9a7b-2c3d4e5f6a7b") // "3f2a0b9e"
 */
export const shortId = (id: string): string => shortIds([id])(id);

function commonPrefix(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
