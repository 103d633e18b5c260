import type { Competency } from "../../model.ts";
import { COMPETENCY_CUES } from "../data/competencies.ts";
import type { Token } from "../nlp.ts";
import type { SentenceTag, SubwordSpec } from "./features.ts";
import {
  type DenseWeights,
  featureId,
  type PackedSparseWeights,
  packSparse,
  SparseScorer,
  type SparseWeights,
  sigmoid,
  softmax,
  treeLogit,
  unpackSparse,
} from "./linear.ts";

/** The four sparse parts of the model, which the artifact stores packed (`packSparse`). */
export const SPARSE_PARTS = ["sentence", "question", "topic", "boundary"] as const;

/** The model as `data/lens-model.json` holds it: sparse parts packed or plain. */
export type StoredLensModel = Omit<LensModel, (typeof SPARSE_PARTS)[number]> &
  Record<(typeof SPARSE_PARTS)[number], SparseWeights | PackedSparseWeights>;

/** The stored form of a model: its sparse parts packed (`npm run train` writes this). */
export function storeLensModel(model: LensModel): StoredLensModel {
  const out = { ...model } as StoredLensModel;
  for (const part of SPARSE_PARTS) out[part] = packSparse(model[part]);
  return out;
}

/** A model read from its stored form (packed or plain sparse parts). */
export function loadLensModel(stored: StoredLensModel): LensModel {
  const out = { ...stored } as unknown as LensModel;
  for (const part of SPARSE_PARTS) out[part] = unpackSparse(stored[part]);
  return out;
}

/** Everything `npm run train` fits, as committed in `data/lens-model.json`. */
export interface LensModel {
  version: 1;
  meta: { seed: number; trainedOn: Record<string, number>; features: Record<string, number> };
  /** Sentence tagger: one logistic head per tag. */
  sentence: SparseWeights;
  /** Answer-level head per boolean label, over that label's sentence aggregates. */
  labels: Record<SentenceTag, DenseWeights>;
  /** Probability at or above which the label is set (picked on the validation split). */
  thresholds: Record<SentenceTag, number>;
  /** Overall: a regression over answer features, cut into 1–5. */
  overall: DenseWeights;
  cuts: number[];
  /** Question → competency (softmax). */
  question: SparseWeights;
  /** Answer text → the competency it answers (softmax). */
  topic: SparseWeights;
  /** The answer does not answer the question asked. */
  offTopic: DenseWeights;
  /** Off-topic threshold when the answer reads as another kind of question than the one asked. */
  offTopicThreshold: number;
  /**
   * Off-topic threshold when the answer reads as the kind of question asked (a story under a
   * story question): the topics of stories overlap, so this one is set for precision.
   */
  offTopicSameKindThreshold: number;
  /** Sentence boundaries in unpunctuated transcripts: a boundary before this word. */
  boundary: SparseWeights;
  boundaryThreshold: number;
  /**
   * Trained with `--probing` (issue 10): the tagger also reads the probing cue families and
   * each sentence's place among the answer's unknowns and probes (`lens/features.ts`).
   */
  probing?: true;
  /**
   * Trained with `--clause-cues` (issue 10, branch `task17`): the tagger also reads the obligation
   * clauses of each sentence (`clausesOf` in `lens/features.ts`).
   */
  clauseCues?: true;
  /**
   * Trained with `--clause-reading` (issue 10, branch `task17`, design 4): the `task` tagger alone
   * reads the obligation clauses (the episode's forms), and a sentence's `task` probability is the
   * higher of the sentence's and its obligation clause's read alone (`lens/read.ts`).
   */
  clauseReading?: true;
  /**
   * Trained with `--subword` (issue 10, branch `lens36`): the tagger also reads each content
   * lemma's hashed character n-grams (`SubwordSpec` in `lens/features.ts`); only the columns named
   * at training carry weights for them.
   */
  subword?: SubwordSpec;
  /**
   * Trained with `--task-opening` (issue 10, branch `lens44`, docs/lab/risk-lens-lab.md "task44"):
   * the corpus's task convention T1 read as a rule. In a story answer, a sentence of the answer's
   * first quarter with an episode obligation clause naming the speaker or their team
   * (`ob:any+who:i+at:q0`, read with `clauseReading`) sets `task` and carries it.
   */
  taskOpening?: true;
}

