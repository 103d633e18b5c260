/**
 * The prep sheet at scale and in every script (issue 13). Part of `npm run bench` (as the
 * report `prep-sheet-5000`, see bench/prep-sheet.bench.ts); alone: `npx tsx bench/prep-sheet.ts`
 * (SHEET_ANSWERS=n for another size).
 * - a bank of 5,000 answers, every question and answer its own (composed from pools of
 *   sentences with different systems, people and figures, 70-91 words), built into a sheet:
 *   cold (every answer analysed) and again with the analyses remembered (the app's cache),
 *   rendered as HTML, against a baseline that escapes and joins the same texts into bare HTML;
 * - when the bundled Chromium is installed, the PDF export as the app makes it
 *   (printPrepSheetPdf: parts of 200 answers printed two at a time while the next answers are
 *   analysed, then joined): cold (`export_cold_ms`, nothing remembered) and warm
 *   (`export_warm_ms`), and the print alone of the built sheet (`ms`), each against printing
 *   the bare HTML of the same texts in this run, as a ratio. The machine may be shared: read
 *   the ratios, and `uptime`. With SHEET_SEQUENTIAL=1 also the export as it was before
 *   (`sequential_cold_ms`: every answer analysed, then printed); with SHEET_WHOLE=1 the
 *   oldest way (the whole page in one print, footer template);
 * - emoji, CJK and right-to-left text printed to PDF: which of them come back out of the PDF's
 *   text, the fonts embedded, and PNGs to look at (.artifacts/screenshots/prep-sheet-scripts*.png;
 *   the PDF's own page too when poppler's pdftoppm is installed).
 * Target: the 5,000-answer PDF in ≤ 10 s.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analysisCacheStats, cachedAnalyze, clearAnalysisCache } from "../src/app/analysis-cache.ts";
import { pdfAvailable, printPdf } from "../src/app/pdf.ts";
import { PDF_ANSWERS_PER_PART, printPrepSheetPdf, renderSheetFile } from "../src/app/prep-sheet.ts";
import { fontFacesFor, printFontsInstalled } from "../src/app/print-fonts.ts";
import { importPrepDocument } from "../src/core/markdown/index.ts";
import {
  buildPrepSheet,
  escapeHtml,
  planPrepSheet,
  renderPrepSheetHtml,
  renderPrepSheetHtmlParts,
} from "../src/core/prep-sheet/index.ts";
import { pdfText, squeeze } from "../test/e2e/pdf-text.ts";

const ANSWERS = Number(process.env.SHEET_ANSWERS ?? 5000);
const root = fileURLToPath(new URL("..", import.meta.url));

// Every answer of the bank is its own: questions and bodies are composed from pools of
// sentences with different systems, people and figures (60-120 words each), so nothing is
// analysed twice in a cold run, as in a real bank of that size.
const ASKS = [
  "Tell me about a time you fixed a production incident in",
  "Tell me about a disagreement with your manager over",
  "Describe a project you led end to end on",
  "Tell me about a mistake you made with",
  "Tell me about a time you had to learn fast for",
  "Describe a decision you made without enough data on",
];
const SYSTEMS = [
  "the feature store",
  "the ranking model",
  "the fraud pipeline",
  "the billing export",
  "the search index",
  "the recommendation service",
  "the data warehouse",
  "the labeling tool",
  "the forecasting job",
  "the model registry",
  "the streaming ingest",
];
const PEOPLE = [
  "Priya",
  "Marco",
  "Aisha",
  "Tom",
  "Yuki",
  "Lena",
  "Omar",
  "Sofia",
  "Dev",
  "Hana",
  "Kofi",
  "Ines",
  "Raj",
];
const SITUATIONS = [
  (s: string, p: string, n: number) =>
    `Our nightly job on ${s} failed ${(n % 7) + 2} times a week, and ${p} was paged for it every time.`,
  (s: string, p: string, n: number) =>
    `Latency on ${s} had crept up to ${120 + (n % 300)} milliseconds and ${p}'s team was missing its target.`,
  (s: string, p: string, n: number) =>
    `${p} asked me to take over ${s} two weeks before a launch for ${(n % 40) + 3} enterprise customers.`,
  (s: string, _p: string, n: number) =>
    `We found that ${s} had silently dropped about ${(n % 9) + 1} percent of events since a schema change.`,
  (s: string, p: string, n: number) =>
    `My manager ${p} wanted to ship a change to ${s} without a holdout test, after ${(n % 5) + 2} months of work.`,
];
const ACTIONS = [
  (s: string, _p: string, n: number) =>
    `I traced the failures to a race in ${s}, rewrote the step to be idempotent and added a check that runs in ${(n % 50) + 10} seconds.`,
  (s: string, p: string, n: number) =>
    `I profiled ${s} for ${(n % 4) + 2} days, found an N plus one query and batched it, then reviewed the fix with ${p}.`,
  (s: string, p: string, n: number) =>
    `I wrote a one page design for ${s}, split the work into ${(n % 6) + 3} milestones and paired with ${p} on the riskiest one.`,
  (s: string, p: string, n: number) =>
    `I showed ${p} the leakage on ${(n % 12) + 1} weeks of data, and we agreed on a split by customer for ${s}.`,
  (s: string, p: string, n: number) =>
    `I backfilled ${(n % 90) + 10} thousand missing rows in ${s}, added an alert on the event count and wrote a runbook with ${p}.`,
];
const RESULTS = [
  (n: number) => `Failures dropped from ${(n % 11) + 4} a month to zero within ${(n % 3) + 2} weeks.`,
  (n: number) => `Median latency fell by ${(n % 40) + 20} percent and stayed there for the next quarter.`,
  (n: number) =>
    `We launched on time and the model's recall rose from ${(n % 20) + 60} to ${(n % 15) + 81} percent.`,
  (n: number) =>
    `The launch slipped ${(n % 4) + 1} days, but the metrics held in production for ${(n % 6) + 3} months.`,
  (n: number) =>
    `The alert caught ${(n % 5) + 2} regressions in the first quarter, before any customer noticed.`,
];
const LESSONS = [
  "I learned to test the data path first, and I now ask for a rollback plan before every change.",
  "Since then I write down the success metric before I start, and I share it with the people who depend on it.",
  "What I took away is to raise a risk early with evidence, not opinions, and to agree on how we will decide.",
  "I learned that a small check in the pipeline beats a long postmortem, and I teach that to new hires.",
  "Now I time-box the investigation, ask for help after a day, and keep a log that others can pick up.",
];

const pick = <T>(pool: readonly T[], i: number, step: number): T =>
  pool[Math.floor(i / step) % pool.length] as T;

/** The i-th question and answer of the bank: no two alike. */
export function bankEntry(i: number): { question: string; body: string } {
  const system = pick(SYSTEMS, i, 1);
  const person = pick(PEOPLE, i, 3);
  const question = `${pick(ASKS, i, 11)} ${system} (${i + 1})`;
  const body = [
    pick(SITUATIONS, i, 7)(system, person, i),
    pick(ACTIONS, i, 5)(system, person, i),
    pick(RESULTS, i, 2)(i),
    pick(LESSONS, i, 13),
    i % 3 === 0 ? `${person} still uses that check, ${(i % 17) + 2} releases later.` : "",
  ]
    .filter((s) => s !== "")
    .join(" ");
  return { question, body };
}

