import { describe, expect, it } from "vitest";
import { runCommand } from "../test-cli.ts";
import { registerAnalyzeCommand } from "./analyze.ts";

const ANSWER =
  "Our nightly retraining failed for a week. I traced it to a schema change, added a contract test on the input table and the job has not failed since.";

describe("derisk analyze --fail-under", () => {
  it("exits 1 below the score it is given, and refuses a score past 5 as a usage error", async () => {
    const args = ["analyze", "-", "-q", "Tell me about a hard problem"];
    expect(
      (await runCommand([registerAnalyzeCommand], [...args, "--fail-under", "1"], { stdin: ANSWER })).code,
    ).toBe(0);
    const low = await runCommand([registerAnalyzeCommand], [...args, "--fail-under", "5"], { stdin: ANSWER });
    expect(low.code).toBe(1);
    expect(low.error).toBeUndefined();
    const wrong = await runCommand([registerAnalyzeCommand], [...args, "--fail-under", "9"], {
      stdin: ANSWER,
    });
    expect(wrong.code).toBe(1);
    expect(wrong.error).toBe("--fail-under 9 is not a score: give 1 to 5.");
    expect(wrong.out).toBe("");
  });
});

describe("derisk analyze --batch", () => {
  it("says where and why a line is not JSON: line, column, the text there and the parser's reason", async () => {
    const lines = [
      JSON.stringify({ question: "Tell me about a hard problem", answer: ANSWER }),
      '{"question": "Why us?", answer: "I used it daily."}',
      "",
      '{"answer": "I led the migration."',
    ].join("\n");
    const run = await runCommand([registerAnalyzeCommand], ["analyze", "--batch", "-"], { stdin: lines });
    expect(run.code).toBe(2);
    const out = run.out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { error?: { message: string; line: number } });
    expect(out).toHaveLength(3);
    expect(out[1]?.error).toMatchObject({ line: 2 });
    expect(out[1]?.error?.message).toMatch(
      /^stdin:2:25: not valid JSON \(at `Why us\?", answer: "I used it daily\."}`\): \S.*; write one \{"question", "answer"\} object per line\.$/,
    );
    expect(out[2]?.error?.message).toMatch(
      /^stdin:4:34: not valid JSON \(at `igration\."`\): \S.*; write one/,
    );
  });

  it("refuses a line whose question is over 2,000 characters, as --question and the API do", async () => {
    // Before: analysed against the 2,001-character "question", exit 0.
    const stdin = JSON.stringify({ question: "q".repeat(2001), answer: ANSWER });
    const run = await runCommand([registerAnalyzeCommand], ["analyze", "--batch", "-"], { stdin });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out.trim())).toEqual({
      error: {
        code: "BAD_INPUT",
        line: 1,
        message:
          'stdin:1: field "question" must be at most 2000 characters long; write one {"question", "answer"} object per line.',
      },
    });
  });
});

it("says in plain words which field of a line is missing or of the wrong kind", async () => {
  const lines = ['{"question": "Why us?"}', '{"question": "Why us?", "answer": 42}'].join("\n");
  const run = await runCommand([registerAnalyzeCommand], ["analyze", "--batch", "-"], { stdin: lines });
  expect(run.code).toBe(2);
  const messages = run.out
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { error: { message: string } }).error.message);
  expect(messages).toEqual([
    'stdin:1: field "answer" is missing: give it as text (a JSON string in quotes); write one {"question", "answer"} object per line.',
    'stdin:2: field "answer" must be text (a JSON string in quotes), not a number; write one {"question", "answer"} object per line.',
  ]);
});

it("refuses an empty batch with exit 2 and what to write, where it printed nothing and exited 0", async () => {
  for (const stdin of ["", "\n  \n"]) {
    const run = await runCommand([registerAnalyzeCommand], ["analyze", "--batch", "-"], { stdin });
    expect(run.code).toBe(2);
    expect(run.error).toBe(
      'Standard input holds no answer to analyse: write one {"question", "answer"} object per line.',
    );
    expect(run.out).toBe("");
  }
});