const scorers = new WeakMap<SparseWeights, SparseScorer>();

/** The scorer of a sparse model, built once per model. */
export function scorerOf(weights: SparseWeights): SparseScorer {
  let scorer = scorers.get(weights);
  if (scorer === undefined) {
    scorer = new SparseScorer(weights);
    scorers.set(weights, scorer);
  }
  return scorer;
}

let scratch = new Float64Array(0);

/**
 * Probabilities of each independent (sigmoid) class. With `found`, `found[j]` is set to 1 for
 * each feature `features[j]` the model knows.
 */
export function sparseProbabilities(
  weights: SparseWeights,
  features: readonly string[],
  found?: Uint8Array,
  ids?: ArrayLike<number>,
): number[] {
  const scorer = scorerOf(weights);
  // One buffer for the logits, reused: only the probabilities are handed out.
  if (scratch.length !== scorer.classes.length) scratch = new Float64Array(scorer.classes.length);
  const logits = scorer.logitsInto(features, scratch, found, ids);
  const out = new Array<number>(logits.length);
  for (let k = 0; k < logits.length; k += 1) out[k] = sigmoid(logits[k] ?? 0);
  return out;
}

/**
 * The first class's logit of dense weights: `denseLogits(weights, values)[0]`, the same sum in
 * the same order, without an array for the other classes.
 */
function firstLogit(weights: DenseWeights, values: Readonly<Record<string, number>>): number {
  // (No bias: no logit, as `denseLogits` gives. No weights: the bias alone.)
  if (weights.bias.length === 0) return 0;
  let z = weights.bias[0] as number;
  const row = weights.weights[0];
  if (row === undefined) return z;
  const { features } = weights;
  for (let i = 0; i < features.length; i += 1) {
    const v = values[features[i] as string] ?? 0;
    if (v === 0) continue;
    z += (row[i] ?? 0) * v;
  }
  // A head trained with `--head-trees` adds its trees (docs/lab/risk-lens-lab.md "lens47").
  return weights.trees === undefined ? z : z + treeLogit(weights, values);
}

/** Probability of a one-class dense head. */
export function denseProbability(weights: DenseWeights, values: Readonly<Record<string, number>>): number {
  return sigmoid(firstLogit(weights, values));
}

/** Value of a one-class dense regression. */
export function denseValue(weights: DenseWeights, values: Readonly<Record<string, number>>): number {
  return firstLogit(weights, values);
}

/** The distribution over classes of a softmax sparse model. */
export function distribution(
  weights: SparseWeights,
  features: readonly string[],
  ids?: ArrayLike<number>,
): Record<string, number> {
  const scorer = scorerOf(weights);
  const probs = softmax(scorer.logits(features, undefined, ids));
  const out: Record<string, number> = {};
  scorer.classes.forEach((c, i) => {
    out[c] = probs[i] ?? 0;
  });
  return out;
}

