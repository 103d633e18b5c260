import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SEED_DIR, SEED_FILE, seedUpload } from "../../../test/seed.ts";
import type { AnswerItem, FollowUpItem, PrepItem } from "../model.ts";
import {
  checkPrepDocInvariants,
  decodeDocument,
  importPrepDocument,
  parsePrepDocument,
  renderPrepDocument,
} from "./index.ts";

const sha = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);

// kind, key, first line, last line, sha256 of raw (first 16 hex digits). The seed's prose is not
// copied into the repository: hashes pin it instead.
const EXPECTED: Array<[PrepItem["kind"], string, number, number, string]> = [
  ["section", "section-1", 2, 2, "d53318c0a9ba605f"],
  ["framing", "framing-1", 3, 17, "68361ded56ab457c"],
  ["section", "section-2", 37, 37, "32d7e28b9b795057"],
  ["answer", "q1/core", 39, 45, "457de7dc65e03f7d"],
  ["answer", "q1/alternative", 48, 54, "d861c1821221b136"],
  ["follow-up", "q1/follow-up-1", 57, 59, "64913428362306ee"],
  ["follow-up", "q1/follow-up-2", 60, 61, "5e7ed48797e59c8d"],
  ["follow-up", "q1/follow-up-3", 62, 66, "66b2f47085e061dc"],
  ["follow-up", "q1/follow-up-4", 67, 68, "e00f132b23edae0d"],
  ["concern", "q1/concern-1", 71, 74, "42f28b504100b657"],
  ["answer", "q2/core", 76, 80, "4b9f123f0b6f396d"],
  ["answer", "q3/core", 82, 105, "16d14be8489329a2"],
  ["answer", "q6/core", 109, 123, "f8a642c0e79c8f95"],
  ["reflection", "reflection-1", 125, 148, "2528a4ec7e491db6"],
  ["answer", "q6/ml-focused", 150, 164, "cf49b28072164038"],
  ["note", "note-4", 166, 166, "2aa885e44b2657ae"],
  ["answer", "q6/model-serving-inference-api-focus", 168, 184, "d2a39d2d34a4cbd3"],
  ["technical-section", "tech-1", 190, 191, "a1ec3c5a59d5b87c"],
  ["technical-question", "tech-1/q1", 192, 192, "b7244343d03aa65f"],
  ["technical-question", "tech-1/q2", 193, 193, "05bc6525010e51f0"],
  ["technical-question", "tech-1/q3", 194, 194, "e08ce66df38bd3c4"],
  ["technical-question", "tech-1/q4", 195, 195, "ac1372ae2fc04a03"],
  ["technical-question", "tech-1/q5", 196, 196, "6b8c0a05e518ba21"],
  ["technical-section", "tech-2", 199, 200, "cdc5571e40c0640e"],
  ["technical-question", "tech-2/q1", 201, 201, "8b7733f64b74a0f7"],
  ["technical-question", "tech-2/q2", 202, 202, "885e2c3efb738555"],
  ["technical-question", "tech-2/q3", 203, 203, "fe0327c7fec902cf"],
  ["technical-question", "tech-2/q4", 204, 204, "a954d12d4469dd1b"],
  ["technical-question", "tech-2/q5", 205, 205, "f28fdc434e6588c5"],
];

