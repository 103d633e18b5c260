import { describe, expect, it } from "vitest";
import { reangle } from "./reangle.ts";
import { coreShare } from "./role-terms.ts";
import { splitSentences } from "./text.ts";

// An infrastructure-heavy story of our own, told the way a DevOps engineer would.
const INFRA_STORY =
  "I was the DevOps engineer on a small team running a fraud model for an online shop. " +
  "I set up the cluster on EKS, Istio, Helm, FluxCD and Prometheus so releases were automated. " +
  "I wrote Terraform modules for the VPC, the IAM roles and the load balancer. " +
  "I configured GitHub Actions and Grafana dashboards for every service. " +
  "I retrained the fraud model weekly on fresh labelled data and added drift checks on its features. " +
  "I evaluated each new model against the previous one on precision and recall before promotion. " +
  "As a result, false positives fell by 30% and releases went from two days to one hour. " +
  "I learned to treat the model and its data as the product.";

describe("reangle", () => {
  it("raises the share of ML-core vocabulary for an ML Engineer panel", () => {
    const out = reangle(INFRA_STORY, { fromRole: "mlops-engineer", toRole: "ml-engineer" });
    expect(out.coreShare.after).toBeGreaterThan(out.coreShare.before);
    expect(coreShare(out.text, "ml-engineer")).toBeGreaterThan(coreShare(INFRA_STORY, "ml-engineer"));
  });

  it("leads with the model sentences and closes with the result and the lesson", () => {
    const out = reangle(INFRA_STORY, { toRole: "ml-engineer" });
    expect(out.sentences[0]).toMatch(/^I was the DevOps engineer/);
    expect(out.sentences[1]).toMatch(/retrained the fraud model/);
    expect(out.sentences.at(-2)).toMatch(/^As a result/);
    expect(out.sentences.at(-1)).toMatch(/^I learned/);
  });

  it("returns a sentence-level diff a UI can show side by side", () => {
    const out = reangle(INFRA_STORY, { toRole: "ml-engineer" });
    const original = splitSentences(INFRA_STORY).map((s) => s.text);
    expect(out.diff.map((d) => d.text)).toEqual(original);
    const statuses = new Set(out.diff.map((d) => d.status));
    expect(statuses).toEqual(new Set(["kept", "moved", "trimmed"]));
    const trimmed = out.diff.filter((d) => d.status === "trimmed");
    expect(trimmed.length).toBeGreaterThanOrEqual(2);
    expect(trimmed.every((d) => d.to === undefined && /adjacent/.test(d.reason))).toBe(true);
    for (const d of out.diff)
      if (d.to !== undefined) expect(out.sentences[d.to]).toBe(d.compressed ?? d.text);
  });

  it("shortens an infrastructure tool list to its first two items, in the user's words", () => {
    const out = reangle(
      "I deployed the recommender on EKS, Istio, Helm and FluxCD. I trained the ranking model on click data. Click-through rose by 12%.",
      { toRole: "ml-engineer" },
    );
    const listed = out.diff.find((d) => d.text.includes("FluxCD"));
    expect(listed?.compressed).toBe("I deployed the recommender on EKS and Istio.");
    expect(out.text).not.toContain("FluxCD");
  });

  it("refuses an empty answer", () => {
    expect(() => reangle("  ", { toRole: "ml-engineer" })).toThrowError(/empty/);
  });
});
