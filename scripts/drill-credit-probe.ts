/**
 * Drill key-point credit on hard cases of our own (practice50): for each (key point, answer,
 * made?) the drill's judge (keyPointCoverage, plain scorer; --sentences adds the sentence
 * encoder as the drill does when it is installed) credits the point or not; prints precision and
 * recall over "made". Hard negatives: the point's words negated, in another sense, or one of its
 * words only. Run: npx tsx scripts/drill-credit-probe.ts [--sentences]
 */
import { drillFeedback } from "../src/app/drill.ts";
import { keyPointCoverage } from "../src/core/semantic/coverage.ts";

const sentences = process.argv.includes("--sentences");
const cases: Array<[string, string, boolean]> = [
  [
    "Regularisation reduces overfitting",
    "Regularisation adds a penalty on large weights, which reduces overfitting.",
    true,
  ],
  [
    "Regularisation reduces overfitting",
    "Regularisation does not reduce overfitting; it only slows training.",
    false,
  ],
  ["Regularisation reduces overfitting", "I used regularisation once.", false],
  ["Regularisation reduces overfitting", "Overfitting is when the model memorises the training data.", false],
  [
    "Precision is the share of predicted positives that are correct",
    "Precision is the fraction of the predicted positives that are actually correct.",
    true,
  ],
  [
    "Precision is the share of predicted positives that are correct",
    "Precision has nothing to do with predicted positives being correct; it is about the negatives.",
    false,
  ],
  [
    "Precision is the share of predicted positives that are correct",
    "We measured our tools with great precision.",
    false,
  ],
  [
    "Recall is the share of actual positives found",
    "Recall is the fraction of the actual positives the model finds.",
    true,
  ],
  [
    "Recall is the share of actual positives found",
    "I recall that we found a few bugs in the pipeline.",
    false,
  ],
  ["Recall is the share of actual positives found", "Recall.", false],
  [
    "Use cross-validation to estimate generalisation",
    "We used k-fold cross-validation to estimate how well the model generalises.",
    true,
  ],
  [
    "Use cross-validation to estimate generalisation",
    "We never used cross-validation, so we could not estimate generalisation.",
    false,
  ],
  [
    "Use cross-validation to estimate generalisation",
    "Validation of the inputs happened in the API layer.",
    false,
  ],
  [
    "Attention lets each token weigh every other token",
    "Self-attention lets every token weigh all the other tokens in the sequence.",
    true,
  ],
  [
    "Attention lets each token weigh every other token",
    "Pay attention to the learning rate; it matters most.",
    false,
  ],
  ["Attention lets each token weigh every other token", "Tokens are produced by the tokenizer.", false],
  [
    "Dropout randomly disables neurons during training",
    "Dropout randomly switches off neurons while training, so the network cannot rely on any one.",
    true,
  ],
  [
    "Dropout randomly disables neurons during training",
    "Dropout is not random and it does not disable neurons during training.",
    false,
  ],
  [
    "Dropout randomly disables neurons during training",
    "The user dropout rate of the app went up after the redesign.",
    false,
  ],
  [
    "Early stopping halts training when validation loss stops improving",
    "We stop training early once the validation loss stops getting better.",
    true,
  ],
  [
    "Early stopping halts training when validation loss stops improving",
    "Stopping early is a bad idea; keep training even if validation loss rises.",
    false,
  ],
  [
    "Batch normalisation stabilises training",
    "Batch normalisation normalises each layer's inputs, which stabilises training.",
    true,
  ],
  ["Batch normalisation stabilises training", "We processed the data in batches at night.", false],
  [
    "Underfitting means the model is too simple",
    "Underfitting happens when the model is too simple to capture the pattern.",
    true,
  ],
  [
    "Underfitting means the model is too simple",
    "Underfitting does not mean the model is too simple.",
    false,
  ],
];
let tp = 0,
  fp = 0,
  fn = 0,
  tn = 0;
for (const [kp, ans, made] of cases) {
  const got = sentences
    ? (await drillFeedback(ans, { keyPoints: [kp], outline: [] } as never)).points[0]?.covered === true
    : keyPointCoverage(ans, [kp]).points[0]?.covered === true;
  if (got && made) tp++;
  else if (got && !made) {
    fp++;
    console.log("FP", kp, "|", ans);
  } else if (!got && made) {
    fn++;
    console.log("FN", kp, "|", ans);
  } else tn++;
}
console.log({ tp, fp, fn, tn, precision: tp / (tp + fp), recall: tp / (tp + fn) });
