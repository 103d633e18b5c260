import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEED_RUNS, seedUpload } from "../../../test/seed.ts";
import type { AnswerItem, PrepDoc, PrepItem, PrepItemKind } from "../model.ts";
import {
  checkPrepDocInvariants,
  importPrepDocument,
  parsePrepDocument,
  renderPrepDocument,
} from "./index.ts";

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/structures/${name}`, import.meta.url)), "utf8");

function expectLossless(text: string): PrepDoc {
  const doc = parsePrepDocument(text);
  expect(checkPrepDocInvariants(text, doc)).toEqual([]);
  return doc;
}

// Lines that stress the parser: every structure it knows, broken Markdown, CR, tabs, emoji.
const WEIRD_LINES = [
  "",
  "",
  "",
  " ",
  "\t",
  "  \t ",
  "\r",
  "text\r",
  "## Heading",
  "### Q1- Tell me about yourself:",
  "### Q1:",
  "#### 2.",
  "### ❓**3. Why us?**",
  "**Q4- Why now?**",
  "1. Tell me about a time you failed?",
  "S:",
  "T: task",
  "**S – Situation**",
  "**Situation**:",
  "**Result**: done",
  '"Quoted start',
  'end quote."',
  "“Smart quote?”",
  "👉 Answer: “yes”",
  "👉 Use the story above (2–3 mins).",
  "#### They’ll likely ask:",
  "#### Alternative version",
  "- PhD → math",
  "- Now → ML",
  "You don’t want them thinking “too academic.”",
  "So frame it like:",
  "Question: Tell me about yourself (short).",
  "Answer:",
  "**Answer**: inline",
  "✅ **Answer (fresher):**",
  "> quoted",
  ">",
  "---",
  "-----------",
  "***",
  "===",
  "```",
  "```python",
  "~~~",
  "    indented code",
  "<div>",
  "</div>",
  "<img src=x>",
  "<!-- comment",
  "-->",
  "| a | b |",
  "|---|---|",
  "- [ ] todo",
  "- [x] done",
  "Yaser said: hi",
  "ChatGPT said:",
  "**HR:** Why?",
  "**You:** Because.",
  "Interviewer: Why now?",
  "Candidate: Because.",
  "Q: Why us?",
  "A: Because.",
  '### "Tell me about a time you failed."',
  "**Situation:** it broke",
  "**Result:** fixed",
  "**Tell me about a conflict**",
  "<b>1. Tell me about yourself.</b>",
  "<p><b>2. Why us?</b></p>",
  "<details>",
  "<summary>3. Where in five years?</summary>",
  "<details><summary>Q4. Why?</summary>",
  "</details>",
  "<h2>Intro</h2>",
  "- Reduced build time from 20 to 4 minutes",
  "* Led a team of 4",
  "   continued on this line",
  "## 🧠 ML Foundations",
  "What is overfitting?",
  "Explain PPO.",
  "Interviewers are asking:",
  "- Will they blame others?",
  "Setext heading",
  "--",
  "title: x",
  "+++",
  "[link](x)",
  "* bullet",
  "\u00a0",
  "\u2028",
  "日本語のテキスト",
  "👉",
  "🧠⚙️",
  "\\",
  "`code`",
  "**",
  "*",
  "#",
  "#hashtag",
  "&amp;",
  "\u0000",
  "\ufeff",
  "é\u0301",
];

const lineSoup = fc
  .array(fc.constantFrom(...WEIRD_LINES), { maxLength: 60 })
  .chain((lines) => fc.boolean().map((final) => lines.join("\n") + (final ? "\n" : "")));

