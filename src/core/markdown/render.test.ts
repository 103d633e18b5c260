import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../../test/seed.ts";
import type { AnswerItem, PrepDoc, PrepItem } from "../model.ts";
import {
  decodeDocument,
  parsePrepDocument,
  renderAnswerRaw,
  renderFollowUpAnswerRaw,
  renderPrepDocument,
  reviseItemText,
  reviseSnippetCode,
  setTodoDone,
} from "./index.ts";

const root = new URL("../../../", import.meta.url);
const sample = readFileSync(fileURLToPath(new URL("samples/sample-prep.md", root)), "utf8");
const structure = (name: string): [string, string] => [
  name,
  readFileSync(fileURLToPath(new URL(`test/fixtures/structures/${name}`, root)), "utf8"),
];
// Other people's shapes in our words: quoted STAR headings, HTML questions, bold and numbered
// questions, dialogue.
const documents: Array<[string, string]> = [
  ["sample", sample],
  structure("star-quoted-headings.md"),
  structure("html-bold-self-intro.md"),
  structure("numbered-and-bold-questions.md"),
  structure("dialogue-mock.md"),
];
if (SEED_RUNS) documents.push(["seed", decodeDocument(seedUpload().bytes).text]);

const shape = (doc: PrepDoc): string[] =>
  doc.items.map((i) => `${i.kind}:${i.key}:${i.kind === "answer" ? `${i.variant}:${i.format}` : ""}`);

/** The document with one item's raw replaced, rendered and parsed again. */
function reparseWith(doc: PrepDoc, key: string, raw: string): PrepDoc {
  const items = doc.items.map((i) => (i.key === key ? { ...i, raw } : i));
  return parsePrepDocument(renderPrepDocument({ ...doc, items }));
}

// Prose the way a candidate types it: sentences, paragraphs, typographic punctuation.
const sentence = fc
  .array(
    fc.constantFrom(
      "I",
      "led",
      "the",
      "migration",
      "and",
      "cut",
      "latency",
      "by",
      "40%",
      "—",
      "it’s",
      "café",
      "👉",
    ),
    {
      minLength: 2,
      maxLength: 12,
    },
  )
  .map((w) => `${w.join(" ")}.`.replace(/^./, (c) => c.toUpperCase()));
const prose = fc
  .array(
    fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(" ")),
    { minLength: 1, maxLength: 3 },
  )
  .map((paragraphs) => paragraphs.join("\n\n"));

/** What an edit reads back as: a dialogue reply (`**You:** …`) is one paragraph, so its paragraphs become lines. */
const readBack = (answer: AnswerItem, newText: string): string =>
  /^\s*(?:\*\*)?(?:HR|Interviewer|Recruiter|Q)\b/.test(answer.raw)
    ? newText.replace(/\n\n+/g, "\n")
    : newText;

