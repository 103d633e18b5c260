import { describe, expect, it } from "vitest";
import type { ConcernItem } from "../model.ts";
import { concernQuotes, detectConcerns } from "./concerns.ts";
import { CONCERNS } from "./data/concerns.ts";

const userConcern = (judgement: string, reframes: string[]): ConcernItem => ({
  kind: "concern",
  key: "q1/concern-1",
  lines: { start: 1, end: 3 },
  raw: "",
  gapBefore: 0,
  judgement,
  reframes,
});

const ids = (text: string, role?: "ml-engineer" | "mlops-engineer") =>
  detectConcerns(text, role ? { role } : {}).map((c) => c.id);

describe("concern library (data)", () => {
  it("covers the judgements candidates fear, each with why and how to reframe", () => {
    expect(CONCERNS.map((c) => c.id)).toEqual([
      "too-academic",
      "infra-heavy",
      "personal-projects-only",
      "forced-move",
      "spread-thin",
      "job-hopping",
      "over-qualified",
    ]);
    for (const c of CONCERNS) {
      expect(c.why.length).toBeGreaterThan(20);
      expect(c.reframe.length).toBeGreaterThan(20);
      expect(c.triggers.length).toBeGreaterThan(0);
    }
  });
});

describe("detectConcerns", () => {
  it("too academic: quotes the trigger sentences", () => {
    const [concern] = detectConcerns(
      "My PhD thesis was on optimisation. I proved a convergence theorem for a new solver. I then joined a startup.",
      { role: "ml-engineer" },
    );
    expect(concern?.id).toBe("too-academic");
    expect(concern?.triggers.map((t) => t.sentence)).toEqual([
      "My PhD thesis was on optimisation.",
      "I proved a convergence theorem for a new solver.",
    ]);
  });

  it("too infrastructure-heavy only for an ML role", () => {
    const text =
      "I ran the EKS cluster with Istio and Helm. I wrote the Terraform for the VPC. I set up Prometheus alerts.";
    expect(ids(text, "ml-engineer")).toContain("infra-heavy");
    expect(ids(text, "mlops-engineer")).not.toContain("infra-heavy");
  });

  it("personal projects only, unless a job is mentioned", () => {
    expect(ids("I learned ML through personal projects and Kaggle.")).toContain("personal-projects-only");
    expect(
      ids("Besides my side projects, I worked at a bank on their fraud team with colleagues."),
    ).not.toContain("personal-projects-only");
  });

  it("forced move, spread thin, job hopping, over-qualified", () => {
    expect(ids("I was laid off when the company shut down.")).toContain("forced-move");
    expect(ids("I wore many hats: backend, data, ops and sales.")).toContain("spread-thin");
    expect(ids("I left after six months for a better offer.")).toContain("job-hopping");
    expect(ids("I was head of engineering with 20 years of experience.")).toContain("over-qualified");
    expect(ids("I built a churn model in Python and it cut churn by 5%.")).toEqual([]);
  });

  it("offers the user's own reframing lines where their concern note matches", () => {
    const [concern] = detectConcerns("My PhD dissertation proved a theorem about convergence.", {
      role: "ml-engineer",
      userReframes: [
        userConcern("This is too academic", [
          "I used that math to ship a pricing model.",
          "I care about what runs in production.",
        ]),
        userConcern("Lone wolf", ["I pair every week."]),
      ],
    });
    expect(concern?.reframes).toEqual([
      "I used that math to ship a pricing model.",
      "I care about what runs in production.",
    ]);
    expect(concern?.userConcern).toBe("q1/concern-1");
  });

  it("raises the user's own concern on a single trigger, where the library alone needs two", () => {
    const text = "I taught statistics at a community college for six years. Then I built a churn model.";
    expect(ids(text, "ml-engineer")).toEqual([]);
    const [concern] = detectConcerns(text, {
      role: "ml-engineer",
      userReframes: [userConcern("this is too academic", ["I ship models, not papers."])],
    });
    expect(concern).toMatchObject({ id: "too-academic", reframes: ["I ship models, not papers."] });
    expect(concern?.triggers[0]?.phrase).toBe("college");
    // A concern the user has not named still needs its usual evidence.
    expect(
      detectConcerns(text, { role: "ml-engineer", userReframes: [userConcern("Lone wolf", ["I pair."])] }),
    ).toEqual([]);
  });
});

describe("concernQuotes", () => {
  it("gives each trigger sentence once, with all its phrases, markup left out, in order", () => {
    const text =
      "**Situation**: On my project on AWS EKS, I wired Istio, Helm and FluxCD into a CI/CD pipeline. " +
      "Then I set up Terraform and Kubernetes autoscaling.";
    const concern = detectConcerns(text, { role: "ml-engineer" }).find((c) => c.id === "infra-heavy");
    expect(concern).toBeDefined();
    if (concern === undefined) return;
    expect(concern.triggers.length).toBeGreaterThan(2);
    const quotes = concernQuotes(concern);
    expect(quotes.map((q) => q.index)).toEqual([0, 1]);
    expect(quotes[0]?.sentence.startsWith("On my project on AWS EKS")).toBe(true);
    expect(quotes[0]?.phrases.length).toBeGreaterThan(1);
  });
});

describe("concern triggers as shown", () => {
  it("quotes each trigger's sentence without its Markdown or STAR label", () => {
    const text =
      "**Situation**: On my side project I set up Kubernetes, Helm and Terraform for a chatbot.\n\n" +
      "**Action**: I wired **Istio**, Prometheus and a CI/CD pipeline on EKS by myself.";
    const concerns = detectConcerns(text, { role: "ml-engineer" });
    const sentences = concerns.flatMap((c) => c.triggers.map((t) => t.sentence));
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(sentence).not.toMatch(/\*\*|^(?:Situation|Action)\s*:/);
  });
});
