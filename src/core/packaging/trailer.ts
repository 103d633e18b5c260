import { DEFAULT_WPM } from "../analysis/index.ts";
import { ROLE_IDS, type RoleId } from "../model.ts";
import { tellsTrouble } from "./acts.ts";
import { tagStoryParts } from "./compose.ts";
import { TOOL_TERMS } from "./data/tools.ts";
import { findRoleTerms } from "./role-terms.ts";
import { type Story, type StoryField, type StorySentence, storySentences } from "./story.ts";
import {
  contentTokens,
  countWords,
  hasBlank,
  hasFigure,
  joinSentences,
  measuresInWords,
  sayNote,
  speakingSeconds,
  splitSentences,
  stripMarkup,
  withoutBlanks,
} from "./text.ts";

/** The candidate's profile as packaging uses it (PRODUCT.md, "Profile"), with their own material. */
export interface Profile {
  name?: string;
  /** A role id ("ml-engineer") or a title ("ML Engineer"). */
  targetRole?: string;
  /** Background facts, one per entry ("PhD in Applied Math", "3 years DevOps"). */
  background?: string[];
  /** Why this move, why now, in the user's words. */
  goals?: string[];
  targetCompanies?: string[];
  wordsPerMinute?: number;
  /**
   * The user's own "tell me about yourself" answer, sentence by sentence in its order: the
   * thread the trailer follows.
   */
  thread?: string[];
  /** What the user answered to "why now?" / "why this move?" (prepared answers), in their words. */
  motivation?: string[];
}

export const TRAILER_BEATS = ["foundation", "projects", "production", "now"] as const;
/** The lengths a trailer comes in, in seconds: a one-minute pitch up to two and a half. */
export const TRAILER_SECONDS = [60, 90, 120, 150] as const;
export type TrailerSeconds = (typeof TRAILER_SECONDS)[number];
export type TrailerBeat = (typeof TRAILER_BEATS)[number];

export type TrailerOrigin =
  | { from: "profile"; field: "background" | "goals" | "thread" | "motivation"; index: number }
  /** A story of the bank, named by its title so the user can tell which one. */
  | { from: "story"; storyId: string; title: string; field: StoryField; index: number; sentence: number }
  /** A STAR answer of the bank not (yet) made into a story, read as one. */
  | { from: "answer"; itemId: string; question: string; field: StoryField; index: number; sentence: number }
  | { from: "template"; blanks: string[] };

export interface TrailerLine {
  text: string;
  origin: TrailerOrigin;
}

export interface Trailer {
  seconds: TrailerSeconds;
  beats: Array<{ beat: TrailerBeat; lines: TrailerLine[] }>;
  text: string;
  words: number;
  estimatedSeconds: number;
  blanks: string[];
  /**
   * When the user's own material fills well under the time asked (150 s from a short about-me
   * answer): why the trailer is shorter, and what to write for which beat to use the time.
   */
  short?: { reason: string; add: Array<{ beat: TrailerBeat; what: string }> };
  /**
   * When the user has no "tell me about yourself" answer: the trailer is not told in their own
   * arc (the beats come from one story and the why-now answer), why, and what to write.
   */
  thin?: { reason: string; write: string };
}

// Share of the spoken time per beat: the projects carry the trailer.
const SHARE: Record<TrailerBeat, number> = { foundation: 0.2, projects: 0.35, production: 0.25, now: 0.2 };

const BLANK: Record<TrailerBeat, string> = {
  foundation: "[your foundation: degree or field, and years of experience]",
  projects: "[one or two projects that show the role's core skills]",
  production: "[what did you ship, for whom, and how did it run?]",
  now: "[why this role, why now?]",
};

