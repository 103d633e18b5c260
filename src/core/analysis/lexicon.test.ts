import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLE_IDS } from "../model.ts";
import { Lexicon } from "./lexicon.ts";
import { lexiconsFor } from "./lexicons.ts";
import { buildStory, tell } from "./testing/story-generator.ts";

/** What `matchAll` gives each pattern on its own, as [index, text] pairs. */
function byPattern(pattern: RegExp, text: string): Array<[number, string]> {
  return [...text.matchAll(new RegExp(pattern.source, "gm"))].map((m) => [m.index, m[0]]);
}

function expectSameAsMatchAll(lexicon: Lexicon, text: string): void {
  const found = lexicon.scan(text);
  lexicon.patterns.forEach((pattern, k) => {
    const got = (found.get(k) ?? []).map((m): [number, string] => [m.index, m.text]);
    expect(got, pattern.source.slice(0, 80)).toEqual(byPattern(pattern, text));
  });
}

const EDGE_TEXTS = [
  "first we measured it\nthen i fixed it\nstep two was the rollout, at first nobody knew",
  "once upon a time\nearly on the team had a few weeks back in 2019; previously we were stuck",
  "we moved ci/cd to k8s and x-k8s and .net and the machine learning model, ml-ops and mlops",
  "so, like, i mean, it was like, fine. like, really",
  "it cost $5k and €300 and 20 dollars, tens of thousands of dollars",
  "",
  "\n\n",
];

describe("Lexicon", () => {
  it("gives each pattern of the analyzer's lexicons exactly the matches matchAll gives it", () => {
    const sets = [lexiconsFor(undefined), ...ROLE_IDS.map((role) => lexiconsFor(role))];
    const stories = [0, 1, 2, 3].map((i) =>
      tell(
        buildStory({
          place: i,
          system: i + 1,
          problem: i + 2,
          person: i,
          goal: i,
          steps: i,
          metric: i,
          lesson: i,
          before: 120 + i,
          after: 40,
        }),
      ).toLowerCase(),
    );
    for (const lexicons of sets) {
      for (const lexicon of lexicons)
        for (const text of [...EDGE_TEXTS, ...stories]) expectSameAsMatchAll(lexicon, text);
    }
  });

  it("keeps line-start and look-behind patterns exact when it tests the word boundary up front", () => {
    const lexicon = new Lexicon([
      /^(first|then|a few (weeks|months))\b|\bstep (one|two)\b/,
      /(?<![\w-])(ci\/cd|k8s|machine learning)(?![\w-])/,
      /(?<![\w-])(\.net|c\+\+|k8s)(?![\w-])/,
      /^(,|so)\b/,
      /\bweeks?\b/,
    ]);
    const words = fc.constantFrom(
      "first",
      "then",
      "a few weeks",
      "step one",
      "step two",
      "ci/cd",
      "k8s",
      "x-k8s",
      ".net",
      "c++",
      "machine learning",
      "so",
      ",",
      "week",
      "-",
      "\n",
      " ",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 24 }), (parts) => {
        expectSameAsMatchAll(lexicon, parts.join(""));
      }),
      { numRuns: 1000 },
    );
  });
});
