import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.ts";
import { classify } from "../classify.ts";
import { SENTENCE_TAGS } from "../labels.ts";
import { denseProbability, pastShare, sameKind, topicFeatures, topicFeaturesOf } from "./model.ts";
import { answerShape, judgeAnswer, labelFeatures, readAnswer, strongestUnit, tagSentences } from "./read.ts";
import { LENS_MODEL } from "./weights.ts";

// Answers written for this test; the behaviour the eval measures on the corpus, pinned on a few.
const CONFLICT = "Tell me about a time you disagreed with a colleague.";
const STORY = [
  "Last year our data team and I disagreed about when to retire the old churn model.",
  "My job was to get the new model live before the renewal season without losing accuracy.",
  "I proposed a two-week shadow run, compared both models on the same customers every day, and shared the numbers with the team.",
  "The new model caught 18% more churners, so we switched with everyone on board, a week ahead of plan.",
  "Since then I settle disagreements like that with a short experiment instead of a debate.",
].join(" ");

describe("the trained risk lens", () => {
  it("ships a model artifact under 2 MB", () => {
    const size = statSync(join(import.meta.dirname, "..", "data", "lens-model.json")).size;
    expect(size).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(LENS_MODEL.version).toBe(1);
  });

  it("gives the ambiguity, autonomy and systems heads every other tag's strongest sentence", () => {
    // Two sentences, eleven tags each: the strongest of each column, as a quarter logit.
    const probs = [
      [0.9, 0.1, 0.2, 0, 0, 0, 0, 0.5, 0, 0.3, 0],
      [0.1, 0.6, 0.8, 0.7, 0, 0, 0, 0.2, 0, 0.1, 0.4],
    ];
    const shape = answerShape([["subj:i"], ["subj:we"]], probs);
    const quarterLogit = (p: number): number => Math.log((p + 1e-4) / (1 - p + 1e-4)) / 4;
    expect(shape.cross["x:situation"]).toBeCloseTo(quarterLogit(0.9), 9);
    expect(shape.cross["x:action"]).toBeCloseTo(quarterLogit(0.8), 9);
    expect(shape.cross["x:systems"]).toBeCloseTo(quarterLogit(0.4), 9);
    expect(shape.action).toBe(0.8);
    const features = labelFeatures([0.3, 0.1], true, 40, shape, [20, 20]);
    expect(features["x:result"]).toBeCloseTo(quarterLogit(0.7), 9);
    // The committed heads: the three story-level signals read them, the others do not, and no
    // head reads its own column twice. Since branch `task21` (D3) none reads the labelled `task`
    // column (relabelled by T1): systems reads the second, as-written `task` column in its place,
    // ambiguity and autonomy no `task` reading at all.
    for (const [tag, head] of Object.entries(LENS_MODEL.labels)) {
      const cross = head.features.filter((f) => f.startsWith("x:"));
      expect(cross.length).toBe(tag === "systems" ? 10 : ["ambiguity", "autonomy"].includes(tag) ? 9 : 0);
      expect(cross).not.toContain(`x:${tag}`);
      expect(cross).not.toContain("x:task");
      expect(cross.includes("x:task:written")).toBe(tag === "systems");
    }
    expect(LENS_MODEL.sentence.classes).toEqual([...SENTENCE_TAGS, "task:written"]);
  });

  it("reads an answer's tag level and the logit readings less it (--head-relative, lens48)", () => {
    const quarterLogit = (p: number): number => Math.log((p + 1e-4) / (1 - p + 1e-4)) / 4;
    const probs = [
      [0.9, 0.1, 0.2, 0, 0, 0, 0, 0.5, 0, 0.3, 0, 0.7],
      [0.1, 0.6, 0.8, 0.7, 0, 0, 0, 0.2, 0, 0.1, 0.4, 0.2],
    ];
    const classes = [...SENTENCE_TAGS, "task:written"];
    const shape = answerShape([["subj:i"], ["subj:we"]], probs, classes);
    // The mean over both sentences of the eleven tag columns (not the twelfth), as quarter logits.
    const eleven = probs.flatMap((row) => row.slice(0, 11));
    const level = eleven.reduce((s, p) => s + quarterLogit(p), 0) / eleven.length;
    expect(shape.level).toBeCloseTo(level, 9);
    const f = labelFeatures([0.3, 0.1], true, 40, shape, [20, 20]);
    expect(f["c:max"]).toBeCloseTo(quarterLogit(0.3) - level, 9);
    expect(f["c:second"]).toBeCloseTo(quarterLogit(0.1) - level, 9);
    expect(f["c:maxw"]).toBeCloseTo((f.maxw ?? 0) - level, 9);
    expect(f["c:nonstoryMax"]).toBe(0);
    expect(f["c:x:action"]).toBeCloseTo(quarterLogit(0.8) - level, 9);
    expect(f["c:x:task:written"]).toBeCloseTo(quarterLogit(0.7) - level, 9);
    expect(f["c:action"]).toBeCloseTo(quarterLogit(0.8) - level, 9);
    // A writer whose every sentence reads higher on every tag by the same logit moves no
    // relative reading; the absolute ones move by that much.
    const shift = (p: number): number => 1 / (1 + ((1 - p) / p) * Math.exp(-0.8));
    const higher = probs.map((row) => row.map((p) => shift(Math.min(0.99, Math.max(0.01, p)))));
    const base = probs.map((row) => row.map((p) => Math.min(0.99, Math.max(0.01, p))));
    const a = labelFeatures(
      base.map((r) => r[1] ?? 0),
      false,
      40,
      answerShape([["subj:i"], ["subj:we"]], base, classes),
      [20, 20],
    );
    const b = labelFeatures(
      higher.map((r) => r[1] ?? 0),
      false,
      40,
      answerShape([["subj:i"], ["subj:we"]], higher, classes),
      [20, 20],
    );
    expect((b.max ?? 0) - (a.max ?? 0)).toBeGreaterThan(0.15);
    for (const key of ["c:max", "c:second", "c:nonstoryMax", "c:x:action", "c:result"])
      expect(b[key]).toBeCloseTo(a[key] ?? 0, 2);
    // The committed heads read none of them.
    for (const head of Object.values(LENS_MODEL.labels))
      expect(head.features.some((name) => name.startsWith("c:"))).toBe(false);
  });

  it("judges with a head that reads c: values as training reads them (--head-relative)", () => {
    // The committed task head with its logit readings renamed to their c: forms, same weights.
    const relative = {
      ...LENS_MODEL.labels.task,
      features: LENS_MODEL.labels.task.features.map((f) =>
        ["maxw", "second", "nonstoryMax", "action", "result"].includes(f) ? `c:${f}` : f,
      ),
    };
    const model = { ...LENS_MODEL, labels: { ...LENS_MODEL.labels, task: relative } };
    const read = readAnswer(STORY, { story: true }, model);
    const probs = tagSentences(read, model);
    const k = SENTENCE_TAGS.indexOf("task");
    const values = labelFeatures(
      probs.map((row) => row[k] ?? 0),
      true,
      read.units.reduce((s, u) => s + u.words, 0),
      answerShape(read.features, probs, model.sentence.classes),
      read.units.map((u) => u.words),
    );
    expect(values["c:maxw"]).toBeCloseTo((values.maxw ?? 0) - (values["c:level"] ?? Number.NaN), 12);
    expect(values["c:level"]).not.toBe(0);
    const judged = judgeAnswer(read, model, "conflict", CONFLICT, { min: 60, max: 240 }, 150);
    expect(judged.labelProbs.task).toBeCloseTo(denseProbability(relative, values), 12);
    // Without the level (the committed model's path) the same head would read other values.
    expect(judged.labelProbs.task).not.toBeCloseTo(
      denseProbability(relative, { ...values, "c:maxw": values.maxw ?? 0 }),
      6,
    );
  });

  it("gives a tagger column beyond the eleven tags (--written-task-heads) its own x: value", () => {
    // Twelve columns: the eleven tags, then a second task reading kept for the answer heads.
    const probs = [
      [0.9, 0.1, 0.2, 0, 0, 0, 0, 0.5, 0, 0.3, 0, 0.7],
      [0.1, 0.6, 0.8, 0.7, 0, 0, 0, 0.2, 0, 0.1, 0.4, 0.2],
    ];
    const classes = [...SENTENCE_TAGS, "task:written"];
    const quarterLogit = (p: number): number => Math.log((p + 1e-4) / (1 - p + 1e-4)) / 4;
    const shape = answerShape([["subj:i"], ["subj:we"]], probs, classes);
    expect(shape.cross["x:task:written"]).toBeCloseTo(quarterLogit(0.7), 9);
    expect(shape.cross["x:task"]).toBeCloseTo(quarterLogit(0.6), 9);
    // The eleven tags' values are those of the same rows without the twelfth column.
    const eleven = answerShape(
      [["subj:i"], ["subj:we"]],
      probs.map((row) => row.slice(0, 11)),
    );
    expect({ ...shape.cross, "x:task:written": undefined }).toEqual({
      ...eleven.cross,
      "x:task:written": undefined,
    });
    expect(eleven.cross["x:task:written"]).toBeUndefined();
    // The heads' features carry it; a head reads it only when its stored feature names name it.
    const features = labelFeatures([0.3, 0.1], true, 40, shape, [20, 20]);
    expect(features["x:task:written"]).toBeCloseTo(quarterLogit(0.7), 9);
  });

  it("has aggregates that do not grow when a sentence is cut in two pieces", () => {
    // A transcript cut finer: one 24-word sentence at 0.4 becomes two 12-word pieces at 0.4.
    const shape = answerShape([[], [], []], [[], [], []]);
    const whole = labelFeatures([0.4, 0.1, 0.2], true, 60, shape, [24, 18, 18]);
    const cut = labelFeatures([0.4, 0.4, 0.1, 0.2], true, 60, shape, [12, 12, 18, 18]);
    // The noisy-or of all sentences reads the cut as more evidence; the word-normalised one does not.
    expect(cut.nor ?? 0).toBeGreaterThan((whole.nor ?? 0) + 0.15);
    expect(cut.norw).toBeCloseTo(whole.norw ?? Number.NaN, 9);
    // Each piece counts for its words (18 to a unit): one 18-word sentence at 0.4 is 0.4.
    expect(labelFeatures([0.4], true, 18, shape, [18]).norw).toBeCloseTo(0.4, 9);
    // Many weak pieces add up under `nor`, not under the noisy-or of the two strongest.
    const weak = labelFeatures(
      new Array<number>(12).fill(0.2),
      true,
      60,
      shape,
      new Array<number>(12).fill(5),
    );
    expect(weak.nor ?? 0).toBeGreaterThan(0.9);
    expect(weak.nor2).toBeCloseTo(0.36, 9);
    // The strongest run of 18 words: the same whole or cut, where the strongest piece grows.
    expect(cut.maxw).toBeCloseTo(whole.maxw ?? Number.NaN, 9);
  });

  it("has a task head whose evidence does not grow with the pieces a transcript is cut into", () => {
    // The committed heads (branch head6): `task` reads the strongest 18-word run and the
    // word-normalised noisy-or; the others keep the strongest sentence and the noisy-or of all.
    for (const [tag, head] of Object.entries(LENS_MODEL.labels)) {
      const grows = ["max", "nor"].filter((f) => head.features.includes(f));
      const perRun = ["maxw", "norw"].filter((f) => head.features.includes(f));
      expect([tag, grows, perRun]).toEqual(
        tag === "task" ? [tag, [], ["maxw", "norw"]] : [tag, ["max", "nor"], []],
      );
    }
    // Twelve weak five-word pieces read as the three twenty-word sentences they were cut from.
    const shape = answerShape([[], [], []], [[], [], []]);
    const task = LENS_MODEL.labels.task;
    const fine = labelFeatures(
      new Array<number>(12).fill(0.2),
      true,
      60,
      shape,
      new Array<number>(12).fill(5),
    );
    const coarse = labelFeatures([0.2, 0.2, 0.2], true, 60, shape, [20, 20, 20]);
    for (const f of task.features.filter((name) => name !== "second"))
      expect(fine[f], f).toBeCloseTo(coarse[f] ?? Number.NaN, 9);
  });

  it("reads a short piece cut loose with the words around it, a long sentence as itself", () => {
    // A 6-word clause at 0.9 between two 12-word pieces at 0.1: its 18-word run is 0.37.
    expect(strongestUnit([0.1, 0.9, 0.1], [12, 6, 12])).toBeCloseTo((6 * 0.9 + 12 * 0.1) / 18, 9);
    // The same words as one sentence of 30 at 0.9, or a last piece grown back from the end.
    expect(strongestUnit([0.1, 0.9], [12, 30])).toBeCloseTo(0.9, 9);
    expect(strongestUnit([0.1, 0.2, 0.9], [20, 12, 6])).toBeCloseTo((12 * 0.2 + 6 * 0.9) / 18, 9);
    // An answer shorter than a run is read whole; no piece, nothing.
    expect(strongestUnit([0.5, 0.1], [5, 5])).toBeCloseTo(0.3, 9);
    expect(strongestUnit([], [])).toBe(0);
  });

  it("reads a good story as complete, measured and owned", () => {
    const a = analyze(STORY, { question: CONFLICT });
    expect(a.labels).toMatchObject({
      action: true,
      result: true,
      quantified: true,
      ownership: "i",
      blame: false,
    });
    expect(a.labels.overall).toBeGreaterThanOrEqual(4);
    expect(a.evidence.quantified.quotes.join(" ")).toContain("18%");
  });

  it("flags a blaming sentence, quotes it and does not raise the score", () => {
    const base = analyze(STORY, { question: CONFLICT });
    const blamed = analyze(
      STORY.replace(
        "My job was",
        "Honestly, the data team were lazy and sloppy, and the whole mess was their fault. My job was",
      ),
      { question: CONFLICT },
    );
    expect(blamed.labels.blame).toBe(true);
    expect(blamed.evidence.blame.quotes.join(" ")).toContain("their fault");
    expect(blamed.labels.overall).toBeLessThanOrEqual(Math.min(2, base.labels.overall));
  });

  it("says so when the answer replies to a different question", () => {
    const own = analyze(STORY, { question: CONFLICT });
    const other = analyze(STORY, { question: "Why do you want to join our company?" });
    expect(other.questionFit?.offTopic).toBe(true);
    expect(other.labels.overall).toBeLessThan(own.labels.overall);
    expect(other.fixes[0]?.action).toMatch(/^Question:/);
  });

  it("judges 'tell me about yourself' without asking for a situation or a lesson", () => {
    const a = analyze(
      "I'm a machine learning engineer at a logistics company, where I own the demand forecasts behind 1,400 delivery vans a day. Before that I spent three years writing backend services in Go, which is why I care about how models are served and monitored. Last year I moved our forecasts from weekly to hourly batches, which cut missed delivery slots by 18%. I'm applying here because your ranking platform puts models at the centre of the product, and I'd love to hear how the team works.",
      { question: "Tell me about yourself." },
    );
    expect(a.star.imbalances.map((f) => f.id)).not.toContain("missing-result");
    expect(a.fixes.map((f) => f.action).join(" ")).not.toMatch(/Situation|Lesson:/);
    expect(a.labels.overall).toBeGreaterThanOrEqual(3);
    // Its own rubric instead, each point with what the score read.
    const checks = Object.fromEntries((a.nonStory?.checks ?? []).map((c) => [c.id, c]));
    expect(Object.keys(checks)).toEqual(["answers", "specific", "fit", "arc", "ending", "length"]);
    expect(checks.specific?.met).toBe(true);
    expect(checks.fit?.evidence[0]?.quote).toContain("your ranking platform");
    expect(checks.ending?.met).toBe(true);
    expect(analyze("I fixed the build and it passed.", { question: "Tell me about a bug." }).nonStory).toBe(
      undefined,
    );
  });

  it("splits an unpunctuated spoken transcript into sentences", () => {
    const spoken =
      "so last year our checkout service kept timing out during sales and nobody knew why i went through the logs and found that one query was scanning the whole orders table i added an index and a timeout alert and after that the errors dropped from about two hundred a day to almost none i learned to check the slow query log first";
    const a = analyze(spoken, { question: "Tell me about a hard technical problem you solved." });
    expect(a.sentences.length).toBeGreaterThanOrEqual(3);
    expect(a.labels.result).toBe(true);
  });

  it("reads the topic's words from the tagger's features exactly as the lemmas give them, then the telling's shape", () => {
    const read = readAnswer(
      "I think we sort of rebuilt the 3 ETL jobs. Then I cut the run time by 40% and it stayed fast.",
      { story: true },
      LENS_MODEL,
    );
    const features = topicFeaturesOf(read.features);
    expect(features.filter((f) => f.startsWith("w:"))).toEqual(
      topicFeatures(read.words.map((w) => w.lemmas)),
    );
    // Two sentences, both in the past, one with "I" and one with "we" as subject, no modal.
    expect(features.filter((f) => f.startsWith("shape:"))).toEqual([
      "shape:past:3",
      "shape:i:2",
      "shape:we:2",
      "shape:modal:0",
    ]);
  });

  it("reads a told episode under a story question as the same kind, whatever its words", () => {
    // A technical story whose words look like an explanation of a concept.
    const topic = { "ml-concept": 0.9, teamwork: 0.1 };
    expect(sameKind(topic, "technical-challenge", 0.8)).toBe(true);
    expect(sameKind(topic, "leadership-influence", 0.5)).toBe(true);
    // Not told in the past: the topic decides.
    expect(sameKind(topic, "technical-challenge", 0.2)).toBe(false);
    expect(sameKind(topic, "ml-concept", 0.2)).toBe(true);
    // A narrated story under a self-presentation question is still another kind.
    expect(sameKind({ conflict: 0.9, motivation: 0.1 }, "motivation", 1)).toBe(false);
    const read = readAnswer(
      "I joined in May. I rebuilt the job. Now it would be faster.",
      { story: true },
      LENS_MODEL,
    );
    expect(pastShare(read.features)).toBeCloseTo(2 / 3, 5);
    // Flagging a story under another story question costs more than it catches: its threshold
    // is never below the other kind's.
    expect(LENS_MODEL.offTopicSameKindThreshold).toBeGreaterThanOrEqual(LENS_MODEL.offTopicThreshold);
  });

  it("gives the same classification to a question asked again, and callers cannot change it", () => {
    const first = classify("Why do you want to leave your current job?");
    first.scores.motivation = -1;
    const again = classify("Why do you want to leave your current job?");
    expect(again.scores.motivation).toBeGreaterThan(0);
    expect(again.competency).toBe(first.competency);
  });

  it("scores gibberish 1", () => {
    expect(analyze("blorp snee quax vindle tork mip zarn flib wobble grent plox dree").labels.overall).toBe(
      1,
    );
  });

  it("classifies motivation and initiative questions", () => {
    expect(classify("What made you apply for this role?").competency).toBe("motivation");
    expect(classify("Tell me about yourself.").competency).toBe("about-me");
  });
});