describe("derisk analyze: one source of the answer", () => {
  it("refuses a FILE beside --answer or --batch (it analysed one of them in silence) and says which to keep", async () => {
    for (const args of [
      ["analyze", "-", "--answer", "3f2a"],
      ["analyze", "answer.md", "--batch", "answers.jsonl"],
      ["analyze", "--answer", "3f2a", "--batch", "-"],
    ]) {
      const run = await runCommand([registerAnalyzeCommand], args, { stdin: ANSWER });
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.out).toBe("");
      expect(run.error).toMatch(
        /^Give the answer one way, not .+ and .+: a FILE \(or - for standard input\), --answer ID, or --batch FILE\.$/,
      );
    }
    const both = await runCommand([registerAnalyzeCommand], ["analyze", "-", "--answer", "3f2a"], {
      stdin: ANSWER,
    });
    expect(both.error).toContain("not - (standard input) and --answer");
  });
});

describe("derisk analyze on an answer in another language", () => {
  it("says it reads English only and prints no score, STAR part or signal", async () => {
    const french =
      "Dans mon dernier poste, j'étais responsable du pipeline de données. Les exports échouaient deux fois par semaine. J'ai trouvé la cause et j'ai réécrit l'étape d'export.";
    const run = await runCommand(
      [registerAnalyzeCommand],
      ["analyze", "-", "-q", "Tell me about a hard problem"],
      { stdin: french },
    );
    expect(run.code).toBe(0);
    // Before: "Overall 1/5" over "a list of words, not sentences", then STAR parts all missing.
    expect(run.out).toMatch(/^Not scored: this answer reads as French/);
    expect(run.out).toContain("The risk lens reads English only, so its labels and score do not apply.");
    expect(run.out).not.toMatch(/Overall \d\/5|STAR|Risk signals|list of words/);
    const json = await runCommand(
      [registerAnalyzeCommand],
      ["analyze", "-", "-q", "Tell me about a hard problem", "--json"],
      { stdin: french },
    );
    expect(JSON.parse(json.out)).toMatchObject({
      language: { code: "fr", name: "French" },
      labels: { overall: 1 },
    });
  });
});

describe("derisk classify", () => {
  it("reads the question from standard input for '-', and refuses an empty question with exit 2", async () => {
    // Before: "-" was itself classified (about-me, exit 0), and "" exited 1 as a usage error.
    const piped = await runCommand([registerAnalyzeCommand], ["classify", "-", "--json"], {
      stdin: "Tell me about a time you disagreed\nwith your manager.\n",
    });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.out).competency).toBe(
      JSON.parse(
        (
          await runCommand(
            [registerAnalyzeCommand],
            ["classify", "Tell me about a time you disagreed with your manager.", "--json"],
          )
        ).out,
      ).competency,
    );
    expect(JSON.parse(piped.out).competency).not.toBe("about-me");
    const empty = await runCommand([registerAnalyzeCommand], ["classify", " "]);
    expect(empty).toMatchObject({ code: 2, out: "" });
    expect(empty.error).toMatch(/^The question is empty: give the question to classify/);
    const emptyStdin = await runCommand([registerAnalyzeCommand], ["classify", "-"], { stdin: "\n" });
    expect(emptyStdin).toMatchObject({ code: 2, out: "" });
    expect(emptyStdin.error).toMatch(/^The question read from standard input is empty/);
  });

  it("refuses a question over 2,000 characters with exit 2, as the API and derisk match do", async () => {
    // Before: exit 0 and a competency for a whole pasted answer.
    const long = "I led the migration and cut failures by half. ".repeat(50).trim();
    const run = await runCommand([registerAnalyzeCommand], ["classify", long]);
    expect(run).toMatchObject({ code: 2, out: "" });
    expect(run.error).toBe(
      `The question is ${long.length.toLocaleString("en-US")} characters, over 2,000: give the question only.`,
    );
    expect(
      (await runCommand([registerAnalyzeCommand], ["classify", "Tell me about a conflict", "--json"])).code,
    ).toBe(0);
  });
});
