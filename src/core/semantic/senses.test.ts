import { describe, expect, it } from "vitest";
import model from "./data/pair-scorer.json" with { type: "json" };
import { analyzeText, conceptsOf, PAIR_FEATURES, pairFeatures, semanticMatch } from "./matcher.ts";
import { GUARD_Z, learnedDecision } from "./pair-scorer.ts";
import type { SentenceEmbeddings } from "./sentence-embeddings.ts";

const ids = (text: string) => conceptsOf(text).map((c) => c.id);
const Z = PAIR_FEATURES.indexOf("background z");

describe("sense checks on an ask's words (docs/lab/matching-lab.md, rounds 24, 26 and 27)", () => {
  it("reads 'ms' as latency only right after a figure", () => {
    expect(ids("Advanced MS Excel and MS Access")).not.toContain("metric.latency");
    expect(ids("Responses came back in 80 ms after the cache went in.")).toContain("metric.latency");
  });

  it("reads a credential as held, and as learning only beside the learning", () => {
    expect(ids("Certified forklift operator")).not.toContain("soft.learning");
    expect(ids("I got certified in Kubernetes after six weeks of evening study.")).toContain("soft.learning");
    expect(ids("Licensed plumber")).not.toContain("law.ip");
    expect(ids("I negotiated software licensing deals with two vendors.")).toContain("law.ip");
  });

  it("needs a word beside 'paper' as written, while 'papers' stays a term of its own", () => {
    expect(ids("I recycled the paper and cardboard from the print room.")).not.toContain(
      "skill.publications",
    );
    expect(ids("I published a paper in a peer-reviewed journal.")).toContain("skill.publications");
    expect(ids("Two of my papers were accepted at ICML workshops.")).toContain("skill.publications");
  });

  it("marks an ask a sense check emptied, which the plain scorer guards", () => {
    const ask = analyzeText("Licensed plumber");
    expect(ask.senseRejected).toBe(true);
    expect([...ask.concepts.keys()]).toEqual(["trade.plumbing"]);
    expect(analyzeText("Responses came back in 80 ms.").senseRejected).toBeUndefined();
  });
});

describe("the guard on asks a sense check left naming no concept", () => {
  // A weight set that gives every pair the same probability, above its threshold.
  const sure = { ...model, weights: model.weights.map(() => 0), bias: Math.log(0.6 / 0.4), threshold: 0.335 };
  const withZ = (z: number) => {
    const values = [...pairFeatures("Licensed locksmith", "I rekeyed every lock in the building.").values];
    values[Z] = z;
    return values;
  };
  const rules = { score: 0.2, unmet: 0, concepts: 0 };

  it("needs the word alignment to stand out from the ask's background (background z ≥ GUARD_Z)", () => {
    expect(learnedDecision(withZ(GUARD_Z - 0.1), { ...rules, guarded: true }, sure)).toMatchObject({
      matched: false,
    });
    expect(learnedDecision(withZ(GUARD_Z - 0.1), { ...rules, guarded: true }, sure).score).toBeLessThan(0.5);
    expect(learnedDecision(withZ(GUARD_Z + 0.1), { ...rules, guarded: true }, sure).matched).toBe(true);
    // Not guarded, or a certain rule match: the probability alone decides, as before.
    expect(learnedDecision(withZ(GUARD_Z - 0.1), rules, sure).matched).toBe(true);
    expect(learnedDecision(withZ(-2), { ...rules, score: 1, guarded: true }, sure).matched).toBe(true);
  });

  it("is the plain set's: with sentence embeddings the encoder-aware set decides a guarded ask", () => {
    // "Unity or Unreal" are game engines only beside game words: the ask is guarded, and its word
    // alignment with this sentence does not stand out; close embeddings carry it all the same.
    const ask = "Experience with Unity or Unreal";
    const evidence = "I wrote the character controller and shaders, and our studio shipped the game.";
    expect(analyzeText(ask).senseRejected).toBe(true);
    expect(pairFeatures(ask, evidence).values[Z]).toBeLessThan(GUARD_Z);
    const same: SentenceEmbeddings = { get: () => Float32Array.from([1, 0, 0, 0]) };
    expect(semanticMatch(ask, evidence).matched).toBe(false);
    expect(semanticMatch(ask, evidence, { embeddings: same }).matched).toBe(true);
  });
});

