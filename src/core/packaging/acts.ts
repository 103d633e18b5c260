import type { Analysis } from "../semantic/index.ts";
import { ANSWER_CUES } from "./data/answer-cues.ts";

/**
 * What an ask asks to be done, and whether an evidence sentence does it: the lexicons read the
 * things an ask and a sentence name, not what is done with them, so a sentence that only names them
 * scores as high as the one that does the thing, or higher.
 *
 * - A measure moved: "Improve latency of model serving" is shown by the sentence where latency fell
 *   after the fix, not by the one where it rose (the problem the story starts from) nor by the one
 *   that only watches it on a dashboard.
 * - A thing made: "Experience building ETL pipelines" is shown by the sentence where the speaker
 *   created the pipelines, not by one where they reviewed a pipeline's steps or drew a lesson.
 */

// A posting asks to move a measure with one of these verbs ("Improve latency", "Reduce cloud
// spend", "Increase conversion", "Drive down churn").
const CHANGE_ASK =
  /\b(?:improv(?:e|es|ing)|reduc(?:e|es|ing)|lower(?:s|ing)?|cut(?:s|ting)?|decreas(?:e|es|ing)|minimi[sz](?:e|es|ing)|shorten(?:s|ing)?|speed(?:s|ing)? up|optimi[sz](?:e|es|ing)|increas(?:e|es|ing)|rais(?:e|es|ing)|boost(?:s|ing)?|grow(?:s|ing)?|maximi[sz](?:e|es|ing)|lift(?:s|ing)?|drive (?:down|up))\b/i;

// What a sentence says happened to a measure, by the words beside it, in any inflection
// ("dropped", "kept dropping", "fell", "falls").
const DOWN =
  /^(?:drop(?:s|ped|ping)?|f[ae]ll(?:s|ing|en)?|reduc(?:e|ed|es|ing)|cut(?:s|ting)?|lower(?:ed|ing|s)?|decreas(?:e|ed|es|ing)|halv(?:ed|es|ing)|shr(?:ank|unk|ink|inks|inking)|slash(?:ed|es|ing)|trimm(?:ed|ing)|declin(?:e|ed|es|ing)|plummet(?:ed|ing|s)?|s[ai]nk(?:s|ing)?|sank|down)$/;
const UP =
  /^(?:increas(?:e|ed|es|ing)|r[io]s(?:e|es|ing|en)|gr[eo]w(?:s|ing|n)?|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|spik(?:e|ed|es|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|soar(?:s|ed|ing)?|higher|up)$/;
const BETTER =
  /^(?:improv(?:e|ed|es|ing)|better|faster|quicker|sped|stabili[sz](?:e|ed|es|ing)|optimi[sz](?:ed|ing))$/;
const WORSE =
  /^(?:wors(?:e|ened|ening)|degrad(?:e|ed|es|ing)|slower|regress(?:ed|es|ing)|suffer(?:ed|s|ing)?|deteriorat(?:e|ed|es|ing)|slipp(?:ed|ing)|slips?)$/;

// Measures where less is better; every other measure the lexicons know (throughput, accuracy,
// conversion, uptime) is better higher.
const LOWER_IS_BETTER_CONCEPTS = new Set(["metric.latency", "metric.cost"]);
const LOWER_IS_BETTER_WORDS = new Set(
  "error errors 5xx incident incidents outage outages downtime churn rmse mape cost costs spend bill latency".split(
    " ",
  ),
);

// A change word speaks of the measure in its own clause: "After the fix, latency dropped sharply",
// "the accuracy of the search ranking model kept dropping", not "latency rose, but we cut costs".
const CLAUSE_BREAK = /[,;:()—–]|\s-\s|\b(?:but|while|whereas|although|though|until|because)\b/i;
// "up" and "down" are particles as often ("set up an alert", "shut down the cluster"): they say a
// measure moved only after a verb of motion or before the size of the move.
const MOTION = /^(?:went|go|goes|going|gone|came|come|comes|is|was|were|are|been|be)$/;
const SIZE = /^(?:from|to|by)$/;

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];

