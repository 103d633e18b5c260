import { describe, expect, it } from "vitest";
import { dueLabels } from "./due-labels.ts";

describe("due labels", () => {
  it("names the variant of a question listed more than once, not of one listed once", () => {
    expect(
      dueLabels([
        { questionText: "Tell me about yourself", variant: "core" },
        { questionText: "Tell me about yourself", variant: "alternative" },
        { questionText: "Why us?", variant: "alternative" },
        { questionText: "What is dropout?" },
      ]),
    ).toEqual([
      "Tell me about yourself",
      "Tell me about yourself (alternative)",
      "Why us?",
      "What is dropout?",
    ]);
  });
});
