import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The probe sets of docs/lab/risk-lens-lab.md, "Lessons told as a changed habit (issue 10, lesson21)"
// (eval/lesson-habit-probes.json) and "lesson23: more present-state near misses"
// (eval/lesson-u-probes.json): their sizes are part of the adoption rules, and neither may share
// wording with the training answers the `--lesson-alone` candidates read.
const root = new URL("../", import.meta.url);
interface Probes {
  stories: { question: string; text: string }[];
  lessons: string[];
  controls: string[];
}
const PROBE_FILES = ["eval/lesson-habit-probes.json", "eval/lesson-u-probes.json"];
const TRAINING_FILES = ["eval/corpus/additions/train-t.jsonl", "eval/corpus/additions/train-u.jsonl"];
const runs = (text: string): string[] => {
  const w = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  return w.slice(0, Math.max(0, w.length - 4)).map((_, i) => w.slice(i, i + 5).join(" "));
};

describe.each(PROBE_FILES)("changed-habit lesson probes, %s", (file) => {
  const probes = JSON.parse(readFileSync(new URL(file, root), "utf8")) as Probes;
  it("holds at least 40 lesson probes and 40 controls, appended to stories", () => {
    expect(probes.lessons.length).toBeGreaterThanOrEqual(40);
    expect(probes.controls.length).toBeGreaterThanOrEqual(40);
    expect(probes.stories.length).toBeGreaterThan(0);
  });
  it.each(TRAINING_FILES)("shares no 5-word run with the training answers of %s", (training) => {
    const probeRuns = new Set([...probes.lessons, ...probes.controls].flatMap(runs));
    const shared = readFileSync(new URL(training, root), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .flatMap((line) => (JSON.parse(line) as { s: [string, string][] }).s.flatMap(([text]) => runs(text)))
      .filter((r) => probeRuns.has(r));
    expect(shared).toEqual([]);
  });
});
