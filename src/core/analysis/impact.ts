import { VAGUE_INTENSIFIERS } from "./data/delivery.ts";
import { type Corpus, quoteText } from "./evidence.ts";
import type { Unit } from "./segment.ts";
import type { TermHit } from "./types.ts";

// A number is a measure of impact only with what it counts: a percentage, money, a multiple,
// a time, or a count of people or things. A bare year ("in 2016") measures nothing.
const NUMBER = String.raw`(?:\d[\d,.]*\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|a thousand|a million|dozens of|hundreds of|thousands of|tens of thousands of|millions of)`;
/**
 * Spelled numbers the lens counts as specifics ("three weeks", "a hundred users"), scanned with
 * the figures (`lexicons.ts`).
 */
export const SPELLED_NUMBER =
  /\b(two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred|thousand|million)\b/;

export const FIGURE_PATTERNS: readonly RegExp[] = [
  /\b\d[\d,.]*\s?(%|percent\b|per cent\b|pp\b|percentage points?\b|basis points\b)/g,
  /[$€£¥]\s?\d[\d,.]*\s?(k|m|bn|million|billion|thousand)?\b|\b\d[\d,.]*\s?(k|m|bn|million|billion|thousand)?\s?(dollars|euros|pounds|usd|eur|gbp)\b|\b(tens|hundreds) of thousands of (dollars|euros|pounds)\b/g,
  /\b\d+(\.\d+)?\s?(x|×|times|fold)\b|\b(twice as|doubled|tripled|halved|(cut|fell|dropped|down|reduced|grew|rose|up) (by |in )?(half|a third|two thirds|a quarter|three quarters))\b/g,
  new RegExp(
    String.raw`\b${NUMBER}[ -](ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?)\b`,
    "g",
  ),
  new RegExp(
    String.raw`\b${NUMBER}\s(\w+\s)?(users|customers|clients|tickets|requests|page views|views|visits|downloads|sign-?ups|deals|incidents|errors|bugs|records|transactions|students|people|engineers|teams|servers|queries|calls|orders|leads|accounts|subscribers|members|installs|pull requests|releases|deployments|alerts|pages|lines of code|models|experiments|points|stars|gb|tb|mb|rps|qps)\b`,
    "g",
  ),
  /\b(\d[\d,.]*|one|two|three|four|five|a million|\d+ million)\s(\w+\s)?(monthly|daily|weekly|per (day|week|month|year|second))\b/g,
];

export const VAGUE = [VAGUE_INTENSIFIERS];

function collect(corpus: Corpus, patterns: readonly RegExp[]): TermHit[] {
  const hits: Array<TermHit & { at: number }> = [];
  for (const pattern of patterns) {
    for (const m of corpus.findAll(pattern)) {
      hits.push({ term: m.text.trim(), index: m.unit.index, quote: quoteText(m.unit), at: hits.length });
    }
  }
  return hits.sort((a, b) => a.index - b.index || a.at - b.at).map(({ at: _at, ...hit }) => hit);
}

/**
 * Figures (numbers with what they count) and vague sizes ("significantly") in the answer.
 * The answer is quantified when its result or lesson states a figure.
 * @example measureImpact(corpus, units).quantified // true for "latency fell by 40%"
 */
export function measureImpact(
  corpus: Corpus,
  units: readonly Unit[],
): {
  quantified: boolean;
  figures: TermHit[];
  vague: Array<TermHit & { ask: string }>;
} {
  const figures = collect(corpus, FIGURE_PATTERNS);
  const resultIndexes = new Set(
    units.filter((u) => u.part === "result" || u.part === "lesson").map((u) => u.index),
  );
  const quantified = figures.some((f) => resultIndexes.has(f.index));
  const vague = collect(corpus, VAGUE).map((hit) => ({ ...hit, ask: "by how much?" }));
  return { quantified, figures, vague };
}

/**
 * Whether one sentence states a figure.
 * @example hasFigure(unit) // true for "Latency fell by 40%."
 */
export function hasFigure(unit: Unit): boolean {
  return FIGURE_PATTERNS.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(unit.norm);
  });
}
