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
