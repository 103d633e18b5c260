import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importPrepDocument, parsePrepDocument } from "../src/core/markdown/index.ts";
import type { AnswerItem, PrepDoc } from "../src/core/model.ts";

// The seed document is read from ../shared/seed (or DERISK_SEED_DIR) at run time, never copied
// into the repo; tests that need it run when it is there and are mandatory under CI=true.
export const SEED_DIR =
  process.env.DERISK_SEED_DIR ?? fileURLToPath(new URL("../../shared/seed/", import.meta.url));

/** The seed's file name (the `000_…` document first), or undefined when there is none. */
export const SEED_FILE: string | undefined = existsSync(SEED_DIR)
  ? readdirSync(SEED_DIR)
      .filter((f) => f.endsWith(".txt") || f.endsWith(".md"))
      .sort((a, b) => Number(!a.startsWith("000_")) - Number(!b.startsWith("000_")) || a.localeCompare(b))[0]
  : undefined;

/** Whether seed tests run: the seed is there, or CI demands it. */
export const SEED_RUNS = SEED_FILE !== undefined || process.env.CI === "true";

/** The seed's path, or undefined when ../shared is absent. */
export function seedPath(): string | undefined {
  return SEED_FILE === undefined ? undefined : join(SEED_DIR, SEED_FILE);
}

/**
 * The seed as a user uploads it: its bytes (mis-decoded as it is on disk) and its file name.
 * Under CI a missing seed fails here, naming the directory.
 */
export function seedUpload(): { bytes: Uint8Array; filename: string } {
  const path = seedPath();
  if (path === undefined || SEED_FILE === undefined) throw new Error(`No seed document in ${SEED_DIR}`);
  return { bytes: new Uint8Array(readFileSync(path)), filename: SEED_FILE };
}

/**
 * The seed document, imported as a user would import it; undefined when seed tests do not run
 * (no ../shared, not CI).
 */
export function readSeed(): PrepDoc | undefined {
  return SEED_RUNS ? importPrepDocument(seedUpload().bytes) : undefined;
}

/** Our sample document (samples/sample-prep.md), parsed. */
export function readSample(): PrepDoc {
  return parsePrepDocument(readFileSync(new URL("../samples/sample-prep.md", import.meta.url), "utf8"));
}

/** The answer with this key, or a clear failure naming it. */
export function answerOf(doc: PrepDoc | undefined, key: string): AnswerItem {
  const answer = doc?.items.find((i): i is AnswerItem => i.kind === "answer" && i.key === key);
  if (!answer) throw new Error(`${key} is missing from the document`);
  return answer;
}
