import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPrepSheetMarkdown } from "../core/prep-sheet/index.ts";
import { openStore, type Store } from "../store/index.ts";
import { importDocument } from "./bank.ts";
import { tailorJobDescription } from "./packaging.ts";
import { loadPrepSheet } from "./prep-sheet.ts";

// A candidate prepares for one interview: the sheet of a saved tailoring (a job posting) holds
// the answers that evidence what the posting asks, names the posting, and leaves the rest out.
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));
const copy = Buffer.concat([sample, Buffer.from("\nMy own copy of the sample, edited for my interviews.\n")]);
const posting = [
  "# Data Engineer at Initech",
  "",
  "## Requirements",
  "- Experience monitoring data drift in production pipelines",
  "- You find root causes and add checks so data failures do not repeat",
  "",
].join("\n");

describe("the prep sheet of one saved tailoring", () => {
  let pglite: PGlite;
  let store: Store;
  let tailoringId: string;
  beforeAll(async () => {
    pglite = await PGlite.create();
    store = await openStore({ pglite });
    await store.users.ensureUser("u");
    await importDocument(store, "u", { bytes: new Uint8Array(copy), filename: "my-prep.md" });
    const result = await tailorJobDescription(store, "u", posting);
    tailoringId = result.id ?? "";
    expect(tailoringId).not.toBe("");
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await pglite.close();
  });

  it("holds only the answers that evidence the posting, under the posting's name", async () => {
    const { tailoring } = await tailorJobDescription(store, "u", posting, { save: false });
    const whole = await loadPrepSheet(store, "u");
    const sheet = await loadPrepSheet(store, "u", { tailoringId });
    expect(sheet.posting?.company).toBe(tailoring.company);
    expect(sheet.posting?.requirements.map((r) => r.covered)).toEqual(
      tailoring.requirements.map((r) => r.covered),
    );
    expect(sheet.answers.length).toBeGreaterThan(0);
    expect(sheet.answers.length).toBeLessThan(whole.answers.length);
    const quoted = new Set(
      tailoring.requirements.flatMap((r) =>
        r.evidence.filter((e) => e.source === "answer").map((e) => e.title),
      ),
    );
    // Evidence names a question answered in several variants with its variant ("Tell me about
    // yourself (alternative)"), as the tailor view shows it.
    for (const answer of sheet.answers)
      expect(
        quoted.has(answer.question) || quoted.has(`${answer.question} (${answer.variant})`),
        answer.question,
      ).toBe(true);
    const md = renderPrepSheetMarkdown(sheet);
    expect(md).toMatch(/^# .*Initech/);
    expect(md).toContain("## The posting:");
    expect(md).toContain("Experience monitoring data drift in production pipelines");
    // The answers of other competencies are in the bank, only not on this sheet: before, its
    // cover said "No prepared answer yet: Motivation, …" of answers the candidate had written.
    expect(whole.coverage.competencies.length).toBeGreaterThan(sheet.coverage.competencies.length);
    expect(md).not.toContain("No prepared answer yet");
  });

  it("an unknown tailoring is refused", async () => {
    await expect(
      loadPrepSheet(store, "u", { tailoringId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toThrow();
  });
});
