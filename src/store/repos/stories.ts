/**
 * Stories: the raw material, one real episode each, that answers are composed from.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Competency } from "../../core/model.ts";
import type { StoryRow } from "../schema.ts";
import { type Db, inTransaction, json, notFound, optional, staleVersion, withOwnedRefs } from "./sql.ts";

export interface StoryInput {
  title: string;
  situation?: string;
  task?: string;
  actions?: string;
  result?: string;
  lesson?: string;
  metrics?: string[];
  tags?: string[];
  competencies?: Competency[];
  /** The item this story was drawn from (e.g. a STAR answer). */
  sourceItemId?: string;
}

export interface Story {
  id: string;
  title: string;
  situation: string;
  task: string;
  actions: string;
  result: string;
  lesson: string;
  metrics: string[];
  tags: string[];
  competencies: Competency[];
  sourceItemId?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type StoryPatch = Partial<StoryInput> & { expectedVersion?: number };

function storyFromRow(row: StoryRow): Story {
  return {
    id: row.id,
    title: row.title,
    situation: row.situation,
    task: row.task,
    actions: row.actions,
    result: row.result,
    lesson: row.lesson,
    metrics: row.metrics,
    tags: row.tags,
    // Written from Competency values by this repo.
    competencies: row.competencies as Competency[],
    ...optional("sourceItemId", row.source_item_id),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function storyColumns(input: Partial<StoryInput>) {
  return {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.situation !== undefined ? { situation: input.situation } : {}),
    ...(input.task !== undefined ? { task: input.task } : {}),
    ...(input.actions !== undefined ? { actions: input.actions } : {}),
    ...(input.result !== undefined ? { result: input.result } : {}),
    ...(input.lesson !== undefined ? { lesson: input.lesson } : {}),
    ...(input.metrics !== undefined ? { metrics: json(input.metrics) } : {}),
    ...(input.tags !== undefined ? { tags: json(input.tags) } : {}),
    ...(input.competencies !== undefined ? { competencies: json(input.competencies) } : {}),
    ...(input.sourceItemId !== undefined ? { source_item_id: input.sourceItemId } : {}),
  };
}

export interface StoriesRepo {
  /** @example const story = await store.stories.createStory("local", { title: "Flaky GPU job", result: "…" }); */
  createStory(userId: string, input: StoryInput): Promise<Story>;
  /** @example const story = await store.stories.getStory("local", storyId); */
  getStory(userId: string, storyId: string): Promise<Story>;
  /** Most recently edited first. @example const stories = await store.stories.listStories("local"); */
  listStories(userId: string): Promise<Story[]>;
  /**
   * Changes the given fields and bumps the version; a stale `expectedVersion` is a CONFLICT.
   *
   * @example await store.stories.updateStory("local", story.id, { lesson, expectedVersion: story.version });
   */
  updateStory(userId: string, storyId: string, patch: StoryPatch): Promise<Story>;
  /** @example await store.stories.deleteStory("local", storyId); */
  deleteStory(userId: string, storyId: string): Promise<void>;
}

export function storiesRepo(db: Db): StoriesRepo {
  return {
    async createStory(userId, input) {
      const row = await withOwnedRefs({ user: userId, item: input.sourceItemId }, () =>
        db
          .insertInto("stories")
          .values({
            id: randomUUID(),
            user_id: userId,
            ...storyColumns(input),
            title: input.title,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return storyFromRow(row);
    },

    async getStory(userId, storyId) {
      const row = await db
        .selectFrom("stories")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", storyId)
        .executeTakeFirst();
      if (!row) throw notFound("story", storyId);
      return storyFromRow(row);
    },

    async listStories(userId) {
      const rows = await db
        .selectFrom("stories")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("updated_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(storyFromRow);
    },

    async updateStory(userId, storyId, patch) {
      return inTransaction(db, async (trx) => {
        let update = trx
          .updateTable("stories")
          .set({ ...storyColumns(patch), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
          .where("user_id", "=", userId)
          .where("id", "=", storyId);
        if (patch.expectedVersion !== undefined) update = update.where("version", "=", patch.expectedVersion);
        const row = await withOwnedRefs({ user: userId, item: patch.sourceItemId }, () =>
          update.returningAll().executeTakeFirst(),
        );
        if (row) return storyFromRow(row);
        const current = await trx
          .selectFrom("stories")
          .select("version")
          .where("user_id", "=", userId)
          .where("id", "=", storyId)
          .executeTakeFirst();
        if (!current || patch.expectedVersion === undefined) throw notFound("story", storyId);
        throw staleVersion("story", current.version, patch.expectedVersion);
      });
    },

    async deleteStory(userId, storyId) {
      const result = await db
        .deleteFrom("stories")
        .where("user_id", "=", userId)
        .where("id", "=", storyId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound("story", storyId);
    },
  };
}
