import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/** Where the stories file and its folder are, once the hooks have run. */
export interface StoriesFile {
  /** A fresh folder for the test's own files, removed after the tests. */
  dir: string;
  /** stories.json in it: two stories, "outage" (result, figure, lesson) and "metric" (a result only). */
  path: string;
}

/**
 * Registers hooks that write a two-story `--stories` file before the tests of the file (or
 * describe block) it is called in and remove it after: "outage", a mistake with a result, a
 * figure and a lesson; "metric", a conflict with a result and nothing else.
 */
export function withStoriesFile(): StoriesFile {
  const file: StoriesFile = { dir: "", path: "" };
  beforeAll(() => {
    file.dir = mkdtempSync(join(tmpdir(), "derisk-match-"));
    file.path = join(file.dir, "stories.json");
    writeFileSync(
      file.path,
      JSON.stringify([
        {
          id: "outage",
          title: "The rollback I forgot",
          actions: ["I missed that the old service still read the dropped column."],
          result: "Checkout was down for 20 minutes.",
          lesson: "I learned to ship expand-and-contract migrations.",
          competencies: ["mistake-failure"],
        },
        {
          id: "metric",
          title: "Disagreeing on the metric",
          actions: ["I showed the cost of missed fraud."],
          result: "We chose recall.",
          competencies: ["conflict"],
        },
      ]),
    );
  });
  afterAll(() => rmSync(file.dir, { recursive: true, force: true }));
  return file;
}
