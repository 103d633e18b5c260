import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePrepDocument } from "../markdown/parse.ts";
import { analyze } from "./index.ts";

// The README screenshot's sample document: Q5's mistake story closes on a lesson told as a changed
// habit (docs/lab/risk-lens-lab.md, "Lessons told as a changed habit (issue 10, lesson21)" and "lesson22:
// the lesson column fitted alone"). LABELING.md counts a changed practice as a lesson.
const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8");
const q5 = parsePrepDocument(sample).items.find((item) => item.kind === "answer" && item.key === "q5/core");
const QUESTION = "Tell me about a time you made a mistake and how you handled it.";

// Not read by the committed model: lesson22's L1 and L2 read it, and neither was adopted (their
// false-lesson rate on the probe controls). An expected failure until a model reads it: when this
// test turns red, make `it.fails` an `it`.
describe("samples/sample-prep.md, Q5 (a lesson told as a changed habit)", () => {
  it.fails("counts the closing 'Since then I never sign off a migration on a sample; …' as the lesson", () => {
    expect(q5?.kind).toBe("answer");
    const text = q5?.kind === "answer" ? q5.text : "";
    expect(text).toContain("Since then I never sign off a migration on a sample");
    const analysis = analyze(text, { question: QUESTION });
    expect(analysis.labels.lesson).toBe(true);
    expect(analysis.evidence.lesson.quotes.join(" ")).toContain("Since then I never sign off");
  });
});
