/**
 * The candidate's profile (one per user) and their editable risk lens (Framing).
 */
import { sql } from "kysely";
import { NEW_CARDS_PER_DAY } from "../../core/schedule/schedule.ts";
import type { Budgets, FramingRisk, ProfileRow } from "../schema.ts";
import { type Db, inTransaction, json, optional, staleVersion, withOwnedRefs } from "./sql.ts";

export type { Budgets, FramingRisk } from "../schema.ts";

export const DEFAULT_WORDS_PER_MINUTE = 150;

export interface ProfileInput {
  name: string;
  targetRole: string;
  background: string[];
  targetCompanies: string[];
  wordsPerMinute: number;
  budgets: Budgets;
  /** Never-practised cards the due queue and the drill introduce a day, 0–100. */
  newCardsPerDay: number;
  /** The user's own wording of the five risks; absent means the default lens. */
  framing: FramingRisk[];
}

export interface Profile extends Omit<ProfileInput, "targetRole" | "framing"> {
  userId: string;
  targetRole?: string;
  framing?: FramingRisk[];
  /** 0 until the profile is first saved. */
  version: number;
  updatedAt?: Date;
}

/** Fields to change; `null` clears targetRole or framing. */
export type ProfilePatch = Partial<Omit<ProfileInput, "targetRole" | "framing">> & {
  targetRole?: string | null;
  framing?: FramingRisk[] | null;
  expectedVersion?: number;
};

function profileFromRow(row: ProfileRow): Profile {
  return {
    userId: row.user_id,
    name: row.name,
    ...optional("targetRole", row.target_role),
    background: row.background,
    targetCompanies: row.target_companies,
    wordsPerMinute: row.words_per_minute,
    budgets: row.budgets,
    newCardsPerDay: row.new_cards_per_day,
    ...optional("framing", row.framing),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function defaultProfile(userId: string): Profile {
  return {
    userId,
    name: "",
    background: [],
    targetCompanies: [],
    wordsPerMinute: DEFAULT_WORDS_PER_MINUTE,
    budgets: {},
    newCardsPerDay: NEW_CARDS_PER_DAY,
    version: 0,
  };
}

function profileColumns(patch: ProfilePatch) {
  return {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.targetRole !== undefined ? { target_role: patch.targetRole } : {}),
    ...(patch.background !== undefined ? { background: json(patch.background) } : {}),
    ...(patch.targetCompanies !== undefined ? { target_companies: json(patch.targetCompanies) } : {}),
    ...(patch.wordsPerMinute !== undefined ? { words_per_minute: patch.wordsPerMinute } : {}),
    ...(patch.budgets !== undefined ? { budgets: json(patch.budgets) } : {}),
    ...(patch.newCardsPerDay !== undefined ? { new_cards_per_day: patch.newCardsPerDay } : {}),
    ...(patch.framing !== undefined ? { framing: patch.framing === null ? null : json(patch.framing) } : {}),
  };
}

export interface ProfilesRepo {
  /**
   * The user's profile; defaults (150 words/min, no budgets, version 0) until one is saved.
   *
   * @example const { wordsPerMinute } = await store.profiles.getProfile("local");
   */
  getProfile(userId: string): Promise<Profile>;
  /**
   * Creates or changes the profile; a stale `expectedVersion` is a CONFLICT.
   *
   * @example await store.profiles.upsertProfile("local", { targetRole: "ML Engineer", expectedVersion: profile.version });
   */
  upsertProfile(userId: string, patch: ProfilePatch): Promise<Profile>;
}

export function profilesRepo(db: Db): ProfilesRepo {
  const getProfile = async (userId: string): Promise<Profile> => {
    const row = await db.selectFrom("profiles").selectAll().where("user_id", "=", userId).executeTakeFirst();
    return row ? profileFromRow(row) : defaultProfile(userId);
  };
  return {
    getProfile,
    async upsertProfile(userId, patch) {
      const columns = profileColumns(patch);
      const bump = { version: sql<number>`profiles.version + 1`, updated_at: sql<Date>`now()` };
      const expected = patch.expectedVersion;
      return inTransaction(db, async (trx) => {
        const insert = trx.insertInto("profiles").values({ user_id: userId, ...columns });
        let row: ProfileRow | undefined;
        if (expected === undefined) {
          const upsert = insert.onConflict((conflict) =>
            conflict.column("user_id").doUpdateSet({ ...columns, ...bump }),
          );
          row = await withOwnedRefs({ user: userId }, () => upsert.returningAll().executeTakeFirst());
        } else if (expected === 0) {
          // Version 0 is "never saved": only the first save may succeed.
          const create = insert.onConflict((conflict) => conflict.column("user_id").doNothing());
          row = await withOwnedRefs({ user: userId }, () => create.returningAll().executeTakeFirst());
        } else {
          row = await trx
            .updateTable("profiles")
            .set({ ...columns, ...bump })
            .where("user_id", "=", userId)
            .where("version", "=", expected)
            .returningAll()
            .executeTakeFirst();
        }
        if (row) return profileFromRow(row);
        const current = await trx
          .selectFrom("profiles")
          .select("version")
          .where("user_id", "=", userId)
          .executeTakeFirst();
        throw staleVersion("profile", current?.version ?? 0, expected ?? 0);
      });
    },
  };
}
