import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../test/seed.ts";
import type { CoverageMatrix } from "../core/packaging/index.ts";
import { openStore, type Store } from "../store/index.ts";
import { importDocument } from "./bank.ts";
import { coverage } from "./packaging.ts";
import { createStoriesFromDocument } from "./stories.ts";

// Coverage credits a candidate would not dispute, on the seed (read from ../shared at run time,
// mandatory under CI) and on our sample, over a real store fed by the real importer: an answer
// that presents the candidate (about me, why now, strengths) counts for what it answers, not
// for every competency a word of it names.
const sample = new Uint8Array(readFileSync(new URL("../../samples/sample-prep.md", import.meta.url)));
const SELF_PRESENTING = /yourself|why|now\?|PhD related|research really/i;

async function bankFrom(store: Store, userId: string, bytes: Uint8Array, filename: string) {
  await store.users.ensureUser(userId);
  const imported = await importDocument(store, userId, { bytes, filename });
  if (!imported.documentId) throw new Error(`${filename} imports`);
  await createStoriesFromDocument(store, userId, imported.documentId);
}

/** Every competency an answer whose title matches `title` is credited to. */
function creditsOf(matrix: CoverageMatrix, title: RegExp): string[] {
  return matrix.rows
    .filter((r) => r.evidence.some((e) => e.source === "answer" && title.test(e.title)))
    .map((r) => r.competency);
}

describe("coverage credits", () => {
  let pglite: PGlite;
  let store: Store;
  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await openStore({ pglite });
    if (SEED_RUNS) await bankFrom(store, "seed", seedUpload().bytes, "seed.md");
    await bankFrom(store, "sample", sample, "sample-prep.md");
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await pglite.close();
  });

  it.runIf(SEED_RUNS)(
    "the seed: about-me and why-now answers count for about me and motivation only",
    async () => {
      const matrix = await coverage(store, "seed");
      // "I enjoy solving open-ended problems and collaborating with others" is no episode of ambiguity or teamwork.
      expect(creditsOf(matrix, /^Tell me about yourself/)).toEqual(["about-me"]);
      // A why-now answer that names ML is not evidence of ML engineering.
      expect(creditsOf(matrix, /transitioning into industry now/)).toEqual(["motivation"]);
      expect(creditsOf(matrix, /Why now/i)).toEqual(["motivation"]);
      expect(creditsOf(matrix, /PhD related/)).toEqual(["about-me"]);
      // The ML-in-practice reply and the stories still count for ML engineering, each story for more than one competency.
      expect(creditsOf(matrix, /ML in practice/)).toContain("ml-engineering");
      const ml = matrix.rows.find((r) => r.competency === "ml-engineering");
      expect(ml?.evidence.filter((e) => e.source === "story").length).toBeGreaterThanOrEqual(3);
    },
  );

  it("our sample: the why-now answer is not credited to feedback or teamwork", async () => {
    const matrix = await coverage(store, "sample");
    for (const row of matrix.rows) {
      if (row.competency === "about-me" || row.competency === "motivation") continue;
      const self = row.evidence.filter((e) => e.source === "answer" && SELF_PRESENTING.test(e.title));
      expect(self.map((e) => `${row.competency}: ${e.title}`)).toEqual([]);
    }
    expect(matrix.gaps).not.toContain("motivation");
    expect(matrix.gaps).not.toContain("about-me");
  });
});
