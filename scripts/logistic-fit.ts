/**
 * The pair scorer's logistic regression, shared by scripts/match-train.ts (the committed weight
 * sets) and scripts/match-use.ts (the sentence-encoder experiment): features standardised by their
 * mean and spread over the rows, the two classes weighted to count equally, hard negatives
 * weighted `hardWeight`, full-batch gradient descent with an L2 penalty. Deterministic: no
 * randomness, a fixed number of steps.
 */

export interface FitRow {
  x: readonly number[];
  y: 0 | 1;
  kind: string;
}

export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export function fitStandardisedLogistic(
  rows: readonly FitRow[],
  {
    hardWeight,
    l2,
    dimensions = (rows[0] as FitRow).x.length,
    rate = 0.5,
    steps = 3000,
  }: { hardWeight: number; l2: number; dimensions?: number; rate?: number; steps?: number },
): LogisticFit {
  const n = dimensions;
  const mean = new Array<number>(n).fill(0);
  const scale = new Array<number>(n).fill(0);
  for (const r of rows)
    for (let i = 0; i < n; i++) mean[i] = (mean[i] as number) + (r.x[i] as number) / rows.length;
  for (const r of rows)
    for (let i = 0; i < n; i++)
      scale[i] = (scale[i] as number) + ((r.x[i] as number) - (mean[i] as number)) ** 2 / rows.length;
  for (let i = 0; i < n; i++) scale[i] = Math.sqrt(scale[i] as number) || 1;
  const xs = rows.map((r) => r.x.map((v, i) => (v - (mean[i] as number)) / (scale[i] as number)));
  const positives = rows.filter((r) => r.y === 1).length;
  const weightOf = (y: number) =>
    y === 1 ? rows.length / (2 * positives) : rows.length / (2 * (rows.length - positives));
  const w = new Array<number>(n).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    xs.forEach((x, k) => {
      const row = rows[k] as FitRow;
      let z = b;
      for (let i = 0; i < n; i++) z += (w[i] as number) * (x[i] as number);
      const err =
        (1 / (1 + Math.exp(-z)) - row.y) * weightOf(row.y) * (row.kind === "hard-negative" ? hardWeight : 1);
      for (let i = 0; i < n; i++) gw[i] = (gw[i] as number) + err * (x[i] as number);
      gb += err;
    });
    for (let i = 0; i < n; i++)
      w[i] = (w[i] as number) - rate * ((gw[i] as number) / rows.length + l2 * (w[i] as number));
    b -= (rate * gb) / rows.length;
  }
  return { mean, scale, weights: w, bias: b };
}