/** Which way the words of one clause move a measure: 1 better, -1 worse, 0 not said. */
function wayIn(words: readonly string[], lowerIsBetter: boolean): number {
  for (const [i, w] of words.entries()) {
    if ((w === "up" || w === "down") && !MOTION.test(words[i - 1] ?? "") && !SIZE.test(words[i + 1] ?? ""))
      continue;
    if (BETTER.test(w)) return 1;
    if (WORSE.test(w)) return -1;
    if (DOWN.test(w)) return lowerIsBetter ? 1 : -1;
    if (UP.test(w)) return lowerIsBetter ? -1 : 1;
  }
  return 0;
}

/**
 * Whether a requirement asks to move a measure rather than only to work with it.
 * @example asksForChange("Improve latency of model serving") // true
 * @example asksForChange("Experience with low-latency systems") // false
 */
export function asksForChange(requirement: string): boolean {
  return CHANGE_ASK.test(requirement);
}

// A pronoun that stands for the measure a clause before named: "latency rose at first, but after
// caching we cut it in half".
const STANDS_FOR_MEASURE = /^(?:it|they|them)$/;

/** Which way a clause's figures moved the measure ("went from 900 ms to 200 ms"), 0 when they do not say. */
function wayOfFigures(clause: string, lowerIsBetter: boolean): number {
  const fromTo = /\bfrom\s+(?:about\s+|around\s+|roughly\s+)?(\d[\d.,]*)\D{0,12}?\s+to\s+(\d[\d.,]*)/i.exec(
    clause,
  );
  if (!fromTo) return 0;
  const [before, after] = [Number(fromTo[1]?.replace(/,/g, "")), Number(fromTo[2]?.replace(/,/g, ""))];
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === after) return 0;
  return after < before === lowerIsBetter ? 1 : -1;
}

/**
 * 1 when the sentence moves a measure the ask names the way the ask wants (latency fell, accuracy
 * rose), -1 when it moves it the other way (latency rose: the problem, not the fix), 0 when it
 * names the measure without a change; undefined when the ask asks for no change or the sentence
 * does not name its measure. A sentence that moves the measure twice ("latency rose at first, but
 * after caching we cut it in half") is read by its last move, of the measure or of a pronoun that
 * stands for it: the final state is what the candidate claims.
 * @example changeShown(analyzeText("Improve latency"), analyzeText("After the fix, latency dropped sharply.")) // 1
 * @example changeShown(analyzeText("Improve latency"), analyzeText("Latency increased significantly.")) // -1
 * @example changeShown(analyzeText("Improve latency"), analyzeText("Latency rose at first, but after caching we cut it in half.")) // 1
 * @example changeShown(analyzeText("Improve latency"), analyzeText("I added latency dashboards.")) // 0
 */
export function changeShown(asked: Analysis, said: Analysis): -1 | 0 | 1 | undefined {
  if (!asksForChange(asked.text)) return undefined;
  let named = false;
  const clauses = said.text.split(CLAUSE_BREAK).map((text) => ({ text, words: wordsOf(text) }));
  for (const id of asked.direct) {
    const askedHit = asked.concepts.get(id);
    const hit = said.concepts.get(id);
    if (askedHit?.kind !== "metric" || hit === undefined) continue;
    const term = wordsOf(hit.term);
    if (term.length === 0) continue;
    const lowerIsBetter = LOWER_IS_BETTER_CONCEPTS.has(id) || term.some((w) => LOWER_IS_BETTER_WORDS.has(w));
    let last = 0;
    let seen = false;
    for (const clause of clauses) {
      const words = clause.words;
      const names = words.some((_, i) => term.every((w, k) => words[i + k] === w));
      if (!names && !(seen && words.some((w) => STANDS_FOR_MEASURE.test(w)))) continue;
      seen = true;
      const way = wayIn(words, lowerIsBetter) || wayOfFigures(clause.text, lowerIsBetter);
      if (way !== 0) last = way;
    }
    named ||= seen;
    if (last !== 0) return last as -1 | 1;
  }
  return named ? 0 : undefined;
}

// An ask to make something: "Build data pipelines", "Experience building ETL pipelines", "Design
// and implement APIs".
const MAKING_ASK =
  /\b(?:build|builds|building|create|creates|creating|develop|develops|developing|design|designs|designing|implement|implements|implementing|architect|architecting|set up|setting up|write|writing|stand up|standing up)\b/i;
