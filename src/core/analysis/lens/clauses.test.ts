import { describe, expect, it } from "vitest";
import { tokenize } from "../nlp.ts";
import { clausesOf, obligationClause } from "./features.ts";
import type { LensModel } from "./model.ts";
import { readAnswer, tagSentences } from "./read.ts";
import { LENS_MODEL } from "./weights.ts";

// Issue 10 (branch `task17`): a model trained with `--clause-cues` reads the obligation clauses of
// each sentence, so that a task told inside a clause of a long spoken piece has features of its
// own. A model reads them only if it was trained so; the committed one (since branch `task21`)
// reads the episode's forms for `task` alone (`--clause-reading`).
const clauseModel: LensModel = { ...LENS_MODEL, clauseCues: true };
// The committed model as if trained without any clause reading.
const { clauseReading: _, ...withoutClauses } = LENS_MODEL;
const plainModel: LensModel = withoutClauses;
// `starts` fixes a transcript's pieces (here: the whole answer as one), so that what is tested is
// the clause reading, not where the committed boundary model happens to cut.
const obligations = (
  text: string,
  model: LensModel = clauseModel,
  starts: readonly number[] | undefined = undefined,
): string[][] =>
  readAnswer(text, { story: true, starts }, model).features.map((f) =>
    f.filter((x) => x.startsWith("ob:")).sort(),
  );

describe("obligation clauses (--clause-cues)", () => {
  it("cuts a spoken piece into clauses at the openers of speech", () => {
    const text =
      "so at the hotel the search was slow and my manager asked me to look at it because it cost bookings";
    const doc = tokenize(text);
    expect(clausesOf(doc.tokens, 0, doc.tokens.length).map((c) => c.text)).toEqual([
      "so at the hotel the search was slow",
      "and my manager asked me to look at it",
      "because it cost bookings",
    ]);
  });

  it("reads an ask told inside a later clause, with who is asked and where it sits", () => {
    const [first] = obligations(
      "so at the hotel booking place where i work the search was slow and my manager asked me to look at it " +
        "and she said try an index on the dates table so i did that and it got faster " +
        "so yeah i was happy with that and it went from four seconds to one second in the end",
      clauseModel,
      [0],
    );
    expect(first).toContain("ob:ask");
    expect(first).toContain("ob:ask+who:i");
    expect(first).toContain("ob:ask+clause:later");
    expect(first).toContain("ob:ask+at:q0");
  });

  it("tells a goal stated early from a 'had to' inside a late action", () => {
    const found = obligations(
      "Our team had a goal to raise test coverage before the audit. I listed the modules with the most bugs. " +
        "We split the list between us. Then I had to restart the build server, so I did.",
    );
    expect(found[0]).toContain("ob:charge+at:q0");
    expect(found[3]).toContain("ob:need+at:q3");
    expect(found[3]).toContain("ob:need+then:i");
    expect(found[1]).toEqual([]);
  });

  it("finds no obligation in a figure reached or a plain step", () => {
    const found = obligations(
      "We got to 95 percent coverage. I had never used the tool before. I wrote the tests.",
    );
    expect(found.flat()).toEqual([]);
  });

  it("adds nothing for a model trained without it", () => {
    const found = obligations(
      "my manager asked me to look at it and i had to restart it by friday",
      plainModel,
    );
    expect(found.flat()).toEqual([]);
  });
});

// Design 4 (`--clause-reading`): the obligation clause of a sentence of several clauses is also
// read alone for `task`, with the episode's forms only.
describe("the obligation clause read alone (--clause-reading)", () => {
  // The committed model is trained with it (branch `task21`, D3).
  const reading: LensModel = LENS_MODEL;
  // The whole answer as one piece (a transcript the boundary model left uncut).
  const task = (text: string, model: LensModel): number[] =>
    tagSentences(readAnswer(text, { story: true, starts: [0] }, model), model).map((p) => p[1] ?? 0);
  const spoken =
    "yeah so um my manager asked me to update the contact form on the council website because it was going to " +
    "the wrong inbox so i changed the email address like she said and tested it and yeah that was that";

  it("finds the clause that states the episode's obligation, not a habit or an owned mistake", () => {
    const at = (text: string): string | undefined => {
      const doc = tokenize(text);
      return obligationClause(doc.tokens, 0, doc.tokens.length)?.text;
    };
    expect(at("so the search was slow and my manager asked me to look at it")).toBe(
      "and my manager asked me to look at it",
    );
    expect(at("so the dashboards went down and that was totally on me")).toBeUndefined();
    expect(at("in my role my goal is always to add value and i help new joiners")).toBeUndefined();
    // One clause: the sentence is read as it is.
    expect(at("my manager asked me to look at it")).toBeUndefined();
  });

  it("raises the task reading of a piece whose task sits in a clause, and only the task column", () => {
    expect(reading.clauseReading).toBe(true);
    const before = readAnswer(spoken, { story: true, starts: [0] }, plainModel);
    const after = readAnswer(spoken, { story: true, starts: [0] }, reading);
    const p0 = tagSentences(before, plainModel);
    const p1 = tagSentences(after, reading);
    // Read whole, the 38-word piece is no task; its clause "my manager asked me to update the
    // contact form …" read alone is one (0.003 → 0.99 with the committed weights).
    expect(task(spoken, plainModel)[0]).toBeLessThan(0.05);
    expect(task(spoken, reading)[0]).toBeGreaterThan(0.5);
    // Every other column, the second `task` column kept for the systems head included, as read whole.
    expect(p1[0]?.filter((_, k) => k !== 1)).toEqual(p0[0]?.filter((_, k) => k !== 1));
    expect(after.clauseFeatures?.[1]).toBeUndefined();
  });
});
