import { analyze, classify } from "../analysis/index.ts";
import { DeriskError } from "../errors.ts";
import { COMPETENCIES, type Competency, ROLE_IDS, type RoleId } from "../model.ts";
import {
  type Analysis,
  analyzeText,
  questionSimilarity,
  type SemanticMatch,
  type SentenceEmbeddings,
  type Strength,
  semanticMatch,
} from "../semantic/index.ts";
import { STORY_COMPETENCY_CUES } from "./data/story-cues.ts";
import { findRoleTerms } from "./role-terms.ts";
import type { Story } from "./story.ts";
import { contentTokens, hasFigure, stem, words } from "./text.ts";

/**
 * Precomputed token postings and per-story facts, so one question ranks 10,000 stories in
 * a few milliseconds. Build it once with `indexStories` (or let `rankStories` cache it per
 * stories array).
 */
export interface StoryIndex {
  readonly stories: readonly Story[];
  /** token → parallel arrays of story positions and weighted term frequencies. */
  readonly postings: ReadonlyMap<string, { docs: number[]; tf: number[] }>;
  readonly lengths: Float64Array;
  readonly averageLength: number;
  /** Bit i set when the story serves COMPETENCIES[i] (stated, or inferred from its text). */
  readonly competencyMask: Uint32Array;
  /** Bit 0 result, bit 1 figure, bit 2 lesson. */
  readonly evidence: Uint8Array;
  /** Role-fit score per story, computed on first use per role. */
  readonly roleFit: Map<RoleId, Float64Array>;
}

// Title and tags say what the story is about; they weigh more than a passing word.
const FIELD_WEIGHT = { title: 2, tags: 2, situation: 1, task: 1, actions: 1, result: 1, lesson: 1 } as const;
const K1 = 1.2;
const B = 0.75;

// Concepts of the shared matcher that are evidence of a competency (src/core/semantic).
const CONCEPT_COMPETENCY: Readonly<Record<string, Competency>> = {
  "skill.ml": "ml-engineering",
  "skill.mlops": "ml-engineering",
  "skill.llm": "ml-engineering",
  "skill.deep-learning": "ml-engineering",
  "skill.deployment": "ml-engineering",
  "skill.forecasting": "ml-engineering",
  "skill.features": "ml-engineering",
  "skill.model-optimisation": "ml-engineering",
  "skill.debugging": "technical-challenge",
  "skill.performance": "technical-challenge",
  "skill.scalability": "technical-challenge",
  "metric.latency": "technical-challenge",
  "skill.system-design": "technical-challenge",
  "skill.incident-response": "mistake-failure",
  "soft.collaboration": "teamwork",
  "soft.leadership": "leadership-influence",
  "soft.influence": "leadership-influence",
  "soft.mentoring": "leadership-influence",
  "soft.ownership": "ownership-initiative",
  "soft.ambiguity": "ambiguity",
  "soft.prioritization": "prioritization-deadline",
  "soft.feedback": "feedback",
  "soft.customer": "customer-focus",
  "soft.learning": "learning-growth",
  "soft.growth": "learning-growth",
};

// A cue word or concept term as compared: lower case, hyphens read as spaces.
const cueKey = (term: string) =>
  term
    .toLowerCase()
    .replace(/[-\s]+/g, " ")
    .trim();

/**
 * How strongly a text evidences each competency, from its own words: 1 per distinct cue word
 * (the story cues) or concept (the shared matcher) that points to it. Competencies with no
 * cue are absent.
 * @example competencyCues("I debugged the latency spike and found the root cause.").get("technical-challenge") // 3
 */
