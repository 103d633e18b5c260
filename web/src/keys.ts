/**
 * React keys for lists of plain strings that may repeat (paragraphs, bullets, beats): the text plus
 * its occurrence count is stable across re-renders, unlike a bare array index.
 */
export function withKeys<T>(items: readonly T[], text: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = text(item);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { key: `${base}#${count}`, item };
  });
}
