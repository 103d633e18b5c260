import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  conceptsOf,
  type LabelledPair,
  type LabelledQuestionPair,
  measureMatching,
  measureQuestionLinking,
  questionSimilarity,
  semanticMatch,
  splitOf,
  yearsClaims,
  yearsRequired,
} from "./index.ts";
import { analyzeText, clausesOf, encoderFeatures, textsToEmbed } from "./matcher.ts";
import type { SentenceEmbeddings } from "./sentence-embeddings.ts";

describe("semanticMatch", () => {
  it("tells communication skills from encrypted communication", () => {
    const ask = "Clear communication with non-technical stakeholders";
    expect(
      semanticMatch(ask, "I walked the sales managers through the forecast in plain language.").matched,
    ).toBe(true);
    expect(
      semanticMatch(ask, "I enabled secure communication with the chatbot using OAuth2 and TLS.").matched,
    ).toBe(false);
    expect(conceptsOf("The devices communicate over Bluetooth.").map((c) => c.id)).not.toContain(
      "soft.communication",
    );
  });

  it("lets a narrower concept answer a broader one: a PhD in applied mathematics is a quantitative PhD", () => {
    const match = semanticMatch("A quantitative PhD", "I have a PhD in Applied Mathematics.");
    expect(match).toMatchObject({ matched: true, strength: "strong" });
    expect(match.shared).toEqual(expect.arrayContaining(["PhD", "quantitative field"]));
    expect(semanticMatch("A quantitative PhD", "I did a PhD in medieval history.").matched).toBe(false);
  });

  it("reads latency in its synonyms: p99, response time, milliseconds", () => {
    for (const evidence of [
      "p99 fell from 900 ms to 200 ms.",
      "Cold starts made response times long.",
      "Latency dropped sharply after the fix.",
    ]) {
      expect(semanticMatch("Improve latency", evidence).matched).toBe(true);
    }
    expect(semanticMatch("Improve latency", "I improved the onboarding guide.").matched).toBe(false);
  });

  it("matches questions by meaning in both directions", () => {
    expect(
      questionSimilarity(
        "What experience do you have with ML in practice?",
        "Tell me about the machine learning models you shipped.",
      ).score,
    ).toBeGreaterThan(
      questionSimilarity("What experience do you have with ML in practice?", "Why now?").score,
    );
  });

  it("reads an ambiguous word in its sense: water pipelines, clouds in the sky, a security guard, a stakeholder column", () => {
    expect(
      semanticMatch("Building data pipelines", "I laid the water pipeline for the village well.").matched,
    ).toBe(false);
    expect(
      semanticMatch("Experience with cloud platforms", "I photographed clouds over the mountains.").matched,
    ).toBe(false);
    expect(semanticMatch("Security best practices", "I worked as a security guard one summer.").matched).toBe(
      false,
    );
    expect(
      semanticMatch("Stakeholder management", "The stakeholder field in the database was renamed.").matched,
    ).toBe(false);
    expect(
      semanticMatch("Security best practices", "I fixed an SQL injection in the search endpoint.").matched,
    ).toBe(true);
    expect(semanticMatch("Hiring engineers", "I hired a van to move my furniture.").matched).toBe(false);
    expect(semanticMatch("Anomaly detection", "It was an anomaly that everyone was away.").matched).toBe(
      false,
    );
    expect(
      semanticMatch("Anomaly detection", "I flag unusual card transactions for the fraud team.").matched,
    ).toBe(true);
  });

  it("reads client libraries as software and hardware boards as circuit boards, not as audiences", () => {
    const ids = (text: string) => conceptsOf(text).map((c) => c.id);
    expect(ids("Experience building client libraries")).toEqual(["skill.api"]);
    expect(ids("We shipped the client SDK and two API clients")).not.toContain("soft.stakeholders");
    expect(ids("Presented the roadmap to our clients")).toContain("soft.stakeholders");
    expect(ids("Brought up the new FPGA dev board")).toEqual(["skill.embedded"]);
    expect(ids("Reported every quarter to the board of directors")).toContain("soft.executives");
    expect(
      semanticMatch(
        "Experience building client libraries",
        "I published the Python and Java packages developers use to call our API.",
      ).matched,
    ).toBe(true);
    expect(
      semanticMatch("Clear communication with clients", "I wrote the Go client library for our API.").matched,
    ).toBe(false);
    // Clients of a service are programs: found tailoring the seed, where such a sentence was partial
    // evidence for talking to non-technical stakeholders.
    expect(ids("After the release, half of the clients got 503s and timeouts")).not.toContain(
      "soft.stakeholders",
    );
    expect(
      semanticMatch(
        "Clear communication with non-technical stakeholders",
        "Error rates rose sharply and several clients received 5xx errors.",
      ).matched,
    ).toBe(false);
    // A manager of certificates, secrets or packages is a tool: found tailoring the seed, where a
    // deployment sentence naming Cert Manager was evidence for explaining results to stakeholders.
    for (const tool of [
      "I issued the certificates with Cert Manager and kept the API keys in AWS Secrets Manager.",
      "I pinned every dependency with the package manager.",
    ]) {
      expect(ids(tool), tool).not.toContain("soft.stakeholders");
      expect(
        semanticMatch("Explain results to planners and other non-technical stakeholders", tool).matched,
        tool,
      ).toBe(false);
    }
    expect(ids("I walked the regional managers through the forecast")).toContain("soft.stakeholders");
    expect(ids("I walked our clients through the new pricing")).toContain("soft.stakeholders");
    expect(
      semanticMatch(
        "Presenting to executives and the board",
        "I brought up the FPGA board and wrote its drivers.",
      ).matched,
    ).toBe(false);
  });
  it("reads a regression a release brings back as a bug, and a scheduler among office tools as no orchestrator", () => {
    // Our own sentences (eval/matching/evidence-banks.json): statistics is another sense of
    // "catch regressions before release", and the tools a team likes are not Kubernetes.
    const gate = "Build and maintain evaluation pipelines that catch regressions before release";
    expect(
      semanticMatch(gate, "My doctorate gave me a solid grounding in statistics and regression models.")
        .matched,
    ).toBe(false);
    expect(
      semanticMatch(gate, "Our evaluation pipeline runs the unit tests on every merge.").shared,
    ).toContain("testing and validation");
    const tooling =
      "The best part of the week was the tooling: the scheduler, the dashboards and the little scripts my colleagues relied on.";
    const containers = semanticMatch(
      "Experience with Docker, Kubernetes and a major cloud provider",
      tooling,
    );
    expect(containers.shared.filter((s) => /container|kubernetes/i.test(s))).toEqual([]);
    expect(
      semanticMatch("Container orchestration", "I tuned the Kubernetes scheduler for our GPU pods.").matched,
    ).toBe(true);
  });

  it("says which of the ask's concepts a candidate meets, the head concept first (for ranking evidence)", () => {
    const ask = "Clear communication with non-technical stakeholders";
    expect(semanticMatch(ask, "I explained the churn model to the sales directors.").ground?.head).toBe(1);
    // The audience without the skill: the head concept is missed.
    expect(semanticMatch(ask, "I joined the product managers' weekly meeting.").ground?.head).toBe(0);
    expect(
      semanticMatch("Monitor models in production", "I added alerts for drift in production.").ground
        ?.concepts,
    ).toBeGreaterThan(0.5);
  });

  it("treats banking and healthcare as alternatives of a regulated industry", () => {
    const ask = "Experience in regulated industries such as banking or healthcare";
    expect(semanticMatch(ask, "I built credit risk models for a retail bank.").matched).toBe(true);
    expect(semanticMatch(ask, "At the hospital I shipped a triage tool.").matched).toBe(true);
    expect(semanticMatch(ask, "I regulated the temperature of the server room.").matched).toBe(false);
  });

  it("does not pass off a nearby sentence for an ask it does not show", () => {
    const misses: Array<[string, string]> = [
      ["Fluent in Mandarin", "I fine-tuned a language model and served it behind a small API."],
      ["Registered nurse license", "I renewed the expired TLS certificate on the staging gateway."],
      [
        "Experience managing a team of 10+ engineers",
        "A love of puzzles led me to statistics and then to machine learning.",
      ],
      [
        "Background in forklift operation and warehouse safety",
        "The job pulled files from a storage bucket every night and loaded them into the feature store.",
      ],
      [
        "Clear communication with non-technical stakeholders",
        "That outage taught me to load-test every release.",
      ],
      [
        "Strong SQL and data warehousing (Snowflake, BigQuery)",
        "The model weights were read from S3 on every cold start.",
      ],
    ];
    for (const [ask, sentence] of misses)
      expect(semanticMatch(ask, sentence).matched, `${ask} ← ${sentence}`).toBe(false);
    expect(conceptsOf("A love of puzzles led me to statistics.").map((c) => c.id)).not.toContain(
      "soft.leadership",
    );
    expect(conceptsOf("I kept the warehouse aisles clear for the forklifts.").map((c) => c.id)).not.toContain(
      "skill.data-platform",
    );
    expect(
      conceptsOf("I modelled the sales tables in our Snowflake data warehouse.").map((c) => c.id),
    ).toContain("skill.data-platform");
    expect(
      semanticMatch(
        "Experience in warehouse operations and logistics",
        "I ran the night shift at a distribution centre and planned the freight loads.",
      ).matched,
    ).toBe(true);
  });

  it("reads 'Explain …' opening a question as a request, not the communication skill", () => {
    const ids = (t: string) => conceptsOf(t).map((c) => c.id);
    expect(ids("Explain the bias-variance trade-off.")).not.toContain("soft.communication");
    expect(ids("Explain the bias-variance trade-off.")).not.toContain("soft.prioritization");
    expect(ids("Describe how you would monitor a model for drift.")).not.toContain("soft.communication");
    expect(ids("I explained the churn model's limits to the sales team.")).toContain("soft.communication");
    expect(
      questionSimilarity(
        "Explain how gradient boosting works.",
        "How do you explain technical work to non-technical people?",
      ).matched,
    ).toBe(false);
  });

  it("lets a sentence that restates the whole ask stand: the learned scorer does not veto an echo", () => {
    // Every word of the ask is shared, so the word alignment has nothing left to compare; the
    // scorer used to read that as a miss and push a full lexicon match under the threshold.
    const ask = "Deploy and monitor models in production";
    const echo = semanticMatch(ask, "I deployed models to production and monitored them.");
    expect(echo.matched).toBe(true);
    expect(echo.strength).toBe("strong");
    expect(semanticMatch("Manage budgets", "I managed budgets.").matched).toBe(true);
    // The same words in another sense, with words of its own left to align, are still vetoed.
    expect(semanticMatch(ask, "I monitored the production line at the bottling plant.").matched).toBe(false);
  });

  it("reads whom the work is for ('for our users') as context, not as a second ask (round 21)", () => {
    // "Improve latency for our users": the users are whom latency is improved for. A sentence where
    // latency fell meets the ask; on main it scored 0.499, a rule match held back by the unmet
    // "users" (customers), and the sample's latency bullet was no evidence once "100 ms." ended it.
    const latency = "After that, the 95th-percentile latency dropped from seconds to under 100 ms.";
    expect(semanticMatch("Improve latency for our users", latency).matched).toBe(true);
    expect(semanticMatch("Improve latency for our users", "Improve latency").matched).toBe(true);
    // Only beside another ask: alone, whom it is for is the ask.
    expect(semanticMatch("Support for our enterprise customers", latency).matched).toBe(false);
    // And a met beneficiary still counts, as before.
    expect(
      semanticMatch("Improve latency for our users", "Latency for our users fell to 80 ms.").score,
    ).toBeGreaterThanOrEqual(semanticMatch("Improve latency for our users", latency).score);
  });

  it("is deterministic", () => {
    const a = semanticMatch("Experience with Kubernetes", "I ran the services on EKS with Helm.");
    const b = semanticMatch("Experience with Kubernetes", "I ran the services on EKS with Helm.");
    expect(a).toEqual(b);
  });
});

