import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../test/seed.ts";
import type { Store } from "../store/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { deleteDocument, importDocument, importSampleDocument, listDocuments } from "./bank.ts";
import { SAMPLE_LEFT_OUT } from "./evidence-scope.ts";
import {
  coverage,
  matchQuestion,
  predictItemFollowUps,
  tailorJobDescription,
  trailerFromBank,
} from "./packaging.ts";
import { jobDescriptionCandidates } from "./practice-sources.ts";
import { createStoriesFromDocument, listStories, updateStory } from "./stories.ts";

// The sample document is someone else's made-up experience: beside the user's own document it is
// never their evidence (tailor, trailer, coverage, follow-up links, story matching), and each of
// those says so once; alone, it is the demo and works as before. Real stores, real importer; the
// user's own document is the seed, read at run time.
const sampleBytes = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));

const posting = `# ML Engineer
Acme

## Requirements
- Experience monitoring models in production and catching drift
- Experience with LLMs and RAG
- A PhD in a quantitative field
- Clear communication with non-technical stakeholders
`;

/** Every id of the sample's items and of the stories drawn from them. */
async function sampleIds(store: Store, documentId: string): Promise<string[]> {
  const items = (await store.items.listItems("a", { documentId })).map((i) => i.id);
  const stories = (await createStoriesFromDocument(store, "a", documentId)).created.map((s) => s.id);
  return [...items, ...stories];
}

const mentions = (value: unknown, ids: readonly string[]) => {
  const text = JSON.stringify(value);
  return ids.filter((id) => text.includes(id));
};

