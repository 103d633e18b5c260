import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../test/seed.ts";
import { analyze } from "../core/analysis/index.ts";
import { STAR_PARTS } from "../core/model.ts";
import { compose, parseStory } from "../core/packaging/index.ts";
import { stripMarkup, withoutBlanks } from "../core/packaging/text.ts";
import { describeStores } from "../store/test-stores.ts";
import { analyzeStoredItem } from "./analysis.ts";
import { importDocument, saveAnswerVariant } from "./bank.ts";
import { composeAnswer } from "./packaging.ts";
import { createStoriesFromDocument } from "./stories.ts";

// The Compose page tints each of the draft's sentences by its STAR part and shows the risk lens
// of the same text (web/src/pages/ComposePage.tsx): the lens must not call a part missing, or
// give it 0%, beside a sentence tinted as that part.
describeStores("compose and the risk lens beside it", (getStore) => {
  it.runIf(SEED_RUNS)(
    "the seed's RAG story drafted for a mistake question: the lens reads the draft's result and lesson",
    async () => {
      const store = getStore();
      const { documentId } = await importDocument(store, "a", seedUpload());
      const { created } = await createStoriesFromDocument(store, "a", documentId ?? "");
      const rag = created.find((s) => /twofold/.test(JSON.stringify(s)));
      expect(rag).toBeDefined();
      const draft = await composeAnswer(store, "a", {
        storyId: rag?.id ?? "",
        question: "Tell me about a time you made a mistake",
        role: "ml-engineer",
        budgetSeconds: 90,
      });
      const own = draft.sentences.filter((s) => s.origin.from === "story");
      expect(own.map((s) => s.part)).toEqual(expect.arrayContaining(["result", "lesson"]));
      // What the page sends: the working copy without its blanks, and the draft's own parts.
      const analysis = analyze(withoutBlanks(stripMarkup(draft.text)), {
        question: draft.question,
        budgetSeconds: draft.budgetSeconds,
        role: "ml-engineer",
        parts: own.map((s) => ({ text: stripMarkup(s.text), part: s.part })),
      });
      for (const part of STAR_PARTS) {
        if (!own.some((s) => s.part === part)) continue;
        // Was: "Result 0%" (present, no sentence) and "Lesson missing", shares summing to 43%.
        expect(analysis.star.parts[part].words, part).toBeGreaterThan(0);
        expect(analysis.star.parts[part].share, part).toBeGreaterThan(0);
      }
      expect(analysis.star.imbalances.map((i) => i.id)).not.toContain("missing-lesson");
      expect(analysis.star.imbalances.map((i) => i.id)).not.toContain("missing-result");
      // Every sentence of the draft is in one part: none is left as "other".
      expect(analysis.star.other.words).toBe(0);
    },
  );

  it("a draft saved with its blanks: the lens of the saved variant reads no lesson and no time in them", async () => {
    const store = getStore();
    const { documentId } = await importDocument(store, "a", {
      bytes: readFileSync(new URL("../../samples/sample-prep.md", import.meta.url)),
      filename: "sample-prep.md",
    });
    // A story with no lesson: compose ends the draft on "What I learned: [what did you learn?]".
    const story = parseStory({
      title: "Dropped rows",
      situation: "During a forecasting project, I built a pipeline to predict sales across regions.",
      actions: [
        "I noticed the forecasts were off for some regions.",
        "I found I had dropped rows with missing values during a refactor.",
        "I rewrote the data quality checks.",
      ],
      result: "The forecasts became consistent again.",
    });
    const question = "Tell me about a time you made a mistake";
    const draft = compose(story, { question, budgetSeconds: 90 });
    expect(draft.blanks).toContain("[what did you learn?]");
    const saved = await saveAnswerVariant(store, "a", documentId ?? "", {
      questionKey: "q3",
      variant: "Composed, blanks left",
      text: draft.text,
      source: "composed",
    });
    const { analysis } = await analyzeStoredItem(store, "a", saved.id);
    // Was: "ends with a lesson", the blank read as a 7% lesson, and its words counted as time.
    expect(analysis.overall.reasons).not.toContain("ends with a lesson");
    expect(analysis.star.parts.lesson.present).toBe(false);
    expect(analysis.star.imbalances.map((i) => i.id)).toContain("missing-lesson");
    expect(analysis.timing.words).toBe(draft.words);
  });
});

it("a sentence whose part the caller knows keeps it; an edited one is read afresh", () => {
  const text = "We ran a weekly batch job. I rewrote it as a stream. It helped me a lot.";
  const known = [
    { text: "We ran a weekly batch job.", part: "situation" as const },
    { text: "I rewrote it as a stream.", part: "action" as const },
    { text: "It helped me a lot.", part: "lesson" as const },
  ];
  const given = analyze(text, { question: "Tell me about a mistake", parts: known });
  expect(given.sentences.map((s) => s.part)).toEqual(["situation", "action", "lesson"]);
  const edited = analyze(text.replace("It helped me a lot.", "It helped me a lot, really."), {
    question: "Tell me about a mistake",
    parts: known,
  });
  const plain = analyze(text.replace("It helped me a lot.", "It helped me a lot, really."), {
    question: "Tell me about a mistake",
  });
  expect(edited.sentences[2]?.part).toBe(plain.sentences[2]?.part);
});
