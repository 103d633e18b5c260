/**
 * A small templated generator of STAR+L answers for property tests: each answer is built from
 * parts chosen by index, so a test can edit one part (add blame, drop figures, rename people)
 * and compare. Test-only: imported by *.test.ts files.
 */

export interface StoryChoice {
  place: number;
  system: number;
  problem: number;
  person: number;
  goal: number;
  steps: number;
  metric: number;
  lesson: number;
  /** Numbers used in the result: before, after. */
  before: number;
  after: number;
}

const PLACES = [
  "At my last company",
  "In my previous role at a fintech startup",
  "Last year at a logistics firm",
  "When I worked at a retail analytics team",
];
const SYSTEMS = ["checkout service", "recommendation pipeline", "search API", "nightly reporting job"];
const PROBLEMS = [
  "kept timing out during peak traffic",
  "was producing stale results for customers",
  "failed silently about once a week",
  "had become too slow for the sales team to use",
];
export const PEOPLE = ["Priya", "Marco", "Aisha", "Tomasz", "Keiko", "Daniel"];
const GOALS = [
  "My goal was to make it reliable before the holiday release",
  "I was asked to find the cause and fix it within the quarter",
  "My task was to bring it back within its latency budget",
];
const STEPS: ReadonlyArray<readonly string[]> = [
  [
    "I started by adding tracing to every stage so I could see where the time went.",
    "Then I traced the slowdown to an unindexed query that ran once per item.",
    "I rewrote the query as a single batched call and added an index.",
  ],
  [
    "I started by reproducing the failure on a copy of production data.",
    "I found that a retry loop was hiding errors from the upstream feed.",
    "I replaced the loop with explicit error handling and added an alert on failures.",
  ],
  [
    "First I compared the slow runs with the fast ones to form a hypothesis.",
    "I confirmed that a cache was being cleared on every deploy.",
    "I proposed a warm-up step, built it, and rolled it out behind a feature flag.",
  ],
];
const METRICS = ["p95 latency", "the error rate", "the run time", "page load time"];
const LESSONS = [
  "It taught me to measure before changing anything, and now I always add tracing first.",
  "I learned that silent failures are worse than loud ones, so I now add an alert with every retry.",
  "The lesson for me was to test my assumptions early, and since then I write the check before the fix.",
];

function pick<T>(list: readonly T[], index: number): T {
  const item = list[Math.abs(index) % list.length];
  if (item === undefined) throw new Error("empty list");
  return item;
}

export interface Story {
  situation: string[];
  task: string;
  actions: string[];
  result: string;
  vagueResult: string;
  lesson: string;
}

/** Builds the parts of one story. */
export function buildStory(c: StoryChoice): Story {
  const person = pick(PEOPLE, c.person);
  const metric = pick(METRICS, c.metric);
  const before = 200 + (Math.abs(c.before) % 800);
  const after = 20 + (Math.abs(c.after) % 150);
  const pct = Math.round(((before - after) / before) * 100);
  return {
    situation: [
      `${pick(PLACES, c.place)}, our ${pick(SYSTEMS, c.system)} ${pick(PROBLEMS, c.problem)}.`,
      `${person}, the product manager, was getting complaints from customers every day.`,
    ],
    task: `${pick(GOALS, c.goal)}.`,
    actions: [
      ...pick(STEPS, c.steps),
      `I walked ${person} through the change and we agreed on a rollout plan.`,
    ],
    result: `As a result, ${metric} dropped from ${before} ms to ${after} ms, a ${pct}% improvement, and the complaints stopped.`,
    vagueResult: `As a result, ${metric} dropped significantly, a huge improvement, and the complaints mostly stopped.`,
    lesson: pick(LESSONS, c.lesson),
  };
}

/** Joins the parts into an answer. */
export function tell(story: Story, options: { vague?: boolean } = {}): string {
  return [
    ...story.situation,
    story.task,
    ...story.actions,
    options.vague === true ? story.vagueResult : story.result,
    story.lesson,
  ].join(" ");
}

/** Sentences that put the blame on someone else. */
export const BLAME_SENTENCES = [
  "Honestly, it was the QA team's fault: they never tested anything properly.",
  "My manager kept changing the requirements and refused to listen to me.",
  "The other team dropped the ball, and it was entirely their fault.",
  "The vendor was incompetent and ignored every ticket we filed.",
];

/** Turns the speaker's "I" into the team's "we". */
export function toWe(text: string): string {
  return text
    .replace(/\bI'm\b/g, "we're")
    .replace(/\bI\b/g, "we")
    .replace(/\bmy\b/g, "our")
    .replace(/\bMy\b/g, "Our")
    .replace(/\bme\b/g, "us");
}

/** A deterministic shuffle of the words (Fisher–Yates on a seeded LCG). */
export function shuffleWords(text: string, seed: number): string {
  const words = text.split(/\s+/).filter((w) => w !== "");
  let state = (seed >>> 0) + 1;
  for (let i = words.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    const a = words[i] ?? "";
    words[i] = words[j] ?? "";
    words[j] = a;
  }
  return words.join(" ");
}