// The seed is read from ../shared (or DERISK_SEED_DIR) at run time: test/seed.ts.
describe.runIf(SEED_FILE !== undefined)("the seed document (golden)", () => {
  // The body is collected even when skipped: read nothing then.
  const bytes = SEED_FILE === undefined ? new TextEncoder().encode("# no seed here\n") : seedUpload().bytes;
  const doc = importPrepDocument(bytes, { filename: "seed.txt" });
  const byKey = new Map(doc.items.map((i) => [i.key, i]));
  const answer = (key: string): AnswerItem => byKey.get(key) as AnswerItem;

  it("is repaired from Mac Roman mojibake", () => {
    expect(doc.report.encoding).toBe("utf-8-mojibake-mac-roman");
    expect(doc.report.repaired).toBe(true);
    const text = renderPrepDocument(doc);
    expect(text).not.toMatch(/‚Äô|‚Äî|üëâ|\uf8ff/);
    expect(text).toContain("👉 Answer:");
  });

  it("imports to the pinned structure: kinds, keys, line ranges and raw hashes", () => {
    expect(doc.items.map((i) => [i.kind, i.key, i.lines.start, i.lines.end, sha(i.raw)])).toEqual(EXPECTED);
  });

  it("reports what was recognised", () => {
    expect(doc.report.counts).toEqual({
      section: 2,
      framing: 1,
      answer: 7,
      "follow-up": 4,
      concern: 1,
      "technical-section": 2,
      "technical-question": 10,
      reflection: 1,
      accomplishment: 0,
      "to-do": 0,
      snippet: 0,
      note: 1,
    });
    // Only the coach's aside between two alternative answers is left as a note.
    expect(doc.report.unrecognised).toEqual([{ start: 166, end: 166 }]);
    expect(doc.report.lines).toEqual({ total: 208, nonBlank: 124, inNotes: 1 });
    expect(doc.targetRole).toBe("ML Engineer");
    // Named after its file, or (pasted, no file) its target role; never after its first
    // heading, "The Behavioral Interview Reality (important framing)", which is one section.
    expect(doc.title).toBe("Seed");
    expect(importPrepDocument(bytes).title).toBe("ML Engineer prep");
  });

  it("recognises the framing, Q1's script, trailer, follow-ups and concern", () => {
    const framing = byKey.get("framing-1");
    expect(framing).toMatchObject({ kind: "framing", lines: { start: 3, end: 17 } });
    expect(framing?.kind === "framing" && framing.intro).toMatch(
      /^Behavioral interviews are not about:.*subconsciously asking:$/s,
    );
    // Its "not about:" list stays a list (each item a "- " line), for every view that lays it out.
    expect(framing?.kind === "framing" && framing.intro).toMatch(
      /not about:\n- being likable\n- sounding inspirational\n- having perfect past titles\n\nThey are about risk reduction\./,
    );
    expect(framing?.kind === "framing" && framing.closing).toMatch(/^You already have the raw material\./);
    expect(framing?.kind === "framing" && framing.questions).toHaveLength(5);
    expect(answer("q1/core")).toMatchObject({
      questionNumber: "Q1",
      question: "Tell me about yourself",
      variant: "core",
      format: "script",
    });
    expect(answer("q1/core").text).toMatch(/^Thank you for having me\..*applied ML team\.$/s);
    const trailer = answer("q1/alternative");
    expect(trailer).toMatchObject({ variant: "alternative", format: "beats" });
    expect(trailer.beats).toHaveLength(4);
    expect(trailer.beats?.every((b) => b.includes("→"))).toBe(true);
    expect(trailer.remark).toMatch(/^Think of it like a movie trailer/);
    const followUps = doc.items.filter((i): i is FollowUpItem => i.kind === "follow-up");
    expect(followUps.map((f) => [f.question, f.pointer, f.budgetSeconds, f.answerKey])).toEqual([
      ["Was your PhD related to AI/ML?", false, undefined, "q1/core"],
      ["Tell me about your background.", true, 180, "q1/core"],
      ["What experience do you have with ML in practice?", false, undefined, "q1/core"],
      ["Why EvenUp / Why now?", false, undefined, "q1/core"],
    ]);
    expect(followUps[0]?.answer).toMatch(/^Not directly — /);
    expect(followUps[2]?.answer.split("\n")).toHaveLength(4);
    expect(byKey.get("q1/concern-1")).toMatchObject({
      kind: "concern",
      judgement: "this is too academic",
      answerKey: "q1/core",
    });
    const concern = byKey.get("q1/concern-1");
    expect(concern?.kind === "concern" && concern.reframes).toHaveLength(2);
  });

  it("recognises the STAR answers in both label styles, with the re-angle remark", () => {
    const q3 = answer("q3/core");
    expect(q3.format).toBe("star");
    expect(Object.keys(q3.star ?? {})).toEqual(["situation", "task", "action", "result"]);
    expect(q3.remark).toMatch(/^You're absolutely right — the current framing leans heavily into DevOps/);
    const q6 = answer("q6/core");
    expect(q6).toMatchObject({ format: "star", questionNumber: "Q6" });
    expect(Object.keys(q6.star ?? {})).toEqual(["situation", "task", "action", "result"]);
    expect(answer("q2/core")).toMatchObject({ format: "free", questionNumber: "Q2" });
  });

  it("attaches the alternative answers to Q6 with their variants", () => {
    const alternatives = doc.items.filter(
      (i): i is AnswerItem => i.kind === "answer" && i.questionKey === "q6",
    );
    expect(alternatives.map((a) => a.variant)).toEqual([
      "core",
      "ML-focused",
      "Model serving / inference API focus",
    ]);
    expect(answer("q6/ml-focused").text).toMatch(/forecasting project/);
    expect(answer("q6/ml-focused").remark).toMatch(/^Alternative Answers:\nHere's a version of the/);
    expect(answer("q6/model-serving-inference-api-focus").text).toMatch(/cold starts/);
  });

  it("recognises the reflection and the technical bank", () => {
    const reflection = byKey.get("reflection-1");
    expect(reflection?.kind).toBe("reflection");
    if (reflection?.kind !== "reflection") return;
    expect(reflection.turns.map((t) => t.speaker)).toEqual(["Yaser", "ChatGPT"]);
    expect(reflection.reframes).toHaveLength(4);
    expect(reflection.title).toBe("This is for you to read, Yaser!!!");
    const sections = doc.items.filter((i) => i.kind === "technical-section");
    expect(sections.map((s) => s.kind === "technical-section" && [s.emoji, s.title, s.competency])).toEqual([
      ["🧠", "ML & Deep Learning Foundations", "ml-concept"],
      ["⚙️", "ML Engineering / Deployment", "ml-engineering"],
    ]);
    const questions = doc.items.filter((i) => i.kind === "technical-question");
    expect(questions.map((q) => q.kind === "technical-question" && q.competency)).toEqual([
      ...Array(5).fill("ml-concept"),
      ...Array(5).fill("ml-engineering"),
    ]);
  });

  it("is lossless, and export → import → export is byte-identical", () => {
    const text = decodeDocument(bytes).text;
    expect(checkPrepDocInvariants(text, doc)).toEqual([]);
    const exported = renderPrepDocument(doc);
    const again = renderPrepDocument(importPrepDocument(new TextEncoder().encode(exported)));
    expect(again).toBe(exported);
    expect(parsePrepDocument(exported).items).toEqual(doc.items);
  });
});

describe("the seed document's availability", () => {
  it.runIf(process.env.CI === "true")("is present in CI", () => {
    expect(SEED_FILE, `no seed document in ${SEED_DIR}`).toBeDefined();
  });
});
