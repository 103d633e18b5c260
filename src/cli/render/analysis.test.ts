import { describe, expect, it } from "vitest";
import { analyze } from "../../core/index.ts";
import { renderAnalysis } from "./analysis.ts";
import { createStyle } from "./style.ts";

describe("the analysis report", () => {
  it("says one word in the singular on its timing line", () => {
    const plain = createStyle({ isTTY: false }, { NO_COLOR: "1" });
    // Before: "Timing  1 words ≈ 0 s at 150 wpm".
    const report = renderAnalysis(analyze("Because.", { question: "Why us?" }), plain);
    expect(report).toMatch(/Timing {2}1 word ≈/);
    expect(renderAnalysis(analyze("Because I can.", { question: "Why us?" }), plain)).toMatch(
      /Timing {2}3 words ≈/,
    );
  });

  it("says whose work the answer tells in words, not the label's code", () => {
    const plain = createStyle({ isTTY: false }, { NO_COLOR: "1" });
    const mine = renderAnalysis(
      analyze("I found the leak. I wrote the fix. I shipped it in a week.", {
        question: "Tell me about a bug",
      }),
      plain,
    );
    // Before: "ownership: i (…".
    expect(mine).toMatch(/ownership: mostly "I" \(/);
    const ours = renderAnalysis(
      analyze("We found the leak. We wrote the fix. We shipped it in a week.", {
        question: "Tell me about a bug",
      }),
      plain,
    );
    expect(ours).toMatch(/ownership: mostly "we" \(/);
  });
});
