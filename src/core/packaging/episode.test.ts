import { describe, expect, it } from "vitest";
import { tellsEpisode } from "./episode.ts";

describe("tellsEpisode", () => {
  const free = { format: "free" as const, text: "I joined a lab and ran its platform alone for a year." };

  it("refuses introductions, motivation and concepts told freely", () => {
    expect(tellsEpisode(free, "about-me")).toBe(false);
    expect(tellsEpisode(free, "motivation")).toBe(false);
    expect(tellsEpisode(free, "ml-concept")).toBe(false);
  });

  it("accepts a free answer to a behavioral question and any answer with STAR sections", () => {
    expect(tellsEpisode(free, "mistake-failure")).toBe(true);
    const star = { format: "star" as const, text: "…", star: { situation: "A release broke the login." } };
    expect(tellsEpisode(star, "about-me")).toBe(true);
  });

  it("refuses outlines and empty answers", () => {
    expect(tellsEpisode({ format: "beats", text: "PhD → ML" }, "mistake-failure")).toBe(false);
    expect(tellsEpisode({ format: "free", text: "  " }, "mistake-failure")).toBe(false);
  });
});
