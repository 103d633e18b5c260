import { describe, expect, it } from "vitest";
import { compactParts, describeChange, diffWords } from "./word-diff.ts";

const summary = (older: string, newer: string): string => describeChange(older, newer).summary;

const words = (n: number, stem = "w"): string => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(" ");

describe("diffWords", () => {
  it("finds nothing between identical texts", () => {
    const diff = diffWords("We cut p99 from 900 ms to 200 ms.", "We cut p99 from 900 ms to 200 ms.");
    expect(diff).toMatchObject({ removed: 0, added: 0, place: null, coarse: false });
    expect(diff.parts).toEqual([{ kind: "same", text: "We cut p99 from 900 ms to 200 ms." }]);
    expect(summary("We cut p99 from 900 ms to 200 ms.", "We cut p99 from 900 ms to 200 ms.")).toBe(
      "Same words as the current text",
    );
  });

  it("marks a change at the end only, with the opening kept as one run", () => {
    const opening = words(40);
    const diff = diffWords(`${opening} and the team shipped it in May.`, `${opening} and we shipped it.`);
    // Closing punctuation is a token of its own: "it." keeps "it" and "." and loses " in May".
    expect(diff.parts.slice(1).map((part) => [part.kind, part.text])).toEqual([
      ["removed", "the team "],
      ["added", "we "],
      ["same", "shipped it "],
      ["removed", "in May"],
      ["same", "."],
    ]);
    expect(diff.parts[0]?.text).toBe(`${opening} and `);
    expect(summary(`${opening} one two three four`, `${opening} one five`)).toBe(
      "3 words removed, 1 added near the end",
    );
    expect(diff.place).toBe("near the end");
  });

  it("marks a change at the start only", () => {
    const rest = words(40);
    const diff = diffWords(`At first ${rest}`, `In the end ${rest}`);
    expect(diff).toMatchObject({ removed: 2, added: 3, place: "near the start" });
    expect(summary(`At first ${rest}`, `In the end ${rest}`)).toBe("2 words removed, 3 added near the start");
  });

  it("counts additions and removals alone, in the middle and throughout", () => {
    expect(summary(`${words(20)} ${words(20, "x")}`, `${words(20)} new words ${words(20, "x")}`)).toBe(
      "2 words added in the middle",
    );
    expect(summary(`a ${words(20)} b`, `${words(20)}`)).toBe("2 words removed throughout");
  });

  it("stays exact on a 10,000-word answer: edits at both ends, a rewrite, a paragraph's edits", () => {
    const long = words(10_000);
    const edited = long.replace("w9990 ", "changed ");
    expect(diffWords(long, edited)).toMatchObject({
      removed: 1,
      added: 1,
      coarse: false,
      place: "near the end",
    });

    // Before: edits at both ends left a 10,000 × 10,000 middle, over the cell limit, and the
    // summary read "About 2 words added throughout". A few changes in one long run: exact.
    const bothEnds = diffWords(long, `first ${long} last`);
    expect(bothEnds).toMatchObject({ coarse: false, removed: 0, added: 2, place: "throughout" });
    expect(summary(long, `first ${long} last`)).toBe("2 words added throughout");
    expect(bothEnds.parts.map((part) => part.kind)).toEqual(["added", "same", "added"]);

    // No word in common: all removed, all added, exactly.
    const rewrite = diffWords(long, words(10_000, "z"));
    expect(rewrite).toMatchObject({ coarse: false, removed: 10_000, added: 10_000 });
    expect(rewrite.parts.map((part) => part.kind)).toEqual(["removed", "added"]);
  });

  it("compares a large document by paragraphs, then sentences, then words, exactly", () => {
    // 400 paragraphs of two sentences (~10,000 words), an edit in every 40th and at both ends:
    // the changed middle is ~10,000 × 10,000 words, over the cell limit. Before: coarse, "about".
    const paragraph = (i: number, word = "work"): string =>
      `Paragraph ${i} is about topic ${i} and the ${word} we did on it in week ${i % 9}. A second sentence tells what came of topic ${i}.`;
    const older = Array.from({ length: 400 }, (_, i) => paragraph(i)).join("\n\n");
    const newer = Array.from({ length: 400 }, (_, i) =>
      i % 40 === 5 ? paragraph(i, "hard work") : paragraph(i),
    );
    const diff = diffWords(`Opening words. ${older} Closing.`, `New opening. ${newer.join("\n\n")} The end.`);
    expect(diff).toMatchObject({ coarse: false, removed: 3, added: 10 + 4, place: "throughout" });
    // Each edit is its own run: "hard " added ten times, nothing else in between.
    expect(diff.parts.filter((part) => part.kind === "added").map((part) => part.text.trim())).toEqual([
      "New opening",
      ...Array.from({ length: 10 }, () => "hard"),
      "The end",
    ]);
  });

  it("compares exactly right up to the cell limit, and past it by a finer method", () => {
    // "a" in common leaves a 3 × 3 middle: 9 cells.
    expect(diffWords("a b c d", "a x c y", 9)).toMatchObject({ coarse: false, removed: 2, added: 2 });
    expect(diffWords("a b c d", "a x c y", 8)).toMatchObject({ coarse: false, removed: 2, added: 2 });
    // Only a long run with no line or sentence breaks and many changes is reported whole.
    const many = words(3_000);
    const scattered = many.replace(/w(\d*[37]) /g, "x$1 ");
    expect(diffWords(many, scattered)).toMatchObject({ coarse: true, removed: 600, added: 600 });
    expect(summary(many, scattered)).toBe("About 600 words removed, 600 added throughout");
  });
});

