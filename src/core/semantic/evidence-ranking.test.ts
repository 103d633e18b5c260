import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bankAnswers, judge, readCases } from "../../../scripts/evidence-ranking.ts";
import { tailor } from "../packaging/index.ts";

// Which sentence Tailor shows first for an ask, against a careful reader's pick
// (eval/matching/evidence-ranking.jsonl, over our sample document and mini-banks of our own).
describe("the evidence Tailor shows first", () => {
  const cases = readCases();
  const verdicts = new Map(cases.map((c) => [c.id, judge(c)]));

  it("is the reader's pick for most asks and rarely a sentence never to pick", () => {
    const counts = { right: 0, wrong: 0 };
    for (const v of verdicts.values()) {
      if (v.verdict === "right") counts.right++;
      if (v.verdict === "wrong") counts.wrong++;
    }
    // matchpartial: 6 right, 5 wrong before; 8 right, 2 wrong after (docs/lab/matching-lab.md). With
    // er13–er16 (tail14): 10 right, 4 wrong before; 12 right, 2 wrong after. With er17–er20
    // (tail15): 12 right, 5 wrong before; 16 right, 2 wrong after.
    expect(counts.right).toBeGreaterThanOrEqual(16);
    expect(counts.wrong).toBeLessThanOrEqual(2);
  });

  it("shows a measure where it ended, a pronoun's model, and the deed the ask opens with", () => {
    // "its accuracy rose": "its" stands for the model, and a ranker learns from click data.
    expect(verdicts.get("er14")?.verdict).toBe("right");
    // "I shipped the recommendation model…" for "Ship and scale…": shipping is asked in full.
    expect(verdicts.get("er18")?.verdict).toBe("right");
    // "…jumped…, but … we brought it down": read by its last move.
    expect(verdicts.get("er19")?.verdict).toBe("right");
    expect(verdicts.get("er20")?.verdict).toBe("right");
  });

  it("shows the sentence where the measure moved the way the ask wants, and the work rather than its lesson", () => {
    // Cloud costs fell, uptime rose: not the sentence where the bill doubled or outages were
    // alerted on. The ETL jobs the speaker wrote: not the lesson that names ETL pipelines.
    expect(verdicts.get("er13")?.verdict).toBe("right");
    expect(verdicts.get("er15")?.verdict).toBe("right");
    expect(verdicts.get("er16")?.verdict).toBe("right");
  });

  it("on the sample, shows a model the speaker put into production, not a sentence only word vectors relate", () => {
    // "Take models from notebook prototypes to reliable production services" showed "But the part
    // of my week I looked forward to most was the engineering…" ("models ≈ tools").
    expect(verdicts.get("er08")?.verdict).toBe("right");
    // "…evaluation pipelines that catch regressions before release" showed "Physics PhD →
    // measurement, statistics…".
    expect(verdicts.get("er09")?.verdict).toBe("right");
    expect(verdicts.get("er07")?.verdict).toBe("right");
  });

  it("ranks partial evidence by the ask's head concept and by the speaker doing the thing", () => {
    const answers = [
      { key: "a", text: "After the launch, the churn numbers on the dashboards looked off for two regions." },
      { key: "b", text: "I built the churn dashboards in Looker that the sales team reads every Monday." },
    ];
    const result = tailor("Requirements:\n- Build dashboards for churn and retention\n", [], answers);
    expect(result.requirements[0]?.evidence[0]?.quote).toMatch(/^I built the churn dashboards/);
  });

  it("reads the sample document's paragraphs as its answers", () => {
    const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8");
    const answers = bankAnswers("sample");
    expect(answers.length).toBeGreaterThan(20);
    for (const a of answers) expect(sample).toContain(a.text.slice(0, 40));
  });
});
