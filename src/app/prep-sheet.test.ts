import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSeed } from "../../test/seed.ts";
import { importPrepDocument } from "../core/markdown/index.ts";
import {
  buildPrepSheet,
  type PrepSheetPlan,
  planPrepSheet,
  renderPrepSheetHtmlParts,
  type SheetLayout,
} from "../core/prep-sheet/index.ts";
import { PrintQueue } from "./pdf.ts";
import { queueSheetParts } from "./prep-sheet.ts";
import { fontFacesFor } from "./print-fonts.ts";

// The PDF export prints parts while later answers are still being analysed: the parts it
// queues must be exactly the parts of the sheet built first and split after, each at its place.
const sample = importPrepDocument(readFileSync(new URL("../../samples/sample-prep.md", import.meta.url)));
const seed = readSeed();
const docs = seed === undefined ? [sample] : [sample, seed];

/** A plan that records how many answers were analysed whenever a part is taken from the queue. */
function countingPlan(plan: PrepSheetPlan): { plan: PrepSheetPlan; analysed: () => number } {
  let analysed = 0;
  return {
    plan: {
      ...plan,
      answer: (i) => {
        analysed++;
        return plan.answer(i);
      },
    },
    analysed: () => analysed,
  };
}

/** Runs the producer against a consumer that takes parts as they come, like the printing tabs. */
async function pipelined(layout: SheetLayout, answersPerPart: number, competency?: "mistake-failure") {
  const options = competency === undefined ? {} : { competency };
  const { plan, analysed } = countingPlan(planPrepSheet(docs, options));
  const queue = new PrintQueue();
  const arrivals: Array<{ index: number; html: string; analysed: number }> = [];
  const consumer = (async () => {
    for (let job = await queue.take(); job !== undefined; job = await queue.take())
      arrivals.push({ ...job, analysed: analysed() });
  })();
  const sheet = await queueSheetParts(plan, layout, queue, { answersPerPart });
  queue.close();
  await consumer;
  const parts: string[] = [];
  for (const a of arrivals) parts[a.index] = a.html;
  return { sheet, arrivals, parts, count: queue.count(), size: plan.size };
}