describe("years", () => {
  it("reads durations the way people write them", () => {
    expect(yearsClaims("I spent six years as a physicist.", 2026).map((c) => c.years)).toEqual([6]);
    expect(yearsClaims("I worked there 2017–2021.", 2026).map((c) => c.years)).toEqual([4]);
    expect(yearsClaims("I have used Python since 2019.", 2026).map((c) => c.years)).toEqual([7]);
    expect(yearsClaims("The model uses ten years of data.", 2026)).toEqual([]);
    expect(yearsRequired("3-5 years of Python")).toBe(3);
    expect(yearsRequired("At least five years building ML systems")).toBe(5);
  });
});

describe("conflicts between people, not in code", () => {
  it("meets conflict resolution by a mediated dispute and not by merge conflicts", () => {
    const ask = "Skilled at resolving conflicts between team members";
    const mediated = semanticMatch(ask, "I mediated a dispute between two leads over the roadmap.");
    expect(mediated.matched).toBe(true);
    expect(mediated.shared).toContain("resolving conflicts");
    expect(
      semanticMatch(ask, "I resolved the merge conflicts on our release branch before the cut-off.").matched,
    ).toBe(false);
    expect(conceptsOf("We fixed the dependency conflicts in the lock file.").map((c) => c.id)).not.toContain(
      "soft.conflict-resolution",
    );
  });

  it("keeps a language ask unmet by a sentence with no language in it, whatever the learned scorer says", () => {
    expect(
      semanticMatch("Fluent in Mandarin", "I fine-tuned a language model and served it behind an API.")
        .matched,
    ).toBe(false);
    expect(
      semanticMatch("Fluent in Mandarin", "I negotiated with suppliers in Mandarin every week.").matched,
    ).toBe(true);
  });
});

