import { describe, expect, it } from "vitest";
import { article } from "./StartPage.tsx";

describe("the sample card's role", () => {
  it("takes the article the role is read aloud with", () => {
    expect(article("Data/ML Engineer")).toBe("a");
    expect(article("ML Engineer")).toBe("an");
    expect(article("Engineer")).toBe("an");
    expect(article("Marketing Analyst")).toBe("a");
    expect(article("SRE")).toBe("an");
    expect(article("UX Designer")).toBe("a");
  });
});
