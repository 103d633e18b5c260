import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../test/seed.ts";
import { DeriskError } from "../core/errors.ts";
import type { Store } from "../store/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import { predictItemFollowUps } from "./packaging.ts";
import { createStoryFromAnswer } from "./stories.ts";

// Follow-ups and concerns on the seed (read from ../shared at run time) and the sample.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));

async function importBytes(store: Store, bytes: Uint8Array, filename: string, userId = "a") {
  const result = await importDocument(store, userId, { bytes, filename });
  if (!result.documentId) throw new Error(`${filename} imports`);
  const items = await store.items.listItems(userId, { documentId: result.documentId });
  const byKey = (key: string) => {
    const item = items.find((i) => i.key === key);
    if (!item) throw new Error(`${filename} has ${key}`);
    return item;
  };
  return { documentId: result.documentId, byKey };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeriskError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return "ok";
}

const STORY_PROBES = new Set([
  "story-lesson",
  "story-own-part",
  "story-measure",
  "mistake",
  "missing-figure",
]);

describeStores("follow-ups linked across the bank", (getStore) => {
  it.runIf(SEED_RUNS)(
    "on the seed, Q2's “ML in practice” and “why now” link to Q1's prepared answers, and Q1's “too academic” reframes come back",
    async () => {
      const store = getStore();
      const { byKey } = await importBytes(store, seedUpload().bytes, "seed.md");
      const out = await predictItemFollowUps(store, "a", byKey("q2/core").id, "ml-engineer");
      const practice = out.followUps.find((f) => /ML in practice/.test(f.question));
      const whyNow = out.followUps.find((f) => /^Why now\?/.test(f.question));
      expect(practice).toMatchObject({
        gap: false,
        preparedItemId: byKey("q1/follow-up-3").id,
        preparedKind: "follow-up",
        preparedQuestion: "What experience do you have with ML in practice?",
      });
      expect(whyNow).toMatchObject({ gap: false, preparedItemId: byKey("q1/follow-up-4").id });
      // "Teaching" raises the academic-background question: the document's own answer on whether
      // the PhD was related to ML answers it, not the list of ML projects.
      const academicPath = out.followUps.find((f) => f.triggerId === "research-background");
      expect(academicPath).toMatchObject({ gap: false, preparedItemId: byKey("q1/follow-up-1").id });
      const academic = out.concerns.find((c) => c.id === "too-academic");
      expect(academic?.userConcernItemId).toBe(byKey("q1/concern-1").id);
      expect(academic?.reframes[0]).toMatch(/^My PhD wasn’t theoretical/);
      expect(academic?.triggers.map((t) => t.phrase.toLowerCase())).toContain("teaching");
    },
  );

  it.runIf(SEED_RUNS)(
    "on the seed, Q1's “why now” links to the reply prepared under Q1, not to Q2's whole answer",
    async () => {
      const store = getStore();
      const { byKey } = await importBytes(store, seedUpload().bytes, "seed.md");
      for (const key of ["q1/core", "q1/alternative"]) {
        const out = await predictItemFollowUps(store, "a", byKey(key).id, "ml-engineer");
        const whyNow = out.followUps.find((f) => /^Why now\?/.test(f.question));
        expect(whyNow, key).toMatchObject({ gap: false, preparedItemId: byKey("q1/follow-up-4").id });
      }
    },
  );

  it.runIf(SEED_RUNS)(
    "on the seed, the mistake stories are probed (do differently, own part, measure) before any tool question",
    async () => {
      const store = getStore();
      const { byKey } = await importBytes(store, seedUpload().bytes, "seed.md");
      for (const key of ["q6/core", "q6/ml-focused", "q6/model-serving-inference-api-focus"]) {
        const { followUps } = await predictItemFollowUps(store, "a", byKey(key).id, "ml-engineer");
        const firstTool = followUps.findIndex((f) => f.triggerId === "tool");
        const lastProbe = followUps.findLastIndex((f) => STORY_PROBES.has(f.triggerId));
        expect(followUps[0]?.triggerId, key).not.toBe("tool");
        expect(
          followUps.map((f) => f.question),
          key,
        ).toContain("What would you do differently?");
        if (firstTool >= 0) expect(lastProbe, key).toBeLessThan(firstTool);
      }
      const serving = await predictItemFollowUps(
        store,
        "a",
        byKey("q6/model-serving-inference-api-focus").id,
        "ml-engineer",
      );
      // “we started seeing high error rates”: the interviewer separates the candidate's share.
      expect(serving.followUps.map((f) => f.question)).toContain("What was your own part in it?");
    },
  );

  it.runIf(SEED_RUNS)(
    "with no role given (the CLI's `followups --answer`), the seed's Q1 is read for the role its document is pitched for, and the PhD question links to the document's prepared answer once",
    async () => {
      const store = getStore();
      const { byKey } = await importBytes(store, seedUpload().bytes, "seed.md");
      const out = await predictItemFollowUps(store, "a", byKey("q1/core").id);
      const phd = out.followUps.filter((f) => f.preparedItemId === byKey("q1/follow-up-1").id);
      expect(phd.map((f) => f.question)).toEqual(["Was your PhD in Applied Mathematics related to ML?"]);
      expect(out.followUps.some((f) => /related to this work/.test(f.question))).toBe(false);
    },
  );

  it("on the sample, Q1 and its trailer variant raise the concern the document writes under Q1, with its reframes", async () => {
    const store = getStore();
    const { byKey } = await importBytes(store, sample, "sample-prep.md");
    const answers = (await store.items.listItems("a", { kind: "answer" })).filter(
      (i) =>
        i.kind === "answer" && i.questionKey === (byKey("q1/core") as { questionKey: string }).questionKey,
    );
    expect(answers.length).toBeGreaterThan(1);
    for (const answer of answers) {
      const out = await predictItemFollowUps(store, "a", answer.id, "ml-engineer");
      const own = out.concerns.find((c) => /scientist who dabbles in code/.test(c.judgement));
      expect(own?.reframes.join(" "), answer.key).toMatch(
        /The lab paid me to keep production data pipelines alive/,
      );
      expect(own?.userConcernItemId).toBeDefined();
    }
    // Q2 is another question: the note written under Q1 is not raised there by itself.
    const q2 = await predictItemFollowUps(store, "a", byKey("q2/core").id, "ml-engineer");
    expect(q2.concerns.some((c) => c.id.startsWith("note-"))).toBe(false);
  });

  it.runIf(SEED_RUNS)(
    "a concern note of another document lends its reframes but does not raise the concern on one word (the sample's Q2 beside the seed)",
    async () => {
      const store = getStore();
      const { byKey: seedKey } = await importBytes(store, seedUpload().bytes, "seed.md");
      const { byKey } = await importBytes(store, sample, "sample-prep.md");
      // "When the lab's funding round shrank the software team…": one academic word, and the
      // seed's "this is too academic" note was written about the seed's story, not this one.
      const q2 = await predictItemFollowUps(store, "a", byKey("q2/core").id, "ml-engineer");
      expect(q2.concerns.map((c) => c.judgement)).not.toContain("too academic");
      // Within its own document one trigger still raises it, with the seed's reframes.
      const seedQ2 = await predictItemFollowUps(store, "a", seedKey("q2/core").id, "ml-engineer");
      expect(seedQ2.concerns.find((c) => c.id === "too-academic")?.userConcernItemId).toBe(
        seedKey("q1/concern-1").id,
      );
      // And where the sample raises it by its own count (PhD, lab), the seed's lines are offered.
      const trailer = await predictItemFollowUps(store, "a", byKey("q1/alternative").id, "ml-engineer");
      expect(trailer.concerns.find((c) => c.id === "too-academic")?.reframes[0]).toMatch(
        /^My PhD wasn’t theoretical/,
      );
    },
  );

  it("links to a prepared answer in the user's other document, and never to another user's", async () => {
    const store = getStore();
    const other = `# Motivation notes

### Q1- Why are you looking for a move now?

"After five years in a research lab I want my models to reach customers every week."
`;
    const { byKey: otherKey, documentId: otherDoc } = await importBytes(
      store,
      new TextEncoder().encode(other),
      "motivation.md",
    );
    await importBytes(store, new TextEncoder().encode(other), "motivation.md", "b");
    const text = `# Intro

### Q1- Tell me about yourself:

"I trained as a physicist, and now I'm looking to move into ML engineering on a product team."
`;
    const { byKey } = await importBytes(store, new TextEncoder().encode(text), "intro.md");
    const out = await predictItemFollowUps(store, "a", byKey("q1/core").id, "ml-engineer");
    const whyNow = out.followUps.find((f) => f.triggerId === "career-move");
    expect(whyNow).toMatchObject({
      gap: false,
      preparedItemId: otherKey("q1/core").id,
      preparedKind: "answer",
      preparedDocumentId: otherDoc,
      preparedQuestion: "Why are you looking for a move now?",
    });
    expect(whyNow?.preparedAnswer).toMatch(/reach customers/);
    // User b has the same document; a's prediction never names b's items.
    const bItems = new Set((await store.items.listItems("b")).map((i) => i.id));
    expect(out.followUps.every((f) => f.preparedItemId === undefined || !bItems.has(f.preparedItemId))).toBe(
      true,
    );
  });

  it("refuses to make a story of a “tell me about yourself” answer, with the reason", async () => {
    const store = getStore();
    const { byKey } = await importBytes(store, sample, "sample-prep.md");
    expect(await codeOf(createStoryFromAnswer(store, "a", byKey("q1/core").id))).toMatch(
      /^BAD_INPUT: Your answer to “Tell me about yourself” is not an episode: its question asks about yourself and your background\. A story holds one episode/,
    );
    expect(await store.stories.listStories("a")).toEqual([]);
    if (!SEED_RUNS) return;
    const { byKey: seedKey } = await importBytes(store, seedUpload().bytes, "seed.md");
    expect(await codeOf(createStoryFromAnswer(store, "a", seedKey("q1/core").id))).toMatch(
      /^BAD_INPUT: .*about yourself and your background/,
    );
  });
});
