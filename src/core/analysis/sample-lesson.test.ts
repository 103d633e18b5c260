import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text.ts";
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

// What the fixes and the STAR note ask of that lesson while the lens does not count it: it already
// says what Ines now does, so "make it concrete; say what you now do differently" asked for what is
// there. They ask for what it lacks, what the episode taught her.
describe.each([
  ["as pasted", q5?.kind === "answer" ? q5.text : ""],
  ["as stored, with its STAR labels", q5?.kind === "answer" ? answerText(q5) : ""],
])("samples/sample-prep.md, Q5 %s: the fix for a lesson told as a changed habit", (_, text) => {
  const analysis = analyze(text, { question: QUESTION });

  it("does not ask to make concrete a lesson that says what she now does", () => {
    const fix = analysis.fixes.find((f) => f.action.startsWith("Lesson:"));
    expect(fix?.quote).toMatch(/^Since then I never sign off/);
    expect(fix?.action).not.toMatch(/make it concrete|now do differently/);
    expect(fix?.action).toBe(
      "Lesson: it says what you now do; before it, say in a few words what the episode taught you.",
    );
  });

  it("nor says in the STAR note that it lacks what she now does differently", () => {
    const note = analysis.star.imbalances.find((f) => f.id.endsWith("-lesson"));
    expect(note?.message).toBe(
      "The lesson does not land yet: you say what you now do; say what the episode taught you that made you change.",
    );
  });

  it("still asks an abstract lesson to be made concrete, not told it says what you now do", () => {
    const abstract = analyze(
      text.replace(/Since then[^\n]*/, "It taught me a lot about how data can go missing."),
      {
        question: QUESTION,
      },
    );
    const fix = abstract.fixes.find((f) => f.action.startsWith("Lesson:"));
    expect(fix?.action ?? "").not.toMatch(/it says what you now do/);
  });
});
