/**
 * Per-writer sample weights for scripts/train.ts (issue 10, branch `dro34`,
 * docs/lab/risk-lens-lab.md "dro34"): a writer is the first two characters of an answer's id
 * (`ta-…`, `tl-…`; an augmented copy keeps its original's id, so it counts for its writer).
 *
 * - `writerBalance`: every writer's answers weigh the same in total, so that the writers with
 *   many answers do not set the conventions alone; the weights are scaled so that their mean over
 *   all answers stays 1.
 * - `groupRobust`: each writer's weight multiplied by exp(eta · loss), the writer's mean loss
 *   measured on answers the model had not read, and scaled again to a mean of 1 (one step of
 *   group distributionally robust training).
 */

/** The writer of an answer id: its first two characters. */
export const writerOf = (id: string): string => id.slice(0, 2);

/** How many of the ids each writer has. */
export function writerCounts(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(writerOf(id), (counts.get(writerOf(id)) ?? 0) + 1);
  return counts;
}

/**
 * Writer → weight of each of its answers, with `power` 1 (the default) each writer's total the
 * same, with `power` p between 0 and 1 each answer weighing ∝ count^−p (0: all 1); the mean over
 * the ids is 1.
 */
export function writerBalance(ids: readonly string[], power = 1): Map<string, number> {
  const counts = writerCounts(ids);
  const raw = new Map<string, number>([...counts].map(([w, n]) => [w, n ** -power] as const));
  return meanOne(raw, counts);
}

/**
 * One group-robust step: writer → `base` weight (1 when absent) × exp(eta · loss), losses
 * shifted by their smallest so that the largest factor stays finite; the mean over the answers
 * (`counts`) is 1. A writer without a loss keeps its base weight's share.
 */
export function groupRobust(
  base: ReadonlyMap<string, number>,
  losses: ReadonlyMap<string, number>,
  eta: number,
  counts: ReadonlyMap<string, number>,
): Map<string, number> {
  const least = Math.min(...losses.values());
  const raw = new Map<string, number>();
  for (const w of counts.keys()) {
    const loss = losses.get(w);
    raw.set(w, (base.get(w) ?? 1) * (loss === undefined ? 1 : Math.exp(eta * (loss - least))));
  }
  return meanOne(raw, counts);
}

function meanOne(raw: ReadonlyMap<string, number>, counts: ReadonlyMap<string, number>): Map<string, number> {
  let total = 0;
  let n = 0;
  for (const [w, c] of counts) {
    total += (raw.get(w) ?? 1) * c;
    n += c;
  }
  const scale = total > 0 ? n / total : 1;
  return new Map([...counts.keys()].map((w) => [w, (raw.get(w) ?? 1) * scale] as const));
}

/** Mean binary log-loss of probabilities against 0/1 targets (probabilities clipped at 1e-6). */
export function logLoss(pairs: ReadonlyArray<readonly [number, number]>): number {
  if (pairs.length === 0) return 0;
  let sum = 0;
  for (const [p, y] of pairs) {
    const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    sum -= y === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return sum / pairs.length;
}

/**
 * A writer's loss beyond what its own tag rates alone would cost: per column, the mean log-loss
 * less the entropy of the column's share of 1s among its pairs (a writer who tags more sentences
 * pays more log-loss even when read as well), averaged over the columns.
 */
export function excessLoss(columns: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): number {
  const kept = columns.filter((c) => c.length > 0);
  if (kept.length === 0) return 0;
  let sum = 0;
  for (const column of kept) {
    const share = column.reduce((s, [, y]) => s + y, 0) / column.length;
    sum += logLoss(column) - logLoss([[share, 1]]) * share - logLoss([[share, 0]]) * (1 - share);
  }
  return sum / kept.length;
}
