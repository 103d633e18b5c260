import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPrepDocument } from "../markdown/index.ts";
import type { ReflectionItem } from "../model.ts";
import { entryFromReflection, offerReframes, statementsOf } from "./reframes.ts";

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));
const reflectionOf = (bytes: Uint8Array): ReflectionItem => {
  const item = importPrepDocument(bytes).items.find((i) => i.kind === "reflection");
  if (item?.kind !== "reflection") throw new Error("no reflection");
  return item;
};

describe("journal reframes", () => {
  it("turns the sample's talk after a frustrating bug into an entry: her words as the feeling, her own line as the takeaway", () => {
    const entry = entryFromReflection(reflectionOf(sample));
    expect(entry.title).toBe("Note to self, read before the onsite.");
    expect(entry.felt).toMatch(/^honestly, I keep thinking I wasted years/);
    expect(entry.happened).toMatch(/^Coach: That frustration is fair/);
    expect(entry.takeaway).toBe(
      "I already did the hard version of this job; now I get to do it with a team.",
    );
  });

  it("offers what was solved, learned and what it shows, quoting the entry and never the feelings", () => {
    const entry = entryFromReflection(reflectionOf(sample));
    const reframes = offerReframes(entry);
    const solved = reframes.filter((r) => r.kind === "solved").map((r) => r.quote);
    expect(solved).toContain("You found and fixed your own mistake before it hurt anyone.");
    expect(solved).toContain("You kept a production pipeline running for a year.");
    expect(reframes.filter((r) => r.kind === "learned").map((r) => r.quote)).toContain(
      "You learned the infrastructure most ML engineers hand to someone else.",
    );
    const shows = reframes.filter((r) => r.kind === "shows");
    expect(shows.map((r) => r.shows)).toContain("ownership");
    expect(shows[0]?.text).toMatch(/^What it shows an interviewer \(/);
    for (const reframe of reframes) {
      expect(reframe.quote).not.toMatch(/wasted years|frustration/);
      expect(reframe.text.endsWith(reframe.quote)).toBe(true);
    }
  });

  it("reads not giving up as persistence, not as something solved (it was quoted under both)", () => {
    const reframes = offerReframes({
      happened: "The flaky deploy failed for two weeks and I did not give up on finding the cause.",
      felt: "",
    });
    expect(reframes.filter((r) => r.kind === "solved")).toEqual([]);
    expect(reframes.map((r) => r.shows)).toContain("persistence");
    expect(new Set(reframes.map((r) => r.quote)).size).toBe(reframes.length);
  });

  it("never offers a gap or a feeling as what it shows an interviewer: not testing is not systems thinking", () => {
    // Before: "Embarrassed that I had not tested it." was offered as what the episode shows an
    // interviewer (systems thinking), on the strength of "tested"; the check the writer did add
    // was not offered at all.
    const reframes = offerReframes({
      happened:
        "Two hours before the demo the model server ran out of memory. There was no alert on memory use. " +
        "I rolled back to the previous build and ran the demo on it. Afterwards I added a memory check to the release script.",
      felt: "Panicked at first. Embarrassed that I had not tested it on the real machine.",
    });
    const quotes = reframes.map((r) => r.quote);
    expect(quotes.filter((q) => /not tested|no alert|Panicked/.test(q))).toEqual([]);
    expect(reframes.find((r) => r.kind === "shows")).toMatchObject({
      quote: "Afterwards I added a memory check to the release script.",
      shows: "systems thinking",
    });
    // A cue that holds its own "not" still counts, and so does one never negated.
    expect(
      offerReframes({ happened: "I did not give up on the flaky deploy for weeks.", felt: "" })[0]?.shows,
    ).toBe("persistence");
    expect(offerReframes({ happened: "I never found the cause of the crash.", felt: "" })).toEqual([]);
  });

  it("offers each sentence once, under its first heading (solved before what it shows)", () => {
    const reframes = offerReframes({
      happened: "You kept a production pipeline running for a year. I learned to test the data path first.",
      felt: "",
    });
    const kept = reframes.filter((r) => r.quote === "You kept a production pipeline running for a year.");
    expect(kept.map((r) => r.kind)).toEqual(["solved"]);
    expect(new Set(reframes.map((r) => r.quote.toLowerCase())).size).toBe(reframes.length);
  });

  it("draws from a linked story's result and lesson, marked as the story's", () => {
    const reframes = offerReframes(
      { happened: "", felt: "I felt stupid for a week." },
      {
        title: "TLS outage",
        situation: "Our model API went dark after a certificate change.",
        actions: "I traced the dropped connections to a missing listener filter and rolled back the release.",
        result: "Secure access came back the same afternoon.",
        lesson: "Now I always check TLS settings in the CI checklist.",
      },
    );
    expect(reframes.find((r) => r.kind === "solved")).toMatchObject({
      quote: "Secure access came back the same afternoon.",
      from: "story",
    });
    expect(reframes.find((r) => r.kind === "learned")?.quote).toBe(
      "Now I always check TLS settings in the CI checklist.",
    );
    expect(reframes.some((r) => r.quote.includes("stupid"))).toBe(false);
  });

  it("does not take a field's name for a lesson (machine learning is not something learned)", () => {
    const reframes = offerReframes({
      happened: "You just wanted to deploy a machine learning solution.",
      felt: "",
    });
    expect(reframes.filter((r) => r.kind === "learned")).toEqual([]);
  });

  it("quotes whole sentences: an abbreviation, a title or a version number does not cut one", () => {
    const text =
      "I asked Dr. Rivera for help and she agreed at once. I used a small model, e.g. BERT base, for the classifier. We moved to v2.1 in March and it held.";
    expect(statementsOf(text)).toEqual([
      "I asked Dr. Rivera for help and she agreed at once.",
      "I used a small model, e.g. BERT base, for the classifier.",
      "We moved to v2.1 in March and it held.",
    ]);
  });

  it("offers nothing when the entry holds no fact, rather than making one up", () => {
    expect(offerReframes({ happened: "", felt: "Awful. Why me?" })).toEqual([]);
  });

  it("never invents: every quote is the user's own text, for any input", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 200 }),
        (happened, felt, result) => {
          const story = { title: "t", situation: "", actions: "", result, lesson: "" };
          for (const reframe of offerReframes({ happened, felt }, story)) {
            const source = reframe.from === "story" ? result : `${happened}\n${felt}`;
            expect(source).toContain(reframe.quote);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
