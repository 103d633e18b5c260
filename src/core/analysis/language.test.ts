import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.ts";
import { readLanguage } from "./language.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;
interface Fixture {
  foreign: Array<{ lang: string; text: string }>;
  english: Array<{ note: string; text: string }>;
}
const fixtures = JSON.parse(readFileSync(join(ROOT, "test/fixtures/languages.json"), "utf8")) as Fixture;

/**
 * Every English answer the lens is trained and tuned on: the corpus's train and validation
 * splits (the training writers' files; the frozen test files are not opened) and the shared
 * dev set, each answer as its text.
 */
function englishAnswers(): Array<{ id: string; text: string }> {
  const folder = join(ROOT, "eval/corpus/answers");
  const corpus = readdirSync(folder)
    .filter((f) => f.startsWith("train-") && f.endsWith(".jsonl"))
    .flatMap((f) => readFileSync(join(folder, f), "utf8").split("\n"))
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { id: string; split: string; s: Array<[string, string]> })
    .filter((row) => row.split === "train" || row.split === "validation")
    .map((row) => ({ id: row.id, text: row.s.map(([sentence]) => sentence).join(" ") }));
  const devFile = join(ROOT, "../shared/eval/dev/answers.jsonl");
  const dev = existsSync(devFile)
    ? readFileSync(devFile, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as { id: string; answer: string })
        .map((row) => ({ id: row.id, text: row.answer }))
    : [];
  return [...corpus, ...dev];
}

describe("readLanguage", () => {
  it("raises no false alarm on any English answer of the corpus (train, validation) or the dev set", () => {
    const answers = englishAnswers();
    expect(answers.length).toBeGreaterThan(1000);
    const flagged = answers.filter((a) => readLanguage(a.text).code !== "en").map((a) => a.id);
    expect(flagged).toEqual([]);
    // The margin: no English answer comes near the 20% of another language's function words.
    const nearest = Math.max(...answers.map((a) => readLanguage(a.text).nearest.share));
    expect(nearest).toBeLessThan(0.12);
  });

  it("names the language of every answer written in French, Spanish, German, Portuguese, Italian or Dutch", () => {
    expect(fixtures.foreign.length).toBeGreaterThanOrEqual(30);
    expect(new Set(fixtures.foreign.map((f) => f.lang))).toEqual(
      new Set(["fr", "es", "de", "pt", "it", "nl"]),
    );
    const read = fixtures.foreign.map((f) => ({ want: f.lang, got: readLanguage(f.text).code }));
    expect(read.filter((r) => r.got !== r.want)).toEqual([]);
  });

  it("keeps an English answer English when it quotes a sentence or a phrase of another language", () => {
    for (const f of fixtures.english)
      expect({ note: f.note, code: readLanguage(f.text).code }).toEqual({ note: f.note, code: "en" });
  });

  it("does not name a language from a few words", () => {
    expect(readLanguage("Je ne sais pas.").code).toBe("en");
    expect(readLanguage("").code).toBe("en");
  });
});

describe("analyze on an answer in another language", () => {
  const french = fixtures.foreign.find((f) => f.lang === "fr")?.text ?? "";

  it("says it reads English only and judges nothing, where it called the answer 'a list of words' before", () => {
    const analysis = analyze(french, { question: "Tell me about a time you fixed a hard problem." });
    expect(analysis.language).toEqual({
      code: "fr",
      name: "French",
      note: "The risk lens reads English only: this answer reads as French, so its labels and score do not apply.",
    });
    expect(analysis.overall.reasons).toEqual([
      "written in French: the risk lens reads English only, so its scores do not apply",
    ]);
    expect(JSON.stringify(analysis)).not.toMatch(/list of words|order English does not allow/);
    const { ownership: _o, overall, ...flags } = analysis.labels;
    expect(Object.values(flags).every((flag) => flag === false)).toBe(true);
    expect(overall).toBe(1);
    expect(
      Object.values(analysis.signals).every((s) => s.level === "absent" && s.evidence.length === 0),
    ).toBe(true);
    expect(analysis.fixes).toHaveLength(1);
    expect(analysis.fixes[0]?.action).toMatch(/reads English only .* French; write it in English/);
    // No label quotes a sentence as its evidence either (before the fix: blame quoted one in 10 of 36).
    for (const f of fixtures.foreign) {
      const each = analyze(f.text, { question: "Tell me about a time you fixed a hard problem." });
      const quoted = Object.entries(each.evidence).filter(([, e]) => e.quotes.length > 0);
      expect({ lang: f.lang, quoted }).toEqual({ lang: f.lang, quoted: [] });
    }
    expect(analysis.warnings.some((w) => w.startsWith("Not scored: this answer reads as French"))).toBe(true);
  });

  it("says so for a follow-up reply in another language too", () => {
    const spanish = fixtures.foreign.find((f) => f.lang === "es")?.text ?? "";
    const analysis = analyze(spanish, { question: "How did you measure that?", followUp: true });
    expect(analysis.language?.name).toBe("Spanish");
    expect(analysis.overall.score).toBe(1);
  });

  it("leaves an English answer with one French sentence judged as English, with no language field", () => {
    const mixed = fixtures.english[0]?.text ?? "";
    const analysis = analyze(mixed, { question: "Tell me about a time you fixed a hard problem." });
    expect(analysis.language).toBeUndefined();
    expect(analysis.overall.score).toBeGreaterThan(1);
  });
});
