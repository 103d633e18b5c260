import { type RefObject, useEffect } from "react";

/**
 * Marks a sideways-scrolling row with where more of it is hidden (`data-overflow="end"`,
 * `"start"`, `"both"`), so CSS can fade that edge, and scrolls its current entry
 * (`[aria-current]`) into view. Without it a phone shows a tab cut at "Reflectio…" and no
 * sign that the row scrolls.
 * @example const ref = useRef<HTMLElement>(null); useScrollEdges(ref, view);
 */
export function useScrollEdges(ref: RefObject<HTMLElement | null>, current: unknown): void {
  useEffect(() => {
    const row = ref.current;
    if (!row) return;
    const mark = (): void => {
      const start = row.scrollLeft > 1;
      const end = row.scrollLeft + row.clientWidth < row.scrollWidth - 1;
      const overflow = start && end ? "both" : start ? "start" : end ? "end" : "none";
      if (row.dataset.overflow !== overflow) row.dataset.overflow = overflow;
    };
    mark();
    row.addEventListener("scroll", mark, { passive: true });
    const observer = new ResizeObserver(mark);
    observer.observe(row);
    return () => {
      row.removeEventListener("scroll", mark);
      observer.disconnect();
    };
  }, [ref]);

  // `current` is a dependency on purpose: the row follows the entry the user moved to.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    const row = ref.current;
    const active = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !active) return;
    // scrollLeft, not scrollIntoView: the page must not scroll, nor the Tab order move.
    const left = active.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft) row.scrollLeft = left - 24;
    else if (left + active.offsetWidth > row.scrollLeft + row.clientWidth)
      row.scrollLeft = left + active.offsetWidth - row.clientWidth + 24;
  }, [ref, current]);
}
