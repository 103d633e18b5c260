/**
 * The rubric a reply to a follow-up question is judged by. "What would you do differently?",
 * "What exactly was your part?", "How did you measure that?" are asked about a story already
 * told: the reply needs no situation, no result and no lesson of its own. An interviewer listens
 * for four things (eval/follow-ups/README.md): does it answer what was asked, does it say so at
 * once, does it give something concrete, does the speaker own it — in 20–45 seconds, without
 * putting the fault on others.
 */
import { formatDuration } from "../words.ts";
import type { Unit } from "./segment.ts";
import type { FollowUpCheck, FollowUpCheckId, FollowUpKind, Quote } from "./types.ts";

export type { FollowUpCheck, FollowUpCheckId, FollowUpKind };

export interface FollowUpJudgement {
  kind: FollowUpKind;
  checks: FollowUpCheck[];
  score: 1 | 2 | 3 | 4 | 5;
  reasons: string[];
  /** What this kind of follow-up asks for, in words ("what you yourself did"). */
  asks: string;
  /** Fault put on others or circumstances, as the follow-up rubric reads it. */
  blame: boolean;
  /** Why the text is not a reply at all; shortness alone is not a reason for a reply. */
  notAnAnswer?: string;
}

/** The kinds in the order they are tried: the first whose pattern the question matches. */
const KIND_PATTERNS: ReadonlyArray<[FollowUpKind, RegExp]> = [
  // "Why now?" asks about timing — what changed, why this is the moment — not why this role: a
  // reply that tells what changed ("the pandemic ended my teaching post") answers it.
  [
    "timing",
    /\b(why now|why (?:at|is) this (?:point|moment|time)|why (?:is )?(?:this|it) the right (?:time|moment)|what makes (?:this|now|it) the right (?:time|moment)|why not (?:earlier|sooner|before)|why (?:this|that) timing)\b/,
  ],
  [
    "fit",
    /\b(why (?:are|were) you (?:leaving|looking|moving)|why (?:us|here|this (?:role|team|company|job))|carr(?:y|ies) over|transfer(?:s)? to|(?:relate|apply|fit)s? (?:to|with) (?:this|the|our) (?:role|job|team|work)|why (?:do|would) you want)\b/,
  ],
  [
    "reflection",
    /\b(differently|in hindsight|looking back|again|change anything|do over|redo|learn(?:ed|t)?|take ?away|next time|avoid (?:it|that|this)|prevent)\b/,
  ],
  [
    "part",
    /\b(your (?:own )?(?:part|role|contribution|piece|responsibilit\w*)|you personally|you specifically|you yourself|did you (?:do|own|build|write|lead)|what was yours|were you responsible)\b/,
  ],
  [
    "measure",
    /\b(measur\w*|metric\w*|quantif\w*|how (?:did|do|would) you know|how (?:did|do) you tell|evidence|prove|success look|tracked?|impact|numbers?|baseline)\b/,
  ],
  [
    "experience",
    /\b(what experience|experience (?:with|in|of)|have you (?:ever )?(?:used|worked|built|done|led|shipped|run|deployed)|tell me (?:more )?about your (?:background|experience|work)|how (?:much|long) have you (?:used|worked))\b/,
  ],
  [
    "approach",
    /\b(how (?:did|do|would|will|could) you (?:handle|deal|approach|tackle|go about|manage|solve|fix|respond|react|convince|persuade|get|cope|prioriti[sz]e|decide)|what did you (?:do|decide|try)|what would you do|with (?:less|only|half|no) )/,
  ],
  [
    "reasoning",
    /\b(why (?:did|do|would|not|that|this|choose|pick|go)|why\b.*\b(?:over|instead|rather)|trade-?offs?|alternatives?|other options?|chose|choose|decide(?:d)? (?:on|between|to)|justify|reason)\b/,
  ],
  [
    "outcome",
    /\b(what happened (?:next|after|then|later)|long[- ]term|since then|afterwards?|today|still (?:in use|running|there)|follow[- ]up on|end up|did it (?:last|stick|work))\b/,
  ],
  [
    "people",
    /\b(manager|boss|lead|team(?:mates?)?|stakeholders?|colleagues?|peers?|who else|react(?:ed|ion)?|feel about|think (?:of|about) (?:it|that|this)|persuade|convince|push ?back)\b/,
  ],
  [
    "difficulty",
    /\b(hardest|most difficult|toughest|biggest (?:challenge|risk|obstacle)|struggle|surprised?)\b/,
  ],
];

/**
 * What a follow-up asks for, from its wording.
 * @example followUpKind("What would you do differently next time?") // "reflection"
 */