describe.each(documents)("editing answers of the %s document", (_name, text) => {
  const doc = parsePrepDocument(text);
  const answers = doc.items.filter((i): i is AnswerItem => i.kind === "answer");
  const followUps = doc.items.filter((i) => i.kind === "follow-up");

  it("re-renders every answer with its own text to the same item", () => {
    for (const answer of answers) {
      const raw = renderAnswerRaw(answer, answer.star ?? answer.text);
      const again = reparseWith(doc, answer.key, raw);
      expect(shape(again)).toEqual(shape(doc));
      const item = again.items.find((i) => i.key === answer.key);
      expect(item).toMatchObject({ text: answer.text, variant: answer.variant, format: answer.format });
    }
  });

  it("keeps kinds, keys and variants with new text (property)", () => {
    const editable = answers.filter((a) => a.format !== "star" && a.format !== "beats");
    fc.assert(
      fc.property(fc.constantFrom(...editable), prose, (answer, newText) => {
        const again = reparseWith(doc, answer.key, renderAnswerRaw(answer, newText));
        expect(shape(again)).toEqual(shape(doc));
        expect(again.items.find((i) => i.key === answer.key)).toMatchObject({
          text: readBack(answer, newText),
        });
      }),
      { numRuns: 100 },
    );
  });

  it("plain text over any answer reads back as typed, edit after edit, and keeps the remark above it", () => {
    const keyOf = (d: PrepDoc): string[] => d.items.map((i) => `${i.kind}:${i.key}`);
    for (const answer of answers) {
      let item: PrepItem = answer;
      let again = doc;
      for (const typed of ["I rewrote this answer.", "Then I rewrote it again.\n\nIn two paragraphs."]) {
        item = reviseItemText(item, typed);
        expect(item.kind === "answer" && item.text, `${answer.key} after "${typed}"`).toBe(
          readBack(answer, typed),
        );
        again = reparseWith(again, answer.key, item.raw);
        expect(keyOf(again)).toEqual(keyOf(doc));
        const read = again.items.find((i) => i.key === answer.key);
        expect(read?.kind === "answer" && read.text).toBe(readBack(answer, typed));
        expect(read?.kind === "answer" && read.variant).toBe(answer.variant);
      }
      if (answer.remark) expect(item.raw.replace(/\*\*/g, "")).toContain(answer.remark.split("\n")[0]);
    }
  });

  it("edits STAR answers section by section, in the original label style", () => {
    for (const answer of answers.filter((a) => a.format === "star")) {
      const star = {
        situation: "A new situation.",
        task: "A task.",
        action: "I acted.\n\nThen more.",
        result: "It worked.",
      };
      const raw = renderAnswerRaw(answer, star);
      const again = reparseWith(doc, answer.key, raw);
      expect(shape(again)).toEqual(shape(doc));
      const item = again.items.find((i) => i.key === answer.key);
      expect(item).toMatchObject({ star });
      expect(item?.kind === "answer" ? item.remark : "not an answer").toBe(answer.remark);
      expect(raw.split("\n")[0]).toBe(answer.raw.split("\n")[0]);
      const labelled = renderAnswerRaw(answer, "Situation: One.\nTask: Two.\nAction: Three.\nResult: Four.");
      expect(reparseWith(doc, answer.key, labelled).items.find((i) => i.key === answer.key)).toMatchObject({
        star: { situation: "One.", task: "Two.", action: "Three.", result: "Four." },
      });
    }
  });

  it("edits trailer beats as bullets", () => {
    for (const answer of answers.filter((a) => a.format === "beats")) {
      const beats = "Start → physics\nMiddle → pipelines\nNow → product team";
      const again = reparseWith(doc, answer.key, renderAnswerRaw(answer, beats));
      expect(shape(again)).toEqual(shape(doc));
      expect(again.items.find((i) => i.key === answer.key)).toMatchObject({
        beats: beats.split("\n"),
        remark: answer.remark,
      });
    }
  });

  // Only documents with follow-ups have follow-up answers to edit.
  if (followUps.length > 0)
    it("edits follow-up answers and keeps pointers as pointers (property)", () => {
      // A pointer's text is what makes it a pointer, so a pointer gets a new pointer.
      const pointerText = fc.integer({ min: 1, max: 5 }).map((n) => `Use the story above (${n} mins).`);
      fc.assert(
        fc.property(fc.constantFrom(...followUps), sentence, pointerText, (followUp, prose, pointer) => {
          if (followUp.kind !== "follow-up") return;
          const newText = followUp.pointer ? pointer : prose;
          const again = reparseWith(doc, followUp.key, renderFollowUpAnswerRaw(followUp, newText));
          expect(shape(again)).toEqual(shape(doc));
          expect(again.items.find((i) => i.key === followUp.key)).toMatchObject({
            answer: newText,
            pointer: followUp.pointer,
            question: followUp.question,
          });
        }),
        { numRuns: 60 },
      );
    });

  it("revises items with re-read fields, and export → import → export stays byte-identical", () => {
    let items: PrepItem[] = doc.items;
    const plain = (a: AnswerItem): boolean => a.format === "script" || a.format === "free";
    for (const answer of answers.filter(plain)) {
      items = items.map((i) => (i.key === answer.key ? reviseItemText(i, "I rewrote this answer.") : i));
    }
    const exported = renderPrepDocument({ ...doc, items });
    const reimported = parsePrepDocument(exported);
    expect(shape(reimported)).toEqual(shape(doc));
    expect(renderPrepDocument(reimported)).toBe(exported);
    expect(reimported.items).toEqual(
      items.map((i, n) => ({ ...i, lines: reimported.items[n]?.lines, gapBefore: i.gapBefore })),
    );
    const revised = items.filter((i) => i.kind === "answer" && plain(i));
    for (const item of revised) {
      const fresh = reimported.items.find((i) => i.key === item.key);
      expect(fresh?.raw).toBe(item.raw);
      expect(fresh?.kind === "answer" && fresh.text).toBe("I rewrote this answer.");
    }
  });
});

