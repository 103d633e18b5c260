import { describe, expect, it } from "vitest";
import { alsoFound } from "./report-summary.ts";

describe("alsoFound (the import report's secondary kinds)", () => {
  it("lists only the kinds the document has, never a zero", () => {
    expect(alsoFound({ answer: 3, accomplishment: 2, "to-do": 0, snippet: 0, note: 1 })).toBe(
      "2 accomplishments · 1 note",
    );
  });

  it("is undefined when none of the secondary kinds was found", () => {
    expect(alsoFound({ answer: 3, "to-do": 0, snippet: 0 })).toBeUndefined();
  });
});
