import { describe, expect, it } from "vitest";
import { parsePrepDocument } from "../../core/markdown/index.ts";
import { renderImportResult } from "./import-report.ts";
import { createStyle } from "./style.ts";

const plain = createStyle({ isTTY: false }, {});

function reportOf(text: string): string {
  const doc = parsePrepDocument(text);
  return renderImportResult(
    { status: "created", title: doc.title, report: doc.report, summary: "", recognisedShare: 0 },
    plain,
  );
}

describe("the import report in a terminal", () => {
  it("names one line kept as notes as a line, several as lines", () => {
    expect(reportOf("# Prep\n\n### Q1- Why us?\n\n> Because.\n\nSome aside.\n")).toMatch(
      /kept as notes \(not recognised\): line 7$/m,
    );
    expect(reportOf("A stray remark.\n\nAnother one.\n")).toMatch(
      /kept as notes \(not recognised\): lines 1–3$/m,
    );
  });

  it("gives a restored bank file no line count: it has no lines to recognise", () => {
    const doc = parsePrepDocument("");
    const restored = renderImportResult(
      {
        status: "restored",
        title: "Your derisk bank",
        report: doc.report,
        summary: "1 document, 31 items (31 versions)",
        recognisedShare: 1,
      },
      plain,
    );
    expect(restored).toContain("1 document, 31 items");
    // Before: "lines: 0 total, 0 with text, 0 kept as notes; 100% recognised".
    expect(restored).not.toMatch(/lines:|recognised/);
    const dry = renderImportResult(
      {
        status: "dry-run",
        wouldBe: "restored",
        title: "Your derisk bank",
        report: doc.report,
        summary: "1 document",
        recognisedShare: 1,
      },
      plain,
    );
    expect(dry).not.toMatch(/lines:/);
  });
});
