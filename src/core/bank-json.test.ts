import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBankJson, renderBankJson } from "./bank-json.ts";
import { parsePrepDocument, renderPrepDocument } from "./markdown/index.ts";
import { formatShare, recognisedShare, summariseReport } from "./report-summary.ts";

const resume = readFileSync(
  fileURLToPath(new URL("../../test/fixtures/structures/resume-achievements.md", import.meta.url)),
  "utf8",
);

describe("the bank file with accomplishments", () => {
  it("round-trips accomplishments: JSON → document → the same Markdown", () => {
    const doc = parsePrepDocument(resume);
    const back = parseBankJson(JSON.parse(renderBankJson(doc)));
    expect(back).toEqual(doc);
    expect(renderPrepDocument(back)).toBe(resume);
  });

  it("reads a bank written before accomplishments existed (no count for them) as 0", () => {
    const bank = JSON.parse(renderBankJson(parsePrepDocument("### Q1- Why us?\n\nBecause.\n"))) as {
      document: { report: { counts: Record<string, number> } };
    };
    delete bank.document.report.counts.accomplishment;
    expect(parseBankJson(bank).report.counts.accomplishment).toBe(0);
  });
});

describe("the share recognised", () => {
  it("is the share of lines with text not kept only as notes, never shown as 100% while one is", () => {
    const { report } = parsePrepDocument(resume);
    expect(report.lines).toMatchObject({ nonBlank: 17, inNotes: 3 });
    expect(recognisedShare(report)).toBe(0.824);
    expect(summariseReport(report)).toBe(
      "9 accomplishments, 2 notes; encoding UTF-8; 3 lines unrecognised (82% recognised)",
    );
    expect(formatShare(recognisedShare({ lines: { total: 1000, nonBlank: 1000, inNotes: 1 } }))).toBe("99%");
    expect(recognisedShare({ lines: { total: 3, nonBlank: 0, inNotes: 0 } })).toBe(1);
  });
});
