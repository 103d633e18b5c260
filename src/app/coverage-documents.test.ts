import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { importDocument } from "./bank.ts";
import { coverage } from "./packaging.ts";
import { createStoriesFromDocument } from "./stories.ts";

// Two documents answering the same question: each coverage entry names its document, so the
// row does not read as one answer listed twice. One document: no name (nothing to tell apart).
const doc = (title: string, answer: string) =>
  new TextEncoder().encode(`# ${title}\n\n## Tell me about yourself\n\n${answer}\n`);

describe("coverage across documents", () => {
  let pglite: PGlite;
  let store: Store;
  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await openStore({ pglite });
    for (const user of ["one", "two"]) await store.users.ensureUser(user);
    const first = "I build data pipelines; last year I cut our nightly batch from 6 hours to 40 minutes.";
    const second = "I am an ML engineer who took three forecasting models to production for a retailer.";
    await importDocument(store, "two", { bytes: doc("Acme", first), filename: "acme.md" });
    await importDocument(store, "two", { bytes: doc("Globex", second), filename: "globex.md" });
    await importDocument(store, "one", { bytes: doc("Acme", first), filename: "acme.md" });
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await pglite.close();
  });

  it("with two documents, each answer names its document", async () => {
    const row = (await coverage(store, "two")).rows.find((r) => r.competency === "about-me");
    const answers = row?.evidence.filter((e) => e.source === "answer") ?? [];
    expect(answers.map((e) => e.document).sort()).toEqual(["Acme", "Globex"]);
  });

  it("with one document, no entry names it", async () => {
    const matrix = await coverage(store, "one");
    expect(matrix.rows.flatMap((r) => r.evidence).some((e) => e.document !== undefined)).toBe(false);
  });
});

// Stories drawn from the same question in two documents: each story column names its document,
// and each story counts once per competency.
describe("coverage of stories drawn from two documents", () => {
  let pglite: PGlite;
  let store: Store;
  const story = (title: string, result: string) =>
    new TextEncoder().encode(
      [
        `# ${title}`,
        "",
        "## Tell me about a time you made a mistake",
        "",
        "**Situation:** During a migration of our nightly pipeline to Spark, I rewrote the join of readings and the channel map.",
        "",
        "**Task:** The new job had to match the old one exactly before we switched over.",
        "",
        "**Action:** I checked a sample, switched over, and two days later traced odd values to my inner join, which dropped channels.",
        "",
        `**Result:** ${result}`,
        "",
        "**Lesson:** I never sign off a migration on a sample any more; the job now fails loudly on missing data.",
        "",
      ].join("\n"),
    );
  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await openStore({ pglite });
    await store.users.ensureUser("u");
    for (const [title, result] of [
      ["Acme", "I fixed it within a day and no analysis used the bad values."],
      ["Globex", "I fixed it within 4 hours and 0 published results used the bad values."],
    ] as const) {
      const { documentId } = await importDocument(store, "u", {
        bytes: story(title, result),
        filename: `${title}.md`,
      });
      await createStoriesFromDocument(store, "u", documentId ?? "");
    }
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await pglite.close();
  });

  it("each story names the document it was drawn from, and counts once per competency", async () => {
    const matrix = await coverage(store, "u");
    expect(matrix.stories).toHaveLength(2);
    expect(matrix.stories.map((s) => s.document).sort()).toEqual(["Acme", "Globex"]);
    const row = matrix.rows.find((r) => r.competency === "mistake-failure");
    const stories = row?.evidence.filter((e) => e.source === "story") ?? [];
    expect(stories.map((e) => e.document).sort()).toEqual(["Acme", "Globex"]);
    // The answers the stories were drawn from are the stories: not counted again.
    expect(row?.evidence.filter((e) => e.source === "answer")).toEqual([]);
    for (const r of matrix.rows) {
      const ids = r.evidence.map((e) => `${e.source}:${e.id}`);
      expect(new Set(ids).size, r.competency).toBe(ids.length);
    }
  });
});
