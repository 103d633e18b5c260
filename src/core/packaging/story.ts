import { z } from "zod";
import { LESSON_CUE as LENS_LESSON_CUE } from "../analysis/data/star-cues.ts";
import { analyze, classify } from "../analysis/index.ts";
import { DeriskError } from "../errors.ts";
import {
  type AccomplishmentItem,
  type AnswerItem,
  COMPETENCIES,
  type Competency,
  type StarPart,
} from "../model.ts";
import { describeSchemaIssue } from "../schema-issue.ts";
import { TOOL_TERMS } from "./data/tools.ts";
import {
  hasFigure,
  isPleasantry,
  joinSentences,
  lacksSubject,
  splitSentences,
  stripMarkup,
  termPattern,
} from "./text.ts";

/** One real episode, validated: the raw material answers are composed from. */
export interface Story {
  /** Stable id: given, or derived from the title ("cut-p95-latency"). */
  id: string;
  title: string;
  situation: string;
  task: string;
  actions: string[];
  result: string;
  lesson: string;
  /** The story's own figures ("40%", "from 2 h to 10 min"), verbatim. */
  metrics: string[];
  tags: string[];
  competencies: Competency[];
}

/** What a caller may pass: every field optional, `actions`/`metrics`/`tags` as a list or one string. */
export interface StoryInput {
  id?: string;
  title?: string;
  situation?: string;
  task?: string;
  actions?: string | string[];
  result?: string;
  lesson?: string;
  metrics?: string | string[];
  tags?: string | string[];
  competencies?: string | string[];
  /** Free text (a story told in one block): split into parts when the parts are empty. */
  text?: string;
}

/** The story fields that hold the user's sentences. */
export const STORY_FIELDS = ["situation", "task", "actions", "result", "lesson"] as const;
export type StoryField = (typeof STORY_FIELDS)[number];

const FIELD_PART: Record<StoryField, StarPart> = {
  situation: "situation",
  task: "task",
  actions: "action",
  result: "result",
  lesson: "lesson",
};

const listOrString = z.union([z.string(), z.array(z.string())]).optional();

const storyInputSchema = z.object({
  id: z.string().optional(),
  title: z.string().optional(),
  situation: z.string().optional(),
  task: z.string().optional(),
  actions: listOrString,
  result: z.string().optional(),
  lesson: z.string().optional(),
  metrics: listOrString,
  tags: listOrString,
  competencies: listOrString,
  text: z.string().optional(),
});

const toList = (value: string | string[] | undefined, split: RegExp): string[] =>
  (typeof value === "string" ? value.split(split) : (value ?? []))
    .map((v) => v.trim())
    .filter((v) => v !== "");

/**
 * A url-safe id from a title: lower-case words joined by dashes.
 * @example slugify("Cut p95 latency!") // "cut-p95-latency"
 */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? "story" : slug;
}

/**
 * Validates a loose story and fills what can be derived (id, metrics, tags). Throws
 * `DeriskError("BAD_INPUT")` saying what is missing.
 * @example parseStory({ title: "Latency", actions: "I added a cache.", result: "p95 fell 40%." }).metrics // ["40%"]
 */