describe("alternatives and examples in a requirement", () => {
  it('meets "A or B" with either one', () => {
    const ask = "Experience with Kubernetes or Terraform";
    expect(semanticMatch(ask, "I wrote the Terraform modules for all our AWS accounts.").matched).toBe(true);
    expect(semanticMatch(ask, "I moved our services onto a managed Kubernetes cluster.").matched).toBe(true);
    expect(semanticMatch(ask, "I set up the office printers.").matched).toBe(false);
  });

  it("reads examples (after a colon, in parentheses) as ways to meet the concept before them", () => {
    const ask = "Front-end engineering: React, accessibility, page load performance";
    expect(
      semanticMatch(ask, "I cut the checkout's largest contentful paint from 4 s to 1.5 s.").matched,
    ).toBe(true);
    // The examples spell out the concept of their own kind: fields explain "quantitative", not "PhD".
    expect(
      semanticMatch("A quantitative PhD (econometrics or physics)", "I hold a PhD in medieval history.")
        .matched,
    ).toBe(false);
  });

  it("keeps tools with an everyday sense in their sense", () => {
    expect(
      semanticMatch("Strong Python and pandas", "I fed the python in the reptile house at the zoo.").matched,
    ).toBe(false);
    expect(
      semanticMatch(
        "Docker and containerised services",
        "I unloaded shipping containers from the cargo vessel.",
      ).matched,
    ).toBe(false);
    expect(
      semanticMatch("Docker and containerised services", "I wrote multi-stage Dockerfiles for each service.")
        .matched,
    ).toBe(true);
  });

  it("reads each programming language as its own: Python does not show Rust, either of 'Go or Java' does", () => {
    const python = "I moved that work into Python, Spark, scikit-learn and PyTorch.";
    expect(semanticMatch("Experience with Rust is a plus", python).matched).toBe(false);
    expect(semanticMatch("Experience with Rust is a plus", "I rewrote the log parser in Rust.").matched).toBe(
      true,
    );
    expect(semanticMatch("Strong programming skills", python).matched).toBe(true);
    const goOrJava = "Experience with Go or Java";
    expect(semanticMatch(goOrJava, "I wrote our payment service in Java with Spring Boot.").matched).toBe(
      true,
    );
    expect(semanticMatch(goOrJava, "I wrote our payment service in Go.").matched).toBe(true);
    // "Go" the verb is not the language.
    expect(semanticMatch("Experience with Go", "We had to go back and redo the plan.").matched).toBe(false);
  });
});

