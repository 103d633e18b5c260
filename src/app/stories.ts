/**
 * Stories in the user's bank: written by hand, or drawn in one action from an imported
 * answer. Every story is validated by the packaging core (`parseStory`) before it is
 * stored, and read back in the core's shape so compose, match and tailor take it as is.
 */

import { COMPETENCY_TOPICS } from "../core/analysis/data/competencies.ts";
import { classify } from "../core/analysis/index.ts";
import { DeriskError } from "../core/errors.ts";
import type { AnswerItem } from "../core/model.ts";
import { tellsEpisode } from "../core/packaging/episode.ts";
import {
  extractMetrics,
  extractTools,
  parseStory,
  type Story,
  type StoryInput,
  storyFromAccomplishment,
  storyFromAnswer,
} from "../core/packaging/index.ts";
import type { Store } from "../store/index.ts";
import { HINTS, kindWithArticle } from "./errors.ts";

type StoreStory = Awaited<ReturnType<Store["stories"]["getStory"]>>;
type StoreItem = Awaited<ReturnType<Store["items"]["getItem"]>>;

/** A story as the bank holds it: the core's validated `Story` plus where it came from and its version. */
export interface StoredStory extends Story {
  /** The answer item it was drawn from, while that item exists. */
  sourceItemId?: string;
  /**
   * The question of the answer it was drawn from, while that answer exists, and the answer's
   * variant when it is not the core one: the title says what happened, this what it answers.
   * Filled where stories are shown (`storiesAsShown`, `storyAsShown`).
   */
  question?: string;
  variant?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Longest story accepted, all fields together, in characters: a spoken story is under 5,000. */
export const MAX_STORY_CHARS = 50_000;

// The store keeps actions as one text, one action per line; the core splits on newlines.
const joinActions = (actions: readonly string[]) => actions.join("\n");

function toStoredStory(row: StoreStory): StoredStory {
  return {
    id: row.id,
    title: row.title,
    situation: row.situation,
    task: row.task,
    actions: row.actions
      .split(/\n+/)
      .map((a) => a.trim())
      .filter((a) => a !== ""),
    result: row.result,
    lesson: row.lesson,
    metrics: row.metrics,
    tags: row.tags,
    competencies: row.competencies,
    ...(row.sourceItemId === undefined ? {} : { sourceItemId: row.sourceItemId }),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function storyColumns(story: Story) {
  return {
    title: story.title,
    situation: story.situation,
    task: story.task,
    actions: joinActions(story.actions),
    result: story.result,
    lesson: story.lesson,
    metrics: story.metrics,
    tags: story.tags,
    competencies: story.competencies,
  };
}

function checkSize(input: unknown): void {
  // JSON length bounds every text field at once, whatever shape the caller sent.
  const size = JSON.stringify(input ?? null).length;
  if (size > MAX_STORY_CHARS) {
    throw new DeriskError(
      "TOO_LARGE",
      `The story is ${Math.round(size / 1000)} K characters, over the ${MAX_STORY_CHARS / 1000} K limit: a story is one episode; split it.`,
    );
  }
}

/**
 * The user's stories, most recently edited first.
 * @example const stories = await listStories(store, "local"); stories[0]?.title
 */
export async function listStories(store: Store, userId: string): Promise<StoredStory[]> {
  return (await store.stories.listStories(userId)).map(toStoredStory);
}

type AnswerOf = { question: string; variant: string };

/** The stories with the question (and variant) of the answer each was drawn from, as lists show them. */
function withQuestions(stories: StoredStory[], answers: ReadonlyMap<string, AnswerOf>): StoredStory[] {
  return stories.map((story) => {
    const answer = story.sourceItemId === undefined ? undefined : answers.get(story.sourceItemId);
    if (answer === undefined || answer.question.trim() === "") return story;
    const variant = answer.variant.trim();
    return {
      ...story,
      question: answer.question.trim(),
      ...(variant === "" || variant === "core" ? {} : { variant }),
    };
  });
}

/**
 * The user's stories as the lists show them: each with the question of the answer it was drawn
 * from (its title says what happened, so stories of one question read apart).
 * @example (await storiesAsShown(store, "local"))[0]?.question // "Tell me about a time you made a mistake…"
 */
export async function storiesAsShown(store: Store, userId: string): Promise<StoredStory[]> {
  const stories = await listStories(store, userId);
  if (!stories.some((story) => story.sourceItemId !== undefined)) return stories;
  const answers = new Map<string, AnswerOf>();
  for (const item of await store.items.listItems(userId, { kind: "answer" })) {
    if (item.kind === "answer") answers.set(item.id, { question: item.question, variant: item.variant });
  }
  return withQuestions(stories, answers);
}

/**
 * One story as its page shows it: with the question of the answer it was drawn from.
 * @example (await storyAsShown(store, "local", id)).question
 */
export async function storyAsShown(store: Store, userId: string, storyId: string): Promise<StoredStory> {
  const story = await getStory(store, userId, storyId);
  if (story.sourceItemId === undefined) return story;
  // Only the answer this story was drawn from (gone if its document was deleted).
  const item = await store.items.getItem(userId, story.sourceItemId).catch((error: unknown) => {
    if (error instanceof DeriskError && error.code === "NOT_FOUND") return undefined;
    throw error;
  });
  const answers = new Map<string, AnswerOf>();
  if (item?.kind === "answer") answers.set(item.id, { question: item.question, variant: item.variant });
  return withQuestions([story], answers)[0] ?? story;
}

/**
 * The title of the document each story was drawn from, by story id, when the bank holds more
 * than one document (the sample counts: it and a user's own prep both tell "a time you made a
 * mistake"); empty with one document, where the title would say nothing. A story written by
 * hand, or whose answer is gone, has none.
 * @example (await storyDocuments(store, "local")).get(story.id) // "My prep"
 */
export async function storyDocuments(store: Store, userId: string): Promise<Map<string, string>> {
  const named = new Map<string, string>();
  const documents = await store.documents.listDocuments(userId);
  if (documents.length < 2) return named;
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const documentOfItem = new Map(
    (await store.items.listItems(userId)).map((item) => [item.id, item.documentId]),
  );
  for (const story of await store.stories.listStories(userId)) {
    const documentId = story.sourceItemId === undefined ? undefined : documentOfItem.get(story.sourceItemId);
    const title = documentId === undefined ? undefined : titles.get(documentId);
    if (title !== undefined) named.set(story.id, title);
  }
  return named;
}

/**
 * One story of the user's (NOT_FOUND for another user's).
 * @example const story = await getStory(store, "local", id);
 */
export async function getStory(store: Store, userId: string, storyId: string): Promise<StoredStory> {
  return toStoredStory(await store.stories.getStory(userId, storyId));
}

/**
 * Validates a loose story (fields, or one block of `text`) and saves it. An empty story,
 * or one with only a title, is BAD_INPUT with what to add.
 * @example await createStory(store, "local", { title: "Flaky deploys", actions: "I added a canary.", result: "Failures fell to zero." });
 */
export async function createStory(
  store: Store,
  userId: string,
  input: unknown,
  options: { sourceItemId?: string } = {},
): Promise<StoredStory> {
  checkSize(input);
  const story = parseStory(input);
  const row = await store.stories.createStory(userId, {
    ...storyColumns(story),
    ...(options.sourceItemId === undefined ? {} : { sourceItemId: options.sourceItemId }),
  });
  return toStoredStory(row);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

const bodyOf = (story: Pick<Story, "situation" | "task" | "actions" | "result" | "lesson">) =>
  [story.situation, story.task, ...story.actions, story.result, story.lesson].join("\n");

/**
 * Changes the given fields of a story and validates the whole again, so an edit cannot leave
 * it empty. Figures and tools the story derived (not typed by the user) follow the new text.
 * A stale `expectedVersion` is a CONFLICT.
 * @example await updateStory(store, "local", id, { lesson: "I learned to test rollbacks." }, { expectedVersion: 2 });
 */
export async function updateStory(
  store: Store,
  userId: string,
  storyId: string,
  patch: StoryInput,
  options: { expectedVersion?: number } = {},
): Promise<StoredStory> {
  checkSize(patch);
  const current = toStoredStory(await store.stories.getStory(userId, storyId));
  const body = bodyOf(current);
  const derivedMetrics = sameList(current.metrics, extractMetrics(body));
  const derivedTags = sameList(current.tags, extractTools(body));
  const { id: _id, ...fields } = patch;
  const merged: StoryInput = {
    title: current.title,
    situation: current.situation,
    task: current.task,
    actions: current.actions,
    result: current.result,
    lesson: current.lesson,
    competencies: current.competencies,
    ...(derivedMetrics ? {} : { metrics: current.metrics }),
    ...(derivedTags ? {} : { tags: current.tags }),
    ...fields,
  };
  // A block of text replaces the parts: parseStory splits it only when they are empty.
  if (patch.text !== undefined) {
    for (const field of ["situation", "task", "actions", "result", "lesson"] as const) {
      if (patch[field] === undefined) delete merged[field];
    }
  }
  const story = parseStory(merged);
  const row = await store.stories.updateStory(userId, storyId, {
    ...storyColumns(story),
    ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
  });
  return toStoredStory(row);
}

/**
 * Deletes a story (NOT_FOUND when it is not the user's).
 * @example await deleteStory(store, "local", id);
 */
export async function deleteStory(store: Store, userId: string, storyId: string): Promise<void> {
  await store.stories.deleteStory(userId, storyId);
}

/**
 * Whether an answer tells an episode a story can hold: STAR sections, or a free/scripted
 * answer to a behavioral question (not an introduction, a "why", or a concept).
 * @example isStoryLike(q3) // true; isStoryLike(aboutMe) // false
 */
export function isStoryLike(answer: AnswerItem): boolean {
  return tellsEpisode(answer, classify(answer.question).competency);
}

/** Why an answer tells no episode ("an outline, not an episode"), or undefined when it does. */
function notAnEpisode(answer: AnswerItem): string | undefined {
  if (isStoryLike(answer)) return undefined;
  if (answer.format === "beats") return "an outline, not an episode";
  if (answer.text.trim() === "") return "empty";
  return `not an episode: its question asks about ${COMPETENCY_TOPICS[classify(answer.question).competency]}`;
}

function asSource(
  item: StoreItem,
  itemId: string,
): Extract<StoreItem, { kind: "answer" | "accomplishment" }> {
  if (item.kind !== "answer" && item.kind !== "accomplishment") {
    throw new DeriskError(
      "BAD_INPUT",
      `Item ${itemId} is ${kindWithArticle(item.kind)}, not an answer or an accomplishment: a story is drawn from one of those`,
      { hint: HINTS.answers },
    );
  }
  return item;
}

function storyInputFromAnswer(answer: AnswerItem): Story {
  if (answer.format === "beats") {
    throw new DeriskError(
      "BAD_INPUT",
      `The answer “${answer.key}” is an outline (beats), not an episode: draw the story from a STAR or free answer.`,
    );
  }
  const story = storyFromAnswer(answer);
  // A story titled by its question (its material gave no title): variants of one question would
  // all read alike, so the label tells them apart.
  const variant = answer.variant.trim();
  const byQuestion = story.title === (answer.question.trim() || answer.key);
  return variant === "" || variant === "core" || !byQuestion
    ? story
    : { ...story, title: `${story.title} (${variant})` };
}

/**
 * Turns an imported answer (STAR sections or free text) or an accomplishment line (its
 * result, the rest to write) into a story in one action. An item already converted returns
 * its story with `created: false`; an answer that tells no episode is refused with the reason.
 * @example const { story, created } = await createStoryFromAnswer(store, "local", q3.id);
 */
export async function createStoryFromAnswer(
  store: Store,
  userId: string,
  itemId: string,
): Promise<{ story: StoredStory; created: boolean }> {
  const answer = asSource(await store.items.getItem(userId, itemId), itemId);
  const existing = (await listStories(store, userId)).find((s) => s.sourceItemId === itemId);
  if (existing) return { story: existing, created: false };
  if (answer.kind === "accomplishment") {
    const story = storyFromAccomplishment(answer);
    const row = await store.stories.createStory(userId, { ...storyColumns(story), sourceItemId: itemId });
    return { story: toStoredStory(row), created: true };
  }
  const reason = notAnEpisode(answer);
  if (reason !== undefined) {
    throw new DeriskError(
      "BAD_INPUT",
      `Your answer to “${answer.question}” is ${reason}. A story holds one episode (a situation, what you did, the result): make one from a STAR or behavioral answer, or write one in Stories.`,
    );
  }
  const story = storyInputFromAnswer(answer);
  const row = await store.stories.createStory(userId, { ...storyColumns(story), sourceItemId: itemId });
  return { story: toStoredStory(row), created: true };
}

/**
 * The episode an answer tells, as an unsaved story (its id is the answer's), or undefined when
 * the answer tells none (an introduction, a "why" answer, an outline, an empty one).
 * @example episodeOf(q3, q3Id)?.actions.length // 3
 */
export function episodeOf(answer: AnswerItem, id: string): Story | undefined {
  return notAnEpisode(answer) === undefined ? { ...storyInputFromAnswer(answer), id } : undefined;
}

/** What converting a document did, answer by answer. */
export interface StoriesFromDocument {
  documentId: string;
  created: StoredStory[];
  /** Answers already converted, with their story. */
  existing: Array<{ itemId: string; key: string; storyId: string }>;
  /**
   * Answers that are not episodes (introductions, "why" answers, outlines), with what names them
   * to the user: the question, its number as the document wrote it, and the variant.
   */
  skipped: Array<{
    itemId: string;
    key: string;
    question: string;
    questionNumber?: string;
    variant: string;
    reason: string;
  }>;
}

/**
 * Turns every STAR-like answer of a document into a story, skipping answers already
 * converted (the story keeps its source item) and answers that tell no episode.
 * @example (await createStoriesFromDocument(store, "local", documentId)).created.length // 4 for the sample
 */
export async function createStoriesFromDocument(
  store: Store,
  userId: string,
  documentId: string,
): Promise<StoriesFromDocument> {
  const documents = await store.documents.listDocuments(userId);
  if (!documents.some((d) => d.id === documentId)) {
    throw new DeriskError("NOT_FOUND", `No document ${documentId} in your bank`, { hint: HINTS.documents });
  }
  const answers = await store.items.listItems(userId, { documentId, kind: "answer" });
  const bySource = new Map<string, string>();
  for (const story of await store.stories.listStories(userId)) {
    if (story.sourceItemId !== undefined) bySource.set(story.sourceItemId, story.id);
  }
  const out: StoriesFromDocument = { documentId, created: [], existing: [], skipped: [] };
  for (const item of answers) {
    if (item.kind !== "answer") continue;
    const storyId = bySource.get(item.id);
    if (storyId !== undefined) {
      out.existing.push({ itemId: item.id, key: item.key, storyId });
      continue;
    }
    const reason = notAnEpisode(item);
    if (reason !== undefined) {
      out.skipped.push({
        itemId: item.id,
        key: item.key,
        question: item.question,
        ...(item.questionNumber === undefined ? {} : { questionNumber: item.questionNumber }),
        variant: item.variant,
        reason,
      });
      continue;
    }
    const story = storyInputFromAnswer(item);
    const row = await store.stories.createStory(userId, { ...storyColumns(story), sourceItemId: item.id });
    out.created.push(toStoredStory(row));
  }
  return out;
}
