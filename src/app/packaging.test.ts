import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../test/seed.ts";
import { DeriskError } from "../core/errors.ts";
import { PARTIAL_BLANK } from "../core/packaging/index.ts";
import type { Store } from "../store/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { getItemHistory, importDocument, saveAnswerVariant } from "./bank.ts";
import {
  betterVariantFor,
  composeAnswer,
  coverage,
  matchQuestion,
  predictItemFollowUps,
  predictTextFollowUps,
  reangleAnswer,
  tailorJobDescription,
} from "./packaging.ts";
import {
  createStoriesFromDocument,
  createStory,
  createStoryFromAnswer,
  deleteStory,
  getStory,
  listStories,
  storiesAsShown,
  storyAsShown,
  updateStory,
} from "./stories.ts";

// Use cases over a real store (PGlite and PostgreSQL), fed by the real importer.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));

// A small document in the sample's style with a prepared follow-up and a concern note that match.
const academic = `# Prep

## Answers tuned for ML Engineer roles

### Q1- Tell me about yourself:

"I did a PhD in applied math, and my thesis proved a convergence theorem for stochastic optimisation. Then I built a churn model in Python that the sales team used every week."

#### They’ll likely ask:
“Was your PhD related to ML?”
👉 Answer: “Yes: the methods I studied are the optimisers behind deep learning.”

You don’t want them thinking “this is too academic.”
So frame it like:
“I shipped models, not papers.”
`;

const posting = `# ML Engineer
Acme

## Requirements
- 3+ years of Python
- Experience with Spark and data pipelines
- Experience with Kubernetes and Terraform
`;

