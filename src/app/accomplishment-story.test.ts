import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { registerStoriesCommand } from "../cli/commands/stories.ts";
import { runCommand } from "../cli/test-cli.ts";
import { describeStores } from "../store/test-stores.ts";
import { importDocument } from "./bank.ts";
import { createStoryFromAnswer } from "./stories.ts";

// "Make a story" from a résumé-style accomplishment line, in the use case and the CLI.
const resume = readFileSync(
  new URL("../../test/fixtures/structures/resume-achievements.md", import.meta.url),
);

describeStores("stories from accomplishments", (getStore) => {
  async function importResume() {
    const store = getStore();
    const result = await importDocument(store, "a", { bytes: resume, filename: "resume.md" });
    const items = await store.items.listItems("a", { documentId: result.documentId ?? "" });
    const line = (start: string) => {
      const item = items.find((i) => i.kind === "accomplishment" && i.text.startsWith(start));
      if (!item) throw new Error(`the résumé has “${start}…”`);
      return item.id;
    };
    return { store, line };
  }

  it("turns a line into a story whose result is the line and whose title is its start, once", async () => {
    const { store, line } = await importResume();
    const id = line("Cut cloud costs");
    const first = await createStoryFromAnswer(store, "a", id);
    expect(first.created).toBe(true);
    expect(first.story).toMatchObject({
      sourceItemId: id,
      title: "Cut cloud costs by 28% ($180k a year) by right-sizing…",
      result: "Cut cloud costs by 28% ($180k a year) by right-sizing databases and deleting idle clusters",
      situation: "",
      actions: [],
      metrics: expect.arrayContaining(["28%"]),
    });
    expect(await createStoryFromAnswer(store, "a", id)).toEqual({ story: first.story, created: false });
    // A short line is its own title.
    const short = await createStoryFromAnswer(store, "a", line("Migrated 40 million"));
    expect(short.story.title).toBe("Migrated 40 million patient records to PostgreSQL with no downtime");
  });

  it("from the CLI: derisk stories from-accomplishment ID", async () => {
    const { store, line } = await importResume();
    const run = await runCommand(
      [registerStoriesCommand],
      ["stories", "from-accomplishment", line("Migrated 40 million"), "--json"],
      { store },
    );
    expect(run.code).toBe(0);
    const { story, created } = JSON.parse(run.out) as { story: { result: string }; created: boolean };
    expect(created).toBe(true);
    expect(story.result).toBe("Migrated 40 million patient records to PostgreSQL with no downtime");
    const sections = (await store.items.listItems("a", { kind: "section" }))[0]?.id ?? "";
    const refused = await runCommand([registerStoriesCommand], ["stories", "from-accomplishment", sections], {
      store,
    });
    expect(refused.code).not.toBe(0);
    expect(refused.error).toMatch(/is a section, not an answer or an accomplishment/);
  });
});
