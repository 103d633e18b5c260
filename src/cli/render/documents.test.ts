import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { StoredItem } from "../../core/api-types.ts";
import { parsePrepDocument } from "../../core/markdown/index.ts";
import { renderDocument } from "./documents.ts";
import { createStyle } from "./style.ts";

const text = [
  "### Q1- Tell me about a project you led.",
  "",
  "I moved our batch jobs to streaming.",
  "",
  "#### They’ll likely ask:",
  "“What would you do differently?”",
  "👉 Answer: Two things:",
  "- Involve the consumers earlier.",
  "  - And rehearse the rollback.",
  "",
  "",
  "---",
  "",
  "Loose notes, not placed:",
  "- ask about on-call",
  "- bring the latency chart, which is the one chart that shows the whole story of the migration",
  "",
].join("\n");
function show(text: string): string {
  const doc = parsePrepDocument(text);
  const items: StoredItem[] = doc.items.map((item, n) => ({
    ...item,
    id: `${String(n).padStart(8, "0")}-0000-4000-8000-000000000000`,
    documentId: "d",
    version: 1,
    updatedAt: "2026-12-05T00:00:00.000Z",
  }));
  return renderDocument(
    {
      id: "d",
      title: doc.title,
      encoding: "utf-8",
      repaired: false,
      counts: doc.report.counts,
      createdAt: "",
      updatedAt: "",
      version: 1,
      report: doc.report,
    },
    items,
    createStyle({ isTTY: false }, {}),
  );
}
const shown = show(text);

describe("derisk show", () => {
  it("prints a follow-up answer's list under its first line, nesting kept", () => {
    expect(shown).toContain(
      "    → Two things:\n      - Involve the consumers earlier.\n        - And rehearse the rollback.",
    );
  });

  it("prints a note whole, every line of it, so nothing the importer did not place goes unseen", () => {
    expect(shown).toContain(
      "    Loose notes, not placed:\n    - ask about on-call\n    - bring the latency chart, which is the one chart that shows the whole story of the migration",
    );
  });

  it("says a one-line note's line once and a framing's title once under a heading of the same words", () => {
    const sample = show(readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8"));
    expect(sample).toMatch(/note \(line 143\):/);
    expect(sample).not.toMatch(/lines (\d+)–\1\b/);
    expect(sample).toMatch(/note \(lines 163–165\):/);
    expect(sample.match(/What the panel is really checking/g)).toHaveLength(1);
    expect(sample).toMatch(/^Framing\n {2}• Will she freeze/m);
  });

  it("prints answers as words: no emphasis, links' targets, code ticks or strike marks", () => {
    const page = show(
      [
        "## Tell me about **yourself**?",
        "I am an *ML engineer* with six years of [experience](https://example.com), `pandas` and ~~Excel~~ SQL.",
        "",
      ].join("\n"),
    );
    expect(page).toContain("Tell me about yourself?");
    expect(page).toContain("I am an ML engineer with six years of experience, pandas and Excel SQL.");
    expect(page).not.toMatch(/[*`~]|\]\(/);
  });

  it("leaves the blank line between an answer's paragraphs empty: no line ends in spaces", () => {
    const page = show("## Tell me about yourself?\nI build pipelines.\n\nNow I want to ship models.\n");
    expect(page).toContain("  I build pipelines.\n\n  Now I want to ship models.");
    expect(page.split("\n").filter((line) => /\s$/.test(line))).toEqual([]);
  });
});
