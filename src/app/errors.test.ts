import { describe, expect, it } from "vitest";
import { DeriskError, HINTS } from "./errors.ts";

// The hint is the end of a message that tells the user how to go on: a terminal user is told a
// command, a page user where to click. The CLI's text is the message as it always read.
describe("DeriskError hints", () => {
  const cases = [
    [
      new DeriskError("NOT_FOUND", "No document 3f2a in your bank", { hint: HINTS.documents }),
      "No document 3f2a in your bank: list them with derisk list.",
      "No document 3f2a in your bank: it may have been deleted; the Library lists your documents.",
    ],
    [
      new DeriskError("BAD_INPUT", "bank.json is not valid JSON (Unexpected end): fix the file", {
        hint: HINTS.bankFile,
      }),
      "bank.json is not valid JSON (Unexpected end): fix the file, or export the bank again with derisk export --format json.",
      "bank.json is not valid JSON (Unexpected end): fix the file, or export the bank again (Export, JSON bank file).",
    ],
    [
      new DeriskError("NOT_FOUND", "Version v1 is not in the history of item i9", {
        hint: HINTS.history("i9"),
      }),
      "Version v1 is not in the history of item i9: list it with derisk history i9.",
      "Version v1 is not in the history of item i9: the answer's History lists its versions.",
    ],
    [
      new DeriskError("NOT_FOUND", "No built-in question q-77", { hint: HINTS.questionBank }),
      "No built-in question q-77: derisk list questions shows the bank.",
      "No built-in question q-77: Practice lists the question bank.",
    ],
  ] as const;

  it("reads as before in the terminal (message), and with the page's own hint on the web", () => {
    for (const [error, cli, web] of cases) {
      expect(error.message).toBe(cli);
      expect(error.messageFor("cli")).toBe(cli);
      expect(error.messageFor("web")).toBe(web);
      expect(error.messageFor("web")).not.toMatch(/derisk /);
    }
  });

  it("without a hint, every surface reads the message as it is, and the cause is kept", () => {
    const cause = new Error("disk full");
    const error = new DeriskError("IO", "Cannot write prep.md: disk full.", { cause });
    expect(error.messageFor("web")).toBe("Cannot write prep.md: disk full.");
    expect(error.messageFor("cli")).toBe(error.message);
    expect(error.cause).toBe(cause);
    expect(error.exitCode).toBe(2);
  });
});
