// Key-point coverage with the sentence encoder, as the drill runs it (docs/drill.md): a clause
// said in other words is met, a failed encoder changes nothing, and the behaviours the core
// tests check without embeddings hold with them too.
import { describe, expect, it } from "vitest";
import { TECHNICAL_QUESTIONS } from "../core/questions/index.ts";
import { coverageTexts, keyPointCoverage } from "../core/semantic/coverage.ts";
import { drillEmbeddings, drillFeedback } from "./drill.ts";
import { sharedSentenceEncoder } from "./encoder.ts";

const broken = { prepare: () => Promise.reject(new Error("no model")) };

/** Coverage of `answer` with the shared encoder's embeddings. */
async function withEncoder(answer: string, keyPoints: string[]) {
  const embeddings = await sharedSentenceEncoder().prepare(coverageTexts(answer, keyPoints));
  return keyPointCoverage(answer, keyPoints, { embeddings });
}

const keyPointsOf = (key: string): string[] => {
  const q = TECHNICAL_QUESTIONS.find((x) => x.key === key);
  if (!q) throw new Error(`no bank question ${key}`);
  return [...q.keyPoints];
};

describe("drill coverage with the sentence encoder", () => {
  it("meets a key point said as a whole clause in other words, which the word lists miss", async () => {
    const keyPoints = keyPointsOf("tech.gradient-descent");
    const step = "step the parameters against the gradient of the loss";
    const answer =
      "You repeatedly nudge the weights a little in the direction that makes the error go down. If the steps are too big the loss blows up instead of settling.";
    expect(keyPointCoverage(answer, keyPoints).covered).not.toContain(step);
    const feedback = await drillFeedback(answer, { keyPoints, outline: "" });
    expect(feedback.covered).toContain(step);
    expect(feedback.points.find((p) => p.keyPoint === step)?.evidence).toMatch(/nudge the weights/);
  }, 120_000);

  it("decides as without embeddings when the encoder fails to load or a text is missing", async () => {
    const keyPoints = keyPointsOf("tech.gradient-descent");
    const answer = "You repeatedly nudge the weights a little in the direction that makes the error go down.";
    expect(await drillEmbeddings(answer, keyPoints, broken)).toBeUndefined();
    const {
      keyPoints: _k,
      outline: _o,
      ...feedback
    } = await drillFeedback(answer, { keyPoints, outline: "" }, broken);
    expect(feedback).toEqual(keyPointCoverage(answer, keyPoints));
    // A lookup that misses one of the texts is not used at all.
    const partial = {
      get: (text: string) => (text === answer ? undefined : new Float32Array(512).fill(0.04)),
    };
    expect(keyPointCoverage(answer, keyPoints, { embeddings: partial })).toEqual(
      keyPointCoverage(answer, keyPoints),
    );
  });

  it("keeps the behaviours of coverage without embeddings: denials, one-way classes, lists, topics", async () => {
    const cases: Array<[string, string[], string[]]> = [
      // [answer, key points, expected covered]
      [
        "We use He init on every layer.",
        ["use careful weight initialisation"],
        ["use careful weight initialisation"],
      ],
      ["We use careful weight initialisation.", ["use He init"], []],
      [
        "Bagging reduces variance.",
        ["regularisation, more data or ensembling reduce variance"],
        ["regularisation, more data or ensembling reduce variance"],
      ],
      ["Bagging does not reduce variance.", ["regularisation, more data or ensembling reduce variance"], []],
      ["Bagging does not lower variance.", ["regularisation, more data or ensembling reduce variance"], []],
      [
        "I don't bother with calibration when the scores drive decisions.",
        ["check calibration when probabilities drive decisions"],
        [],
      ],
      [
        "Calibration doesn't matter when probabilities drive decisions.",
        ["check calibration when probabilities drive decisions"],
        [],
      ],
      ["The batch size doesn't matter for memory.", ["increase batch size within memory"], []],
      [
        "We tune everything on the test set to get the real number.",
        ["tune on a validation set, never on the test set"],
        [],
      ],
      [
        "We tune on a validation split; the test set stays untouched until the end.",
        ["tune on a validation set, never on the test set"],
        ["tune on a validation set, never on the test set"],
      ],
      [
        "I track PR-AUC instead.",
        ["use precision, recall, F1 or PR-AUC as the metric"],
        ["use precision, recall, F1 or PR-AUC as the metric"],
      ],
      [
        "Grid search tries every combination of the settings.",
        ["early stopping or successive halving cut poor trials short"],
        [],
      ],
      [
        "We trained a LoRA adapter for the support bot.",
        [
          "adapters can be merged into the weights, adding no inference latency",
          "one base model can serve many task-specific adapters",
        ],
        [],
      ],
      [
        "Calibration is the same thing as accuracy.",
        [
          "calibrated scores match observed frequencies",
          "check calibration with a reliability diagram or Brier score",
          "Platt scaling fits a logistic function on held-out scores",
          "isotonic regression is a non-parametric alternative",
        ],
        [],
      ],
      [
        "The features the model gets in production are not the same as in training.",
        ["the model sees different features in production than in training"],
        ["the model sees different features in production than in training"],
      ],
      ["", ["a feature store prevents training-serving skew", "KV cache"], []],
    ];
    for (const [answer, keyPoints, covered] of cases)
      expect({ answer, covered: (await withEncoder(answer, keyPoints)).covered }).toEqual({
        answer,
        covered,
      });
  }, 120_000);

  it("does not credit a long good answer with every point it names a word of (the browser drill's answer)", async () => {
    const keyPoints = keyPointsOf("tech.overfit-underfit");
    const answer =
      "Overfitting is when the training error is low but the validation error is high, because the model memorises noise. " +
      "Underfitting is when the error is high on both the training and the validation data. " +
      "Against overfitting I use dropout, early stopping and weight decay.";
    const { covered, missed } = await withEncoder(answer, keyPoints);
    expect(covered).toEqual(expect.arrayContaining([keyPoints[0], keyPoints[1], keyPoints[3]]));
    // Near a word of it ("validation"), close in meaning, but no closer than to the points it makes.
    expect(missed).toContain("detect it with learning curves on a held-out validation set");
  }, 120_000);
});
