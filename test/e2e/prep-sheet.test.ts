import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printPdf } from "../../src/app/pdf.ts";
import { printPrepSheetPdf, renderSheetFile } from "../../src/app/prep-sheet.ts";
import { fontFacesFor } from "../../src/app/print-fonts.ts";
import { createContext } from "../../src/cli/context.ts";
import { runCli } from "../../src/cli/main.ts";
import { importPrepDocument } from "../../src/core/markdown/index.ts";
import type { PrepDoc } from "../../src/core/model.ts";
import { answerHeading } from "../../src/core/prep-sheet/format.ts";
import {
  buildPrepSheet,
  planPrepSheet,
  renderPrepSheetHtml,
  renderPrepSheetHtmlParts,
  type SheetLayout,
} from "../../src/core/prep-sheet/index.ts";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, screenshot, screenshotDir, seedBytes, startTestServer } from "./harness.ts";
import { pdfPages, pdfText, squeeze } from "./pdf-text.ts";

// The prep sheet as a candidate prints it: `derisk export --format pdf` through the real CLI,
// bank and bundled Chromium; its text read back out of the PDF, its pages looked at.
const root = new URL("../..", import.meta.url).pathname;
const samplePath = join(root, "samples/sample-prep.md");

let browser: Browser | null = null;
let skipReason = "";
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "derisk-sheet-"));
  mkdirSync(screenshotDir, { recursive: true });
  ({ browser, skipReason } = await launchBrowser());
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every question a sheet must show: each answer's and each technical question's text. */
const questionsOf = (doc: PrepDoc): string[] =>
  doc.items.flatMap((item) =>
    item.kind === "answer" ? [item.question] : item.kind === "technical-question" ? [item.text] : [],
  );

const pageCount = (pdf: Uint8Array): number =>
  Buffer.from(pdf)
    .toString("latin1")
    .match(/\/Type \/Page\b/g)?.length ?? 0;

/** Screenshots `html` as printed on A4 and measures how much of it is ink, in the browser. */
async function inkOf(html: string, name: string): Promise<{ colours: number; ink: number }> {
  if (!browser) throw new Error(skipReason);
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  try {
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const png = await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
    await page.setContent("<!doctype html><title>measure</title>");
    return await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = document.createElement("canvas");
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set<number>();
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i] ?? 0;
        const g = data[i + 1] ?? 0;
        const b = data[i + 2] ?? 0;
        colours.add((r << 16) | (g << 8) | b);
        if (r + g + b < 384) dark++;
      }
      return { colours: colours.size, ink: dark / (data.length / 4) };
    }, png.toString("base64"));
  } finally {
    await page.close();
  }
}

