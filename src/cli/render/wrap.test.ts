import { describe, expect, it } from "vitest";
import { analyze } from "../../core/analysis/index.ts";
import { renderAnalysis } from "./analysis.ts";
import { createStyle } from "./style.ts";
import { plain, visibleWidth, wrapLine, wrapReport } from "./wrap.ts";

const ANSWER =
  "Last spring our fraud model's alerts were drowning the review team because forty percent of the flagged payments were false positives that nobody could explain to the analysts. " +
  "I owned the fix: I rebuilt the feature pipeline, added merchant history features and retrained the gradient boosted model with a cost-sensitive loss that weighted missed fraud five times higher. " +
  "As a result false positives fell from 40% to 12% within six weeks and the team cleared its backlog. " +
  "I learned to measure the cost of an error before tuning a threshold, and I now start every model review with it.";

describe("wrapping reports to the terminal's width", () => {
  it("keeps every line of the analysis within 60 columns, coloured or not", () => {
    const analysis = analyze(ANSWER, { question: "Tell me about a hard problem you solved" });
    for (const style of [createStyle({ isTTY: false }, {}), createStyle({ isTTY: true }, {})]) {
      const report = renderAnalysis(analysis, style);
      expect(report.split("\n").some((line) => visibleWidth(line) > 60)).toBe(true);
      const lines = wrapReport(report, 60).split("\n");
      for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(60);
      // No word is lost or cut: the same words in the same order.
      const words = (text: string) => plain(text).replace(/\s+/g, " ").split(/\s+/).filter(Boolean);
      expect(words(lines.join("\n"))).toEqual(words(report));
    }
  });

  it("continues a quotation inside its quote mark and a list item under its text", () => {
    const fix = `     sentence 3: “${"word ".repeat(20).trim()}”`;
    const [first, ...rest] = wrapReport(fix, 40).split("\n");
    expect(first).toMatch(/^ {5}sentence 3: “word/);
    for (const line of rest) expect(line).toMatch(/^ {18}\S/);
    const item = wrapReport(`  1. ${"step ".repeat(15).trim()}`, 30).split("\n");
    expect(item.length).toBeGreaterThan(1);
    for (const line of item.slice(1)) expect(line).toMatch(/^ {5}step/);
  });

  it("continues a re-angle's kept or trimmed sentence under its text, not at the left edge", () => {
    for (const mark of ["= kept    ", "- trimmed "]) {
      const [, ...rest] = wrapReport(`${mark} ${"word ".repeat(20).trim()}`, 40).split("\n");
      expect(rest.length).toBeGreaterThan(0);
      for (const line of rest) expect(line).toMatch(/^ {11}word/);
    }
  });

  it("puts a quotation that opens far right on a line of its own, indented under the item", () => {
    const line = `  ●  Clear path, no spinning     Shown     “${"I decided to roll back first. ".repeat(3).trim()}”`;
    const lines = wrapReport(line, 60).split("\n");
    expect(lines[0]).toBe("  ●  Clear path, no spinning     Shown");
    expect(lines[1]).toMatch(/^ {5}“I decided/);
    for (const rest of lines.slice(2)) expect(rest).toMatch(/^ {6}\S/);
  });

  it("wraps a long sentence with a short quotation in it as one sentence, not cut before the quote", () => {
    const line = `    Asks for 3 years; nothing in your stories or answers states how long you have done this — say it in one (dates or “N years”).`;
    const lines = wrapReport(line, 80).split("\n");
    expect(lines).toEqual([
      "    Asks for 3 years; nothing in your stories or answers states how long you",
      "    have done this — say it in one (dates or “N years”).",
    ]);
  });

  it("cuts a word longer than the line, counts wide characters twice, and leaves short lines alone", () => {
    expect(wrapLine("x".repeat(25), 10, 0)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    expect(visibleWidth("面试准备")).toBe(8);
    for (const line of wrapReport("面试准备 ".repeat(10), 20).split("\n"))
      expect(visibleWidth(line)).toBeLessThanOrEqual(20);
    expect(wrapReport("  short line\n\n  another", 20)).toBe("  short line\n\n  another");
  });
  it("continues a strong signal's quotation under the item, as for a signal shown once", () => {
    const quote =
      "I fixed the join, added a row-count check that fails the job when channels disappear, and re-ran the nights.";
    for (const mark of ["●●", "● "]) {
      const lines = wrapReport(`  ${mark} Ships without hand-holding  Strong    “${quote}”`, 80).split("\n");
      expect(lines[0]).toBe(`  ${mark} Ships without hand-holding  Strong`);
      expect(lines[1]).toMatch(/^ {5}“I fixed/);
      for (const rest of lines.slice(2)) expect(rest).toMatch(/^ {6}\S/);
    }
  });

  it("does not continue under a short quotation that closed before the line breaks", () => {
    const line =
      "    because you said “our” — Where others were involved, the interviewer separates your share from the team's.";
    expect(wrapReport(line, 80).split("\n")).toEqual([
      "    because you said “our” — Where others were involved, the interviewer",
      "    separates your share from the team's.",
    ]);
  });

  it("continues a story's title under the title, not at the left edge, after its id", () => {
    const title =
      "Tell me about a time you made a mistake and how you handled it. (Model serving / inference API focus)";
    for (const head of ["55bd1b30  ", "+ 55bd1b30  "]) {
      const lines = wrapReport(`${head}${title}`, 80).split("\n");
      expect(lines.length).toBe(2);
      expect(lines[1]).toMatch(new RegExp(`^ {${head.length}}\\S`));
    }
  });
});
