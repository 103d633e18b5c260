import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { damageAsMojibake, type MojibakeSource, repairMojibake } from "./index.ts";

const SOURCES: MojibakeSource[] = ["mac-roman", "windows-1252"];

// Realistic correct text: accented words in several languages, typographic punctuation,
// emoji and CJK, including the very characters mojibake is made of (‚ Ä é ü ™ •).
const WORDS = [
  "café",
  "naïve",
  "Über",
  "Ärger",
  "Zürich",
  "façade",
  "São",
  "Paulo",
  "Ça",
  "Œuvre",
  "smörgåsbord",
  "jalapeño",
  "crème",
  "brûlée",
  "Ångström",
  "résumé",
  "coöperate",
  "Øresund",
  "Dvořák",
  "Łódź",
  "straße",
  "Mëtal",
  "piñata",
  "ÉCOLE",
  "naïveté",
  "‚low-9‘",
  "«guillemets»",
  "™",
  "•",
  "–",
  "—",
  "…",
  "’s",
  "“quoted”",
  "‘single’",
  "€5",
  "£3",
  "±2",
  "°C",
  "µs",
  "π",
  "√2",
  "≤",
  "👉",
  "🧠",
  "⚙️",
  "日本語",
  "机器学习",
  "한국어",
  "Ελληνικά",
  "русский",
  "the",
  "model",
  "I",
  "shipped",
  "it",
  "and",
];

const realisticText = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 })
  .map((words) => words.join(" "));

describe("repairMojibake", () => {
  it("repairs the seed's Mac Roman sequences", () => {
    expect(repairMojibake("I‚Äôve built ‚Äî ‚ÄúWas your PhD related?‚Äù üëâ Answer ‚Üí done").text).toBe(
      "I’ve built — “Was your PhD related?” 👉 Answer → done",
    );
    expect(repairMojibake("## \uf8ffüß† ML").text).toBe("## 🧠 ML");
    expect(repairMojibake("It‚Äôs").from).toBe("mac-roman");
  });

  it("repairs Windows-1252 mojibake", () => {
    const result = repairMojibake("Itâ€™s a â€œtestâ€\u009d â€” cafÃ© ðŸ‘‰");
    expect(result).toEqual({ text: "It’s a “test” — café 👉", from: "windows-1252" });
  });

  it("leaves correct text with the same characters alone", () => {
    for (const text of [
      "Ärger über Zürich — ‚quoted‘ café™ • done",
      "Âme, Ãgua, Ünïcödé: “fine”",
      "The ‚ and Ä and é and ü characters are legitimate.",
      "résumé — naïve — São Paulo — 日本語 — 👉",
    ]) {
      expect(repairMojibake(text)).toEqual({ text });
    }
  });

  it("never changes realistic correct text (property)", () => {
    fc.assert(
      fc.property(realisticText, (text) => {
        expect(repairMojibake(text)).toEqual({ text });
      }),
      { numRuns: 500 },
    );
  });

  it("only ever undoes an exact mis-decoding (property, arbitrary unicode)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const result = repairMojibake(text);
        if (result.from) expect(damageAsMojibake(result.text, result.from)).toBe(text);
        else expect(result.text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves arbitrary correct text with non-Latin characters unchanged (property)", () => {
    // Any character outside both code pages' upper halves is proof the text was not mis-decoded.
    const foreign = fc.constantFrom("日", "한", "ж", "👉", "🧠", "∀", "ℕ", "م", "ש");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), foreign, (text, mark) => {
        const withMark = `${mark}${text}${mark}`;
        const result = repairMojibake(withMark);
        if (result.from) expect(damageAsMojibake(result.text, result.from)).toBe(withMark);
        else expect(result.text).toBe(withMark);
      }),
      { numRuns: 500 },
    );
  });

  for (const from of SOURCES) {
    it(`repairs mojibake(x) back to x for arbitrary x (${from}, property)`, () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", minLength: 1, maxLength: 80 }), (text) => {
          const damaged = damageAsMojibake(text, from);
          expect(repairMojibake(damaged).text).toBe(text);
        }),
        { numRuns: 1000 },
      );
      fc.assert(
        fc.property(realisticText, (text) => {
          expect(repairMojibake(damageAsMojibake(text, from))).toEqual(
            /[\u0080-\uffff]/.test(text) ? { text, from } : { text },
          );
        }),
        { numRuns: 300 },
      );
    });
  }

  it("is idempotent (property)", () => {
    const inputs = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      realisticText,
      realisticText.map((t) => damageAsMojibake(t, "mac-roman")),
      realisticText.map((t) => damageAsMojibake(t, "windows-1252")),
    );
    fc.assert(
      fc.property(inputs, (text) => {
        const once = repairMojibake(text).text;
        expect(repairMojibake(once).text).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("round-trips the damage helper on a known string", () => {
    expect(damageAsMojibake("It’s — 👉", "mac-roman")).toBe("It‚Äôs ‚Äî \uf8ffüëâ");
    expect(damageAsMojibake("It’s — 👉", "windows-1252")).toBe("Itâ€™s â€” ðŸ‘‰");
  });
});