function questionWords(question: string): string[] {
  return (
    question
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .match(/[\p{L}\p{N}']+/gu) ?? []
  ).map((w) => (/\d/.test(w) ? "<num>" : w));
}

/**
 * Features of an interview question: its words and word pairs, its opening words and the
 * hand-written competency cues that match it.
 * @example questionFeatures("Tell me about yourself.") // ["w:tell", …, "cue:about-me"]
 */
export function questionFeatures(question: string): string[] {
  const words = questionWords(question);
  const out: string[] = [];
  let prev = "<s>";
  for (const w of words) {
    out.push(`w:${w}`, `b:${prev}_${w}`);
    prev = w;
  }
  out.push(`first:${words.slice(0, 2).join("_")}`);
  const text = question.toLowerCase().replace(/[’‘]/g, "'");
  for (const cue of COMPETENCY_CUES) if (cue.pattern.test(text)) out.push(`cue:${cue.competency}`);
  return out;
}

/**
 * Features of an answer's topic: its lemmas (hedges out, numbers as `<num>`).
 * @example topicFeatures([["i", "lead", "the", "team"]]) // ["w:i", "w:lead", "w:the", "w:team"]
 */
export function topicFeatures(sentences: ReadonlyArray<readonly string[]>): string[] {
  const out = new Set<string>();
  for (const lemmas of sentences) for (const l of lemmas) out.add(`w:${l}`);
  return [...out];
}

/**
 * The answer's topic features, taken from the sentence features the tagger already built: the
 * same `w:` unigrams as `topicFeatures`, in the same order (no second pass building strings),
 * then the shape of the telling: the shares of sentences in the past tense, with "I" or "we" as
 * subject and with a modal, in buckets. A told episode and an explanation of a concept can share
 * their words; they do not share this shape.
 * @example topicFeaturesOf([["w:i", "b:<s>_i", "w:lead", "subj:i", "past"]]) // ["w:i", "w:lead", "shape:past:3", …]
 */
export function topicFeaturesOf(features: ReadonlyArray<readonly string[]>): string[] {
  const out = new Set<string>();
  let past = 0;
  let i = 0;
  let we = 0;
  let modal = 0;
  for (const list of features) {
    for (const f of list) {
      if (f.startsWith("w:")) out.add(f);
      else if (f === "past") past += 1;
      else if (f === "subj:i") i += 1;
      else if (f === "subj:we") we += 1;
      else if (f === "modal") modal += 1;
    }
  }
  const n = Math.max(1, features.length);
  return [
    ...out,
    `shape:past:${shapeBucket(past, n)}`,
    `shape:i:${shapeBucket(i, n)}`,
    `shape:we:${shapeBucket(we, n)}`,
    `shape:modal:${shapeBucket(modal, n)}`,
  ];
}

/** The bucket of a count of sentences among `n`: none, under 30%, under 60%, more. */
function shapeBucket(count: number, n: number): number {
  return count === 0 ? 0 : count / n < 0.3 ? 1 : count / n < 0.6 ? 2 : 3;
}

const SHAPES = ["past", "i", "we", "modal"].map((name) => [0, 1, 2, 3].map((b) => `shape:${name}:${b}`));
const SHAPE_IDS = SHAPES.map((row) => row.map(featureId));

// The topic head's logits, reused from answer to answer (only the distribution is handed out).
let topicScratch = new Float64Array(0);

/**
 * The distribution of `distribution(weights, topicFeaturesOf(features))`, without collecting the
 * words into a set first: the scorer counts a repeated feature once, at its first place, which
 * is where the set keeps it, so the sums are the same.
 */
export function topicDistribution(
  weights: SparseWeights,
  features: ReadonlyArray<readonly string[]>,
  featureIds?: ReadonlyArray<ArrayLike<number>>,
): Record<string, number> {
  // Scored as they are read, in the order `topicFeaturesOf` lists them: no list of them is built.
  const scorer = scorerOf(weights);
  if (topicScratch.length !== scorer.classes.length) topicScratch = new Float64Array(scorer.classes.length);
  const logits = topicScratch;
  scorer.startInto(logits);
  let past = 0;
  let i = 0;
  let we = 0;
  let modal = 0;
  for (let k = 0; k < features.length; k += 1) {
    const list = features[k] as readonly string[];
    const listIds = featureIds?.[k];
    for (let j = 0; j < list.length; j += 1) {
      const f = list[j] as string;
      // "w:" tested on its two code units.
      if (f.charCodeAt(0) === 119 && f.charCodeAt(1) === 58) scorer.addTo(logits, f, listIds?.[j] ?? -1);
      else if (f === "past") past += 1;
      else if (f === "subj:i") i += 1;
      else if (f === "subj:we") we += 1;
      else if (f === "modal") modal += 1;
    }
  }
  const n = Math.max(1, features.length);
  const counts = [past, i, we, modal];
  for (let k = 0; k < counts.length; k += 1) {
    const b = shapeBucket(counts[k] as number, n);
    // By name when no ids were given, as before: the same row either way.
    scorer.addTo(logits, SHAPES[k]?.[b] as string, featureIds === undefined ? -1 : (SHAPE_IDS[k]?.[b] ?? -1));
  }
  const probs = softmax(logits);
  const out: Record<string, number> = {};
  scorer.classes.forEach((c, k) => {
    out[c] = probs[k] ?? 0;
  });
  return out;
}

/**
 * Features of a possible sentence boundary before the word at `at` in a transcript.
 * `since` is the number of words since the last boundary.
 */
export function boundaryFeatures(words: readonly Token[], at: number, since: number): string[] {
  const w = (k: number): string => {
    const t = words[k];
    if (t === undefined) return k < 0 ? "<s>" : "</s>";
    return t.type === "number" ? "<num>" : t.lower;
  };
  const p = (k: number): string => words[k]?.pos ?? (k < 0 ? "<s>" : "</s>");
  const gap =
    since < 3 ? "0" : since < 6 ? "1" : since < 10 ? "2" : since < 16 ? "3" : since < 25 ? "4" : "5";
  return [
    `p:${w(at - 1)}`,
    `n:${w(at)}`,
    `nn:${w(at + 1)}`,
    `pp:${w(at - 2)}`,
    `pn:${w(at - 1)}_${w(at)}`,
    `nnn:${w(at)}_${w(at + 1)}`,
    `tag:${p(at - 1)}_${p(at)}`,
    `ntag:${p(at)}_${p(at + 1)}`,
    `gap:${gap}`,
    `gapn:${gap}_${w(at)}`,
  ];
}

/** Kinds of question: a told episode, a self-presentation, or a technical explanation. */
export function kindOf(competency: Competency): "story" | "self" | "concept" {
  if (competency === "about-me" || competency === "motivation" || competency === "strength-weakness")
    return "self";
  if (competency === "ml-concept") return "concept";
  return "story";
}

/**
 * Whether the answer reads as the same kind of question as `competency`: a told episode (half
 * or more of its sentences in the past tense) under a story question, or else the kind with the
 * most probability mass in its topic. Stories about technical work share their words with
 * explanations of a concept; the telling tells them apart.
 * @example sameKind({ conflict: 0.6, "about-me": 0.4 }, "teamwork", 0.2) // true
 */
export function sameKind(
  topic: Readonly<Record<string, number>>,
  competency: Competency,
  pastShare: number,
): boolean {
  const askedKind = kindOf(competency);
  if (askedKind === "story" && pastShare >= 0.5) return true;
  const kinds = { story: 0, self: 0, concept: 0 };
  for (const [c, p] of Object.entries(topic)) kinds[kindOf(c as Competency)] += p;
  const asked = kinds[askedKind];
  return asked >= kinds.story && asked >= kinds.self && asked >= kinds.concept;
}

/** Share of an answer's sentences told in the past tense (their `past` feature). */
export function pastShare(features: ReadonlyArray<readonly string[]>): number {
  return features.length === 0 ? 0 : features.filter((f) => f.includes("past")).length / features.length;
}

/**
 * Features of whether an answer answers its question: how likely the answer's own topic is the
 * question's competency, or at least the same kind of question (story, self-presentation,
 * technical explanation).
 */
export function offTopicFeatures(
  topic: Readonly<Record<string, number>>,
  competency: Competency,
): Record<string, number> {
  const kinds = { story: 0, self: 0, concept: 0 };
  let top = 0;
  // In the record's own order, as `Object.entries` reads it, without a pair per entry.
  for (const c in topic) {
    const p = topic[c] as number;
    kinds[kindOf(c as Competency)] += p;
    if (p > top) top = p;
  }
  const asked = topic[competency] ?? 0;
  const askedKind = kindOf(competency);
  const kind = kinds[askedKind];
  return {
    asked,
    askedLog: Math.log(asked + 1e-4) / 10,
    kind,
    kindLog: Math.log(kind + 1e-4) / 10,
    gap: top - asked,
    askedStory: askedKind === "story" ? 1 : 0,
    askedStoryKind: askedKind === "story" ? kind : 0,
    askedSelfKind: askedKind === "self" ? kind : 0,
  };
}
