import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importDocument } from "../../app/bank.ts";
import {
  beginAnswer,
  MAX_ATTEMPT_CHARS,
  type PracticeView,
  rateAnswer,
  saveDraft,
  startPractice,
  submitAnswer,
} from "../../app/practice.ts";
import type { Store } from "../../store/index.ts";
import { describeStores } from "../../store/test-stores.ts";
import { createStyle } from "../render/style.ts";
import { runCommand } from "../test-cli.ts";
import {
  registerAttemptsCommand,
  registerDueCommand,
  registerPracticeCommand,
  sideBySide,
  wrapText,
} from "./practice.ts";

const sample = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url));
const ANSWER =
  "Our nightly training pipeline failed twice a week. I traced it to a race in the feature export and rewrote it. Failures dropped from eight a month to zero.";

/**
 * The sample imported and a session of one typed question ("Why this team?") whose answer was
 * begun and saved as `draft`: where a terminal that was closed mid-answer left it.
 */
async function withDraft(store: Store, draft: string): Promise<PracticeView> {
  await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
  const started = await startPractice(store, "a", { from: { kind: "question", text: "Why this team?" } });
  const step = started.current;
  if (!step) throw new Error("no question");
  await beginAnswer(store, "a", started.id, { stepId: step.id });
  await saveDraft(store, "a", started.id, { stepId: step.id, text: draft });
  return started;
}