describe("prep sheet in print", () => {
  it("derisk export --format pdf prints the sample with every question, answers flowing from page to page", async (ctx) => {
    if (!browser) return ctx.skip();
    const env = { ...process.env, DERISK_DATA_DIR: join(work, "data"), NO_COLOR: "1" };
    expect(await runCli(["import", samplePath], createContext(env))).toBe(0);
    const file = join(work, "sample.pdf");
    expect(await runCli(["export", "--format", "pdf", "-o", file], createContext(env))).toBe(0);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = squeeze(pdfText(pdf));
    const doc = importPrepDocument(readFileSync(samplePath));
    const questions = questionsOf(doc);
    expect(questions.length).toBe(17); // 7 answers (4 questions' variants) and 10 technical questions
    for (const question of questions) expect(text, question).toContain(squeeze(question));
    // The cover on a page of its own, then the answers and the technical questions: a short
    // answer shares its page with the next (before, each had a page: 9 pages, one of 10 lines).
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(5);
    expect(pageCount(pdf)).toBeLessThan(1 + 7 + 1);
    expect(text).toContain(squeeze("Will she go round in circles?"));
  }, 240_000);

  it("prints the seed document with every question, as a sheet and as cue cards", async (ctx) => {
    if (!browser) return ctx.skip();
    const doc = importPrepDocument(seedBytes());
    const questions = questionsOf(doc);
    expect(questions.length).toBe(17);
    const sheet = buildPrepSheet([doc]);
    for (const layout of ["sheet", "cards"] as SheetLayout[]) {
      const pdf = await printPdf(renderPrepSheetHtml(sheet, layout));
      const text = squeeze(pdfText(pdf));
      for (const question of questions) expect(text, `${layout}: ${question}`).toContain(squeeze(question));
      // Cue cards: cover, then four to a page.
      if (layout === "cards") expect(pageCount(pdf)).toBe(1 + Math.ceil(questions.length / 4));
    }
  }, 240_000);

  it("spends no page on a few lines: the seed, the sample and both, as the PDF export prints them", async (ctx) => {
    if (!browser) return ctx.skip();
    // Before: every answer started a page, so an answer a little over a page left its last
    // lines alone on the next ("3. Jargon: …", 163 characters; the seed's Q1 concern, 199), and
    // a short answer had a page to itself.
    const sample = importPrepDocument(readFileSync(samplePath));
    const seed = importPrepDocument(seedBytes());
    for (const [name, docs] of [
      ["sample", [sample]],
      ["seed", [seed]],
      ["both", [seed, sample]],
    ] as const) {
      const { sheet, pdf } = await printPrepSheetPdf(planPrepSheet(docs), "sheet");
      // Each page's text, in page order by its "n/total" footer.
      const pages = pdfPages(pdf)
        .map((text) => squeeze(text))
        .sort((a, b) => Number(a.match(/(\d+)\/\d+$/)?.[1]) - Number(b.match(/(\d+)\/\d+$/)?.[1]));
      expect(pages.length, name).toBe(pageCount(pdf));
      // A full page holds about 2,000 characters; every page but the last holds a fifth of one.
      pages.slice(0, -1).forEach((page, i) => {
        expect(page.length, `${name}, page ${i + 1}: ${page.slice(0, 80)}`).toBeGreaterThan(400);
      });
      // No more pages than the cover, one per answer and one of technical questions (before:
      // 11 for the seed's 7 answers, 20 for both documents' 14).
      expect(pages.length, name).toBeLessThanOrEqual(1 + sheet.answers.length + 1);
    }
  }, 240_000);

  it("keeps an answer's lead-in remark whole, on the page of its heading and of the text it leads into", async (ctx) => {
    if (!browser) return ctx.skip();
    // Before: the remark ("You're absolutely right — … while still showing you can handle
    // deployment:") was the one breakable part of an answer's head, so every remark of the seed
    // (3) and of the sample (2) was cut by a page break, its first line or two under the heading
    // at the foot of a page and the rest, with the answer, on the next.
    for (const [name, doc] of [
      ["seed", importPrepDocument(seedBytes())],
      ["sample", importPrepDocument(readFileSync(samplePath))],
    ] as const) {
      const { sheet, pdf } = await printPrepSheetPdf(planPrepSheet([doc]), "sheet");
      const pages = pdfPages(pdf).map((text) => squeeze(text));
      const withRemark = sheet.answers.filter((answer) => answer.remark);
      // The outline's own note on each (an assistant's replies are kept in the bank, not printed).
      expect(withRemark.length, name).toBeGreaterThanOrEqual(1);
      for (const answer of withRemark) {
        const head = squeeze(`${answerHeading(answer)}${answer.variant} ·`);
        const remark = squeeze(answer.remark ?? "");
        const page = pages.find((text) => text.includes(head));
        expect(page, `${name}: ${head}`).toBeDefined();
        // The remark, then the first words of the text it leads into, on that same page.
        const first = squeeze(answer.star?.situation ?? answer.beats?.[0] ?? answer.text).slice(0, 20);
        expect(page, `${name}: the remark of ${head}`).toContain(remark);
        expect(page?.slice((page?.indexOf(remark) ?? 0) + remark.length), `${name}: ${head}`).toContain(
          first,
        );
      }
    }
  }, 240_000);

  it("renders a page with ink on it, and shows markup in an answer as text", async (ctx) => {
    if (!browser) return ctx.skip();
    const doc = importPrepDocument(
      new TextEncoder().encode(
        [
          "# Prep",
          "",
          "### Q1- Tell me about a time you failed.",
          "",
          '"I shipped <b>bold</b> and <script>window.pwned = 1</script> an <img src=x onerror="window.pwned=2"> bug; I fixed it in 2 days and added a test."',
          "",
        ].join("\n"),
      ),
    );
    const html = renderPrepSheetHtml(buildPrepSheet([doc]));
    const page = await (browser as Browser).newPage();
    try {
      await page.setContent(html, { waitUntil: "load" });
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(await page.locator("script, img, b").count()).toBe(0);
      // The importer drops inline <b> from answer text; the script and img stay, shown as text.
      const shown = await page.locator(".answer").textContent();
      expect(shown).toContain("and <script>window.pwned = 1</script>");
      expect(shown).toContain('<img src=x onerror="window.pwned=2">');
    } finally {
      await page.close();
    }
    const seedInk = await inkOf(
      renderPrepSheetHtml(buildPrepSheet([importPrepDocument(seedBytes())])),
      "prep-sheet-cover",
    );
    expect(seedInk.colours).toBeGreaterThan(20);
    expect(seedInk.ink).toBeGreaterThan(0.01);
    const blank = await inkOf("<!doctype html><title>blank</title>", "prep-sheet-blank");
    expect(blank.ink).toBe(0); // the measure itself tells a blank page from a printed one
  }, 120_000);
});

