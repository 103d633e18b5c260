/**
 * Small, deterministic text tools shared by the packaging core. They work on plain
 * strings with regular expressions (no NLP model) because packaging runs on every
 * keystroke and over 10,000 stories, and because every sentence it returns must be a
 * verbatim slice of the user's text.
 */

/** A sentence as it stands in the input: `text === input.slice(start, end)`. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "etc",
  "vs",
  "dr",
  "mr",
  "mrs",
  "ms",
  "prof",
  "inc",
  "ltd",
  "co",
  "jr",
  "sr",
  "st",
  "no",
  "approx",
  "ph.d",
  "m.sc",
  "b.sc",
  "u.s",
]);

const BULLET = /^\s*(?:[-*•+]|\d+[.)])\s+/;

// A unit or an ordinal written after a number, as the text before a full stop ends: "100 ms",
// "80ms", "1st". Units that are also abbreviations ("ms" for "Ms.") end a sentence here.
const UNIT_AFTER_NUMBER = /\d(?:ms|st|nd|rd|th)$|\d\s+ms$/i;

/**
 * Splits text into sentences: at `.`/`!`/`?` followed by a space, and at line breaks
 * (each bullet or line is its own sentence). Offsets point into the input.
 * @example splitSentences("I built it. It worked!").map((s) => s.text) // ["I built it.", "It worked!"]
 */
