import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { importDocument } from "./bank.ts";
import { coverage } from "./packaging.ts";

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