describe("the taxonomy's families (round 8)", () => {
  it("meets a family by its members and keeps its everyday words in their sense", () => {
    const meets: Array<[string, string]> = [
      [
        "Experience with medication administration",
        "I gave insulin injections and antibiotics to patients during night shifts.",
      ],
      [
        "Experience with lean manufacturing",
        "I ran kaizen events on the assembly line and cut changeover time in half.",
      ],
      [
        "Strong accounting skills",
        "I kept the general ledger and prepared the year-end accounts for the auditors.",
      ],
      [
        "Experience sourcing candidates",
        "I found data engineers on LinkedIn and ran the first screening calls.",
      ],
      ["Closing enterprise deals", "I won a two-year contract with a hospital group worth 800k."],
      ["Experience with SEO", "I grew organic traffic to the blog from 5k to 60k visits a month."],
    ];
    for (const [ask, sentence] of meets)
      expect(semanticMatch(ask, sentence).matched, `${ask} ← ${sentence}`).toBe(true);
    const misses: Array<[string, string]> = [
      ["Experience with medication administration", "I fixed a dependency injection bug in the scheduler."],
      // Found tailoring the seed: "context injection" in a retrieval pipeline is not a ward round.
      [
        "Familiarity with HIPAA and healthcare data privacy",
        "To make retrieval with context injection work better, I stored embeddings in Postgres and built automated data pipelines that collect relevant data from the web.",
      ],
      ["Experience with lean manufacturing", "We were a lean team of three engineers."],
      ["Experience with import and export compliance", "I imported the CSV files into the database."],
      ["Strong accounting skills", "I set up a new account on the cloud console."],
      ["Experience sourcing candidates", "I published our parser as open source."],
      ["Closing enterprise deals", "I closed forty support tickets in a week."],
    ];
    for (const [ask, sentence] of misses)
      expect(semanticMatch(ask, sentence).matched, `${ask} ← ${sentence}`).toBe(false);
  });
});

