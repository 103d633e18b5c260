import { describe, expect, it } from "vitest";
import { analyze } from "../core/analysis/analyze.ts";
import { analysisCacheStats, cachedAnalyze, clearAnalysisCache } from "./analysis-cache.ts";

const text =
  "Our nightly job failed twice a week. I traced it to a race in the export, rewrote it as an idempotent step and failures dropped to zero.";
const question = "Tell me about a production incident you fixed.";

describe("remembered analyses", () => {
  it("gives the same analysis as analyze, computed once for the same inputs", () => {
    clearAnalysisCache();
    const first = cachedAnalyze(text, { question, wordsPerMinute: 150 });
    expect(first).toEqual(analyze(text, { question, wordsPerMinute: 150 }));
    expect(cachedAnalyze(text, { question, wordsPerMinute: 150 })).toBe(first);
    expect(analysisCacheStats()).toMatchObject({ hits: 1, misses: 1, size: 1 });
  });

  it("misses on anything the analysis depends on: text, question, role, rate, budget", () => {
    clearAnalysisCache();
    const base = cachedAnalyze(text, { question });
    const variants = [
      cachedAnalyze(`${text} I learned to test the data path first.`, { question }),
      cachedAnalyze(text, { question: "Tell me about a disagreement with your manager." }),
      cachedAnalyze(text, { question, role: "ml-engineer" }),
      cachedAnalyze(text, { question, wordsPerMinute: 110 }),
      cachedAnalyze(text, { question, budgetSeconds: 60 }),
    ];
    for (const other of variants) expect(other).not.toBe(base);
    expect(analysisCacheStats()).toMatchObject({ hits: 0, misses: 6 });
    expect(variants[3]?.timing).not.toEqual(base.timing);
  });
});