describe("prep sheet PDF in parts, and in every script", () => {
  it("prints in parts joined into the same pages as the whole, numbered n / total", async (ctx) => {
    if (!browser) return ctx.skip();
    const doc = importPrepDocument(seedBytes());
    const questions = questionsOf(doc);
    const sheet = buildPrepSheet([doc]);
    for (const layout of ["sheet", "cards"] as SheetLayout[]) {
      // The whole with a new page where each part starts (as the fallback print has).
      const html = renderPrepSheetHtml(sheet, layout, { partBreaks: 2 });
      const parts = renderPrepSheetHtmlParts(sheet, layout, { answersPerPart: 2 });
      expect(parts.length).toBeGreaterThan(2);
      const joined = await printPdf(html, { parts });
      const whole = await printPdf(html, { wholeWithFooter: true });
      expect(pageCount(joined), layout).toBe(pageCount(whole));
      const text = squeeze(pdfText(joined));
      // Every question, in the order of the whole print.
      const at = questions.map((q) => text.indexOf(squeeze(q)));
      expect(
        at.every((i) => i >= 0),
        layout,
      ).toBe(true);
      const wholeText = squeeze(pdfText(whole));
      const order = (t: string) =>
        [...questions].sort((a, b) => t.indexOf(squeeze(a)) - t.indexOf(squeeze(b)));
      expect(order(text)).toEqual(order(wholeText));
      const total = pageCount(joined);
      for (let n = 1; n <= total; n++) expect(text, `${layout}: page ${n}`).toContain(`${n}/${total}`);
      if (layout === "cards") expect(total).toBe(1 + Math.ceil(questions.length / 4));
    }
  }, 240_000);

  it("prints while it analyses: the same pages and text as the sheet built first and printed after", async (ctx) => {
    if (!browser) return ctx.skip();
    const docs = [importPrepDocument(readFileSync(samplePath)), importPrepDocument(seedBytes())];
    const sheet = buildPrepSheet(docs);
    for (const layout of ["sheet", "cards"] as SheetLayout[]) {
      const parts = renderPrepSheetHtmlParts(sheet, layout, { answersPerPart: 2, printOnly: true });
      expect(parts.length).toBeGreaterThan(4);
      const sequential = await printPdf(renderPrepSheetHtml(sheet, layout), { parts });
      const pipelined = await printPrepSheetPdf(planPrepSheet(docs), layout, { answersPerPart: 2 });
      expect(pipelined.sheet).toEqual(sheet);
      expect(pageCount(pipelined.pdf), layout).toBe(pageCount(sequential));
      expect(squeeze(pdfText(pipelined.pdf)), layout).toBe(squeeze(pdfText(sequential)));
    }
  }, 240_000);

  const samples = {
    emoji: "I shipped it 🚀 and the pager went quiet 🎉",
    chinese: "我修复了数据管道中的竞态条件",
    japanese: "本番環境で障害を解決しました",
    korean: "출시 전에 버그를 고쳤습니다",
    arabic: "أصلحت خط البيانات قبل الإطلاق",
    hebrew: "תיקנתי את הבאג לפני ההשקה",
  };
  const scriptsDoc = () =>
    importPrepDocument(
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

  it("prints emoji, Chinese, Japanese, Korean, Arabic and Hebrew from fonts it embeds, offline", async (ctx) => {
    if (!browser) return ctx.skip();
    const sheet = buildPrepSheet([scriptsDoc()]);
    const file = await renderSheetFile(sheet, "pdf", "sheet");
    const pdf = file.body as Uint8Array;
    const raw = Buffer.from(pdf).toString("latin1");
    const text = squeeze(pdfText(pdf));
    for (const [script, sample] of Object.entries(samples)) {
      if (/[\u0590-\u06ff]/.test(sample)) {
        // Right to left: the PDF holds the glyphs in visual order; every letter is there.
        for (const letter of new Set(squeeze(sample))) expect(text, `${script}: ${letter}`).toContain(letter);
      } else expect(text, script).toContain(squeeze(sample));
    }
    // The emoji from the embedded Noto Emoji; CJK from the Noto Sans CJK faces (variable fonts,
    // which Skia draws as Type 3 glyphs, each mapped back to its character).
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoEmoji/);
    expect(raw).toContain("/Subtype /Type3");
    // The page's policy still allows nothing but inline styles and data: fonts.
    const html = renderPrepSheetHtml(sheet, "sheet", { fontFaces: fontFacesFor(JSON.stringify(sheet)) });
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:"`);
    expect(html).not.toMatch(/url\((?!data:)/);
  }, 240_000);

  it("draws each of those characters as its own glyph, where the bare Chromium draws the same empty box", async (ctx) => {
    if (!browser) return ctx.skip();
    const sheet = buildPrepSheet([scriptsDoc()]);
    // Two different characters of each script: as glyphs they differ; as "tofu" they are one box.
    const pairs: Record<string, [string, string]> = {
      emoji: ["🚀", "🎉"],
      chinese: ["修", "复"],
      japanese: ["で", "障"],
      korean: ["버", "그"],
      arabic: ["خ", "ط"],
      hebrew: ["ב", "ג"],
    };
    const drawn = async (fonts: boolean) => {
      const page = await (browser as Browser).newPage({ viewport: { width: 800, height: 600 } });
      try {
        const options = fonts ? { fontFaces: fontFacesFor(JSON.stringify(sheet)) } : {};
        await page.setContent(renderPrepSheetHtml(sheet, "sheet", options), { waitUntil: "load" });
        await page.emulateMedia({ media: "print" });
        const out: Record<string, [string, string]> = {};
        for (const [script, [a, b]] of Object.entries(pairs)) {
          const shots: string[] = [];
          for (const char of [a, b]) {
            await page.evaluate((c) => {
              document.body.innerHTML = `<p id="glyph" style="font-size:64px;display:inline-block;padding:4px">${c}</p>`;
            }, char);
            await page.evaluate(() => document.fonts.ready);
            shots.push((await page.locator("#glyph").screenshot()).toString("base64"));
          }
          out[script] = [shots[0] ?? "", shots[1] ?? ""];
        }
        if (fonts) await page.screenshot({ path: join(screenshotDir, "prep-sheet-glyphs.png") });
        return out;
      } finally {
        await page.close();
      }
    };
    const withFonts = await drawn(true);
    for (const [script, [a, b]] of Object.entries(withFonts)) expect(a, script).not.toBe(b);
    // The measure tells a box from a glyph: without the embedded fonts, emoji and CJK are boxes.
    const bare = await drawn(false);
    for (const script of ["emoji", "chinese", "korean"])
      expect(bare[script]?.[0], script).toBe(bare[script]?.[1]);
  }, 240_000);
});

describe("prep sheet from the Export page", () => {
  it("downloads the whole bank's sheet, one competency's cue cards and the Anki deck, and opens the print view", async (ctx) => {
    if (!browser) return ctx.skip();
    const server = await startTestServer();
    const context = await newContext(browser, server.url, { width: 1280 });
    try {
      await importSeed(server.url);
      const questions = questionsOf(importPrepDocument(seedBytes()));
      const page = await context.newPage();
      await page.goto("/#/export");
      const sheet = page.getByRole("region", { name: "Prep sheet" });
      await sheet.getByRole("button", { name: "Download the HTML sheet" }).waitFor();
      await screenshot(page, "export-prep-sheet");

      const read = async (name: string) => {
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          sheet.getByRole("button", { name }).click(),
        ]);
        const path = join(work, download.suggestedFilename());
        await download.saveAs(path);
        return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
      };

      const html = await read("Download the HTML sheet");
      expect(html.name).toMatch(/-sheet\.html$/);
      for (const question of questions) expect(html.text, question).toContain(escapeText(question));

      const markdown = await read("Download the Markdown sheet");
      for (const question of questions) expect(markdown.text, question).toContain(question);

      const anki = await read("Download the Anki deck");
      expect(anki.text.startsWith("#separator:tab")).toBe(true);

      // One competency, as cue cards: only that competency's questions.
      await sheet.getByLabel("What to include").selectOption("competency");
      await sheet.getByLabel(/^Competency/).selectOption("ml-concept");
      await sheet.getByLabel(/Cue cards/).check();
      const cards = await read("Download cue cards (HTML)");
      expect(cards.name).toMatch(/-cards\.html$/);
      expect(cards.text).toContain(escapeText("What is the difference between precision and recall?"));
      expect(cards.text).not.toContain("Tell me about yourself");
      await expect(sheet.getByRole("button", { name: /Anki/ }).count()).resolves.toBe(0);

      // A competency with nothing in it says so on the page.
      await sheet.getByLabel(/^Competency/).selectOption("conflict");
      await sheet.getByRole("button", { name: "Download cue cards (HTML)" }).click();
      await expect(sheet.getByRole("alert").textContent()).resolves.toMatch(
        /Nothing to put on a prep sheet for Conflict: no answer or technical question/,
      );

      // The print view: the sheet in a new tab, styled by its own print CSS.
      await sheet.getByLabel("What to include").selectOption("bank");
      await sheet.getByLabel(/Cue cards/).uncheck();
      const [view] = await Promise.all([
        context.waitForEvent("page"),
        sheet.getByRole("button", { name: "Open the print view" }).click(),
      ]);
      await view.waitForLoadState("load");
      const shown = (await view.locator("body").textContent()) ?? "";
      for (const question of questions) expect(shown, question).toContain(question);
      // The inline print style applied (the app's CSP would block it): Georgia-style serif body.
      expect(await view.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Georgia/);
      await view.screenshot({ path: join(screenshotDir, "export-print-view.png") });

      await context.close();
      const narrow = await newContext(browser, server.url, { width: 390, theme: "dark" });
      const phone = await narrow.newPage();
      await phone.goto("/#/export");
      await phone.getByRole("button", { name: "Download the HTML sheet" }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(phone, "export-prep-sheet-390-dark");
      await narrow.close();
    } finally {
      await context.close().catch(() => {});
      await server.close();
    }
  }, 240_000);
});

/** How escapeHtml writes a question into the HTML sheet. */
const escapeText = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
