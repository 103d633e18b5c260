import { describe, expect, it } from "vitest";
import { readCoverageJudgements, readCoverageTrain } from "../../../test/coverage-judgements.ts";
import { TECHNICAL_QUESTIONS } from "../questions/index.ts";
import {
  COVERAGE_FEATURES,
  COVERAGE_SCORER,
  COVERAGE_SENTENCE_FEATURES,
  COVERAGE_SENTENCE_SCORER,
  COVERAGE_THRESHOLD,
  canonicalise,
  canonicalWords,
  conflatedPositions,
  coverageFeatures,
  coverageTexts,
  keyPointCoverage,
  measureCoverage,
  sayDifference,
} from "./coverage.ts";

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

  it("meets a key point naming a class by an answer naming a member of it, never the reverse", () => {
    const cls = "use careful weight initialisation";
    const member = "use He init";
    expect(keyPointCoverage("We use He init on every layer.", [cls]).covered).toEqual([cls]);
    expect(keyPointCoverage("We use careful weight initialisation.", [member]).covered).toEqual([]);
    // The key point's side reads the member as itself only.
    expect(canonicalise("LightGBM", true)).toContain(canonicalise("tree-based").trim());
    expect(canonicalise("tree-based", true)).not.toContain("lightgbm");
    expect(canonicalise("LightGBM")).not.toContain(canonicalise("tree-based").trim());
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

  it("credits neither of two opposite ideas that one clause equates", () => {
    const points = (key: string) => {
      const question = TECHNICAL_QUESTIONS.find((q) => q.key === `tech.${key}`);
      if (question === undefined) throw new Error(`no bank question ${key}`);
      return question.keyPoints;
    };
    const fit = points("overfit-underfit");
    const [overfitting, , , , underfittingFix] = fit;
    // "Too simple" names underfitting: defining overfitting by it says nothing about either.
    expect(
      keyPointCoverage("Overfitting is when the model is too simple. You prevent it by training longer.", fit)
        .covered,
    ).toEqual([]);
    expect(
      keyPointCoverage(
        "Overfitting means the model has high bias, it is too simplistic for the data. A more complex model helps.",
        fit,
      ).covered,
    ).not.toContain(overfitting);
    const forests = points("decision-trees-ensembles");
    const wrong = keyPointCoverage(
      "A random forest is boosting: it adds shallow trees one after another to fit the remaining errors.",
      forests,
    ).covered;
    expect(wrong).not.toContain(forests[0]);
    expect(wrong).not.toContain(forests[4]);
    expect(conflatedPositions(canonicalWords("Bagging is the same as boosting", true)).size).toBe(2);
    // Set against each other, or in clauses of their own, the two ideas are read as usual.
    for (const right of [
      "Underfitting means the model is too simple for the data, so swap in a more expressive model or engineer better features.",
      "Unlike overfitting, underfitting is when the model is too simple; use a bigger model or better features.",
    ])
      expect(keyPointCoverage(right, fit).covered).toContain(underfittingFix);
    expect(
      keyPointCoverage(
        "Overfitting is the opposite of underfitting: training error is low but validation error is high.",
        fit,
      ).covered,
    ).toContain(overfitting);
    expect(conflatedPositions(canonicalWords("Overfitting is worse than underfitting", true)).size).toBe(0);
  });

  it("does not credit an answer that turns the key point's direction or size around", () => {
    const pointsOf = (key: string) =>
      TECHNICAL_QUESTIONS.find((q) => q.key === `tech.${key}`)?.keyPoints ?? [];
    const reduces = "bagging mainly reduces variance";
    const capacity = "more model capacity lowers bias but raises variance";
    const expressive = "fight underfitting with a more expressive model or better features";
    expect(pointsOf("decision-trees-ensembles")).toContain(reduces);
    expect(pointsOf("bias-variance")).toContain(capacity);
    expect(pointsOf("overfit-underfit")).toContain(expressive);
    const covers = (answer: string, key: string, point: string) =>
      keyPointCoverage(answer, pointsOf(key)).covered.includes(point);
    // The same thing, the other way: up for down, simpler for more expressive.
    expect(
      covers(
        "Bagging mostly increases variance, since every tree is deep.",
        "decision-trees-ensembles",
        reduces,
      ),
    ).toBe(false);
    expect(
      covers(
        "Giving the network more capacity raises its bias and lowers variance.",
        "bias-variance",
        capacity,
      ),
    ).toBe(false);
    expect(
      covers(
        "To fix underfitting, switch to a simpler model with fewer features.",
        "overfit-underfit",
        expressive,
      ),
    ).toBe(false);
    // Said the key point's way, or with the opposite word about something else, it is met.
    expect(
      covers("Averaging bootstrapped trees mainly reduces variance.", "decision-trees-ensembles", reduces),
    ).toBe(true);
    expect(
      covers(
        "Giving the network more capacity lowers its bias, but it raises variance.",
        "bias-variance",
        capacity,
      ),
    ).toBe(true);
  });

  it("reads a denied sameness as a difference, and an unguarded negative key point as unmet", () => {
    expect(sayDifference("The live inputs don't look like the training data.")).toBe(
      "The live inputs different from the training data.",
    );
    // A phrase the ML vocabulary lists keeps its own reading.
    expect(sayDifference("The two pipelines never quite agreed.")).toBe(
      "The two pipelines never quite agreed.",
    );
    const skew = "the model sees different features in production than in training";
    expect(
      keyPointCoverage("The features the model gets in production are not the same as in training.", [skew])
        .covered,
    ).toEqual([skew]);
    const tuning = "tune on a validation set, never on the test set";
    expect(
      keyPointCoverage("We tune everything on the test set to get the real number.", [tuning]).covered,
    ).toEqual([]);
    expect(
      keyPointCoverage("We tune on a validation split; the test set stays untouched until the end.", [tuning])
        .covered,
    ).toEqual([tuning]);
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

  it("does not credit naming a topic for the key point that explains it", () => {
    const calibration = [
      "calibrated scores match observed frequencies",
      "check calibration with a reliability diagram or Brier score",
      "Platt scaling fits a logistic function on held-out scores",
      "isotonic regression is a non-parametric alternative",
    ];
    expect(keyPointCoverage("Calibration is the same thing as accuracy.", calibration).covered).toEqual([]);
    // Saying what it means, in other words, still names it.
    const explained = keyPointCoverage(
      "When the model says 70%, roughly seven in ten of those cases turn out positive. We plot predicted against actual rates in bins to check it.",
      calibration,
    );
    expect(explained.covered).toEqual(calibration.slice(0, 2));
    const lora = [
      "adapters can be merged into the weights, adding no inference latency",
      "one base model can serve many task-specific adapters",
    ];
    expect(keyPointCoverage("We trained a LoRA adapter for the support bot.", lora).covered).toEqual([]);
    expect(
      keyPointCoverage("We keep one shared base in memory and hot-swap an adapter per customer.", lora)
        .covered,
    ).toEqual([lora[1]]);
    // Hyperparameter search methods are ideas of their own: naming grid search is not halving.
    const halving = "early stopping or successive halving cut poor trials short";
    expect(
      keyPointCoverage("Grid search tries every combination of the settings.", [halving]).covered,
    ).toEqual([]);
    expect(
      keyPointCoverage("Hyperband stops the worst trials after a few epochs.", [halving]).covered,
    ).toEqual([halving]);
  });

  it("decides with the committed learned scorer, and the rule score alone on request", () => {
    expect(COVERAGE_SCORER?.features).toEqual(COVERAGE_FEATURES);
    expect(COVERAGE_SCORER?.threshold).toBeGreaterThan(0);
    expect(COVERAGE_SCORER?.threshold).toBeLessThan(1);
    const points = [
      "data drift is a change in the input distribution",
      "L1 drives some weights to exactly zero",
    ];
    const answer = "The mix of inputs shifted: far more mobile users than in the training data.";
    const features = coverageFeatures(answer, points);
    expect(features.map((f) => f.length)).toEqual([COVERAGE_FEATURES.length, COVERAGE_FEATURES.length]);
    const learned = keyPointCoverage(answer, points);
    expect(learned.covered).toEqual([points[0]]);
    const rule = keyPointCoverage(answer, points, { scorer: null });
    // Without the scorer, the score is the rule score (the first feature) against 0.39.
    expect(rule.points.map((p) => p.score)).toEqual(
      features.map((f) => Math.round((f[0] as number) * 1000) / 1000),
    );
    expect(rule.points.map((p) => p.covered)).toEqual(
      features.map((f) => (f[0] as number) >= COVERAGE_THRESHOLD),
    );
  });

  it("reads sentence embeddings only when every text is prepared, and never with an explicit scorer", () => {
    expect(COVERAGE_SENTENCE_SCORER.features).toEqual(COVERAGE_SENTENCE_FEATURES);
    const points = [
      "step the parameters against the gradient of the loss",
      "too large a learning rate diverges",
    ];
    const answer = "Nudge the weights downhill, a little each time. Big steps make it blow up, then settle.";
    // The parts the app layer encodes: key points, sentences, the pair, clauses of three words or more.
    expect(coverageTexts(answer, points)).toEqual([
      ...points,
      "Nudge the weights downhill, a little each time.",
      "Big steps make it blow up, then settle.",
      "Nudge the weights downhill, a little each time. Big steps make it blow up, then settle.",
      "Nudge the weights downhill",
      "a little each time.",
      "Big steps make it blow up",
    ]);
    // A lookup where the first key point and the first clause mean the same and nothing else is close.
    const texts = coverageTexts(answer, points);
    const vector = (i: number) => Float32Array.from({ length: texts.length }, (_, d) => (d === i ? 1 : 0));
    const same = (t: string) => (t === "Nudge the weights downhill" ? vector(0) : vector(texts.indexOf(t)));
    const full = { get: (t: string) => (texts.includes(t) ? same(t) : undefined) };
    const features = coverageFeatures(answer, points, full);
    expect(features.map((f) => f.length)).toEqual([
      COVERAGE_SENTENCE_FEATURES.length,
      COVERAGE_SENTENCE_FEATURES.length,
    ]);
    expect(features[0]?.slice(-2)).toEqual([1, 1]);
    const without = keyPointCoverage(answer, points);
    const partial = { get: (t: string) => (t === points[1] ? undefined : full.get(t)) };
    expect(keyPointCoverage(answer, points, { embeddings: partial })).toEqual(without);
    expect(coverageFeatures(answer, points, partial)[0]).toHaveLength(COVERAGE_FEATURES.length);
    expect(keyPointCoverage(answer, points, { embeddings: full, scorer: COVERAGE_SCORER })).toEqual(without);
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
  // ids "r3-" … "r7-"; rounds 1–2 have none). Round 5 was written before the word vectors, round 6
  // before the learned scorer, round 7 before the denied-sameness and negative-key-point rules.
  it("holds precision and recall on dev (tuned) and test (held out)", () => {
    const round = (j: { id: string }) => /^r[3-9]-/.exec(j.id)?.[0] ?? "old";
    const d = measureCoverage(dev);
    expect(d.precision).toBeGreaterThanOrEqual(0.9);
    expect(d.recall).toBeGreaterThanOrEqual(0.93);
    const floors: Array<[string, number, number]> = [
      ["old", 0.86, 0.93],
      ["r3-", 0.86, 0.93],
      ["r4-", 0.81, 0.82],
      ["r5-", 0.82, 0.71],
      ["r6-", 0.87, 0.73],
      ["r7-", 0.85, 0.75],
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

describe("the train judgements of the learned scorer (eval/coverage/train.json)", () => {
  it("are bank answers judged on every key point, none of them an evaluated answer", () => {
    const train = readCoverageTrain();
    expect(train.length).toBeGreaterThanOrEqual(200);
    expect(new Set(train.map((j) => j.split))).toEqual(new Set(["train"]));
    expect(train.some((j) => j.covered) && train.some((j) => !j.covered)).toBe(true);
    const evaluated = readCoverageJudgements();
    const ids = new Set(evaluated.map((j) => j.id.split("#")[0]));
    const answers = new Set(evaluated.map((j) => j.answer));
    expect(train.filter((j) => ids.has(j.id.split("#")[0]) || answers.has(j.answer))).toEqual([]);
  });
});
