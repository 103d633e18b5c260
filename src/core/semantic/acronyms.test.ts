import { describe, expect, it } from "vitest";
import { acronymShared, readAcronyms } from "./acronyms.ts";
import { semanticMatch } from "./matcher.ts";

// A minimal tokenizer for the unit tests (the matcher passes its own tokens, hyphens split).
function read(text: string) {
  const tokens = [
    ...text
      .toLowerCase()
      .replace(/-/g, " ")
      .matchAll(/[\p{L}\p{N}][\p{L}\p{N}&]*/gu),
  ].map((m) => ({
    raw: m[0],
    lemma: m[0],
    at: m.index ?? 0,
  }));
  return readAcronyms(text, tokens, (raw) => ["of", "the", "and", "a", "in", "it"].includes(raw));
}

describe("acronyms and their expansions", () => {
  it("reads acronyms written in capitals, plural included, and the initials of word runs", () => {
    const a = read("We met our SLAs with HPLC and the IT Infrastructure Library.");
    expect([...a.acronyms.keys()]).toEqual(expect.arrayContaining(["sla", "hplc", "it"]));
    expect(a.expansions.get("itil")).toEqual(["it", "infrastructure", "library"]);
    // Hyphenated words give one initial each: "high-performance liquid chromatography".
    expect(read("I ran high-performance liquid chromatography.").expansions.get("hplc")).toEqual([
      "high",
      "performance",
      "liquid",
      "chromatography",
    ]);
  });

  it("keeps a run inside its clause and reads nothing in a line written in capitals", () => {
    expect(
      read("I ran high-performance jobs; liquid chromatography was not mine.").expansions.has("hplc"),
    ).toBe(false);
    expect(read("EXPERIENCE WITH HPLC").acronyms.size).toBe(0);
  });

  it("lets one side's acronym meet the other side's expansion, both ways", () => {
    const ask = read("Knowledge of ITIL");
    const shown = read("We followed the IT Infrastructure Library for every change.");
    expect(acronymShared(ask, shown)).toEqual(new Set(["itil"]));
    const spelt = read("Experience running a network operations centre");
    expect(acronymShared(spelt, read("I worked night shifts in our NOC."))).toEqual(
      new Set(["network", "operations", "centre"]),
    );
    expect(acronymShared(ask, read("We followed the change process."))).toBeUndefined();
  });

  it("counts an acronym the candidate spells out as a shared word in semanticMatch", () => {
    const match = semanticMatch(
      "Experience with HPLC",
      "I ran high-performance liquid chromatography on every sample.",
    );
    expect(match.shared).toContain("hplc");
    expect(match.matched).toBe(true);
    expect(
      semanticMatch(
        "Knowledge of ITIL",
        "We followed the IT Infrastructure Library for every change request.",
      ).shared,
    ).toContain("itil");
  });
});
