import { DeriskError } from "./errors.ts";

/** How long printing may take before we give up (first launch unpacks Chromium: a few seconds). */
const PRINT_TIMEOUT_MS = 60_000;

// Page numbers, so a printed stack that falls on the floor goes back in order.
const FOOTER =
  '<div style="width:100%;font:8px sans-serif;text-align:center;color:#000"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Whether this installation can print PDFs: the bundled Chromium's npm packages resolve.
 * Cheap (no browser is launched); the web app asks before offering the PDF download.
 * @example if (pdfAvailable()) await printPdf(html);
 */
export function pdfAvailable(): boolean {
  try {
    import.meta.resolve("@sparticuz/chromium");
    import.meta.resolve("playwright-core");
    return true;
  } catch {
    return false;
  }
}

/**
 * Prints a standalone HTML page to an A4 PDF in the Chromium bundled as an npm package
 * (@sparticuz/chromium, driven by playwright-core). The page makes no requests; its own
 * print CSS decides the page breaks.
 * @example const pdf = await printPdf(renderPrepSheetHtml(sheet)); // Uint8Array starting "%PDF-"
 */
export async function printPdf(html: string): Promise<Uint8Array> {
  let launch: () => Promise<import("playwright-core").Browser>;
  try {
    const [{ default: chromium }, { chromium: playwright }] = await Promise.all([
      import("@sparticuz/chromium"),
      import("playwright-core"),
    ]);
    launch = async () =>
      playwright.launch({
        executablePath: await chromium.executablePath(),
        args: chromium.args.filter((arg) => arg !== "--single-process"),
        headless: true,
      });
  } catch (error) {
    throw new DeriskError(
      "IO",
      "PDF export needs the bundled Chromium (npm packages @sparticuz/chromium and playwright-core), which is not installed: install them, or export --format html and print it from your browser.",
      { cause: error },
    );
  }
  let browser: import("playwright-core").Browser | undefined;
  try {
    browser = await launch();
    const page = await browser.newPage();
    // Nothing may load from outside: the sheet is self-contained, and a candidate's answers stay local.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load", timeout: PRINT_TIMEOUT_MS });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
    });
    return new Uint8Array(pdf);
  } catch (error) {
    throw new DeriskError(
      "IO",
      `Chromium could not print the PDF (${(error as Error).message.split("\n")[0]}): export --format html and print it from your browser instead.`,
      { cause: error },
    );
  } finally {
    await browser?.close();
  }
}
