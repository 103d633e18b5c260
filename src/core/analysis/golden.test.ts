import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AnalyzeOptions, analyze } from "./index.ts";

// Three answers of our own, pinned: a change in the analyzer's output shows up here as a
// reviewable diff. Regenerate with UPDATE_GOLDEN=1 npx vitest run src/core/analysis/golden.test.ts
const ANSWERS: Array<{ name: string; text: string; options: AnalyzeOptions }> = [
  {
    name: "strong-star",
    options: { question: "Tell me about a time you improved a model in production.", role: "ml-engineer" },
    text: `**S – Situation**
Last spring our fraud model's alerts were drowning the review team: 40% of flagged payments were false positives.

**T – Task**
My goal was to cut the false positives without letting more fraud through.

**A – Action**
- I started by sampling 500 flagged payments and labelling why each was flagged.
- I found that one feature, "new device", fired for every app update.
- I proposed replacing it with a device-age feature, retrained the model and added a drift alert so it would not happen again.

**R – Result**
False positives fell from 40% to 12% and the team cleared its backlog in two weeks.

**Lesson**: I learned to audit features against real user behaviour, and now I always check what fires most before tuning thresholds.`,
  },
  {
    name: "about-me-career-changer",
    options: { question: "Tell me about yourself.", role: "ml-engineer" },
    text: `"Thanks for having me. I have a PhD in applied mathematics, where I worked on optimisation for inverse problems. After it, I moved into machine learning: I built a retrieval-augmented chatbot on AWS that answers questions over 3,000 support articles, and an end-to-end training pipeline with monitoring that retrains a churn model every week. I'm passionate about technology and committed to lifelong learning. I'm applying to this role because your team ships models to millions of users, and that is the work I want to do next."`,
  },
  {
    name: "infra-heavy-with-blame",
    options: { question: "Describe a difficult technical problem you solved.", role: "ml-engineer" },
    text: `So, um, basically we had to move the whole inference platform to EKS with Istio, Cognito (OAuth2) and an NLB in front, with Helm charts deployed by FluxCD and Prometheus for metrics. The DevOps team kept changing the networking rules, and honestly it was their fault that the rollout slipped by three weeks. We tried a lot of things and eventually it worked. Performance improved significantly after that.`,
  },
];

const FILE = join(import.meta.dirname, "golden.json");

describe("golden analyses", () => {
  const actual = Object.fromEntries(ANSWERS.map((a) => [a.name, analyze(a.text, a.options)]));
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(FILE)) {
    writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
  }
  const expected = JSON.parse(readFileSync(FILE, "utf8")) as Record<string, unknown>;

  it.each(ANSWERS.map((a) => a.name))("%s matches the pinned analysis", (name) => {
    expect(JSON.parse(JSON.stringify(actual[name]))).toEqual(expected[name]);
  });

  it("the pinned answers span the scale", () => {
    expect(actual["strong-star"]?.labels.overall).toBeGreaterThanOrEqual(4);
    expect(actual["infra-heavy-with-blame"]?.labels.overall).toBe(1);
    expect(actual["infra-heavy-with-blame"]?.roleFit?.mix).toBe("adjacent-heavy");
    expect(actual["about-me-career-changer"]?.concerns.map((c) => c.id)).not.toContain("negativity");
  });
});
