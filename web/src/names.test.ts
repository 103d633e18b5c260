import { describe, expect, it } from "vitest";
import { documentLabels } from "./names.ts";

describe("documentLabels", () => {
  it("names two documents of one title by their files, and leaves a unique title alone", () => {
    const labels = documentLabels([
      { id: "a", title: "Prep", filename: "malformed.md", createdAt: "2026-12-06T12:46:51Z" },
      { id: "b", title: "Préparation", filename: "latin1.md", createdAt: "2026-12-06T12:45:00Z" },
      { id: "c", title: "Prep", filename: "prep.txt", createdAt: "2026-12-06T12:41:00Z" },
    ]);
    // Before: "Prep", "Préparation", "Prep" in the export and library menus.
    expect([...labels.values()]).toEqual(["Prep (malformed.md)", "Préparation", "Prep (prep.txt)"]);
  });

  it("adds the import time when the file name is the same too", () => {
    const labels = documentLabels([
      { id: "a", title: "Prep", filename: "prep.md", createdAt: "2026-12-01T09:00:00Z" },
      { id: "b", title: "Prep", filename: "prep.md", createdAt: "2026-12-05T09:00:00Z" },
    ]);
    expect(labels.get("a")).toMatch(/^Prep \(prep\.md, imported .+\)$/);
    expect(labels.get("a")).not.toBe(labels.get("b"));
  });
});
