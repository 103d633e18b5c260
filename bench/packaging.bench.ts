/**
 * Packaging benchmarks, run through `npm run bench` (bench/run.ts).
 * - match-10k-stories: rank one question over 10,000 generated stories (index built once,
 *   as the app keeps it per bank) against a bare scan that lower-cases each story and tests
 *   `includes` for every question word. Target: p95 ≤ 10 ms.
 * - tailor-2000w: extract the requirements of a 2,000-word posting and find evidence for
 *   them in 40 stories, against a bare tokenisation of the posting. Target: ≤ 50 ms.
 * - tailor-2000w-distinct: the same with no bullet and no story sentence repeated, so tailor's
 *   per-call memo of (requirement, sentence) pairs saves nothing and every pair is matched: the
 *   cost a posting without repeated bullets pays. Same target.
 * - tailor-2000w-encoder (a report): tailor-2000w-distinct with sentence embeddings
 *   (DERISK_SENTENCE_ENCODER=on, src/app/encoder.ts): cold (model load, a recording pass, encoding
 *   every sentence, the pass with embeddings) and warm (every text cached: one pass), each once.
 */
import { createSentenceEncoder, withSentenceEmbeddings } from "../src/app/encoder.ts";
import { parseStory, rankStories, type Story, tailor } from "../src/core/packaging/index.ts";
import type { Benchmark, Report } from "./run.ts";

