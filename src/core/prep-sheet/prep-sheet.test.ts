import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSeed, SEED_RUNS } from "../../../test/seed.ts";
import { importPrepDocument } from "../markdown/index.ts";
import { readsAsReply } from "../markdown/patterns.ts";
import { addAnswerVariant } from "../markdown/variant.ts";
import type { PrepDoc } from "../model.ts";
import { countWords, speakingSeconds } from "../words.ts";
import {
  buildPrepSheet,
  DEFAULT_FRAMING_QUESTIONS,
  escapeHtml,
  renderAnkiTsv,
  renderPrepSheetHtml,
  renderPrepSheetHtmlParts,
  renderPrepSheetMarkdown,
} from "./index.ts";

const sample = importPrepDocument(readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url)));
const sheet = buildPrepSheet([sample]);

const docOf = (lines: string[]) => importPrepDocument(new TextEncoder().encode(lines.join("\n")));
const hostile = docOf([
  "# Prep <i>me</i>",
  "",
  "### Q1- Tell me about a time you failed & <b>why</b>.",
  "",
  '"I broke the\tbuild with <script>alert(1)</script> in a config; I owned it, fixed it in 2 hours and added a check."',
  "",
]);

/** Reads the TSV back as Anki would: header lines, then tab-separated HTML fields. */
function parseAnki(tsv: string) {
  const lines = tsv.split("\n").filter((l) => l !== "");
  const headers = Object.fromEntries(
    lines
      .filter((l) => l.startsWith("#"))
      .map((l) => [l.slice(1, l.indexOf(":")), l.slice(l.indexOf(":") + 1)]),
  );
  const fieldText = (field: string) =>
    field
      .replace(/<br>/g, "\n")
      .replace(/&#9;/g, "\t")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  const rows = lines.filter((l) => !l.startsWith("#")).map((l) => l.split("\t"));
  return { headers, rows, fieldText };
}

describe("buildPrepSheet", () => {
  it("gathers the sample: answers with their follow-ups and concern, technical questions, the document's framing", () => {
    expect(sheet.answers.map((a) => a.key)).toEqual([
      "q1/core",
      "q1/alternative",
      "q2/core",
      "q3/core",
      "q5/core",
      "q5/model-focused",
      "q5/serving-latency-focus",
    ]);
    const q1 = sheet.answers[0];
    expect(q1?.followUps.map((f) => f.question)).toContain("Is physics research really engineering?");
    expect(q1?.concerns[0]?.judgement).toBe("she is a scientist who dabbles in code");
    expect(q1?.concerns[0]?.reframes).toHaveLength(2);
    expect(sheet.technical).toHaveLength(10);
    expect(sheet.framing.questions[1]).toBe("Will she go round in circles?");
    expect(sheet.targetRole).toBe("Data/ML Engineer");
    expect(sheet.coverage).toMatchObject({
      questions: 4,
      answers: 7,
      followUps: 4,
      preparedFollowUps: 3,
      concerns: 1,
    });
    expect(sheet.coverage.missing).toContain("conflict");
  });

  it("times answers with the one estimator at the profile's speaking rate", () => {
    const q2 = sheet.answers.find((a) => a.key === "q2/core");
    expect(q2?.words).toBe(countWords(q2?.text ?? ""));
    expect(q2?.seconds).toBe(speakingSeconds(q2?.words ?? 0, 150));
    const slow = buildPrepSheet([sample], { wordsPerMinute: 100 }).answers.find((a) => a.key === "q2/core");
    expect(slow?.seconds).toBe(speakingSeconds(q2?.words ?? 0, 100));
    expect(slow?.seconds).toBeGreaterThan(q2?.seconds ?? 0);
  });

  it("carries the analyzer's score and top fixes, and cue beats that skip greetings", () => {
    for (const answer of sheet.answers) {
      expect(answer.score).toBeGreaterThanOrEqual(1);
      expect(answer.fixes.length).toBeLessThanOrEqual(3);
      expect(answer.cue.length).toBeGreaterThan(0);
      expect(answer.cue.length).toBeLessThanOrEqual(5);
    }
    expect(sheet.answers[0]?.cue[0]?.text).not.toBe("Thanks for making the time.");
    expect(sheet.answers[1]?.cue.map((b) => b.text)).toEqual(sheet.answers[1]?.beats);
  });

  it.runIf(SEED_RUNS)(
    "seed cue cards: whole sentences of the user's words, never cut at an abbreviation, no label in the words",
    () => {
      const seedSheet = buildPrepSheet([readSeed() as PrepDoc]);
      const beats = seedSheet.answers.flatMap((a) => a.cue);
      expect(beats.length).toBeGreaterThan(10);
      for (const beat of beats) {
        // A cut at "e.g.," left ", GPT-based) with RAG…": a beat opens with a word, a number or a quote.
        expect(beat.text, beat.text).toMatch(/^[\p{L}\p{N}“"‘'(]/u);
        // Neither a written STAR label ("T:", "**Task**") nor list or emphasis markers.
        expect(beat.text, beat.text).not.toMatch(
          /^(?:[STARL]|situation|task|actions?|results?|lessons?)\s*[:–—-]/i,
        );
        expect(beat.text, beat.text).not.toMatch(/\*\*|__|^[-*•]\s/);
      }
      const task = seedSheet.answers.find(
        (a) => /complex technical problem/.test(a.question) && a.variant === "core",
      );
      expect(task?.cue.find((b) => b.part === "task")?.text).toBe(
        "Fine-tune and serve an LLM (e.g., GPT-based) with RAG to respond helpfully.",
      );
      const cards = renderPrepSheetMarkdown(seedSheet, "cards");
      expect(cards).toMatch(/^- \*\*Task:\*\* Fine-tune and serve an LLM \(e\.g\., GPT-based\)/m);
      expect(cards).not.toMatch(/^- [STARL]: /m);
    },
  );

  it("narrows to one competency and falls back to PRODUCT.md's five questions", () => {
    const ml = buildPrepSheet([sample], { competency: "ml-engineering" });
    expect(ml.answers).toEqual([]);
    expect(ml.technical.map((t) => t.competency)).toEqual(Array(5).fill("ml-engineering"));
    expect(buildPrepSheet([hostile]).framing.questions).toEqual([...DEFAULT_FRAMING_QUESTIONS]);
  });
});

describe("renderers", () => {
  it("a pointer that already says where it points ('Use the intro above') gets no '(see above)' of its own", () => {
    const md = renderPrepSheetMarkdown(sheet);
    const html = renderPrepSheetHtml(sheet);
    expect(md).toContain("Use the intro above (1–2 mins).");
    expect(md).not.toMatch(/above[^\n]*see above/);
    expect(html).toContain("Use the intro above (1–2 mins).");
    expect(html).not.toMatch(/above[^<]*(?:<[^>]+>)*\(see above\)/);
    // A pointer that names no direction still says where to look.
    const bare = buildPrepSheet([
      docOf([
        "### Q1- Tell me about yourself:",
        "",
        '"I build data pipelines."',
        "",
        "#### They’ll likely ask:",
        "“Walk me through your background.”",
        "👉 Use the Core Story (1–2 mins).",
      ]),
    ]);
    const pointer = bare.answers[0]?.followUps[0];
    if (pointer?.pointer) expect(renderPrepSheetMarkdown(bare)).toContain("*(see above)*");
  });
  it("Markdown shows every question, the framing and the cover's coverage", () => {
    const md = renderPrepSheetMarkdown(sheet);
    for (const a of sheet.answers) expect(md).toContain(a.question);
    for (const t of sheet.technical) expect(md).toContain(t.question);
    expect(md).toContain("Will she point fingers when things break?");
    expect(md).toContain("7 answers to 4 questions");
    expect(md).toContain("Reframe: Every project since has been shipped, monitored and handed over.");
    const cards = renderPrepSheetMarkdown(sheet, "cards");
    expect(cards.length).toBeLessThan(md.length / 2);
    expect(cards).not.toContain("Top fixes");
  });

  it("the cover's coverage says it counts prepared answers, not stories (the coverage page counts both)", () => {
    const md = renderPrepSheetMarkdown(sheet);
    // A competency with no answer may well have a story: "not covered" would contradict the
    // coverage page, which counts stories, answers and accomplishments.
    expect(md).not.toMatch(/Not covered yet/);
    expect(md).toMatch(/- No prepared answer yet: [A-Z]/);
    expect(md).toMatch(/- Answers by competency: [A-Z][^(]+\(\d+\)/);
  });

  it("the framing's lists read as lists in the printed sheet, however written, with no marker or markup", () => {
    const listed = docOf([
      "## What the panel checks",
      "Nobody is grading:",
      "- how **charming** I sound",
      "* whether my titles look impressive",
      "+ how many buzzwords I fit in",
      "",
      "What they do grade:",
      "1. clarity",
      "2. ownership",
      "",
      "It is a **risk check**.",
      "",
      "Behind every question, the panel is silently asking:",
      "- Will she freeze when the problem is fuzzy?",
      "- Will she go round in circles?",
      "- Will she point fingers when things break?",
      "",
      "### Q1- Tell me about a time you failed.",
      "",
      '"I broke the build in a config; I owned it, fixed it in 2 hours and added a check."',
    ]);
    const html = renderPrepSheetHtml(buildPrepSheet([listed]));
    const framing = html.slice(
      html.indexOf("<h3>Behind every question</h3>"),
      html.indexOf("<h3>Coverage</h3>"),
    );
    expect(framing).toContain(
      "<p>Nobody is grading:</p>\n<ul><li>how charming I sound</li><li>whether my titles look impressive</li><li>how many buzzwords I fit in</li></ul>",
    );
    expect(framing).toContain("<p>What they do grade:</p>\n<ol><li>clarity</li><li>ownership</li></ol>");
    expect(framing).toContain("<p>It is a risk check.</p>");
    // No item is a line of a paragraph, and no marker or markup is printed.
    expect(framing).not.toMatch(/<br>|[>\s][-*+] |\d\. |\*\*/);
    // The Markdown sheet keeps them as Markdown lists.
    expect(renderPrepSheetMarkdown(buildPrepSheet([listed]))).toMatch(
      /Nobody is grading:\n- how charming I sound\n- whether my titles look impressive\n- how many buzzwords I fit in\n/,
    );
    // Our sample's "Nobody is grading:" list too.
    expect(renderPrepSheetHtml(sheet)).toContain(
      "<ul><li>how charming I sound</li><li>whether my titles look impressive</li><li>how many buzzwords I can fit in</li></ul>",
    );
  });

  it("a follow-up's prepared answer keeps its lines in print, not run together", () => {
    // Our sample's "Pick two of these:" and the two projects, each on its own line.
    expect(renderPrepSheetHtml(sheet)).toMatch(
      /<p>Pick two of these:<br>Drift monitor for 4,000 sensor channels \(Airflow, Prometheus alerts\)\.<br>Anomaly detector for beam-loss events [^<]*<span class="time">\(≈ \d:\d\d of \d:\d\d\)<\/span><\/p>/,
    );
  });

  it("HTML escapes every user string and stays self-contained", () => {
    for (const layout of ["sheet", "cards"] as const) {
      const html = renderPrepSheetHtml(buildPrepSheet([hostile]), layout);
      expect(html).not.toMatch(/<script|<b>|<i>|javascript:|https?:\/\//);
      expect(html).toContain("&lt;b&gt;why&lt;/b&gt;");
      expect(html).toContain("<title>Prep &lt;i&gt;me&lt;/i&gt; — prep sheet</title>");
    }
    expect(renderPrepSheetHtml(buildPrepSheet([hostile]))).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("Anki TSV has the importer's headers and parses back to the questions and answers", () => {
    const { headers, rows, fieldText } = parseAnki(renderAnkiTsv(sheet));
    expect(headers).toMatchObject({ separator: "tab", html: "true", "deck column": "3", "tags column": "4" });
    expect(rows).toHaveLength(17);
    for (const row of rows) expect(row).toHaveLength(4);
    expect(fieldText(rows[0]?.[0] ?? "")).toBe("Tell me about yourself");
    expect(fieldText(rows[0]?.[1] ?? "")).toContain("I'm Ines");
    expect(rows[1]?.[1]).toContain("<li>Physics PhD → measurement, statistics, living with noisy data.</li>");
    expect(rows[7]?.[3]).toMatch(/^derisk technical ml-concept /);
    const [hostileRow] = parseAnki(renderAnkiTsv(buildPrepSheet([hostile]))).rows;
    expect(hostileRow).toHaveLength(4);
    expect(fieldText(hostileRow?.[0] ?? "")).toBe("Tell me about a time you failed & <b>why</b>.");
    expect(fieldText(hostileRow?.[1] ?? "")).toContain("broke the\tbuild with <script>alert(1)</script>");
  });

  it("HTML in parts: each answer once and in order, the cover first, each part standalone with its own fonts", () => {
    const whole = renderPrepSheetHtml(sheet);
    const parts = renderPrepSheetHtmlParts(sheet, "sheet", {
      answersPerPart: 3,
      fontFaces: (text) => (text.includes("Tell me about yourself") ? "/* fonts of part one */" : ""),
    });
    // 7 answers in threes, the technical questions after the last answer, on its page.
    expect(parts).toHaveLength(3);
    const blocks = (html: string) => html.match(/<article class="block">[\s\S]*?<\/article>/g) ?? [];
    expect(parts.flatMap(blocks)).toEqual(blocks(whole));
    expect(parts.filter((p) => p.includes('<section class="cover">'))).toEqual([parts[0]]);
    expect(parts.at(-1)).toContain('<section class="technical">');
    // The whole with a new page where each part starts: before the 4th and the 7th answer.
    const broken = renderPrepSheetHtml(sheet, "sheet", { partBreaks: 3 });
    expect(broken.split('<div class="part-break"></div>\n<article class="block">')).toHaveLength(3);
    expect(whole).not.toContain('<div class="part-break">');
    for (const part of parts) expect(part).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    expect(parts[0]).toContain("/* fonts of part one */");
    expect(parts[0]).toContain("font-src data:");
    expect(parts[1]).not.toContain("font-src");
    // Cue cards: whole pages of four per part, the same cards as the whole.
    const cards = renderPrepSheetHtmlParts(sheet, "cards", { answersPerPart: 5 });
    const cardsOf = (html: string) => html.match(/<div class="card">/g)?.length ?? 0;
    expect(cards.map(cardsOf)).toEqual([8, 8, 1]);
    expect(cards.reduce((n, p) => n + cardsOf(p), 0)).toBe(cardsOf(renderPrepSheetHtml(sheet, "cards")));
  });
});

describe("a sheet of several documents", () => {
  // A second document of the candidate's own, for another interview: its own title, target role
  // and wording of the lens, and the same questions numbered the same way ("Q1").
  // Without the sample's opening `# heading`, each is named after its role (pasted: no file name).
  const withoutHeading = (text: string) => text.replace(/^# .*\n/, "");
  const copyText = withoutHeading(
    readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8"),
  )
    .replace("## Answers tuned for Data/ML Engineer Roles:", "## Answers tuned for MLOps Engineer Roles:")
    .replace(
      "- Will she freeze when the problem is fuzzy?",
      "- Will she stall when nobody says what done means?",
    );
  const copy = importPrepDocument(new TextEncoder().encode(copyText));
  const sampleByRole = importPrepDocument(
    new TextEncoder().encode(
      withoutHeading(readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8")),
    ),
  );
  const both = buildPrepSheet([copy, sampleByRole]);

  it("names each document, and each answer's document, with each document's own role and framing", () => {
    expect(both.documents.map((d) => d.name)).toEqual(["MLOps Engineer prep", "Data/ML Engineer prep"]);
    expect(both.documents.map((d) => d.targetRole)).toEqual(["MLOps Engineer", "Data/ML Engineer"]);
    expect(both.documents[0]?.framing?.questions[0]).toBe("Will she stall when nobody says what done means?");
    expect(both.documents[1]?.framing?.questions[0]).toBe("Will she freeze when the problem is fuzzy?");
    // The cover holds only what is true of both: no one document's role, no one document's lens.
    expect(both.targetRole).toBeUndefined();
    expect(both.framing.questions).toEqual([...DEFAULT_FRAMING_QUESTIONS]);
    const q1 = both.answers.filter((a) => a.key === "q1/core");
    expect(q1.map((a) => [a.document, a.documentIndex])).toEqual([
      ["MLOps Engineer prep", 0],
      ["Data/ML Engineer prep", 1],
    ]);
    expect(both.coverage.questions).toBe(8);
  });

  it("Markdown: every answer sits under its document and names it, so Q1 twice is not ambiguous", () => {
    const md = renderPrepSheetMarkdown(both);
    const parts = md.split(/^# /m).slice(1);
    expect(parts[0]).not.toContain("Target role");
    expect(parts.map((p) => p.split("\n")[0])).toEqual([
      "Interview prep",
      "MLOps Engineer prep",
      "Data/ML Engineer prep",
    ]);
    const [, globex, ines] = parts as [string, string, string];
    expect(globex).toContain("*Document 1 of 2* · **Target role:** MLOps Engineer");
    expect(globex).toContain("1. Will she stall when nobody says what done means?");
    expect(ines).toContain("*Document 2 of 2* · **Target role:** Data/ML Engineer");
    expect(ines).toContain("1. Will she freeze when the problem is fuzzy?");
    for (const [part, name] of [
      [globex, "MLOps Engineer prep"],
      [ines, "Data/ML Engineer prep"],
    ] as const) {
      const headings = part.match(/^## Q1 · Tell me about yourself\n\n.*$/gm) ?? [];
      expect(headings).toHaveLength(2);
      for (const h of headings) expect(h).toContain(`**${name}** · `);
    }
    expect(md).toContain("## Technical questions — MLOps Engineer prep");
    expect(md).toContain("## Technical questions — Data/ML Engineer prep");
    // The document list on the cover says what each is for.
    expect(md).toContain("1. **MLOps Engineer prep** — MLOps Engineer · 7 answers, 10 technical questions");
  });

  it("HTML (whole and in parts) and cue cards: each answer page and card names its document", () => {
    const html = renderPrepSheetHtml(both);
    expect(html.match(/<section class="document">/g)).toHaveLength(2);
    const blocks = html.split('<article class="block">').slice(1);
    expect(blocks).toHaveLength(both.answers.length);
    blocks.forEach((block, i) => {
      expect(block.startsWith(`\n<p class="kicker">${escapeHtml(both.answers[i]?.document ?? "")}</p>`)).toBe(
        true,
      );
    });
    const parts = renderPrepSheetHtmlParts(both, "sheet", { answersPerPart: 3 }).join("\n");
    expect(parts.match(/<section class="document">/g)).toHaveLength(2);
    expect(parts.match(/<p class="kicker">MLOps Engineer prep<\/p>/g)).toHaveLength(7 + 1);
    const cards = renderPrepSheetHtml(both, "cards");
    expect(cards.match(/<p class="meta">MLOps Engineer prep · ≈/g)).toHaveLength(7);
  });

  it("two documents of one title are told apart", () => {
    const twin = buildPrepSheet([sample, sample]);
    expect(twin.documents.map((d) => d.name)).toEqual([
      "Interview prep — Ines Carvalho",
      "Interview prep — Ines Carvalho (2)",
    ]);
    expect(twin.coverage.questions).toBe(8);
    expect(twin.framing.questions[1]).toBe("Will she go round in circles?");
    expect(twin.targetRole).toBe("Data/ML Engineer");
  });

  it("one document: no document names on the sheet", () => {
    expect(renderPrepSheetMarkdown(sheet)).not.toContain("Document 1 of 1");
    expect(renderPrepSheetHtml(sheet)).not.toContain('<section class="document">');
  });
});

describe("a sheet of several documents narrowed to one competency", () => {
  // Three documents: the sample twice (under two titles) with three mistake-failure answers
  // each, and a short one with only a conflict story and a motivation answer.
  const sampleText = readFileSync(new URL("../../../samples/sample-prep.md", import.meta.url), "utf8");
  const globex = importPrepDocument(new TextEncoder().encode(sampleText.replace(/^# .*/, "# Globex prep")));
  const acme = docOf([
    "# Acme onsite",
    "",
    "## Tell me about a time you disagreed with a colleague.",
    "",
    '"My teammate wanted to ship a model with a leaky feature. I showed him the split that proved the leak, and we agreed on a holdout by time."',
    "",
    "## Why Acme?",
    "",
    '"I spent two years making models small and fast, and Acme ships small models to millions of phones."',
  ]);
  const docs = [acme, sample, globex];

  it("shows only the documents with an answer for it, numbered among those shown", () => {
    // Before: the cover listed "Acme onsite — 0 answers", and the parts read "Document 2 of 3"
    // and "Document 3 of 3" with no "Document 1".
    const failures = buildPrepSheet(docs, { competency: "mistake-failure" });
    expect(failures.documents.map((d) => d.name)).toEqual(["Interview prep — Ines Carvalho", "Globex prep"]);
    expect(failures.leftOut).toEqual(["Acme onsite"]);
    expect(failures.answers.map((a) => a.documentIndex)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(failures.coverage.documents).toBe(2);
    const md = renderPrepSheetMarkdown(failures);
    expect(md).toContain("*Document 1 of 2* · **Target role:** Data/ML Engineer");
    expect(md).toContain("*Document 2 of 2* · **Target role:** Data/ML Engineer");
    expect(md).not.toMatch(/of 3|0 answers|^# Acme onsite/m);
    expect(md).toContain(
      "Acme onsite has no answer or technical question for Mistake or failure: it is not on this sheet.",
    );
    for (const html of [
      renderPrepSheetHtml(failures),
      renderPrepSheetHtmlParts(failures, "sheet", { answersPerPart: 2 }).join("\n"),
    ]) {
      expect(html.match(/<p class="kicker">Document \d of \d<\/p>/g)).toEqual([
        '<p class="kicker">Document 1 of 2</p>',
        '<p class="kicker">Document 2 of 2</p>',
      ]);
      expect(html).not.toContain("0 answers");
      expect(html).toContain('<p class="left-out">Acme onsite has no answer');
    }
  });

  it("with one document left, names it on the cover and gives it no part of its own", () => {
    const conflict = buildPrepSheet(docs, { competency: "conflict" });
    expect(conflict.documents.map((d) => d.name)).toEqual(["Acme onsite"]);
    expect(conflict.answers.map((a) => a.documentIndex)).toEqual([0]);
    const md = renderPrepSheetMarkdown(conflict);
    expect(md).not.toMatch(/Document \d of|## Documents/);
    expect(md).toContain("**Document:** Acme onsite");
    expect(md).toContain(
      "Interview prep — Ines Carvalho and Globex prep have no answer or technical question for Conflict: they are not on this sheet.",
    );
    // A competency sheet does not list answers by competency: the cover names the one; nor
    // does it count what it has none of (before: "0 follow-ups (0 with a written answer),
    // 0 concerns, 0 technical questions").
    expect(md).not.toContain("Answers by competency");
    expect(md).toContain("- 1 answer to 1 question.\n");
    const html = renderPrepSheetHtml(conflict);
    expect(html).not.toContain('<section class="document">');
    expect(html).toContain("Document: <strong>Acme onsite</strong>");
  });

  it("of technical questions only: no row of zeros", () => {
    const concepts = buildPrepSheet(docs, { competency: "ml-concept" });
    expect(concepts.answers).toEqual([]);
    const md = renderPrepSheetMarkdown(concepts);
    expect(md).toContain("1. **Interview prep — Ines Carvalho** — Data/ML Engineer · 5 technical questions");
    expect(md).toContain("- 10 technical questions; no prepared answer of this competency.");
    expect(md).not.toMatch(/\b0 (answers|follow-ups|concerns)/);
  });

  it("with nothing for it: no documents at all, each named as left out", () => {
    const none = buildPrepSheet(docs, { competency: "teamwork" });
    expect(none.documents).toEqual([]);
    expect(none.leftOut).toEqual(["Acme onsite", "Interview prep — Ines Carvalho", "Globex prep"]);
  });

  it("without a competency, every document with answers is on it and none is left out", () => {
    const all = buildPrepSheet(docs);
    expect(all.documents).toHaveLength(3);
    expect(all.leftOut).toBeUndefined();
    expect(renderPrepSheetMarkdown(all)).toContain("*Document 1 of 3*");
  });
});

describe("a sheet of several documents, one of them technical questions only", () => {
  const bank = docOf([
    "# Technical bank",
    "",
    "## 🔬 ML Fundamentals",
    "Check that the basics are solid.",
    "What is the bias–variance trade-off?",
    "When would you prefer precision over recall?",
  ]);
  const both = buildPrepSheet([bank, sample]);

  it("gives each document its part in order, its technical questions closing it", () => {
    expect(both.documents.map((d) => d.name)).toEqual(["Technical bank", "Interview prep — Ines Carvalho"]);
    expect(both.technical.filter((t) => t.documentIndex === 0)).toHaveLength(2);
    // Before: the parts opened at "Document 2 of 2" (the first answer's), and every technical
    // section came after the last document's answers, in Markdown under that document's heading.
    const md = renderPrepSheetMarkdown(both);
    const order = [
      "# Technical bank",
      "*Document 1 of 2*",
      "## Technical questions — Technical bank",
      "# Interview prep — Ines Carvalho",
      "*Document 2 of 2*",
      "## Q1 · Tell me about yourself",
      "## Technical questions — Interview prep — Ines Carvalho",
    ].map((line) => md.indexOf(`\n${line}`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const kickers = (html: string) =>
      html.match(/<p class="kicker">Document \d of 2<\/p>|<h2>Technical questions<\/h2>/g);
    const expected = [
      '<p class="kicker">Document 1 of 2</p>',
      "<h2>Technical questions</h2>",
      '<p class="kicker">Document 2 of 2</p>',
      "<h2>Technical questions</h2>",
    ];
    expect(kickers(renderPrepSheetHtml(both))).toEqual(expected);
    expect(kickers(renderPrepSheetHtmlParts(both, "sheet", { answersPerPart: 2 }).join("\n"))).toEqual(
      expected,
    );
  });
});

describe("top fixes", () => {
  it("quote a sentence once: a later fix of the same sentence points to the first", () => {
    // Before: the sample's model-focused Q5 printed its closing sentence three times, under a
    // result, a lesson and a time fix, reading as three problems in three sentences.
    const repeated = sheet.answers.filter((a) => new Set(a.fixes.map((f) => f.quote)).size < a.fixes.length);
    expect(repeated.map((a) => a.key)).toContain("q5/model-focused");
    for (const answer of repeated) {
      const one = buildPrepSheet([sample], { keepAnswer: (_, key) => key === answer.key });
      const md = renderPrepSheetMarkdown(one);
      const html = renderPrepSheetHtml(one);
      for (const [text, heading, written] of [
        [md, "### Top fixes", (t: string) => t],
        [html, "<h3>Top fixes</h3>", escapeHtml],
      ] as const) {
        // The fixes, up to the next heading: each sentence quoted once.
        const fixes = text.slice(text.indexOf(heading)).split(/### |<h3>/)[1] ?? "";
        for (const quote of new Set(answer.fixes.map((f) => f.quote)))
          expect(fixes.split(written(quote)).length, answer.key).toBe(2);
        expect(fixes, answer.key).toContain("the same sentence as fix ");
      }
    }
    const md = renderPrepSheetMarkdown(sheet);
    expect(md).toMatch(/^2\. Lesson: .* — the same sentence as fix 1$/m);
    expect(renderPrepSheetHtml(sheet)).toMatch(
      /<li class="fix">Lesson: [^<]* — the same sentence as fix 1<\/li>/,
    );
  });
});

describe("the timing line", () => {
  it("says one word in the singular", () => {
    // Before: "1 words ≈ 0:00" under a one-word answer on the printed sheet.
    const one = buildPrepSheet([docOf(["# Prep", "", "## Why us?", "", "Because."])]);
    const html = renderPrepSheetHtml(one);
    expect(html).toContain("1 word ≈ 0:00");
    expect(html).not.toContain("1 words");
    expect(renderPrepSheetMarkdown(one)).toContain("1 word ≈");
  });
});

describe("an answer's lead-in on the sheet", () => {
  it("leaves out the 'Alternative Answers:' heading a saved variant is filed under", () => {
    // Before: every variant saved in derisk (add-variant, a composed or re-angled draft) printed
    // "Alternative Answers:" in italics above its text, a line the candidate never wrote.
    const { doc } = addAnswerVariant(sample, {
      questionKey: "q3",
      variant: "short",
      text: "Our nightly job failed twice a week.\n\nI added a data check and cut failures to zero in 3 weeks.",
    });
    const saved = buildPrepSheet([doc]).answers.find((a) => a.variant === "short");
    expect(saved?.remark).toBeUndefined();
    expect(renderPrepSheetHtml(buildPrepSheet([doc]))).not.toMatch(/class="remark">Alternative Answers/);
    expect(renderPrepSheetMarkdown(buildPrepSheet([doc]))).not.toContain("*Alternative Answers:*");
  });
});

describe("a remark that replies to someone is kept in the bank, not printed", () => {
  // Before: the sheet printed in italics, above the answers, what a chat assistant said when it
  // handed them over ("Good catch — … Let's keep the same episode…", "Here's one more built
  // around…"): words said to the candidate, not by them.
  const replies = (doc: PrepDoc) =>
    doc.items.flatMap((i) => (i.kind === "answer" && i.remark !== undefined ? [i.key] : []));

  it("on our sample: the assistant's lead-ins are off the sheet, the outline's own note stays", () => {
    expect(replies(sample)).toEqual([
      "q1/alternative",
      "q3/core",
      "q5/model-focused",
      "q5/serving-latency-focus",
    ]);
    const shown = sheet.answers.filter((a) => a.remark !== undefined);
    expect(shown.map((a) => [a.key, a.remark])).toEqual([
      ["q1/alternative", "Tell it like a short film — four scenes, no detours:"],
    ]);
    const html = renderPrepSheetHtml(sheet);
    expect(html).not.toMatch(/Good catch|Let's keep|Here's one more|Here's a second version/);
    expect(html).toContain('class="remark">Tell it like a short film');
    expect(renderPrepSheetMarkdown(sheet)).not.toMatch(/Good catch|Here's one more/);
  });

  it("by what the remark is, not by its words: a note on the answer stays, a reply does not", () => {
    for (const note of [
      "Told for a data-science panel, numbers first:",
      "Short version (60 s):",
      "Think of it as three scenes — the bug, the fix, the guard:",
    ])
      expect(readsAsReply(note), note).toBe(false);
    for (const reply of [
      "Of course! A tighter take on the same story:",
      "Below is a version that leads with the metric:",
      "Fair point — your draft buried the result, so this one opens with it:",
      "Let me reshape it around the model:",
    ])
      expect(readsAsReply(reply), reply).toBe(true);
  });

  it.runIf(SEED_RUNS)("on the seed: only the trailer's note is printed", () => {
    const seed = readSeed() as PrepDoc;
    // Every remark is still in the bank.
    expect(replies(seed)).toHaveLength(4);
    const shown = buildPrepSheet([seed]).answers.filter((a) => a.remark !== undefined);
    expect(shown.map((a) => a.key)).toEqual(["q1/alternative"]);
    expect(renderPrepSheetHtml(buildPrepSheet([seed]))).not.toMatch(/absolutely right|Here['’]s a/);
  });
});
