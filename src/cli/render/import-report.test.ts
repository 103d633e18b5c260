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

  it("gives no line count for a restored bank file, which has rows, not lines", () => {
    const doc = parsePrepDocument("");
    const restored = renderImportResult(
      {
        status: "restored",
        title: "Your derisk bank",
        report: doc.report,
        summary: "3 documents, 61 items (61 versions), 4 stories",
        recognisedShare: 1,
      },
      plain,
    );
    expect(restored).toContain("3 documents, 61 items");
    expect(restored).not.toMatch(/lines:|recognised$/m);
  });
});
