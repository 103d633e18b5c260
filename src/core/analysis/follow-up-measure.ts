import { analyze } from "./analyze.ts";
import { spearman } from "./spearman.ts";

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
    spearman: round(spearman(gold, got)),
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