// Told as done: "I built", "created", "we set up", "wrote", "stood up".
const MADE =
  /\b(?:built|build|building|created|create|creating|developed|develop|developing|designed|design|designing|implemented|implement|implementing|architected|set up|setting up|wrote|written|write|writing|stood up|launched|shipped)\b/i;

/**
 * For an ask to make something, whether the sentence tells of making what the ask names: a making
 * verb in the clause that names one of the ask's concepts ("…, created automated data pipelines to
 * collect data" for "Build data pipelines"; not "building the pipelines" for "Build services that
 * stay up"). Undefined when the ask asks for no making.
 * @example madeShown(analyzeText("Build data pipelines"), analyzeText("I created automated data pipelines.")) // true
 * @example madeShown(analyzeText("Build data pipelines"), analyzeText("I reviewed the data pipeline's steps.")) // false
 */
export function madeShown(asked: Analysis, said: Analysis): boolean | undefined {
  if (!MAKING_ASK.test(asked.text)) return undefined;
  const terms = [...asked.direct]
    .map((id) => said.concepts.get(id)?.term)
    .filter((term) => term !== undefined)
    .map(wordsOf);
  return said.text.split(CLAUSE_BREAK).some((clause) => {
    if (!MADE.test(clause)) return false;
    const words = wordsOf(clause);
    return terms.some(
      (term) => term.length > 0 && words.some((_, i) => term.every((w, k) => words[i + k] === w)),
    );
  });
}

/**
 * The forms of a verb that tell of doing it: "deploy" → deployed, deploying, and "to deploy"; the
 * bare form alone is as often a noun ("a drift monitor").
 */
function doneForms(term: string): string[] {
  // The ask may name the verb in its -ing form ("Experience deploying models").
  const verb = term.length > 5 && term.endsWith("ing") ? term.slice(0, -3) : term;
  const stem = verb.endsWith("e") ? verb.slice(0, -1) : verb;
  const doubled = /[^aeiou][aeiou][bdgklmnprt]$/.test(verb) ? verb + verb.slice(-1) : verb;
  return [
    ...new Set([
      `to ${verb}`,
      `${stem}ed`,
      `${stem}ing`,
      `${doubled}ed`,
      `${doubled}ing`,
      ...(PAST[verb] ?? []),
    ]),
  ];
}

// Past forms that do not end in -ed, of verbs postings ask for ("writing" → "writ").
const PAST: Readonly<Record<string, readonly string[]>> = {
  write: ["wrote", "written"],
  writ: ["wrote", "written"],
  build: ["built"],
  lead: ["led"],
  run: ["ran"],
  runn: ["ran"],
  teach: ["taught"],
  mak: ["made"],
  make: ["made"],
};
const IRREGULAR_PAST_FORMS = new Set(Object.values(PAST).flat());

/**
 * For an ask that opens with what to do, in a verb the lexicons read as a concept ("Deploy and
 * monitor models in production": deploying, monitoring), how plainly the sentence does it: 2 when
 * the speaker is the verb's subject ("I deployed the pricing model", "we then shipped it"), 1 for
 * another form of it where the sentence names the concept ("While deploying the churn model", "I
 * used Terraform to deploy the model"), 0 for the concept in a noun only ("everything from
 * labelling data to deployment"). Undefined when the ask does not open with such a verb.
 * @example doneShown(analyzeText("Deploy and monitor models"), analyzeText("I deployed the model on Cloud Run.")) // 2
 * @example doneShown(analyzeText("Deploy and monitor models"), analyzeText("After deploying it, I noticed drift.")) // 1
 * @example doneShown(analyzeText("Deploy and monitor models"), analyzeText("It taught me a lot about deployment.")) // 0
 */
export function doneShown(asked: Analysis, said: Analysis): 0 | 1 | 2 | undefined {
  const verbs = [...asked.opening]
    .map((id) => ({ id, term: asked.concepts.get(id)?.term ?? "" }))
    .filter(({ term }) => /^[a-z]+$/.test(term));
  if (verbs.length === 0) return undefined;
  const text = ` ${wordsOf(said.text).join(" ")} `;
  let best: 0 | 1 | 2 = 0;
  for (const { id, term } of verbs) {
    if (!said.concepts.has(id)) continue;
    for (const form of doneForms(term)) {
      if (!text.includes(` ${form} `)) continue;
      // "I deployed", "we then deployed": the speaker does it, not a clause beside what they did.
      const told =
        (form.endsWith("ed") || IRREGULAR_PAST_FORMS.has(form)) &&
        new RegExp(`\\b(?:i|we)(?: [a-z]+)? ${form}\\b`).test(text);
      best = told ? 2 : (Math.max(best, 1) as 1 | 2);
    }
  }
  return best;
}

