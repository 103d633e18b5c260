import { describe, expect, it } from "vitest";
import { prepareImport } from "./bank.ts";

// An empty bank file, as `derisk export --format json` writes it for a new bank.
const EMPTY_BANK = `${JSON.stringify(
  {
    format: "derisk-bank",
    version: 2,
    tables: Object.fromEntries(
      [
        "profiles",
        "documents",
        "items",
        "item_versions",
        "stories",
        "questions",
        "attempts",
        "cards",
        "practice_sessions",
        "practice_steps",
        "tailorings",
        "journal_entries",
        "journal_dismissals",
        "journal_entry_versions",
        "attempt_recordings",
      ].map((table) => [table, []]),
    ),
  },
  null,
  2,
)}\n`;

/** The bytes an editor writes when it saves the file as "Unicode": a BOM, then UTF-16. */
function utf16(text: string, order: "le" | "be"): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [first, second] = order === "le" ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + 2 * i] = first;
    bytes[3 + 2 * i] = second;
  }
  return bytes;
}

describe("a bank file saved again as UTF-16", () => {
  it("is read as the bank file it is, named .json or not", () => {
    for (const order of ["le", "be"] as const) {
      // Before: "bank.json is not valid JSON at line 23, column 2 (at ` `): Unexpected token '�'".
      const named = prepareImport({ bytes: utf16(EMPTY_BANK, order), filename: "bank.json" });
      expect(named.backup?.tables.documents).toEqual([]);
      // Before: without the .json name it was imported as a prep document of notes.
      const unnamed = prepareImport({ bytes: utf16(EMPTY_BANK, order), filename: "backup.txt" });
      expect(unnamed.backup).toBeDefined();
    }
  });

  it("still says where a damaged UTF-16 bank file is wrong", () => {
    const broken = utf16(EMPTY_BANK.replace('"items": []', '"items": ['), "le");
    expect(() => prepareImport({ bytes: broken, filename: "bank.json" })).toThrow(
      /bank\.json is not valid JSON at line \d+, column \d+/,
    );
  });
});
