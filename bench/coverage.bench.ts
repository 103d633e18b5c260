/**
 * Coverage of a large bank, run through `npm run bench` (bench/run.ts): 200 stories and 300
 * prepared answers (200 answers to questions of every competency, 100 replies to follow-ups),
 * every text its own (numbered), so nothing is shared between two of them.
 * - coverage-200s-300a-warm: `coverageMatrix` with the answers' analyses remembered (the app's
 *   `cachedAnalyze`, as the coverage page pays on every visit after the first), against a bare
 *   pass that lower-cases and tokenises the same 500 texts.
 * - coverage-200s-300a-cold (a report, run once): the first visit, every answer analysed by the
 *   risk lens (a fresh bank, so no analysis is remembered), against the bare wink-nlp pass it
 *   cannot avoid (readDoc, sentences and tokens of the same 500 texts), and the analyses alone.
 */
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { cachedAnalyze } from "../src/app/analysis-cache.ts";
import { analyze } from "../src/core/analysis/index.ts";
import { type CoverageAnswer, coverageMatrix, parseStory, type Story } from "../src/core/packaging/index.ts";
import type { Benchmark, Report } from "./run.ts";

// A seeded generator: the same bank every run.
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SITUATIONS = [
  "Our fraud model flagged too many good payments",
  "The nightly data pipeline failed after a schema change",
  "Two teams wanted the same GPU budget for the quarter",
  "A customer escalated because search results were stale",
  "The requirements for the pricing API changed every week",
  "I had to learn Kubernetes in a month for a migration",
];
const ACTIONS = [
  "I profiled the hot path and added a cache",
  "I retrained the model on fresh labelled data",
  "I disagreed with my lead and showed the cost with data",
  "I wrote a contract test for the input data",
  "I asked the customer for three real examples and rebuilt the ranking",
  "I cut the scope to the two features the launch needed",
  "I asked a senior engineer to review my design every Friday",
];
const RESULTS = [
  "p95 latency fell by 40%",
  "false positives dropped by 25%",
  "the backlog cleared in 9 days",
  "we shipped on time",
  "the customer renewed for two years",
];
const LESSONS = [
  "I learned to test the data, not only the code.",
  "I learned to ask for the metric first.",
  "",
];
const COMPETENCIES = [
  ["technical-challenge"],
  ["mistake-failure"],
  ["conflict"],
  ["ml-engineering", "technical-challenge"],
  ["customer-focus"],
  [],
];
const QUESTIONS = [
  "Tell me about yourself.",
  "Why do you want to join us, and why now?",
  "What is your greatest weakness?",
  "Tell me about a time you made a mistake.",
  "Tell me about a disagreement with a colleague.",
  "Tell me about a model you took to production.",
  "Tell me about a tight deadline and what you cut.",
];
const FOLLOW_UPS = [
  "What would you do differently?",
  "How did you measure it?",
  "What exactly was your part?",
  "What experience do you have with model serving in practice?",
];

function bank(seed: number): { stories: Story[]; answers: CoverageAnswer[] } {
  const random = lcg(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const stories = Array.from({ length: 200 }, (_, i) =>
    parseStory({
      id: `s${seed}-${i}`,
      title: `Story ${i}`,
      situation: `${pick(SITUATIONS)} in quarter ${i}.`,
      actions: [`${pick(ACTIONS)} for release ${i}.`, `${pick(ACTIONS)} in week ${i}.`],
      result: `${pick(RESULTS)} by sprint ${i}.`,
      lesson: pick(LESSONS),
      competencies: pick(COMPETENCIES),
      tags: [],
      metrics: [],
    }),
  );
  const answers: CoverageAnswer[] = [
    ...Array.from({ length: 200 }, (_, i) => ({
      id: `a${seed}-${i}`,
      question: pick(QUESTIONS),
      text: `${pick(SITUATIONS)} in project ${i}. ${pick(ACTIONS)}, then ${pick(ACTIONS).replace(/^I /, "")}. As a result, ${pick(RESULTS)} within ${i + 2} days. ${pick(LESSONS)}`,
    })),
    ...Array.from({ length: 100 }, (_, i) => ({
      id: `f${seed}-${i}`,
      question: pick(FOLLOW_UPS),
      text: `${pick(ACTIONS)} on service ${i}, and ${pick(RESULTS)}.`,
      followUp: true,
    })),
  ];
  return { stories, answers };
}

const textsOf = ({ stories, answers }: ReturnType<typeof bank>): string[] => [
  ...stories.map((s) => `${s.title} ${s.situation} ${s.actions.join(" ")} ${s.result} ${s.lesson}`),
  ...answers.map((a) => `${a.question} ${a.text}`),
];

const WARM = bank(7);
const WARM_TEXTS = textsOf(WARM);
// The first visit, outside the timed loop: afterwards every analysis is remembered.
coverageMatrix(WARM.stories, { answers: WARM.answers, analyze: cachedAnalyze });

export const benchmarks: Benchmark[] = [
  {
    name: "coverage-200s-300a-warm",
    baselineName: "coverage-200s-300a/bare-tokenisation",
    run: () => {
      coverageMatrix(WARM.stories, { answers: WARM.answers, analyze: cachedAnalyze });
    },
    baseline: () => {
      for (const text of WARM_TEXTS) text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    },
  },
];

const timed = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return Math.round((performance.now() - t0) * 10) / 10;
};

export const reports: Report[] = [
  {
    name: "coverage-200s-300a-cold",
    run: async () => {
      const nlp = winkNLP(model);
      const its = nlp.its;
      // A bank no analysis has seen; analyses are not remembered (the core's plain `analyze`).
      const cold = bank(11);
      const texts = textsOf(cold);
      for (const text of textsOf(bank(3)).slice(0, 20)) nlp.readDoc(text).tokens().out();
      const bare = timed(() => {
        for (const text of texts) {
          const doc = nlp.readDoc(text);
          doc.sentences().out();
          doc.tokens().out(its.normal);
        }
      });
      const coverage = timed(() => coverageMatrix(cold.stories, { answers: cold.answers }));
      const analyses = timed(() => {
        for (const a of cold.answers)
          analyze(a.text, { question: a.question, followUp: a.followUp === true });
      });
      return {
        name: "coverage-200s-300a-cold",
        ms: coverage,
        analyses_ms: analyses,
        baseline: { name: "wink readDoc+sentences+tokens of the same texts", ms: bare },
        ratio: Math.round((coverage / bare) * 100) / 100,
      };
    },
  },
];