describe("parsePrepDocument: lossless on anything (property)", () => {
  it("never throws and is lossless on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        expectLossless(text);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        expectLossless(text);
      }),
      { numRuns: 300 },
    );
  });

  it("is lossless on line soup: weird Markdown, unclosed fences, HTML, tables, CR, tabs, emoji", () => {
    fc.assert(
      fc.property(lineSoup, (text) => {
        expectLossless(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(lineSoup, (text) => {
        expect(parsePrepDocument(text)).toEqual(parsePrepDocument(text));
      }),
      { numRuns: 200 },
    );
  });

  it("reads long repetitive documents whole, losslessly", () => {
    const units = [
      "### Q1- Tell me?\n",
      "Ana said: hello there\n",
      "---\nsome text\n\n",
      "Interviewers ask:\n- Will they?\n",
      "Question: Tell me about yourself (v).\nAnswer: ok\n\n",
    ];
    // That the cost grows linearly (no quadratic look-ahead or key search) is measured by
    // bench/parse.bench.ts (parse-repeated-*), not timed here.
    for (const unit of units) expectLossless(unit.repeat(6_000));
  });

  it("reads a heading's delimiters past the cap as literal text instead of parsing them", () => {
    // 20,000 `*_` pairs in one heading used to cost the inline parser a token per delimiter.
    const run = "*_".repeat(20_000);
    const doc = expectLossless(`# Why *this* role ${run}x\n\nBecause.\n`);
    const title = doc.items.find((i) => i.kind === "section")?.title;
    expect(title?.startsWith("Why this role ")).toBe(true);
    expect(title?.endsWith(`${run.slice(-10)}x`)).toBe(true);
    // An ordinary heading is parsed whole: emphasis is dropped, nothing is appended.
    const plain = expectLossless("# Why *this* role, *now*\n\nBecause.\n");
    expect(plain.items.find((i) => i.kind === "section")?.title).toBe("Why this role, now");
  });

  it("handles the edge cases of line structure", () => {
    for (const text of [
      "",
      "\n",
      "\n\n\n",
      "a",
      "a\n",
      "\na\n\n",
      "  \n",
      "\t\n\n \n",
      "a\r\nb\r\n",
      "a\rb",
      "x\n \n\ny",
    ]) {
      expectLossless(text);
    }
    // Whitespace-only lines cannot be a blank-line count: they join the item before them.
    const spaced = parsePrepDocument("## A\n  \n\n## B\n");
    expect(spaced.items.map((i) => [i.raw, i.gapBefore])).toEqual([
      ["## A\n  ", 0],
      ["## B", 1],
    ]);
    expect(parsePrepDocument("").items).toEqual([]);
    expect(parsePrepDocument("\n\n").gapAfter).toBe(2);
  });
});

// ── generated prep documents ─────────────────────────────────────────────────

const WORDS = [
  "built",
  "a",
  "pipeline",
  "that",
  "cut",
  "costs",
  "by",
  "30%",
  "and",
  "shipped",
  "it",
  "to",
  "production",
  "—",
  "the",
  "team",
  "café",
  "naïve",
  "with",
  "monitoring",
];
const sentence = fc
  .tuple(
    fc.constantFrom("I", "We", "The team"),
    fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 10 }),
  )
  .map(([first, rest]) => `${first} ${rest.join(" ")}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(" "));
const prose = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((p) => p.join("\n\n"));
const topic = fc.constantFrom("yourself", "a conflict", "a failure", "a deadline", "a hard bug", "feedback");
const gap = fc.integer({ min: 1, max: 3 }).map((n) => "\n".repeat(n + 1));

interface Generated {
  text: string;
  counts: Partial<Record<PrepItemKind, number>>;
  noteLines: number;
}

const starBody = fc
  .tuple(
    fc.constantFrom("dash", "bold-colon", "inline", "letters"),
    paragraph,
    paragraph,
    paragraph,
    paragraph,
  )
  .map(([style, s, t, a, r]) => {
    const parts: Array<[string, string, string]> = [
      ["S", "Situation", s],
      ["T", "Task", t],
      ["A", "Action", a],
      ["R", "Result", r],
    ];
    return parts
      .map(([letter, word, body]) => {
        if (style === "dash") return `**${letter} – ${word}**\n${body}`;
        if (style === "bold-colon") return `**${word}**:\n${body}\n`;
        if (style === "inline") return `**${word}:** ${body}\n`;
        return `${letter}: ${body}\n`;
      })
      .join("\n");
  });

const questionBlock = fc
  .record({
    n: fc.integer({ min: 1, max: 30 }),
    topic,
    body: fc.oneof(
      prose.map((p) => ({ format: "free", text: p })),
      prose.map((p) => ({ format: "script", text: `"${p}"` })),
      starBody.map((s) => ({ format: "star", text: s })),
    ),
    alternative: fc.option(fc.array(sentence, { minLength: 2, maxLength: 4 }), { nil: undefined }),
    followUps: fc.array(
      fc.record({
        topic,
        answer: fc.oneof(
          sentence.map((s) => `👉 Answer: “${s}”`),
          fc.constant("👉 Use the story above (2 mins)."),
        ),
      }),
      { maxLength: 4 },
    ),
    concern: fc.option(fc.array(sentence, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  })
  .map((q): Generated => {
    let text = `### Q${q.n}- Tell me about ${q.topic}:\n\n${q.body.text}`;
    let answers = 1;
    if (q.alternative) {
      text += `\n\n\n#### Alternative version\n\nA short arc:\n${q.alternative.map((s) => `- Start → ${s}`).join("\n")}`;
      answers++;
    }
    if (q.followUps.length > 0) {
      text += `\n\n#### They’ll likely ask:\n${q.followUps.map((f) => `“What about ${f.topic}?”\n${f.answer}`).join("\n")}`;
    }
    if (q.concern) {
      text += `\n\nYou don’t want them thinking “this is too ${q.topic}.”\nSo frame it like:\n${q.concern.map((s) => `“${s}”`).join("\n")}`;
    }
    return {
      text,
      counts: { answer: answers, "follow-up": q.followUps.length, concern: q.concern ? 1 : 0 },
      noteLines: 0,
    };
  });

