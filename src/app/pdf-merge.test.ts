import { describe, expect, it } from "vitest";
import { mergePdfs, UnsupportedPdf } from "./pdf-merge.ts";

/** A one-page PDF as Skia writes one: classic xref, direct lengths, resources inline. */
function skiaLike(text: string): Uint8Array {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<</Title (t)\n/Producer (Skia/PDF m147)>>",
    "<</Type /Page\n/Resources <</Font <</F1 5 0 R>>>>\n/MediaBox [0 0 595 842]\n/Contents 3 0 R\n/Parent 4 0 R>>",
    `<</Length ${content.length}>> stream\n${content}\nendstream`,
    "<</Type /Pages\n/Count 1\n/Kids [2 0 R]>>",
    "<</Type /Font\n/Subtype /Type1\n/BaseFont /Courier>>",
    "<</Type /Catalog\n/Pages 4 0 R>>",
  ];
  let out = "%PDF-1.4\n%\xD3\xEB\xE9\xE1\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<</Size ${objects.length + 1}\n/Root 6 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

describe("mergePdfs", () => {
  it("joins parts in order under one page tree, numbers the pages, and writes a valid xref", () => {
    const merged = Buffer.from(
      mergePdfs([skiaLike("first"), skiaLike("second"), skiaLike("third")]),
    ).toString("latin1");
    expect(merged.indexOf("(first)")).toBeLessThan(merged.indexOf("(second)"));
    expect(merged.indexOf("(second)")).toBeLessThan(merged.indexOf("(third)"));
    expect(merged).toMatch(/\/Type \/Pages\n\/Count 3\n\/Kids \[\d+ 0 R \d+ 0 R \d+ 0 R\]/);
    for (const label of ["(1 / 3)", "(2 / 3)", "(3 / 3)"]) expect(merged).toContain(label);
    expect(merged.match(/\/Type \/Catalog/g)).toHaveLength(1);
    // Every offset in the xref points at its object.
    const xrefAt = Number(merged.match(/startxref\n(\d+)/)?.[1]);
    const rows = merged.slice(xrefAt).split("\n").slice(3);
    rows.forEach((row, i) => {
      if (!/^\d{10} 00000 n $/.test(row)) return;
      expect(merged.slice(Number(row.slice(0, 10))).startsWith(`${i + 1} 0 obj`)).toBe(true);
    });
  });

  it("refuses what it does not understand, so the caller prints the old way", () => {
    const withOutline = Buffer.from(skiaLike("x"))
      .toString("latin1")
      .replace("<</Type /Catalog\n/Pages 4 0 R>>", "<</Type /Catalog\n/Pages 4 0 R\n/Outlines 1 0 R>>");
    expect(() => mergePdfs([new Uint8Array(Buffer.from(withOutline, "latin1"))])).toThrow(UnsupportedPdf);
    expect(() => mergePdfs([new TextEncoder().encode("not a pdf")])).toThrow(UnsupportedPdf);
    expect(() => mergePdfs([])).toThrow(UnsupportedPdf);
  });
});
