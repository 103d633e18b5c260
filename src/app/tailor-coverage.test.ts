import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../test/seed.ts";
import { openStore, type Store } from "../store/index.ts";
import { importDocument } from "./bank.ts";
import {
  coverage,
  listTailorings,
  openTailoring,
  type TailorResult,
  tailorJobDescription,
} from "./packaging.ts";
import { createStoriesFromDocument, storiesAsShown } from "./stories.ts";

// Tailor and coverage on the seed's structure and on our sample document, over a real store
// fed by the real importer. The seed is read from ../shared at run time (mandatory under CI).
const sample = new Uint8Array(readFileSync(new URL("../../samples/sample-prep.md", import.meta.url)));

// A posting of our own, pasted as plain text the way a job site's page copies: no Markdown,
// the company on the line under the title, section names as bare lines.
const POSTING = `Machine Learning Engineer
Casewise · New York, NY (Hybrid)

Casewise helps personal injury firms turn piles of medical records into clear demand letters.

What you'll do
- Train, evaluate and deploy LLM-based models that read medical records
- Improve latency for our users
- Clear communication with non-technical stakeholders such as attorneys and operations

What we're looking for
- A quantitative PhD or equivalent industry experience
- 5+ years of experience working with data
- 3+ years of Python
- Experience with payments or billing systems
`;

// A posting of our own whose asks, but one, nothing in the seed speaks to: tailoring must leave
// them as gaps rather than pass off a nearby sentence (a TLS certificate for a nursing licence).
const FAR_POSTING = `Senior ML Engineer
Harbourline Logistics

Requirements:
- Experience with payments, billing or fraud systems
- Fluent in Mandarin
- Registered nurse license
- Experience managing a team of 10+ engineers
- Background in forklift operation and warehouse safety
- Published research at NeurIPS or ICML
- Experience with Kubernetes and model serving
`;

// A posting of our own with the ask as a user pasted it.
const STAKEHOLDERS_POSTING = `Data Scientist
Northwind Analytics

Requirements:
- Clear communication with non-technical stakeholders
- Experience with Python
`;

// A posting of our own for an ML engineer whose asks the seed meets with a sentence that names
// them without showing them (a dashboard for latency, a lesson about pipelines) beside one that
// shows them, and an ask the seed says nothing about (the right to work).
const SERVING_POSTING = `ML Engineer
Fernhill Labs

Responsibilities:
- Reduce inference latency of model serving

Requirements:
- Experience building ETL pipelines
- Authorised to work in the UK
`;

// A posting of our own pasted as one paragraph per section, its asks an inline list.
const INLINE_POSTING = `Machine Learning Engineer — Brightwell Health

Brightwell Health builds software that helps clinics triage patient messages.

Requirements: experience deploying models to production, Kubernetes, a quantitative PhD.
Nice to have: experience with PyTorch.
`;

const NOW = new Date("2026-12-02T12:00:00Z");

async function bankFrom(store: Store, userId: string, bytes: Uint8Array, filename: string) {
  await store.users.ensureUser(userId);
  const imported = await importDocument(store, userId, { bytes, filename });
  if (!imported.documentId) throw new Error(`${filename} imports`);
  await createStoriesFromDocument(store, userId, imported.documentId);
}

const requirement = (result: TailorResult, pattern: RegExp) => {
  const found = result.tailoring.requirements.find((r) => pattern.test(r.text));
  if (!found) throw new Error(`the posting has a requirement matching ${pattern}`);
  return found;
};

