import { describe, expect, it } from "vitest";
import { isNeighbourFeature } from "./features.ts";
import type { LensModel } from "./model.ts";
import { readAnswer, tagSentences } from "./read.ts";
import { LENS_MODEL } from "./weights.ts";

// Issue 10 (branch `amb31`): a model trained with `--ambiguity-neighbours` gives each sentence the
// content words of the sentences before and after it (`nb:`), which the `ambiguity` column reads,
// so that an unknown and what the speaker did about it, told in two sentences, are read together.
const withNeighbours: LensModel = { ...LENS_MODEL, ambiguityNeighbours: true };
const neighbours = (text: string, model: LensModel = withNeighbours): string[][] =>
  readAnswer(text, { story: true }, model).features.map((f) => f.filter(isNeighbourFeature).sort());

const STORY =
  "Nobody knew why the nightly jobs failed. I split the errors by region and read fifty logs. The fix held.";

describe("the neighbouring sentences' words (--ambiguity-neighbours)", () => {
  it("gives each sentence the content words of the sentence before and after, each once", () => {
    const nb = neighbours(STORY);
    expect(nb[0]).toEqual(["nb:error", "nb:log", "nb:read", "nb:region", "nb:split"]);
    expect(nb[1]).toEqual(["nb:fail", "nb:fix", "nb:hold", "nb:job", "nb:know", "nb:nightly", "nb:why"]);
    expect(nb[2]).toEqual(nb[0]);
  });

  it("lends no function word, figure or punctuation", () => {
    const nb = neighbours("We asked them. It was 50 of the 200 tickets, and they were all about it.");
    expect(nb[0]).toEqual(["nb:ticket"]);
    expect(nb[1]).toEqual(["nb:ask"]);
  });

  it("is off for a model trained without it, and the committed model reads no nb: feature", () => {
    expect(neighbours(STORY, LENS_MODEL)).toEqual([[], [], []]);
    const plain = readAnswer(STORY, { story: true }, LENS_MODEL);
    const read = readAnswer(STORY, { story: true }, withNeighbours);
    expect(tagSentences(read, withNeighbours)).toEqual(tagSentences(plain, LENS_MODEL));
  });
});