describeStores("derisk due / attempts", (getStore) => {
  it("prints the same bytes twice for the same data: a never-practised card has due null, not the clock", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const first = await runCommand([registerDueCommand], ["due", "--json"], { store });
    const second = await runCommand([registerDueCommand], ["due", "--json"], { store });
    const entries = JSON.parse(first.out).due as Array<{ status: string; due: string | null }>;
    expect(entries.length).toBeGreaterThan(2);
    // Before: each new card's "due" was the time of the run, so the two runs differed.
    expect(entries.every((e) => e.status === "new" && e.due === null)).toBe(true);
    expect(second.out).toBe(first.out);

    // A rated card that is due shows its own due time, and keeps it from run to run.
    const itemId = (JSON.parse(first.out).due as Array<{ itemId?: string }>)[0]?.itemId ?? "";
    const session = await startPractice(store, "a", { from: { kind: "items", ids: [itemId] } });
    const { stepId } = await submitAnswer(store, "a", session.id, { text: ANSWER });
    await rateAnswer(store, "a", session.id, stepId, "again", { now: new Date(Date.now() - 86_400_000) });
    const rated = await runCommand([registerDueCommand], ["due", "--json"], { store });
    const again = await runCommand([registerDueCommand], ["due", "--json"], { store });
    expect(again.out).toBe(rated.out);
    expect(JSON.parse(rated.out).due[0]).toMatchObject({
      itemId,
      status: "overdue",
      due: expect.any(String),
    });
  });

  it("lists what is due, then an answer's attempts with score and rating", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const registers = [registerDueCommand, registerAttemptsCommand];

    const due = await runCommand(registers, ["due", "--json"], { store });
    expect(due.code).toBe(0);
    const entries = JSON.parse(due.out).due as Array<{ kind: string; status: string; itemId?: string }>;
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(["answer", "technical"]));
    // Two answers to one question are told apart (before: "• Tell me about yourself" twice).
    const all = await runCommand(registers, ["due"], { store });
    expect(all.out).toMatch(/^• Tell me about yourself\n[\s\S]*^• Tell me about yourself \(alternative\)\n/m);
    expect(JSON.parse(due.out).due[0]).toMatchObject({ variant: "core" });

    const session = await startPractice(store, "a", {
      from: { kind: "items", ids: [entries[0]?.itemId ?? ""] },
    });
    const { stepId } = await submitAnswer(store, "a", session.id, { text: ANSWER });
    await rateAnswer(store, "a", session.id, stepId, "good");

    const text = await runCommand(registers, ["due", "--limit", "2"], { store });
    expect(text.out).toMatch(/^0 due now · 2 new\n/);
    expect(text.out).not.toContain(entries[0]?.itemId?.slice(0, 8));
    expect(text.out).toMatch(
      /Practise them: derisk practice --due\. One's attempts and scores: derisk history ID\./,
    );

    const history = await runCommand(registers, ["attempts", entries[0]?.itemId ?? ""], { store });
    expect(history.code).toBe(0);
    expect(history.out).toMatch(/ 1 attempt\n/);
    expect(history.out).toMatch(/score [1-5]\/5 {2}rated good/);
    expect(history.out).toMatch(/next due \d{4}-\d\d-\d\d/);
    const json = JSON.parse(
      (await runCommand(registers, ["attempts", entries[0]?.itemId ?? "", "--json"], { store })).out,
    );
    expect(json.history.attempts[0]).toMatchObject({ rating: "good" });
  });

  it("says clearly when an id is unknown or a flag is wrong", async () => {
    const store = getStore();
    const registers = [registerDueCommand, registerAttemptsCommand];
    const missing = await runCommand(registers, ["attempts", "nope"], { store });
    expect(missing).toMatchObject({
      code: 2,
      error: expect.stringMatching(/No answer or question with id nope/),
    });
    const badLimit = await runCommand(registers, ["due", "--limit", "0"], { store });
    expect(badLimit).toMatchObject({ code: 1, error: expect.stringMatching(/--limit/) });
    const empty = await runCommand(registers, ["due"], { store });
    expect(empty.out).toMatch(/^0 due now · 0 new\n/);
  });

  it("runs a mock interview from typed lines: timer, analysis, follow-up, rating, report", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const stdin = [
      "/peek",
      "Our nightly training pipeline failed twice a week.",
      "I traced it to a race in the feature export and rewrote it.",
      "Failures dropped from eight a month to zero.",
      "",
      "It was two writers racing; I made the export atomic with a rename.",
      "",
      "great",
      "3",
    ].join("\n");
    const run = await runCommand(
      [registerPracticeCommand],
      ["practice", "--competency", "technical-challenge", "--count", "1", "--role", "ml-engineer"],
      { store, stdin },
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /Practice session \S+: 1 question from competency technical-challenge · role ml-engineer/,
    );
    expect(run.out).toMatch(/Question 1\/1: /);
    expect(run.out).toMatch(/⏱ 0:00 \/ \d+:\d\d · timer started/);
    expect(run.out).toMatch(/Your prepared answer \(peeking is noted/);
    // Typing time and the spoken estimate, each named (never typing time against the spoken budget).
    // Durations and budgets said as everywhere else ("1 min 30 s"); only the running timer is a clock.
    expect(run.out).toMatch(
      /⏱ typed in \d+ s · said aloud ≈ \d+ (?:min(?: \d\d s)?|s) of \d+ (?:min(?: \d\d s)?|s)/,
    );
    // The risk lens: score, STAR balance, the five risks, the top fixes; then the prepared answer.
    expect(run.out).toMatch(/Overall [1-5]\/5/);
    expect(run.out).toMatch(/STAR\+L/);
    expect(run.out).toMatch(/Risk signals/);
    expect(run.out).toMatch(/Top fixes/);
    expect(run.out).toMatch(/Your answer\n {2}Our nightly training[\s\S]*Prepared answer\n/);
    // The prepared answer as said, peeked at or beside the attempt: no bold markers, no STAR labels.
    expect(run.out).not.toMatch(/\*\*|^ *(?:Situation|Task|Action|Result):/m);
    expect(run.out).toMatch(/Follow-up next \(budget 45 s\), because you said/);
    expect(run.out).toMatch(/Follow-up: /);
    // Rated after the follow-up: a wrong word is refused, then 3 = good.
    expect(run.out.indexOf("Follow-up: ")).toBeLessThan(run.out.indexOf("Rate your answer to:"));
    expect(run.out).toMatch(/Unknown rating "great"/);
    // The interval in words a person reads: "in 10 min", not "in 0.006944444444444444 day(s)".
    expect(run.out).toMatch(
      /rated good: next review \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in \d+ (min|h|days?)\)\n/,
    );
    // Before: "Session report: 2/2 answered" above "1/1 questions answered". The question was
    // answered after /peek: counted as peeked, not answered (before: "1/1 question answered").
    expect(run.out).toMatch(/Session report: 0\/1 question answered, 1 peeked, 1 follow-up\n/);
    expect(run.out).not.toMatch(/questions answered ·/);
    expect(run.out).toMatch(/score [1-5]\/5 after peeking · good · peeked/);
    // Before: "time 0:03 of 2:45" and "0:02/2:00": typing time set against the spoken budget.
    expect(run.out).toMatch(
      /^typed in \d+ s \(the \d+ (?:min(?: \d\d s)?|s) budget is for saying it aloud\), \d+ s of it after peeking/m,
    );
    // The follow-up was answered clean: the average is its score alone, and says so.
    expect(run.out).toMatch(/average score \d\.\d\/5 \(clean answers only\)/);
    expect(run.out).toMatch(
      / {2}typed in \d+ s \(budget \d+ (?:min(?: \d\d s)?|s)\) · score [1-5]\/5 after peeking · good · peeked$/m,
    );
    expect(run.out).toMatch(/Attempts over time: derisk history \S+/);
    // The terminal session is the same session the API sees: stored, finished, rated.
    const [session] = await store.practice.listSessions("a");
    expect(session?.status).toBe("finished");
    const attempts = await store.attempts.listAttempts("a", { itemId: session?.steps[0]?.itemId ?? "" });
    expect(attempts[0]).toMatchObject({ selfRating: 3, text: expect.stringContaining("eight a month") });
  });

  /**
   * The sample imported, then one technical-challenge question answered with `lines` typed on
   * standard input: what the command printed and the text the attempt kept.
   */
  async function answerOneTyped(lines: string[]): Promise<{ out: string; saved: string | undefined }> {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const run = await runCommand(
      [registerPracticeCommand],
      ["practice", "--competency", "technical-challenge", "--count", "1"],
      { store, stdin: [...lines, ""].join("\n") },
    );
    const [session] = await store.practice.listSessions("a");
    const attempts = await store.attempts.listAttempts("a", { itemId: session?.steps[0]?.itemId ?? "" });
    return { out: run.out, saved: attempts[0]?.text };
  }

  it("names the question's competency over a follow-up's score, not one read from the follow-up's wording", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const stdin = [
      "I have a PhD in applied mathematics and moved into machine learning through research projects.",
      "",
      "I want to ship models that people use, and this team builds exactly that.",
      "",
      "",
    ].join("\n");
    const run = await runCommand(
      [registerPracticeCommand],
      ["practice", "--competency", "about-me", "--count", "1"],
      { store, stdin },
    );
    expect(run.code).toBe(0);
    const followUp = run.out.split("\nFollow-up: ")[1] ?? "";
    expect(followUp).not.toBe("");
    expect(followUp).toMatch(/\nabout-me · budget 45 s/);
    // Before: "Overall n/5 · motivation" under the about-me follow-up (read from its wording).
    expect(followUp).toMatch(/Overall [1-5]\/5 · about-me/);
  });

  it("peeks at the prepared answer after the first line too, and keeps /peek out of the answer", async () => {
    const { out, saved } = await answerOneTyped([
      "Our nightly training pipeline failed twice a week.",
      "/peek",
      "I traced it to a race in the feature export and rewrote it.",
    ]);
    expect(out).toMatch(/Your prepared answer \(peeking is noted/);
    expect(saved).toBe(
      "Our nightly training pipeline failed twice a week.\nI traced it to a race in the feature export and rewrote it.",
    );
  });

  it("leaves a piped line that was not UTF-8 out of the answer, saying why, instead of saving 'caf\uFFFD'", async () => {
    // What the line reader makes of "café" saved as Latin-1 (the byte 0xE9 is not UTF-8).
    const latin1 = new TextDecoder().decode(
      new Uint8Array([...Buffer.from("At the caf"), 0xe9, ...Buffer.from(" I fixed it.")]),
    );
    const { out, saved } = await answerOneTyped([
      "Our nightly training pipeline failed twice a week.",
      latin1,
      "Failures dropped to zero.",
    ]);
    expect(out).toContain(
      "This line is not UTF-8 text (a letter such as é saved in another encoding, e.g. Latin-1)",
    );
    // Before: the line was saved and scored as "At the caf\uFFFD I fixed it."
    expect(saved).toBe("Our nightly training pipeline failed twice a week.\nFailures dropped to zero.");
  });

  it("stops at end of input with the typed lines saved, lists the session and resumes it with the text kept", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const commands = [registerPracticeCommand];
    const first = await runCommand(commands, ["practice", "--count", "2"], {
      store,
      stdin: "My first line about the pipeline.\nA second line, then the input ends.",
    });
    expect(first.code).toBe(0);
    // End of input mid-answer submits what was typed; the follow-up finds the input closed.
    const [session] = await store.practice.listSessions("a", { status: "active" });
    if (!session) throw new Error("the session was not kept");
    expect(first.out).toMatch(
      new RegExp(`Resume with: derisk practice --resume ${session.id.slice(0, 8)}$`, "m"),
    );

    const listed = await runCommand(commands, ["practice", "--list"], { store });
    expect(listed.out).toMatch(/Unfinished sessions: 1/);
    expect(listed.out).toContain(`• ${session.id.slice(0, 8)}  `);

    // A question interrupted mid-answer: a draft saved line by line, picked up by --resume.
    const typed = await startPractice(store, "a", { from: { kind: "question", text: "Why this team?" } });
    const interrupted = await runCommand(commands, ["practice", "--resume", typed.id], {
      store,
      stdin: "Because the team ships models to users.\nAnd I want to learn from it.",
    });
    expect(interrupted.out).toMatch(/Resuming session .* at question 1\/1/);
    const resumed = await runCommand(commands, ["practice", "--resume", typed.id], {
      store,
      stdin: "\n\n1\n",
    });
    expect(resumed.code).toBe(0);
    expect(resumed.out).not.toMatch(/Your saved answer so far/);
    expect(resumed.out).toMatch(/Session report: /);
  });

  it("checks a technical question of the bank by its key points in any session, as the drill does", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const due = await runCommand([registerDueCommand], ["due", "--json"], { store });
    const technical = (JSON.parse(due.out).due as Array<{ kind: string; itemId?: string }>).find(
      (e) => e.kind === "technical",
    );
    if (!technical?.itemId) throw new Error("the sample has no technical question due");
    // A "Cards due" session that happens to hold a technical card, resumed in the terminal.
    const session = await startPractice(store, "a", { from: { kind: "items", ids: [technical.itemId] } });
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume", session.id], {
      store,
      stdin: `${ANSWER}\n\n3\n`,
    });
    expect(run.code).toBe(0);
    // Before: the story lens ("Risk signals", "Top fixes") and a behavioral follow-up.
    // The sample's question has no key points of its own nor a bank twin: the drill's note says so.
    expect(run.out).toMatch(/No key points: no bank question asks the same thing/);
    expect(run.out).not.toMatch(/Risk signals/);
    expect(run.out).not.toMatch(/Follow-up next/);
    expect(run.out).toMatch(/Session report: 1\/1 question answered\n/);
    // No story score for an explanation of overfitting.
    expect(run.out).toMatch(/^• How do you tell whether a model is overfitting.*\(budget 2 min\) · good$/m);
  });

  it("keeps a session killed before the last answer's rating in --list, and --resume asks for it", async () => {
    const store = getStore();
    const started = await withDraft(store, ANSWER);
    // Answered and submitted, then the terminal was killed at the rating prompt.
    let view = (await submitAnswer(store, "a", started.id, {})).session;
    if (view.current) view = (await submitAnswer(store, "a", started.id, { text: "" })).session;
    const commands = [registerPracticeCommand];
    const listed = await runCommand(commands, ["practice", "--list"], { store });
    expect(listed.out).toMatch(/Unfinished sessions: 1/);
    expect(listed.out).toMatch(/^ {4}to rate: Why this team\?$/m);
    const resumed = await runCommand(commands, ["practice", "--resume"], { store, stdin: "good\n" });
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(
      /Resuming session \S+ \(a typed question\): every question answered, your rating is left/,
    );
    expect(resumed.out).toMatch(/Rate your answer to: Why this team\?/);
    expect(resumed.out).toMatch(/rated good/);
    expect(resumed.out).toMatch(/Session report: 1\/1 question answered/);
    expect((await runCommand(commands, ["practice", "--list"], { store })).out).toMatch(
      /No unfinished practice session/,
    );
  });

  it("ends a session whose last rating is declined with Enter: it leaves --list", async () => {
    const store = getStore();
    const started = await withDraft(store, ANSWER);
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume", started.id], {
      store,
      stdin: "\n\n\n\n",
    });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/not rated: it stays due/);
    expect(run.out).toMatch(/Session report: 1\/1 question answered/);
    expect((await store.practice.getSession("a", started.id)).status).toBe("finished");
  });

  it("names a drill session as the drill in --list, not as what is due", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    await startPractice(store, "a", { from: { kind: "drill" }, count: 1 });
    const listed = await runCommand([registerPracticeCommand], ["practice", "--list"], { store });
    expect(listed.out).toMatch(/· the technical drill · 0\/1 answered/);
  });

  it("shows a resumed one-line draft as '1 line', wrapped between words to the width", async () => {
    const store = getStore();
    const long = "I moved our batch jobs to streaming and cut the latency by forty percent. "
      .repeat(4)
      .trim();
    await withDraft(store, long);
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume"], {
      store,
      stdin: ["", "4"].join("\n"),
      columns: 80,
    });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /Your saved answer so far \(1 line\), kept; go on typing:\n {2}I moved our batch/,
    );
    const shown = run.out.split("Your saved answer so far")[1]?.split("\n").slice(1, 5) ?? [];
    for (const line of shown) {
      expect([...line].length, line).toBeLessThanOrEqual(80);
      expect(line).toMatch(/^ {2}\S/);
    }
  });

  it("resumes a draft at the same question with the lines kept, and refuses an over-long answer", async () => {
    const store = getStore();
    await withDraft(store, "Kept line one.\nKept line two.");

    const huge = "x".repeat(MAX_ATTEMPT_CHARS);
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume"], {
      store,
      stdin: [huge, "And a third line.", "", "4"].join("\n"),
    });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Your saved answer so far \(2 lines\), kept/);
    expect(run.out).toMatch(
      /That line was not added: The answer is [\d,]+ characters, over the limit of 50,000 for one attempt: shorten it/,
    );
    const attempt = (await store.attempts.listAttempts("a")).find((a) => a.questionText === "Why this team?");
    expect(attempt?.text).toBe("Kept line one.\nKept line two.\nAnd a third line.");
    expect(attempt?.finishedAt).toBeDefined();
    expect(run.out).toMatch(/rated easy: kept with the attempt/);
  });

  it("skips a question on an empty answer and moves past a deleted one, saying so", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const other = await importDocument(store, "a", {
      bytes: new TextEncoder().encode(
        "# Q1 Why do you want this team?\n\nBecause it ships models to real users, and I learn fastest there.\n",
      ),
      filename: "other.md",
    });
    const kept = (await store.items.listItems("a", { kind: "answer" })).find(
      (i) => i.documentId !== other.documentId,
    );
    const doomed = (await store.items.listItems("a", { documentId: other.documentId ?? "" })).find(
      (i) => i.kind === "answer",
    );
    if (!kept || !doomed) throw new Error("two answers from two documents were expected");
    const session = await startPractice(store, "a", { from: { kind: "items", ids: [kept.id, doomed.id] } });
    // The second question's document is deleted while the session waits.
    await store.documents.deleteDocument("a", other.documentId ?? "");
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume", session.id], {
      store,
      stdin: "\n",
    });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Skipped: an empty answer is not an attempt/);
    expect(run.out).toMatch(/Deleted: “.+” was deleted from your bank after this session started; moving on/);
    expect(run.out).toMatch(/Deleted: “Why do you want this team\?”/);
    expect(run.out).toMatch(/Session report: 0\/2 questions answered\n/);
    expect(run.out).toMatch(/— skipped/);
    expect(run.out).toMatch(/— deleted during the session, skipped/);
    expect(await store.attempts.listAttempts("a")).toEqual([]);
  });

  it("skips a question on /skip, even after some lines (kept, unrated), keeping /skip out of the answer", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const [first, second] = await store.items.listItems("a", { kind: "answer" });
    if (!first || !second) throw new Error("the sample has answers");
    const session = await startPractice(store, "a", { from: { kind: "items", ids: [first.id, second.id] } });
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume", session.id], {
      store,
      stdin: "I started with the wrong question.\n/skip\n/skip\n",
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain("Skipped (/skip): nothing rated; the lines you typed stay saved.");
    expect(run.out).toContain("Skipped (/skip): nothing rated.");
    expect(run.out).toMatch(/Session report: 0\/2 questions answered\n/);
    // Nothing typed is lost, and /skip is no part of it.
    const texts = (await store.attempts.listAttempts("a")).map((a) => a.text);
    expect(texts).toEqual(["I started with the wrong question."]);
  });

  it("ends the interview on /end: the report tells the question skipped from those never reached", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const answers = await store.items.listItems("a", { kind: "answer" });
    const ids = answers.slice(0, 3).map((i) => i.id);
    expect(ids).toHaveLength(3);
    const session = await startPractice(store, "a", { from: { kind: "items", ids } });
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume", session.id], {
      store,
      stdin: "/skip\nI was about to say\n/end\n",
    });
    expect(run.code).toBe(0);
    // Before: /end was a line of the answer, and the session went on to the next question.
    expect(run.out).toContain("Interview ended (/end); the lines you typed stay saved, not scored.");
    expect(run.out).toMatch(/Session report: 0\/3 questions answered\n/);
    expect(run.out).toContain("ended early, after question 1 · 1 skipped · 2 not reached");
    expect(run.out.match(/— skipped/g)).toHaveLength(1);
    expect(run.out.match(/— not reached: the interview was ended after question 1/g)).toHaveLength(2);
    const texts = (await store.attempts.listAttempts("a")).map((a) => a.text);
    expect(texts).toEqual(["I was about to say"]);
    const ended = await store.practice.getSession("a", session.id);
    expect(ended).toMatchObject({ status: "finished", ended: { position: 1 } });

    // The finished session's report, asked for again, reads the same.
    const again = await runCommand([registerPracticeCommand], ["practice", "--resume", session.id], {
      store,
    });
    expect(again.out).toContain("ended early, after question 1 · 1 skipped · 2 not reached");
  });

  it("/end after /peek: the question peeked at reads as ended there, not as never reached", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const answers = await store.items.listItems("a", { kind: "answer" });
    const session = await startPractice(store, "a", {
      from: { kind: "items", ids: answers.slice(0, 3).map((i) => i.id) },
    });
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume", session.id], {
      store,
      stdin: "/skip\n/peek\n/end\n",
    });
    expect(run.code).toBe(0);
    // Before: the question on screen, its prepared answer just shown, read "not reached".
    expect(run.out.match(/— ended here: you peeked at the prepared answer, not answered/g)).toHaveLength(1);
    expect(run.out.match(/— not reached: the interview was ended after question 1/g)).toHaveLength(1);
    const report = run.out.slice(run.out.indexOf("Session report"));
    const second = report.split("\n").find((line) => line.includes("ended here"));
    const peekedAt = answers[1];
    expect(second).toContain(peekedAt?.kind === "answer" ? peekedAt.question : "?");
  });

  it("reports a question peeked at then skipped as peeked, not as skipped, and leaves it out of the answered count", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const answers = await store.items.listItems("a", { kind: "answer" });
    const session = await startPractice(store, "a", {
      from: { kind: "items", ids: answers.slice(0, 2).map((i) => i.id) },
    });
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume", session.id], {
      store,
      stdin: "/peek\n\n\n",
    });
    expect(run.code).toBe(0);
    const report = run.out.slice(run.out.indexOf("Session report"));
    // Before: "0/2 questions answered" and "2 skipped", the peek said nowhere but the step line.
    expect(report).toMatch(/^Session report: 0\/2 questions answered, 1 peeked\n1 skipped · /);
    expect(report.match(/— peeked at the prepared answer, then skipped/g)).toHaveLength(1);
    expect(report.match(/— skipped$/gm)).toHaveLength(1);
  });

  it("wraps /peek to the report's width, not to 40 columns, when not in a terminal", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const [first] = await store.items.listItems("a", { kind: "answer" });
    if (!first) throw new Error("the sample has answers");
    const session = await startPractice(store, "a", { from: { kind: "items", ids: [first.id] } });
    const run = await runCommand([registerPracticeCommand], ["practice", "--resume", session.id], {
      store,
      stdin: "/peek\n\n",
      columns: 80,
    });
    const peeked = run.out.slice(run.out.indexOf("Your prepared answer"), run.out.indexOf("Skipped"));
    const widths = peeked.split("\n").map((line) => line.length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(80);
    expect(Math.max(...widths)).toBeGreaterThan(60);
  });

  it("refuses conflicting flags, a bad count, standard input as --jd and an unknown session", async () => {
    const store = getStore();
    const commands = [registerPracticeCommand];
    const both = await runCommand(commands, ["practice", "--due", "--question", "Why?"], { store });
    expect(both).toMatchObject({ code: 1, error: expect.stringMatching(/one of --due, --competency, --jd/) });
    const resumeAndSource = await runCommand(commands, ["practice", "--resume", "--gaps"], { store });
    expect(resumeAndSource).toMatchObject({ code: 1, error: expect.stringMatching(/--resume and --list/) });
    const badCount = await runCommand(commands, ["practice", "--count", "50"], { store });
    expect(badCount).toMatchObject({ code: 1, error: expect.stringMatching(/--count/) });
    const jdStdin = await runCommand(commands, ["practice", "--jd", "-"], { store });
    expect(jdStdin).toMatchObject({ code: 1, error: expect.stringMatching(/--jd needs a file/) });
    const unknown = await runCommand(commands, ["practice", "--resume", "nope"], { store });
    expect(unknown).toMatchObject({ code: 2, error: expect.stringMatching(/No practice session nope/) });
    const none = await runCommand(commands, ["practice", "--resume"], { store });
    expect(none).toMatchObject({ code: 2, error: expect.stringMatching(/No unfinished practice session/) });
    expect((await runCommand(commands, ["practice", "--list"], { store })).out).toMatch(
      /No unfinished practice session/,
    );
  });

  it("starts from a job description file and from the coverage gaps", async () => {
    const store = getStore();
    await importDocument(store, "a", { bytes: sample, filename: "sample-prep.md" });
    const dir = mkdtempSync(join(tmpdir(), "derisk-practice-"));
    const jd = join(dir, "posting.md");
    writeFileSync(
      jd,
      "# ML Engineer\n\nResponsibilities:\n- Build and deploy training pipelines on Kubernetes\n- Monitor models in production for drift\n\nRequirements:\n- 3+ years of Python and PyTorch\n",
    );
    const fromJd = await runCommand([registerPracticeCommand], ["practice", "--jd", jd, "--count", "2"], {
      store,
      stdin: "",
    });
    expect(fromJd.code).toBe(0);
    expect(fromJd.out).toMatch(/Practice session \S+: 2 questions from a job description/);
    expect(fromJd.out).toMatch(/Question 1\/2: The role (includes|needs)/);
    const fromGaps = await runCommand([registerPracticeCommand], ["practice", "--gaps", "--count", "1"], {
      store,
      stdin: "",
    });
    expect(fromGaps.code).toBe(0);
    expect(fromGaps.out).toMatch(/1 question from coverage gaps/);
    expect(fromGaps.out).toMatch(/\(1 earlier session\(s\) unfinished/);
    const empty = join(dir, "empty.md");
    writeFileSync(empty, "  \n");
    const bad = await runCommand([registerPracticeCommand], ["practice", "--jd", empty], { store });
    expect(bad).toMatchObject({ code: 2, error: expect.stringMatching(/empty\.md is empty/) });
  });
});

describe("side by side", () => {
  it("puts the two texts in columns on a wide terminal and one below the other otherwise", () => {
    const style = createStyle({ isTTY: false } as NodeJS.WriteStream, {});
    const wide = sideBySide(
      { title: "Your answer", text: "I fixed the flaky export." },
      { title: "Prepared answer", text: "I traced a race in the export and made it atomic." },
      100,
      style,
    );
    expect(wide.split("\n")[0]).toMatch(/^Your answer +│ Prepared answer$/);
    expect(wide).toMatch(/I fixed the flaky export\. +│ I traced a race/);
    const narrow = sideBySide({ title: "A", text: "one" }, { title: "B", text: "two" }, 80, style);
    expect(narrow).toBe("A\n  one\nB\n  two");
    // Not a terminal (0 columns): wrapped to a pipe's 80 columns, not to 40.
    const sentence = "I disagreed with a teammate about the rollout, and we agreed on a canary.";
    const piped = sideBySide({ title: "A", text: sentence }, { title: "B", text: "two" }, 0, style);
    expect(piped).toBe(`A\n  ${sentence}\nB\n  two`);
    expect(wrapText("alpha beta gamma", 10)).toEqual(["alpha beta", "gamma"]);
  });
});
