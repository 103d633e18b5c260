import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/core/analysis/index.ts";
import { answerText } from "../../../src/core/answer-text.ts";
import { importPrepDocument } from "../../../src/core/markdown/index.ts";
import { LensSummary, RiskLens } from "./RiskLens.tsx";

// The lens as a user reads it, rendered by React from a real analysis (no mocks).
const ABOUT_ME = `I'm a backend engineer with six years in payments. I started in support at a small bank, taught myself Python to automate our reconciliation reports, and moved into the platform team in 2021. There I rebuilt our settlement service, which now handles 2 million transactions a day. What I enjoy most is making systems that other teams can rely on. I'm looking for a role where I can do that at a larger scale, which is why I'd love to join your platform team.`;

const STORY = `Last spring our nightly billing export failed twice in one week. I traced it to a timeout in the currency service, added a retry with a cap, and moved the export off the peak hour. Since then it has not failed once in four months.`;

const render = (text: string, question: string): string => {
  const analysis = analyze(text, { question });
  return renderToStaticMarkup(<RiskLens state={{ state: "ready", analysis }} />);
};
const textOf = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("RiskLens panel", () => {
  it("says an answer in another language is not scored, with no score, signal or fix of broken English", () => {
    const spanish =
      "En mi último trabajo, el modelo de recomendaciones perdía precisión cada mes. Yo propuse reentrenarlo cada semana con los datos nuevos y añadí una alerta para el equipo.";
    const analysis = analyze(spanish, { question: "Tell me about a time you improved something." });
    const text = textOf(renderToStaticMarkup(<RiskLens state={{ state: "ready", analysis }} />));
    expect(text).toContain("Not scored: this answer reads as Spanish");
    expect(text).toContain("The risk lens reads English only, so its labels and score do not apply.");
    expect(text).not.toMatch(/Raises risk|Five risks|Top fixes|list of words/);
    const summary = textOf(
      renderToStaticMarkup(<LensSummary state={{ state: "ready", analysis }} lensId="lens" />),
    );
    expect(summary).toContain("Not scored: reads as Spanish (the lens reads English only)");
    expect(summary).not.toContain("1/5");
  });

  it("shows an about-me answer's own rubric, with no STAR part reported missing", () => {
    const html = render(ABOUT_ME, "Tell me about yourself.");
    const text = textOf(html);
    expect(text).not.toMatch(/(Situation|Task|Action|Result|Lesson) missing/);
    expect(text).not.toContain("STAR balance");
    expect(text).toContain("Not a story: judged on");
    for (const name of ["Answers the question", "Specific", "Fits the role", "Clear arc", "Inviting ending"])
      expect(text).toContain(name);
    // The answer names the team it wants to join: that point is met and quotes its sentence.
    expect(html).toMatch(
      /data-check="fit"><span class="signal-name">Fits the role<\/span><span class="signal-level level-strong">Yes/,
    );
    expect(text).toContain("your platform team");
  });

  it("a motivation answer is judged on the same rubric, and its weak points say what to work on", () => {
    const text = textOf(
      render("I want to work here because it seems like a great place.", "Why do you want to work here?"),
    );
    expect(text).not.toMatch(/missing/);
    expect(text).toContain("no project, figure or count backs the claims");
    expect(text).toContain("To work on");
  });

  it("a story keeps the STAR balance", () => {
    const text = textOf(render(STORY, "Tell me about a time you fixed a production problem."));
    expect(text).toContain("STAR balance");
    expect(text).not.toContain("Not a story");
    expect(text).not.toContain("need not show these");
  });

  it("says the five risks are not expected of a self-presentation, rather than leaving five bare 'Not shown'", () => {
    const text = textOf(render(ABOUT_ME, "Tell me about yourself."));
    expect(text).toContain("Not shown");
    expect(text).toContain("An answer of this kind need not show these: it is judged on the checks below.");
  });

  it("the one-line summary names a rubric point, not a missing story signal, for about me", () => {
    const analysis = analyze("I'm a data analyst. I like numbers and people.", {
      question: "Tell me about yourself.",
    });
    const text = textOf(
      renderToStaticMarkup(<LensSummary state={{ state: "ready", analysis }} lensId="lens" />),
    );
    expect(text).toContain("To work on:");
    expect(text).not.toContain("Not shown");
  });

  it("a STAR part the answer has never reads 0% (the sample's model-focused mistake answer)", () => {
    const sample = importPrepDocument(
      readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url)),
    );
    const answer = sample.items.find((i) => i.kind === "answer" && i.key === "q5/model-focused");
    if (answer?.kind !== "answer") throw new Error("the sample's q5/model-focused answer is gone");
    const analysis = analyze(answerText(answer), { question: answer.question });
    expect(analysis.star.parts.situation).toMatchObject({ present: true, words: 0 });
    const html = renderToStaticMarkup(<RiskLens state={{ state: "ready", analysis }} />);
    const legend = html.match(/<li class="is-weak" data-part="situation">.*?<\/li>/)?.[0] ?? "";
    expect(textOf(legend).trim()).toBe("Situation in passing, no sentence of its own");
    expect(textOf(html)).not.toMatch(/\b(Situation|Task|Action|Result|Lesson) 0%/);
    expect(html).not.toMatch(/aria-label="[^"]*Situation 0%/);
  });
});
