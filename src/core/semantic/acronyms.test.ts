import { describe, expect, it } from "vitest";
import { acronymMeets, acronymShared, readAcronyms } from "./acronyms.ts";
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
    // Acronyms the lexicon knows nothing about (HPLC and FMEA, the examples here before, are terms of
    // round 42's occupations; ITIL is a term of IT service management since round 10).
    const match = semanticMatch(
      "Experience with DSC",
      "I ran differential scanning calorimetry on every sample.",
    );
    expect(match.shared).toContain("dsc");
    expect(match.matched).toBe(true);
    expect(
      semanticMatch("Experience with SEM", "I imaged every sample by scanning electron microscopy.").shared,
    ).toContain("sem");
  });

  it("meets an asked concept when the candidate abbreviates the query's words for it (round 10)", () => {
    // "Active Directory" is a term of identity and access; "AD" is not (two capitals are too
    // ambiguous to list), so before round 10 the pair met only "Windows" and "server".
    const ask = "Hands-on experience administering Active Directory and Windows servers";
    expect(
      semanticMatch(ask, "Ran our Windows Server estate. Patching, AD groups, accounts for every new joiner.")
        .matched,
    ).toBe(true);
    expect(
      acronymMeets(
        "active directory",
        read(ask),
        read("I managed AD groups for every office."),
        (w) => w === "of",
      ),
    ).toBe(true);
    // Only an acronym the query writes in capitals is spelt out: "dbt" the tool is not DBT the therapy.
    expect(
      acronymMeets(
        "dbt",
        read("Experience with dbt"),
        read("I ran a dialectical behaviour therapy group."),
        () => false,
      ),
    ).toBe(false);
    expect(
      acronymMeets(
        "dbt",
        read("Experience with DBT"),
        read("I ran a dialectical behaviour therapy group."),
        () => false,
      ),
    ).toBe(true);
  });
});