// Question numbers go up to 999 in a document (Q1000 reads as a heading, not a question), so
// the bank is documents of at most 999 answers each, as a real bank of that size would be.
function markdownBank(from: number, n: number, title: string): string {
  const parts = [`# ${title}`, ""];
  for (let i = 0; i < n; i++) {
    const { question, body } = bankEntry(from + i);
    parts.push(`### Q${i + 1}- ${question}`, "", `"${body}"`, "");
  }
  return parts.join("\n");
}

const bareHtml = (texts: string[]): string =>
  `<!doctype html><meta charset="utf-8"><title>bare</title>${texts.map((t) => `<p>${escapeHtml(t)}</p>`).join("\n")}`;

const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;
function best(run: () => void, rounds = 3): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    min = Math.min(min, ms(start));
  }
  return min;
}

const pageCount = (pdf: Uint8Array): number =>
  Buffer.from(pdf)
    .toString("latin1")
    .match(/\/Type \/Page\b/g)?.length ?? 0;

/** The samples of the scripts check, one per script. */
export const SCRIPT_SAMPLES = {
  emoji: "I shipped it 🚀 and the pager went quiet 🎉",
  chinese: "我修复了数据管道中的竞态条件",
  japanese: "本番環境で障害を解決しました",
  korean: "출시 전에 버그를 고쳤습니다",
  arabic: "أصلحت خط البيانات قبل الإطلاق",
  hebrew: "תיקנתי את הבאג לפני ההשקה",
};

