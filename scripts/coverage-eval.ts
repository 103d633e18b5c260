/**
 * The technical drill's key-point coverage on eval/coverage/judgements.json (docs/drill.md):
 * precision and recall per split and per round of judgements, as printed by `npm run eval` —
 * with the sentence encoder, as the drill reads answers, and (the "all" rows) without it, as
 * the web bundle does.
 */

import { sharedSentenceEncoder } from "../src/app/encoder.ts";
import {
  type CoverageFigures,
  type CoverageJudgement,
  coverageTexts,
  measureCoverage,
} from "../src/core/semantic/coverage.ts";
import type { SentenceEmbeddings } from "../src/core/semantic/sentence-embeddings.ts";
import { readCoverageJudgements } from "../test/coverage-judgements.ts";

/** Rounds of judgements by answer id: "r3-…" is round 3; ids without a round prefix are rounds 1–2. */
export const COVERAGE_ROUNDS = ["rounds 1–2", "round 3", "round 4", "round 5", "round 6", "round 7"] as const;
export const coverageRoundOf = (j: Pick<CoverageJudgement, "id">): string => {
  const n = /^r([3-9])-/.exec(j.id)?.[1];
  return n === undefined ? "rounds 1–2" : `round ${n}`;
};

export interface CoverageReport {
  lines: string[];
  figures: Record<string, Omit<CoverageFigures, "errors">>;
}

/**
 * The sentence embeddings of every judged answer of the given splits, or undefined when the
 * encoder cannot load (the report is then the one without it).
 */
export async function coverageEmbeddings(
  splits: ReadonlyArray<"dev" | "test">,
): Promise<SentenceEmbeddings | undefined> {
  const judged = readCoverageJudgements().filter((j) => (splits as readonly string[]).includes(j.split));
  try {
    return await sharedSentenceEncoder().prepare(
      judged.flatMap((j) => coverageTexts(j.answer, j.keyPoints ?? [j.keyPoint])),
    );
  } catch (error) {
    process.stderr.write(`coverage: no sentence encoder (${String(error)}); figures without it\n`);
    return undefined;
  }
}

/**
 * The coverage table for the given splits (leave "test" out while tuning). With `embeddings`
 * the rows are the drill's (sentence encoder); "… all, no encoder" rows add the figures without.
 * @example coverageReport(["dev"]).lines.join("\n")
 */
export function coverageReport(
  splits: ReadonlyArray<"dev" | "test">,
  embeddings?: SentenceEmbeddings,
): CoverageReport {
  const all = readCoverageJudgements();
  const lines = [
    `${"".padEnd(24)}${["judged", "covered", "precision", "recall", "F1", "TP/FP/FN"].map((h) => h.padStart(11)).join("")}`,
  ];
  const figures: CoverageReport["figures"] = {};
  for (const split of splits) {
    const inSplit = all.filter((j) => j.split === split);
    const rows = [
      ...COVERAGE_ROUNDS.map((round) => ({
        name: `${split} ${round}`,
        js: inSplit.filter((j) => coverageRoundOf(j) === round),
      })),
      { name: `${split} all`, js: inSplit },
      ...(embeddings === undefined ? [] : [{ name: `${split} all, no encoder`, js: inSplit, plain: true }]),
    ];
    for (const row of rows) {
      const { name, js } = row;
      if (js.length === 0) continue;
      const { errors, ...f } = measureCoverage(
        js,
        embeddings === undefined || "plain" in row ? {} : { embeddings },
      );
      figures[name] = f;
      const f1 = f.precision + f.recall === 0 ? 0 : (2 * f.precision * f.recall) / (f.precision + f.recall);
      lines.push(
        `${(name.includes(" all") ? name : `  ${name}`).padEnd(24)}${[f.judgements, f.positives].map((v) => String(v).padStart(11)).join("")}${[f.precision, f.recall, f1].map((v) => v.toFixed(3).padStart(11)).join("")}${`${f.truePositives}/${f.falsePositives}/${f.falseNegatives}`.padStart(11)}`,
      );
    }
  }
  const t = figures["test all"];
  if (t) {
    const met = [t.precision >= 0.85, t.recall >= 0.85];
    lines.push("", `test targets (precision ≥ 0.85, recall ≥ 0.85): ${met.filter(Boolean).length}/2 met`);
  }
  return { lines, figures };
}