export function splitSentences(input: string): Span[] {
  const out: Span[] = [];
  const lowerStarts = writesLowerCaseStarts(input);
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(input[s] ?? "")) s++;
    while (e > s && /\s/.test(input[e - 1] ?? "")) e--;
    // Bullet markers are layout, not words the user will say.
    const bullet = BULLET.exec(input.slice(s, e));
    if (bullet) s += bullet[0].length;
    if (e > s && /[\p{L}\p{N}]/u.test(input.slice(s, e)))
      out.push({ text: input.slice(s, e), start: s, end: e });
  };
  let start = 0;
  const boundary = /([.!?…]+["'”’)\]]*)(\s+)|\n/g;
  for (let match = boundary.exec(input); match !== null; match = boundary.exec(input)) {
    if (match[0] === "\n") {
      push(start, match.index);
      start = match.index + 1;
      continue;
    }
    const end = match.index + (match[1]?.length ?? 0);
    const before = input.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? "";
    const next = input[end + (match[2]?.length ?? 0)] ?? "";
    // "e.g. the", "3.5" or a lower-case continuation do not start a new sentence. A word written
    // after a number is a unit or an ordinal, not the abbreviation it spells ("under 100 ms.",
    // "80ms.", "finished 1st." end a sentence; "Ms. Rivera", "3 vs. 4" do not).
    const afterNumber = UNIT_AFTER_NUMBER.test(before) && !/\./.test(lastWord);
    if (
      match[1]?.startsWith(".") &&
      !afterNumber &&
      (ABBREVIATIONS.has(lastWord) || /^[a-z]$/.test(lastWord))
    )
      continue;
    if (/[a-z]/.test(next) && match[1] === "." && !lowerStarts) continue;
    push(start, end);
    start = end;
    if (match[2]?.includes("\n")) {
      start = end;
    }
  }
  push(start, input.length);
  return out;
}

/**
 * Whether the writer starts sentences in lower case (typed on a phone, pasted from a chat): no
 * full stop, "!" or "?" is followed by a capital other than "I", and at least one full stop is
 * followed by a lower-case word. Then a full stop before a lower-case word ends a sentence;
 * otherwise it is read as a continuation ("approx. five", a stray stop).
 */
function writesLowerCaseStarts(input: string): boolean {
  if (/[.!?…]["'”’)\]]*\s+["'“‘(]?(?!I\b|I')\p{Lu}/u.test(input)) return false;
  return /\.["'”’)\]]*\s+[a-z]/.test(input);
}

// Function words that say nothing about a topic; kept short on purpose so that domain
// words ("model", "deploy", "team") always count.
const STOPWORDS = new Set(
  (
    "a an the and or but if then so of to in on at by for with from as into onto about over under " +
    "is are was were be been being am do does did done have has had having it its it's this that these " +
    "those there here i me my mine we us our you your he she they them their his her what which who whom " +
    "how why when where can could would should will shall may might must not no yes very really just also " +
    "than too more most much many some any each every all both either neither one two out up down off " +
    "again once because while during before after through between tell time about like get got make made"
  ).split(" "),
);

// A sentence that closes with a stop, or leads into the next ("twofold:", "…traces, I").
const RUNS_ON = /(?:[.!?…]["'”’)\]]*|[:,;–—-]|(?:^|[\s,])(?:I|we))$/i;

/**
 * Joins sentences into a text: a space after one that closes with a stop or leads into the next
 * ("The problem was twofold:"), a line break after one that just stops (a note, a spoken
 * sentence), so that "no owner" and "volunteered to fix it" never run together into a sentence
 * the user did not write.
 * @example joinSentences(["no owner", "took it on."]) // "no owner\ntook it on."
 */
export function joinSentences(sentences: readonly string[]): string {
  let out = "";
  for (const sentence of sentences) {
    // The first item of a list whose subject closes the line before ("…traces, I" then "Cached the
    // history…") goes on that line's sentence: said as one, "I cached", as the story tells it.
    // "To fix it, I:" then "Re-split the data…" is said the same way: "To fix it, I re-split…" (the
    // colon is a list's, never heard).
    const item = LEAD_IN.test(out) && lacksSubject(sentence);
    if (item) out = out.replace(/:$/, "");
    if (out !== "") out += RUNS_ON.test(out) ? " " : "\n";
    out += item ? sentence.replace(/^\p{Lu}(?=[\p{Ll}-])/u, (letter) => letter.toLowerCase()) : sentence;
  }
  return out;
}

const LEAD_IN = /(?:^|[\s,])(?:I|we):?$/;

/**
 * Whether a sentence ends on its subject, its verb opening the list item after it ("Once I saw
 * the logs, I" then "- Switched to async workers"): the two are said as one.
 * @example leadsIntoNext("Once I saw the logs, I") // true
 */
export function leadsIntoNext(sentence: string): boolean {
  return LEAD_IN.test(sentence);
}

/**
 * Lower-cased word tokens (letters, digits, and the `+#/.-` inside names like "c++" or "ci/cd").
 * @example words("I used CI/CD and C++.") // ["i", "used", "ci/cd", "ci", "cd", "and", "c++"]
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}+#/'’.-]*/gu)) {
    const word = match[0].replace(/[.'’/-]+$/, "");
    if (word) out.push(word);
    // "ai/ml" also counts as "ai" and "ml", so that it matches a question about ML.
    if (word.includes("/")) for (const part of word.split("/")) if (part.length > 1) out.push(part);
  }
  return out;
}

// Longest first; the replacement keeps "studies" and "studied" together as "study".
const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ["ations", "at"],
  ["ation", "at"],
  ["ments", ""],
  ["ment", ""],
  ["ings", ""],
  ["ing", ""],
  ["ies", "y"],
  ["ied", "y"],
  ["ed", ""],
  ["es", ""],
  ["ly", ""],
  ["s", ""],
];

/**
 * A light suffix stripper: enough to match "deployed"/"deploying"/"deploys" and
 * "models"/"model", not a linguistic stemmer.
 * @example stem("deploying") // "deploy"
 */
export function stem(word: string): string {
  if (word.length <= 4 || /[^a-z]/.test(word) || word.endsWith("ss")) return word;
  let base = word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      base = word.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // "planned" → "plann" → "plan"; "running" → "runn" → "run".
  if (base !== word && /([bdgmnprt])\1$/.test(base)) base = base.slice(0, -1);
  // "evaluate", "evaluated", "evaluation" all end as "evaluat".
  return base.length > 3 && base.endsWith("e") ? base.slice(0, -1) : base;
}

/**
 * The topic words of a text: lower-cased, stopwords removed, lightly stemmed.
 * @example contentTokens("We deployed the models") // ["deploy", "model"]
 */
export function contentTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (STOPWORDS.has(word) || word.length < 2) continue;
    out.push(stem(word));
  }
  return out;
}

