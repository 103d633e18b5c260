import { describe, expect, it } from "vitest";
import type { LensModel } from "./model.ts";
import { answerShape, labelFeatures, readAnswer } from "./read.ts";
import { LENS_MODEL } from "./weights.ts";

// Issue 10 (branch `amb7`): a model trained with `--probing` reads how a speaker met an unknown
// in the forms the older cue lists miss, and where each sentence sits among the answer's
// unknowns and probes. The committed model does not read them unless it was trained so.
const probing: LensModel = { ...LENS_MODEL, probing: true };
const ctx = (text: string, model: LensModel = probing): string[][] =>
  readAnswer(text, { story: true }, model).features.map((f) => f.filter((x) => x.startsWith("ctx:")).sort());
const cues = (text: string): string[][] => {
  const read = readAnswer(text, { story: true }, probing);
  return read.units.map((_, i) => read.cues.filter(([, hits]) => hits.has(i)).map(([name]) => name));
};

describe("the probing features (--probing)", () => {
  it("finds a hunch, a look taken to learn and an unknown told as nobody knowing", () => {
    const found = cues(
      "Nobody knew why the service hung, and there was nothing in the logs. " +
        "I suspected the card vendor. " +
        "So I added timing logs around every external call and split the slow requests by region.",
    );
    expect(found[0]).toContain("no-knowledge");
    expect(found[1]).toContain("hunch");
    expect(found[2]).toContain("look");
  });

  it("reads a probe after a stated unknown, and a negated probe as none", () => {
    const handled = ctx("The brief was vague. I asked the client for three examples of what they meant.");
    expect(handled[0]).toContain("ctx:unknown+probe-later");
    expect(handled[1]).toContain("ctx:after-unknown+probe");
    const skipped = ctx(
      "The brief was vague. I didn't check what they meant and used the standard template.",
    );
    expect(skipped[0]).toEqual(["ctx:unknown+no-probe", "ctx:unknown+routine-later"]);
    expect(skipped[1]).not.toContain("ctx:after-unknown+probe");
  });

  it("marks a question asked where nothing was unknown", () => {
    const asked = ctx("My lead said my reviews were blunt. I asked her for a couple of examples.");
    expect(asked[1]).toEqual(["ctx:probe+no-unknown"]);
  });

  it("gives the ambiguity head the answer's unknowns and probes as flags", () => {
    const flags = (text: string): Readonly<Record<string, number>> => {
      const read = readAnswer(text, { story: true }, probing);
      const probs = read.units.map(() => new Array<number>(11).fill(0));
      return labelFeatures([0], true, 20, answerShape(read.features, probs), [20]);
    };
    expect(flags("Nobody knew why it failed. I suspected the disk, so I logged every run.")).toMatchObject({
      "u:unknown": 1,
      "u:handled": 1,
      "u:probe-only": 0,
    });
    expect(flags("The brief was vague. I used the standard template.")).toMatchObject({
      "u:unknown": 1,
      "u:handled": 0,
      "u:unprobed": 1,
      "u:routine": 1,
    });
    expect(flags("My lead said my reviews were blunt. I asked her for a couple of examples.")).toMatchObject({
      "u:unknown": 0,
      "u:probe-only": 1,
    });
  });

  it("leaves a model trained without the flag reading exactly what it was trained on", () => {
    const text = "Nobody knew why it failed. I suspected the disk, so I logged every run for a week.";
    expect(ctx(text, LENS_MODEL).flat()).toEqual([]);
    const plain = readAnswer(text, { story: true }, LENS_MODEL);
    expect(plain.cues.map(([name]) => name)).not.toContain("hunch");
  });
});
