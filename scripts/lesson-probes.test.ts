import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The probe set of docs/risk-lens.md, "Lessons told as a changed habit (issue 10, lesson21)": its
// sizes are part of the adoption rule, and it must share no wording with the training answers.
const root = new URL("../", import.meta.url);
const probes = JSON.parse(readFileSync(new URL("eval/lesson-habit-probes.json", root), "utf8")) as {
  stories: { question: string; text: string }[];
  lessons: string[];
  controls: string[];
};
const runs = (text: string): string[] => {
  const w = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  return w.slice(0, Math.max(0, w.length - 4)).map((_, i) => w.slice(i, i + 5).join(" "));
};

describe("changed-habit lesson probes", () => {
  it("holds at least 40 lesson probes and 40 controls, appended to stories", () => {
    expect(probes.lessons.length).toBeGreaterThanOrEqual(40);
    expect(probes.controls.length).toBeGreaterThanOrEqual(40);
    expect(probes.stories.length).toBeGreaterThan(0);
  });
  it("shares no 5-word run with the training answers of additions/train-t.jsonl", () => {
    const probeRuns = new Set([...probes.lessons, ...probes.controls].flatMap(runs));
    const shared = readFileSync(new URL("eval/corpus/additions/train-t.jsonl", root), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .flatMap((line) => (JSON.parse(line) as { s: [string, string][] }).s.flatMap(([text]) => runs(text)))
      .filter((r) => probeRuns.has(r));
    expect(shared).toEqual([]);
  });
});
