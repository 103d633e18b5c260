import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import { beginAnswer, saveDraft, startPractice, submitAnswer } from "../../app/practice.ts";
import { TECHNICAL_QUESTIONS } from "../../core/questions/index.ts";
import { describeStores } from "../../store/test-stores.ts";
import { runCommand } from "../test-cli.ts";
import { registerDocumentCommands } from "./documents.ts";
import { registerDrillCommand, registerQuestionsCommand } from "./drill.ts";
import { registerDueCommand, registerPracticeCommand } from "./practice.ts";

const registers = [
  registerDrillCommand,
  registerQuestionsCommand,
  registerDocumentCommands,
  registerDueCommand,
];

describeStores("derisk drill / questions / list questions", (getStore) => {
  it("drills from typed lines: covered and missed key points, the outline, a rating that makes it due later", async () => {
    const store = getStore();
    const stdin = [
      "High bias means the model is too simple for the data and underfits.",
      "High variance means it is very sensitive to the particular training sample.",
      "",
      "3",
      "",
    ].join("\n");
    const run = await runCommand(registers, ["drill", "--count", "1", "--tag", "ml-concept"], {
      store,
      stdin,
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Question 1/1: ${TECHNICAL_QUESTIONS[0]?.text}`);
    // A timer as in practice: the budget with the question, started, then the time used.
    expect(run.out).toMatch(/ml-concept · budget \d+ (?:min(?: \d\d s)?|s) · a blank line or Ctrl-D submits/);
    expect(run.out).toMatch(/⏱ 0:0\d \/ \d+:\d\d · timer started/);
    expect(run.out).toMatch(/⏱ \d+ s used of \d+ (?:min(?: \d\d s)?|s)\nKey points:/);
    expect(run.out).toMatch(/Key points: [2-4] of 5 covered/);
    expect(run.out).toContain("✓ covered  bias is error from a model too simple for the data");
    expect(run.out).toContain("✗ missed   regularisation, more data or ensembling reduce variance");
    expect(run.out).toContain("A strong answer:");
    // The rating line says what was asked and, after, what was taken and how far off the review is.
    expect(run.out).toContain("Rate your answer: 1 again · 2 hard · 3 good · 4 easy (Enter: no rating):");
    expect(run.out).toMatch(
      /\n {2}rated good: next review \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in \d+ (min|h|days?)\)\n/,
    );
    expect(run.out).toMatch(/Drill done: 1 of 1 question answered, [2-4] of 5 key points covered\./);
    // No colour codes without a terminal (and under NO_COLOR).
    expect(run.out).not.toContain("\u001b[");

    // The drilled question is on the one due queue, scheduled (not new).
    const due = JSON.parse((await runCommand(registers, ["due", "--json"], { store })).out).due as Array<{
      questionText: string;
    }>;
    expect(due.some((d) => d.questionText === TECHNICAL_QUESTIONS[0]?.text)).toBe(false);
  });

  it("an answer left unrated says so, and a rating word is read in any case", async () => {
    const store = getStore();
    const answer = "High bias means the model is too simple for the data and underfits.";
    const unrated = await runCommand(registers, ["drill", "--count", "1", "--tag", "ml-concept"], {
      store,
      stdin: [answer, "", "", ""].join("\n"),
    });
    expect(unrated.out).toMatch(/\(Enter: no rating\):\n {2}not rated: it stays due\n/);
    const worded = await runCommand(registers, ["drill", "--count", "1", "--tag", "ml-concept"], {
      store,
      stdin: [answer, "", "Hard", ""].join("\n"),
    });
    expect(worded.out).toMatch(/rated hard: next review/);
  });

  it("input that ends before the rating: the answer is saved, the rating left for --resume, exit 0", async () => {
    const store = getStore();
    const answer = "High bias means the model is too simple for the data and underfits.";
    // A pipe that closes right after the answer's blank line: no rating comes.
    const run = await runCommand(registers, ["drill", "--count", "2", "--tag", "ml-concept"], {
      store,
      userId: "a",
      stdin: `${answer}\n\n`,
    });
    expect(run.code).toBe(0);
    expect(run.error).toBeUndefined();
    expect(run.out).toContain("Input ended before the rating: your answer is saved, not rated.");
    // Before: "not rated: it stays due", then question 2 asked of the closed input and
    // "Stopped before answering".
    expect(run.out).not.toMatch(/not rated: it stays due|Question 2\/2|Stopped before answering/);
    expect(run.out).toContain("Drill stopped: 1 of 2 questions answered");
    const id = /Rate it later, and go on: derisk drill --resume ([0-9a-f]{8})/.exec(run.out)?.[1];
    expect(id).toBeDefined();
    const [session] = await store.practice.listSessions("a", { status: "active" });
    const step = session?.steps[0];
    const attempt = step?.attemptId ? await store.attempts.getAttempt("a", step.attemptId) : undefined;
    expect(attempt?.text).toBe(answer);
    expect(attempt?.finishedAt).toBeDefined();
    expect(attempt?.selfRating).toBeUndefined();
    const resumed = await runCommand(registers, ["drill", "--resume", id as string], {
      store,
      userId: "a",
      stdin: "good\n",
    });
    expect(resumed.out).toMatch(/rated good: next review/);
  });

  it("ends the drill on /end as practice does, instead of scoring '/end' as the answer", async () => {
    const store = getStore();
    const answer = "High bias means the model is too simple for the data and underfits.";
    const ended = await runCommand(registers, ["drill", "--count", "3", "--tag", "ml-concept"], {
      store,
      stdin: [answer, "", "3", "A first line I typed.", "/end", ""].join("\n"),
    });
    expect(ended.code).toBe(0);
    expect(ended.out).toContain("Drill ended (/end); the lines you typed stay saved, not scored.");
    // One answer checked against its key points, not a second one for the text "/end".
    expect(ended.out.match(/Key points: /g)).toHaveLength(1);
    expect(ended.out).not.toMatch(/Question 3\/3/);
    expect(ended.out).toMatch(/1 of 3 questions answered/);
  });

  it("stops cleanly on Ctrl-D before an answer and refuses bad flags", async () => {
    const store = getStore();
    const skipped = await runCommand(registers, ["drill", "--count", "1"], { store, stdin: "/skip\n" });
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain("Skipped (/skip): nothing rated.");
    expect(skipped.out).not.toMatch(/Key points:/);
    expect(skipped.out).toContain("Drill done: 0 of 1 question answered, 1 skipped.");
    const stopped = await runCommand(registers, ["drill"], { store, stdin: "" });
    expect(stopped.code).toBe(0);
    expect(stopped.out).toMatch(/Stopped before answering/);
    // Before: "Drill done: 1 question(s)." after a stop with nothing answered.
    expect(stopped.out).toContain(
      "Drill stopped: 0 of 5 questions answered. The questions not answered stay due.",
    );
    expect(await runCommand(registers, ["drill", "--tag", "cooking"], { store })).toMatchObject({
      code: 1,
      error: expect.stringMatching(/--tag must be ml-concept or ml-engineering/),
    });
    expect(await runCommand(registers, ["drill", "--count", "0"], { store })).toMatchObject({
      code: 1,
      error: expect.stringMatching(/--count must be a whole number 1–20/),
    });
  });

  it("--resume goes on with a killed drill at the same question, the typed lines kept", async () => {
    const store = getStore();
    const session = await startPractice(store, "a", { from: { kind: "drill", tag: "ml-concept" }, count: 1 });
    const step = session.current;
    if (!step) throw new Error("no question");
    // Where a terminal killed mid-answer left it: one line saved.
    await beginAnswer(store, "a", session.id, { stepId: step.id });
    await saveDraft(store, "a", session.id, {
      stepId: step.id,
      text: "High bias means the model is too simple for the data and underfits.",
    });
    const listed = await runCommand([registerPracticeCommand], ["practice", "--list"], {
      store,
      userId: "a",
    });
    expect(listed.out).toContain(`go on with: derisk drill --resume ${session.id.slice(0, 8)}`);
    const run = await runCommand(registers, ["drill", "--resume"], {
      store,
      userId: "a",
      stdin: [
        "High variance means it is very sensitive to the particular training sample.",
        "",
        "3",
        "",
      ].join("\n"),
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Resuming drill ${session.id.slice(0, 8)} at question 1/1`);
    expect(run.out).toMatch(/Your saved answer so far \(1 line\), kept; go on typing:\n {2}High bias means/);
    expect(run.out).toMatch(/Key points: [2-4] of 5 covered/);
    // The feedback on the answer just given is shown once: a resumed drill printed it twice,
    // the second time as "Your answer to: …" (the reprint meant for answers of an earlier run).
    expect(run.out.match(/Key points: /g)).toHaveLength(1);
    expect(run.out).not.toContain("Your answer to:");
    expect(run.out).toMatch(/Drill done: 1 of 1 question answered, [2-4] of 5 key points covered\./);
    const [attempt] = await store.attempts.listAttempts("a");
    expect(attempt?.text).toBe(
      "High bias means the model is too simple for the data and underfits.\nHigh variance means it is very sensitive to the particular training sample.",
    );
  });

  it("--resume asks for the rating of a last answer the drill was killed before rating", async () => {
    const store = getStore();
    const session = await startPractice(store, "a", { from: { kind: "drill", tag: "ml-concept" }, count: 1 });
    await submitAnswer(store, "a", session.id, {
      text: "High bias means the model is too simple for the data and underfits.",
    });
    const run = await runCommand(registers, ["drill", "--resume", session.id.slice(0, 8)], {
      store,
      userId: "a",
      stdin: "good\n",
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      `Resuming drill ${session.id.slice(0, 8)}: every question answered, your rating is left`,
    );
    expect(run.out).toMatch(/Your answer to: .+\nKey points: \d of 5 covered/);
    expect(run.out).toMatch(/rated good: next review/);
    expect(run.out).toMatch(/Drill done: 1 of 1 question answered/);
    expect((await store.practice.getSession("a", session.id)).status).toBe("finished");
  });

  it("sends a drill to drill --resume and a mock interview to practice --resume", async () => {
    const store = getStore();
    const drill = await startPractice(store, "a", { from: { kind: "drill" }, count: 1 });
    const mock = await startPractice(store, "a", { from: { kind: "question", text: "Why us?" } });
    const asPractice = await runCommand([registerPracticeCommand], ["practice", "--resume", drill.id], {
      store,
      userId: "a",
    });
    expect(asPractice).toMatchObject({
      code: 1,
      error: expect.stringMatching(/is a drill: go on with it with derisk drill --resume/),
    });
    const asDrill = await runCommand(registers, ["drill", "--resume", mock.id], { store, userId: "a" });
    expect(asDrill).toMatchObject({
      code: 1,
      error: expect.stringMatching(
        /is a mock interview, not a drill: resume it with derisk practice --resume/,
      ),
    });
    expect(await runCommand(registers, ["drill", "--resume", "--count", "2"], { store })).toMatchObject({
      code: 1,
      error: expect.stringMatching(/--resume takes no --count or --tag/),
    });
  });

  it("stops with the way back: Drill stopped says how to resume", async () => {
    const store = getStore();
    const stopped = await runCommand(registers, ["drill", "--count", "2"], { store, stdin: "" });
    const [session] = await store.practice.listSessions("a", { status: "active" });
    expect(stopped.out).toContain(`Resume with: derisk drill --resume ${session?.id.slice(0, 8)}`);
  });

  it("lists the bank (JSON with competency and keyPoints) and adds the user's own question", async () => {
    const store = getStore();
    const listed = await runCommand(registers, ["list", "questions", "--json"], { store });
    expect(listed.code).toBe(0);
    const questions = JSON.parse(listed.out).questions as Array<{
      competency: string;
      keyPoints: string[];
      kind: string;
    }>;
    expect(questions.filter((q) => q.kind === "technical").length).toBeGreaterThanOrEqual(60);
    expect(questions.filter((q) => q.kind === "behavioral").length).toBeGreaterThanOrEqual(80);
    expect(questions[0]).toMatchObject({ competency: expect.any(String), keyPoints: expect.any(Array) });

    const added = await runCommand(
      registers,
      [
        "questions",
        "add",
        "What does dropout do?",
        "--competency",
        "ml-concept",
        "--key-point",
        "randomly zeroes activations while training",
        "--key-point",
        "turned off at inference",
      ],
      { store },
    );
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/Added What does dropout do\? \(ml-concept · 2 key points · /);
    const text = await runCommand(registers, ["list", "questions", "--tag", "ml-concept"], { store });
    expect(text.out).toMatch(/^Technical questions \(\d+: 1 added by you, \d+ built-in\)/);
    expect(text.out).toContain("What does dropout do?");
    expect(text.out).not.toContain("Behavioral questions");

    // One key point is said in the singular ("1 key points" before), when added and when listed.
    const one = await runCommand(
      registers,
      [
        "questions",
        "add",
        "What is a learning rate?",
        "--competency",
        "ml-concept",
        "--key-point",
        "the step size",
      ],
      { store },
    );
    expect(one.out).toMatch(/\(ml-concept · 1 key point · /);
    const listedOne = await runCommand(registers, ["list", "questions", "--tag", "ml-concept"], { store });
    expect(listedOne.out).toMatch(/ml-concept · 1 key point · /);
    expect(listedOne.out).not.toMatch(/ 1 key points/);

    const bad = await runCommand(registers, ["questions", "add", "Why?", "--competency", "cooking"], {
      store,
    });
    expect(bad).toMatchObject({ code: 1, error: expect.stringMatching(/Unknown competency "cooking"/) });
    const wrong = await runCommand(registers, ["list", "cards"], { store });
    expect(wrong).toMatchObject({ code: 1, error: expect.stringMatching(/list documents or questions/) });
  });

  it("lists the behavioral questions of your documents and your own first, each labelled by source", async () => {
    const store = getStore();
    const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    await runCommand(
      registers,
      [
        "questions",
        "add",
        "Tell me about a time you changed a team's mind.",
        "--competency",
        "leadership-influence",
      ],
      { store },
    );
    const text = await runCommand(registers, ["list", "questions", "--kind", "behavioral"], { store });
    expect(text.code).toBe(0);
    const lines = text.out.split("\n");
    expect(lines[0]).toMatch(
      /^Behavioral questions \(\d+: 4 from your documents, 1 added by you, \d+ built-in\)$/,
    );
    // One row per question, not per variant (Q1 has an alternative version), in the document's order.
    expect(lines.filter((line) => line.startsWith("• ")).slice(0, 5)).toEqual([
      "• Tell me about yourself",
      "• Why are you moving into industry now?",
      "• Tell me about a difficult technical problem you solved.",
      "• Tell me about a time you made a mistake and how you handled it.",
      "• Tell me about a time you changed a team's mind.",
    ]);
    expect(lines[2]).toMatch(/^ {4}about-me · from "Interview prep — Ines Carvalho" · [0-9a-f]{8}$/);
    expect(text.out).toMatch(
      /changed a team's mind\.\n {4}leadership-influence · added by you · [0-9a-f]{8}\n/,
    );
    expect(text.out).toMatch(/\n {4}about-me · checks [a-z, ]+ · built-in · /);

    const json = JSON.parse(
      (
        await runCommand(
          registers,
          ["list", "questions", "--kind", "behavioral", "--competency", "about-me", "--json"],
          { store },
        )
      ).out,
    ) as { questions: Array<{ text: string; origin: string; document?: string; itemId?: string }> };
    expect(json.questions.filter((q) => q.origin === "imported")).toEqual([
      expect.objectContaining({
        text: "Tell me about yourself",
        document: "Interview prep — Ines Carvalho",
        itemId: expect.any(String),
      }),
    ]);
  });
});
