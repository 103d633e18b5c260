/** Steps of a time axis, in seconds: ten seconds to an hour, each a round clock reading. */
const STEPS = [10, 15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600];

/**
 * The y axis of "Time used vs budget": from 0 to a tick at or above the largest time or budget,
 * in at most five round steps, so the highest budget dot sits on or under the top tick.
 * @example timeAxis(150) // { top: 150, ticks: [0, 30, 60, 90, 120, 150] }
 */
export function timeAxis(max: number): { top: number; ticks: number[] } {
  const highest = Math.max(60, Number.isFinite(max) ? max : 0);
  const step = STEPS.find((s) => highest / s <= 5) ?? Math.ceil(highest / 5 / 3600) * 3600;
  const top = Math.ceil(highest / step) * step;
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}