// The labelled set (eval/matching/pairs.jsonl, docs/matching.md): the frozen test split is
// scored here and in `npm run eval`, never tuned on.
const pairs = readFileSync(new URL("../../../eval/matching/pairs.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as LabelledPair);

describe("the labelled requirement/evidence set", () => {
  it("holds at least 1,550 pairs with hard negatives, each in the split its requirement's hash decides", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(1550);
    expect(pairs.filter((p) => p.kind === "hard-negative").length).toBeGreaterThanOrEqual(400);
    expect(pairs.filter((p) => splitOf(p.requirement) !== p.split)).toEqual([]);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
  });

  // Batches: g001–g192 (the set the lexicons were first grown on), then g193–g276, g277–g336,
  // g337–g388 (before the word vectors) and g389–g420 (before the learned pair scorer), each
  // written in one go before a round of changes; only their dev pairs were read.
  const group = (p: LabelledPair) => Number(p.group.slice(1));
  const test = pairs.filter((p) => p.split === "test");
  const dev = pairs.filter((p) => p.split === "dev");
  const batch = (rows: LabelledPair[], from: number, to: number) =>
    measureMatching(rows.filter((p) => group(p) >= from && group(p) <= to));

  it("keeps test-split precision at or above 0.85 on g001–g192 (0.874 measured)", () => {
    expect(batch(test, 1, 192).precision).toBeGreaterThanOrEqual(0.87);
  });

  it("keeps test-split precision of the later batches at their measured floors", () => {
    // Measured with the taxonomy of round 8 (docs/lab/matching-lab.md; read once): 0.878 on all 664 test
    // pairs, 0.868 on g193–g276, 0.800 on g277–g336, 0.882 on g337–g388, 0.900 on g389–g420
    // (round 7: 0.880, 0.840, 0.793, 0.941, 0.917); round 9 (read once): 0.879 on all, g337–g388
    // 0.895, the others unchanged; round 15 with tail15 (read once): 0.887 on all, g193–g276 0.873,
    // g277–g336 0.828, g337–g388 0.889, g389–g420 0.931. Raise these when the matcher gets there.
    expect(measureMatching(test).precision).toBeGreaterThanOrEqual(0.88);
    expect(batch(test, 193, 276).precision).toBeGreaterThanOrEqual(0.87);
    expect(batch(test, 277, 336).precision).toBeGreaterThanOrEqual(0.82);
    expect(batch(test, 337, 388).precision).toBeGreaterThanOrEqual(0.88);
    expect(batch(test, 389, 420).precision).toBeGreaterThanOrEqual(0.93);
  });

  it("keeps test-split recall at or above its measured floors (the 0.85 target is not met)", () => {
    // Round 8: 0.693 on all, 0.776, 0.639, 0.500, 0.500, 0.900 by batch (round 7: 0.663, 0.770,
    // 0.583, 0.479, 0.533, 0.733); round 9 (read once): 0.699 on all, g337–g388 0.567, the others as
    // in round 8; the echo rule (matchecho, read once): 0.705 on all, g001–g192 0.789; round 10 (read
    // once): 0.708 on all, g193–g276 0.653; round 15 with tail15 (read once): 0.708 on all,
    // g193–g276 0.667, g337–g388 0.533 (one positive lost there, one gained in g193–g276).
    expect(measureMatching(test).recall).toBeGreaterThanOrEqual(0.7);
    expect(batch(test, 1, 192).recall).toBeGreaterThanOrEqual(0.78);
    expect(batch(test, 1, 120).recall).toBeGreaterThanOrEqual(0.81);
    expect(batch(test, 193, 276).recall).toBeGreaterThanOrEqual(0.66);
    expect(batch(test, 277, 336).recall).toBeGreaterThanOrEqual(0.5);
    expect(batch(test, 337, 388).recall).toBeGreaterThanOrEqual(0.53);
    expect(batch(test, 389, 420).recall).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps dev-split precision and recall at their measured floors, batch by batch", () => {
    // The learned scorer gave up a little on the batches the lexicons were fitted to (g001–g336)
    // for the fresh ones (g337–g388 was 0.756 / 0.459 with the rules alone). Round 7 (the wider
    // train set): g337–g388 0.790 / 0.662, g389–g420 0.920 / 0.676; round 8 (the taxonomy):
    // g337–g388 0.794 / 0.676, g389–g420 0.931 / 0.794; round 9: 0.806 / 0.730, 0.933 / 0.824;
    // round 10 (families, nominalisations, acronyms for concepts, sense fixes): g337–g388 0.841 / 0.784.
    const floors: Array<[number, number, number, number]> = [
      [1, 192, 0.97, 0.94],
      [193, 276, 0.96, 0.95],
      [277, 336, 0.97, 0.93],
      // Round 15 (fields written before reading, then the dev misses of g469–g516): g337–g388 0.866 / 0.784.
      [337, 388, 0.86, 0.78],
      [389, 420, 0.93, 0.82],
      // g421–g444 (all dev, written before round 8's taxonomy): main 0.756 / 0.646, round 8 0.943 / 0.688,
      // round 9 (acronyms, hypernym links) 0.947 / 0.750.
      [421, 444, 0.94, 0.75],
      // g445–g468 (all dev, written before round 9 and held out from its tuning): main 0.865 / 0.667,
      // round 9 0.868 / 0.688, the echo rule 0.872 / 0.708; round 10 (tuned on it) 0.936 / 0.917;
      // round 42 (occupations) 0.917 / 0.917: g453e3 let in, the pharmacy ask's narrower occupation
      // concept left out of the reading when missed, and with it the older medication concept it implied;
      // round 43 (the older concept kept as the ask's fallback) 0.936 / 0.917, g453e3 kept out again.
      [445, 468, 0.93, 0.91],
      // g469–g492 (all dev, written before round 10 and held out from its tuning): main 0.694 / 0.521,
      // round 10 the same (no decision changed); round 15 (tuned on it) 0.851 / 0.833.
      [469, 492, 0.85, 0.83],
      // g493–g516 (all dev, written before round 11 and held out from its tuning): main 0.689 / 0.646;
      // round 15 (tuned on it) 0.886 / 0.813.
      [493, 516, 0.88, 0.81],
      // g517–g540 (all dev, written before round 12 and held out from its tuning): main 0.796 / 0.813;
      // round 15 (still held out: scored, never read) 0.875 / 0.875.
      [517, 540, 0.87, 0.87],
      // g541–g564 (all dev, written before round 17 and held out from it; dev from round 21, not tuned
      // on): 0.766 / 0.750; round 27 (sense checks, the plain set's guard) 0.800 / 0.833: g543e1, g553e1,
      // g553e2, g554e1 met, hard negatives g543e3 and g554e3 kept out, the easy negative g554e4 let in.
      [541, 564, 0.8, 0.83],
    ];
    for (const [from, to, precision, recall] of floors) {
      const figures = measureMatching(dev.filter((p) => group(p) >= from && group(p) <= to));
      expect(figures.precision).toBeGreaterThanOrEqual(precision);
      expect(figures.recall).toBeGreaterThanOrEqual(recall);
    }
  });
});

// Follow-up ↔ prepared-answer linking: the same question asked differently, or another question
// (eval/matching/question-pairs.jsonl, written by us). Pairs q001–q072 were read while writing the
// intents; q073–q088 (`batch: 3`) were written after and scored once, as a held-out check.
const questionPairs = readFileSync(
  new URL("../../../eval/matching/question-pairs.jsonl", import.meta.url),
  "utf8",
)
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as LabelledQuestionPair);

