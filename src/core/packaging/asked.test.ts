import { describe, expect, it } from "vitest";
import { missingAsk } from "./asked.ts";

// A technical story with nothing of the soft deeds these questions ask about.
const STORY = ["I trained a churn model on six months of usage data.", "It reached 0.82 AUC and shipped."];

describe("missingAsk: the question's deed, said back as a candidate would read it", () => {
  it("keeps 'had to' with the deed and says a perfect tense as the past", () => {
    // Before: "no moment you push back …", "no moment you resolve …", "no moment you have disagreed …".
    expect(
      missingAsk("Describe a situation where you had to push back on a senior engineer.", STORY, [])?.deed,
    ).toBe("had to push back on a senior engineer");
    expect(
      missingAsk("Tell me about a time you had to resolve a conflict in your team.", STORY, [])?.note,
    ).toMatch(/^This story shows no moment you had to resolve a conflict in your team, /);
    expect(missingAsk("Give an example of when you have disagreed with your manager.", STORY, [])?.deed).toBe(
      "disagreed with your manager",
    );
  });

  it("says nothing when the story shows what is asked", () => {
    const told = [
      ...STORY,
      "I explained the model's errors to the sales team in plain words, with one chart.",
    ];
    expect(
      missingAsk("Tell me about a time you explained a model to non-technical people.", told, []),
    ).toBeUndefined();
  });
});

describe("missingAsk: every skill the question names, not one loose word of them", () => {
  const QUESTION = "Tell me about a time you explained a model to non-technical people.";

  it("notes a story that tells its team something but explains nothing to a non-technical audience", () => {
    // Before: "I told the team straight away" named communication, and that alone passed the story.
    const told = [
      "During a migration to Spark, I rewrote the join between readings and the channel map.",
      "I told the team straight away, rolled back to the old job, and compared every channel.",
      "No published analysis used the bad constants.",
    ];
    const missing = missingAsk(QUESTION, told, []);
    expect(missing?.missing).toBe("non-technical stakeholders");
    expect(missing?.note).toMatch(
      /^This story shows no moment you explained a model to non-technical people, /,
    );
  });

  it("notes our sample's mistake story (Q5), read from samples/sample-prep.md", async () => {
    const { readFileSync } = await import("node:fs");
    const { parsePrepDocument } = await import("../markdown/parse.ts");
    const { splitSentences } = await import("./text.ts");
    const text = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8");
    const q5 = parsePrepDocument(text).items.find((item) => item.kind === "answer" && item.key === "q5/core");
    const body = q5?.kind === "answer" ? q5.text : "";
    expect(body).toContain("I told the team straight away");
    expect(
      missingAsk(
        QUESTION,
        splitSentences(body).map((s) => s.text),
        [],
      ),
    ).toBeDefined();
  });
});