export function parseStory(input: unknown): Story {
  const parsed = storyInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // In the candidate's words ("field “situation” must be text…"), not the checker's
    // ("situation Invalid input: expected string, received number").
    const said =
      issue?.code === "invalid_union" && issue.path.length > 0
        ? `field “${issue.path.map(String).join(".")}” must be text or a list of texts (["…", "…"])`
        : describeSchemaIssue(issue, "the story");
    throw new DeriskError(
      "BAD_INPUT",
      `The story is not valid: ${said}. A story is an object with text fields (title, situation, task, actions, result, lesson).`,
      { cause: parsed.error },
    );
  }
  const raw = parsed.data;
  const title = raw.title?.trim() ?? "";
  let parts = {
    situation: raw.situation?.trim() ?? "",
    task: raw.task?.trim() ?? "",
    actions: toList(raw.actions, /\n+/),
    result: raw.result?.trim() ?? "",
    lesson: raw.lesson?.trim() ?? "",
  };
  const empty = () =>
    parts.situation === "" &&
    parts.task === "" &&
    parts.actions.length === 0 &&
    parts.result === "" &&
    parts.lesson === "";
  if (empty() && raw.text !== undefined && raw.text.trim() !== "") parts = splitStoryText(raw.text);
  if (empty()) {
    // Fields under names derisk does not read ("stroy", "Situation") were dropped: name them,
    // or the story is called empty while the file plainly holds one.
    const unread =
      input !== null && typeof input === "object"
        ? Object.keys(input).filter((key) => !(key in storyInputSchema.shape))
        : [];
    throw new DeriskError(
      "BAD_INPUT",
      unread.length > 0
        ? `The story has none of the fields derisk reads: it has ${unread.map((key) => `“${key}”`).join(", ")}. A story is an object with text fields (title, situation, task, actions, result, lesson), or “text” with the whole story.`
        : title === ""
          ? "The story is empty: give at least what happened (situation), what you did (actions) and how it ended (result)."
          : `The story “${title}” has only a title: add what happened (situation), what you did (actions) and how it ended (result).`,
    );
  }
  const competencies: Competency[] = [];
  for (const name of toList(raw.competencies, /[,\s]+/)) {
    const id = name.toLowerCase();
    if (!(COMPETENCIES as readonly string[]).includes(id)) {
      throw new DeriskError(
        "BAD_INPUT",
        `The story “${title || "untitled"}” names an unknown competency “${name}”. Use one of: ${COMPETENCIES.join(", ")}.`,
      );
    }
    if (!competencies.includes(id as Competency)) competencies.push(id as Competency);
  }
  const body = [parts.situation, parts.task, ...parts.actions, parts.result, parts.lesson].join("\n");
  const finalTitle = title || firstWords(parts.situation || parts.actions[0] || parts.result || parts.lesson);
  const metrics = toList(raw.metrics, /\n|;/);
  const tags = toList(raw.tags, /,/);
  return {
    id: raw.id?.trim() || slugify(finalTitle),
    title: finalTitle,
    ...parts,
    metrics: metrics.length > 0 ? metrics : extractMetrics(body),
    tags: tags.length > 0 ? tags : extractTools(body),
    competencies,
  };
}

/**
 * Parses a list of loose stories, numbering duplicate ids ("a", "a-2") so that usage and
 * practice records can key on them.
 * @example parseStories([{ title: "A", result: "x" }, { title: "A", result: "y" }]).map((s) => s.id) // ["a", "a-2"]
 */
export function parseStories(input: unknown): Story[] {
  if (!Array.isArray(input)) {
    throw new DeriskError(
      "BAD_INPUT",
      'Stories must be a JSON array of story objects ([{ "title": …, "result": … }]).',
    );
  }
  const seen = new Map<string, number>();
  return input.map((item, position) => {
    let story: Story;
    try {
      story = parseStory(item);
    } catch (error) {
      if (error instanceof DeriskError) {
        throw new DeriskError(error.code, `Story ${position + 1}: ${error.message}`, { cause: error });
      }
      throw error;
    }
    const count = (seen.get(story.id) ?? 0) + 1;
    seen.set(story.id, count);
    return count === 1 ? story : { ...story, id: `${story.id}-${count}` };
  });
}

function firstWords(text: string): string {
  // The first line only: the next one is another note, not the rest of this one.
  const words = (text.trim().split("\n")[0] ?? "").split(/\s+/).filter(Boolean);
  const head = words
    .slice(0, 8)
    .join(" ")
    .replace(/[.,;:!?]+$/, "");
  return words.length > 8 ? `${head}…` : head;
}

const METRIC_PHRASE =
  /(?:[$€£¥]\s?\d[\d,.]*\s?(?:k|m|bn|million|billion)?)|(?:\b\d[\d,.]*\s?(?:%|percent|x\b|×|ms\b|hours?|minutes?|seconds?|days?|weeks?|users?|customers?|requests?|engineers?|people|services?|models?)(?:\s(?:to|→)\s\d[\d,.]*\s?\S*)?)|(?:\bfrom\s+\S*\d\S*(?:\s+\S+)?\s+to\s+\S*\d[\w%.]*(?:\s?(?:ms|s|%|x|hours?|minutes?|mins?|days?|weeks?|months?|seconds?)\b)?)|(?:\b(?:doubled|tripled|halved|quadrupled|tenfold)\b)/gi;