const sectionBlock = fc
  .tuple(
    fc.constantFrom("Stories", "Behavioural answers", "Notes"),
    fc.option(fc.array(sentence, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  )
  .map(
    ([title, note]): Generated => ({
      text: `## ${title}${note ? `\n${note.join("\n")}` : ""}`,
      counts: { section: 1 },
      noteLines: note?.length ?? 0,
    }),
  );

const techBlock = fc
  .tuple(
    fc.constantFrom("🧠 ML Foundations", "⚙️ ML Engineering / Deployment", "📊 Statistics"),
    fc.array(fc.constantFrom("overfitting", "recall", "drift", "LoRA", "PPO"), {
      minLength: 2,
      maxLength: 6,
    }),
  )
  .map(
    ([title, topics]): Generated => ({
      text: `## ${title}\nA one-line description.\n${topics.map((t) => `What is ${t}?`).join("\n")}`,
      counts: { "technical-section": 1, "technical-question": topics.length },
      noteLines: 0,
    }),
  );

const reflectionBlock = fc.tuple(paragraph, paragraph, fc.array(sentence, { maxLength: 3 })).map(
  ([mine, theirs, bullets]): Generated => ({
    text: `---------\nA note for later.\n\nAna said: ${mine}\n\nCoach said:\n${theirs}\n${bullets.map((b) => `- ${b}`).join("\n")}\n\n----------`,
    counts: { reflection: 1 },
    noteLines: 0,
  }),
);

const generatedDocument = fc
  .tuple(
    fc.array(fc.oneof(questionBlock, sectionBlock, techBlock, reflectionBlock), {
      minLength: 1,
      maxLength: 12,
    }),
    fc.array(gap, { minLength: 12, maxLength: 12 }),
  )
  .map(([blocks, gaps]) => {
    const counts: Partial<Record<PrepItemKind, number>> = {};
    let noteLines = 0;
    let text = "";
    blocks.forEach((block, i) => {
      text += (i > 0 ? gaps[i] : "") + block.text;
      for (const [kind, n] of Object.entries(block.counts)) {
        counts[kind as PrepItemKind] = (counts[kind as PrepItemKind] ?? 0) + (n ?? 0);
      }
      noteLines += block.noteLines;
    });
    return { text: `${text}\n`, counts, noteLines };
  });

describe("generated prep documents", () => {
  it("recognise exactly what was generated (property)", () => {
    fc.assert(
      fc.property(generatedDocument, ({ text, counts, noteLines }) => {
        const doc = parsePrepDocument(text);
        expect(checkPrepDocInvariants(text, doc)).toEqual([]);
        for (const [kind, n] of Object.entries(counts))
          expect(doc.report.counts[kind as PrepItemKind], kind).toBe(n);
        expect(doc.report.lines.inNotes).toBe(noteLines);
      }),
      { numRuns: 300 },
    );
  });
});

// ── other people's structures (our own text, their layout) ───────────────────

const answersOf = (text: string): AnswerItem[] =>
  parsePrepDocument(text).items.filter((i): i is AnswerItem => i.kind === "answer");

describe("structures from public prep documents", () => {
  for (const name of [
    "front-matter-principles.md",
    "emoji-blockquote-hinglish.md",
    "ml-short-qa.md",
    "mixed-structures.md",
    "star-quoted-headings.md",
    "html-bold-self-intro.md",
    "numbered-and-bold-questions.md",
    "dialogue-mock.md",
    "resume-achievements.md",
  ]) {
    it(`${name} is lossless`, () => expectLossless(fixture(name)));
  }

  it("front matter, a section per principle, restarting numbers, bare S:/T:/A:/R: and empty skeletons", () => {
    const doc = parsePrepDocument(fixture("front-matter-principles.md"));
    expect(doc.title).toBe("Stories for the leadership-principles loop");
    expect(doc.items[0]).toMatchObject({ kind: "note", lines: { start: 1, end: 8 } });
    expect(doc.items.filter((i) => i.kind === "section").map((i) => i.kind === "section" && i.title)).toEqual(
      ["Earn Trust", "Dive Deep"],
    );
    const answers = answersOf(fixture("front-matter-principles.md"));
    expect(answers.map((a) => [a.key, a.questionNumber, a.format])).toEqual([
      ["q1/core", "1", "star"],
      ["q1-2/core", "1", "star"],
      ["q3/core", "3", "star"],
      ["q1-3/core", "1", "star"],
      ["q1-4/core", "1", "star"],
    ]);
    expect(answers[0]?.star?.situation).toMatch(/^Our on-call rotation/);
    expect(answers[2]?.star).toEqual({ situation: "", task: "", action: "", result: "" });
  });

  it("❓/✅ markers, blockquoted answers, --- separators and Hindi-English answers", () => {
    const answers = answersOf(fixture("emoji-blockquote-hinglish.md"));
    expect(answers.map((a) => [a.questionKey, a.variant, a.format])).toEqual([
      // The two unheaded self-introductions answer "Tell me about yourself".
      ["about-me", "core", "free"],
      ["about-me", "alternative", "script"],
      ["question-1", "Hindi-English Mix – Interview Friendly", "script"],
      ["question-1", "Optional: English Version (if the panel prefers English)", "script"],
      ["q1", "core", "script"],
      ["q2", "core", "script"],
      ["q3", "core", "script"],
    ]);
    expect(answers[0]).toMatchObject({ question: "Tell me about yourself", lines: { start: 1, end: 3 } });
    expect(answers[2]?.text).toMatch(/^Maine agency mein.*code lambe time tak chale\.$/s);
    expect(answers[4]).toMatchObject({
      question: "Why should we hire you?",
      remark: "(Hum aapko kyun hire karein?)",
    });
    const notes = parsePrepDocument(fixture("emoji-blockquote-hinglish.md")).items.filter(
      (i) => i.kind === "note",
    );
    expect(notes.at(-1)?.raw).toMatch(/Let me know if you want these answers/);
  });

  it("#### N. short ML Q&A with ##### sub-headings, indented lists and inline <img>", () => {
    const answers = answersOf(fixture("ml-short-qa.md"));
    expect(answers.map((a) => [a.questionNumber, a.question])).toEqual([
      ["1", "What is regularisation and why does it help?"],
      ["2", "AUC (area under the ROC curve)"],
      ["3", "Explain the difference between bagging and boosting."],
    ]);
    expect(answers[0]?.text).toContain("a. L2 (ridge)");
    expect(answers[1]?.raw).toContain("<img");
    expect(answers[2]?.text).toMatch(/^Bagging\ntrains models/);
  });

  it("tables, bold Q lines, ### Q1: + **Answer**:, HTML, HR/You dialogue, checklists, code, placeholders", () => {
    const doc = parsePrepDocument(fixture("mixed-structures.md"));
    const answers = doc.items.filter((i): i is AnswerItem => i.kind === "answer");
    expect(answers.map((a) => [a.key, a.question, a.text])).toEqual([
      [
        "q1/core",
        "Walk me through your last project.",
        "I owned the payments retry service end to end: design, rollout and on-call.",
      ],
      [
        "q3/core",
        "What was the hardest bug you fixed?",
        "A race between two workers that double-charged about [X] customers a week.",
      ],
      ["q4/core", "", "I would first reproduce it locally, then add a failing test, then fix it."],
      [
        "q5/core",
        "How do you handle a missed deadline?",
        "I tell the stakeholders as soon as I know, with a new date and what I am cutting.",
      ],
      [
        "q6/core",
        "What would you do in your first 90 days?",
        "Learn the system, fix one painful thing, then propose a roadmap.",
      ],
      [
        "question-1/core",
        "Tell me about yourself.",
        "I'm a backend developer with [N years] of experience in payment systems.",
      ],
      [
        "question-2/core",
        "Why do you want to leave?",
        "I want to work on a larger platform with a stronger testing culture.",
      ],
    ]);
    // The checklist is a to-do list, the code blocks are snippets; only the pointer to an
    // answer in another file is left as a note (it has neither the question nor the answer).
    const notes = doc.items.filter((i) => i.kind === "note").map((n) => n.raw);
    expect(notes).toEqual(["Q7 is answered in a separate file: [my answer](answers.md#q7)."]);
    const todos = doc.items.filter((i) => i.kind === "to-do");
    expect(todos.map((t) => [t.lines, t.entries])).toEqual([
      [
        { start: 33, end: 35 },
        [
          { text: "Rehearse Q1 out loud", done: false, depth: 0 },
          { text: "Update the CV", done: true, depth: 0 },
          { text: "Research the team on [company]", done: false, depth: 0 },
        ],
      ],
    ]);
    const snippets = doc.items.filter((i) => i.kind === "snippet");
    expect(snippets.map((s) => [s.lines, s.language, s.closed, s.answerKey])).toEqual([
      [{ start: 37, end: 42 }, "python", true, undefined],
      [{ start: 46, end: 48 }, undefined, false, undefined],
    ]);
    expect(snippets[0]?.code).toBe(
      "def retry(call, attempts=3):\n    ## not a heading\n    for _ in range(attempts):\n        ...",
    );
    expect(snippets[1]?.code).toBe("an unclosed fence swallows the rest\n### Q8- Is this a question?");
    // The before/after table is two results.
    expect(
      doc.items.filter((i) => i.kind === "accomplishment").map((i) => [i.text, i.metrics, i.lines]),
    ).toEqual([
      ["p95 latency: 840 ms → 210 ms", ["840 ms", "210 ms"], { start: 3, end: 5 }],
      ["error rate: 2.1% → 0.3%", ["2.1%", "0.3%"], { start: 6, end: 6 }],
    ]);
    // The heading inside the unclosed fence stays code.
    expect(doc.items.some((i) => i.kind === "answer" && i.questionNumber === "Q8")).toBe(false);
  });

  it("a 100 KB document mixing Chinese and English", () => {
    const parts: string[] = ["# 面试准备 Interview prep", ""];
    for (let n = 1; parts.join("\n").length < 100_000; n++) {
      parts.push(
        `## 第${n}部分 Part ${n}`,
        "",
        `### Q${n}- 请介绍一个你解决过的难题 Tell me about a hard problem you solved (${n}).`,
        "",
        "**Situation**: 我们的数据管道每天晚上失败，the nightly pipeline failed and nobody owned it.",
        "",
        "**Task**: 我负责找到根本原因 and make it reliable again.",
        "",
        "**Action**: 我添加了监控和重试，added alerts, retries and a runbook; 然后和团队一起复盘。",
        "",
        "**Result**: 失败率从每周三次降到零 — failures went from three a week to zero.",
        "",
        "",
        "一些额外的笔记：记得提到团队合作。Extra note: mention the team.",
        "",
        "",
      );
    }
    const text = parts.join("\n");
    expect(text.length).toBeGreaterThan(100_000);
    // Its cost against ordinary prep text of the same size is measured by bench/parse.bench.ts
    // (parse-mixed-script-100kb), not timed here.
    const doc = parsePrepDocument(text);
    expect(checkPrepDocInvariants(text, doc)).toEqual([]);
    const answers = doc.items.filter((i): i is AnswerItem => i.kind === "answer");
    expect(answers.length).toBe(doc.report.counts.section - 1);
    expect(answers.every((a) => a.format === "star" && Object.keys(a.star ?? {}).length === 4)).toBe(true);
    expect(doc.report.counts.note).toBe(answers.length);
    expect(renderPrepDocument(doc)).toBe(text);
  });

  it("warns when little is recognised", () => {
    const text = Array.from({ length: 30 }, (_, i) => `Just a line of thoughts number ${i}.`).join("\n\n");
    const doc = parsePrepDocument(text);
    expect(doc.report.warnings).toEqual([
      "Little was recognised: 0 of 30 lines; everything else is kept as notes, in place.",
    ]);
    expect(doc.report.unrecognised).toEqual([{ start: 1, end: 59 }]);
  });
});

// ── what other people's documents are made of (part 6: recognised, not only kept) ──

const notesShare = (name: string): number => {
  const { lines } = parsePrepDocument(fixture(name)).report;
  return lines.inNotes / lines.nonBlank;
};
const qa = (name: string): Array<[string, string, string]> =>
  answersOf(fixture(name)).map((a) => [a.key, a.question, a.text.split("\n")[0] ?? ""]);

describe("recognising the user's own document, not only the seed's shape", () => {
  it.each([
    "star-quoted-headings.md",
    "html-bold-self-intro.md",
    "numbered-and-bold-questions.md",
    "dialogue-mock.md",
    "resume-achievements.md",
    "emoji-blockquote-hinglish.md",
    "mixed-structures.md",
  ])("%s keeps at most a quarter of its lines only as notes", (name) => {
    expect(notesShare(name)).toBeLessThanOrEqual(0.25);
  });

  it('### "quoted question" headings with **Situation:** … **Result:** STAR answers', () => {
    const answers = answersOf(fixture("star-quoted-headings.md"));
    expect(answers.map((a) => [a.question, a.format, Object.keys(a.star ?? {}).join(",")])).toEqual([
      [
        "Tell me about a time you shipped something under real time pressure.",
        "star",
        "situation,task,action,result",
      ],
      [
        "Describe a disagreement with a data scientist about how to deploy a model.",
        "star",
        "situation,task,action,result,lesson",
      ],
      ["What is the biggest mistake you made on call?", "star", "situation,action,result"],
      ["Why MLOps rather than data science?", "free", ""],
    ]);
    expect(answers[0]?.star?.result).toBe(
      "We passed the audit with no findings, and the lineage report is now part of every release.",
    );
    expect(answers[1]?.star?.lesson).toBe("Meeting people where they are beats sending them a wiki page.");
  });

  it("<b>N. …</b>, <p><b>…</b></p> and <details><summary> questions with the answer below", () => {
    const doc = parsePrepDocument(fixture("html-bold-self-intro.md"));
    expect(doc.items[0]).toMatchObject({ kind: "section", title: "Self introduction and common questions" });
    expect(qa("html-bold-self-intro.md")).toEqual([
      [
        "q1/core",
        "Tell me about yourself.",
        "I am a final-year computer science student who builds small web tools for my college.",
      ],
      [
        "q2/core",
        "Why do you want to join our company?",
        "Your product is used by shops in my town, and I want to work on something people around me depend on.",
      ],
      [
        "q3/core",
        "What are your strengths?",
        "I learn fast and I ask questions early. During my internship I picked up React in a week because I asked a senior to review my first pull request line by line.",
      ],
      [
        "q4/core",
        "What is your weakness?",
        "I used to say yes to every request. I now write down what I have already promised before I accept something new.",
      ],
      [
        "q5/core",
        "Where do you see yourself in five years?",
        "Leading a small team that owns one part of the product from design to support.",
      ],
      [
        "q6/core",
        "Do you have any questions for us?",
        "How do new engineers get their first real project, and who reviews their work?",
      ],
    ]);
    // The closing tag stays in the answer's Markdown but is not said.
    const q5 = answersOf(fixture("html-bold-self-intro.md"))[4];
    expect(q5?.raw.endsWith("</details>")).toBe(true);
    expect(q5?.text).not.toContain("details");
  });

  it("numbered list questions, bold prompts without a question mark, and Q:/A: lines", () => {
    expect(qa("numbered-and-bold-questions.md")).toEqual([
      [
        "q1/core",
        "Tell me about yourself",
        "I run the reporting team at a regional bank: four analysts, one data engineer, and a lot of spreadsheets we are slowly replacing.",
      ],
      [
        "q2/core",
        "What is your greatest strength?",
        "I make messy numbers explainable. Finance trusts our dashboards because every figure links to the query behind it.",
      ],
      [
        "q3/core",
        "Describe a time you disagreed with your manager.",
        "My manager wanted a weekly report to be emailed as a PDF. I showed him that nobody opened the attachment and proposed a live dashboard with a Monday summary instead; he agreed to try it for a month and kept it.",
      ],
      [
        "q4/core",
        "What would you do if a stakeholder kept changing requirements?",
        "- I would write down the current version and its date.",
      ],
      [
        "question-1/core",
        "Tell me about a failure",
        "I once published a revenue figure that double-counted refunds. I told my manager within the hour, corrected the report and added a reconciliation check that runs before anything goes out.",
      ],
      [
        "question-2/core",
        "How do you prioritise when everything is urgent?",
        "I ask which deadline has a real consequence if it slips, and I do that one first. Everything else gets a date in writing.",
      ],
      [
        "question-3/core",
        "Why are you leaving your current job?",
        "I have built what I can with the tools the bank allows, and I want to work where data engineering is a first-class job.",
      ],
    ]);
    // A bare list of questions to ask them has no answers: it stays a note, whole.
    const notes = parsePrepDocument(fixture("numbered-and-bold-questions.md")).items.filter(
      (i) => i.kind === "note",
    );
    expect(notes.map((n) => n.raw)).toEqual([
      "Questions to ask them:\n1. How is the data team measured?\n2. What does the first month look like?",
    ]);
  });

  it("dialogue with and without bold labels: each question with its reply, the reply label dropped", () => {
    expect(qa("dialogue-mock.md")).toEqual([
      [
        "question-1/core",
        "Can you walk me through your background?",
        "I started in customer support, moved into QA after a year, and for the last three years I have been writing test automation in Python for a payments product.",
      ],
      [
        "question-2/core",
        "Why are you looking to move now?",
        "Our product is being frozen, and I want to keep building. I am looking for a team that ships every week.",
      ],
      [
        "question-3/core",
        "What salary are you expecting?",
        "Something in the range we discussed in the job post; I care more about the team and the scope.",
      ],
      [
        "question-4/core",
        "Tell me about a bug you are proud of finding.",
        "A currency rounding bug that only appeared for amounts over ten thousand yen. I found it by generating random amounts instead of using our fixed list, and we fixed it before the Japan launch.",
      ],
      ["question-5/core", "Any questions for me?", "How does the team decide what to automate first?"],
    ]);
  });

  it("résumé-style achievement bullets become accomplishments with their figures", () => {
    const doc = parsePrepDocument(fixture("resume-achievements.md"));
    expect(doc.report.counts.accomplishment).toBe(9);
    const accomplishments = doc.items.filter((i) => i.kind === "accomplishment");
    expect(accomplishments[0]).toMatchObject({
      key: "accomplishment-1",
      text: "Reduced checkout latency from 900 ms to 250 ms by caching rate quotes at the edge",
      metrics: ["900 ms", "250 ms"],
    });
    expect(accomplishments[3]).toMatchObject({ metrics: ["28%", "$180k"] });
    // Skills lists and the degree line are not achievements.
    expect(doc.items.filter((i) => i.kind === "note").map((n) => n.raw.split("\n")[0])).toEqual([
      "- Go, Python, TypeScript, SQL",
      "BSc Computer Science, University of Leeds, 2018",
    ]);
  });

  it("checklists, questions and vague verbs are not accomplishments; continuation lines join one", () => {
    const doc = parsePrepDocument(
      "- [x] Built the portfolio site this week\n- Worked on many things at the bank\n- Improved onboarding docs\n- Led the hiring loop for 5 engineers,\n  closing all roles in 8 weeks\n",
    );
    expect(doc.items.map((i) => [i.kind, i.lines.start, i.lines.end])).toEqual([
      // A ticked checklist entry is a to-do, not an achievement, however it is worded.
      ["to-do", 1, 1],
      // "Improved onboarding docs" says too little (three words) to be an achievement.
      ["note", 2, 3],
      ["accomplishment", 4, 5],
    ]);
    expect(doc.items[2]).toMatchObject({
      text: "Led the hiring loop for 5 engineers, closing all roles in 8 weeks",
      metrics: ["5", "8 weeks"],
    });
  });
});

describe("self-introductions and before/after tables", () => {
  const kinds = (text: string) => parsePrepDocument(text).items.map((i) => i.kind);

  it("a self-introduction with no question above it answers “Tell me about yourself”", () => {
    const doc = parsePrepDocument(
      'Hi, I\'m Mei from Leeds. I build data tools for clinics.\n\n---\n\n"Hello! My name is Mei, and I turn messy records into dashboards."\n\n### Q1- Why us?\n\nYour product serves clinics.\n',
    );
    const answers = doc.items.filter((i): i is AnswerItem => i.kind === "answer");
    expect(answers.map((a) => [a.key, a.question, a.variant])).toEqual([
      ["about-me/core", "Tell me about yourself", "core"],
      ["about-me/alternative", "Tell me about yourself", "alternative"],
      ["q1/core", "Why us?", "core"],
    ]);
    expect(answers[1]?.text).toBe("Hello! My name is Mei, and I turn messy records into dashboards.");
    // A written "Tell me about yourself" takes the introduction below as its variant.
    const asked = parsePrepDocument(
      "### Tell me about yourself?\n\nI'm a data engineer.\n\n---\n\nHello, I'm Mei and I build dashboards.\n",
    );
    expect(asked.items.filter((i) => i.kind === "answer").map((a) => a.key)).toEqual([
      "question-1/core",
      "question-1/alternative",
    ]);
  });

  it("greetings without a name, and introductions inside an answer, are left as they are", () => {
    expect(kinds("Hi, I'm not sure this is the right format.\n")).toEqual(["note"]);
    expect(kinds("Hello team, notes for Friday.\n")).toEqual(["note"]);
    const doc = parsePrepDocument("### Q1- Tell me about yourself:\n\nHi, I'm Mei. I build dashboards.\n");
    expect(doc.items.map((i) => i.key)).toEqual(["q1/core"]);
  });

  it("a before/after table is one accomplishment per row; other tables stay notes", () => {
    const doc = parsePrepDocument(
      "| what | from | to |\n|:---|---:|---:|\n| deploy time | 2 weeks | 3 days |\n| **build cost** | $900 | $300 |\n\nafter\n",
    );
    expect(doc.items.filter((i) => i.kind === "accomplishment").map((i) => [i.text, i.metrics])).toEqual([
      ["deploy time: 2 weeks → 3 days", ["2 weeks", "3 days"]],
      ["build cost: $900 → $300", ["$900", "$300"]],
    ]);
    expect(renderPrepDocument(doc)).toContain("| **build cost** | $900 | $300 |");
    expect(kinds("| name | role |\n|---|---|\n| Ana | lead |\n")).toEqual(["note"]);
    expect(kinds("| before | after |\n| 1 | 2 |\n")).toEqual(["note"]);
  });
});

// ── to-do lists and code snippets ────────────────────────────────────────────

describe("to-do lists and code snippets", () => {
  const items = (text: string) => expectLossless(text).items;
  const only = <K extends PrepItemKind>(text: string, kind: K) =>
    items(text).filter((i): i is Extract<PrepItem, { kind: K }> => i.kind === kind);

  it("a task list is one to-do list: entries in order, [x] and [X] ticked, nesting kept as depth", () => {
    const text =
      "## Before Friday\n\n- [ ] Rehearse Q1 out loud\n- [X] Update the CV\n  - [x] Add the retry service\n    - [ ] Check the figures\n  - [ ] Ask Sam to read it\n* [ ] Book the room\n1. [x] Numbered, too\n";
    const [todo, ...rest] = only(text, "to-do");
    expect(rest).toEqual([]);
    expect(todo?.lines).toEqual({ start: 3, end: 9 });
    expect(todo?.entries).toEqual([
      { text: "Rehearse Q1 out loud", done: false, depth: 0 },
      { text: "Update the CV", done: true, depth: 0 },
      { text: "Add the retry service", done: true, depth: 1 },
      { text: "Check the figures", done: false, depth: 2 },
      { text: "Ask Sam to read it", done: false, depth: 1 },
      { text: "Book the room", done: false, depth: 0 },
      { text: "Numbered, too", done: true, depth: 0 },
    ]);
    expect(parsePrepDocument(text).report.counts["to-do"]).toBe(1);
    expect(parsePrepDocument(text).report.lines.inNotes).toBe(0);
  });

  it("lines indented under an entry join it; a plain bullet or a blank line and prose end the list", () => {
    const text =
      "- [ ] Prepare two stories\n  for the leadership round\n  - one about the outage\n- [x] Sleep\n\n- [ ] After one blank line, still the list\n- A plain bullet is not an entry\n";
    const doc = expectLossless(text);
    expect(doc.items.map((i) => [i.kind, i.lines.start, i.lines.end])).toEqual([
      ["to-do", 1, 6],
      ["note", 7, 7],
    ]);
    const todo = doc.items[0];
    expect(todo?.kind === "to-do" && todo.entries.map((e) => e.text)).toEqual([
      "Prepare two stories for the leadership round\none about the outage",
      "Sleep",
      "After one blank line, still the list",
    ]);
  });

  it("a to-do list inside a blockquote, and one in a nested quote", () => {
    const text = "> - [ ] Quoted entry\n>   - [X] nested under it\n> - [x] Second\n\n> > - [ ] Deeper\n";
    const todos = only(text, "to-do");
    expect(todos.map((t) => [t.lines, t.entries])).toEqual([
      [
        { start: 1, end: 3 },
        [
          { text: "Quoted entry", done: false, depth: 0 },
          { text: "nested under it", done: true, depth: 1 },
          { text: "Second", done: true, depth: 0 },
        ],
      ],
      [{ start: 5, end: 5 }, [{ text: "Deeper", done: false, depth: 0 }]],
    ]);
  });

  it("a to-do list ends the answer above it instead of becoming part of what is said", () => {
    const text =
      "### Q1- Why this team?\n\nYour platform work is what I do best.\n- [ ] Read their engineering blog\n";
    expect(items(text).map((i) => [i.kind, i.lines.start, i.lines.end])).toEqual([
      ["answer", 1, 3],
      ["to-do", 4, 4],
    ]);
    expect(answersOf(text)[0]?.text).toBe("Your platform work is what I do best.");
  });

  it("a closed fence: language, code as written (a heading inside stays code), closed", () => {
    const text = "# Notes\n\n~~~~ts title=retry.ts\nconst x = 1;\n## not a heading\n~~~~\n";
    const [snippet] = only(text, "snippet");
    expect(snippet).toMatchObject({
      lines: { start: 3, end: 6 },
      language: "ts",
      code: "const x = 1;\n## not a heading",
      closed: true,
    });
    expect(snippet?.answerKey).toBeUndefined();
    expect(items(text).map((i) => i.kind)).toEqual(["section", "snippet"]);
  });

  it("an unclosed fence runs to the end of the file, stays lossless, and says it was not closed", () => {
    for (const tail of ["", "\n", "\n\n\n", "\n  \n"]) {
      const text = `Intro line.\n\n\`\`\`python\nprint(1)\n### Q9- Not a question?${tail}`;
      const doc = expectLossless(text);
      expect(renderPrepDocument(doc)).toBe(text);
      const snippet = doc.items.find((i) => i.kind === "snippet");
      expect(snippet).toMatchObject({
        // A whitespace-only line cannot be a blank-line count: it stays in the item's raw.
        lines: { start: 3, end: tail.includes(" ") ? 6 : 5 },
        language: "python",
        code: "print(1)\n### Q9- Not a question?",
        closed: false,
      });
      expect(doc.items.some((i) => i.kind === "answer")).toBe(false);
    }
  });

  it("the report warns of an unclosed fence: where it opens, what it swallowed, how to close it", () => {
    const text =
      "### Q1- Tell me about yourself\n\nI am an engineer.\n\n~~~~python\nprint(1)\n### Q2- Why us?\n\nBecause.\n";
    const doc = parsePrepDocument(text);
    expect(doc.items.filter((i) => i.kind === "answer")).toHaveLength(1);
    expect(doc.report.warnings).toEqual([
      "Line 5: a code block opened with ~~~~ is never closed, so lines 5–9 stay code (headings and questions in them too). Close it with ~~~~ on its own line where the code ends, and import again.",
    ]);
    // A closed fence says nothing.
    expect(parsePrepDocument("```\nx\n```\n").report.warnings).toEqual([]);
  });

  it("indented code and a fence inside a blockquote are snippets too", () => {
    expect(only("Some prose.\n\n    SELECT 1;\n    SELECT 2;\n", "snippet")).toEqual([
      expect.objectContaining({ code: "SELECT 1;\nSELECT 2;", closed: true }),
    ]);
    expect(only("> ```sql\n> SELECT 1;\n> ```\n", "snippet")).toEqual([
      expect.objectContaining({ language: "sql", code: "SELECT 1;", closed: true }),
    ]);
  });

  it("code right under an answer's words is a snippet of that answer; an answer that is only code keeps it", () => {
    const text =
      "### Q2- How would you deduplicate events?\n\nI hash the payload and keep the hashes for a day:\n\n```python\nseen = set()\n```\n\n### Q3- Reverse a list in Python?\n\n```python\nxs[::-1]\n```\n";
    const doc = expectLossless(text);
    expect(doc.items.map((i) => [i.kind, i.key])).toEqual([
      ["answer", "q2/core"],
      ["snippet", "snippet-1"],
      ["answer", "q3/core"],
    ]);
    // What is said stays free of code: word counts and the lens read only the words.
    expect(answersOf(text)[0]?.text).toBe("I hash the payload and keep the hashes for a day:");
    expect(doc.items[1]).toMatchObject({ answerKey: "q2/core", language: "python", code: "seen = set()" });
    expect(answersOf(text)[1]?.raw).toContain("xs[::-1]");
  });

  it("a note between an answer and a code block keeps the code on its own", () => {
    const text = "### Q2- Why?\n\nBecause.\n\n\nA stray remark.\n\n```\nx\n```\n";
    const snippet = only(text, "snippet")[0];
    expect(snippet?.answerKey).toBeUndefined();
  });
});

describe("notes typed without capitals", () => {
  it('reads "q:" / "a:" lines as a question and its answer, as it reads "Q:" / "A:"', () => {
    const doc = [
      "# prep for the data role",
      "",
      "q: tell me about a time you changed a process",
      "a: our weekly report took a full day to build by hand. i wrote a script that pulls the numbers overnight.",
      "it now takes ten minutes to check.",
      "",
      "q: why do you want this job",
      "a: i want to work closer to the people who use the data.",
      "",
    ].join("\n");
    const answers = answersOf(doc);
    expect(answers.map((a) => a.question)).toEqual([
      "tell me about a time you changed a process",
      "why do you want this job",
    ]);
    expect(answers[0]?.text).toContain("i wrote a script that pulls the numbers overnight.");
    expect(parsePrepDocument(doc).report.lines.inNotes).toBe(0);
  });
});

describe("the title a new document gets", () => {
  const title = (text: string, filename?: string) =>
    parsePrepDocument(text, filename === undefined ? {} : { filename }).title;

  it("is the `# heading` the document opens with, before its file's name", () => {
    const body = "## Tell me about yourself?\nI build data pipelines.\n";
    expect(title(`# Prep for the **Acme** onsite\n\n${body}`, "notes-v2.md")).toBe(
      "Prep for the Acme onsite",
    );
    expect(title(`\n\n# Acme loop\n${body}`, "notes-v2.md")).toBe("Acme loop");
    // After front matter without a title, the heading still opens the document.
    expect(title(`---\ndate: 2026-12-01\n---\n# Acme loop\n${body}`, "notes.md")).toBe("Acme loop");
    // A title in the front matter is the writer's choice and wins.
    expect(title(`---\ntitle: Chosen\n---\n# Acme loop\n${body}`, "notes.md")).toBe("Chosen");
  });

  it("is the file's name when the document opens with anything else", () => {
    const body = "## Tell me about yourself?\nI build data pipelines.\n";
    // A level-2 heading is a section, not the document's name.
    expect(title(`## Framing\nSome words.\n\n${body}`, "acme-loop.md")).toBe("Acme loop");
    // A level-1 heading below the first line is a section too.
    expect(title(`A line first.\n\n# Part one\n${body}`, "acme-loop.md")).toBe("Acme loop");
    // A heading of emoji alone names nothing.
    expect(title(`# 🚀🔥\n\n${body}`, "acme-loop.md")).toBe("Acme loop");
    // A `# heading` that is itself a question is the first question, not a name.
    expect(title("# Tell me about yourself?\nI build data pipelines.\n", "acme-loop.md")).toBe("Acme loop");
  });

  it("is the role the document is pitched for when its file's name holds no word a person wrote", () => {
    const body =
      "## Answers pitched for Data Engineer Roles:\n\n### Q1- Tell me about yourself:\n\nI build data pipelines.\n";
    expect(title(body, "000_f79e7db22a6db35a.txt")).toBe("Data Engineer prep");
    expect(title(body, "2026-12-01_3fa9c2e1-77b0-4c1e-9a55-0d6e1f2a9b3c.md")).toBe("Data Engineer prep");
    // A name with words keeps them, without the id a tool appended.
    expect(title(body, "acme-loop_7f3a9c21.md")).toBe("Acme loop");
    expect(title(body, "ml_engineer-prep.v2.md")).toBe("Ml engineer prep v2");
    // No role either: the first heading.
    expect(title("## Framing\nSome words.\n", "000_f79e7db22a6db35a.txt")).toBe("Framing");
  });

  it.runIf(SEED_RUNS)("is a title a person can read for the seed, not its file's name", () => {
    const { bytes, filename } = seedUpload();
    const doc = importPrepDocument(bytes, { filename });
    expect(doc.title).toBe("ML Engineer prep");
  });

  it("is the opening heading for pasted text with no file name either", () => {
    expect(title("# Acme loop\n\n## Tell me about yourself?\nI build data pipelines.\n")).toBe("Acme loop");
  });
});

describe("sub-headings under a question written as a heading", () => {
  const doc = [
    "## Tell me about a failure",
    "### Situation",
    "The launch slipped.",
    "### **Result** ###",
    "It shipped two weeks late.",
    "### 🚀 What stayed with me",
    "Plan buffers.",
    "###",
    "Ask early.",
    "",
    "## Why do you want to join us?",
    "I met the team.",
    "",
  ].join("\n");

  it("keep every line in the answer, as words: no heading marks, no closing hashes, no bold", () => {
    const parsed = expectLossless(doc);
    expect(parsed.items.map((i) => i.kind)).toEqual(["answer", "answer"]);
    const [failure] = answersOf(doc);
    expect(failure?.text).toBe(
      "Situation\nThe launch slipped.\nResult\nIt shipped two weeks late.\n🚀 What stayed with me\nPlan buffers.\n\nAsk early.",
    );
    expect(parsed.report.lines.inNotes).toBe(0);
  });

  it("an emoji heading followed by questions still opens the technical bank", () => {
    const bank = `${doc}## 🧠 ML foundations\nWhat is overfitting?\nExplain dropout.\n`;
    const kinds = parsePrepDocument(bank).items.map((i) => i.kind);
    expect(kinds).toEqual([
      "answer",
      "answer",
      "technical-section",
      "technical-question",
      "technical-question",
    ]);
    const under = `## Tell me about a failure\nThe launch slipped.\n### 🧠 Questions I got\nWhat is overfitting?\nExplain dropout.\n`;
    expect(parsePrepDocument(under).items.map((i) => i.kind)).toEqual([
      "answer",
      "technical-section",
      "technical-question",
      "technical-question",
    ]);
  });
});

describe("malformed Markdown an answer may hold", () => {
  it("a tab-indented list item is nested with spaces, never a raw tab in the answer", () => {
    const [answer] = answersOf(
      "## Tell me about a rollout?\nWhat I did:\n- a canary\n\t- at 5% of traffic\n",
    );
    expect(answer?.text).toBe("What I did:\n- a canary\n    - at 5% of traffic");
  });
});