/** Whether a sample comes back out of the PDF's text: in reading order, or (right to left) its letters. */
function inPdfText(text: string, sample: string): boolean {
  if (text.includes(squeeze(sample))) return true;
  const letters = (s: string) => new Set([...squeeze(s)]);
  const found = letters(text);
  return /[\u0590-\u06ff]/.test(sample) && [...letters(sample)].every((c) => found.has(c));
}

export async function prepSheetReport(): Promise<Record<string, unknown>> {
  const docs = Array.from({ length: Math.ceil(ANSWERS / 999) }, (_, d) =>
    importPrepDocument(
      new TextEncoder().encode(markdownBank(d * 999, Math.min(999, ANSWERS - d * 999), `Prep part ${d + 1}`)),
    ),
  );
  const texts = docs.flatMap((doc) =>
    doc.items.flatMap((item) => (item.kind === "answer" ? [item.question, item.text] : [])),
  );
  clearAnalysisCache();
  let start = performance.now();
  let sheet = buildPrepSheet(docs, { analyze: cachedAnalyze });
  const coldMs = ms(start);
  start = performance.now();
  sheet = buildPrepSheet(docs, { analyze: cachedAnalyze });
  const warmMs = ms(start);
  const cache = analysisCacheStats();
  let html = "";
  const renderMs = best(() => {
    html = renderPrepSheetHtml(sheet);
  });
  const bare = bareHtml(texts);
  const bareMs = best(() => {
    bareHtml(texts);
  });
  const result: Record<string, unknown> = {
    name: "prep-sheet-5000",
    answers: texts.length / 2,
    build: {
      cold_ms: coldMs,
      warm_ms: warmMs,
      note: "cold: every answer analysed; warm: the same bank again, analyses remembered",
      cache,
    },
    html: {
      name: "sheet-html-5000",
      ms: renderMs,
      bytes: html.length,
      baseline: { name: "bare-html", ms: bareMs },
      ratio: Math.round((renderMs / bareMs) * 10) / 10,
    },
  };
  if (!pdfAvailable()) {
    result.pdf = "skipped: the bundled Chromium (@sparticuz/chromium, playwright-core) is not installed";
    return result;
  }
  // Bare first: the first launch unpacks Chromium, and the sheet should not pay for it.
  await printPdf(bareHtml(texts.slice(0, 10)));
  start = performance.now();
  const barePdf = await printPdf(bare);
  const barePdfMs = ms(start);
  // The export as the app makes it: answers analysed while the first parts print.
  const plan = () => planPrepSheet(docs, { analyze: cachedAnalyze });
  clearAnalysisCache();
  start = performance.now();
  const cold = await printPrepSheetPdf(plan(), "sheet");
  const exportColdMs = ms(start);
  start = performance.now();
  const warm = await printPrepSheetPdf(plan(), "sheet");
  const exportWarmMs = ms(start);
  // The print alone: the parts of the built sheet, printed and joined.
  start = performance.now();
  const parts = renderPrepSheetHtmlParts(sheet, "sheet", {
    answersPerPart: PDF_ANSWERS_PER_PART,
    fontFaces: fontFacesFor,
    printOnly: true,
  });
  const sheetPdf = await printPdf(html, { parts });
  const sheetPdfMs = ms(start);
  const ratio = (a: number) => Math.round((a / barePdfMs) * 10) / 10;
  result.pdf = {
    name: "sheet-pdf-5000",
    ms: sheetPdfMs,
    parts: parts.length,
    pages: pageCount(sheetPdf),
    mb: Math.round((sheetPdf.length / 1e6) * 10) / 10,
    baseline: { name: "bare-html-pdf", ms: barePdfMs, pages: pageCount(barePdf) },
    ratio: ratio(sheetPdfMs),
    export_cold_ms: Math.round(exportColdMs),
    export_cold_pages: pageCount(cold.pdf),
    export_cold_ratio: ratio(exportColdMs),
    export_warm_ms: Math.round(exportWarmMs),
    export_warm_pages: pageCount(warm.pdf),
    export_warm_ratio: ratio(exportWarmMs),
    within_10s: exportColdMs <= 10_000 && exportWarmMs <= 10_000,
  };
  if (process.env.SHEET_SEQUENTIAL === "1") {
    // The export as it was: every answer analysed, then the parts printed.
    clearAnalysisCache();
    start = performance.now();
    const built = buildPrepSheet(docs, { analyze: cachedAnalyze });
    await printPdf(html, {
      parts: renderPrepSheetHtmlParts(built, "sheet", {
        answersPerPart: PDF_ANSWERS_PER_PART,
        fontFaces: fontFacesFor,
      }),
    });
    (result.pdf as Record<string, unknown>).sequential_cold_ms = Math.round(ms(start));
  }
  if (process.env.SHEET_WHOLE === "1") {
    // The way it printed before: the whole page at once, page numbers from Chromium's footer.
    start = performance.now();
    const whole = await printPdf(html, { wholeWithFooter: true });
    (result.pdf as Record<string, unknown>).whole_page_ms = ms(start);
    void whole;
  }

  const scripts = importPrepDocument(
    new TextEncoder().encode(
      [
        "# Scripts",
        "",
        "### Q1- Tell me about a fix in another language",
        "",
        `"${Object.values(SCRIPT_SAMPLES).join(" ")}"`,
        "",
      ].join("\n"),
    ),
  );
  const scriptsSheet = buildPrepSheet([scripts]);
  const scriptsPdf = (await renderSheetFile(scriptsSheet, "pdf", "sheet")).body as Uint8Array;
  const text = squeeze(pdfText(scriptsPdf));
  result.scripts = Object.fromEntries(
    Object.entries(SCRIPT_SAMPLES).map(([name, sample]) => [
      name,
      inPdfText(text, sample) ? "in the PDF text" : "missing",
    ]),
  );
  result.fonts = {
    installed: printFontsInstalled(),
    // Names without the subset prefix, once each (a variable font's name is its default instance).
    embedded: [
      ...new Set(
        (
          Buffer.from(scriptsPdf)
            .toString("latin1")
            .match(/\/FontName \/[A-Z]{6}\+[\w-]+/g) ?? []
        ).map((name) => name.replace(/^\/FontName \/[A-Z]{6}\+/, "")),
      ),
    ].sort(),
    type3:
      Buffer.from(scriptsPdf)
        .toString("latin1")
        .match(/\/Subtype \/Type3/g)?.length ?? 0,
  };
  const dir = join(root, ".artifacts", "screenshots");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "prep-sheet-scripts.pdf"), scriptsPdf);
  try {
    execFileSync("pdftoppm", [
      "-r",
      "80",
      "-f",
      "2",
      "-l",
      "2",
      "-png",
      "-singlefile",
      join(dir, "prep-sheet-scripts.pdf"),
      join(dir, "prep-sheet-scripts-pdf"),
    ]);
    result.scripts_png = ".artifacts/screenshots/prep-sheet-scripts-pdf.png (the PDF's page 2, by pdftoppm)";
  } catch {
    result.scripts_png =
      "pdftoppm (poppler-utils) not installed: open .artifacts/screenshots/prep-sheet-scripts.pdf";
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await prepSheetReport(), null, 2)}\n`);
}
