import { DEFAULT_WPM } from "../analysis/index.ts";
import { ROLE_IDS, type RoleId } from "../model.ts";
import { findRoleTerms } from "./role-terms.ts";
import { type Story, type StoryField, storySentences } from "./story.ts";
import { countWords, hasFigure, speakingSeconds, splitSentences } from "./text.ts";

/** The candidate's profile as packaging uses it (PRODUCT.md, "Profile"). */
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
}

export const TRAILER_BEATS = ["foundation", "projects", "production", "now"] as const;
export type TrailerBeat = (typeof TRAILER_BEATS)[number];

export type TrailerOrigin =
  | { from: "profile"; field: "background" | "goals"; index: number }
  | { from: "story"; storyId: string; field: StoryField; index: number; sentence: number }
  | { from: "template"; blanks: string[] };

export interface TrailerLine {
  text: string;
  origin: TrailerOrigin;
}

export interface Trailer {
  seconds: 60 | 150;
  beats: Array<{ beat: TrailerBeat; lines: TrailerLine[] }>;
  text: string;
  words: number;
  estimatedSeconds: number;
  blanks: string[];
}

// Share of the spoken time per beat: the projects carry the trailer.
const SHARE: Record<TrailerBeat, number> = { foundation: 0.2, projects: 0.35, production: 0.25, now: 0.2 };

const BLANK: Record<TrailerBeat, string> = {
  foundation: "[your foundation: degree or field, and years of experience]",
  projects: "[one or two projects that show the role's core skills]",
  production: "[what did you ship, for whom, and how did it run?]",
  now: "[why this role, why now?]",
};

const PRODUCTION_CUE =
  /\b(?:production|deployed|deploy|shipped|launched|released|users|customers|monitoring|reliab|uptime|latency|at scale|end-to-end|automated|automation|in prod)\w*/i;
const NOW_CUE = /\b(?:now|next|want to|looking (?:for|to)|excited|ready to|bring)\b/i;

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

/**
 * Builds the "tell me about yourself" trailer in four beats — foundation → projects →
 * production focus → now — from the profile's and the stories' own sentences; a beat with
 * nothing to say becomes a visible blank.
 * @example buildTrailer({ background: ["PhD in Applied Math."] }, stories, { seconds: 60 }).beats[0].lines[0].text
 * // "PhD in Applied Math."
 */
export function buildTrailer(
  profile: Profile,
  stories: readonly Story[],
  options: { seconds: 60 | 150 },
): Trailer {
  const wpm = profile.wordsPerMinute && profile.wordsPerMinute > 0 ? profile.wordsPerMinute : DEFAULT_WPM;
  const totalWords = (options.seconds * wpm) / 60;
  const role = roleOf(profile.targetRole);
  const relevance = (text: string) => {
    if (role === undefined) return 0;
    const terms = findRoleTerms(text, role);
    return terms.core.length - 0.5 * terms.adjacent.length;
  };
  const fitBeat = (beat: TrailerBeat, lines: TrailerLine[]): TrailerLine[] => {
    const limit = totalWords * SHARE[beat];
    const out: TrailerLine[] = [];
    let used = 0;
    for (const line of lines) {
      const words = countWords(line.text);
      if (out.length > 0 && used + words > limit) continue;
      out.push(line);
      used += words;
    }
    return out.length > 0
      ? out
      : [{ text: BLANK[beat], origin: { from: "template", blanks: [BLANK[beat]] } }];
  };
  const profileLines = (field: "background" | "goals", filter?: RegExp) =>
    (profile[field] ?? []).flatMap((entry, index) =>
      splitSentences(entry)
        .filter((s) => filter === undefined || filter.test(s.text))
        .map((s): TrailerLine => ({ text: s.text, origin: { from: "profile", field, index } })),
    );

  const background = profileLines("background");
  const goals = profileLines("goals");
  const nowLines = goals.length > 0 ? goals : profileLines("background", NOW_CUE).slice(-1);
  const foundation = background.filter((line) => !nowLines.some((n) => n.text === line.text));

  // Projects: the best action of each of the most role-relevant stories.
  const ranked = stories
    .map((story, position) => {
      const sentences = storySentences(story).map((s) => ({ ...s, relevance: relevance(s.text) }));
      const total = sentences.reduce((sum, s) => sum + Math.max(0, s.relevance), 0);
      return { story, sentences, total, position };
    })
    .sort((a, b) => b.total - a.total || a.position - b.position);
  const used = new Set<string>();
  const projects: TrailerLine[] = [];
  for (const { story, sentences } of ranked) {
    const best = sentences
      .filter((s) => s.part === "action" || s.part === "situation")
      .sort((a, b) => b.relevance - a.relevance || (a.part === "action" ? -1 : 1))[0];
    if (!best) continue;
    used.add(best.text);
    projects.push({
      text: best.text,
      origin: {
        from: "story",
        storyId: story.id,
        field: best.field,
        index: best.index,
        sentence: best.sentence,
      },
    });
  }
  const production: TrailerLine[] = [];
  for (const { story, sentences } of ranked) {
    const best = sentences
      .filter((s) => !used.has(s.text) && (PRODUCTION_CUE.test(s.text) || hasFigure(s.text)))
      .sort((a, b) => Number(hasFigure(b.text)) - Number(hasFigure(a.text)) || b.relevance - a.relevance)[0];
    if (!best) continue;
    production.push({
      text: best.text,
      origin: {
        from: "story",
        storyId: story.id,
        field: best.field,
        index: best.index,
        sentence: best.sentence,
      },
    });
  }

  const beats = [
    { beat: "foundation" as const, lines: fitBeat("foundation", foundation) },
    { beat: "projects" as const, lines: fitBeat("projects", projects) },
    { beat: "production" as const, lines: fitBeat("production", production) },
    { beat: "now" as const, lines: fitBeat("now", nowLines) },
  ];
  const text = beats.map((b) => b.lines.map((l) => l.text).join(" ")).join("\n");
  const words = countWords(text);
  return {
    seconds: options.seconds,
    beats,
    text,
    words,
    estimatedSeconds: speakingSeconds(words, wpm),
    blanks: beats.flatMap((b) =>
      b.lines.flatMap((l) => (l.origin.from === "template" ? l.origin.blanks : [])),
    ),
  };
}
