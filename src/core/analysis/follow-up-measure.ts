import { analyze } from "./analyze.ts";

/** One labelled reply of eval/follow-ups/ (see its README for the rubric). */
export interface LabelledReply {
  id: string;
  question: string;
  story: string;
  followUp: string;
  reply: string;
  overall: 1 | 2 | 3 | 4 | 5;
  answers: boolean;
  specific: boolean;
  owned: boolean;
  blame: boolean;
}

export interface ReplyFigures {
  replies: number;
  spearman: number;
  exact: number;
  within1: number;
  /** Share of replies whose check agrees with the label, per labelled check. */
  agreement: { answers: number; specific: number; owned: number; blame: number };
  errors: Array<{ id: string; expected: number; got: number; reasons: string[] }>;
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    for (let k = i; k <= j; k++) out[order[k]?.[1] ?? 0] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n === 0) return 0;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    const x = (a[i] ?? 0) - ma;
    const y = (b[i] ?? 0) - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * How the follow-up rubric's score and checks agree with labelled replies: Spearman and ±1 of
 * the overall score, and per check the share of replies judged as labelled.
 * @example measureFollowUps(rows).spearman
 */
export function measureFollowUps(rows: readonly LabelledReply[]): ReplyFigures {
  const gold: number[] = [];
  const got: number[] = [];
  const agree = { answers: 0, specific: 0, owned: 0, blame: 0 };
  const errors: ReplyFigures["errors"] = [];
  for (const row of rows) {
    const analysis = analyze(row.reply, { question: row.followUp, followUp: true });
    const checks = new Map((analysis.followUp?.checks ?? []).map((c) => [c.id, c.met]));
    gold.push(row.overall);
    got.push(analysis.overall.score);
    if (checks.get("answers") === row.answers) agree.answers++;
    if (checks.get("specific") === row.specific) agree.specific++;
    if (checks.get("owned") === row.owned) agree.owned++;
    if (analysis.labels.blame === row.blame) agree.blame++;
    if (analysis.overall.score !== row.overall)
      errors.push({
        id: row.id,
        expected: row.overall,
        got: analysis.overall.score,
        reasons: analysis.overall.reasons,
      });
  }
  const n = Math.max(1, rows.length);
  return {
    replies: rows.length,
    spearman: round(pearson(ranks(gold), ranks(got))),
    exact: round(gold.filter((g, i) => g === got[i]).length / n),
    within1: round(gold.filter((g, i) => Math.abs(g - (got[i] ?? 0)) <= 1).length / n),
    agreement: {
      answers: round(agree.answers / n),
      specific: round(agree.specific / n),
      owned: round(agree.owned / n),
      blame: round(agree.blame / n),
    },
    errors,
  };
}
