import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StoredStory } from "../api.ts";
import { ownStoriesFirst, StoryCard } from "./StoriesPage.tsx";

const story = (id: string, sourceItemId?: string): StoredStory =>
  ({
    id,
    title: `Story ${id}`,
    situation: "",
    task: "",
    actions: [],
    result: "",
    lesson: "",
    competencies: [],
    metrics: [],
    version: 1,
    createdAt: "2026-12-06T04:10:00.000Z",
    ...(sourceItemId === undefined ? {} : { sourceItemId }),
  }) as unknown as StoredStory;

describe("the stories list beside the sample document", () => {
  it("lists the candidate's own stories first and marks those drawn from the sample", () => {
    // Before: the sample's stories and the candidate's mixed, in creation order, nothing marking them.
    const listed = ownStoriesFirst(
      [story("s1", "sample-item"), story("own1", "my-item"), story("s2", "sample-item-2"), story("own2")],
      new Set(["sample-item", "sample-item-2"]),
    );
    expect(listed.map((entry) => [entry.story.id, entry.fromSample])).toEqual([
      ["own1", false],
      ["own2", false],
      ["s1", true],
      ["s2", true],
    ]);
    expect(renderToStaticMarkup(<StoryCard story={story("s1", "sample-item")} fromSample />)).toContain(
      'class="chip chip-sample"',
    );
    expect(renderToStaticMarkup(<StoryCard story={story("own1", "my-item")} />)).not.toContain("chip-sample");
  });
});
