import { describe, expect, it } from "vitest";
import { questionNeeds } from "./needed.ts";

describe("questionNeeds: what a question needs an answer to keep, read once for re-angle and the cut", () => {
  // Our own mistake story.
  const told = [
    "Last year I moved our billing export to a new scheduler.",
    "I checked ten invoices by hand and switched it on.",
    "A week later finance reported wrong totals on the invoices for two regions.",
    "I traced it to my filter: I had excluded rows with an empty region code.",
    "I told my manager straight away and re-ran the export for the whole month.",
    "Every invoice went out on time that quarter.",
    "I learned to compare whole outputs, not samples, before any switch-over.",
  ];
  const parts = ["situation", "action", "action", "action", "action", "result", "lesson"];

  it("keeps, for a mistake question, the mistake, owning it, how it surfaced and the lesson", () => {
    const needs = questionNeeds(told, parts, "mistake-failure");
    expect([...needs.answering].sort()).toEqual([3, 4]);
    expect([...needs.wentWrong]).toEqual([2]);
    expect([...needs.lesson]).toEqual([6]);
    expect([...needs.all].sort()).toEqual([2, 3, 4, 6]);
  });

  it("asks nothing of an answer to a question that tells no episode", () => {
    expect([...questionNeeds(told, parts, "about-me").all]).toEqual([]);
    expect([...questionNeeds(told, parts, undefined).all]).toEqual([]);
  });
});
