import { availableParallelism } from "node:os";
import { DeriskError } from "./errors.ts";
import { mergePdfs, UnsupportedPdf } from "./pdf-merge.ts";

/** How long printing may take before we give up (first launch unpacks Chromium: a few seconds). */
const PRINT_TIMEOUT_MS = 60_000;

// Page numbers, so a printed stack that falls on the floor goes back in order. Only for the
// fallback print of the whole page: parts get their numbers from mergePdfs, far cheaper.
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

export interface PrintOptions {
  /**
   * The same document as standalone pages that print one after the other (see
   * renderPrepSheetHtmlParts): printed side by side on up to two tabs and joined, much faster
   * than the whole at once for thousands of pages. Default: the whole page as one part.
   */
  parts?: readonly string[];
  /** Tabs printing at once; default: 2, or 1 on a one-core machine. */
  tabs?: number;
  /**
   * Print the whole page in one go with Chromium's own footer, as the fallback does (and as
   * derisk did before parts): for the benchmark's comparison.
   */
  wholeWithFooter?: boolean;
}

type Browser = import("playwright-core").Browser;

async function printOne(
  browser: Browser,
  queue: readonly string[],
  claim: () => number,
  into: Uint8Array[],
  footer: boolean,
): Promise<void> {
  // A context of its own: its own renderer process, so two tabs really print side by side.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Nothing may load from outside: the sheet is self-contained, and a candidate's answers stay local.
    await page.route("**/*", (route) => route.abort());
    for (let i = claim(); i < queue.length; i = claim()) {
      await page.setContent(queue[i] ?? "", { waitUntil: "load", timeout: PRINT_TIMEOUT_MS });
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        ...(footer
          ? { displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: FOOTER }
          : {}),
      });
      into[i] = new Uint8Array(pdf);
    }
  } finally {
    await context.close();
  }
}

/**
 * Prints a standalone HTML page to an A4 PDF in the Chromium bundled as an npm package
 * (@sparticuz/chromium, driven by playwright-core), pages numbered "n / total". The page makes
 * no requests; its own print CSS decides the page breaks. Given `parts`, prints those instead
 * (two at a time) and joins them; should the join not understand Chromium's output, prints the
 * whole page once as before.
 * @example const pdf = await printPdf(renderPrepSheetHtml(sheet)); // Uint8Array starting "%PDF-"
 */
export async function printPdf(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  let launch: () => Promise<Browser>;
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
  const parts = options.parts && options.parts.length > 0 ? options.parts : [html];
  const tabs = Math.max(1, Math.min(parts.length, options.tabs ?? Math.min(2, availableParallelism())));
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const printed: Uint8Array[] = new Array(parts.length);
    let next = 0;
    const claim = () => next++;
    const open = browser;
    const printWhole = async () => {
      const whole: Uint8Array[] = [];
      let once = 0;
      await printOne(open, [html], () => once++, whole, true);
      return whole[0] ?? new Uint8Array();
    };
    if (options.wholeWithFooter) return await printWhole();
    await Promise.all(Array.from({ length: tabs }, () => printOne(open, parts, claim, printed, false)));
    try {
      return mergePdfs(printed);
    } catch (error) {
      if (!(error instanceof UnsupportedPdf)) throw error;
      return await printWhole();
    }
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