describe("tailor and coverage on real documents", () => {
  let pglite: PGlite;
  let store: Store;
  // Each bank tailored to the posting once, before the tests read the results.
  const results: Record<string, TailorResult> = {};
  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await openStore({ pglite });
    if (SEED_RUNS) {
      await bankFrom(store, "seed", seedUpload().bytes, "seed.md");
      results.seed = await tailorJobDescription(store, "seed", POSTING, { now: NOW });
      results.seedFar = await tailorJobDescription(store, "seed", FAR_POSTING, { now: NOW });
      results.seedStakeholders = await tailorJobDescription(store, "seed", STAKEHOLDERS_POSTING, {
        now: NOW,
      });
      results.seedServing = await tailorJobDescription(store, "seed", SERVING_POSTING, { now: NOW });
      results.seedInline = await tailorJobDescription(store, "seed", INLINE_POSTING, { now: NOW });
    }
    await bankFrom(store, "sample", sample, "sample-prep.md");
    results.sample = await tailorJobDescription(store, "sample", POSTING, { now: NOW });
  }, 120_000);
  const resultOf = (user: string): TailorResult => {
    const found = results[user];
    if (!found) throw new Error(`the ${user} bank was tailored`);
    return found;
  };
  afterAll(async () => {
    await store.close();
    await pglite.close();
  });

  describe.runIf(SEED_RUNS)("the seed", () => {
    it("fills the company and the role from the pasted posting", () => {
      const result = resultOf("seed");
      expect(result.tailoring.company).toBe("Casewise");
      expect(result.tailoring.title).toBe("Machine Learning Engineer");
      expect(result.whyCompany.text).toContain("Casewise");
    });

    it("says why now with the seed's prepared why-now answer, not its certification line", () => {
      const whyNow = resultOf("seed").whyCompany.lines.find((line) => line.beat === "why-now");
      expect(whyNow?.text).toMatch(/^As for why now: I.ve built strong independent systems, but now I want/);
      expect(whyNow?.text).not.toMatch(/certified/);
    });

    it("does not count encrypted communication with a chatbot as talking to non-technical stakeholders", () => {
      const req = requirement(resultOf("seed"), /non-technical stakeholders/);
      for (const evidence of req.evidence) {
        expect(evidence.quote).not.toMatch(/secure communication|OAuth2|TLS|HTTPS/);
      }
    });

    it("shows the teaching sentence about growing as a communicator first for talking to non-technical stakeholders", () => {
      // The learned scorer ranked a sentence about teaching hours lost to falling enrolment first
      // ("technical ≈ significant"); the reader's pick is the one where the speaker grew as a
      // communicator. Seed sentences are named by a few of their words only.
      const req = requirement(resultOf("seedStakeholders"), /non-technical stakeholders/);
      expect(req.evidence[0]?.quote).toMatch(/grow as a communicator/);
      expect(req.evidence[0]?.quote).not.toMatch(/pandemic|enrollment/);
    });

    it("finds the PhD in Applied Mathematics for 'a quantitative PhD', with its sentence and strength", () => {
      const req = requirement(resultOf("seed"), /quantitative PhD/);
      expect(req.covered).toBe(true);
      expect(req.strength).toBe("strong");
      expect(req.evidence[0]?.quote).toMatch(/PhD in Applied Math/);
    });

    it("finds the latency work for 'improve latency'", () => {
      const req = requirement(resultOf("seed"), /Improve latency/);
      expect(req.covered).toBe(true);
      expect(req.evidence.map((e) => e.quote).join("\n")).toMatch(/latency/i);
    });

    it("shows the sentence where latency fell for 'reduce latency', not the dashboard that watches it or the spike", () => {
      const req = requirement(resultOf("seedServing"), /Reduce inference latency/);
      expect(req.evidence[0]?.quote).toMatch(/latency dropped sharply/);
      for (const evidence of req.evidence.slice(0, 1)) {
        expect(evidence.quote).not.toMatch(/Prometheus|Latency increased/);
      }
    });

    it("shows the sentence where the speaker built data pipelines, not the lesson about them", () => {
      const req = requirement(resultOf("seedServing"), /ETL pipelines/);
      expect(req.evidence[0]?.quote).toMatch(/created automated data pipelines/);
      expect(req.evidence[0]?.quote).not.toMatch(/reminded me/);
    });

    it("never shows the sentence where the mistake surfaced as proof of deploying models: a deed comes first", () => {
      // "After deploying the first version, I noticed that the forecasted values were
      // significantly off" tells the problem of the ML-focused mistake story, not the skill.
      const result = resultOf("seedInline");
      const req = requirement(result, /deploying models to production/);
      for (const evidence of req.evidence) expect(evidence.quote).not.toMatch(/significantly off/);
      const fit = result.whyCompany.lines.filter((line) => line.beat === "fit").map((line) => line.text);
      expect(fit.join("\n")).not.toMatch(/significantly off|inaccessible|error rates/);
    });

    it("shows 'experience deploying models to production' first by a sentence where the speaker deployed one", () => {
      // It was "Over the years, I've built hands-on experience across the ML lifecycle — from … to
      // deployment —", a claim that names deployment beside "In one project, I deployed a …
      // inference service".
      const req = requirement(resultOf("seedInline"), /deploying models to production/);
      expect(req.evidence[0]?.quote).toMatch(/\bI deployed\b/);
    });

    it("shows Kubernetes first by the sentence that deploys to EKS, not by the service hosted on ECS", () => {
      const req = requirement(resultOf("seedInline"), /^Kubernetes$/);
      expect(req.evidence[0]?.quote).toMatch(/\bEKS\b/);
      expect(req.evidence[0]?.quote).not.toMatch(/\bECS\b/);
    });

    it("says what the posting stresses in the fit lines, not its bare tool ask 'Kubernetes'", () => {
      // Before: "You ask for Kubernetes. Then, I used AWS CDK to deploy the model to EKS…" was the
      // second line, after deploying models, ahead of the quantitative PhD the posting also asks for.
      const fit = resultOf("seedInline").whyCompany.lines.filter((line) => line.beat === "fit");
      expect(fit.map((line) => line.text).join("\n")).not.toMatch(/^You ask for Kubernetes/m);
      expect(fit.map((line) => line.text)).toEqual([
        expect.stringMatching(/^You ask for experience deploying models to production\. /),
        expect.stringMatching(/^You ask for a quantitative PhD\. /),
      ]);
    });

    it("leaves the right to work a gap: the seed says nothing about it", () => {
      const req = requirement(resultOf("seedServing"), /Authorised to work/);
      expect(req.covered, req.evidence.map((e) => e.quote).join(" | ")).toBe(false);
    });

    it("checks years against what the bank says, not the word 'Python'", () => {
      const req = requirement(resultOf("seed"), /3\+ years of Python/);
      expect(req.yearsCheck).toMatchObject({ required: 3, met: false });
      expect(req.covered).toBe(false);
      expect(req.yearsCheck?.note).toMatch(/nothing in your stories or answers states/);
      // An open requirement shows no strong evidence under it.
      expect(req.evidence.length).toBeGreaterThan(0);
      expect(req.evidence.map((e) => e.strength)).not.toContain("strong");
    });

    it("leaves a requirement nothing in the bank speaks to as a gap", () => {
      expect(requirement(resultOf("seed"), /payments or billing/).covered).toBe(false);
    });

    it("leaves asks the bank does not speak to as gaps, and finds the one it does", () => {
      const result = resultOf("seedFar");
      for (const ask of [/payments/, /Mandarin/, /nurse/, /managing a team/, /forklift/, /NeurIPS/]) {
        const req = requirement(result, ask);
        expect(req.covered, `${req.text}: ${req.evidence.map((e) => e.quote).join(" | ")}`).toBe(false);
      }
      expect(requirement(result, /Kubernetes and model serving/).covered).toBe(true);
    });

    it("keeps the posting: listed and reopened as saved", async () => {
      const result = resultOf("seed");
      const list = await listTailorings(store, "seed");
      const saved = list.find((t) => t.id === result.id);
      expect(saved).toMatchObject({ company: "Casewise", title: "Machine Learning Engineer" });
      const reopened = await openTailoring(store, "seed", result.id ?? "");
      expect(reopened.posting).toBe(POSTING);
      expect(reopened.tailoring.requirements).toHaveLength(result.tailoring.requirements.length);
      // The same posting again updates its entry rather than adding another.
      await tailorJobDescription(store, "seed", POSTING, { now: NOW, company: "Casewise Inc." });
      const again = await listTailorings(store, "seed");
      expect(again.filter((t) => t.id === result.id)).toHaveLength(1);
      expect(again.find((t) => t.id === result.id)?.company).toBe("Casewise Inc.");
    });

    it("coverage judges the seed's prepared follow-up answers as replies: direct and specific, they count as strong", async () => {
      const matrix = await coverage(store, "seed");
      const cell = (competency: string, title: RegExp) =>
        matrix.rows
          .find((r) => r.competency === competency)
          ?.evidence.find((e) => e.source === "answer" && title.test(e.title))?.strength;
      // Read as stories (no result, no lesson) they counted 1, the weakest a cell can be.
      expect(cell("about-me", /PhD/)).toBe(3);
      expect(cell("motivation", /Why now/)).toBe(3);
      expect(cell("ml-engineering", /ML in practice/)).toBe(3);
    });

    it("coverage reads the technical story's closing growth line as its lesson: result and lesson, strength 2", async () => {
      // "It helped me solidify my end-to-end understanding of ML systems…" closes the Result of
      // Q3: compose tells it as the lesson, and the story keeps it as one, so coverage counts it.
      const matrix = await coverage(store, "seed");
      const row = matrix.rows.find((r) => r.competency === "technical-challenge");
      // The story of the technical question, found as the story list shows it: by its question.
      const technical = (await storiesAsShown(store, "seed")).find((s) =>
        /complex technical problem/.test(s.question ?? ""),
      );
      const story = row?.evidence.find((e) => e.source === "story" && e.id === technical?.id);
      expect(story?.strength).toBe(2);
      expect(matrix.thin).not.toContain("technical-challenge");
    });

    it("coverage counts the about-me and motivation answers and the ML engineering stories", async () => {
      const matrix = await coverage(store, "seed");
      expect(matrix.gaps).not.toContain("about-me");
      expect(matrix.gaps).not.toContain("motivation");
      expect(matrix.gaps).not.toContain("ml-engineering");
      const ml = matrix.rows.find((r) => r.competency === "ml-engineering");
      expect(ml?.evidence.filter((e) => e.source === "story").length).toBeGreaterThanOrEqual(3);
      // A story counts for every competency it evidences, not one.
      const perStory = matrix.stories.map((_, s) => matrix.cells.filter((row) => (row[s] ?? 0) > 0).length);
      expect(Math.max(...perStory)).toBeGreaterThan(1);
      // The mistake question is answered in three variants, each made into a story: the row
      // lists each once, as its story (the variants named apart), not again as an answer.
      // The stories are found by their question, as the story list shows it; each is titled by
      // its own episode, so the variants read apart without their labels.
      const mistakeStories = new Set(
        (await storiesAsShown(store, "seed"))
          .filter((s) => /made a mistake/.test(s.question ?? ""))
          .map((s) => s.id),
      );
      const mistake = matrix.rows
        .find((r) => r.competency === "mistake-failure")
        ?.evidence.filter((e) => mistakeStories.has(e.id) || /mistake/i.test(e.title));
      const titles = mistake?.map((e) => e.title);
      expect(titles?.length).toBeGreaterThanOrEqual(2);
      expect(new Set(titles).size).toBe(titles?.length);
      expect(mistake?.filter((e) => e.source === "answer")).toEqual([]);
      expect(titles?.filter((t) => /mistake/i.test(t))).toEqual([]);
      // Each gap says what to write.
      for (const gap of matrix.gaps) {
        const row = matrix.rows.find((r) => r.competency === gap);
        // Concept questions are covered by drilling, every other gap by writing.
        expect(row?.action?.kind).toMatch(gap === "ml-concept" ? /^drill$/ : /^write-(story|answer)$/);
        expect(row?.action?.question).toMatch(/\?|\.$/);
      }
    });
  });

  describe("our sample document", () => {
    it("counts the years the bank states: six years of data work meet 5+, two years of Python do not meet 3+", () => {
      const result = resultOf("sample");
      const data = requirement(result, /5\+ years of experience working with data/);
      expect(data.yearsCheck).toMatchObject({ required: 5, found: 6, met: true });
      expect(data.covered).toBe(true);
      expect(data.evidence[0]?.quote).toMatch(/six years/);
      const python = requirement(result, /3\+ years of Python/);
      expect(python.yearsCheck).toMatchObject({ required: 3, found: 2, met: false });
      expect(python.covered).toBe(false);
    });

    it("finds the physics PhD and the 95th-percentile latency work by meaning", () => {
      const result = resultOf("sample");
      expect(requirement(result, /quantitative PhD/).evidence[0]?.quote).toMatch(/Physics PhD|physicist/);
      const latency = requirement(result, /Improve latency/);
      expect(latency.covered).toBe(true);
      expect(latency.evidence.map((e) => e.quote).join("\n")).toMatch(/latency/);
      // A data-volume sentence ("two terabytes of readings a night … drifted slowly") is not latency work.
      expect(latency.evidence.map((e) => e.quote).join("\n")).not.toMatch(/terabytes/);
    });

    it("says why now with the sample's prepared answer to 'Why leave research now?', though it says no 'now'", () => {
      const whyNow = resultOf("sample").whyCompany.lines.find((line) => line.beat === "why-now");
      expect(whyNow?.text).toBe(
        "As for why now: I want my models to meet real users every week, not once per funding cycle.",
      );
    });

    it("coverage reads the about-me answer", async () => {
      const matrix = await coverage(store, "sample");
      expect(matrix.gaps).not.toContain("about-me");
      expect(matrix.rows.find((r) => r.competency === "about-me")?.evidence[0]?.source).toBe("answer");
    });
  });
});
