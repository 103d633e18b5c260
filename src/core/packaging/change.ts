import type { Analysis } from "../semantic/index.ts";

/**
 * How an evidence sentence moves the measure a posting asks to improve. "Improve latency of model
 * serving" is shown by the sentence where latency fell after the fix, not by the one where it rose
 * (the problem the story starts from) nor by the one that only watches it on a dashboard: all
 * three name latency, and the lexicons score them alike.
 */

// A posting asks to move a measure with one of these verbs ("Improve latency", "Reduce cloud
// spend", "Increase conversion", "Drive down churn").
const CHANGE_ASK =
  /\b(?:improv(?:e|es|ing)|reduc(?:e|es|ing)|lower(?:s|ing)?|cut(?:s|ting)?|decreas(?:e|es|ing)|minimi[sz](?:e|es|ing)|shorten(?:s|ing)?|speed(?:s|ing)? up|optimi[sz](?:e|es|ing)|increas(?:e|es|ing)|rais(?:e|es|ing)|boost(?:s|ing)?|grow(?:s|ing)?|maximi[sz](?:e|es|ing)|lift(?:s|ing)?|drive (?:down|up))\b/i;

// What a sentence says happened to a measure, by the words beside it.
const DOWN = new Set(
  "dropped drop drops fell fall falls reduced reduce reducing cut cuts lowered lower decreased decrease halved shrank shrunk slashed trimmed down".split(
    " ",
  ),
);
const UP = new Set(
  "increased increase increasing rose rise rising grew grow growing doubled tripled spiked spike jumped climbed soared higher up".split(
    " ",
  ),
);
const BETTER = new Set(
  "improved improving better faster quicker sped stabilised stabilized optimised optimized".split(" "),
);
const WORSE = new Set("worse worsened degraded slower regressed suffered deteriorated".split(" "));

// Measures where less is better; every other measure the lexicons know (throughput, accuracy,
// conversion, uptime) is better higher.
const LOWER_IS_BETTER_CONCEPTS = new Set(["metric.latency", "metric.cost"]);
const LOWER_IS_BETTER_WORDS = new Set(
  "error errors 5xx incident incidents outage outages downtime churn rmse mape cost costs spend bill latency".split(
    " ",
  ),
);

// How far from the measure's words a change word still speaks of it ("latency dropped sharply",
// "cut p99 latency by 40%").
const WINDOW = 4;

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];

/**
 * Whether a requirement asks to move a measure rather than only to work with it.
 * @example asksForChange("Improve latency of model serving") // true
 * @example asksForChange("Experience with low-latency systems") // false
 */
export function asksForChange(requirement: string): boolean {
  return CHANGE_ASK.test(requirement);
}

/**
 * 1 when the sentence moves a measure the ask names the way the ask wants (latency fell, accuracy
 * rose), -1 when it moves it the other way (latency rose: the problem, not the fix), 0 when it
 * names the measure without a change; undefined when the ask asks for no change or the sentence
 * does not name its measure.
 * @example changeShown(analyzeText("Improve latency"), analyzeText("After the fix, latency dropped sharply.")) // 1
 * @example changeShown(analyzeText("Improve latency"), analyzeText("Latency increased significantly.")) // -1
 * @example changeShown(analyzeText("Improve latency"), analyzeText("I added latency dashboards.")) // 0
 */
export function changeShown(asked: Analysis, said: Analysis): -1 | 0 | 1 | undefined {
  if (!asksForChange(asked.text)) return undefined;
  let named = false;
  const words = wordsOf(said.text);
  for (const id of asked.direct) {
    const askedHit = asked.concepts.get(id);
    const hit = said.concepts.get(id);
    if (askedHit?.kind !== "metric" || hit === undefined) continue;
    const term = wordsOf(hit.term);
    const at = words.findIndex((_, i) => term.every((w, k) => words[i + k] === w));
    if (term.length === 0 || at < 0) continue;
    named = true;
    const lowerIsBetter = LOWER_IS_BETTER_CONCEPTS.has(id) || term.some((w) => LOWER_IS_BETTER_WORDS.has(w));
    const near = words.slice(Math.max(0, at - WINDOW), at + term.length + WINDOW);
    let way = 0;
    for (const w of near) {
      if (BETTER.has(w)) way = 1;
      else if (WORSE.has(w)) way = -1;
      else if (DOWN.has(w)) way = lowerIsBetter ? 1 : -1;
      else if (UP.has(w)) way = lowerIsBetter ? -1 : 1;
      if (way !== 0) return way as -1 | 1;
    }
    // "from 900 ms to 200 ms": the figures say which way it went.
    const fromTo = /\bfrom\s+(?:about\s+|around\s+|roughly\s+)?(\d[\d.,]*)\D{0,12}?\s+to\s+(\d[\d.,]*)/i.exec(
      said.text,
    );
    if (fromTo) {
      const [before, after] = [Number(fromTo[1]?.replace(/,/g, "")), Number(fromTo[2]?.replace(/,/g, ""))];
      if (Number.isFinite(before) && Number.isFinite(after) && before !== after)
        return after < before === lowerIsBetter ? 1 : -1;
    }
  }
  return named ? 0 : undefined;
}
