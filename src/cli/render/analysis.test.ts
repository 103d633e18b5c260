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
});
