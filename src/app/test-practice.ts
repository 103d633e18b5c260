/**
 * Test support (imported by tests only): our sample prep document imported into a real store,
 * and the fixed clock the practice, progress and drill tests start from.
 */
import { readFileSync } from "node:fs";
import type { ImportResult } from "../core/api-types.ts";
import type { RatingName } from "../core/schedule/index.ts";
import type { Store } from "../store/index.ts";
import { importDocument } from "./bank.ts";
import {
  beginAnswer,
  listDue,
  type RateResult,
  rateAnswer,
  startPractice,
  submitAnswer,
} from "./practice.ts";

/** The bytes of samples/sample-prep.md. */
export const SAMPLE_PREP = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url));

/**
 * Imports the sample as a document of `userId` (the importer's own path, as a user's file).
 * @example const { documentId } = await importSample(store);
 */
export function importSample(store: Store, userId = "a"): Promise<ImportResult> {
  return importDocument(store, userId, { bytes: SAMPLE_PREP, filename: "sample-prep.md" });
}

/** 09:00 UTC on Monday 2 March 2026: where a test's clock starts. */
export const T0 = new Date("2026-03-02T09:00:00Z");

/** `seconds` after T0. */
export const secondsAfterT0 = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

/** `days` after T0. */
export const daysAfterT0 = (days: number): Date => new Date(T0.getTime() + days * 86_400_000);

/** A typed answer of three sentences with a figure, for tests that need one to rate. */
export const PIPELINE_ANSWER =
  "At my last job our nightly training pipeline failed twice a week. I traced it to a race in the feature export, rewrote it as an idempotent step and added a check. Failures dropped from eight a month to zero.";

/**
 * The id of the first answer the due queue offers (the sample's first, on a fresh bank).
 * @example const itemId = await firstDueItemId(store);
 */
export async function firstDueItemId(store: Store, userId = "a"): Promise<string> {
  const [first] = await listDue(store, userId, { limit: 1 });
  return first?.itemId ?? "";
}

/**
 * Practises one answer in a session of its own, as a user would: the question shown at
 * `begin`, `text` submitted and the answer rated at `end` (the same moment unless given).
 * @example const rated = await practiseOnce(store, itemId, { begin: at }); // rated.due
 */
export async function practiseOnce(
  store: Store,
  itemId: string,
  options: { begin: Date; end?: Date; text?: string; rating?: RatingName; userId?: string },
): Promise<RateResult> {
  const { begin, end = begin, text = PIPELINE_ANSWER, rating = "good", userId = "a" } = options;
  const session = await startPractice(store, userId, { from: { kind: "items", ids: [itemId] }, now: begin });
  const stepId = session.current?.id ?? "";
  await beginAnswer(store, userId, session.id, { stepId, now: begin });
  await submitAnswer(store, userId, session.id, { stepId, text, now: end });
  return rateAnswer(store, userId, session.id, stepId, rating, { now: end });
}

/** Fourteen story topics, one question each in `topicsDocument`. */
export const TOPICS = [
  "a missed deadline",
  "a conflict with a colleague",
  "a project you led",
  "a decision with little data",
  "a mistake you made",
  "feedback you disagreed with",
  "a model that failed in production",
  "a time you mentored someone",
  "a change in priorities",
  "a stakeholder who said no",
  "an ambiguous request",
  "a process you improved",
  "a risk you took",
  "a hard trade-off",
];

/**
 * A prep document of one "Tell me about …" question a topic, each with a short STAR answer
 * with a figure: a bank of as many never-practised cards as topics.
 */
export function topicsDocument(topics: readonly string[] = TOPICS): string {
  return [
    "# My prep",
    "",
    ...topics.flatMap((topic, i) => [
      `## Q${i + 1}- Tell me about ${topic}`,
      "",
      `When ${topic} came up in my last role, I set out what had to happen, agreed it with the team and shipped it. We cut the error rate from 9 % to 2 % in six weeks, and I learned to write the plan down first.`,
      "",
    ]),
  ].join("\n");
}
