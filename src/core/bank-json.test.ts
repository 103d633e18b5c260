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

describe("the bank file with to-do lists and snippets", () => {
  const mixed = readFileSync(
    fileURLToPath(new URL("../../test/fixtures/structures/mixed-structures.md", import.meta.url)),
    "utf8",
  );
  type Bank = {
    document: { items: Array<Record<string, unknown>>; report: { counts: Record<string, number> } };
  };
  const bank = () => JSON.parse(renderBankJson(parsePrepDocument(mixed))) as Bank;
  const item = (b: Bank, kind: string) =>
    b.document.items.find((i) => i.kind === kind) as Record<string, unknown>;

  it("round-trips to-do lists and snippets (an unclosed fence too): JSON → document → the same Markdown", () => {
    const doc = parsePrepDocument(mixed);
    const back = parseBankJson(JSON.parse(renderBankJson(doc)));
    expect(back).toEqual(doc);
    expect(back.report.counts).toMatchObject({ "to-do": 1, snippet: 2 });
    expect(renderPrepDocument(back)).toBe(mixed);
  });

  it("reads a bank written before them as 0, and refuses entries and fields out of shape", () => {
    const old = bank();
    delete old.document.report.counts["to-do"];
    delete old.document.report.counts.snippet;
    expect(parseBankJson(old).report.counts).toMatchObject({ "to-do": 0, snippet: 0 });

    const empty = bank();
    item(empty, "to-do").entries = [];
    expect(() => parseBankJson(empty)).toThrow(/entries/);
    const badDepth = bank();
    item(badDepth, "to-do").entries = [{ text: "x", done: true, depth: -1 }];
    expect(() => parseBankJson(badDepth)).toThrow(/depth/);
    const notBoolean = bank();
    item(notBoolean, "snippet").closed = "yes";
    expect(() => parseBankJson(notBoolean)).toThrow(/closed/);
    const longLanguage = bank();
    item(longLanguage, "snippet").language = "x".repeat(2_001);
    expect(() => parseBankJson(longLanguage)).toThrow(/language/);
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

describe("a bank file whose version this derisk cannot read", () => {
  it("says a newer derisk wrote a higher version, which versions it reads, and to update derisk", () => {
    expect(() => parseBankJson({ format: "derisk-bank", version: 3, tables: {} }, "future.json")).toThrow(
      /^future\.json is a derisk bank of version 3, written by a newer derisk; this derisk reads bank files of version 1 and 2\. Update derisk/,
    );
  });

  it("names a damaged version field as such, not as a version this derisk lacks", () => {
    const message = (() => {
      try {
        parseBankJson({ format: "derisk-bank", version: "2", tables: {} }, "bank.json");
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    expect(message).toMatch(
      /^bank\.json has "version": "2", which is not a bank file version; this derisk reads/,
    );
    expect(message).not.toMatch(/reads version 1:/);
  });
});
