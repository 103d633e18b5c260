import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkPrepDocInvariants,
  importPrepDocument,
  parsePrepDocument,
  renderPrepDocument,
} from "./index.ts";

const root = new URL("../../../", import.meta.url);
const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, root)), "utf8");
const goldenPath = fileURLToPath(new URL("test/fixtures/sample-prep.expected.json", root));
const sample = read("samples/sample-prep.md");

describe("the sample prep document", () => {
  const doc = parsePrepDocument(sample);

  it("matches the committed golden import (UPDATE_GOLDEN=1 regenerates it)", () => {
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === "1" || (!existsSync(goldenPath) && process.env.CI !== "true")) {
      writeFileSync(goldenPath, json);
    }
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(goldenPath, "utf8")));
  });

  it("has every structure of the seed", () => {
    expect(doc.report.counts).toMatchObject({
      framing: 1,
      answer: 7,
      "follow-up": 4,
      concern: 1,
      "technical-section": 2,
      "technical-question": 10,
      reflection: 1,
    });
    expect(doc.targetRole).toBe("Data/ML Engineer");
    const formats = doc.items.flatMap((i) => (i.kind === "answer" ? [`${i.key}:${i.format}`] : []));
    expect(formats).toEqual([
      "q1/core:script",
      "q1/alternative:beats",
      "q2/core:free",
      "q3/core:star",
      "q5/core:star",
      "q5/model-focused:free",
      "q5/serving-latency-focus:free",
    ]);
    expect(doc.items.find((i) => i.key === "q1/follow-up-2")).toMatchObject({
      pointer: true,
      budgetSeconds: 120,
    });
    expect(doc.items.find((i) => i.key === "q3/core")).toMatchObject({
      remark: expect.stringMatching(/^Good catch/),
    });
    // The loose thoughts at the end stay notes, in place.
    expect(doc.items.filter((i) => i.kind === "note").at(-1)?.raw).toMatch(/^A loose thought/);
  });

  it("is lossless and export → import → export is byte-identical", () => {
    expect(checkPrepDocInvariants(sample, doc)).toEqual([]);
    const exported = renderPrepDocument(doc);
    expect(renderPrepDocument(importPrepDocument(new TextEncoder().encode(exported)))).toBe(exported);
  });

  for (const [file, encoding] of [
    ["test/fixtures/sample-prep.mojibake-macroman.txt", "utf-8-mojibake-mac-roman"],
    ["test/fixtures/sample-prep.mojibake-cp1252.txt", "utf-8-mojibake-windows-1252"],
  ] as const) {
    it(`repairs ${file.split("/").at(-1)} back to the sample exactly`, () => {
      const damaged = readFileSync(fileURLToPath(new URL(file, root)));
      expect(new TextDecoder().decode(damaged)).not.toBe(sample);
      const repaired = importPrepDocument(damaged, { filename: "sample.txt" });
      expect(repaired.report).toMatchObject({ encoding, repaired: true });
      expect(renderPrepDocument(repaired)).toBe(sample);
      expect(repaired.items).toEqual(doc.items);
    });
  }

  it("imports the same with CRLF line endings", () => {
    const crlf = importPrepDocument(new TextEncoder().encode(sample.replace(/\n/g, "\r\n")));
    expect(renderPrepDocument(crlf)).toBe(sample);
    expect(crlf.report.warnings).toContain("Line endings were converted from CRLF to LF.");
  });
});
