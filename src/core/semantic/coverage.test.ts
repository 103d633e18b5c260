import { describe, expect, it } from "vitest";
import { readCoverageJudgements } from "../../../test/coverage-judgements.ts";
import { canonicalise, keyPointCoverage, measureCoverage } from "./coverage.ts";

describe("keyPointCoverage", () => {
  it("reads L2, ridge and weight decay as one idea, and AUC as the area under the ROC curve", () => {
    expect(canonicalise("weight decay")).toBe(canonicalise("ridge"));
    expect(canonicalise("L2")).toBe(canonicalise("ridge"));
    expect(canonicalise("AUC")).toBe(canonicalise("area under the ROC curve"));
    const coverage = keyPointCoverage(
      "We added ridge regularization, the L2 penalty, which shrinks the weights.",
      ["weight decay penalises squared weights and shrinks them", "L1 drives some weights to exactly zero"],
    );
    expect(coverage.covered).toEqual(["weight decay penalises squared weights and shrinks them"]);
    expect(coverage.missed).toEqual(["L1 drives some weights to exactly zero"]);
    expect(coverage.points[0]?.evidence).toContain("ridge");
  });

  it("matches stems and abbreviations, not only exact words", () => {
    const { covered } = keyPointCoverage(
      "I'd look at the AUROC. A model that memorizes the training set generalizes badly.",
      ["the area under the ROC curve", "overfitting means poor generalisation"],
    );
    expect(covered).toHaveLength(2);
  });

  it("needs one item of a list of alternatives, not all of them", () => {
    const point = "use precision, recall, F1 or PR-AUC as the metric";
    expect(keyPointCoverage("I track PR-AUC instead.", [point]).covered).toEqual([point]);
    const tests = "compare distributions with tests such as PSI or Kolmogorov–Smirnov";
    expect(keyPointCoverage("A KS test per feature catches it.", [tests]).covered).toEqual([tests]);
  });

  it("does not credit an answer that denies the key point", () => {
    const point = "regularisation, more data or ensembling reduce variance";
    expect(keyPointCoverage("Bagging reduces variance.", [point]).covered).toEqual([point]);
    expect(keyPointCoverage("Bagging does not reduce variance.", [point]).covered).toEqual([]);
    // A condition is not a denial, and a key point that says "never" is met by an answer that says it.
    const tuning = "tune on a validation set, never on the test set";
    expect(keyPointCoverage("Never tune on the test set; use a validation split.", [tuning]).covered).toEqual(
      [tuning],
    );
  });

  it("credits a paraphrase by word vectors that the concept lists miss", () => {
    const point = "deeper layers learn more abstract features";
    const answer = "Later layers capture higher-level, more conceptual patterns.";
    expect(keyPointCoverage(answer, [point]).covered).toEqual([point]);
    // The same answer without the vectors' share: the concept lists alone do not reach the threshold.
    expect(keyPointCoverage(answer, [point], { tuning: { weight: 0 } }).covered).toEqual([]);
  });

  it("does not credit a denied synonym or a dismissed idea", () => {
    // "lower" is close to "reduce" in meaning, so denying it denies the key point.
    const variance = "regularisation, more data or ensembling reduce variance";
    expect(keyPointCoverage("Bagging does not lower variance.", [variance]).covered).toEqual([]);
    expect(keyPointCoverage("Bagging lowers variance.", [variance]).covered).toEqual([variance]);
    // A dismissing verb denies its object ("bother with") or its subject ("doesn't matter").
    const calibration = "check calibration when probabilities drive decisions";
    for (const answer of [
      "I don't bother with calibration when the scores drive decisions.",
      "Calibration doesn't matter when probabilities drive decisions.",
    ])
      expect(keyPointCoverage(answer, [calibration]).covered).toEqual([]);
    const batch = "increase batch size within memory";
    expect(keyPointCoverage("The batch size doesn't matter for memory.", [batch]).covered).toEqual([]);
    expect(keyPointCoverage("Raise the batch size as far as memory allows.", [batch]).covered).toEqual([
      batch,
    ]);
  });

  it("covers nothing for an empty answer and keeps the key points' order", () => {
    const points = ["a feature store prevents training-serving skew", "KV cache"];
    expect(keyPointCoverage("", points).missed).toEqual(points);
    expect(keyPointCoverage("   \n ", points).covered).toEqual([]);
  });
});

describe("coverage on the labelled judgements (eval/coverage/judgements.json)", () => {
  const all = readCoverageJudgements();
  const dev = all.filter((j) => j.split === "dev");
  const test = all.filter((j) => j.split === "test");

  it("has at least 80 judgements, both splits used, both labels present", () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(dev.length).toBeGreaterThan(40);
    expect(test.length).toBeGreaterThan(40);
    expect(test.some((j) => j.covered) && test.some((j) => !j.covered)).toBe(true);
  });

  // Floors at the measured figures (docs/drill.md): a change that loses ground fails here. Dev is
  // what the weights and threshold were tuned on; test is guarded per round of judgements (answer
  // ids "r3-", "r4-", "r5-"; rounds 1–2 have none). Round 5 was written before the word vectors.
  it("holds precision and recall on dev (tuned) and test (held out)", () => {
    const round = (j: { id: string }) => /^r[345]-/.exec(j.id)?.[0] ?? "old";
    const d = measureCoverage(dev);
    expect(d.precision).toBeGreaterThanOrEqual(0.89);
    expect(d.recall).toBeGreaterThanOrEqual(0.9);
    const floors: Array<[string, number, number]> = [
      ["old", 0.87, 0.93],
      ["r3-", 0.89, 0.93],
      ["r4-", 0.74, 0.79],
      ["r5-", 0.81, 0.53],
    ];
    for (const [name, precision, recall] of floors) {
      const t = measureCoverage(test.filter((j) => round(j) === name));
      expect({ name, precision: t.precision >= precision, recall: t.recall >= recall }).toEqual({
        name,
        precision: true,
        recall: true,
      });
    }
  });
});
