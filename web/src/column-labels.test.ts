import { describe, expect, it } from "vitest";
import { columnLabels } from "./column-labels.ts";

describe("coverage column heads", () => {
  it("tells story columns whose titles start alike apart by what follows the shared words", () => {
    // Before: every head read "Tell me about a time yo…", cut where the titles are still identical.
    const titles = [
      "Tell me about a time you solved a complex technical problem.",
      "Tell me about a time you made a mistake and how you handled it.",
      "Tell me about a time you made a mistake and how you handled it (ML-focused).",
      "Tell me about a time you made a mistake and how you handled it. (Model serving / inference API focus)",
      "Why this team?",
    ];
    const labels = columnLabels(titles);
    expect(labels).toEqual([
      "…solved a complex technical problem.",
      "…made a mistake and how you handled it.",
      "…(ML-focused).",
      "…(Model serving / inference API focus)",
      "Why this team?",
    ]);
    expect(new Set(labels).size).toBe(titles.length);
  });

  it("keeps a title whole when nothing else starts like it, or when two are the same", () => {
    expect(columnLabels(["Led the migration", "Shipped the model"])).toEqual([
      "Led the migration",
      "Shipped the model",
    ]);
    expect(columnLabels(["Same story", "Same story"])).toEqual(["Same story", "Same story"]);
  });

  it("cuts a long title at a word, never after a little word, and says so with an ellipsis", () => {
    // Before: a story titled in its own words ("…for an image classification model") ran past its
    // column at 390 px and was clamped at 1280.
    expect(
      columnLabels([
        "Deployed a FastAPI-based inference service for an image classification model",
        "Built a pipeline to predict sales across multiple regions",
        "Personal project to deploy an LLM-based chatbot",
      ]),
    ).toEqual([
      "Deployed a FastAPI-based inference service…",
      "Built a pipeline to predict sales…",
      "Personal project to deploy an LLM-based chatbot",
    ]);
  });
});