describe("the labelled question pairs (follow-up ↔ prepared answer)", () => {
  it("holds at least 150 pairs, hard negatives among them", () => {
    expect(questionPairs.length).toBeGreaterThanOrEqual(150);
    expect(questionPairs.filter((p) => p.kind === "hard-negative").length).toBeGreaterThanOrEqual(15);
  });

  it("links the same question asked differently (floors as measured, batch by batch)", () => {
    const num = (p: LabelledQuestionPair) => Number(p.id.slice(1));
    const first = measureQuestionLinking(questionPairs.filter((p) => num(p) <= 88));
    expect(first.precision).toBeGreaterThanOrEqual(0.93);
    expect(first.recall).toBeGreaterThanOrEqual(0.83);
    const read = measureQuestionLinking(questionPairs.filter((p) => p.batch === 4));
    expect(read.precision).toBeGreaterThanOrEqual(0.87);
    expect(read.recall).toBeGreaterThanOrEqual(1);
    // q129–q152 were written before the last change to the intents and scored once after it.
    const heldOut = measureQuestionLinking(questionPairs.filter((p) => p.batch === 5));
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.88);
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.66);
  });

  it("does not link two questions on one topic that ask for different things", () => {
    expect(questionSimilarity("How long did the rollout take?", "Why did you roll it out?").matched).toBe(
      false,
    );
    expect(
      questionSimilarity("How long did the rollout take?", "What was the timeline of the rollout?").matched,
    ).toBe(true);
    // "improved" is a weakness only when it is about the person, not about a model.
    expect(
      questionSimilarity(
        "How did you check the new ranking improved the results?",
        "How did you evaluate the new ranking?",
      ).matched,
    ).toBe(true);
  });

  it("does not link a yes/no question about the story just told to a question about the speaker's experience", () => {
    // "in production" and "in practice" read as one intent; the first asks one fact of one story.
    const applied = "Where have you used machine learning in practice?";
    expect(questionSimilarity("Was it in production? Who used it?", applied).matched).toBe(false);
    expect(questionSimilarity("Did it ever run in production?", applied).matched).toBe(false);
    // A yes/no question about the speaker is still an account of experience, and two questions
    // about the story still meet.
    expect(questionSimilarity("Have you run machine learning in production?", applied).matched).toBe(true);
    expect(
      questionSimilarity("Was it in production?", "Did it run in production, for real users?").matched,
    ).toBe(true);
  });

  it("reads what a question asks for, not its words", () => {
    expect(
      questionSimilarity(
        "Why now? What makes this the right time for the move?",
        "Why are you leaving academia now?",
      ).matched,
    ).toBe(true);
    expect(
      questionSimilarity("What would you do differently?", "Looking back, what would you change?").matched,
    ).toBe(true);
    expect(
      questionSimilarity("What was your own part in it?", "Which parts of the project were hardest?").matched,
    ).toBe(false);
    // "Carry over to X" asks whether a background fits, as "connected to X" does, and a PhD is a
    // research background: the doctorate question is the closer one, ahead of practical experience.
    const carry = "How does your research background carry over to data science in industry?";
    const doctorate = questionSimilarity(carry, "Was your doctorate connected to data science?");
    const practice = questionSimilarity(carry, "What experience do you have with data science in practice?");
    expect(doctorate.matched).toBe(true);
    expect(doctorate.score).toBeGreaterThan(practice.score);
    // Intents count question to question only: a requirement is not asked "why now".
    expect(
      semanticMatch("Hands-on experience with Kubernetes", "I ran the services on EKS with Helm.").matched,
    ).toBe(true);
  });
});