describe("renderAnswerRaw on small documents", () => {
  it("keeps the quote style, the label and the heading", () => {
    const doc = parsePrepDocument("### Q1- Tell me about yourself:\n\n“Hi, I am Ana.\n\nI build things.”\n");
    const [answer] = doc.items;
    expect(answer?.kind).toBe("answer");
    if (answer?.kind !== "answer") return;
    expect(renderAnswerRaw(answer, "New.\n\nText.")).toBe(
      "### Q1- Tell me about yourself:\n\n“New.\n\nText.”",
    );
    const labelled = parsePrepDocument("### Q1:\n**Answer**: I did it.\nAnd more.");
    const item = labelled.items[0];
    if (item?.kind !== "answer") throw new Error("expected an answer");
    expect(item).toMatchObject({ question: "", text: "I did it.\nAnd more." });
    expect(renderAnswerRaw(item, "Other.")).toBe("### Q1:\n**Answer**: Other.");
  });

  it("refuses to edit items without text", () => {
    const doc = parsePrepDocument("## Section\n");
    expect(() => reviseItemText(doc.items[0] as PrepItem, "x")).toThrow(/has no text to replace/);
  });
});

describe("ticking a to-do entry and editing a snippet's code", () => {
  const swap = (doc: PrepDoc, item: PrepItem): PrepDoc => ({
    ...doc,
    items: doc.items.map((i) => (i.key === item.key ? item : i)),
  });
  const text =
    "# Prep\n\n> - [ ] Rehearse Q1\n>   * [X] Update the CV\n> 1. [ ] Call Sam\n\n```py\nprint(1)\n\nprint(2)\n```\n\n~~~\nnever closed\n";

  it("changes only that checkbox: the document re-imports with the same list and that entry ticked", () => {
    const doc = parsePrepDocument(text);
    const todo = doc.items.find((i) => i.kind === "to-do");
    if (todo?.kind !== "to-do") throw new Error("no to-do list");
    const ticked = setTodoDone(setTodoDone(todo, 0, true), 1, false);
    expect(ticked.raw).toBe("> - [x] Rehearse Q1\n>   * [ ] Update the CV\n> 1. [ ] Call Sam");
    const again = parsePrepDocument(renderPrepDocument(swap(doc, ticked)));
    const reread = again.items.find((i) => i.kind === "to-do");
    expect(reread).toMatchObject({ key: todo.key, entries: ticked.entries });
    // An upper-case X that is ticked again stays as written.
    expect(setTodoDone(todo, 1, true).raw).toBe(todo.raw);
    expect(() => setTodoDone(todo, 3, true)).toThrow(/has 3 entries: entry 3 does not exist/);
    expect(() => reviseItemText(todo, "anything")).toThrow(/tick or untick an entry/);
  });

  it("replaces a snippet's code between its fences; an unclosed fence stays unclosed", () => {
    const doc = parsePrepDocument(text);
    const [closed, open] = doc.items.filter((i) => i.kind === "snippet");
    if (closed?.kind !== "snippet" || open?.kind !== "snippet") throw new Error("no snippets");
    const edited = reviseItemText(closed, "print(3)\n");
    expect(edited.raw).toBe("```py\nprint(3)\n```");
    const editedOpen = reviseSnippetCode(open, "still open");
    expect(editedOpen.raw).toBe("~~~\nstill open");
    const again = parsePrepDocument(renderPrepDocument(swap(swap(doc, edited), editedOpen)));
    expect(again.items.filter((i) => i.kind === "snippet")).toEqual([
      expect.objectContaining({ key: closed.key, code: "print(3)", closed: true, language: "py" }),
      expect.objectContaining({ key: open.key, code: "still open", closed: false }),
    ]);
    expect(() => reviseSnippetCode(closed, "a\n```\nb")).toThrow(/would end the code block early/);
  });
});