describe("an ask read only in the senses its words have (docs/lab/matching-lab.md, round 34)", () => {
  it("reads 'scaling' with a company as its object as growth, not software that scales", () => {
    expect(ids("Experience scaling a startup from zero to one")).not.toContain("skill.scalability");
    expect(ids("I scaled up the support team from four to twenty")).not.toContain("skill.scalability");
    expect(ids("I scaled the checkout API to ten times the load.")).toContain("skill.scalability");
  });

  it("reads 'business' as an audience only where it heads its noun phrase", () => {
    expect(ids("Tax preparer for individual and small business returns")).not.toContain("soft.stakeholders");
    expect(ids("I walked the business through the forecast every quarter.")).toContain("soft.stakeholders");
    expect(ids("I presented the roadmap to business leaders.")).toContain("soft.stakeholders");
  });

  it("reads the role a posting line opens with as the job, not an audience", () => {
    expect(ids("Funeral director with experience supporting bereaved families")).not.toContain(
      "soft.executives",
    );
    expect(ids("Stage lighting designer for theatre and live music")).not.toContain("soft.stakeholders");
    expect(ids("I presented the plan to the directors.")).toContain("soft.executives");
    expect(ids("I worked closely with the designers on the new flow.")).toContain("soft.stakeholders");
    // The ask is left naming no concept: the plain scorer guards it (round 27).
    expect(analyzeText("Stage lighting designer for theatre and live music").senseRejected).toBe(true);
  });

  it("reads a verb with its object as an action, not the industry its stem names", () => {
    expect(ids("Piano tuner with experience regulating acoustic pianos")).not.toContain("domain.regulated");
    expect(ids("Experience in regulated industries such as banking")).toContain("domain.regulated");
    expect(ids("Kept the core banking platform running")).toContain("domain.finance");
  });

  it("reads 'service' as backend software only beside words of software", () => {
    const shows = (text: string) => analyzeText(text).concepts.has("skill.api");
    expect(shows("I wrote the order service in Golang.")).toBe(true);
    expect(shows("I arranged the funeral services for the family.")).toBe(false);
  });

  it("meets the asks these readings had held to the unmet-concept bar", () => {
    const met = (ask: string, evidence: string) => semanticMatch(ask, evidence).matched;
    expect(
      met(
        "Designing scalable backend services",
        "I broke the monolith into services that now take five times the load on the same hardware.",
      ),
    ).toBe(true);
    expect(
      met(
        "Tax preparer for individual and small business returns",
        "Each spring I file around 250 personal returns and the schedules for sole traders.",
      ),
    ).toBe(true);
    expect(
      met(
        "Experience scaling a startup from zero to one",
        "I was the second hire and built the first version that our first twenty paying customers signed up for.",
      ),
    ).toBe(true);
    // The role the ask is for is its setting: "customer-facing" is not a second ask here.
    expect(
      met(
        "Clear written communication, for a customer-facing role",
        "I wrote the monthly newsletter for all 300 employees and chaired the weekly team meeting.",
      ),
    ).toBe(true);
    // What the readings leave out stays out.
    expect(
      met("Designing scalable backend services", "I arranged the funeral services for the family."),
    ).toBe(false);
  });
});

describe("a domain application, a queried service and a tool name (round 38, issue 11)", () => {
  it("reads fraud detection as an application of anomaly detection, not the same skill", () => {
    const ask = "Background in fraud detection";
    const detector = "I built an anomaly detector that flags odd vibration readings on our pumps.";
    expect(semanticMatch(ask, detector).strength).not.toBe("strong");
    // Shown, fraud work still answers an ask for anomaly detection.
    expect(
      semanticMatch("Experience with anomaly detection", "My model flagged fraudulent refunds before payout.")
        .matched,
    ).toBe(true);
  });

  it("reads a queried service or search as no database query", () => {
    expect(ids("Support staff can query an order through a REST endpoint.")).not.toContain("skill.sql");
    expect(ids("Shoppers' search queries return in under a second.")).not.toContain("skill.sql");
    expect(ids("I rewrote the reporting queries so the monthly close ran in minutes.")).toContain(
      "skill.sql",
    );
    expect(
      semanticMatch("Strong Python and SQL", "A small HTTP service let the lab query a sensor on demand.")
        .matched,
    ).toBe(false);
  });

  it("reads 'fluent in' as a spoken language unless a programming language follows", () => {
    expect(ids("Fluent in Go and TypeScript")).not.toContain("skill.languages");
    expect(ids("Fluent in at least two languages besides English")).toContain("skill.languages");
  });

  it("reads Beam as the data tool only beside data tooling", () => {
    expect(ids("We logged beam-loss events at the accelerator every shift.")).not.toContain(
      "skill.data-pipelines",
    );
    expect(ids("The welder checked each steel beam before the lift.")).not.toContain("skill.data-pipelines");
    expect(ids("I ported the clickstream job to a Beam pipeline on Dataflow.")).toContain(
      "skill.data-pipelines",
    );
    expect(ids("I know Apache Beam well.")).toContain("skill.data-pipelines");
  });
});