/**
 * The figures a text states, verbatim ("40%", "from 2 hours to 10 min").
 * @example extractMetrics("We cut p95 by 40% in 2 weeks.") // ["40%", "2 weeks"]
 */
export function extractMetrics(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(METRIC_PHRASE)) {
    const value = match[0].trim().replace(/[.,;:]+$/, "");
    if (!found.includes(value)) found.push(value);
  }
  return found;
}

const TOOL_PATTERN = termPattern(TOOL_TERMS.flatMap((t) => t.terms));
const TOOL_NAME = new Map(TOOL_TERMS.flatMap((t) => t.terms.map((term) => [term, t.name] as const)));

/**
 * The tools and techniques a text names, by display name, in order of first mention.
 * @example extractTools("I deployed it on EKS with Helm and PyTorch.") // ["Kubernetes", "PyTorch"]
 */
export function extractTools(text: string): string[] {
  const names: string[] = [];
  for (const match of text.toLowerCase().matchAll(TOOL_PATTERN)) {
    const name = TOOL_NAME.get(match[1] ?? match[0]);
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

// Cues written for stories told in one block (the analyzer decides most parts; these
// settle a sentence it leaves as "other").
const LESSON_CUE =
  /\b(?:i learned|i learnt|lesson|taught me|since then|next time|now i always|i would (?:do|have done)|in hindsight|looking back|takeaway)\b/i;
const RESULT_CUE =
  /\b(?:as a result|in the end|ended up|result(?:ed)?|outcome|finally|became|improved|reduced|increased|dropped|fell|rose|saved|cut|went (?:up|down|from))\b/i;
const FIRST_PERSON_DEED =
  /^\s*(?:i|we)\s+(?:\w+ed|built|wrote|made|ran|set|led|took|found|fixed|drove|sent|got|chose|began|spoke|met)\b/i;

/**
 * Splits free text (a story told in one block, or a mistake story) into STAR parts by
 * cues, keeping every sentence verbatim.
 * @example splitStoryText("Our deploys failed weekly. I added a canary. Failures dropped to zero. I learned to test rollbacks.").lesson
 * // "I learned to test rollbacks."
 */
const DANGLING_SUBJECT = /(?:^|[\s,])(?:I|we|We):?$/;

export function splitStoryText(text: string): Pick<Story, StoryField> {
  const out: Pick<Story, StoryField> = { situation: "", task: "", actions: [], result: "", lesson: "" };
  const sentences = analyze(text).sentences;
  // Sentences with no closing stop (bullet notes, a spoken answer) go on their own line: joined
  // by a space, "no owner" + "volunteered to fix it" would read as one sentence with a new meaning.
  const append = (field: Exclude<StoryField, "actions">, sentence: string) => {
    out[field] = joinSentences([out[field], sentence].filter((s) => s !== ""));
  };
  let seenAction = false;
  // "…traces, I" + a list of deeds ("Cached the history…"): the list's first line completes the
  // lead-in. Joining them keeps the user's words and makes the sentence whole.
  const texts: Array<{ text: string; part: (typeof sentences)[number]["part"] }> = [];
  for (const sentence of sentences) {
    const previous = texts.at(-1);
    const value = sentence.text.trim();
    if (previous && DANGLING_SUBJECT.test(previous.text) && /^[A-Z][a-z]/.test(value)) {
      previous.text = `${previous.text.replace(/:$/, "")} ${value[0]?.toLowerCase() ?? ""}${value.slice(1)}`;
      previous.part = "action";
    } else texts.push({ text: value, part: sentence.part });
  }
  // Before the speaker's first deed, what the analyzer hears as an outcome ("However, after launch,
  // we started seeing high error rates") or as an action nobody does ("It turned out the model was
  // loaded per request") is the problem the deeds answer: the situation, told in its place.
  const deed = (t: (typeof texts)[number]) =>
    t.part === "action" && (/\b(?:I|we|We)\b/.test(t.text) || lacksSubject(t.text));
  // Between two deeds, an outcome ("Within a week the operators said it missed the events") is
  // not how the story ended: it stays among the actions, in its place, where compose reads it as the
  // problem the next deed answers.
  const firstDeed = texts.findIndex(deed);
  const lastDeed = texts.findLastIndex(deed);
  texts.forEach((t, i) => {
    if (i < firstDeed && (t.part === "result" || t.part === "action")) t.part = "situation";
    else if (i > firstDeed && i < lastDeed && t.part === "result") t.part = "action";
  });
  for (const sentence of texts) {
    const value = sentence.text;
    // A spoken "Sure." or "Great question." opens an answer but tells no part of the story.
    if (value === "" || isPleasantry(value)) continue;
    let part = sentence.part;
    const first = out.situation === "" && !seenAction;
    if (LESSON_CUE.test(value)) part = "lesson";
    else if (part === "other" || (part === "situation" && !first)) {
      // The analyzer reads a short story's every sentence as context; the order and the
      // wording say more: after an action, an outcome is a result, a first-person deed an action.
      if (seenAction && (RESULT_CUE.test(value) || hasFigure(value))) part = "result";
      else if (!first && FIRST_PERSON_DEED.test(value)) part = "action";
      else part = seenAction ? "action" : "situation";
    }
    if (part === "action") {
      seenAction = true;
      out.actions.push(value);
    } else append(part, value);
  }
  // A story opens with its setting even when told as a deed ("I exposed the model through…").
  if (out.situation === "" && out.actions.length >= 2) out.situation = out.actions.shift() ?? "";
  return out;
}

// What the episode did to the speaker's understanding ("It helped me solidify my understanding
// of…", "It sharpened my sense of…", "It gave me a deeper appreciation for…"): a lesson told as
// growth, which the lens's cues (and its tagger) can read as one more result.
const GROWTH_CUE =
  /\b(?:helped|taught|allowed|pushed|forced|led) (?:me|us) (?:to )?(?:solidify|deepen|sharpen|broaden|strengthen|understand|appreciate|grasp|internali[sz]e|recogni[sz]e|realize|realise)\b|\b(?:solidif(?:y|ied)|sharpen(?:ed)?|broaden(?:ed)?|deepen(?:ed)?|strengthen(?:ed)?|reinforc(?:e|ed)|grew|expanded|changed) (?:my|our) (?:[\w-]+ ){0,3}(?:understanding|grasp|knowledge|intuition|appreciation|sense|view|thinking|perspective)\b|\bgave (?:me|us) (?:a )?(?:[\w-]+ ){0,2}(?:understanding|appreciation|sense|respect|perspective) (?:of|for)\b/;

/**
 * Whether a sentence says what the speaker learned, by the lens's lesson cue or as growth.
 * @example readsAsLesson("It helped me solidify my understanding of ML systems.") // true
 */
export function readsAsLesson(sentence: string): boolean {
  const text = sentence.toLowerCase().replace(/[’‘]/g, "'");
  return LENS_LESSON_CUE.test(text) || GROWTH_CUE.test(text);
}

/**
 * Turns an imported answer into a story in one step: STAR sections map to fields; a
 * free-text answer (e.g. a mistake story) is split into parts by cues.
 * @example storyFromAnswer(answerItem).competencies // ["mistake-failure"]
 */
export function storyFromAnswer(answer: AnswerItem): Story {
  const star = answer.star;
  const hasStar = star !== undefined && Object.values(star).some((v) => v !== undefined && v.trim() !== "");
  // Titled by what happened, not by the question it answers (many stories answer one question);
  // the question stays what the answer it was drawn from asks.
  const input: StoryInput = {
    id: answer.key,
    competencies: [classify(answer.question).competency],
  };
  if (hasStar) {
    // Without a Lesson section, the lesson is often the Result's closing line ("It taught me…",
    // or told as growth: "It helped me solidify my understanding of…"), as compose reads it.
    const result = splitSentences(star.result ?? "").map((s) => s.text);
    const lessonAt = star.lesson?.trim()
      ? -1
      : result.findIndex((sentence, i) => i > 0 && (LESSON_CUE.test(sentence) || readsAsLesson(sentence)));
    Object.assign(input, {
      situation: star.situation ?? "",
      task: star.task ?? "",
      actions: splitSentences(star.action ?? "").map((s) => s.text),
      result: lessonAt > 0 ? result.slice(0, lessonAt).join(" ") : (star.result ?? ""),
      lesson: lessonAt > 0 ? result.slice(lessonAt).join(" ") : (star.lesson ?? ""),
    });
  } else {
    input.text = answer.text;
  }
  const story = parseStory({ ...input, title: "-" });
  return { ...story, title: titleFromMaterial(story) ?? (answer.question.trim() || answer.key) };
}

// An opening frame before the episode's main clause: "During my LLM project on EKS, …", "In one
// project, …", "At my last job, …".
const FRAME = /^(?:during|in|at|on|while|for|as part of|back in|when)\s+([^,]{3,80}),\s+(.+)$/i;
// Words that tell nothing of the episode by themselves ("one project", "a previous job").
const VAGUE_WORDS =
  /^(?:a|an|the|my|our|one|this|that|some|previous|past|last|recent|earlier|former|first|second|project|job|role|team|company|work|time|day|week|month|year|case|situation|position|startup)$/i;
// The speaker as the subject: the sentence tells what they did or were doing.
const SPEAKS = /^(?:i|we|my team|our team|my goal|our goal|my task|my job)\b/i;
// The speaker and how they were placed, before what the episode is about: "I was working on",
// "We had", "My goal was to" (the deed's verb kept: "Built a pipeline to predict sales").
const SPEAKER =
  /^(?:(?:i|we)\s+(?:(?:was|were)\s+(?:working|asked|tasked)\s+(?:on|with|to)\s+|(?:worked|was working)\s+on\s+|(?:was|were|had)\s+)?|(?:my|our)\s+(?:goal|task|job)\s+was\s+(?:to\s+)?)/i;
// Where a title stops: an aside, a clause, the tools it was done with.
const CLAUSE_END =
  /\s*(?:\(|[,;:]\s|[:;]$|\s[—–-]\s|\.\s|\.$|\s(?:using|by using|with|which|where|so|so that|because|while|after|before|in order to)\s|\sand\s(?=[\p{L}-]+ed\b))/iu;
// A word a longer title can stop before and still read whole: a preposition, a relative, a
// participle after its noun ("…an image classification model | hosted on ECS").
const PHRASE_START =
  /^(?:for|on|in|at|to|from|across|over|through|into|within|without|under|between|during|via|that|which|who|and|hosted|built|running|deployed|based|used|serving)$/i;
// A word a title cannot end on: it promises more.
const DANGLING = /^(?:a|an|the|of|to|and|or|for|on|in|at|with|from|my|our|its|their|his|her)$/i;
const TITLE_WORDS = 10;

/** A sentence said as a title: its frame when that names the episode, else its deed without the speaker. */
function titlePhrase(sentence: string): string | undefined {
  let phrase = sentence;
  const frame = FRAME.exec(sentence);
  if (frame?.[1] !== undefined && frame[2] !== undefined) {
    const named = frame[1].split(/\s+/).filter((w) => !VAGUE_WORDS.test(w.replace(/[^\p{L}]/gu, "")));
    phrase = named.length >= 2 ? frame[1].replace(/^(?:my|our|the|a|an|one)\s+/i, "") : frame[2];
  }
  const speaker = SPEAKER.exec(phrase);
  if (speaker !== null && speaker[0] !== "") {
    // "I was working on a personal project…": the project, without its article.
    phrase = phrase.slice(speaker[0].length).replace(/^(?:a|an)\s+/i, "");
  }
  const end = CLAUSE_END.exec(phrase);
  if (end !== null && phrase.slice(0, end.index).split(/\s+/).length >= 3)
    phrase = phrase.slice(0, end.index);
  let words = phrase
    .replace(/[.!?:;,]+$/, "")
    .split(/\s+/)
    .filter(Boolean);
  let cut = false;
  if (words.length > TITLE_WORDS) {
    // Stop where a phrase begins, so the title reads whole; an ellipsis only when none does.
    let at = TITLE_WORDS;
    while (at > 3 && !PHRASE_START.test(words[at] ?? "")) at--;
    cut = at <= 3;
    words = words.slice(0, cut ? TITLE_WORDS : at);
  }
  while (words.length > 0 && DANGLING.test(words[words.length - 1] ?? "")) words = words.slice(0, -1);
  // Three words at least: "Fixed it" names no episode.
  if (words.length < 3) return undefined;
  const title = `${words.join(" ").replace(/[,;:]+$/, "")}${cut ? "…" : ""}`;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * A short title from the story's own material, as the candidate would name the episode: the
 * first sentence of its situation or task where they speak ("I was working on…", "During my…
 * project, …"), else its first situation sentence, else its first action or its result — said
 * as a phrase: the opening frame when it names the episode ("LLM deployment project on AWS EKS"),
 * else the deed without its speaker ("Built a pipeline to predict sales…"), stopped at its first
 * aside or clause, at most ten words and never mid-phrase. No markup. Undefined when the story
 * has no such sentence (the caller falls back to the question).
 * @example titleFromMaterial(parseStory({ situation: "During my LLM deployment project on AWS EKS, I was integrating Cognito." })) // "LLM deployment project on AWS EKS"
 */
export function titleFromMaterial(story: Story): string | undefined {
  const sentences = (text: string) =>
    splitSentences(stripMarkup(text))
      .map((s) => s.text.replace(/\s+/g, " ").trim())
      .filter((t) => t !== "" && !isPleasantry(t));
  const setting = [...sentences(story.situation), ...sentences(story.task)];
  const spoken = setting.find((t) => SPEAKS.test(FRAME.exec(t)?.[2] ?? t) || FRAME.test(t));
  const candidates = [
    ...(spoken === undefined ? [] : [spoken]),
    ...sentences(story.situation).slice(0, 1),
    ...sentences(story.actions[0] ?? "").slice(0, 1),
    ...sentences(story.result).slice(0, 1),
  ];
  for (const sentence of candidates) {
    const title = titlePhrase(sentence);
    if (title !== undefined) return title;
  }
  return undefined;
}

/**
 * The start of a story from a résumé-style accomplishment: the line is its result (and its
 * title); the situation, task and actions are the user's to write.
 * @example storyFromAccomplishment(line).result // "Reduced deployment time from 2 weeks to 3 days"
 */
export function storyFromAccomplishment(item: AccomplishmentItem): Story {
  const text = item.text.trim();
  const words = text.split(/\s+/);
  // A title is a handle, not the whole line: its first words.
  const title =
    words.length > 10
      ? `${words
          .slice(0, 10)
          .join(" ")
          .replace(/[,;:]$/, "")}…`
      : text;
  return parseStory({ id: item.key, title: title.replace(/[.!]$/, ""), result: text });
}

/** One sentence of a story, with where it stands. */
export interface StorySentence {
  text: string;
  field: StoryField;
  /** Item index within the field (the action number for `actions`, else 0). */
  index: number;
  /** Sentence number within that item. */
  sentence: number;
  part: StarPart;
}

/**
 * Every sentence of a story in telling order (situation → task → actions → result → lesson).
 * @example storySentences(story)[0] // { text: "Our deploys failed weekly.", field: "situation", index: 0, sentence: 0, part: "situation" }
 */
export function storySentences(story: Story): StorySentence[] {
  const out: StorySentence[] = [];
  for (const field of STORY_FIELDS) {
    const items = field === "actions" ? story.actions : [story[field]];
    items.forEach((item, index) => {
      splitSentences(item).forEach((span, sentence) => {
        out.push({ text: span.text, field, index, sentence, part: FIELD_PART[field] });
      });
    });
  }
  return out;
}