export function followUpKind(question: string): FollowUpKind {
  const q = question.toLowerCase().replace(/[’‘]/g, "'");
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(q)) return kind;
  return "other";
}

// A question that asks for an episode of its own: "Tell me about a project you'd do differently",
// "What's something you'd do differently if you could redo it?", "Pick one that stung…". A
// hindsight follow-up names no new thing; it points at the story told ("it", "that project") or
// at nothing at all ("What would you do differently?").
const ASKS_EPISODE =
  /\b(?:tell me|describe|walk me through|give (?:me )?an? (?:example|instance)|share|pick|choose|something|anything|someone|(?:a|an|any|some) (?!(?:thing|few|lot|bit|second|little)\b)[a-z-]+)\b/;
// What only a question about an episode already told says: what would change, looking back
// ("What would you have done differently?", "If you did it again…", "What did you learn from it?").
// "Models behaving differently in production" or "how you prevent it" (overfitting) are not it.
const HINDSIGHT =
  /\b(?:(?:would|'d|could|should|might) (?:you )?(?:have )?(?:[a-z-]+ ){1,3}differently|in hindsight|with hindsight|looking back|next time|(?:do|did|doing|redo|run|ran|start|started) (?:it|that|this) (?:again|over)|if you could redo|(?:learn(?:ed|t)?|take ?away|takeaways?) from (?:it|that|this|those|them|the (?:experience|project|incident|mistake|episode|situation|failure))|would you (?:change|do over|redo))\b/;

/**
 * Whether a question is a hindsight follow-up on a story already told ("What would you do
 * differently?", "Looking back, what would you change about that project?", "What did you learn
 * from it?"): it asks what the story taught and what changes because of it — not for a story of
 * its own, nor for a strength or a weakness. A question that names an episode to tell ("Tell me
 * about a project you'd do differently") asks for a story.
 * @example asksHindsight("What would you do differently?") // true
 * @example asksHindsight("Tell me about a project you'd do differently.") // false
 * @example asksHindsight("What did you learn during your PhD?") // false
 */
export function asksHindsight(question: string): boolean {
  const q = question.toLowerCase().replace(/[’‘]/g, "'");
  return followUpKind(q) === "reflection" && !ASKS_EPISODE.test(q) && HINDSIGHT.test(q);
}

/** Sentence cues that a reply gives what each kind of follow-up asks for. */
const RESPONSIVE: Record<Exclude<FollowUpKind, "other">, RegExp> = {
  reflection:
    /\b(i'd|i would|i will|i'll|i now|now i|these days|next time|i should have|i'd have|would have|should have|could have|in hindsight|looking back|lesson|i learned|i learnt|since then|ever since|on every \w+ since|from now on|differently|i do (?:it |that |this )?now|which i do)\b/,
  part: /\b(i|my|me|myself|mine|we|our)\b/,
  approach:
    /\b(?:i|we|i'd|we'd|i'll|we'll|i've|we've)\s+(?:would\s+|will\s+|had to\s+|then\s+|first\s+|just\s+|probably\s+|still\s+)?(?:\w+ed|drop|cut|keep|ask|run|use|build|set|start|stop|split|move|talk|write|check|add|focus|pick|skip|make|take|go|tie|show|bring|spent|wrote|ran|made|took|went|built|sat|told|got|gave|put|chose|kept|sent|began|broke|paired|do|did|want|need|try)\b/,
  experience:
    /(\d|\b(i|we|my|our|built|used|worked|led|shipped|deployed|trained|wrote|ran|projects?|years?|months?|production)\b)/,
  timing:
    /(\b(?:19|20)\d\d\b|\b(now|then|by then|when|after|since|once|until|before|this year|last year|years?|months?|timing|the time|the moment|moment|ready|readiness|chang\w*|ended|end of|finished|completed|graduat\w*|left|lost|closed|shift\w*|turning point|chance|opportunit\w*|because)\b)/,
  fit: /\b(want|wanted|looking for|interest\w*|excit\w*|closer|grow\w*|learn\w*|next|here|your|you|this (?:role|team|company|job)|the role|the team|carr(?:y|ies) over|transfer\w*|similar|same|directly|apply|applies|relevant|because)\b/,
  measure:
    /(\d|%|\b(measur\w*|compar\w*|baseline|a\/b|ab test|metric\w*|dashboard|p\d\d|percent|before and after|tracked|tracking|monitor\w*|counted|survey\w*|nps|latency|accuracy|precision|recall|auc|revenue|conversion|churn|tickets?|hours?|minutes?|days?|weeks?)\b)/,
  reasoning:
    /\b(because|since|so that|so we|trade-?offs?|cheaper|faster|simpler|safer|the reason|given|rather than|instead of|over|versus|vs|outweigh\w*|risk|cost|we needed|i needed|couldn't afford|didn't need|enough)\b/,
  outcome:
    /(\d|\b(still|since|later|afterwards?|after that|months?|years?|weeks?|today|now|eventually|ended up|went on|adopted|rolled out|became|stayed|kept|lasted)\b)/,
  people:
    /\b(manager|boss|lead|team|teammates?|stakeholders?|colleagues?|peers?|director|pm|product|engineers?|analysts?|they|he|she|we|agreed|disagreed|convinced|persuaded|explained|asked|talked|told|meeting|1:1|one-on-one)\b/,
  difficulty:
    /\b(hardest|hard|difficult|tough|struggl\w*|challeng\w*|tricky|stuck|unclear|surpris\w*|because|was that|part was|getting|convincing|keeping|making|finding|persuading)\b/,
};

/** Openers that stall instead of answering: "That's a good question", "Um, so, well". */
const STALL =
  /^(?:(?:that's|that is|it's|what) (?:a )?(?:good|great|interesting|tough|fair) question|good question|great question|hmm+|um+|uh+|well|so|let me think|i mean|you know|honestly|to be honest|i guess)\b[\s,.!…-]*/;

/** Self-reference that owns the reply (a hedge "I think" alone does not). */
const OWN = /\b(i|i'd|i'll|i've|i'm|my|me|myself)\b/;
const HEDGE_ONLY = /^\s*(?:i think|i guess|i believe|i feel|i suppose|i mean)\b/;

/** Words a follow-up's topic is carried by, for the fallback "does it talk about that?". */
const STOP = new Set(
  "a an the and or but of to in on at for with about by from as is are was were be been being do did does done you your yours i me my we our us it its this that these those what which who whom whose why how when where would could should will can may might have has had there here then than so if not no any some more most very just also really".split(
    " ",
  ),
);

/** A crude stem: the first five letters ("related" meets "relates", "measured" meets "measuring"). */
const stem = (w: string): string => w.slice(0, 5);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? []).filter((w) => !STOP.has(w) && w.length > 2);
}

const quote = (u: Unit): Quote => ({ index: u.index, quote: u.text });

/** A yes/no follow-up ("Was your PhD related?") is answered by its first word. */
const YES_NO_QUESTION = /^\s*(?:was|were|is|are|did|do|does|have|has|had|would|could|can|will)\b/;
const YES_NO_OPENER =
  /^\s*(?:yes|yeah|yep|no|nope|not (?:really|directly|at all|quite|exactly)|partly|partially|somewhat|directly|indirectly|absolutely|definitely|in a way|in part|a bit|a little|sort of)\b/;

/** Ways of not answering: "hard to say", "I can't really speak to it", "I'd rather not". */
const DODGE =
  /\b(hard to say|difficult to say|can't really (?:say|speak)|cannot really (?:say|speak)|i don't (?:really )?(?:know|remember|recall)|not sure|i'd rather not|rather not get into|no comment|it depends|depends on|there's no single|no right answer|like i said|the usual (?:tools|stuff|things)|whatever(?:'s| is) available|you know how it is)\b/;

/**
 * Fault put on others or circumstances in the shapes a reply takes: "not my call", "they never
 * told us", "outside what I could control", "it wasn't really on us", "the platform team's area".
 */
const SHIFTED =
  /\b(not (?:really )?(?:my|our) (?:call|fault|decision|job|area|problem|responsibility)|wasn't (?:really )?(?:on|up to) (?:me|us)|(?:out(?:side)? (?:of )?(?:what )?(?:i|we) could control|out of (?:my|our) hands|outside (?:my|our) control)|(?:they|he|she|\w+ team) (?:never|didn't|did not) (?:tell|told|give|gave|let|share|announce|fill)|(?:was|were) the \w+(?: \w+)? team's (?:area|job|problem|call|responsibility)|no way (?:we|i) (?:were|was|could)|any (?:team|one|body) would have|if (?:people|they|others) (?:were|had)|with a (?:more|better) [\w-]+ (?:manager|supervisor|lead|team)|because i can only work with|(?:management|product|leadership|the client|my (?:manager|boss|supervisor)) (?:kept (?:changing|adding|pushing)|changed (?:the )?(?:direction|priorities|scope|requirements|plan)|insisted|wanted it out))\b/;

/** Fault words that make a mention of others' part blame rather than a plain account of who did what. */
const FAULT =
  /\b(fault|blame|fail\w*|never|didn't|did not|wouldn't|couldn't|late|delay\w*|problem|issue|wrong|broke\w*|mistake|leak\w*|mess|should have|sloppy|careless|ignored|refused)\b/;

/** Concrete details: figures, number words, names and tools written with capitals. */
const NUMBER_WORD =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|dozen|twice|weekly|daily|monthly|quarterly)\b/;
const NAMED = /(?:^|[^.!?]\s)(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\w*|[A-Z][a-z]{2,})\b/;

/**
 * Judges a reply to a follow-up question by the follow-up rubric.
 * @example judgeFollowUp("What would you do differently?", units, facts).score // 1–5
 */
export function judgeFollowUp(
  question: string,
  units: readonly Unit[],
  facts: {
    words: number;
    /** Why the text is not an answer at all (gibberish, shuffled words, the question read back). */
    notAnAnswer: string | undefined;
    specifics: number;
    figures: number;
    hedges: number;
    blame: boolean;
    blameEvidence: readonly Quote[];
    seconds: number;
    budget: { min: number; max: number };
  },
): FollowUpJudgement {
  const kind = followUpKind(question);
  const q = question.toLowerCase().replace(/[’‘]/g, "'");
  const checks: FollowUpCheck[] = [];
  const reasons: string[] = [];
  // Too short for a story is not too short for a reply ("Smaller PRs, mostly.").
  const gibberish = facts.notAnAnswer !== undefined && !facts.notAnAnswer.startsWith("too short");
  const empty = facts.words < 2;
  const first = units[0];

  // Does it answer what was asked? The kind's cues; a yes/no question's first word; else the
  // follow-up's own topic words. "X over Y?" must be answered about X or Y.
  const topic = new Set(contentWords(question).map(stem));
  const about = (u: Unit): boolean => contentWords(u.text).some((w) => topic.has(stem(w)));
  const cued = (u: Unit): boolean =>
    kind === "other"
      ? about(u)
      : RESPONSIVE[kind].test(u.norm) || (kind === "experience" && NAMED.test(` ${u.text}`));
  let responsive = units.filter(cued);
  if (YES_NO_QUESTION.test(q) && first !== undefined && YES_NO_OPENER.test(first.norm)) {
    responsive = [first, ...responsive.filter((u) => u !== first)];
  }
  if (
    kind === "difficulty" &&
    first !== undefined &&
    !STALL.test(first.norm.trim()) &&
    !responsive.includes(first)
  )
    responsive = [first, ...responsive];
  if (kind === "reasoning" && /\b(over|instead of|rather than|versus|vs\.?)\b/.test(q) && !units.some(about))
    responsive = [];
  const dodging = units.some((u) => DODGE.test(u.norm));
  const concreteUnits = units.filter(
    (u) => /\d/.test(u.text) || NUMBER_WORD.test(u.norm) || NAMED.test(` ${u.text}`),
  );
  const concrete = facts.specifics + facts.figures + concreteUnits.length;
  const dodged = dodging && concreteUnits.length === 0;
  const answers = !gibberish && !empty && !dodged && responsive.length > 0;
  checks.push({
    id: "answers",
    met: answers,
    note: gibberish
      ? `not an answer: ${facts.notAnAnswer}`
      : empty
        ? `too short to answer (${facts.words} word${facts.words === 1 ? "" : "s"})`
        : dodged
          ? "sidesteps the question"
          : kind === "other"
            ? answers
              ? "replies to what was asked"
              : "does not reply to what was asked"
            : answers
              ? `says ${ASKS[kind]}`
              : `does not say ${ASKS[kind]}`,
    evidence: responsive.slice(0, 2).map(quote),
  });

  // Does it say so at once? The answer in the first sentence, or right after a brief lead-in.
  const stalls = first !== undefined && STALL.test(first.norm.trim());
  const firstAnswers = first !== undefined && responsive.includes(first) && !stalls;
  const second = units[1];
  const direct =
    answers &&
    (firstAnswers || (second !== undefined && responsive.includes(second) && (first?.words ?? 0) <= 6));
  checks.push({
    id: "direct",
    met: direct,
    note: direct
      ? "the answer comes first"
      : stalls
        ? "opens by stalling; start with the answer"
        : "the answer comes late; lead with it",
    evidence: first === undefined ? [] : [quote(first)],
  });

  const specific = answers && concrete > 0;
  checks.push({
    id: "specific",
    met: specific,
    note: specific
      ? `${concrete} concrete detail${concrete === 1 ? "" : "s"} (a name, tool, figure or step)`
      : "only general words: name the step, tool, person or figure",
    evidence: concreteUnits.slice(0, 2).map(quote),
  });

  const owning = units.filter((u) => OWN.test(u.norm) && !HEDGE_ONLY.test(u.norm));
  const owned = owning.length > 0;
  checks.push({
    id: "owned",
    met: owned,
    note: owned ? "says what you did or would do" : 'say what you did or would do ("I…")',
    evidence: owning.slice(0, 2).map(quote),
  });

  // The lens's blame, when the sentence finds fault (saying whose part was whose is an answer to
  // "what was your part", not blame), and the shapes fault takes in a reply.
  const faulted = facts.blame ? facts.blameEvidence.filter((e) => FAULT.test(e.quote.toLowerCase())) : [];
  const shifted = units.filter((u) => SHIFTED.test(u.norm));
  const blamed = [...faulted, ...shifted.map(quote)];
  const blame = blamed.length > 0;
  checks.push({
    id: "blame-free",
    met: !blame,
    note: blame ? "puts the fault on others or circumstances" : "no blame",
    evidence: blamed.slice(0, 2),
  });

  const { min, max } = facts.budget;
  // Durations as the app says them everywhere ("45 s", "1 min 30 s"): the timing card beside it does.
  const span = `${formatDuration(min)}–${formatDuration(max)}`;
  const long = facts.seconds > max * 1.1;
  const inBudget = !long && facts.words >= 8;
  checks.push({
    id: "length",
    met: inBudget,
    // A short reply that answers is fine; "a follow-up takes 27–45 s" under a "Yes" read as a
    // contradiction of the timing card's "short", so a short one says it may be.
    note: long
      ? `about ${formatDuration(facts.seconds)} spoken; a follow-up takes ${span}`
      : inBudget && facts.seconds < min
        ? `about ${formatDuration(facts.seconds)} spoken: short, which a follow-up may be (up to ${formatDuration(max)})`
        : inBudget
          ? `about ${formatDuration(facts.seconds)} spoken, within the ${span} of a follow-up`
          : `about ${formatDuration(facts.seconds)} spoken: too short to answer it (a follow-up takes ${span})`,
    evidence: [],
  });

  let score: number;
  if (gibberish || empty) {
    score = 1;
    reasons.push(gibberish ? `not an answer: ${facts.notAnAnswer}` : "too short to answer the follow-up");
  } else if (!answers) {
    score = responsive.length === 0 && concrete === 0 && !owned ? 1 : 2;
    reasons.push(
      dodged
        ? "sidesteps the question"
        : kind === "other"
          ? "does not reply to what was asked"
          : `does not say ${ASKS[kind]}`,
    );
  } else {
    // Three qualities on top of answering: concrete, at once, in your own name.
    const points = (specific ? 1 : 0) + (direct ? 1 : 0) + (owned ? 1 : 0);
    score = points === 3 ? 5 : points === 2 ? 4 : 3;
    if (!specific) reasons.push("general: no concrete step, tool, person or figure");
    if (!direct) reasons.push(stalls ? "opens by stalling" : "the answer comes late");
    if (!owned) reasons.push("does not say what you did or would do");
    if (!specific && facts.hedges >= 2) {
      score = 2;
      reasons.push("hedged throughout");
    }
    if (long) {
      score -= 1;
      reasons.push(`long for a follow-up (about ${formatDuration(facts.seconds)})`);
    } else if (facts.words < 8 && score > 3) {
      score = 3;
      reasons.push("very short: add the one detail that backs it");
    }
  }
  if (blame) {
    score = Math.min(score, 2);
    reasons.unshift("puts the fault on others or circumstances");
  }
  if (reasons.length === 0) reasons.push("answers the follow-up at once, concretely and in your own name");
  return {
    kind,
    checks,
    score: Math.max(1, Math.min(5, score)) as FollowUpJudgement["score"],
    reasons,
    asks: ASKS[kind],
    blame,
    ...(gibberish && facts.notAnAnswer !== undefined ? { notAnAnswer: facts.notAnAnswer } : {}),
  };
}

/** What each kind of follow-up asks for, for the note when a reply misses it. */
const ASKS: Record<FollowUpKind, string> = {
  experience: "where you have done it: the project, the tools, what you built",
  fit: "why this role, and how your experience carries over",
  timing: "why now: what changed, and why this is the moment",
  approach: "what you did or would do, step by step",
  reflection: "what you would do differently or now do",
  part: "what you yourself did",
  measure: "how it was measured (a metric, a comparison or a figure)",
  reasoning: "why: the reason or the trade-off",
  outcome: "what happened afterwards",
  people: "how the people involved took it",
  difficulty: "what was hard and why",
  other: "the answer to what was asked",
};
