import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePrepDocument, renderPrepDocument } from "./index.ts";
import { addAnswerVariant } from "./variant.ts";

const sample = parsePrepDocument(
  readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8"),
);
const draft =
  "I traced the drift to a sensor recalibration.\n\nI retrained the model, added a check, and error fell by 30%.";

describe("addAnswerVariant", () => {
  it("adds a variant of the question that re-imports and exports byte-stable", () => {
    const { doc, answer } = addAnswerVariant(sample, {
      questionKey: "q3",
      variant: "ML-focused",
      text: draft,
    });
    expect(answer).toMatchObject({ questionKey: "q3", variant: "ML-focused", text: draft });
    const text = renderPrepDocument(doc);
    expect(renderPrepDocument(parsePrepDocument(text))).toBe(text);
    // Every item that was there is still there, with the same text.
    for (const item of sample.items) {
      expect(doc.items.find((i) => i.key === item.key)?.raw).toBe(item.raw);
    }
    expect(doc.title).toBe(sample.title);
  });

  it("puts the variant under its own question, not at the end of the document", () => {
    const { doc, answer } = addAnswerVariant(sample, {
      questionKey: "q3",
      variant: "ML-focused",
      text: draft,
    });
    const keys = doc.items.map((item) => item.key);
    expect(keys.indexOf(answer.key)).toBe(keys.indexOf("q3/core") + 1);
    const text = renderPrepDocument(doc);
    expect(text.indexOf("(ML-focused)")).toBeLessThan(text.indexOf("### Q5-"));
    expect(text.indexOf("(ML-focused)")).toBeGreaterThan(text.indexOf("### Q3-"));
  });

  it("makes the label unique among the question's variants", () => {
    const once = addAnswerVariant(sample, { questionKey: "q3", variant: "ML-focused", text: draft });
    const twice = addAnswerVariant(once.doc, {
      questionKey: "q3",
      variant: "ML-focused",
      text: "Another take, shorter.",
    });
    expect(twice.answer.variant).toBe("ML-focused 2");
    expect(twice.doc.items.filter((i) => i.kind === "answer" && i.questionKey === "q3")).toHaveLength(3);
  });

  it("refuses an unknown question, empty text and text that would not read back", () => {
    // Which document, and which keys it has ("in this document: pick one of its questions" before).
    expect(() => addAnswerVariant(sample, { questionKey: "q99", variant: "x", text: draft })).toThrow(
      `No question q99 in “${sample.title}”: its questions are q1, q2, q3, q5.`,
    );
    expect(() => addAnswerVariant(sample, { questionKey: "q3", variant: "x", text: "  " })).toThrow(/empty/);
    expect(() => addAnswerVariant(sample, { questionKey: "q3", variant: "x", text: "a\n\n\nb" })).toThrow(
      /blank lines/,
    );
    expect(() =>
      addAnswerVariant(sample, { questionKey: "q3", variant: "x", text: "Question: sneaky" }),
    ).toThrow(/Question:/);
  });

  it("names the line whose formatting would not read back, and what it would become", () => {
    // Before: "… simplify its formatting and try again", with no word of which line or mark.
    const text = "**Situation:** Our nightly job failed twice a week.\n\nI traced it to a timezone bug.";
    expect(() => addAnswerVariant(sample, { questionKey: "q3", variant: "STAR", text })).toThrow(
      "the line “**Situation:** Our nightly job failed twice a week.” would read back as “Situation: Our nightly job failed twice a week.”. Write it without that formatting",
    );
    expect(() =>
      addAnswerVariant(sample, {
        questionKey: "q3",
        variant: "tags",
        text: "The job <b>failed</b> at night.",
      }),
    ).toThrow("the line “The job <b>failed</b> at night.” would read back as “The job failed at night.”");
  });
});
