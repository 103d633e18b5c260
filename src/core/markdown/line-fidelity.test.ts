import { describe, expect, it } from "vitest";
import { auditLineFidelity, readRepoFile as read } from "../../../test/line-fidelity.ts";
import { SEED_FILE, seedUpload } from "../../../test/seed.ts";
import { decodeDocument, parsePrepDocument } from "./index.ts";

const fixture = read("test/fixtures/structures/every-construct.md");

describe("line fidelity: every line of the document is kept in what is stored", () => {
  it("our own fixture with every Markdown construct loses no line, list marker or nesting", () => {
    expect(auditLineFidelity(fixture, parsePrepDocument(fixture))).toEqual([]);
  });

  it("the sample document loses no line", () => {
    const sample = read("samples/sample-prep.md");
    expect(auditLineFidelity(sample, parsePrepDocument(sample))).toEqual([]);
  });

  it.runIf(SEED_FILE !== undefined)("the seed document loses no line", () => {
    const { bytes, filename } = seedUpload();
    const decoded = decodeDocument(bytes, { filename });
    expect(auditLineFidelity(decoded.text, parsePrepDocument(decoded.text))).toEqual([]);
  });

  it("the other structure fixtures lose no line", () => {
    const names = [
      "dialogue-mock.md",
      "emoji-blockquote-hinglish.md",
      "front-matter-principles.md",
      "html-bold-self-intro.md",
      "mixed-structures.md",
      "ml-short-qa.md",
      "numbered-and-bold-questions.md",
      "resume-achievements.md",
      "star-quoted-headings.md",
    ];
    const losses = names.flatMap((name) => {
      const text = read(`test/fixtures/structures/${name}`);
      return auditLineFidelity(text, parsePrepDocument(text)).map((loss) => ({ name, ...loss }));
    });
    expect(losses).toEqual([]);
  });
});

describe("lists and blank lines in follow-up answers", () => {
  const doc = parsePrepDocument(read("test/fixtures/structures/every-construct.md"));
  const followUps = doc.items.filter((i) => i.kind === "follow-up");

  it("keeps a follow-up answer's bullets, nested bullets and numbers as list lines", () => {
    expect(followUps.map((f) => f.kind === "follow-up" && f.answer)).toEqual([
      "Three things:\n- Involve the consumers earlier.\n- Write the rollback plan first.\n  - And rehearse it once.",
      "1. Window length per night.\n2. Number of tables that landed late.\n\nAlso: nobody was paged during the switch.",
      "The finance team, because:\n\n- their reports ran at five in the morning\n- they had no test environment\n\n“We can't test this” was the real worry, so I built them one.",
    ]);
  });

  it("reads on across one blank line inside an answer, so the next question is still a follow-up", () => {
    expect(followUps.map((f) => f.kind === "follow-up" && f.question)).toEqual([
      "What would you do differently?",
      "How did you know it worked?",
      "Who pushed back?",
    ]);
    expect(doc.items.filter((i) => i.kind === "note")).toEqual([]);
    expect(doc.items.filter((i) => i.kind === "answer").map((i) => i.key)).toEqual([
      "q1/core",
      "q2/core",
      "q3/core",
    ]);
  });
});