describe("sentence embeddings (prepared by the app layer)", () => {
  const ask = "Experience with Unity or Unreal";
  const evidence = "I wrote the character controller and shaders, and our studio shipped the game.";
  const unit = (i: number) => {
    const v = new Float32Array(4);
    v[i] = 1;
    return v;
  };

  it("asks for the query, the candidate and its clauses, and without them matches as before", () => {
    const asked: string[] = [];
    const none: SentenceEmbeddings = {
      get(text) {
        asked.push(text);
        return undefined;
      },
    };
    expect(semanticMatch(ask, evidence, { embeddings: none })).toEqual(semanticMatch(ask, evidence));
    expect(new Set(asked)).toEqual(new Set(textsToEmbed([ask, evidence])));
    expect(clausesOf(evidence)).toEqual(["I wrote the character controller", "our studio shipped the game."]);
  });

  it("uses the encoder-aware scorer when both texts are known: close embeddings raise the score, distant ones lower it", () => {
    const same: SentenceEmbeddings = { get: () => unit(0) };
    const apart: SentenceEmbeddings = { get: (text) => (text === ask ? unit(0) : unit(1)) };
    const plain = semanticMatch(ask, evidence).score;
    expect(semanticMatch(ask, evidence, { embeddings: same }).score).toBeGreaterThan(plain);
    expect(semanticMatch(ask, evidence, { embeddings: apart }).score).toBeLessThanOrEqual(plain);
    expect(encoderFeatures(same, ask, evidence)).toEqual([1, 1]);
    expect(encoderFeatures(apart, ask, evidence)).toEqual([0, 0]);
  });
});

// Round 32 (docs/lab/matching-lab.md): a candidate that tells the deeds of an asked concept the
// lexicons see no term of (two words of its list in deeds.ts) is held to the plain scorer's ordinary
// threshold, not the unmet-concept one. Each pair below was rejected before.
describe("deeds pointed at the unmet concept", () => {
  it("accepts a concrete concept told by the objects and outcomes of its work", () => {
    for (const [ask, deed] of [
      [
        "Event planning experience",
        "I booked the venue, the catering and the speakers for a two-day conference of 400 delegates.",
      ],
      [
        "Personal tax return preparation",
        "Each spring I completed the self-assessment returns of sole traders, claimed their allowable expenses and filed them before the deadline.",
      ],
      [
        "Registered nurse with neonatal intensive care experience",
        "On nights I looked after premature babies in incubators and on ventilators.",
      ],
    ] as const) {
      const match = semanticMatch(ask, deed);
      expect(match.matched, deed).toBe(true);
      expect(match.strength, deed).toBe("partial");
    }
  });

  it("still holds a candidate with one deed word, or the deeds of another concept, to the unmet-concept bar", () => {
    expect(
      semanticMatch("Personal tax return preparation", "I kept the expenses spreadsheet for our team.")
        .matched,
    ).toBe(false);
    expect(
      semanticMatch(
        "Qualified plumber",
        "I booked the venue, the catering and the speakers for a two-day conference of 400 delegates.",
      ).matched,
    ).toBe(false);
  });
});

describe("an ask a sense check left naming no concept (docs/lab/matching-lab.md, round 35)", () => {
  // The role title "designer" is the job here, not designers to work with: nothing the lexicons
  // know is left, so only the word alignment, and how far it stands out from the ask's background,
  // decide.
  const ask = "Lighting designer for concerts and touring shows";

  it("reads the ask as naming no concept", () => {
    const reading = analyzeText(ask);
    expect(reading.concepts.size).toBe(0);
    expect(reading.senseRejected).toBe(true);
  });

  it("no longer takes a sentence about other work that only loosely echoes its words", () => {
    expect(semanticMatch(ask, "I repaired the office printer and the meeting-room projector.").matched).toBe(
      false,
    );
  });

  it("still meets the work it asks for, told in other words", () => {
    expect(
      semanticMatch(ask, "I lit a touring concert production, focusing the lamps and programming every cue.")
        .matched,
    ).toBe(true);
  });
});

