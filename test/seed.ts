import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importPrepDocument, parsePrepDocument } from "../src/core/markdown/index.ts";
import type { AnswerItem, PrepDoc } from "../src/core/model.ts";

// The seed document is read from ../shared/seed at run time (never copied into the repo); tests
// that need it run when it is there and are mandatory under CI=true.
const seedDir = fileURLToPath(new URL("../../shared/seed/", import.meta.url));

/** The seed document, imported as a user would import it; undefined when ../shared is absent. */
export function readSeed(): PrepDoc | undefined {
  const file = existsSync(seedDir) ? readdirSync(seedDir).find((f) => f.endsWith(".txt")) : undefined;
  return file === undefined ? undefined : importPrepDocument(readFileSync(`${seedDir}${file}`));
}

/** Our sample document (samples/sample-prep.md), parsed. */
export function readSample(): PrepDoc {
  return parsePrepDocument(readFileSync(new URL("../samples/sample-prep.md", import.meta.url), "utf8"));
}

/** Whether seed tests run: the seed is there, or CI demands it. */
export const SEED_RUNS = existsSync(seedDir) || process.env.CI === "true";

/** The answer with this key, or a clear failure naming it. */
export function answerOf(doc: PrepDoc | undefined, key: string): AnswerItem {
  const answer = doc?.items.find((i): i is AnswerItem => i.kind === "answer" && i.key === key);
  if (!answer) throw new Error(`${key} is missing from the document`);
  return answer;
}
