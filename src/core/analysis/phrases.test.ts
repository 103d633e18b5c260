import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEED_DIR } from "../../../test/seed.ts";
import { ROLE_IDS } from "../model.ts";
import { Lexicon } from "./lexicon.ts";
import { lexiconsFor } from "./lexicons.ts";
import { branchesOf } from "./phrases.ts";

// The oracle: each pattern's own regular expression with the flags the lexicon gives it, built
// here at test time; the analysis no longer runs most of them.
function byPattern(pattern: RegExp, text: string): Array<[number, string]> {
  return [...text.matchAll(new RegExp(pattern.source, "gm"))].map((m) => [m.index, m[0]]);
}

function expectSameAsMatchAll(lexicon: Lexicon, text: string): void {
  const found = lexicon.scan(text);
  lexicon.patterns.forEach((pattern, k) => {
    const got = (found.get(k) ?? []).map((m): [number, string] => [m.index, m.text]);
    expect(got, pattern.source.slice(0, 80)).toEqual(byPattern(pattern, text));
  });
}

const ROOT = new URL("../../../", import.meta.url).pathname;
// ../shared beside the clone (the dev answers); the seed by test/seed.ts's rule (DERISK_SEED_DIR).
const SHARED = join(ROOT, "..", "shared");
const DEV_ANSWERS = join(SHARED, "eval", "dev", "answers.jsonl");

function jsonLines(file: string): Array<Record<string, unknown>> {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        return line.trim() === "" ? [] : [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** Answers of the training writers (never the test files), the dev answers, the seed, the sample. */
function realTexts(): string[] {
  const texts: string[] = [];
  const answers = join(ROOT, "eval", "corpus", "answers");
  if (existsSync(answers)) {
    const rows = readdirSync(answers)
      .filter((f) => f.startsWith("train-") && f.endsWith(".jsonl"))
      .sort()
      .flatMap((f) => jsonLines(join(answers, f)));
    // Every seventh answer, its sentences joined as written.
    rows.forEach((row, i) => {
      if (i % 7 !== 0 || !Array.isArray(row.s)) return;
      texts.push((row.s as Array<[string, string]>).map(([sentence]) => sentence).join(" "));
    });
  }
  for (const row of jsonLines(DEV_ANSWERS)) {
    if (typeof row.answer === "string") texts.push(row.answer);
  }
  if (existsSync(SEED_DIR)) {
    for (const f of readdirSync(SEED_DIR).filter((name) => name.endsWith(".txt") || name.endsWith(".md")))
      texts.push(readFileSync(join(SEED_DIR, f), "utf8"));
  }
  const sample = join(ROOT, "samples", "sample-prep.md");
  if (existsSync(sample)) texts.push(readFileSync(sample, "utf8"));
  return texts;
}

const EDGE_TEXTS = [
  "Root cause: the team's on-call didn't page. I Learned That; we re-ran it.",
  "lessons learned—looking back, i'd do it differently. Takeaways? “in hindsight” it’s clear",
  "self-starter, self starter, selfstarter, hard-working, hardworking, hard working",
  "**Result:** latency fell by 40% — p99 from 2.1s to 900 ms; we saved $5k/month",
  "- [x] i was laid off\n- gap in my cv\n# Situation\n> we were let go",
  "kubernetes k8s ci/cd x-k8s k8s-based istio,helm;terraform. GRAFANA Prometheus",
  "I'm not sure; i’m not sure; im not sure. sort of fast, the sort of bug, kind of",
  "um, uh, umm, erm, hmm, like, so, like, i mean, you know",
  "first,\nthen\nnext we shipped. step 2 was hard; step two was easy",
  "papers paper's papers' publications; publication. PhD's",
  "",
  "a",
  "i",
];

describe("phrase matching (phrases.ts) against each pattern's own regular expression", () => {
  const sets = [lexiconsFor(undefined), ...ROLE_IDS.map((role) => lexiconsFor(role))];
  const lexicons = [...new Set(sets.flat())];

  it("gives every lexicon pattern exactly matchAll's matches on the corpus, dev, seed and sample texts", () => {
    const texts = realTexts();
    expect(texts.length).toBeGreaterThan(20);
    // Under CI the dev answers and the seed are there: a wrong path must fail, not thin the texts.
    if (process.env.CI === "true") {
      expect(existsSync(DEV_ANSWERS), DEV_ANSWERS).toBe(true);
      expect(existsSync(SEED_DIR), SEED_DIR).toBe(true);
    }
    // In chunks, each as written and as the analysis normalises it (lower case, straight quotes).
    const chunks: string[] = [];
    for (let i = 0; i < texts.length; i += 12) chunks.push(texts.slice(i, i + 12).join("\n"));
    const forms = chunks.flatMap((c) => [c, c.toLowerCase().replace(/[’‘`]/g, "'").replace(/[“”]/g, '"')]);
    for (const lexicon of lexicons)
      for (const text of [...forms, ...EDGE_TEXTS]) expectSameAsMatchAll(lexicon, text);
  });

  it("does so on random texts of the lexicons' own words and their near misses", () => {
    // Words drawn from the patterns' phrases, cut, suffixed, capitalised and joined by the
    // separators answers hold.
    const words = new Set<string>();
    for (const lexicon of lexicons) {
      for (const pattern of lexicon.patterns) {
        for (const b of branchesOf(pattern.source) ?? []) {
          if (b.path === undefined) continue;
          for (const w of b.path.text.split(/[^A-Za-z0-9_']+/)) if (w !== "") words.add(w);
        }
      }
    }
    const vocabulary = [...words].sort().filter((_, i) => i % 3 === 0);
    const word = fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.constantFrom(...vocabulary).map((w) => `${w}s`),
      fc.constantFrom(...vocabulary).map((w) => w.slice(0, Math.max(1, w.length - 2))),
      fc.constantFrom(...vocabulary).map((w) => w.toUpperCase()),
      fc.constantFrom("40%", "$5k", "3x", "two", "a", "i", "we", "the", "not", "my"),
    );
    const separator = fc.constantFrom(" ", " ", " ", "-", "'", "’", ", ", ". ", "\n", "**", " — ", "/", "");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, separator), { maxLength: 30 }), (parts) => {
        const text = parts.map(([w, s]) => w + s).join("");
        for (const lexicon of lexicons) expectSameAsMatchAll(lexicon, text);
      }),
      { numRuns: 300 },
    );
  });

  it("reads each branch of a pattern in the engine's order", () => {
    const lexicon = new Lexicon([
      /\b(a|a b|a b c)\b/,
      /\b(a b c|a b|a)\b/,
      /\b(run|running|ru\w+)\b/,
      /\b(x y|x \w+|x)\b/,
      /(?<![\w-])(ci\/cd|k8s)(?![\w-])/,
      /\bmeasur/,
      /\bstep (one|\d)\b|^(first|then)\b/,
    ]);
    for (const text of [
      "a b c a b a",
      "running run rune",
      "x y x z x",
      "ci/cd -k8s k8s",
      "measured measure",
      "first\nstep 2, step one",
    ])
      expectSameAsMatchAll(lexicon, text);
    expect(branchesOf("\\b(um+|uh)\\b")?.some((b) => b.src !== undefined)).toBe(true);
    expect(branchesOf("\\d+")).toBeUndefined();
  });
});