export function competencyCues(
  text: string | Analysis,
  options: { concepts?: boolean } = {},
): Map<Competency, number> {
  const plain = typeof text === "string" ? text : text.text;
  const lower = plain.toLowerCase();
  const out = new Map<Competency, number>();
  const cueWords = new Map<Competency, Set<string>>();
  for (const [competency, cue] of STORY_COMPETENCY_CUES) {
    const distinct = new Set((lower.match(cue) ?? []).map(cueKey));
    cueWords.set(competency, distinct);
    if (distinct.size > 0) out.set(competency, distinct.size);
  }
  if (options.concepts === false) return out;
  const analysis = typeof text === "string" ? analyzeText(text) : text;
  for (const id of analysis.direct) {
    const competency = CONCEPT_COMPETENCY[id];
    const term = analysis.concepts.get(id)?.term ?? "";
    // A phrase already counted as a cue is not counted twice: "open-ended" (cue) is the
    // concept's "open ended problems", "collaborating" both.
    const key = cueKey(term);
    const counted = [...(cueWords.get(competency as Competency) ?? [])].some(
      (cue) => key === cue || ` ${key} `.includes(` ${cue} `),
    );
    if (competency !== undefined && !counted) {
      out.set(competency, (out.get(competency) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * The competencies a story serves: those it states, and every other one its own words
 * evidence (two distinct cue words or concepts or more) — a story counts for all of them.
 * @example storyCompetencies(parseStory({ title: "Outage", result: "I missed a failed rollback." })) // ["mistake-failure"]
 */
export function storyCompetencies(
  story: Story,
  options: { concepts?: boolean } = {},
  analysis: Analysis | undefined = undefined,
): Competency[] {
  const out: Competency[] = [...story.competencies];
  for (const [competency, count] of competencyCues(analysis ?? storyText(story), options)) {
    if (count >= 2 && !out.includes(competency)) out.push(competency);
  }
  return out;
}

function storyText(story: Story): string {
  return [
    story.title,
    story.situation,
    story.task,
    ...story.actions,
    story.result,
    story.lesson,
    ...story.tags,
  ].join("\n");
}

/** A sentence of a story or answer, and whether it tells what the candidate did. */
interface EvidenceSentence {
  text: string;
  /** An action or result (a story), or a first-person deed (an answer): it shows, not mentions. */
  acted: boolean;
  /** The text in lower case, and (computed once, when a concept term is looked for) as words between spaces. */
  lower: string;
  words?: string;
}

const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");

// "I retrained…", "we shipped…", "I then rolled back…": the candidate doing something, in the past.
const FIRST_PERSON_DEED =
  /\b(?:i|we)\s+(?:\w+ly\s+|then\s+|also\s+|had\s+)?(?:\w+ed|built|led|wrote|ran|made|took|shipped|cut|found|drove|set|put|brought|chose|did|got|gave|kept|taught|won|rebuilt|rewrote|spent|sent|began|grew|dug|hit|split|shut|swapped|caught|fought|held|sold|sought|understood|undertook)\b/i;

function storySentences(story: Story): EvidenceSentence[] {
  const said = (text: string, acted: boolean) =>
    sentencesOf(text).map(
      (sentence): EvidenceSentence => ({ text: sentence, acted, lower: sentence.toLowerCase() }),
    );
  // The title is a label, not evidence: the parts' sentences only.
  return [
    ...said(story.situation, false),
    ...said(story.task, false),
    ...story.actions.flatMap((action) => said(action, true)),
    ...said(story.result, true),
    ...said(story.lesson, false),
  ];
}

function answerSentences(text: string): EvidenceSentence[] {
  return sentencesOf(text).map((sentence) => ({
    text: sentence,
    acted: FIRST_PERSON_DEED.test(sentence),
    lower: sentence.toLowerCase(),
  }));
}

// Each competency's cue words as a test (the shared list's patterns are global, for counting).
const CUE_TEST = new Map(
  STORY_COMPETENCY_CUES.map(([competency, cue]) => [competency, new RegExp(cue.source, "i")]),
);

/**
 * How strongly sentences evidence a competency read from their words (not the one the story or
 * answer states), from the sentences that carry its cue words or concepts: 1, it is mentioned;
 * 2, an action or result shows it, with a second sentence or a specific one (a figure, or a
 * named technique or tool: a concept of the shared matcher); 3, it runs through the text: half its sentences or more carry it,
 * three actions or results show it, two sentences are specific, and there is a result. A
 * setting or a lesson that names the competency mentions it only.
 * @example readStrength(storySentences(story), "ml-engineering", ["model serving"], true) // 2
 */
function readStrength(
  sentences: readonly EvidenceSentence[],
  competency: Competency,
  conceptTerms: readonly string[],
  hasResult: boolean,
): number {
  const cue = CUE_TEST.get(competency);
  let showing = 0;
  let acted = 0;
  let specific = 0;
  for (const sentence of sentences) {
    let named = false;
    if (conceptTerms.length > 0) {
      sentence.words ??= ` ${cueKey(sentence.lower).replace(/[^\p{L}\p{N} ]+/gu, " ")} `;
      const words = sentence.words;
      named = conceptTerms.some((term) => words.includes(` ${term} `));
    }
    if (!named && cue?.test(sentence.lower) !== true) continue;
    showing += 1;
    if (sentence.acted) acted += 1;
    // Specific: a figure, or a named technique or tool (a concept of the shared matcher).
    if (named || hasFigure(sentence.text)) specific += 1;
  }
  if (showing * 2 >= sentences.length && acted >= 3 && specific >= 2 && hasResult) return 3;
  if (acted >= 1 && (showing >= 2 || specific >= 1)) return 2;
  return 1;
}

// What the sentences of a story or answer show of its read competencies, by its text: a later
// visit to the coverage page reads the same texts again (the matcher remembers its readings too).
const READ_CACHE = new Map<string, Map<Competency, number>>();
const READ_CACHE_SIZE = 5_000;

function remembered(key: readonly string[], read: () => Map<Competency, number>): Map<Competency, number> {
  const joined = key.join("\u0000");
  const cached = READ_CACHE.get(joined);
  if (cached !== undefined) return cached;
  const value = read();
  if (READ_CACHE.size >= READ_CACHE_SIZE) READ_CACHE.clear();
  READ_CACHE.set(joined, value);
  return value;
}

/** The concept terms of a text that point to each competency (the shared matcher's direct hits). */
function conceptTermsOf(analysis: Analysis): Map<Competency, string[]> {
  const out = new Map<Competency, string[]>();
  for (const id of analysis.direct) {
    const competency = CONCEPT_COMPETENCY[id];
    const term = cueKey(analysis.concepts.get(id)?.term ?? "")
      .replace(/[^\p{L}\p{N} ]+/gu, " ")
      .trim();
    if (competency === undefined || term === "") continue;
    out.set(competency, [...(out.get(competency) ?? []), term]);
  }
  return out;
}

function evidenceOf(story: Story): number {
  const figure = story.metrics.length > 0 || hasFigure(story.result) || story.actions.some(hasFigure);
  return (story.result.trim() ? 1 : 0) | (figure ? 2 : 0) | (story.lesson.trim() ? 4 : 0);
}

/**
 * Builds the search index over stories (postings, lengths, competencies, evidence).
 * @example const index = indexStories(stories); rankStories("Tell me about a failure", index)
 */
export function indexStories(stories: readonly Story[]): StoryIndex {
  const postings = new Map<string, { docs: number[]; tf: number[] }>();
  const lengths = new Float64Array(stories.length);
  const competencyMask = new Uint32Array(stories.length);
  const evidence = new Uint8Array(stories.length);
  let total = 0;
  stories.forEach((story, doc) => {
    const counts = new Map<string, number>();
    let length = 0;
    const add = (text: string, weight: number) => {
      for (const token of contentTokens(text)) {
        counts.set(token, (counts.get(token) ?? 0) + weight);
        length += weight;
      }
    };
    add(story.title, FIELD_WEIGHT.title);
    add(story.tags.join(" "), FIELD_WEIGHT.tags);
    add(story.situation, FIELD_WEIGHT.situation);
    add(story.task, FIELD_WEIGHT.task);
    for (const action of story.actions) add(action, FIELD_WEIGHT.actions);
    add(story.result, FIELD_WEIGHT.result);
    add(story.lesson, FIELD_WEIGHT.lesson);
    for (const [token, tf] of counts) {
      let posting = postings.get(token);
      if (posting === undefined) {
        posting = { docs: [], tf: [] };
        postings.set(token, posting);
      }
      posting.docs.push(doc);
      posting.tf.push(tf);
    }
    lengths[doc] = length;
    total += length;
    let mask = 0;
    // Cue words only here (fast over 10,000 stories); the question's meaning is read in rankStories.
    for (const c of storyCompetencies(story, { concepts: false })) mask |= 1 << COMPETENCIES.indexOf(c);
    competencyMask[doc] = mask;
    evidence[doc] = evidenceOf(story);
  });
  return {
    stories,
    postings,
    lengths,
    averageLength: stories.length === 0 ? 1 : total / stories.length || 1,
    competencyMask,
    evidence,
    roleFit: new Map(),
  };
}

function roleFitFor(index: StoryIndex, role: RoleId): Float64Array {
  let fit = index.roleFit.get(role);
  if (fit === undefined) {
    fit = new Float64Array(index.stories.length);
    index.stories.forEach((story, doc) => {
      const terms = findRoleTerms(storyText(story), role);
      const total = terms.core.length + terms.adjacent.length;
      // Core share, damped for stories that name only one or two role words.
      (fit as Float64Array)[doc] = total === 0 ? 0 : (terms.core.length / total) * Math.min(1, total / 4);
    });
    index.roleFit.set(role, fit);
  }
  return fit;
}

const CACHE = new WeakMap<readonly Story[], StoryIndex>();
const MEANING = new WeakMap<StoryIndex, Array<Analysis | undefined>>();
// Stories read by meaning per question: the best by words and competency.
const SEMANTIC_POOL = 300;

function semanticOf(index: StoryIndex, doc: number): Analysis {
  let found = MEANING.get(index);
  if (found === undefined) {
    found = new Array(index.stories.length);
    MEANING.set(index, found);
  }
  let analysis = found[doc];
  if (analysis === undefined) {
    analysis = analyzeText(storyText(index.stories[doc] as Story));
    found[doc] = analysis;
  }
  return analysis;
}

export interface RankOptions {
  role?: RoleId;
  /** Sentence embeddings the app layer prepared (semanticMatch's `embeddings`); default none. */
  embeddings?: SentenceEmbeddings;
  /** How many questions each story already answers, by story id. */
  usage?: Readonly<Record<string, number>>;
  /** When each story was last practised (ISO date), by story id. */
  lastPracticed?: Readonly<Record<string, string>>;
  /** The current time (ISO); recency counts only when given. */
  now?: string;
  /** How many stories to return; default 10. */
  limit?: number;
}

export interface RankedStory {
  storyId: string;
  title: string;
  score: number;
  components: {
    competency: number;
    text: number;
    role: number;
    evidence: number;
    recency: number;
    usage: number;
  };
  reasons: string[];
  warnings: string[];
}

export interface Ranking {
  question: string;
  competency: Competency;
  results: RankedStory[];
  warnings: string[];
}

/** A story used for this many questions gets a warning: interviewers notice repeats. */
export const OVERUSE_THRESHOLD = 3;
/** A competency the question "also touches" has at least this share of its own competency's cue (a reason only). */
const TOUCHES_SHARE = 0.3;
const WEIGHTS = { competency: 3, text: 2, role: 1, evidence: 1, recency: 0.5, usage: 0.5 } as const;
const DAY_MS = 86_400_000;
const FRESH_DAYS = 30;

/**
 * Ranks stories for a question with reasons: competency fit (via `classify`), shared words
 * (BM25 over an inverted index), role fit, strength of evidence (result, figure, lesson),
 * recency of practice; warns when a story already answers too many questions. The index
 * is cached per stories array: after editing stories, pass a new array (or a new index).
 * @example rankStories("Tell me about a time you failed", stories, { role: "ml-engineer" }).results[0].reasons
 */
export function rankStories(
  question: string,
  stories: readonly Story[] | StoryIndex,
  options: RankOptions = {},
): Ranking {
  if (question.trim() === "")
    throw new DeriskError("BAD_INPUT", "The question is empty: give the question to match stories to.");
  let index: StoryIndex;
  if (Array.isArray(stories)) {
    const list = stories as readonly Story[];
    index = CACHE.get(list) ?? indexStories(list);
    CACHE.set(list, index);
  } else index = stories as StoryIndex;
  const n = index.stories.length;
  const { competency, scores: cueScores } = classify(question);
  const competencyBit = 1 << COMPETENCIES.indexOf(competency);
  // Partial credit for the other competencies the question also cues.
  const maxCue = Math.max(...Object.values(cueScores), 1);
  const relatedBits: Array<[number, number]> = COMPETENCIES.flatMap(
    (c, i): Array<[number, number]> =>
      c !== competency && cueScores[c] > 0 ? [[1 << i, (0.5 * cueScores[c]) / maxCue]] : [],
  );

  const text = new Float64Array(n);
  const queryTokens = [...new Set(contentTokens(question))];
  // A reason names the question's own word ("handled"), never the stem it is matched by ("handl").
  const questionWords = new Map<string, string>();
  for (const word of words(question)) if (!questionWords.has(stem(word))) questionWords.set(stem(word), word);
  for (const token of queryTokens) {
    const posting = index.postings.get(token);
    if (posting === undefined) continue;
    const idf = Math.log(1 + (n - posting.docs.length + 0.5) / (posting.docs.length + 0.5));
    for (let i = 0; i < posting.docs.length; i++) {
      const doc = posting.docs[i] as number;
      const tf = posting.tf[i] as number;
      const norm = tf + K1 * (1 - B + (B * (index.lengths[doc] as number)) / index.averageLength);
      text[doc] = (text[doc] as number) + (idf * (tf * (K1 + 1))) / norm;
    }
  }
  let maxText = 0;
  for (let doc = 0; doc < n; doc++) if ((text[doc] as number) > maxText) maxText = text[doc] as number;
  // Meaning as well as words: the share of the question's concepts a story shows (shared
  // matcher), read for the best candidates by words and competency only, so 10,000 stories
  // stay fast.
  const asked = analyzeText(question);
  if (asked.direct.size > 0 && n > 0) {
    const words = Float64Array.from(text, (t) => (maxText > 0 ? t / maxText : 0));
    const prelim = Array.from({ length: n }, (_, doc) => doc);
    const quick = (doc: number) => {
      const mask = index.competencyMask[doc] as number;
      return (mask & competencyBit ? WEIGHTS.competency : 0) + WEIGHTS.text * (words[doc] as number);
    };
    const pool =
      n <= SEMANTIC_POOL ? prelim : prelim.sort((a, b) => quick(b) - quick(a)).slice(0, SEMANTIC_POOL);
    for (let doc = 0; doc < n; doc++) text[doc] = 0.5 * (words[doc] as number);
    const matchOptions = options.embeddings ? { embeddings: options.embeddings } : undefined;
    for (const doc of pool) {
      const m = semanticMatch(asked, semanticOf(index, doc), matchOptions);
      text[doc] = (text[doc] as number) + 0.5 * m.score;
    }
    maxText = 0;
    for (let doc = 0; doc < n; doc++) if ((text[doc] as number) > maxText) maxText = text[doc] as number;
  }

  const role =
    options.role !== undefined && (ROLE_IDS as readonly string[]).includes(options.role)
      ? options.role
      : undefined;
  const roleFit = role === undefined ? undefined : roleFitFor(index, role);
  const nowMs = options.now === undefined ? Number.NaN : Date.parse(options.now);
  const limit = Math.max(1, options.limit ?? 10);

  // Keep the best `limit` as we go: no sort of 10,000 scores.
  const topDocs: number[] = [];
  const topScores: number[] = [];
  const scoreOf = (doc: number) => {
    const mask = index.competencyMask[doc] as number;
    let comp = mask & competencyBit ? 1 : 0;
    if (comp === 0) for (const [bit, credit] of relatedBits) if (mask & bit && credit > comp) comp = credit;
    const ev = index.evidence[doc] as number;
    const evidence = ((ev & 1) + ((ev >> 1) & 1) + ((ev >> 2) & 1)) / 3;
    let score =
      WEIGHTS.competency * comp +
      WEIGHTS.text * (maxText > 0 ? (text[doc] as number) / maxText : 0) +
      WEIGHTS.evidence * evidence;
    if (roleFit) score += WEIGHTS.role * (roleFit[doc] as number);
    return score;
  };
  const adjust = (doc: number) => {
    const story = index.stories[doc] as Story;
    let recency = 0;
    const last = options.lastPracticed?.[story.id];
    if (last !== undefined && !Number.isNaN(nowMs)) {
      const days = (nowMs - Date.parse(last)) / DAY_MS;
      if (days >= 0 && days <= FRESH_DAYS) recency = 1 - days / FRESH_DAYS;
    }
    const used = options.usage?.[story.id] ?? 0;
    return { recency, usage: used >= OVERUSE_THRESHOLD ? -1 : 0 };
  };
  const hasAdjust = options.lastPracticed !== undefined || options.usage !== undefined;
  for (let doc = 0; doc < n; doc++) {
    let score = scoreOf(doc);
    if (hasAdjust) {
      const a = adjust(doc);
      score += WEIGHTS.recency * a.recency + WEIGHTS.usage * a.usage;
    }
    if (topDocs.length === limit && score <= (topScores[limit - 1] as number)) continue;
    let at = topScores.length;
    while (at > 0 && (topScores[at - 1] as number) < score) at--;
    topScores.splice(at, 0, score);
    topDocs.splice(at, 0, doc);
    if (topDocs.length > limit) {
      topDocs.pop();
      topScores.pop();
    }
  }

  const warnings: string[] = [];
  const results = topDocs.map((doc, rank): RankedStory => {
    const story = index.stories[doc] as Story;
    const mask = index.competencyMask[doc] as number;
    const ev = index.evidence[doc] as number;
    const a = adjust(doc);
    const shared = queryTokens.filter((t) => {
      const posting = index.postings.get(t);
      return posting?.docs.includes(doc) === true;
    });
    const reasons: string[] = [];
    if (mask & competencyBit) reasons.push(`serves ${competency}, the question's competency`);
    else {
      // Only what the question really cues: the classifier gives every competency some small
      // share ("worked with ambiguity" gave mistake-failure 0.2%), which is no reason to name it.
      const other = COMPETENCIES.filter(
        (c, i) => mask & (1 << i) && cueScores[c] >= TOUCHES_SHARE * cueScores[competency],
      );
      reasons.push(
        other.length > 0
          ? `serves ${other.join(", ")}, which the question also touches`
          : `does not serve ${competency}`,
      );
    }
    if (shared.length > 0)
      reasons.push(
        `shares words with the question: ${shared.map((t) => questionWords.get(t) ?? t).join(", ")}`,
      );
    if (role !== undefined && roleFit) {
      const terms = findRoleTerms(storyText(story), role);
      reasons.push(
        terms.core.length > 0
          ? `speaks to the ${role} core: ${[...new Set(terms.core)].slice(0, 4).join(", ")}`
          : `names no ${role} core skill`,
      );
    }
    const present = [ev & 1 ? "a result" : "", ev & 2 ? "a figure" : "", ev & 4 ? "a lesson" : ""].filter(
      Boolean,
    );
    const missing = [ev & 1 ? "" : "result", ev & 2 ? "" : "figure", ev & 4 ? "" : "lesson"].filter(Boolean);
    reasons.push(
      present.length === 0
        ? "evidence: no result, figure or lesson yet"
        : `evidence: ${present.join(", ")}${missing.length > 0 ? ` (missing: ${missing.join(", ")})` : ""}`,
    );
    const last = options.lastPracticed?.[story.id];
    if (last !== undefined && !Number.isNaN(nowMs)) {
      const days = Math.max(0, Math.round((nowMs - Date.parse(last)) / DAY_MS));
      reasons.push(`practised ${days} day${days === 1 ? "" : "s"} ago`);
    }
    const storyWarnings: string[] = [];
    const used = options.usage?.[story.id] ?? 0;
    if (used >= OVERUSE_THRESHOLD) {
      const warning = `“${story.title}” already answers ${used} questions: prepare another story so the interviewer hears variety.`;
      storyWarnings.push(warning);
      if (rank === 0) warnings.push(warning);
    }
    const comp =
      mask & competencyBit ? 1 : Math.max(0, ...relatedBits.filter(([bit]) => mask & bit).map(([, c]) => c));
    return {
      storyId: story.id,
      title: story.title,
      score: Math.round((topScores[rank] as number) * 1000) / 1000,
      components: {
        competency: Math.round(comp * 100) / 100,
        text: maxText > 0 ? Math.round(((text[doc] as number) / maxText) * 100) / 100 : 0,
        role: roleFit ? Math.round((roleFit[doc] as number) * 100) / 100 : 0,
        evidence: Math.round((((ev & 1) + ((ev >> 1) & 1) + ((ev >> 2) & 1)) / 3) * 100) / 100,
        recency: Math.round(a.recency * 100) / 100,
        usage: a.usage,
      },
      reasons,
      warnings: storyWarnings,
    };
  });
  if (n > 0 && results.every((r) => r.components.competency === 0)) {
    warnings.push(`No story serves ${competency}: write one (see the coverage matrix for other gaps).`);
  }
  return { question, competency, results, warnings };
}

/** Something in the bank that evidences a competency, and how strongly (1–3). */
export interface CoverageEvidence {
  source: "story" | "answer" | "accomplishment";
  /** Story id, or the item id of an answer or accomplishment. */
  id: string;
  title: string;
  strength: number;
  /** An answer that is the prepared reply to a follow-up (its title is the follow-up's question). */
  followUp?: true;
  /** The title of the document it comes from, when the bank has more than one document. */
  document?: string;
}

/** What to do about a gap or a thin row: write the missing story or prepared answer. */
export interface GapAction {
  kind: "write-story" | "write-answer" | "drill";
  competency: Competency;
  /** A question of this kind to write for. */
  question: string;
  label: string;
}

export interface CoverageRow {
  competency: Competency;
  /** Best strength over every source, 0 when nothing evidences it. */
  best: number;
  evidence: CoverageEvidence[];
  action?: GapAction;
}

/** Competencies × stories, each cell 0 (does not serve) to 3 (serves with result, figure and lesson). */
export interface CoverageMatrix {
  competencies: Competency[];
  /** Each story, with the document it was drawn from when the bank has more than one. */
  stories: Array<{ id: string; title: string; document?: string }>;
  /** `cells[c][s]`: strength of story s for competency c. */
  cells: number[][];
  /** Per competency, every story, prepared answer and accomplishment that evidences it. */
  rows: CoverageRow[];
  /** Competencies nothing in the bank evidences. */
  gaps: Competency[];
  /** Competencies evidenced only weakly (best strength 1). */
  thin: Competency[];
}

/** A prepared answer as coverage reads it: its question says what it answers. */
export interface CoverageAnswer {
  id: string;
  question: string;
  text: string;
  /** Which of the question's variants this is, when it has several ("core", "ML-focused"). */
  variant?: string;
  /** A prepared answer to a follow-up ("Was your PhD related to ML?"): a reply, not a story. */
  followUp?: boolean;
  /** The title of its document, to tell apart the same question answered in two documents. */
  document?: string;
}

/** A résumé-style accomplishment ("Cut deploy time from 2 weeks to 3 days"). */
export interface CoverageAccomplishment {
  id: string;
  text: string;
  /** The title of its document, as for an answer. */
  document?: string;
}

// Competencies answered by a prepared answer rather than by a story.
const ANSWER_COMPETENCIES = new Set<Competency>(["about-me", "motivation", "strength-weakness"]);
const EXAMPLE_QUESTIONS: Readonly<Record<Competency, string>> = {
  "about-me": "Tell me about yourself.",
  motivation: "Why this company, and why now?",
  "technical-challenge": "Tell me about the hardest technical problem you solved.",
  "mistake-failure": "Tell me about a time you made a mistake.",
  conflict: "Tell me about a disagreement with a colleague.",
  "leadership-influence": "Tell me about a time you convinced others without authority.",
  ambiguity: "Tell me about a project with unclear requirements.",
  "prioritization-deadline": "Tell me about a tight deadline and what you cut.",
  feedback: "Tell me about feedback that changed how you work.",
  teamwork: "Tell me about working closely with another team.",
  "customer-focus": "Tell me about a time you changed course for a user or customer.",
  "learning-growth": "Tell me about something you had to learn fast.",
  "ownership-initiative": "Tell me about something you did without being asked.",
  "strength-weakness": "What is your greatest weakness?",
  "ml-concept": "Explain a machine-learning concept you rely on.",
  "ml-engineering": "Tell me about a model you took to production.",
};

/**
 * A prepared answer's strength for a competency as the risk lens reads the answer under its
 * own question. A story competency counts result, figure and lesson as a story's cell does (1 +
 * two thirds of the count); a competency that is not a story (about me, motivation, strengths)
 * is judged by its own rubric, so its cell follows the lens's overall score (1–2 → 1, 3 → 2,
 * 4–5 → 3). A reply to a follow-up is judged by the follow-up rubric (it owes no result or
 * lesson of its own), so every cell follows that score. Length alone never makes an answer
 * strong. An answer the lens cannot read (over its size limit) serves, 1.
 * @example answerStrengths(answer)("mistake-failure") // 3 with a result, a figure and a lesson
 */
function answerStrengths(answer: CoverageAnswer, read: typeof analyze): (competency: Competency) => number {
  const asked = answer.question.trim() !== "";
  const reply = answer.followUp === true && asked;
  let labels: ReturnType<typeof analyze>["labels"];
  try {
    labels = read(
      answer.text,
      asked ? { question: answer.question, ...(reply ? { followUp: true } : {}) } : {},
    ).labels;
  } catch {
    return () => 1;
  }
  const count = (labels.result ? 1 : 0) + (labels.quantified ? 1 : 0) + (labels.lesson ? 1 : 0);
  const asStory = 1 + Math.floor((count * 2) / 3);
  const byScore = labels.overall >= 4 ? 3 : labels.overall === 3 ? 2 : 1;
  return (competency) => (reply || ANSWER_COMPETENCIES.has(competency) ? byScore : asStory);
}

// How clear the question classifier's pick of a follow-up's kind must be for the reply to count
// for it: at least this many times as likely as the runner-up. A follow-up is short and often
// generic ("How did you measure it?", "What was your part?"), and its pick is then a near tie
// (feedback 0.29 against 0.16, teamwork 0.29 against 0.18); a follow-up that asks its kind is
// far ahead ("Was your PhD related to AI/ML?": about me 0.43 against 0.12).
const FOLLOW_UP_CLEAR = 2;

/**
 * The competency a prepared answer answers, as its question asks it: the classifier's pick for
 * a question of the document's own, and for a follow-up only when that pick is clear
 * (FOLLOW_UP_CLEAR times the runner-up); otherwise none, and the answer counts only for what
 * its words show.
 * @example askedCompetency({ id: "f", question: "How did you measure it?", text: "…", followUp: true }) // undefined
 */
function askedCompetency(answer: CoverageAnswer): Competency | undefined {
  if (answer.question.trim() === "") return undefined;
  const { competency, scores } = classify(answer.question);
  if (answer.followUp !== true) return competency;
  const [first = 0, second = 0] = Object.values(scores).sort((a, b) => b - a);
  return first >= FOLLOW_UP_CLEAR * second ? competency : undefined;
}

/**
 * The coverage matrix: which stories serve which competencies (a story counts for every
 * competency it evidences), how strongly, and — per competency — the prepared answers and
 * accomplishments that evidence it too. Each gap or thin row carries the action that fills it.
 * @example coverageMatrix(stories, { answers: [{ id: "a1", question: "Tell me about yourself", text: "…" }] }).gaps
 */
export function coverageMatrix(
  stories: readonly Story[],
  more: {
    answers?: readonly CoverageAnswer[];
    accomplishments?: readonly CoverageAccomplishment[];
    /** How answers are analysed (default `analyze`; the app passes its remembered analyses). */
    analyze?: typeof analyze;
    /**
     * The title of the document a story was drawn from, by story id, when the bank has more
     * than one document: two stories drawn from one question in two documents read apart.
     */
    storyDocuments?: ReadonlyMap<string, string>;
  } = {},
): CoverageMatrix {
  const storyDocument = (id: string) => {
    const document = more.storyDocuments?.get(id);
    return document === undefined ? {} : { document };
  };
  const strength = stories.map((s) => {
    const ev = evidenceOf(s);
    const count = (ev & 1) + ((ev >> 1) & 1) + ((ev >> 2) & 1);
    return 1 + Math.floor((count * 2) / 3);
  });
  // One reading of each story by the shared matcher serves both its competencies and their terms.
  const analyses = stories.map((story) => analyzeText(storyText(story)));
  const served = stories.map((story, i) => storyCompetencies(story, {}, analyses[i]));
  // Stated competencies carry the story's full strength (result, figure, lesson); ones read
  // from its words, what its sentences show of each (readStrength).
  const read = stories.map((story, i) => {
    const inferred = (served[i] ?? []).filter((c) => !story.competencies.includes(c));
    if (inferred.length === 0) return new Map<Competency, number>();
    return remembered(
      [
        story.situation,
        story.task,
        story.actions.join("\u0001"),
        story.result,
        story.lesson,
        storyText(story),
        inferred.join(),
      ],
      () => {
        const sentences = storySentences(story);
        const terms = conceptTermsOf(analyses[i] ?? analyzeText(storyText(story)));
        return new Map(
          inferred.map((c) => [
            c,
            readStrength(sentences, c, terms.get(c) ?? [], story.result.trim() !== ""),
          ]),
        );
      },
    );
  });
  const cells = COMPETENCIES.map((c) =>
    stories.map((story, i) => {
      if (story.competencies.includes(c)) return strength[i] ?? 1;
      return read[i]?.get(c) ?? 0;
    }),
  );
  const rows: CoverageRow[] = COMPETENCIES.map((competency, ci) => ({
    competency,
    best: 0,
    evidence: stories
      .map((story, si) => ({
        source: "story" as const,
        id: story.id,
        title: story.title,
        strength: cells[ci]?.[si] ?? 0,
        ...storyDocument(story.id),
      }))
      .filter((e) => e.strength > 0),
  }));
  const rowOf = (c: Competency) => rows[COMPETENCIES.indexOf(c)] as CoverageRow;
  for (const answer of more.answers ?? []) {
    if (answer.text.trim() === "") continue;
    const asked = askedCompetency(answer);
    const base = answer.question.trim() || answer.text.slice(0, 60);
    const title = answer.variant?.trim() ? `${base} (${answer.variant.trim()})` : base;
    const add = (c: Competency, value: number) => {
      const row = rowOf(c);
      const existing = row.evidence.find((e) => e.source === "answer" && e.id === answer.id);
      if (existing) existing.strength = Math.max(existing.strength, value);
      else
        row.evidence.push({
          source: "answer",
          id: answer.id,
          title,
          strength: value,
          ...(answer.followUp === true ? { followUp: true as const } : {}),
          ...(answer.document === undefined ? {} : { document: answer.document }),
        });
    };
    const strengthFor = answerStrengths(answer, more.analyze ?? analyze);
    if (asked !== undefined) add(asked, strengthFor(asked));
    // An answer about oneself, one's motives or strengths presents the candidate: "I enjoy
    // collaborating", "I want to ship ML at scale" are claims, not episodes that evidence
    // teamwork or ML engineering. It counts for what it answers only.
    if (asked !== undefined && ANSWER_COMPETENCIES.has(asked)) continue;
    // Competencies read from its words, not asked for: what its sentences show of each, as for
    // a story (a first-person deed shows; a result is what the lens reads), never above what
    // the lens gives the answer under its own question.
    const reading = analyzeText(answer.text);
    const cued = [...competencyCues(reading)].filter(([c, count]) => count >= 2 && c !== asked);
    if (cued.length > 0) {
      const shown = remembered([answer.text, cued.map(([c]) => `${c}:${strengthFor(c)}`).join()], () => {
        const sentences = answerSentences(answer.text);
        const terms = conceptTermsOf(reading);
        return new Map(
          cued.map(([c]) => [c, readStrength(sentences, c, terms.get(c) ?? [], strengthFor(c) >= 2)]),
        );
      });
      for (const [c, value] of shown) add(c, Math.min(strengthFor(c), value));
    }
  }
  for (const item of more.accomplishments ?? []) {
    if (item.text.trim() === "") continue;
    // Raw material: one cue is enough, strength 1 (2 with a figure).
    for (const [c] of competencyCues(item.text)) {
      if (ANSWER_COMPETENCIES.has(c)) continue;
      rowOf(c).evidence.push({
        source: "accomplishment",
        id: item.id,
        title: item.text,
        strength: hasFigure(item.text) ? 2 : 1,
        ...(item.document === undefined ? {} : { document: item.document }),
      });
    }
  }
  for (const row of rows) {
    row.evidence.sort((a, b) => b.strength - a.strength);
    row.best = Math.max(0, ...row.evidence.map((e) => e.strength));
    if (row.best <= 1 && row.competency === "ml-concept") {
      // Concept questions are answered from knowledge, not from a story: the way to cover
      // them is the technical drill.
      row.action = {
        kind: "drill",
        competency: row.competency,
        question: EXAMPLE_QUESTIONS[row.competency],
        label: "Drill technical questions",
      };
    } else if (row.best <= 1) {
      const answer = ANSWER_COMPETENCIES.has(row.competency);
      let label: string;
      // Read with the competency after it: "Write a story for Feedback".
      if (row.best === 0) label = answer ? "Write your answer" : "Write a story";
      else label = answer ? "Strengthen your answer" : "Write a stronger story";
      row.action = {
        kind: answer ? "write-answer" : "write-story",
        competency: row.competency,
        question: EXAMPLE_QUESTIONS[row.competency],
        label,
      };
    }
  }
  return {
    competencies: [...COMPETENCIES],
    stories: stories.map((s) => ({ id: s.id, title: s.title, ...storyDocument(s.id) })),
    cells,
    rows,
    gaps: rows.filter((r) => r.best === 0).map((r) => r.competency),
    thin: rows.filter((r) => r.best === 1).map((r) => r.competency),
  };
}

/** A prepared question and answer that a follow-up may already be answered by. */
export interface PreparedQuestion {
  key: string;
  question: string;
  answer?: string;
}

export interface LinkedQuestion {
  key: string;
  question: string;
  score: number;
  strength: Strength;
  shared: string[];
}

/**
 * The prepared questions (anywhere in the bank) that ask what `question` asks, best first:
 * the shared matcher compares the questions by meaning, and a prepared answer that speaks to
 * the question adds to the rank. Use it to link a predicted follow-up to an answer already written.
 * @example linkPrepared("What experience do you have with ML in practice?", prepared)[0]?.key
 */
export function linkPrepared(
  question: string,
  prepared: readonly PreparedQuestion[],
  options: { limit?: number; minScore?: number } = {},
): LinkedQuestion[] {
  if (question.trim() === "") return [];
  const min = options.minScore ?? 0.5;
  const out: LinkedQuestion[] = [];
  for (const item of prepared) {
    const byQuestion = questionSimilarity(question, item.question);
    const byAnswer: SemanticMatch | undefined =
      item.answer !== undefined && item.answer.trim() !== ""
        ? semanticMatch(question, item.answer)
        : undefined;
    // The questions must meet; the answer speaking to the question only adds to that.
    const score = Math.min(1, byQuestion.score + (byAnswer ? 0.25 * byAnswer.score : 0));
    if (byQuestion.score < min * 0.8 || score < min) continue;
    const rounded = Math.round(score * 1000) / 1000;
    out.push({
      key: item.key,
      question: item.question,
      score: rounded,
      strength: rounded >= 0.75 ? "strong" : "partial",
      shared: [...new Set([...byQuestion.shared, ...(byAnswer?.shared ?? [])])],
    });
  }
  return out.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, options.limit ?? 5);
}

export { questionSimilarity, semanticMatch } from "../semantic/index.ts";