describe("deeds of software, data and office concepts (docs/lab/matching-lab.md, round 36)", () => {
  // An ask of our own: forecasting is named, the sentence tells the work by what it predicts and
  // from what, in words no term of forecasting holds.
  const ask = "Build demand forecasts for our warehouses";

  it("accepts a forecast told by what was predicted and from what", () => {
    expect(
      semanticMatch(
        ask,
        "Each Monday I predicted how many pallets every site would ship over the next fortnight, using holidays and weather as inputs.",
      ).matched,
    ).toBe(true);
  });

  it("still holds a sentence with one deed word, or none, to the unmet-concept bar", () => {
    expect(
      semanticMatch(ask, "Each Monday I checked the weather before planning the pallets for every site.")
        .matched,
    ).toBe(false);
    expect(semanticMatch(ask, "I planned the weekly rota for the three warehouses.").matched).toBe(false);
  });
});

describe("occupations across job families (docs/lab/matching-lab.md, round 42)", () => {
  // An ask of our own from warehouse work: both sides name forklift work, in words that share none.
  const ask = "Reach truck operator with a current licence";

  it("meets an occupation the candidate names in its own words (a licence, another truck)", () => {
    expect(
      semanticMatch(
        ask,
        "I have an RTITB counterbalance licence and moved pallets in a cold store for three years.",
      ).matched,
    ).toBe(true);
  });

  it("still leaves out other work on the same shift", () => {
    expect(semanticMatch(ask, "I stacked shelves on the night shift at a supermarket.").matched).toBe(false);
  });

  // Round 43: an occupation narrower than an older concept the ask names (dispensing in a pharmacy,
  // under medication) replaces it among the asked concepts; missed, the older one is still asked.
  const pharmacy = "Dispensing prescriptions and counselling in a pharmacy";

  it("still asks for the older concept an occupation replaced when the candidate shows neither", () => {
    expect(
      semanticMatch(pharmacy, "I counselled teenagers through exam stress at a youth centre.").matched,
    ).toBe(false);
  });

  it("meets the ask through the older concept when the candidate shows it without the occupation", () => {
    expect(
      semanticMatch(pharmacy, "I made up each customer's prescription and explained how to take it.").matched,
    ).toBe(true);
  });
});

describe("deeds read as half credit (round 43's design S, off by default)", () => {
  // An ask of our own: a sentence that tells a dental nurse's work by its objects, naming no concept.
  const ask = "Dental nursing experience";
  const told =
    "I sat beside the chair, passed the mirror and probe, and noted which crowns and gums needed work.";

  it("is off by default: deeds alone earn no credit", () => {
    const match = semanticMatch(ask, told);
    expect(match.matched).toBe(false);
    expect(match.shared.some((s) => s.endsWith("(deeds)"))).toBe(false);
  });

  it("with deedCredit, a concept told by two of its deed words earns a neighbour's half credit", () => {
    const match = semanticMatch(ask, told, { deedCredit: true });
    expect(match.shared).toContain("dentistry and dental hygiene (deeds)");
    expect(match.matched).toBe(true);
  });
});

describe("a sentence read clause by clause (round 44's designs C and C2, off by default)", () => {
  // An ask and a sentence of our own: the locksmith's work is told in the clause after the colon, in
  // plain words (round 46 made the trade's own words, "euro cylinder", "anti-snap", name the concept).
  const ask = "Locksmith experienced in emergency lockouts";
  const told =
    "Got an old man back into his house at 3am after he lost his keys: opened the door without damage, then changed the lock.";

  it("is off by default: the whole sentence is rejected", () => {
    expect(semanticMatch(ask, told).matched).toBe(false);
  });

  it("with clauses, a clause the matcher meets on its own makes the pair partial evidence", () => {
    const match = semanticMatch(ask, told, { clauses: true });
    expect(match.matched).toBe(true);
    expect(match.strength).toBe("partial");
  });

  it("with clauseAlignment (design C2), the whole reading with one clause's alignment meets it as partial", () => {
    const match = semanticMatch(ask, told, { clauseAlignment: true });
    expect(match.matched).toBe(true);
    expect(match.strength).toBe("partial");
  });

  it("a sense veto of the whole sentence still rules it out", () => {
    const ask = "clear communication with non-technical stakeholders";
    const vetoed =
      "I set up encrypted communication over TLS, and I explained the rollout to the sales team.";
    expect(semanticMatch(ask, vetoed, { clauses: true }).matched).toBe(false);
    expect(semanticMatch(ask, vetoed, { clauseAlignment: true }).matched).toBe(false);
  });
});
