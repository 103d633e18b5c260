import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenCitations, slug } from "./doc-refs.ts";

const root = join(import.meta.dirname, "..");

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "doc-refs-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const lens = [
  "# Lens",
  "## How the model is trained",
  "### Round 22: a committed weight set",
  "**Blind writers in training, part 3: candidate C with the",
  "off-topic thresholds fixed.** Text.",
  "- **Match and coverage**: text.",
  "",
].join("\n");

describe("scripts/doc-refs.ts: every docs/ path and section the code cites exists", () => {
  it("finds no broken citation in this repository", () => {
    expect(brokenCitations(root)).toEqual([]);
  });

  it("accepts a heading, a bold lead (also one that runs over its line) and a name cited over a comment's line break", () => {
    const dir = tree({
      "docs/lens.md": lens,
      "src/a.ts": [
        '// see docs/lens.md, "How the model is trained" and (docs/lens.md "Round 22")',
        "/**",
        ' * as measured (docs/lens.md, "Blind writers in training, part 3: candidate C',
        ' * with the off-topic thresholds fixed"), and docs/lens.md\'s "Match and coverage".',
        " */",
        "// docs/lens.md alone names only the file.",
      ].join("\n"),
    });
    expect(brokenCitations(dir)).toEqual([]);
  });

  it("reports a section that is not in the cited file, a missing file and a dead link, with the line", () => {
    const dir = tree({
      "docs/lens.md": lens,
      "docs/lab/lens-lab.md": "# Lab\n### gen22: where it fails\n",
      "docs/guide.md":
        "See [the lab](lab/lens-lab.md#gen22-where-it-fails) and [x](lab/lens-lab.md#gen23).\n",
      "scripts/b.ts": 'const a = 1;\n// design G2 (docs/lens.md, "gen22: where it fails")\n// docs/gone.md\n',
    });
    expect(brokenCitations(dir)).toEqual([
      {
        file: "scripts/b.ts",
        line: 2,
        cited: 'docs/lens.md, "gen22: where it fails"',
        why: "no heading or bold lead of that file starts with the quoted name",
      },
      { file: "scripts/b.ts", line: 3, cited: "docs/gone.md", why: "no such file" },
      {
        file: "docs/guide.md",
        line: 1,
        cited: "lab/lens-lab.md#gen23",
        why: "no heading of the linked file has that anchor",
      },
    ]);
  });

  it("makes GitHub's anchors", () => {
    expect(slug("Round 29b: deed prototypes read by the sentence encoder (issue 11, match29b)")).toBe(
      "round-29b-deed-prototypes-read-by-the-sentence-encoder-issue-11-match29b",
    );
    expect(slug("Follow-up ↔ prepared-answer links")).toBe("follow-up--prepared-answer-links");
  });
});
