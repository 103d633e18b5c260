import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeriskError } from "../errors.ts";
import { analyze } from "./index.ts";
import {
  BLAME_SENTENCES,
  buildStory,
  PEOPLE,
  type StoryChoice,
  shuffleWords,
  tell,
  toWe,
} from "./testing/story-generator.ts";

const QUESTION = "Tell me about a time you solved a hard technical problem.";
const choice: fc.Arbitrary<StoryChoice> = fc.record({
  place: fc.nat(50),
  system: fc.nat(50),
  problem: fc.nat(50),
  person: fc.nat(50),
  goal: fc.nat(50),
  steps: fc.nat(50),
  metric: fc.nat(50),
  lesson: fc.nat(50),
  before: fc.nat(10_000),
  after: fc.nat(10_000),
});
const runs = { numRuns: 60 };

describe("analyze under edits of generated STAR answers", () => {
  it("reads a generated story as complete, owned and measured", () => {
    fc.assert(
      fc.property(choice, (c) => {
        const a = analyze(tell(buildStory(c)), { question: QUESTION });
        expect(a.labels).toMatchObject({
          situation: true,
          task: true,
          action: true,
          result: true,
          lesson: true,
        });
        expect(a.labels.quantified).toBe(true);
        expect(a.labels.ownership).toBe("i");
        expect(a.labels.blame).toBe(false);
        expect(a.labels.overall).toBeGreaterThanOrEqual(4);
      }),
      runs,
    );
  });

  it("adding a sentence that blames others turns blame on and never raises the score", () => {
    fc.assert(
      fc.property(choice, fc.nat(BLAME_SENTENCES.length - 1), fc.nat(6), (c, b, at) => {
        const story = buildStory(c);
        const sentences = tell(story).split(/(?<=\.) /);
        const before = analyze(sentences.join(" "), { question: QUESTION });
        sentences.splice(Math.min(at, sentences.length), 0, BLAME_SENTENCES[b] ?? "");
        const after = analyze(sentences.join(" "), { question: QUESTION });
        expect(after.labels.blame).toBe(true);
        expect(after.labels.overall).toBeLessThanOrEqual(before.labels.overall);
        expect(after.evidence.blame.quotes.join(" ")).toContain(BLAME_SENTENCES[b]?.slice(0, 20));
      }),
      runs,
    );
  });

  it("turning every I into we gives ownership 'we'", () => {
    fc.assert(
      fc.property(choice, (c) => {
        expect(analyze(toWe(tell(buildStory(c))), { question: QUESTION }).labels.ownership).toBe("we");
      }),
      runs,
    );
  });

  it("replacing the figures with vague words turns quantified off and asks by how much", () => {
    fc.assert(
      fc.property(choice, (c) => {
        const a = analyze(tell(buildStory(c), { vague: true }), { question: QUESTION });
        expect(a.labels.quantified).toBe(false);
        expect(a.impact.vague.map((v) => v.term)).toContain("significantly");
        expect(a.fixes.some((f) => /by how much/.test(f.action))).toBe(true);
      }),
      runs,
    );
  });

  it("cutting the answer after its situation drops the result and the score", () => {
    fc.assert(
      fc.property(choice, (c) => {
        const story = buildStory(c);
        const full = analyze(tell(story), { question: QUESTION });
        const cut = analyze(story.situation.join(" "), { question: QUESTION });
        expect(cut.labels.result).toBe(false);
        expect(cut.labels.overall).toBeLessThan(full.labels.overall);
      }),
      runs,
    );
  });

  it("shuffling the words scores 2 or less", () => {
    fc.assert(
      fc.property(choice, fc.nat(), (c, seed) => {
        const a = analyze(shuffleWords(tell(buildStory(c)), seed), { question: QUESTION });
        expect(a.labels.overall).toBeLessThanOrEqual(2);
      }),
      runs,
    );
  });

  it("renaming people or changing numbers changes no label", () => {
    fc.assert(
      fc.property(choice, fc.nat(50), fc.nat(10_000), fc.nat(10_000), (c, person, before, after) => {
        const a = analyze(tell(buildStory(c)), { question: QUESTION });
        const b = analyze(tell(buildStory({ ...c, person, before, after })), { question: QUESTION });
        expect(b.labels).toEqual(a.labels);
        expect(PEOPLE.length).toBeGreaterThan(1);
      }),
      runs,
    );
  });
});

describe("analyze on any input", () => {
  it("never throws except BAD_INPUT on blank text, and is deterministic", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 3000 }),
          fc.string({ unit: "grapheme", maxLength: 500 }),
          fc.lorem({ maxCount: 80 }),
        ),
        (text) => {
          try {
            const a = analyze(text);
            expect(JSON.stringify(analyze(text))).toBe(JSON.stringify(a));
            for (const s of a.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
            expect(a.fixes.length).toBeLessThanOrEqual(3);
          } catch (error) {
            expect(error).toBeInstanceOf(DeriskError);
            expect((error as DeriskError).code).toBe("BAD_INPUT");
            expect(text.trim()).toBe("");
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ["one 199,000-letter word", "a".repeat(199_000)],
    ["15,000 bullets", "- I built it\n".repeat(15_000)],
    ["a 199,000-character sentence", "the data pipeline we built improved latency ".repeat(4_500)],
  ])("reads %s whole, with a bounded report", (_name, text) => {
    // Its cost against ordinary prose of the same length is measured by
    // bench/analyze-bounded.bench.ts (analyze-hostile-*), not timed here.
    const a = analyze(text, { question: QUESTION, role: "ml-engineer" });
    expect(a.sentences.length).toBeGreaterThan(0);
    // Quotes are cut and lists capped, so the report grows linearly with the input.
    expect(JSON.stringify(a).length).toBeLessThan(text.length * 12 + 100_000);
  });

  it("reads an answer at the size cap whole", () => {
    // That the cost grows linearly up to the cap is measured by bench/analyze-bounded.bench.ts
    // (analyze-at-cap-200k), not timed here.
    const sentence =
      "I traced the slow query to a missing index and cut p95 latency by 40% for 3,000 users. ";
    const text = sentence.repeat(Math.floor(200_000 / sentence.length));
    const a = analyze(text, { question: QUESTION, role: "ml-engineer" });
    expect(a.sentences.length).toBeGreaterThan(1000);
  });
});