describe("queueSheetParts (the PDF export's pipeline)", () => {
  for (const layout of ["sheet", "cards"] as SheetLayout[]) {
    it(`queues the same parts as the sheet built first, each at its place (${layout})`, async () => {
      const { sheet, arrivals, parts, count, size } = await pipelined(layout, 3);
      const sequential = renderPrepSheetHtmlParts(buildPrepSheet(docs), layout, {
        answersPerPart: 3,
        fontFaces: fontFacesFor,
        printOnly: true,
      });
      expect(sheet).toEqual(buildPrepSheet(docs));
      expect(sequential.length).toBeGreaterThan(4);
      // Every part once: none dropped, none twice, none out of place.
      expect(arrivals.map((a) => a.index).sort((a, b) => a - b)).toEqual(sequential.map((_, i) => i));
      expect(count).toBe(sequential.length);
      expect(parts).toEqual(sequential);
      // Printing starts before the analysis ends: the second part is taken while answers remain.
      const second = arrivals.find((a) => a.index === 1);
      expect(second?.analysed).toBeLessThan(size);
      // The cover sums up every answer: its part comes once all are analysed.
      expect(arrivals.find((a) => a.index === 0)?.analysed).toBe(size);
      expect(parts[0]).toContain('<section class="cover">');
    });
  }

  it("keeps the parts of one competency only, in the same order as the sheet of that competency", async () => {
    const { parts } = await pipelined("sheet", 1, "mistake-failure");
    const sheet = buildPrepSheet(docs, { competency: "mistake-failure" });
    expect(sheet.answers.length).toBeGreaterThan(0);
    expect(parts).toEqual(
      renderPrepSheetHtmlParts(sheet, "sheet", {
        answersPerPart: 1,
        fontFaces: fontFacesFor,
        printOnly: true,
      }),
    );
  });

  it("numbers the documents among those with an answer of the competency, before any is analysed", async () => {
    // Before: the parts were written while answers were analysed, against every document the
    // bank had: "Document 2 of 3" and "Document 3 of 3" printed, with no "Document 1".
    const acme = importPrepDocument(
      new TextEncoder().encode(
        '# Acme onsite\n\n## Why Acme?\n\n"Acme ships small models to millions of phones."\n',
      ),
    );
    const { plan, analysed } = countingPlan(
      planPrepSheet([acme, ...docs], { competency: "mistake-failure" }),
    );
    expect(plan.documents.map((d) => d.name)).not.toContain("Acme onsite");
    const queue = new PrintQueue();
    const sheet = await queueSheetParts(plan, "sheet", queue, { answersPerPart: 1 });
    queue.close();
    const parts: string[] = [];
    for (let job = await queue.take(); job !== undefined; job = await queue.take())
      parts[job.index] = job.html;
    // Only that competency's answers are analysed at all.
    expect(analysed()).toBe(sheet?.answers.length);
    expect(sheet?.answers.every((a) => a.competency === "mistake-failure")).toBe(true);
    const kickers = parts.join("\n").match(/<p class="kicker">Document \d of \d<\/p>/g) ?? [];
    expect(kickers).toEqual(
      docs
        .map((_, i) => `<p class="kicker">Document ${i + 1} of ${docs.length}</p>`)
        .slice(docs.length > 1 ? 0 : 1),
    );
    expect(parts[0]).toContain("Acme onsite has no answer or technical question for Mistake or failure");
  });

  it("puts a document of technical questions only in its place, as the sheet built first does", async () => {
    const bank = importPrepDocument(
      new TextEncoder().encode(
        "# Technical bank\n\n## 🔬 ML Fundamentals\nCheck that the basics are solid.\nWhat is the bias–variance trade-off?\nWhen would you prefer precision over recall?\n",
      ),
    );
    const queue = new PrintQueue();
    await queueSheetParts(planPrepSheet([bank, sample]), "sheet", queue, { answersPerPart: 2 });
    queue.close();
    const parts: string[] = [];
    for (let job = await queue.take(); job !== undefined; job = await queue.take())
      parts[job.index] = job.html;
    const sheet = buildPrepSheet([bank, sample]);
    expect(parts).toEqual(
      renderPrepSheetHtmlParts(sheet, "sheet", {
        answersPerPart: 2,
        fontFaces: fontFacesFor,
        printOnly: true,
      }),
    );
    const all = parts.join("");
    expect(all).toContain("Document 1 of 2");
    expect(all.indexOf("Document 1 of 2")).toBeLessThan(all.indexOf("Document 2 of 2"));
  });

  it("stops analysing once printing has failed", async () => {
    const { plan, analysed } = countingPlan(planPrepSheet(docs));
    const sheet = await queueSheetParts(plan, "sheet", new PrintQueue(), { failed: () => analysed() >= 8 });
    expect(sheet).toBeUndefined();
    expect(analysed()).toBeLessThan(plan.size);
  });
});

describe("PrintQueue", () => {
  it("hands parts to waiting takers in the order pushed, and says when a part never came", async () => {
    const queue = new PrintQueue();
    const first = queue.take();
    queue.push(2, "c");
    queue.push(0, "a");
    expect(await first).toEqual({ index: 2, html: "c" });
    expect(await queue.take()).toEqual({ index: 0, html: "a" });
    expect(() => queue.push(0, "again")).toThrow(/not a new part number/);
    const last = queue.take();
    queue.close();
    expect(await last).toBeUndefined();
    expect(() => queue.push(1, "late")).toThrow(/after the last one/);
    expect(() => queue.count()).toThrow(/part 1 of 3 never came/);
  });
});
