import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text.ts";
import { parsePrepDocument } from "../markdown/index.ts";
import { ROLE_IDS } from "../model.ts";
import { analyze } from "./index.ts";

// "Every finding carries evidence; no finding without a quote or a figure" (PRODUCT.md C2),
// checked over every answer of our sample document, for every role.
const sample = parsePrepDocument(
  readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8"),
);
const answers = sample.items.filter((item) => item.kind === "answer");

describe("evidence behind every finding", () => {
  it("has answers to check", () => {
    expect(answers.length).toBeGreaterThanOrEqual(5);
  });

  for (const answer of answers) {
    it(`${answer.key}: each shown signal quotes a sentence, each fix names one`, () => {
      for (const role of ROLE_IDS) {
        const analysis = analyze(answerText(answer), { question: answer.question, role });
        for (const [name, signal] of Object.entries(analysis.signals)) {
          if (signal.level === "strong" || signal.level === "present") {
            expect({ name, quotes: signal.evidence.length > 0 }).toEqual({ name, quotes: true });
          }
          for (const quote of signal.evidence)
            expect(analysis.sentences[quote.index]?.text).toContain(quote.quote.slice(0, 40));
        }
        for (const fix of analysis.fixes) expect(analysis.sentences[fix.index]).toBeDefined();
        for (const [label, value] of Object.entries(analysis.labels)) {
          if (value === true && label !== "blame") {
            const evidence = analysis.evidence[label as keyof typeof analysis.evidence];
            expect({ label, backed: evidence.quotes.length > 0 || evidence.note !== undefined }).toEqual({
              label,
              backed: true,
            });
          }
        }
      }
    });
  }
});

describe("sentence ends after a unit", () => {
  it("splits after a lower-case unit with a full stop, but keeps titles like Ms. with their name", () => {
    const a = analyze("Latency fell to under 100 ms. I learned to check the data first. Ms. Rivera agreed.");
    expect(a.sentences.map((s) => s.text)).toEqual([
      "Latency fell to under 100 ms.",
      "I learned to check the data first.",
      "Ms. Rivera agreed.",
    ]);
    expect(a.labels.lesson).toBe(true);
  });
});

describe("which sentence a signal quotes", () => {
  // Carried to its end: an obstacle met and a hand-over (LABELING.md's autonomy; since the blind
  // writers joined the training, deeds and a result alone no longer read as autonomy).
  const project =
    "At my previous company I built a document question-answering assistant for the support team on my own. " +
    "I fine-tuned a small open model on our help-centre articles, wrapped it in a FastAPI service and deployed it on Kubernetes with autoscaling. " +
    "When the first answers came back wrong, I added an evaluation set of 200 real tickets and tracked answer accuracy before each release. " +
    "Accuracy went from 61% to 84% and the support team now resolves about a third of tickets without escalation. " +
    "I handed it over to the platform team with a runbook, and it has run without me since.";

  it("quotes the speaker's own work for autonomy, not the outcome it led to", () => {
    const analysis = analyze(project, { question: "Tell me about a project you're proud of." });
    expect(analysis.labels.autonomy).toBe(true);
    const first = analysis.signals.autonomy.evidence[0];
    expect(first?.quote).toMatch(/^(I (fine-tuned|handed)|When the first answers)/);
    expect(first?.quote).not.toMatch(/^Accuracy went/);
    expect(analysis.sentences[first?.index ?? -1]?.part).toBe("action");
  });

  it("quotes a signal's strongest sentence first, whatever its place in the answer", () => {
    const story =
      "Our warehouse had 120 pickers and about 9% of orders shipped with a wrong item. " +
      "I sampled 300 wrong shipments and found most came from two look-alike shelf labels. " +
      "I redesigned the labels with colour bands and moved the look-alike items apart. " +
      "Wrong items fell from 9% to 2.5% within six weeks, saving about 40,000 euros a quarter.";
    const analysis = analyze(story, { question: "Tell me about a process you improved." });
    const quantified = analysis.evidence.quantified;
    expect(quantified.indexes.length).toBeGreaterThan(1);
    expect(quantified.quotes[0]).toMatch(/^Wrong items fell from 9% to 2\.5%/);
    // A STAR part still reads in the answer's order.
    const actions = analysis.evidence.action.indexes;
    expect(actions).toEqual([...actions].sort((a, b) => a - b));
  });
});