/** Share of `a`'s distinct tokens found in `b` (0..1), by the smaller set. */
export function overlap(a: readonly string[], b: readonly string[]): { score: number; shared: string[] } {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 || setB.size === 0) return { score: 0, shared: [] };
  const shared = [...setA].filter((t) => setB.has(t));
  return { score: shared.length / Math.min(setA.size, setB.size), shared };
}

// A figure is a measured result: a percentage, a multiplier, money, a duration, a count of
// something or a rate ("40 a week"), or a change "from (about) 40 (a week) to 2". Bare years
// ("in 2019") are dates, not impact. Said aloud, numbers come as words ("from four a month to
// zero"); in terse notes as "20h", "4/month" or "4 -> 0".
const NUMBER_WORD =
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|a dozen)";
const PERIOD = "(?:day|week|month|year|night|hour|minute|release|sprint|quarter)";
const FIGURE = new RegExp(
  [
    String.raw`(?:[$€£¥]\s?\d)`,
    String.raw`(?:\b\d[\d,.]*\s?(?:%|percent|x\b|×|k\b|m\b|ms\b|s\b|h\b|bn\b|million|billion|thousand|hundred|hours?|hrs?|minutes?|mins?|seconds?|days?|weeks?|months?|users?|customers?|clients?|requests?|queries|engineers?|people|teams?|services?|models?|points?|pp\b|tickets?|incidents?|dollars?|gb|tb|qps|rps))`,
    String.raw`(?:\b(?:doubled|tripled|halved|quadrupled|tenfold|\d+-fold)\b)`,
    String.raw`(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a dozen|dozens of)\s+(?:percent|hours?|minutes?|seconds?|days?|weeks?|months?|years?|users?|customers?|requests?|engineers?|people|teams?|services?|tickets?|incidents?|alerts?|per (?:day|week|month|night)))`,
    String.raw`(?:\bfrom\s+(?:(?:about|around|roughly|nearly|almost|over|some)\s+)?(?:\S*\d\S*|${NUMBER_WORD}\b)\s+(?:\S+\s+){0,2}to\s+(?:\S*\d|(?:zero|none|${NUMBER_WORD})\b))`,
    String.raw`(?:\b(?:\d[\d,.]*|${NUMBER_WORD})\s*(?:(?:a|an|per)\s+|/\s?)${PERIOD}s?\b)`,
    String.raw`(?:\b\d[\d,.]*\S*\s*(?:->|→|=>)\s*[~$€£¥]?\d)`,
  ].join("|"),
  "i",
);

/**
 * True when the text states a measured figure ("by 30%", "3×", "from 2 h to 10 min").
 * @example hasFigure("Latency fell by 40%.") // true
 * @example hasFigure("It improved a lot in 2021.") // false
 */
export function hasFigure(text: string): boolean {
  return FIGURE.test(text);
}

// An outcome said in words that measure it: the end of a scale ("near-zero error rates", "no
// longer paged", "every release", "eliminated the backlog", "cut in half") tells how much as
// plainly as a figure does, so asking "[by how much?]" after it asks for what was said.
const MEASURED_IN_WORDS = new RegExp(
  [
    String.raw`\bnear[- ]?zero\b`,
    String.raw`\b(?:to|at|down to|fell to|dropped to|reached) (?:zero|nothing|none)\b`,
    String.raw`\bzero (?:\w+ )?(?:errors?|incidents?|downtime|outages?|failures?|bugs?|complaints?|defects?|regressions?|pages?|alerts?|escalations?)\b`,
    String.raw`\bno (?:more|longer)\b`,
    String.raw`\bnot (?:a single|one) (?:\w+ ){0,2}(?:again|since|after)\b`,
    String.raw`\bnever (?:again|since|once|recurred|came back)\b`,
    String.raw`\beliminat(?:ed|es|ing)\b`,
    String.raw`\b(?:cut|fell|dropped|shrank|went down)(?: by)? (?:in )?half\b`,
    String.raw`\b(?:single|double)[- ]digits?\b`,
    String.raw`\bsub-(?:second|millisecond|minute)\b`,
    String.raw`\b(?:every|each) (?:single )?(?:release|deploy(?:ment)?|request|customer|user|run|build|time|week|night|day)\b`,
  ].join("|"),
  "i",
);

