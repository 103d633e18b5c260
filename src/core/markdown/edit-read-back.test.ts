import { describe, expect, it } from "vitest";
import { DeriskError } from "../errors.ts";
import { parsePrepDocument, reviseItemText } from "./index.ts";
import { addAnswerVariant } from "./variant.ts";

/** Our own two-question prep file. */
const doc = parsePrepDocument(
  [
    "# Prep",
    "",
    "### Q1- Why this team?",
    "",
    "I want to work where models meet real users every day.",
    "",
    "### Q2- Tell me about a failure.",
    "",
    "I shipped a bad migration and rolled it back within the hour.",
    "",
  ].join("\n"),
);

describe("a document an earlier edit left unable to read back", () => {
  it("is refused with the line, the item it goes into and the one edit that fixes it, when no rule line mends it", () => {
    // An answer saved (before edits were checked) with a line that reads as a question of its own.
    const items = doc.items.map((item) =>
      item.key === "q1/core"
        ? reviseItemText(item, "I want this.\n\n### Q9- What else?\n\nMore to say.")
        : item,
    );
    let error: unknown;
    try {
      addAnswerVariant({ ...doc, items }, { questionKey: "q2", variant: "short", text: "I rolled it back." });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeriskError);
    const refusal = error as DeriskError;
    expect(refusal.code).toBe("BAD_INPUT");
    // Before: "… simplify its formatting and try again", naming neither the item nor the line.
    expect(refusal.messageFor("web")).toBe(
      "“Prep” does not read back as it is stored, so nothing can be added to it yet: the line “### Q9- What else?” of the answer to “Why this team?” (core) is read as part of the answer to “What else?” (core) (an edit saved before derisk checked edits). Nothing was saved: change or remove that line in that answer, then save again (open it in the Library; its History keeps the text it has now).",
    );
    expect(refusal.messageFor("cli")).toContain("derisk show --kind answer --json gives its id");
  });

  it("leaves a document that reads back as it is", () => {
    const { doc: next } = addAnswerVariant(doc, {
      questionKey: "q2",
      variant: "short",
      text: "I rolled it back.",
    });
    for (const item of doc.items) expect(next.items.find((i) => i.key === item.key)?.raw).toBe(item.raw);
  });
});