describe("describeChange", () => {
  const todo = "Prep list:\n- [ ] Write the latency story\n- [ ] Practise the conflict answer\n";

  it("names a ticked or unticked to-do instead of counting its x as a word", () => {
    // Before: "1 word added near the start".
    const ticked = todo.replace("[ ] Write", "[x] Write");
    expect(summary(todo, ticked)).toBe("Ticked 'Write the latency story'");
    expect(summary(ticked, todo)).toBe("Unticked 'Write the latency story'");
    expect(summary(todo, ticked.replace("[ ] Practise", "[X] Practise"))).toBe(
      "Ticked 'Write the latency story' and 'Practise the conflict answer'",
    );
    // A tick beside other edits: both said, the x not counted.
    expect(summary(todo, `${ticked}- [ ] Ask about on-call\n`)).toBe(
      "Ticked 'Write the latency story'; 3 words added near the end",
    );
    expect(describeChange(todo, ticked).diff.place).toBeNull();
    // A to-do item as derisk keeps it: "[ ] …" lines with no list marker.
    expect(summary("[ ] Write the latency story\n[ ] Other", "[x] Write the latency story\n[ ] Other")).toBe(
      "Ticked 'Write the latency story'",
    );
  });

  // Before: "Only punctuation or spacing changed" for punctuation, and "Same words as the current
  // text" for layout and markup, though the text had changed.
  it.each([
    [
      "a dash removed",
      `${words(30)} — end`,
      `${words(30)} end`,
      'Punctuation only ("—" removed) near the end',
    ],
    [
      "marks swapped",
      "We cut p99, then shipped.",
      "We cut p99; then shipped!",
      'Punctuation only ("," "." removed, ";" "!" added) throughout',
    ],
    [
      "a paragraph break",
      "We cut p99.\n\nThen we shipped.",
      "We cut p99.  Then we shipped.",
      "Layout only (line breaks or spacing)",
    ],
    [
      "bold added",
      "We cut p99 latency in May.",
      "We cut **p99 latency** in May.",
      "Markup only: made 'p99 latency' bold",
    ],
    [
      "bold and italics removed",
      "We cut **p99** in *May*.",
      "We cut p99 in May.",
      "Markup only: took the bold off 'p99', took the italics off 'May'",
    ],
    [
      "a heading mark",
      "Latency\nWe cut it.",
      "## Latency\nWe cut it.",
      "Markup only: made 'Latency' a heading",
    ],
    ["a link", "See the report.", "See the [report](https://example.com/r).", "Markup only: linked 'report'"],
  ])("names a punctuation, layout or markup-only edit: %s", (_, older, newer, expected) => {
    expect(summary(older, newer)).toBe(expected);
  });

  it("tells a moved sentence or paragraph as a move, not as words removed and added", () => {
    const one = "First we measured the baseline with care.";
    const two = "Then we profiled the hot path of the service.";
    const three = "Finally we cut p99 from 900 ms to 200 ms.";
    // Before: "6 words removed, 6 added throughout" (LCS over the shared "we" and "the").
    expect(summary(`${one} ${two} ${three}`, `${two} ${three} ${one}`)).toBe(
      "Moved a sentence further down: 'First we measured the baseline with care.'",
    );
    expect(summary(`${one}\n\n${two} ${three}`, `${two} ${three}\n\n${one}\n`)).toMatch(
      /^Moved a (paragraph|sentence) further (down|up)/,
    );
    expect(summary(`${one} ${two} ${three}`, `${three} ${one} ${two} Then we rested.`)).toBe(
      "Moved a sentence further up: 'Finally we cut p99 from 900 ms to 200 ms.'; 3 words added near the end",
    );
  });
});

describe("compactParts", () => {
  it("cuts long unchanged runs to a few words around each change", () => {
    const diff = diffWords(`${words(50)} old ${words(50, "x")}`, `${words(50)} new ${words(50, "x")}`);
    const compact = compactParts(diff.parts, 3);
    expect(compact.map((part) => part.text)).toEqual(["… w47 w48 w49 ", "old ", "new ", "x0 x1 x2 … "]);
    // A short run stays whole.
    expect(compactParts(diffWords("a b c", "a x c").parts, 3)).toEqual(diffWords("a b c", "a x c").parts);
  });
});