describeStores("the sample document is not the user's evidence", (getStore) => {
  it.runIf(SEED_RUNS)(
    "beside the user's own document, tailor, trailer, coverage, follow-ups, matching and practice leave the sample out and say so",
    async () => {
      const store = getStore();
      // As a new user does: the sample first (the button), then their own notes.
      const sample = await importSampleDocument(store, "a");
      const sampleId = sample.documentId ?? "";
      const ids = await sampleIds(store, sampleId);
      const own = await importDocument(store, "a", seedUpload());
      await createStoriesFromDocument(store, "a", own.documentId ?? "");
      const documents = await listDocuments(store, "a");
      expect(documents.find((d) => d.id === sampleId)?.sample).toBe(true);
      expect(documents.find((d) => d.id === own.documentId)?.sample).toBeUndefined();

      const tailored = await tailorJobDescription(store, "a", posting, { save: false });
      expect(mentions(tailored, ids)).toEqual([]);
      expect(tailored.tailoring.notes.filter((n) => n === SAMPLE_LEFT_OUT)).toHaveLength(1);
      // The sample's drift story ("Drift was caught within twelve hours") is not the user's.
      expect(JSON.stringify(tailored)).not.toMatch(/twelve hours/);

      const trailer = await trailerFromBank(store, "a", 60);
      expect(mentions(trailer, ids)).toEqual([]);
      expect(trailer.aboutMe?.documentId).toBe(own.documentId);
      expect(trailer.sampleLeftOut).toBe(SAMPLE_LEFT_OUT);

      const matrix = await coverage(store, "a");
      expect(mentions(matrix, ids)).toEqual([]);
      expect(matrix.sampleLeftOut).toBe(SAMPLE_LEFT_OUT);

      const items = await store.items.listItems("a", { documentId: own.documentId ?? "" });
      const q6 = items.find((i) => i.key === "q6/core")?.id ?? "";
      const q2 = items.find((i) => i.key === "q2/core")?.id ?? "";
      for (const itemId of [q6, q2]) {
        const predicted = await predictItemFollowUps(store, "a", itemId, "ml-engineer");
        expect(mentions(predicted, ids)).toEqual([]);
        expect(predicted.sampleLeftOut).toBe(SAMPLE_LEFT_OUT);
      }

      const ranking = await matchQuestion(store, "a", "Tell me about a time you made a mistake", {
        role: "ml-engineer",
      });
      expect(ranking.results.length).toBeGreaterThan(0);
      expect(mentions(ranking, ids)).toEqual([]);
      expect(ranking.sampleLeftOut).toBe(SAMPLE_LEFT_OUT);

      const picked = await jobDescriptionCandidates(store, "a", posting, () => 90, 4);
      expect(JSON.stringify(picked)).not.toMatch(/twelve hours|Physics PhD/);

      // Looking at the sample's own answer, its own follow-ups still link (it is the document asked about).
      const sampleQ1 = (await store.items.listItems("a", { documentId: sampleId })).find(
        (i) => i.key === "q1/core",
      );
      const onSample = await predictItemFollowUps(store, "a", sampleQ1?.id ?? "", "ml-engineer");
      expect(onSample.followUps.some((f) => f.preparedDocumentId === sampleId)).toBe(true);
    },
  );

  it("alone, the sample is the demo: every pool reads it and nothing is said", async () => {
    const store = getStore();
    const sample = await importSampleDocument(store, "a");
    const ids = await sampleIds(store, sample.documentId ?? "");
    const matrix = await coverage(store, "a");
    expect(mentions(matrix, ids).length).toBeGreaterThan(0);
    expect(matrix.sampleLeftOut).toBeUndefined();
    const tailored = await tailorJobDescription(store, "a", posting, { save: false });
    expect(mentions(tailored, ids).length).toBeGreaterThan(0);
    expect(tailored.tailoring.notes).not.toContain(SAMPLE_LEFT_OUT);
    const trailer = await trailerFromBank(store, "a", 60);
    expect(trailer.aboutMe?.documentId).toBe(sample.documentId);
    expect(trailer.sampleLeftOut).toBeUndefined();
  });

  it("is recognised by its text, not its name: the sample under another name is the sample, the user's file named like it is theirs", async () => {
    const store = getStore();
    const renamed = await importDocument(store, "a", { bytes: sampleBytes, filename: "my-notes.md" });
    const own = await importDocument(store, "b", {
      bytes: new TextEncoder().encode(
        "# Prep\n\n### Q1- Tell me about a mistake:\n\nI shipped a broken migration and rolled it back within an hour.\n",
      ),
      filename: "sample-prep.md",
    });
    expect((await listDocuments(store, "a")).find((d) => d.id === renamed.documentId)?.sample).toBe(true);
    expect((await listDocuments(store, "b")).find((d) => d.id === own.documentId)?.sample).toBeUndefined();
    // A file of the user's that updates the sample's entry (same file name) makes it theirs.
    await store.documents.deleteDocument("a", renamed.documentId ?? "");
    const sample = await importSampleDocument(store, "a");
    const replaced = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(
        "# My prep\n\n### Q1- Tell me about a mistake:\n\nI shipped a broken migration and rolled it back within an hour.\n",
      ),
      filename: "sample-prep.md",
    });
    expect(replaced).toMatchObject({ status: "updated", documentId: sample.documentId });
    expect((await listDocuments(store, "a")).find((d) => d.id === sample.documentId)?.sample).toBeUndefined();
  });

  it("deleting the sample takes its stories the user never edited with it: they do not become the user's evidence", async () => {
    const store = getStore();
    const sample = await importSampleDocument(store, "a");
    const drawn = (await createStoriesFromDocument(store, "a", sample.documentId ?? "")).created;
    expect(drawn.length).toBeGreaterThan(1);
    // One story the user reworked is theirs now, and stays.
    const [kept, ...rest] = drawn;
    await updateStory(
      store,
      "a",
      kept?.id ?? "",
      { lesson: "What I took from it myself." },
      {
        expectedVersion: kept?.version ?? 1,
      },
    );
    await deleteDocument(store, "a", sample.documentId ?? "");
    const own = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(
        "# Prep\n\n### Q1- Tell me about a mistake:\n\nI shipped a broken migration and rolled it back within an hour.\n",
      ),
      filename: "mine.md",
    });
    expect(own.documentId).toBeDefined();
    expect((await listStories(store, "a")).map((s) => s.id)).toEqual([kept?.id]);
    const matrix = await coverage(store, "a");
    expect(
      mentions(
        matrix,
        rest.map((s) => s.id),
      ),
    ).toEqual([]);
    expect(JSON.stringify(matrix)).not.toMatch(/twelve hours/);
  });
});