// What to write when a beat's own thread runs out before its share of the time.
const MORE: Record<TrailerBeat, string> = {
  foundation:
    "more about your foundation in your about-me answer: what you studied or did, for how long, and what it trained you to do",
  projects:
    "a project in your about-me answer, or a story of one: what you built, with what, and what it did",
  production:
    "what ran in production, in your about-me answer or a story: who used it, at what scale, how you kept it running",
  now: "more to your answer to “why now?”: what you want to do next, and in what kind of team",
};
// What to write when a one-minute beat's one sentence is short (one sentence a beat by design).
const ONE_SENTENCE: Record<TrailerBeat, string> = {
  foundation:
    "one fuller sentence on your foundation in your about-me answer: what you studied or did, for how long, and what it trained you to do",
  projects: "one fuller sentence on a project: what you built, with what, and what it did",
  production: "one fuller sentence on what ran in production: who used it, at what scale",
  now: "one fuller sentence on why now: what you want to do next, and in what kind of team",
};
// Below this share of the time asked, a longer trailer says why and what to add.
const FILLED = 2 / 3;

// What each beat says, in the words people use for it. Written by us from the about-me answers
// of our sample document and of eval/corpus.
const CUE: Record<TrailerBeat, RegExp> = {
  foundation:
    /\b(?:ph\.?d|doctorate|degree|master'?s|bachelor'?s|m\.?sc|b\.?sc|studied|graduated|trained as|background in|foundation in|(?:\w+ )?years? (?:as|of|in)|i'?m (?:a|an) \w+ (?:by training|engineer|scientist|physicist|mathematician|developer))\b/i,
  projects:
    /\b(?:built|build|building|projects?|hands-on|developed|created|designed|trained|implemented|prototyped|fine-tuned)\b/i,
  production:
    /\b(?:production|deploy(?:ed|ing|ments?)?|shipped|launched|released|users|customers|monitoring|reliab\w*|uptime|latency|at scale|end-to-end|automated|automation|in prod|runs every|still runs)\b/i,
  now: /\b(?:now|next|i want|want to|i'?d like to|looking (?:for|to)|excited to|ready to|bring|hoping to|opportunity)\b/i,
};
// The speaker as the one who put something into use ("I deployed", "I then built").
const SHIPPED_BY_ME =
  /\bI\s+(?:\w+\s+){0,2}?(?:deployed|shipped|launched|built|automated|released|migrated|served|rolled out|put)\b/i;
// A sentence that opens by pointing at what came before ("This resulted in…", "It helped…",
// "After that, latency dropped…"): said on its own, it points at nothing.
const POINTS_BACK =
  /^(?:(?:this|that|these|those|it|which)\b(?!\s+(?:is|was)\s+(?:a|an|the|my)\b)|(?:after|because of|thanks to|following) (?:that|this|these|those|it|the (?:fix|change|changes|migration|rollback))\b|as a result\b|(?:then|so|thus|hence),)/i;
// What came of a deed, said in the same sentence: a figure, an outcome in measuring words, or
// what the thing did for whom ("…, enabling reproducible model deployments", "that the planners
// used every morning", "still runs every night").
const OUTCOME =
  /\b(?:enabling|so that|which (?:let|cut|made|meant|means|kept)|resulting in|still (?:runs|serves|used)|(?:used|relied on) (?:it )?(?:by|every)|every (?:day|night|week|morning)|in production for)\b/i;
// One item of a list of names: a capitalised or camel-cased name of at most three words
// ("GitHub Actions", "CodeBuild", "FluxCD"), or a tool the lexicon knows ("scikit-learn").
const TOOL_WORDS = new Set(TOOL_TERMS.flatMap((t) => t.terms));
const isName = (item: string) => {
  const words = item.trim().split(/\s+/);
  return (
    words.length > 0 &&
    words.length <= 3 &&
    (TOOL_WORDS.has(item.trim().toLowerCase()) ||
      words.every((w) => /^(?:[A-Z]|[a-z]+[A-Z])[\w.+#/-]*$/.test(w)))
  );
};

/**
 * The longest run of names a sentence lists one after another, joined by commas, slashes or
 * "and" ("GitHub Actions, CodeBuild, Helm, and FluxCD" → 4): a tool list, not a deed.
 * @example listedNames("I built a CI/CD pipeline using GitHub Actions, CodeBuild, Helm, and FluxCD.") // 4
 */
export function listedNames(sentence: string): number {
  const items = sentence
    .replace(/[.!?]+$/, "")
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s*\/\s*|\s+(?:and|or)\s+|\s+(?:using|with|like|including)\s+/);
  // The list's first and last names share their item with the words around the list ("I added
  // Prometheus", "Jaeger to monitor latency").
  const opensWithName = (item: string) => isName(item.trim().split(/\s+/)[0] ?? "");
  const endsWithName = (item: string) => isName(item.trim().split(/\s+/).at(-1) ?? "");
  let best = 0;
  let run = 0;
  for (const item of items) {
    if (isName(item)) {
      run += 1;
      best = Math.max(best, run);
      continue;
    }
    if (run > 0 && opensWithName(item)) best = Math.max(best, run + 1);
    run = endsWithName(item) ? 1 : 0;
  }
  return best;
}

// How a thing ran, once put into use.
const RAN = /\b(?:serv(?:es|ed|ing)|runs|ran|used by|relied on)\b/i;
// A plan or a goal rather than what ran.
const INTENT =
  /\b(?:my goal|the goal|our goal|aim(?:ed)? (?:was )?to|wanted to|was to|in order to ensure)\b/i;
// A line about what the user learned or values ("…lifelong learning"), not "machine learning".
const LESSON_LINE =
  /\b(?:lessons?|taught me|reminded me|I (?:have |had )?learn(?:ed|t)|understanding of|lifelong learning)\b/i;
const LEARNED = /\b(?:understanding|learn\w*|taught me|reminded me|lesson)\b/i;
// A certification is a fact about the past, not why this move now.
const CERTIFICATION = /\bcertifi\w*/i;

/**
 * Whether a sentence is about a certification: a fact about the past, never the reason for
 * a move now (the trailer's "now" beat and the why-company scaffold both leave it out).
 * @example isCertification("I'm now certified in DevOps on AWS.") // true
 */
export function isCertification(text: string): boolean {
  return CERTIFICATION.test(text);
}
const PLEASANTRY =
  /^(?:thanks?|thank you|hi|hello|good (?:morning|afternoon|evening)|sure|great question)\b[^.!?]{0,40}[.!?]$/i;

function roleOf(target: string | undefined): RoleId | undefined {
  if (target === undefined) return undefined;
  const id = target.toLowerCase().trim().replace(/\s+/g, "-");
  if ((ROLE_IDS as readonly string[]).includes(id)) return id as RoleId;
  if (/\bml\b|machine learning/i.test(target)) return /ops/i.test(target) ? "mlops-engineer" : "ml-engineer";
  if (/data scien/i.test(target)) return "data-scientist";
  if (/research/i.test(target)) return "research-scientist";
  if (/software|backend|frontend|developer/i.test(target)) return "software-engineer";
  return undefined;
}

// Two profile lines from the same entry (one answer, one background fact).
function sameOrigin(a: TrailerLine, b: TrailerLine): boolean {
  return (
    a.origin.from === "profile" &&
    b.origin.from === "profile" &&
    a.origin.field === b.origin.field &&
    a.origin.index === b.origin.index
  );
}

// "foundation", "foundation and now", "foundation, production and now".
function listOf(beats: readonly TrailerBeat[]): string {
  return beats.length < 2 ? (beats[0] ?? "") : `${beats.slice(0, -1).join(", ")} and ${beats.at(-1)}`;
}

/**
 * Whether a sentence says what a beat says. A certification is a fact about the past: it never
 * fills the projects (what the user built) nor "now" (why this move).
 */
function fits(beat: TrailerBeat, text: string): boolean {
  return CUE[beat].test(text) && !((beat === "now" || beat === "projects") && isCertification(text));
}

/**
 * Builds the "tell me about yourself" trailer in four beats — foundation → projects →
 * production → now — each a sentence the user wrote. It follows one thread: the user's own
 * about-me answer in its order, a beat taking the next sentence that says what the beat says;
 * a beat the thread does not cover comes from the stories (the projects, what ran in
 * production) — the user's stories first, then the STAR answers not made into stories
 * (`answers`) — and "now" from what the user answered to "why now?". A beat with nothing to say
 * becomes a visible blank.
 * @example buildTrailer({ background: ["PhD in Applied Math."] }, stories, { seconds: 60 }).beats[0].lines[0].text
 * // "PhD in Applied Math."
 */
export function buildTrailer(
  profile: Profile,
  stories: readonly Story[],
  options: { seconds: TrailerSeconds },
  answers: ReadonlyArray<{ itemId: string; question: string; story: Story }> = [],
): Trailer {
  const wpm = profile.wordsPerMinute && profile.wordsPerMinute > 0 ? profile.wordsPerMinute : DEFAULT_WPM;
  const totalWords = (options.seconds * wpm) / 60;
  const role = roleOf(profile.targetRole);
  const relevance = (text: string) => {
    if (role === undefined) return 0;
    const terms = findRoleTerms(text, role);
    return terms.core.length - 0.5 * terms.adjacent.length;
  };
  const linesOf = (field: "background" | "goals" | "thread" | "motivation"): TrailerLine[] =>
    (profile[field] ?? []).flatMap((entry, index) =>
      splitSentences(stripMarkup(entry))
        .filter((s) => !PLEASANTRY.test(s.text))
        .map((s): TrailerLine => ({ text: s.text, origin: { from: "profile", field, index } })),
    );

  // The thread: the about-me answer as told, else the profile's background then its goals.
  const told = linesOf("thread");
  const thread = told.length > 0 ? told : [...linesOf("background"), ...linesOf("goals")];
  const picked: Record<TrailerBeat, TrailerLine[]> = {
    foundation: [],
    projects: [],
    production: [],
    now: [],
  };
  const used = new Set<string>();
  // What follows a picked line in its own source (the rest of its answer, the rest of its story):
  // the only place a longer trailer may take more of a beat from, so each beat stays one thread.
  const rest: Record<TrailerBeat, TrailerLine[]> = { foundation: [], projects: [], production: [], now: [] };
  const take = (beat: TrailerBeat, line: TrailerLine, following: TrailerLine[] = []) => {
    picked[beat].push(line);
    used.add(line.text);
    rest[beat] = following;
  };
  const restOf = (lines: readonly TrailerLine[], line: TrailerLine, sameEntry: boolean) =>
    lines.slice(lines.indexOf(line) + 1).filter((next) => !sameEntry || sameOrigin(next, line));

  // Each beat takes the next sentence of the thread that says what it says; the thread never
  // goes back, so the trailer tells the path in the order the user told it.
  let at = -1;
  for (const beat of TRAILER_BEATS) {
    if (beat === "now") continue;
    const found = thread.findIndex((line, i) => i > at && !used.has(line.text) && fits(beat, line.text));
    if (found < 0) continue;
    const line = thread[found] as TrailerLine;
    take(beat, line, restOf(thread, line, told.length === 0));
    at = found;
  }
  // A thread with no cue at all (a bare list of facts) still opens the trailer.
  if (picked.foundation.length === 0 && thread[0] && !fits("now", thread[0].text) && at < 0)
    take("foundation", thread[0], restOf(thread, thread[0], told.length === 0));

  // "Now" is why this move, now: the user's why-now answers first, else the thread's own close.
  const nowFrom = [...linesOf("motivation"), ...thread.slice(at + 1), ...linesOf("goals")];
  const now = nowFrom.find((line) => !used.has(line.text) && fits("now", line.text));
  if (now) take("now", now, restOf(nowFrom, now, true));

  // Beats the thread leaves open come from the stories: most role-relevant first.
  const sources = [
    ...stories.map((story) => ({ story, answer: undefined })),
    ...answers.map((answer) => ({ story: answer.story, answer })),
  ];
  const ranked = sources
    .map(({ story, answer }, position) => {
      const sentences = storySentences(story)
        .filter((s) => !hasBlank(s.text))
        .map((s) => ({ ...s, text: stripMarkup(s.text), relevance: relevance(s.text) }));
      const total = sentences.reduce((sum, s) => sum + Math.max(0, s.relevance), 0);
      return { story, answer, sentences, total, position };
    })
    .sort((a, b) => b.total - a.total || a.position - b.position);
  const fromStory = ({ story, answer }: (typeof ranked)[number], s: StorySentence): TrailerLine => ({
    text: s.text,
    origin: answer
      ? {
          from: "answer",
          itemId: answer.itemId,
          question: answer.question,
          field: s.field,
          index: s.index,
          sentence: s.sentence,
        }
      : {
          from: "story",
          storyId: story.id,
          title: story.title,
          field: s.field,
          index: s.index,
          sentence: s.sentence,
        },
  });
  // The sentences after `s` in its story up to its result: a lesson is no part of a trailer beat.
  const after = (source: (typeof ranked)[number], s: StorySentence): TrailerLine[] =>
    source.sentences
      .slice(source.sentences.indexOf(s as (typeof source.sentences)[number]) + 1)
      .filter((next) => next.field !== "lesson")
      .map((next) => fromStory(source, next));
  type Source = (typeof ranked)[number];
  // The line a story tells its project with: most role-relevant first, then one that says what
  // was built, an action before a situation, and a line that says what ran in production last
  // (the production beat wants it more).
  const projectLine = (source: Source) =>
    source.sentences
      .filter((s) => (s.part === "action" || s.part === "situation") && !used.has(s.text))
      .map((s, order) => ({
        s,
        order,
        rank:
          (fits("projects", s.text) ? 0 : 1) +
          (s.part === "action" ? 0 : 2) +
          (fits("production", s.text) ? 1 : 0),
      }))
      .sort((a, b) => b.s.relevance - a.s.relevance || a.rank - b.rank || a.order - b.order)[0]?.s;
  // What shipped and how it ran, told as the story's result (as the lens's tagger reads it),
  // close to what the trailer already says: the candidate lines from `from` on, each with a score.
  const productionLines = (source: Source, from: number) => {
    const said = new Set(contentTokens([...used].join(" ")));
    const { sentences } = source;
    const parts = tagStoryParts(sentences.map((s) => s.text));
    return sentences.flatMap((s, i) => {
      if (i < from || used.has(s.text) || !(fits("production", s.text) || hasFigure(s.text))) return [];
      const hits = Math.min(2, s.text.match(new RegExp(CUE.production.source, "gi"))?.length ?? 0);
      const shared = Math.min(4, contentTokens(s.text).filter((t) => said.has(t)).length);
      // What the user learned is a lesson, not what ran in production.
      const lesson = LEARNED.test(s.text) ? 2 : 0;
      // Said on its own, a line must stand alone and say what the speaker put into use: "I
      // deployed…" does; "This resulted in…" points at a sentence the trailer does not say, and
      // "My goal was…" is a plan, not what ran. A deed with what came of it says most; a list of
      // tools (three names or more in a row) says what was used, not what ran.
      const deed = SHIPPED_BY_ME.test(s.text);
      const outcome = hasFigure(s.text) || measuresInWords(s.text) || OUTCOME.test(s.text);
      const names = listedNames(s.text);
      const score =
        hits +
        (parts[i] === "result" ? 1 : 0) +
        (hasFigure(s.text) ? 1 : 0) +
        (deed ? 1 : 0) +
        (deed && outcome ? 1 : 0) -
        (names >= 3 ? 1 + 0.5 * (names - 3) + (deed ? 0 : 1) : 0) +
        0.25 * shared +
        s.relevance -
        lesson -
        (POINTS_BACK.test(s.text) ? 2.5 : 0) -
        (INTENT.test(s.text) ? 1 : 0);
      return [{ s, score }];
    });
  };
  const bestOf = <T extends { score: number }>(list: readonly T[]): T | undefined =>
    list.reduce<T | undefined>(
      (best, next) => (best === undefined || next.score > best.score ? next : best),
      undefined,
    );

  // Beats the thread leaves open come from ONE story (the lead): its project, then what of it
  // ran in production, in its order. A trailer strung from a line of each story says no one
  // thing. The lead is the story that can tell both, most role-relevant first.
  let lead: { source: Source; at: number } | undefined;
  if (picked.projects.length === 0) {
    const leads = ranked.flatMap((source) => {
      const s = projectLine(source);
      if (s === undefined) return [];
      const at = source.sentences.indexOf(s as Source["sentences"][number]);
      // The better its own production line (one that stands alone, says what ran), the better a lead.
      const ships = Math.max(0, bestOf(productionLines(source, at + 1))?.score ?? 0);
      return [{ source, s, at, score: source.total + (fits("projects", s.text) ? 2 : 0) + ships }];
    });
    const best = bestOf(leads);
    if (best) {
      take("projects", fromStory(best.source, best.s), after(best.source, best.s));
      lead = { source: best.source, at: best.at };
    }
  }
  if (picked.production.length === 0) {
    // One line, from one story: the lead's own, after its project line (a lead that never says
    // what ran leaves the beat blank rather than borrow another story's); with no lead (the
    // thread told the projects), the story closest to what the trailer already says.
    const candidates = (lead ? [lead.source] : ranked).flatMap((source) =>
      productionLines(source, source === lead?.source ? lead.at + 1 : 0).map((p) => ({ ...p, source })),
    );
    const best = bestOf(candidates);
    if (best) take("production", fromStory(best.source, best.s), after(best.source, best.s));
  }
  // A longer trailer tells more of each beat's own thread: the sentences that follow its line in
  // the same answer or story, in order, while the beat's share of the time allows, and until one
  // says what a later beat says (a why-now line is not more of the projects).
  if (options.seconds > 60) {
    TRAILER_BEATS.forEach((beat, b) => {
      const limit = totalWords * SHARE[beat];
      let words = picked[beat].reduce((sum, line) => sum + countWords(line.text), 0);
      for (const next of rest[beat]) {
        const count = countWords(next.text);
        if (
          picked[beat].length === 0 ||
          used.has(next.text) ||
          PLEASANTRY.test(next.text) ||
          // What the user learned is a lesson, not more of the beat.
          LESSON_LINE.test(next.text) ||
          // A certification is neither what the user built nor why they move now.
          ((beat === "projects" || beat === "now") && isCertification(next.text)) ||
          // What went wrong belongs to the mistake story, not to the trailer; and more of what ran
          // in production says how it ran ("It served requests…", "now serves every search"), not
          // how a story goes on ("Everything looked great during initial testing.").
          tellsTrouble(next.text) ||
          (beat === "production" &&
            !(fits("production", next.text) || hasFigure(next.text) || RAN.test(next.text))) ||
          words + count > limit ||
          TRAILER_BEATS.slice(b + 1).some(
            // "Now" comes from what the user says of the move, never a story ("it now serves…").
            (later) => !(later === "now" && next.origin.from !== "profile") && fits(later, next.text),
          )
        )
          break;
        picked[beat].push(next);
        used.add(next.text);
        words += count;
      }
    });
  }

  const fitBeat = (beat: TrailerBeat): TrailerLine[] => {
    const limit = totalWords * SHARE[beat];
    const out: TrailerLine[] = [];
    let words = 0;
    for (const chosen of picked[beat]) {
      // Said aloud: an outline's "Now → …" is its words without the label and arrow.
      const line = { ...chosen, text: sayNote(chosen.text) };
      const count = countWords(line.text);
      if (out.length > 0 && words + count > limit) continue;
      out.push(line);
      words += count;
    }
    return out.length > 0
      ? out
      : [{ text: BLANK[beat], origin: { from: "template", blanks: [BLANK[beat]] } }];
  };
  const beats = TRAILER_BEATS.map((beat) => ({ beat, lines: fitBeat(beat) }));
  const text = beats.map((b) => joinSentences(b.lines.map((l) => l.text))).join("\n");
  // Time is what can be said: a blank is not words.
  const words = countWords(withoutBlanks(text));
  const trailer: Trailer = {
    seconds: options.seconds,
    beats,
    text,
    words,
    estimatedSeconds: speakingSeconds(words, wpm),
    blanks: beats.flatMap((b) =>
      b.lines.flatMap((l) => (l.origin.from === "template" ? l.origin.blanks : [])),
    ),
  };
  if (told.length === 0) {
    const open = beats.filter((b) => b.lines[0]?.origin.from === "template").map((b) => b.beat);
    const storied = beats
      .filter((b) => b.lines.some((l) => l.origin.from === "story" || l.origin.from === "answer"))
      .map((b) => b.beat);
    const parts = [
      ...(storied.length > 0
        ? [`${listOf(storied)} ${storied.length === 1 ? "comes" : "come"} from a single story of yours`]
        : []),
      ...(open.length > 0 ? [`${listOf(open)} ${open.length === 1 ? "is" : "are"} blank`] : []),
    ];
    trailer.thin = {
      reason: `You have no “tell me about yourself” answer, so this trailer cannot follow your own arc${
        parts.length > 0 ? `: ${parts.join(", and ")}` : ""
      }.`,
      write:
        "Write a “tell me about yourself” answer that goes from your foundation through your projects and what ran in production to why now: the trailer follows it, in your order.",
    };
  }
  // Whatever the length asked, a one-minute pitch included: material that fills well under it is
  // said to be short, and what to add for which beat.
  if (words < FILLED * totalWords) {
    // The beats well short of their share of the time, in their order (else the shortest one).
    const filled = beats.map(({ beat, lines }) => ({
      beat,
      share: countWords(withoutBlanks(lines.map((l) => l.text).join(" "))) / (totalWords * SHARE[beat]),
    }));
    const add = filled.filter((f) => f.share < FILLED);
    const toAdd = add.length > 0 ? add : [...filled].sort((a, b) => a.share - b.share).slice(0, 1);
    if (options.seconds > 60) {
      trailer.short = {
        reason:
          "Each beat says only what one answer or story of yours says about it, and derisk adds no words of its own: your material runs out first.",
        add: toAdd.map(({ beat }) => ({ beat, what: MORE[beat] })),
      };
    } else {
      // One minute is one sentence a beat by design, however much material follows it: what is
      // short is those sentences (or a beat with none), and a longer trailer tells more of each.
      const open = beats.filter((b) => b.lines[0]?.origin.from === "template").map((b) => b.beat);
      const more = TRAILER_BEATS.some((beat) => rest[beat].some((line) => !used.has(line.text)));
      trailer.short = {
        reason: `A one-minute trailer says one sentence of yours per beat, and derisk adds no words of its own: ${
          open.length > 0
            ? `${listOf(open)} ${open.length === 1 ? "has" : "have"} no sentence of yours yet`
            : "the sentences it found are short"
        }${more ? "; a longer trailer (90 seconds or more) says more of each beat from what follows them" : ""}.`,
        add: toAdd.map(({ beat }) => ({
          beat,
          what: open.includes(beat) ? MORE[beat] : ONE_SENTENCE[beat],
        })),
      };
    }
  }
  return trailer;
}
