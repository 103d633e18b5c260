import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../core/analysis/index.ts";
import { answerText } from "../../core/answer-text.ts";
import { importPrepDocument } from "../../core/markdown/index.ts";
import { renderAnalysis } from "./analysis.ts";
import type { Style } from "./style.ts";

const plain = (text: string) => text;
const style: Style = { bold: plain, dim: plain, green: plain, yellow: plain, red: plain, cyan: plain };

describe("renderAnalysis", () => {
  it("shows a follow-up reply's own rubric, not STAR parts it is not asked for", () => {
    const text = renderAnalysis(
      analyze(
        "I'd add the schema check before training. Every pipeline I build now validates its inputs first.",
        {
          question: "What would you do differently?",
          followUp: true,
        },
      ),
      style,
    );
    expect(text).toContain("Follow-up reply (reflection)");
    expect(text).toMatch(/✓ answers/);
    expect(text).not.toContain("STAR+L");
    expect(text).not.toMatch(/missing/);
  });

  it("shows the not-a-story rubric for 'tell me about yourself', and STAR for a story", () => {
    const about = renderAnalysis(
      analyze(
        "I'm a data analyst who moved into ML. I built a churn model at Acme and want to do that on your team.",
        {
          question: "Tell me about yourself",
        },
      ),
      style,
    );
    expect(about).toContain("Not a story: judged on");
    expect(about).not.toContain("STAR+L");
    expect(about).toContain("Risk signals (need not show in an answer of this kind");
    const story = renderAnalysis(
      analyze(
        "Our training job failed weekly. I traced a race in the export and fixed it; failures fell to zero.",
        {
          question: "Tell me about a technical challenge",
        },
      ),
      style,
    );
    expect(story).toContain("STAR+L");
    expect(story).not.toContain("need not show");
  });

  it("quotes a sentence typed over several lines on one line, keeping the indentation", () => {
    const text = renderAnalysis(
      analyze("The detector software had users and deadlines\nand I owned the pipeline end to\nend.", {
        question: "How does your research carry over?",
        followUp: true,
      }),
      style,
    );
    expect(text).toContain(
      "“The detector software had users and deadlines and I owned the pipeline end to end.”",
    );
    // Every line of the report after its heading is indented or a heading: none starts mid-quote.
    expect(text.split("\n").filter((line) => /^(and I|end\.)/.test(line))).toEqual([]);
  });

  it("a STAR part the answer has never reads 0% (the sample's model-focused mistake answer)", () => {
    const sample = importPrepDocument(
      readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url)),
    );
    const answer = sample.items.find((i) => i.kind === "answer" && i.key === "q5/model-focused");
    if (answer?.kind !== "answer") throw new Error("the sample's q5/model-focused answer is gone");
    const text = renderAnalysis(analyze(answerText(answer), { question: answer.question }), style);
    expect(text).toMatch(/ {2}situation +·+ in passing, no sentence of its own\n/);
    expect(text).not.toMatch(/ {2}(situation|task|action|result|lesson) +[█·]+ 0%/);
    expect(text).toMatch(/ {2}task +missing\n/);
  });
});