async function importSample(store: Store, userId = "a") {
  const result = await importDocument(store, userId, { bytes: sample, filename: "sample-prep.md" });
  if (!result.documentId) throw new Error("the sample imports");
  const items = await store.items.listItems(userId, { documentId: result.documentId });
  const byKey = (key: string) => {
    const item = items.find((i) => i.key === key);
    if (!item) throw new Error(`the sample has ${key}`);
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

describeStores("packaging use cases", (getStore) => {
  it("turns the sample's STAR-like answers (Q3, Q5 and its two alternatives) into four stories, once", async () => {
    const store = getStore();
    const { documentId, byKey } = await importSample(store);
    const first = await createStoriesFromDocument(store, "a", documentId);
    expect(first.created.map((s) => s.sourceItemId)).toEqual(
      ["q3/core", "q5/core", "q5/model-focused", "q5/serving-latency-focus"].map((k) => byKey(k).id),
    );
    expect(first.skipped.map((s) => s.key)).toEqual(["q1/core", "q1/alternative", "q2/core"]);
    const [q3, q5] = first.created;
    expect(q3?.competencies).toEqual(["technical-challenge"]);
    expect(q3?.situation).toMatch(/^Our detector produced about two terabytes/);
    expect(q3?.actions.length).toBeGreaterThan(1);
    expect(q5?.competencies).toEqual(["mistake-failure"]);
    // Variants of one question stay apart by what each tells, no longer all titled by the question.
    expect(first.created.map((s) => s.title)).toEqual([
      "Set out to detect drift automatically",
      "Migration of the calibration pipeline to Spark",
      "Built an anomaly detector for beam-loss events",
      "Exposed the drift model through a small HTTP service",
    ]);
    // The question and the variant they answer are shown beside them.
    expect((await storiesAsShown(store, "a")).find((s) => s.id === first.created[2]?.id)).toMatchObject({
      question: "Tell me about a time you made a mistake and how you handled it.",
      variant: "model-focused",
    });

    const again = await createStoriesFromDocument(store, "a", documentId);
    expect(again.created).toEqual([]);
    expect(again.existing).toHaveLength(4);
    expect(await listStories(store, "a")).toHaveLength(4);
  });

  it("offers a composed draft as a variant of the question it answers, never of another (the sample's stories)", async () => {
    const store = getStore();
    const { documentId, byKey } = await importSample(store);
    const { created } = await createStoriesFromDocument(store, "a", documentId);
    const technical = created.find((s) => s.sourceItemId === byKey("q3/core").id);
    const mistake = created.find((s) => s.sourceItemId === byKey("q5/model-focused").id);
    if (technical === undefined || mistake === undefined) throw new Error("the sample's stories");
    const variantOf = async (storyId: string, question: string) =>
      (await composeAnswer(store, "a", { storyId, question, budgetSeconds: 90 })).variantOf;
    // Asked what its own question asks, in other words: beside the answer it was drawn from.
    expect(await variantOf(technical.id, "Tell me about the hardest technical problem you solved.")).toBe(
      byKey("q3/core").id,
    );
    expect(await variantOf(mistake.id, "Tell me about a time you made a mistake.")).toBe(
      byKey("q5/model-focused").id,
    );
    // The technical story told for a mistake question is a draft of the document's mistake
    // question (Q5), not a variant of the technical one (Q3).
    const forMistake = await variantOf(technical.id, "Tell me about a time you made a mistake.");
    expect(forMistake).not.toBe(byKey("q3/core").id);
    expect((await store.items.getItem("a", forMistake ?? "")).key).toMatch(/^q5\//);
    // A question no answer of the document asks: a new answer, a variant of nothing.
    expect(await variantOf(technical.id, "Tell me about a disagreement with a colleague.")).toBeUndefined();
  });

  it("turns one answer into a story in one action, and returns the same story the second time", async () => {
    const store = getStore();
    const { byKey } = await importSample(store);
    const q3 = byKey("q3/core");
    const first = await createStoryFromAnswer(store, "a", q3.id);
    expect(first.created).toBe(true);
    // Titled by what happened (its task), not by the question it answers.
    expect(first.story).toMatchObject({
      sourceItemId: q3.id,
      version: 1,
      title: "Set out to detect drift automatically",
    });
    expect(await storyAsShown(store, "a", first.story.id)).toMatchObject({
      title: "Set out to detect drift automatically",
      question: expect.stringMatching(/^Tell me about a difficult technical problem/),
    });
    const second = await createStoryFromAnswer(store, "a", q3.id);
    expect(second).toEqual({ story: first.story, created: false });
    expect(await codeOf(createStoryFromAnswer(store, "a", byKey("q1/follow-up-1").id))).toMatch(
      /^BAD_INPUT: .*follow-up, not an answer/,
    );
    expect(await codeOf(createStoryFromAnswer(store, "a", byKey("q1/alternative").id))).toMatch(
      /^BAD_INPUT: .*outline/,
    );
  });

  it("creates, reads, updates and deletes a story, validating each write", async () => {
    const store = getStore();
    const story = await createStory(store, "a", {
      title: "Flaky deploys",
      situation: "Deploys failed weekly.",
      actions: ["I added a canary stage.", "I wrote a rollback runbook."],
      result: "Failures fell by 80%.",
    });
    expect(story).toMatchObject({ title: "Flaky deploys", metrics: ["80%"], version: 1 });
    expect(await getStory(store, "a", story.id)).toEqual(story);

    const updated = await updateStory(
      store,
      "a",
      story.id,
      { result: "Failures fell by 90%." },
      { expectedVersion: 1 },
    );
    // Figures derived from the text follow the text; the rest is kept.
    expect(updated).toMatchObject({
      version: 2,
      metrics: ["90%"],
      actions: story.actions,
      title: "Flaky deploys",
    });
    expect(await codeOf(updateStory(store, "a", story.id, { lesson: "x" }, { expectedVersion: 1 }))).toMatch(
      /^CONFLICT/,
    );
    // A block of text replaces the parts; figures the user typed are kept as typed.
    const typed = await updateStory(store, "a", story.id, {
      metrics: ["zero pages"],
      text: "Our deploys failed weekly. I added a canary. Failures dropped to zero. I learned to test rollbacks.",
    });
    expect(typed).toMatchObject({
      metrics: ["zero pages"],
      lesson: "I learned to test rollbacks.",
      version: 3,
    });
    expect(typed.situation).not.toBe("Deploys failed weekly.");
    expect(
      await codeOf(
        updateStory(store, "a", story.id, { situation: "", actions: [], result: "", lesson: "", task: "" }),
      ),
    ).toMatch(/^BAD_INPUT: .*only a title/);

    await deleteStory(store, "a", story.id);
    expect(await codeOf(getStory(store, "a", story.id))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(deleteStory(store, "a", story.id))).toMatch(/^NOT_FOUND/);
  });

  it("refuses an empty story, a story with only a title, an unknown competency and an oversized story", async () => {
    const store = getStore();
    expect(await codeOf(createStory(store, "a", {}))).toMatch(/^BAD_INPUT: The story is empty/);
    expect(await codeOf(createStory(store, "a", { title: "Outage" }))).toMatch(
      /^BAD_INPUT: .*“Outage” has only a title/,
    );
    expect(await codeOf(createStory(store, "a", "a string"))).toMatch(/^BAD_INPUT/);
    expect(await codeOf(createStory(store, "a", { result: "x", competencies: ["magic"] }))).toMatch(
      /unknown competency “magic”/,
    );
    expect(await codeOf(createStory(store, "a", { result: "x".repeat(60_000) }))).toMatch(/^TOO_LARGE/);
    expect(await listStories(store, "a")).toEqual([]);
  });

  it("composes from a stored story with the profile's budget and rate", async () => {
    const store = getStore();
    const { documentId } = await importSample(store);
    const { created } = await createStoriesFromDocument(store, "a", documentId);
    const storyId = created[0]?.id ?? "";
    await store.profiles.upsertProfile("a", { budgets: { answer: 45 }, wordsPerMinute: 160 });
    const draft = await composeAnswer(store, "a", {
      storyId,
      question: "Tell me about a hard problem you solved",
    });
    expect(draft).toMatchObject({ storyId, budgetSeconds: 45, wordsPerMinute: 160 });
    expect(draft.text).toMatch(/two terabytes/);
    expect(draft.seconds).toBeLessThanOrEqual(60);
    const inline = await composeAnswer(store, "a", {
      story: { title: "Canary", actions: "I added a canary stage.", result: "Failures stopped." },
      question: "Tell me about reliability",
      budgetSeconds: 30,
    });
    expect(inline.blanks).toContain("[what did you learn?]");
    expect(await codeOf(composeAnswer(store, "a", { question: "q" }))).toMatch(/^USAGE/);
    expect(await codeOf(composeAnswer(store, "a", { story: { title: "Only" }, question: "q" }))).toMatch(
      /only a title/,
    );
  });

  it("re-angles a stored answer against its own question", async () => {
    const store = getStore();
    const { byKey } = await importSample(store);
    const out = await reangleAnswer(store, "a", byKey("q3/core").id, "ml-engineer");
    expect(out.question).toBe("Tell me about a difficult technical problem you solved.");
    expect(out.sentences.length).toBeGreaterThan(2);
    expect(out.diff.every((d) => ["kept", "moved", "trimmed"].includes(d.status))).toBe(true);
    expect(await codeOf(reangleAnswer(store, "a", byKey("q1/concern-1").id, "ml-engineer"))).toMatch(
      /^BAD_INPUT: .*concern, not an answer/,
    );
  });

  it("re-angles the mistake story keeping the mistake, saves it as a variant and names the variant that fits better", async () => {
    const store = getStore();
    const { documentId, byKey } = await importSample(store);
    // The model-focused telling, re-angled for MLOps, trims a line; the main telling fits MLOps better.
    const q5 = byKey("q5/model-focused");
    const out = await reangleAnswer(store, "a", q5.id, "mlops-engineer", { fromRole: "ml-engineer" });
    expect(out.diff.some((d) => d.status === "trimmed")).toBe(true);
    expect(out.text).toMatch(/my random split had leaked/);
    expect(out.text).not.toMatch(/\*\*/);
    expect(out.betterVariant).toMatchObject({
      itemId: byKey("q5/core").id,
      variant: "core",
    });
    expect(out.betterVariant?.coreShare).toBeGreaterThan(out.betterVariant?.reangledCoreShare ?? 1);
    expect(out.betterVariant?.reangledCoreShare).toBe(out.coreShare.after);
    const saved = await saveAnswerVariant(store, "a", documentId, {
      questionKey: "q5",
      variant: "re-angled for MLOps",
      text: out.text,
      source: "re-angled",
    });
    expect(saved).toMatchObject({ kind: "answer", variant: "re-angled for MLOps", text: out.text });
    const [latest] = await getItemHistory(store, "a", saved.id);
    expect(latest?.source).toBe("re-angled");
    // The variant that already fits gets no hint pointing at a weaker one.
    const fitting = await reangleAnswer(store, "a", byKey("q5/core").id, "mlops-engineer", {
      fromRole: "ml-engineer",
    });
    expect(fitting.betterVariant).toBeUndefined();
  });

  it("never points a re-angle to an outline of arrow notes, however well its words fit the role", async () => {
    const store = getStore();
    const doc = `# Prep

## Answers

### Q1- Tell me about yourself:

"I spent five years as a physics researcher, writing simulation code in C. I then moved into data work and built dashboards for a retail team. Today I want to build models that reach customers."

#### Alternative version

- Research → experiments, hypothesis testing, peer-reviewed papers, statistics.
- Data work → research-grade analysis and experiment design for a retail team.
- Now → want to do research on models with a scientific team.
`;
    const result = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(doc),
      filename: "o.md",
    });
    const items = await store.items.listItems("a", { documentId: result.documentId ?? "" });
    const core = items.find((i) => i.key === "q1/core");
    const out = await reangleAnswer(store, "a", core?.id ?? "", "research-scientist");
    expect(out.betterVariant).toBeUndefined();
    // The same notes saved as a plain variant are still an outline.
    const notes = items.find((i) => i.key === "q1/alternative");
    await saveAnswerVariant(store, "a", result.documentId ?? "", {
      questionKey: "q1",
      variant: "notes",
      text: notes?.kind === "answer" ? notes.text : "",
      source: "typed",
    });
    expect(
      (await reangleAnswer(store, "a", core?.id ?? "", "research-scientist")).betterVariant,
    ).toBeUndefined();
  });

  it("refuses to save a re-angle that kept every sentence as a new variant: it would be a copy", async () => {
    const store = getStore();
    const { documentId, byKey } = await importSample(store);
    const out = await reangleAnswer(store, "a", byKey("q5/core").id, "ml-engineer", {
      fromRole: "mlops-engineer",
    });
    expect(out.diff.every((d) => d.status === "kept")).toBe(true);
    const before = await store.items.listItems("a", { documentId, kind: "answer" });
    expect(
      await codeOf(
        saveAnswerVariant(store, "a", documentId, {
          questionKey: "q5",
          variant: "re-angled for ML",
          text: out.text,
          source: "re-angled",
        }),
      ),
    ).toMatch(/^BAD_INPUT: This re-angled text is variant “core” of Q5 word for word/);
    expect(await store.items.listItems("a", { documentId, kind: "answer" })).toHaveLength(before.length);
    // Typed by the user, the same words are theirs to save.
    await saveAnswerVariant(store, "a", documentId, { questionKey: "q5", variant: "copy", text: out.text });
  });

  it.runIf(SEED_RUNS)("points the seed's MLOps mistake story to its own ML-focused variant", async () => {
    const store = getStore();
    const result = await importDocument(store, "a", seedUpload());
    const items = await store.items.listItems("a", { documentId: result.documentId ?? "" });
    const q6 = items.find((i) => i.key === "q6/core");
    const mlFocused = items.find((i) => i.key === "q6/ml-focused");
    const out = await reangleAnswer(store, "a", q6?.id ?? "", "ml-engineer", { fromRole: "mlops-engineer" });
    expect(out.betterVariant?.itemId).toBe(mlFocused?.id);
    expect(out.betterVariant?.variant).toBe("ML-focused");
    expect(out.betterVariant?.coreShare).toBeGreaterThan(out.coreShare.after);
    // Said before re-angling too (before: only once the button was pressed), with the same figures.
    expect(
      await betterVariantFor(store, "a", q6?.id ?? "", "ml-engineer", { fromRole: "mlops-engineer" }),
    ).toEqual(out.betterVariant);
    // The variant that fits is pointed to no better variant of its own.
    expect(await betterVariantFor(store, "a", mlFocused?.id ?? "", "ml-engineer")).toBeUndefined();
  });

  it.runIf(SEED_RUNS)(
    "says the seed's strongest sentence for the PhD ask, not a loosely related one",
    async () => {
      const store = getStore();
      await importDocument(store, "a", seedUpload());
      const posting = [
        "# Machine Learning Engineer",
        "Harbourline Health",
        "",
        "## Requirements",
        "- A quantitative PhD (mathematics, statistics or physics)",
        "- Clear communication with non-technical stakeholders",
        "",
      ].join("\n");
      const { tailoring, whyCompany } = await tailorJobDescription(store, "a", posting, { save: false });
      const phd = tailoring.requirements.find((r) => /PhD/.test(r.text));
      expect(phd?.strength).toBe("strong");
      const fits = whyCompany.lines.filter((l) => l.beat === "fit");
      const phdLine = fits.find((l) => l.text.startsWith("You ask for a quantitative PhD"));
      // The sentence that states the degree, not "my foundation in math led me to machine learning",
      // said from the clause that carries it: never "My name is …" after the ask.
      expect(phdLine?.text).toMatch(/\. I have a PhD in Applied Mathematics\.$/);
      expect(phdLine?.text).not.toMatch(/My name is/);
      expect(phdLine?.strength).toBe("strong");
      // Only partial evidence for the other ask: said so, with a blank to fill, never as proof.
      for (const line of fits.filter((l) => l.strength === "partial")) {
        expect(line.text.endsWith(`[${PARTIAL_BLANK}]`)).toBe(true);
      }
    },
  );

  it("tailor names the variant of a question answered in several (the sample's Q1 trailer), as the library does", async () => {
    const store = getStore();
    await importSample(store);
    const answers = (await store.items.listItems("a", { kind: "answer" })).flatMap((i) =>
      i.kind === "answer" ? [i] : [],
    );
    const q1 = answers.filter((a) => a.questionKey === answers.find((b) => b.key === "q1/core")?.questionKey);
    expect(q1.length).toBeGreaterThan(1);
    const posting = [
      "# Data Engineer",
      "Acme",
      "",
      "## Requirements",
      "- Experience with Airflow jobs and drift monitoring in production",
      "- CI for data code and on-call for your own services",
      "- Spark and PyTorch",
      "",
    ].join("\n");
    const { tailoring } = await tailorJobDescription(store, "a", posting, { save: false });
    const evidence = tailoring.requirements.flatMap((r) => r.evidence);
    const fromQ1 = evidence.filter((e) => e.source === "answer" && q1.some((a) => a.id === e.id));
    expect(fromQ1.length).toBeGreaterThan(0);
    for (const e of fromQ1) {
      const variant = q1.find((a) => a.id === e.id)?.variant;
      expect(e.title).toBe(`Tell me about yourself (${variant})`);
    }
  });

  it("links predicted follow-ups to the prepared answer and concerns to the user's reframes", async () => {
    const store = getStore();
    const result = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(academic),
      filename: "p.md",
    });
    const items = await store.items.listItems("a", { documentId: result.documentId ?? "" });
    const answer = items.find((i) => i.kind === "answer");
    const followUp = items.find((i) => i.kind === "follow-up");
    const concern = items.find((i) => i.kind === "concern");
    const out = await predictItemFollowUps(store, "a", answer?.id ?? "", "ml-engineer");
    const phd = out.followUps.find((f) => f.triggerId === "degree" && !f.gap);
    expect(phd).toMatchObject({
      prepared: "q1/follow-up-1",
      preparedItemId: followUp?.id,
      preparedAnswer: "Yes: the methods I studied are the optimisers behind deep learning.",
    });
    expect(out.followUps.some((f) => f.gap)).toBe(true);
    expect(out.concerns[0]).toMatchObject({
      id: "too-academic",
      reframes: ["I shipped models, not papers."],
      userConcernItemId: concern?.id,
    });
    // Pasted text links to the same prepared answers in the bank.
    const pasted = await predictTextFollowUps(
      store,
      "a",
      "My PhD in applied math was on optimisation. I shipped it.",
      {
        role: "ml-engineer",
      },
    );
    expect(pasted.followUps.some((f) => f.preparedItemId === followUp?.id)).toBe(true);
    expect(await codeOf(predictTextFollowUps(store, "a", "  "))).toMatch(/^BAD_INPUT/);
  });

  it("matches questions to stored stories and shows the coverage of the bank", async () => {
    const store = getStore();
    const { documentId } = await importSample(store);
    expect((await matchQuestion(store, "a", "Tell me about a time you made a mistake")).results).toEqual([]);
    await createStoriesFromDocument(store, "a", documentId);
    const ranking = await matchQuestion(store, "a", "Tell me about a time you made a mistake", {
      role: "ml-engineer",
      limit: 3,
    });
    expect(ranking.competency).toBe("mistake-failure");
    expect(ranking.results).toHaveLength(3);
    // The stories of the mistake question: each titled by its own episode, the question beside it.
    const shown = new Map((await storiesAsShown(store, "a")).map((s) => [s.id, s]));
    expect(
      ranking.results.every((r) =>
        shown.get(r.storyId)?.question?.startsWith("Tell me about a time you made a mistake"),
      ),
    ).toBe(true);
    expect(new Set(ranking.results.map((r) => r.title)).size).toBe(3);
    const matrix = await coverage(store, "a");
    expect(matrix.stories).toHaveLength(4);
    expect(matrix.gaps).not.toContain("mistake-failure");
    expect(matrix.gaps).not.toContain("technical-challenge");
    // Stories, answers and accomplishments all count; what is left is a gap with an action.
    expect(matrix.gaps.length).toBeGreaterThan(0);
    for (const gap of matrix.gaps) {
      const kind = matrix.rows.find((r) => r.competency === gap)?.action?.kind;
      expect(kind).toMatch(gap === "ml-concept" ? /^drill$/ : /^write-/);
    }
  });

  it("tailors a job description to the bank's stories and answers, and refuses 1 MB", async () => {
    const store = getStore();
    const { documentId } = await importSample(store);
    await createStoriesFromDocument(store, "a", documentId);
    await store.profiles.upsertProfile("a", { background: ["Six years of Python and Spark data pipelines"] });
    const { tailoring, whyCompany } = await tailorJobDescription(store, "a", posting);
    const spark = tailoring.requirements.find((r) => /Spark/.test(r.text));
    expect(spark?.covered).toBe(true);
    expect(spark?.evidence.some((e) => e.source === "story")).toBe(true);
    // Answers are named by item id, so evidence opens the answer.
    const answer = spark?.evidence.find((e) => e.source === "answer");
    expect((await store.items.getItem("a", answer?.id ?? "")).kind).toBe("answer");
    // Years are checked against what the bank says: "the last two years" of Python, not 3+.
    const python = tailoring.requirements.find((r) => /Python/.test(r.text));
    expect(python?.yearsCheck).toMatchObject({ required: 3, found: 2, met: false });
    expect(tailoring.uncovered.map((r) => r.text)).toContain("Experience with Kubernetes and Terraform");
    expect(whyCompany.company).toBe("Acme");
    // "Why you fit" says the bank's strongest sentence for an ask it evidences, not a profile
    // fact that shares words with it.
    const fit = whyCompany.lines.find((l) => l.beat === "fit");
    const asked = tailoring.requirements.find((r) => fit?.quotes[1]?.text === r.text);
    expect(fit?.quotes[0]).toMatchObject({ from: "bank" });
    expect(asked?.evidence.filter((e) => e.strength === fit?.strength).map((e) => e.quote)).toContain(
      fit?.quotes[0]?.text,
    );
    expect(await codeOf(tailorJobDescription(store, "a", "x".repeat(1024 * 1024)))).toMatch(/^TOO_LARGE/);
    expect(await codeOf(tailorJobDescription(store, "a", " \n "))).toMatch(/^BAD_INPUT/);
    const german = await tailorJobDescription(
      store,
      "a",
      "Wir suchen einen ML Engineer. Sie haben Erfahrung mit Python und Spark. Sie arbeiten im Team und sind verantwortlich für die Modelle.",
    );
    expect(german.tailoring.notes.join(" ")).toMatch(/does not look like English/);
  });

  it("matching a saved posting again keeps the company and role the user corrected", async () => {
    const store = getStore();
    await importSample(store);
    const first = await tailorJobDescription(store, "a", posting, {
      company: "Acme Robotics",
      title: "ML Eng",
    });
    expect(first.tailoring.company).toBe("Acme Robotics");
    // The same posting again, the names left empty (as the Tailor page does on a fresh visit):
    // the user's names stay, not the ones read from the posting.
    const again = await tailorJobDescription(store, "a", posting);
    expect(again.id).toBe(first.id);
    expect(again.tailoring.company).toBe("Acme Robotics");
    expect(again.tailoring.title).toBe("ML Eng");
    const [saved] = await store.tailorings.listTailorings("a");
    expect(saved).toMatchObject({ company: "Acme Robotics", title: "ML Eng" });
  });

  it("looks an earlier tailoring up by its posting, and only when it saves", async () => {
    const store = getStore();
    await importSample(store);
    // The real store, with its reads of saved tailorings counted.
    const reads: string[] = [];
    const tailorings = new Proxy(store.tailorings, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (name !== "saveTailoring") reads.push(String(name));
          return value.apply(target, args);
        };
      },
    });
    const counted: Store = { ...store, tailorings };
    const first = await tailorJobDescription(counted, "a", posting, { company: "Acme Robotics" });
    const [before] = await store.tailorings.listTailorings("a");
    reads.length = 0;
    // Not saving: the saved tailorings are neither read nor changed, and the names come from the posting.
    const preview = await tailorJobDescription(counted, "a", posting, { save: false });
    expect(reads).toEqual([]);
    expect(preview.id).toBeUndefined();
    expect(preview.tailoring.company).not.toBe("Acme Robotics");
    expect(await store.tailorings.listTailorings("a")).toEqual([before]);
    // Saving again: one lookup of this posting (not the whole list); the same entry, the user's name kept.
    const again = await tailorJobDescription(counted, "a", posting);
    expect(reads).toEqual(["findTailoring"]);
    expect(again.id).toBe(first.id);
    expect(again.tailoring.company).toBe("Acme Robotics");
    expect(await store.tailorings.findTailoring("a", posting)).toMatchObject({
      id: first.id,
      company: "Acme Robotics",
    });
    expect(await store.tailorings.findTailoring("a", `${posting}\n- Go`)).toBeUndefined();
    expect(await store.tailorings.findTailoring("b", posting)).toBeUndefined();
  });

  it("does not keep a posting in which no requirement was recognised, and says so", async () => {
    const store = getStore();
    await importSample(store);
    // A pasted page that asks for nothing: it used to be listed as "Job description · 0 of 0 evidenced".
    const out = await tailorJobDescription(
      store,
      "a",
      "Thanks for visiting our careers page! Follow us for news.",
    );
    expect(out.tailoring.requirements).toEqual([]);
    expect(out.id).toBeUndefined();
    expect(out.tailoring.notes.join(" ")).toMatch(/not saved/);
    expect(await store.tailorings.listTailorings("a")).toEqual([]);
  });

  it("keeps every story and item of user a out of user b's reach", async () => {
    const store = getStore();
    const { documentId, byKey } = await importSample(store, "a");
    const { created } = await createStoriesFromDocument(store, "a", documentId);
    const storyId = created[0]?.id ?? "";
    const itemId = byKey("q3/core").id;
    const attempts = [
      () => getStory(store, "b", storyId),
      () => updateStory(store, "b", storyId, { lesson: "mine now" }),
      () => deleteStory(store, "b", storyId),
      () => composeAnswer(store, "b", { storyId, question: "Tell me about a problem" }),
      () => createStoryFromAnswer(store, "b", itemId),
      () => createStoriesFromDocument(store, "b", documentId),
      () => reangleAnswer(store, "b", itemId, "ml-engineer"),
      () => predictItemFollowUps(store, "b", itemId),
    ];
    for (const attempt of attempts) expect(await codeOf(attempt())).toMatch(/^NOT_FOUND/);
    expect(await listStories(store, "b")).toEqual([]);
    expect((await coverage(store, "b")).stories).toEqual([]);
    expect((await matchQuestion(store, "b", "Tell me about a problem")).results).toEqual([]);
    expect((await tailorJobDescription(store, "b", posting)).tailoring.coverage).toBe(0);
    // a's story is untouched.
    expect(await getStory(store, "a", storyId)).toEqual(created[0]);
  });
});
