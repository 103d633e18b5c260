import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkedSheet } from "./prep-sheet.ts";

// The app layer's errors reach the web app too: a command to type ("derisk import FILE") belongs
// in the `cli` half of an error's hint, where the web shows its own words instead.
const APP = import.meta.dirname;
const ALLOWED = [
  /\bcli:\s*["'`]/, // the terminal half of a hint
  /^\s*(\*|\/\/|\/\*\*)/, // comments and examples
  /listedBy:/, // ids.ts: said by the CLI's id resolver only
  /HINTS\.listedVersions\(`derisk /, // errors.ts puts its command in the cli half only
  /another derisk process|Your derisk bank|derisk has no offline/, // names, not commands
];

describe("app-layer messages the web shows", () => {
  it("name no CLI command outside a hint's cli half", () => {
    const offenders: string[] = [];
    for (const file of readdirSync(APP)) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const lines = readFileSync(join(APP, file), "utf8").split("\n");
      lines.forEach((line, i) => {
        if (!/["'`][^"'`]*\bderisk [a-z-]+/.test(line)) return;
        if (ALLOWED.some((allowed) => allowed.test(line))) return;
        // A `cli:` hint whose value starts on the next lines (a conditional).
        if (lines.slice(Math.max(0, i - 2), i).some((before) => /\bcli:\s*$/.test(before))) return;
        offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("an empty prep sheet tells the terminal a command and the page where to click", () => {
    const empty = { answers: [], technical: [] } as unknown as Parameters<typeof checkedSheet>[0];
    let error: unknown;
    try {
      checkedSheet(empty);
    } catch (caught) {
      error = caught;
    }
    const e = error as { message: string; messageFor: (s: "cli" | "web") => string };
    expect(e.message).toBe(
      "Nothing to put on a prep sheet: the bank has no answers or technical questions yet. Import a prep document first (derisk import FILE).",
    );
    expect(e.messageFor("web")).toBe(
      "Nothing to put on a prep sheet: the bank has no answers or technical questions yet. Import a prep document first (Import, in the menu).",
    );
  });
});
