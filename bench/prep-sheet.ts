/**
 * The prep sheet at scale and in every script (issue 13), run with `npx tsx bench/prep-sheet.ts`:
 * - a bank of 5,000 answers built into a sheet and rendered as HTML, against a baseline that
 *   escapes and joins the same texts into bare HTML (no analysis, no layout);
 * - when the bundled Chromium is installed, that sheet printed to PDF, against printing the
 *   bare HTML of the same texts: both measured here, in this run, and reported as a ratio;
 * - emoji, CJK and right-to-left text printed to PDF: which of them come back out of the PDF's
 *   text, and a PNG of the page to look at (.artifacts/screenshots/prep-sheet-scripts.png).
 * Prints one JSON object. Target: the 5,000-answer PDF in ≤ 10 s.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pdfAvailable, printPdf } from "../src/app/pdf.ts";
import { importPrepDocument } from "../src/core/markdown/index.ts";
import { buildPrepSheet, escapeHtml, renderPrepSheetHtml } from "../src/core/prep-sheet/index.ts";
import { pdfText, squeeze } from "../test/e2e/pdf-text.ts";

const ANSWERS = Number(process.env.SHEET_ANSWERS ?? 5000);
const root = fileURLToPath(new URL("..", import.meta.url));

const QUESTIONS = [
  "Tell me about a time you fixed a production incident",
  "Tell me about a disagreement with your manager",
  "Describe a project you led end to end",
  "Tell me about a mistake you made",
];
const BODIES = [
  "Our nightly training job failed twice a week. I traced it to a race in the feature export, rewrote the export as an idempotent step and added a check. Failures dropped from eight a month to zero, and I learned to test the data path first.",
  "My manager wanted to ship the model without a holdout test. I showed him the leakage on one week of data, we agreed on a split by customer, and the launch slipped two days but the metrics held in production.",
  "I proposed a drift monitor for our fraud model, wrote the design, built the pipeline on Airflow and handed it to on-call with a runbook. It caught two shifts in the first quarter before customers noticed.",
];

// Question numbers go up to 999 in a document (Q1000 reads as a heading, not a question), so
// the bank is documents of at most 999 answers each, as a real bank of that size would be.
function markdownBank(n: number, title: string): string {
  const parts = [`# ${title}`, ""];
  for (let i = 0; i < n; i++) {
    parts.push(
      `### Q${i + 1}- ${QUESTIONS[i % QUESTIONS.length]} (${i + 1})`,
      "",
      `"${BODIES[i % BODIES.length]}"`,
      "",
    );
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

const docs = Array.from({ length: Math.ceil(ANSWERS / 999) }, (_, d) =>
  importPrepDocument(
    new TextEncoder().encode(markdownBank(Math.min(999, ANSWERS - d * 999), `Prep part ${d + 1}`)),
  ),
);
const texts = docs.flatMap((doc) =>
  doc.items.flatMap((item) => (item.kind === "answer" ? [item.question, item.text] : [])),
);
let html = "";
const sheetMs = best(() => {
  html = renderPrepSheetHtml(buildPrepSheet(docs));
}, 1);
const bare = bareHtml(texts);
const bareMs = best(() => {
  bareHtml(texts);
});
const result: Record<string, unknown> = {
  answers: texts.length / 2,
  html: {
    name: "sheet-html-5000",
    median_ms: sheetMs,
    bytes: html.length,
    baseline: { name: "bare-html", ms: bareMs },
    ratio: Math.round((sheetMs / bareMs) * 10) / 10,
  },
};

if (pdfAvailable()) {
  // Interleaved, bare first: the first launch unpacks Chromium, and neither should pay for it.
  await printPdf(bareHtml(texts.slice(0, 10)));
  let start = performance.now();
  const barePdf = await printPdf(bare);
  const barePdfMs = ms(start);
  start = performance.now();
  const sheetPdf = await printPdf(html);
  const sheetPdfMs = ms(start);
  result.pdf = {
    name: "sheet-pdf-5000",
    ms: sheetPdfMs,
    mb: Math.round((sheetPdf.length / 1e6) * 10) / 10,
    baseline: { name: "bare-html-pdf", ms: barePdfMs },
    ratio: Math.round((sheetPdfMs / barePdfMs) * 10) / 10,
    within_10s: sheetPdfMs <= 10_000,
  };
  void barePdf;

  const samples = {
    emoji: "I shipped it 🚀 and the pager went quiet 🎉",
    cjk: "我修复了数据管道中的竞态条件",
    japanese: "本番環境で障害を解決しました",
    arabic: "أصلحت خط البيانات قبل الإطلاق",
    hebrew: "תיקנתי את הבאג לפני ההשקה",
  };
  const scripts = importPrepDocument(
    new TextEncoder().encode(
      [
        "# Scripts",
        "",
        "### Q1- Tell me about a fix in another language",
        "",
        `"${Object.values(samples).join(" ")}"`,
        "",
      ].join("\n"),
    ),
  );
  const scriptsHtml = renderPrepSheetHtml(buildPrepSheet([scripts]));
  const text = squeeze(pdfText(await printPdf(scriptsHtml)));
  result.scripts = Object.fromEntries(
    Object.entries(samples).map(([name, sample]) => [
      name,
      text.includes(squeeze(sample)) ? "in the PDF text" : "missing",
    ]),
  );
  const { chromium } = await import("playwright-core");
  const { default: bundled } = await import("@sparticuz/chromium");
  const browser = await chromium.launch({
    executablePath: await bundled.executablePath(),
    args: bundled.args.filter((a) => a !== "--single-process"),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 700 } });
    await page.setContent(scriptsHtml, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const dir = join(root, ".artifacts", "screenshots");
    mkdirSync(dir, { recursive: true });
    await page
      .locator(".answer")
      .first()
      .screenshot({ path: join(dir, "prep-sheet-scripts.png") });
    result.scripts_png = ".artifacts/screenshots/prep-sheet-scripts.png";
  } finally {
    await browser.close();
  }
} else {
  result.pdf = "skipped: the bundled Chromium (@sparticuz/chromium, playwright-core) is not installed";
}

process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
