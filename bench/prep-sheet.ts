/**
 * The prep sheet at scale and in every script (issue 13). Part of `npm run bench` (as the
 * report `prep-sheet-5000`, see bench/prep-sheet.bench.ts); alone: `npx tsx bench/prep-sheet.ts`.
 * - a bank of 5,000 answers built into a sheet: cold (every answer analysed) and again with the
 *   analyses remembered (the app's cache), rendered as HTML, against a baseline that escapes
 *   and joins the same texts into bare HTML (no analysis, no layout);
 * - when the bundled Chromium is installed, that sheet printed to PDF the way the app prints
 *   it (in parts, joined), against printing the bare HTML of the same texts, in this run, as a
 *   ratio; with SHEET_WHOLE=1 also the old way (the whole page in one print, footer template);
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
import { PDF_ANSWERS_PER_PART, renderSheetFile } from "../src/app/prep-sheet.ts";
import { fontFacesFor, printFontsInstalled } from "../src/app/print-fonts.ts";
import { importPrepDocument } from "../src/core/markdown/index.ts";
import {
  buildPrepSheet,
  escapeHtml,
  renderPrepSheetHtml,
  renderPrepSheetHtmlParts,
} from "../src/core/prep-sheet/index.ts";
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
      new TextEncoder().encode(markdownBank(Math.min(999, ANSWERS - d * 999), `Prep part ${d + 1}`)),
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
  start = performance.now();
  const parts = renderPrepSheetHtmlParts(sheet, "sheet", {
    answersPerPart: PDF_ANSWERS_PER_PART,
    fontFaces: fontFacesFor,
  });
  const sheetPdf = await printPdf(html, { parts });
  const sheetPdfMs = ms(start);
  result.pdf = {
    name: "sheet-pdf-5000",
    ms: sheetPdfMs,
    parts: parts.length,
    pages: pageCount(sheetPdf),
    mb: Math.round((sheetPdf.length / 1e6) * 10) / 10,
    baseline: { name: "bare-html-pdf", ms: barePdfMs, pages: pageCount(barePdf) },
    ratio: Math.round((sheetPdfMs / barePdfMs) * 10) / 10,
    export_warm_ms: Math.round(warmMs + renderMs + sheetPdfMs),
    export_cold_ms: Math.round(coldMs + renderMs + sheetPdfMs),
    within_10s: warmMs + renderMs + sheetPdfMs <= 10_000,
  };
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
