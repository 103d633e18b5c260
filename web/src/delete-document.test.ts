import { describe, expect, it } from "vitest";
import { deleteDocumentQuestion } from "./delete-document.ts";

describe("the question asked before deleting a document", () => {
  it("says the sample takes the stories drawn from it that the user never edited, with their number", () => {
    expect(deleteDocumentQuestion({ title: "Sample prep", sample: true }, 3)).toBe(
      "Delete “Sample prep” and all its answers? Also deletes the 3 stories drawn from it that you have not edited; stories you edited stay. This cannot be undone.",
    );
    expect(deleteDocumentQuestion({ title: "Sample prep", sample: true }, 1)).toContain(
      "Also deletes the 1 story drawn from it that you have not edited; stories you edited stay.",
    );
  });

  it("says it without a number when the stories could not be read", () => {
    expect(deleteDocumentQuestion({ title: "Sample prep", sample: true }, undefined)).toContain(
      "Also deletes the stories drawn from it that you have not edited; stories you edited stay.",
    );
  });

  it("says nothing of stories for the user's own document, or a sample with none drawn from it", () => {
    const plain = "Delete “My prep” and all its answers? This cannot be undone.";
    expect(deleteDocumentQuestion({ title: "My prep" }, 4)).toBe(plain);
    expect(deleteDocumentQuestion({ title: "My prep", sample: true }, 0)).toBe(plain);
  });
});