// A seeded generator: the same stories every run.
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const random = lcg(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const TOPICS = [
  "fraud model",
  "checkout service",
  "search ranking",
  "data pipeline",
  "pricing API",
  "churn model",
  "recommender",
  "CI pipeline",
];
const PROBLEMS = [
  "kept timing out",
  "drifted every month",
  "failed after a schema change",
  "was too slow for the launch",
  "had flaky tests",
  "lost users' trust",
];
const ACTIONS = [
  "I profiled the hot path and added a cache",
  "I retrained the model on fresh labelled data",
  "I added drift monitoring on the features",
  "I wrote a contract test for the input data",
  "I disagreed with my lead and showed the cost with data",
  "I rolled back and wrote the post-mortem",
  "I split the job into smaller stages on Kubernetes",
  "I mentored a junior engineer through the fix",
];
const RESULTS = [
  "p95 latency fell by 40%",
  "false positives dropped by 25%",
  "the backlog cleared in 9 days",
  "deploys went from 2 days to 1 hour",
  "the team shipped on time",
];
const LESSONS = [
  "I learned to test the data, not only the code.",
  "I learned to ask for the metric first.",
  "",
  "I learned to write the rollback first.",
];
const COMPETENCY_SETS = [
  ["technical-challenge"],
  ["mistake-failure"],
  ["conflict"],
  ["ml-engineering", "technical-challenge"],
  ["leadership-influence"],
  [],
];

const STORIES: Story[] = Array.from({ length: 10_000 }, (_, i) => {
  const topic = pick(TOPICS);
  return parseStory({
    id: `s${i}`,
    title: `${topic} ${i}`,
    situation: `Our ${topic} ${pick(PROBLEMS)}.`,
    actions: [`${pick(ACTIONS)}.`, `${pick(ACTIONS)}.`],
    result: `${pick(RESULTS)}.`,
    lesson: pick(LESSONS),
    competencies: pick(COMPETENCY_SETS),
    tags: [],
    metrics: [],
  });
});
const QUESTION = "Tell me about a time you fixed a model that drifted in production";
const QUESTION_WORDS = QUESTION.toLowerCase()
  .split(/\W+/)
  .filter((w) => w.length > 3);

// Warm: builds and caches the index for this array, as the app does once per bank.
rankStories(QUESTION, STORIES, { role: "ml-engineer" });

const BULLETS = [
  "Design and ship machine learning models that score {x} in real time",
  "Build data pipelines with Spark and Airflow for {x}",
  "Evaluate models offline and online with A/B tests on {x}",
  "Partner with product and operations to turn {x} into features",
  "Monitor {x} in production and own the on-call for it",
  "3+ years of experience building {x} with Python and SQL",
  "Experience with PyTorch or scikit-learn for {x}",
  "Familiarity with Kubernetes and Docker for serving {x}",
  "You are curious, comfortable with ambiguity and take ownership of {x}",
];
const AREAS = [
  "claims",
  "payments",
  "search",
  "pricing",
  "logistics",
  "support tickets",
  "fraud signals",
  "onboarding",
];
function posting(words: number, distinct = false): string {
  const parts = [
    "# [Senior ML Engineer](https://jobs.example.com/apply/1)",
    "### Examplecorp",
    "",
    "## **About us**",
    "",
    "Examplecorp helps small shops sell online. Our mission is to make commerce fair.",
    "",
  ];
  let count = 20;
  let section = 0;
  while (count < words) {
    const heading = [
      "## **What you'll do**",
      "### **Minimum requirements**",
      "### **Preferred qualifications**",
      "## **Who you are**",
    ][section % 4] as string;
    parts.push(heading, "");
    for (let i = 0; i < 8; i++) {
      // A distinct posting names a different market in every bullet.
      const market = distinct ? ` in market ${parts.length}` : "";
      const line = `  * ${pick(BULLETS).replace("{x}", pick(AREAS))}${market}`;
      parts.push(line);
      count += line.split(/\s+/).length - 2;
    }
    parts.push(
      "",
      "As an engineer here you will shape how we build, evaluate and ship models that customers rely on every day.",
      "",
    );
    count += 20;
    section++;
  }
  parts.push("[Apply for this job](https://jobs.example.com/apply/1)");
  return parts.join("\n");
}
const POSTING = posting(2000);
const TAILOR_STORIES = STORIES.slice(0, 40);
const DISTINCT_POSTING = posting(2000, true);
// Every sentence of these stories is its own: the story's number is in each.
const DISTINCT_STORIES: Story[] = TAILOR_STORIES.map((s, i) =>
  parseStory({
    id: `d${i}`,
    title: s.title,
    situation: s.situation.replace(/\.$/, ` in quarter ${i}.`),
    actions: s.actions.map((a, j) => a.replace(/\.$/, ` for release ${i}.${j}.`)),
    result: s.result.replace(/\.$/, ` by week ${i}.`),
    lesson: s.lesson === "" ? "" : s.lesson.replace(/\.$/, ` in project ${i}.`),
    competencies: s.competencies,
    tags: [],
    metrics: [],
  }),
);

export const benchmarks: Benchmark[] = [
  {
    name: "match-10k-stories",
    baselineName: "match-10k-stories/lowercase-includes-scan",
    run: () => {
      rankStories(QUESTION, STORIES, { role: "ml-engineer" });
    },
    baseline: () => {
      let best = -1;
      let bestScore = -1;
      for (let i = 0; i < STORIES.length; i++) {
        const s = STORIES[i] as Story;
        const text = `${s.title} ${s.situation} ${s.actions.join(" ")} ${s.result} ${s.lesson}`.toLowerCase();
        let score = 0;
        for (const word of QUESTION_WORDS) if (text.includes(word)) score++;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) throw new Error("no story");
    },
  },
  {
    name: "tailor-2000w",
    baselineName: "tailor-2000w/bare-tokenisation",
    run: () => {
      tailor(POSTING, TAILOR_STORIES, []);
    },
    baseline: () => {
      POSTING.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    },
  },
  {
    name: "tailor-2000w-distinct",
    baselineName: "tailor-2000w-distinct/bare-tokenisation",
    run: () => {
      tailor(DISTINCT_POSTING, DISTINCT_STORIES, []);
    },
    baseline: () => {
      DISTINCT_POSTING.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    },
  },
];

export const reports: Report[] = [
  {
    name: "tailor-2000w-encoder",
    run: async () => {
      const encoder = createSentenceEncoder();
      const timed = async (f: () => Promise<unknown> | unknown) => {
        const t0 = performance.now();
        await f();
        return Math.round((performance.now() - t0) * 10) / 10;
      };
      const withEmbeddings = () =>
        withSentenceEmbeddings(
          (embeddings) =>
            tailor(DISTINCT_POSTING, DISTINCT_STORIES, [], embeddings === undefined ? {} : { embeddings }),
          { encoder, enabled: true },
        );
      const plain = await timed(() => tailor(DISTINCT_POSTING, DISTINCT_STORIES, []));
      const cold = await timed(withEmbeddings);
      const texts = encoder.size;
      const warm = await timed(withEmbeddings);
      return {
        name: "tailor-2000w-encoder",
        cold_ms: cold,
        warm_ms: warm,
        texts,
        baseline: { name: "tailor-2000w-distinct (once)", ms: plain },
        ratio: Math.round((warm / plain) * 100) / 100,
      };
    },
  },
];