// How far up a degree stands: an ask that accepts a level accepts any level above it. "degree"
// alone names no level; beside a named one ("A quantitative degree (PhD or MSc …)") the named
// levels say what is accepted.
const DEGREE_LEVEL: Readonly<Record<string, number>> = {
  "degree.any": 0,
  "degree.bachelors": 1,
  "degree.graduate": 2,
  "degree.masters": 2,
  "degree.phd": 3,
};
// An ask that takes experience in place of the degree ("… or equivalent practical experience") is
// shown by the experience too.
const IN_PLACE_OF_DEGREE = /\bequivalent\b|\bexperience\b/i;
// The speaker's own degree: "I have a PhD", "my MSc", "I'm studying for a master's", or a résumé
// line that opens with it ("PhD in Applied Math → …").
const SPEAKER = /\b(?:i|i'm|i've|i'd|my|me)\b/i;
// Words of a degree ask that name no field of study ("a related field", "a technical discipline").
const DEGREE_ASK_WORDS = new Set(
  "field fields discipline disciplines subject subjects area areas related relevant similar equivalent quantitative technical degree degrees required preferred strong".split(
    " ",
  ),
);

const levelsOf = (analysis: Analysis) =>
  [...analysis.direct].filter((id) => id in DEGREE_LEVEL).map((id) => DEGREE_LEVEL[id] as number);

/**
 * For an ask that names a degree ("PhD or MSc in a quantitative field", "Bachelor's degree in
 * Computer Science"), what the sentence shows of it: 2 when the speaker states a degree of a level
 * the ask accepts or higher ("I have a PhD in Applied Mathematics", "My MSc in statistics …"); 1 when
 * it names a lower or unowned degree, or only the ask's field of study ("drawn to the practical
 * applications of math"); 0 when it names neither. Undefined when the ask names no degree, or takes
 * experience in its place.
 * @example degreeShown(analyzeText("PhD or MSc in a quantitative field"), analyzeText("I have a PhD in physics.")) // 2
 * @example degreeShown(analyzeText("PhD or MSc in a quantitative field"), analyzeText("I love maths.")) // 1
 * @example degreeShown(analyzeText("PhD or MSc in a quantitative field"), analyzeText("I fine-tuned an LLM.")) // 0
 */
export function degreeShown(asked: Analysis, said: Analysis): 0 | 1 | 2 | undefined {
  const askedLevels = levelsOf(asked);
  if (askedLevels.length === 0 || IN_PLACE_OF_DEGREE.test(asked.text)) return undefined;
  const named = askedLevels.filter((level) => level > 0);
  const accepted = named.length > 0 ? Math.min(...named) : 0;
  const text = said.text.replace(/[’‘]/g, "'");
  const opening = wordsOf(text).slice(0, 3).join(" ");
  const held = [...said.direct].some((id) => {
    const level = DEGREE_LEVEL[id];
    if (level === undefined || level < accepted) return false;
    const term = said.concepts.get(id)?.term ?? "";
    return SPEAKER.test(text) || (term !== "" && opening.startsWith(term));
  });
  if (held) return 2;
  if (levelsOf(said).length > 0) return 1;
  // The ask's field: a concept it names that is not a degree (read with the broader ones a
  // sentence's concepts satisfy: mathematics is a quantitative field), or a word of it no
  // concept holds ("chemistry").
  const fields = [...asked.direct].filter(
    (id) => !(id in DEGREE_LEVEL) && asked.concepts.get(id)?.kind !== "intent",
  );
  if (fields.some((id) => said.concepts.has(id))) return 1;
  const own = [...asked.lemmas]
    .filter(([lemma, weight]) => weight >= 1 && !DEGREE_ASK_WORDS.has(lemma))
    .map(([lemma]) => lemma);
  return own.some((lemma) => said.allLemmas.has(lemma)) ? 1 : 0;
}

// What the speaker means to do next rather than what they did: a "Now → …" or "Next: …" note (the
// last beat of a trailer), "I want to…", "I'm looking for…", "I'd like to…", "excited to bring…".
const PLAN =
  /^\W*(?:now|next|today|going forward|from here)\s*(?:→|->|:|—|–)|\b(?:i|we)(?:'m|’m| am|'re|’re| are)?\s+(?:now\s+|really\s+)?(?:want|wish|hope|plan|intend|would like|'d like|’d like|(?:am |'m |’m )?(?:looking|excited|eager|keen|hoping|planning|aiming|ready)) (?:to|for)\b|\b(?:i|we)\s+(?:really\s+|now\s+)?(?:want|wish|would like)\s+(?:[\w'’]+\s+){1,3}to\b|^\W*(?:want|wish|hope|hoping|looking|aiming|planning|keen|eager|excited|ready) (?:to|for)\b/i;

/**
 * Whether a sentence states a plan or a wish — what the speaker wants to do next — rather than
 * a deed: "Now → bring careful measurement to a product team that ships ML every week" names
 * shipping ML without anyone having shipped it.
 * @example statesPlan("Now → want to bring that mix of math and ML to a product team.") // true
 * @example statesPlan("I shipped a drift-monitoring service.") // false
 */
export function statesPlan(sentence: string): boolean {
  return PLAN.test(sentence);
}

// What went wrong, as a sentence tells it: a failure, an error, a fault found ("the forecasted
// values were significantly off", "the application was inaccessible", "high error rates"), or
// figures that look wrong ("a colleague reported odd constants", "strange predictions").
const TROUBLE =
  /\b(?:(?:odd|strange|weird|suspicious|implausible|nonsensical) (?:[a-z-]+ )?(?:values?|numbers?|results?|constants?|outputs?|readings?|predictions?|scores?|metrics?|spikes?|errors?|behaviou?r)\b(?! of\b)|failed|failing|broke|broken|crashed|crashing|outages?|timed out|timeouts|inaccessible|unreachable|(?:high|rising) error rates?|\dxx errors|wrong|misconfigur\w*|accidentally|by mistake|leaked|unreliable|silently (?:closed|dropped|failed)|the (?:issue|problem|bug) persisted|cold starts|(?:was|were|looked|seemed|came out) (?:[a-z]+ly )?off)\b/i;
// What a sentence tells done about it: the fix, the cure or the better state after it.
const REMEDY =
  /\b(?:fix(?:es|ed|ing)?|resolv(?:e|ed|ing)|restor(?:e|ed|ing)|stabili[sz](?:e|ed)|roll(?:ed)? back|revert(?:ed)?|reissu(?:e|ed)|rewr(?:ote|ite)|refactor(?:ed|ing)|patch(?:ed)?|prevent(?:s|ed)?|avoid(?:s|ed)?|reduc(?:e|ed|es)|near-zero|no longer|to ensure)\b/i;
// An ask about trouble itself ("Experience debugging production issues", "on-call for incidents")
// is shown by the trouble: only other asks rank it after the deeds.
const TROUBLE_ASK =
  /\b(?:debug\w*|troubleshoot\w*|incidents?|diagnos\w*|root[- ]cause|on[- ]?call|outages?|failures?|errors?|issues?|problems?|bugs?)\b/i;

/**
 * Whether a sentence tells a problem or a failure — what went wrong, not what the speaker did
 * about it — where the ask is not about trouble: "After deploying the first version, I noticed
 * that the forecasted values were significantly off" describes the mistake a story is about, and
 * is no proof of "experience deploying models to production" beside "I deployed a FastAPI-based
 * inference service".
 * @example troubleShown(analyzeText("Deploy models to production"), analyzeText("After deploying it, the values were off.")) // true
 * @example troubleShown(analyzeText("Deploy models to production"), analyzeText("I rolled back the deployment and fixed the bug.")) // false
 * @example troubleShown(analyzeText("Debug production issues"), analyzeText("The service was inaccessible.")) // false
 */
export function troubleShown(asked: Analysis, said: Analysis): boolean {
  if (TROUBLE_ASK.test(asked.text)) return false;
  return tellsTrouble(said.text);
}

/**
 * Whether a sentence names a failure at all ("…because the health checks failed"), whatever else
 * it tells done about it.
 * @example namesFailure("I rolled back the deploy because the health checks failed.") // true
 */
export function namesFailure(sentence: string): boolean {
  return TROUBLE.test(sentence);
}

/**
 * Whether a sentence tells what went wrong (a failure, an error, a fault found), not what was
 * done about it.
 * @example tellsTrouble("Latency increased significantly, and some clients received 5xx errors.") // true
 * @example tellsTrouble("After the fix, we saw near-zero error rates.") // false
 */
export function tellsTrouble(sentence: string): boolean {
  return TROUBLE.test(sentence) && !REMEDY.test(sentence);
}

// A sentence that tells what went wrong by the speaker's doing ("I had accidentally dropped rows…",
// "I traced the issue to a misconfiguration…"): the mistake cue of the answer cues.
export const STATES_MISTAKE: RegExp = ANSWER_CUES["mistake-failure"]?.[0] ?? /(?!)/;

// A deed told as what it was for, pointing back at the trouble: "To resolve it, I…", "To fix this, we…".
export const FIX_OF_IT =
  /^to (?:\w+ )?(?:resolve|fix|address|solve|correct|repair|handle) (?:it|this|that|them)\b/i;

// A sentence that names the trouble as already told: "the issue", "the fix", "the bad constants".
const NAMES_TROUBLE =
  /\bthe (?:issue|problem|bug|error|mistake|fault|failure|fix)\b|\bthe (?:bad|wrong|broken|faulty|corrupt(?:ed)?) [a-z]+/i;

// The speaker finding where a trouble already named came from: "I traced the issue to…", "Once I
// identified the problem through logs…". What it traced it to may be a fault ("a misconfiguration"),
// but what went wrong is still the line before's to tell.
const TRACES_TROUBLE =
  /\b(?:traced|tracked|pinned|narrowed|root-caused|diagnosed|identified|isolated|located|found)\s+(?:down\s+)?the (?:issue|problem|bug|error|fault|failure)\b/i;

// A deed of the speaker's whose verb undoes or mends something, and so presupposes that it had
// gone wrong without saying how: "we rolled back the release", "I reverted…", "I patched…", "I
// restored…". Said by "I" or "we" (anywhere before it in the sentence: "I told the team, rolled
// back…"), or as a list item whose "I" is in the line before ("Rolled back…"). Not "fixed" or
// "repaired": their object is what was broken ("I fixed the join"), so the line says it itself.
const MENDING_VERB =
  "(?:roll(?:ed|ing)? back|revert(?:ed|ing)?|restor(?:ed|ing)|patch(?:ed|ing)|hot-?fix(?:ed|ing)?|recover(?:ed|ing)|undid|undoing)";
const MENDS = new RegExp(`^${MENDING_VERB}\\b|\\b(?:I|[Ww]e)\\b[^.;:]*?\\b${MENDING_VERB}\\b`, "i");

/**
 * Whether a sentence can only follow one that tells what went wrong: it names the trouble as known
 * ("I acknowledged the issue…", "No published analysis used the bad constants.", even where it
 * says what caused it: "I traced the issue to a misconfiguration…"), is a fix told
 * as its purpose ("To resolve it, I…") or a deed whose verb mends what had gone wrong ("I rolled
 * back to the old job") and does not itself say how it went wrong.
 * @example leansOnTrouble("The fix restored secure access.") // true
 * @example leansOnTrouble("I told the team, rolled back to the old job, and wrote a full comparison.") // true
 * @example leansOnTrouble("I traced the issue to a misconfigured certificate.") // true
 * @example leansOnTrouble("I traced it to my join: I had used an inner join.") // false
 */
export function leansOnTrouble(sentence: string): boolean {
  // "I traced the issue to a misconfiguration…" says what caused it, not what went wrong: the
  // issue it traced is one the listener must have heard of, whatever the cause named.
  if (TRACES_TROUBLE.test(sentence)) return true;
  return (
    (NAMES_TROUBLE.test(sentence) ||
      FIX_OF_IT.test(sentence) ||
      (MENDS.test(sentence) && !namesFailure(sentence))) &&
    !tellsTrouble(sentence) &&
    !STATES_MISTAKE.test(sentence)
  );
}