/**
 * True when the text states an outcome in words that measure it, with no number: "near-zero
 * error rates", "we were no longer paged", "it eliminated the backlog".
 * @example measuresInWords("We saw near-zero error rates.") // true
 * @example measuresInWords("The pipeline became much more reliable.") // false
 */
export function measuresInWords(text: string): boolean {
  return MEASURED_IN_WORDS.test(text);
}

/**
 * Escapes a literal for use inside a RegExp.
 * @example new RegExp(escapeRegExp("ci/cd")).test("ci/cd") // true
 */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * One regex matching any of `terms` as whole words (longest first, case-insensitive).
 * @example termPattern(["ml", "machine learning"]).test("I like machine learning") // true
 */
export function termPattern(terms: readonly string[]): RegExp {
  const sorted = [...new Set(terms.map((t) => t.toLowerCase()))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}-])(${sorted.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}-])`, "giu");
}

/** An unfilled blank such as "[by how much?]". */
export const BLANK = /\[[^\]\n]+\]/g;

/**
 * True when the text still holds an unfilled blank such as "[what did you learn?]".
 * @example hasBlank("What I learned: [what did you learn?]") // true
 */
export function hasBlank(text: string): boolean {
  return /\[[^\]\n]+\]/.test(text);
}

/**
 * The text as it can be said: every sentence that still holds an unfilled blank left out, so a
 * blank never counts as a lesson, a result or words toward the time. What the lens reads.
 * @example withoutBlanks("I fixed it. What I learned: [what did you learn?]") // "I fixed it."
 */
export function withoutBlanks(text: string): string {
  if (!hasBlank(text)) return text;
  return text
    .split(/\n/)
    .map((line) =>
      splitSentences(line)
        .filter((s) => !hasBlank(s.text))
        .map((s) => s.text)
        .join(" "),
    )
    .filter((line) => line.trim() !== "")
    .join("\n");
}

// A courtesy said before the answer proper: a one-word reply or a thank-you, nothing of the
// story or of any role in it.
const PLEASANTRY =
  /^(?:sure|yes|yeah|absolutely|of course|great question|good question|okay|ok|right|(?:thanks?|thank you)(?: (?:so|very) much)?(?: for (?:having me|asking|the (?:question|opportunity|time|invitation)|making (?:the )?time))?)[.!]?$/i;

/**
 * Whether a sentence is only a courtesy to the interviewer ("Sure.", "Thank you for having me."):
 * it opens an answer but tells nothing, so it is never the setting of a story.
 * @example isPleasantry("Sure.") // true
 * @example isPleasantry("Sure enough, the job failed.") // false
 */
export function isPleasantry(sentence: string): boolean {
  return PLEASANTRY.test(sentence.trim());
}

const COUNTS: Readonly<Record<string, number>> = {
  both: 2,
  two: 2,
  twofold: 2,
  three: 3,
  threefold: 3,
  four: 4,
  fourfold: 4,
  five: 5,
};

/**
 * How many items a lead-in line announces ("The challenge was twofold:" → 2), or undefined for
 * a line that announces no count or is not a lead-in (it must end with a colon).
 * @example announcedCount("The technical challenge was twofold:") // 2
 */
export function announcedCount(line: string): number | undefined {
  if (!/:\s*$/.test(line)) return undefined;
  const word = /\b(both|two|twofold|three|threefold|four|fourfold|five)\b/i.exec(line)?.[1];
  return word === undefined ? undefined : COUNTS[word.toLowerCase()];
}

// A sentence that leans on the one before it ("This led to…", "It turned out…"): said without
// its antecedent it points at nothing.
// Openings that point back at the sentence before: a pronoun for what it said, or a connective
// that continues it ("At first, I assumed…" needs the problem it assumed about; "But…", "However…").
// A time told from the sentence before ("Two days later…", "The next morning…", "Within a week…")
// leans on it just the same: later than what?
const LEANS_BACK =
  /^(?:this|that|these|those|it|so|then|which|as a result|because of (?:this|that)|at first|but|however|still|instead|yet|even so|after that|afterwards|(?:a|an|one|two|three|four|five|six|a few|a couple of|several|\d+) (?:minutes?|hours?|days?|nights?|weeks?|months?|years?|releases?|sprints?) later|later that (?:day|night|week|month)|the (?:next|following) (?:day|morning|night|week|month|release|sprint)|(?:soon|shortly) after(?:wards)?\b(?! (?:the|a|an|my|our|we|i)\b)|within (?:a|an|one|two|three|a few|\d+) (?:minutes?|hours?|days?|nights?|weeks?|months?)\b(?! of\b))\b/i;
// The time counted from an event told before ("Two days later", "Within a week", "The next
// morning"): the part of LEANS_BACK that says when, not what.
const TIME_FROM =
  /^(?:(?:a|an|one|two|three|four|five|six|a few|a couple of|several|\d+) (?:minutes?|hours?|days?|nights?|weeks?|months?|years?|releases?|sprints?) later|later that (?:day|night|week|month)|the (?:next|following) (?:day|morning|night|week|month|release|sprint)|within (?:a|an|one|two|three|a few|\d+) (?:minutes?|hours?|days?|nights?|weeks?|months?)\b(?! of\b))\b/i;
// A word that stands for something said before: "it", "this", "they", "the same"…
const REFERS_BACK = /\b(?:it|its|this|that|these|those|they|them|their|the same|such)\b/i;

/**
 * Whether a sentence leans back only by the time it counts from an earlier event and tells a new
 * event in its own words ("Two days later a colleague reported odd constants on the edge
 * channels."): after a setting that tells the speaker's work, a listener counts the time from
 * that work. Not one that also refers back to what was said ("Within a week the operators said
 * it missed…": what is "it"?).
 * @example countsTimeOnly("Two days later a colleague reported odd constants on the edge channels.") // true
 * @example countsTimeOnly("Within a week the operators said it missed the events they cared about.") // false
 * @example countsTimeOnly("This led to poor forecasts.") // false
 */
export function countsTimeOnly(sentence: string): boolean {
  const text = sentence.trim();
  const when = TIME_FROM.exec(text);
  if (when === null || lacksSubject(text) || OBJECT_POINTS_BACK.test(text)) return false;
  // "that" opening a clause ("reported that the job…") points at nothing before.
  const rest = text
    .slice(when[0].length)
    .replace(/\b(?:said|reported|noticed|found|saw|told \w+) that\b/gi, "");
  return !REFERS_BACK.test(rest);
}

// Past forms a list item opens with when its subject sits in the line before ("…, I" then
// "Built the…"): the regular ones end in -ed.
const IRREGULAR_PAST = new Set(
  "built wrote set ran led made took kept cut drove sent found began chose rewrote rebuilt split shipped put brought spent taught held met".split(
    " ",
  ),
);

/**
 * The sentence one leans on: for a list item with no subject, the nearest line before it that
 * has one (the list's lead-in); otherwise the sentence right before it.
 * @example antecedentOf(["To fix it, I:", "Re-split the data.", "Added a check."], 2) // 0
 */
export function antecedentOf(sentences: readonly string[], at: number): number {
  if (!lacksSubject(sentences[at] ?? "")) return at - 1;
  let j = at - 1;
  while (j > 0 && lacksSubject(sentences[j] ?? "")) j -= 1;
  return j;
}

// The speaker's verb with a pronoun for what the sentence before said ("I traced it to…", "Once I
// saw that in the traces, …", "We fixed it within the hour."): what "it" is, only that sentence
// says. A "that" or "this" that opens a clause or names a thing ("I noticed that the values…",
// "I found that my split…") points at nothing before: only a pronoun followed by the end of the
// clause or a preposition stands for something said.
const OBJECT_POINTS_BACK =
  /^(?:(?:once|when|after|as soon as)\s+)?(?:I|we)\s+(?:\w+ly\s+)?(?:(?:had|have|then|also)\s+)?[a-z]+\s+(?:it|this|that|them|these|those)(?=\s*(?:[,.;:!?—–]|$)|\s+(?:to|in|on|at|by|with|from|back|up|down|out|off|through|into|for|and|before|after|as|again|right|straight|immediately|within|over|under|first|myself|ourselves)\b)/i;

/**
 * Whether a sentence can only be said after the one before it: it points back ("This led to…",
 * "I traced it to…") or it is an item of a list whose subject the line before gave ("…, I" then
 * "Added a check…", which has no subject of its own).
 * @example leansBack("Added a check to the training script.") // true
 * @example leansBack("I traced it to my join.") // true
 * @example leansBack("I added a check to the training script.") // false
 */
export function leansBack(sentence: string): boolean {
  const text = sentence.trim();
  return LEANS_BACK.test(text) || OBJECT_POINTS_BACK.test(text) || lacksSubject(sentence);
}

// "Then, I …", "Next, I …", "After that, I …", "I then …": the next step of a sequence, which any step told
// before it can precede, not one sentence in particular.
const NEXT_STEP = /^(?:(?:then|next|after that|afterwards)\b,?\s*(?:i|we)|(?:i|we) then)\b/i;

/**
 * Whether a sentence leans back only as the next step of a sequence ("Then, I deployed…"): it
 * can be said after any earlier step, so leaving out the step right before it does not orphan it.
 * @example leansOnAnyStep("Then, I used AWS CDK to deploy the model.") // true
 * @example leansOnAnyStep("This led to poor forecasts.") // false
 */
export function leansOnAnyStep(sentence: string): boolean {
  // "I then deployed it." leans on the sentence that says what "it" is, not on any step.
  const text = sentence.trim();
  return NEXT_STEP.test(text) && !OBJECT_POINTS_BACK.test(text);
}

/**
 * For the next step of a sequence ("Then, I…"), whether a step of the speaker is said before it:
 * an earlier sentence the lens's tagger reads as an action, any one of them (a goal or a setting is
 * no step: "My goal was to serve it. Then, I retrained…" skips one). Compose and re-angle both ask
 * this, so a "Then, I…" stands in one only where it stands in the other.
 * @example stepSaidBefore([{ part: "task" }, { part: "action" }], 1, () => true) // false
 * @example stepSaidBefore([{ part: "action" }, { part: "action" }], 1, () => true) // true
 */
export function stepSaidBefore(
  sentences: ReadonlyArray<{ part: string }>,
  at: number,
  said: (index: number) => boolean,
): boolean {
  return sentences.slice(0, at).some((s, i) => s.part === "action" && said(i));
}

/**
 * Whether a sentence is a list item with no subject of its own ("Added a check…"): it leans on
 * the line that gave the list its subject ("To fix it, I:"), not on the item before it.
 * @example lacksSubject("Re-tuned the model on the honest split.") // true
 */
export function lacksSubject(sentence: string): boolean {
  const text = sentence.trim();
  const first = /^([\p{L}-]+)/u.exec(text)?.[1]?.toLowerCase() ?? "";
  const pastVerb =
    (/^[a-z-]{3,}ed$/.test(first) && !/^(?:based|red|bed|need|seed|speed|feed)$/.test(first)) ||
    IRREGULAR_PAST.has(first) ||
    IRREGULAR_PAST.has(first.replace(/^re-/, ""));
  return pastVerb && !/\b(?:I|we)\b/.test(text);
}

// Words a quote's cut never ends on: "Added a latency panel and an…" leaves the listener on "an".
const DANGLING =
  /^(?:a|an|the|and|or|but|so|of|to|in|on|at|for|with|by|from|as|into|onto|than|that|which|who|its|their|my|our|your|his|her|this|these|those)$/i;

/**
 * A line's opening words as a short quote: its first `count` words and "…" when it goes on, the
 * cut moved back past a word that needs the next one ("Added a latency panel and an…" → "Added a
 * latency panel…") and past the punctuation before it.
 * @example openingWords("Added a latency panel and an alert on the 95th percentile.") // "Added a latency panel…"
 */
export function openingWords(line: string, count = 6): string {
  const words = line.trim().split(/\s+/);
  if (words.length <= count) return line.trim();
  let end = count;
  while (end > 3 && DANGLING.test((words[end - 1] ?? "").replace(/[^\p{L}'’]/gu, ""))) end -= 1;
  return `${words
    .slice(0, end)
    .join(" ")
    .replace(/[,;:—–-]+$/, "")}…`;
}

/**
 * What compose and re-angle say of the lines they keep that have no subject ("Refactored the
 * pipeline…", "- fixed the cache"): said as written they sound like notes, and derisk never adds
 * words to a sentence, so the note names them and how a candidate would say each. Undefined when
 * every line has its subject (a list's first item said with its lead-in, "To resolve it, I
 * rewrote…", has one).
 * @example subjectlessNote(["To fix it, I re-split the data.", "Added a check."], "story")
 * // "1 line has no subject and sounds like a note when said as written: “Added a check.” …"
 */
export function subjectlessNote(sentences: readonly string[], where: "story" | "answer"): string | undefined {
  // The item right after a lead-in ("To resolve it, I:") is said with it, as joinSentences joins them.
  const lines = sentences
    .map((s) => s.trim().replace(/^[-*•]\s+/, ""))
    .filter((s, i) => lacksSubject(s) && !(i > 0 && LEAD_IN.test((sentences[i - 1] ?? "").trim())));
  if (lines.length === 0) return undefined;
  const quoted = lines.map((line) => `“${openingWords(line)}”`).join(", ");
  const first = lines[0] ?? "";
  const verb = /^[\p{L}-]+/u.exec(first)?.[0] ?? "";
  const [mine, ours] = [`“I ${verb.toLowerCase()}…”`, `“we ${verb.toLowerCase()}…”`];
  const count = lines.length === 1 ? "1 line has" : `${lines.length} lines have`;
  return `${count} no subject and ${lines.length === 1 ? "sounds like a note" : "sound like notes"} when said as written: ${quoted}. derisk keeps your sentences as you wrote them, so say who did it as you tell it (${mine} if it was you, ${ours} if it was the team), or write it into the ${where}.`;
}

export { starLabel, stripMarkup } from "../markup.ts";
export { countWords, speakingSeconds } from "../words.ts";

const ARROW = /\s(?:→|->|=>|⟶)\s/;

/**
 * Whether a text is an outline of arrow notes ("PhD → modelling base"), not sentences a person
 * can say: at least two of its lines, and most of them, join notes with arrows.
 * @example readsAsOutline("PhD → maths base\nProjects → shipped models") // true
 */
export function readsAsOutline(text: string): boolean {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const arrowed = lines.filter((line) => ARROW.test(line)).length;
  return arrowed >= 2 && arrowed * 2 > lines.length;
}

// An aside in brackets after a word: " (e.g., GPT-based)", " (RAG)", " (OAuth2)". Not a
// bracket glued to a word ("model(s)") nor a nested or unclosed one.
const ASIDE = / \(([^()]*)\)/g;
const FOR_EXAMPLE = /^(?:e\.?\s?g\.?|for example|for instance)[,:]?\s+(\S[\s\S]*)$/i;
const THAT_IS = /^(?:i\.?\s?e\.?|that is|namely)[,:]?\s+(\S[\s\S]*)$/i;
// An acronym said after the words it shortens: "retrieval-augmented generation (RAG)".
const ACRONYM = /^[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?$/;

function spellsOut(before: string, acronym: string): boolean {
  const letters = acronym
    .replace(/s$/, "")
    .replace(/[^A-Z]/g, "")
    .toLowerCase();
  const words = before.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  const initials = words
    .slice(-letters.length)
    .map((w) =>
      w
        .replace(/^[^\p{L}]+/u, "")
        .charAt(0)
        .toLowerCase(),
    )
    .join("");
  return letters.length >= 2 && initials === letters;
}

/**
 * Whether a sentence runs a list of its own by commas (two or more outside its brackets): an
 * aside said between commas there would read as one more item ("with Istio, Cognito, OAuth2, for
 * authentication, Cert Manager…"), so it goes between dashes.
 */
function inList(sentence: string): boolean {
  return (sentence.replace(/\([^()]*\)/g, "").match(/,/g)?.length ?? 0) >= 2;
}

/**
 * A written sentence as a speaker says it: an aside in brackets is said between commas, its
 * abbreviation in words — "(e.g., GPT-based)" → ", for example, GPT-based", "(i.e. X)" →
 * ", that is, X", an acronym after the words it shortens → ", or RAG", a list, or a plain aside
 * inside a sentence's own comma list ("Istio, Cognito (OAuth2) for authentication, Cert Manager")
 * → between dashes — and a bare "e.g." or "i.e." in words. Nothing is dropped: every word of the aside is said.
 * @example sayAsides("Fine-tune an LLM (e.g., GPT-based) with RAG.") // "Fine-tune an LLM, for example, GPT-based, with RAG."
 */
export function sayAsides(sentence: string): string {
  const spoken = sentence.replace(ASIDE, (whole, raw: string, offset: number, all: string) => {
    const inner = raw.trim();
    if (!/\p{L}{2}/u.test(inner)) return whole;
    const next = all.charAt(offset + whole.length);
    const closes = next === "" || /[.,;:!?…]/.test(next);
    const example = FOR_EXAMPLE.exec(inner);
    const namely = THAT_IS.exec(inner);
    let said: string;
    if (example?.[1] !== undefined) said = `for example, ${example[1]}`;
    else if (namely?.[1] !== undefined) said = `that is, ${namely[1]}`;
    else if (ACRONYM.test(inner) && spellsOut(all.slice(0, offset), inner)) said = `or ${inner}`;
    else if (/[,;]/.test(inner) || (!closes && inList(all))) return closes ? ` — ${inner}` : ` — ${inner} —`;
    else said = inner;
    return closes ? `, ${said}` : `, ${said},`;
  });
  return spoken
    .replace(/\be\.\s?g\.,?(?=\s)/gi, "for example,")
    .replace(/\bi\.\s?e\.,?(?=\s)/gi, "that is,")
    .replace(/,\s*,/g, ",");
}

// A note's time label and its arrow ("Now → …", "Next -> …", "Today: …"): how an outline marks the
// last beat, not words anyone says.
const NOTE_LABEL = /^\s*(?:now|next|today|going forward|from here)\s*(?:→|->|=>|⇒)\s*/iu;

/**
 * A note line as it is said: the outline's "Now →" label and arrow taken out, the user's own
 * words kept as written ("Now → looking for a product team" → "looking for a product team").
 * Anything else as it is.
 * @example sayNote("Now → bring careful measurement to a product team.") // "bring careful measurement to a product team."
 */
export function sayNote(text: string): string {
  const rest = text.replace(NOTE_LABEL, "");
  return rest.trim() === "" ? text : rest;
}
