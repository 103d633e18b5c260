import { availableParallelism } from "node:os";
import { DeriskError } from "./errors.ts";
import { mergePdfs, type ParsedPdf, parsePdf, UnsupportedPdf } from "./pdf-merge.ts";

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

/**
 * Parts handed to the printing tabs as they are rendered, in any order: each is put at its
 * index in the joined PDF. `close` says there are no more; every index below the highest
 * must have come by then.
 */
export class PrintQueue {
  private readonly jobs: Array<{ index: number; html: string }> = [];
  private readonly waiting: Array<(job: { index: number; html: string } | undefined) => void> = [];
  private readonly seen = new Set<number>();
  private closed = false;

  /** Queues part `index` (from 0) for printing. */
  push(index: number, html: string): void {
    if (this.closed) throw new Error(`PrintQueue: part ${index} came after the last one.`);
    if (!Number.isInteger(index) || index < 0 || this.seen.has(index))
      throw new Error(`PrintQueue: part ${index} is not a new part number.`);
    this.seen.add(index);
    const job = { index, html };
    const taker = this.waiting.shift();
    if (taker) taker(job);
    else this.jobs.push(job);
  }

  /** No more parts: the tabs stop when the queue is empty. */
  close(): void {
    this.closed = true;
    for (const taker of this.waiting.splice(0)) taker(undefined);
  }

  /** How many parts there are, once closed; a gap in their numbers is an error. */
  count(): number {
    const count = Math.max(-1, ...this.seen) + 1;
    for (let i = 0; i < count; i++)
      if (!this.seen.has(i)) throw new Error(`PrintQueue: part ${i} of ${count} never came.`);
    return count;
  }

  /** The next part to print, waiting for one; undefined once closed and empty. */
  take(): Promise<{ index: number; html: string } | undefined> {
    const job = this.jobs.shift();
    if (job || this.closed) return Promise.resolve(job);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** A printed part, read for the join at once (while other parts print), or as it is if the join cannot read it. */
function readPart(bytes: Uint8Array, index: number): Uint8Array | ParsedPdf {
  try {
    return parsePdf(bytes, index);
  } catch (error) {
    if (error instanceof UnsupportedPdf) return bytes; // mergePdfs says so again, and the whole is printed
    throw error;
  }
}

async function printOne(
  browser: Browser,
  queue: PrintQueue,
  into: Array<Uint8Array | ParsedPdf>,
  footer: boolean,
): Promise<void> {
  // A context of its own: its own renderer process, so two tabs really print side by side.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Nothing may load from outside: the sheet is self-contained, and a candidate's answers stay local.
    await page.route("**/*", (route) => route.abort());
    for (let job = await queue.take(); job !== undefined; job = await queue.take()) {
      await page.setContent(job.html, { waitUntil: "load", timeout: PRINT_TIMEOUT_MS });
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        ...(footer
          ? { displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: FOOTER }
          : {}),
      });
      const bytes = new Uint8Array(pdf);
      into[job.index] = footer ? bytes : readPart(bytes, job.index);
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
 * whole page once as before. `html` may be a function that renders the whole page: then it
 * is rendered only if needed.
 * @example const pdf = await printPdf(renderPrepSheetHtml(sheet)); // Uint8Array starting "%PDF-"
 */
export async function printPdf(
  html: string | (() => string),
  options: PrintOptions = {},
): Promise<Uint8Array> {
  const whole = typeof html === "string" ? () => html : html;
  if (options.wholeWithFooter) return printPdfParts(async () => {}, { whole, wholeWithFooter: true });
  const parts = options.parts && options.parts.length > 0 ? options.parts : [whole()];
  return printPdfParts(
    async (queue) => {
      for (const [i, part] of parts.entries()) queue.push(i, part);
    },
    { whole, tabs: Math.min(parts.length, options.tabs ?? DEFAULT_TABS) },
  );
}

/** Tabs printing at once by default: 2, or 1 on a one-core machine. */
const DEFAULT_TABS = Math.min(2, availableParallelism());

/**
 * `printPdf` of parts that are still being made: `produce` pushes each part to the queue as
 * soon as it is rendered (in any order, at its index) and resolves when it has pushed the
 * last; the tabs print meanwhile (Chromium prints in its own processes, so the work that
 * renders the next parts overlaps the printing of the first). Should `produce` fail, nothing
 * more is printed and its error is thrown; `produce` can stop early when `failed()` says
 * printing has failed. `whole` is the whole page, printed only if the join fails.
 * @example await printPdfParts(async (q) => { q.push(1, second); q.push(0, first); }, { whole: () => html });
 */
export async function printPdfParts(
  produce: (queue: PrintQueue, failed: () => boolean) => Promise<void>,
  options: { whole: () => string; tabs?: number; wholeWithFooter?: boolean },
): Promise<Uint8Array> {
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
  const tabs = Math.max(1, options.tabs ?? DEFAULT_TABS);
  const queue = new PrintQueue();
  let printFailed = false;
  let browser: Browser | undefined;
  // The browser starts while the first parts are rendered.
  const printing = (async () => {
    browser = await launch();
    const open = browser;
    if (options.wholeWithFooter) return undefined;
    const printed: Array<Uint8Array | ParsedPdf> = [];
    await Promise.all(Array.from({ length: tabs }, () => printOne(open, queue, printed, false)));
    return printed;
  })().catch((error: unknown) => {
    printFailed = true;
    queue.close();
    throw error;
  });
  // Settled here so that a failure while `produce` still runs is not unhandled.
  printing.catch(() => {});
  try {
    await produce(queue, () => printFailed);
  } catch (error) {
    queue.close();
    // Once printing has failed, a part pushed to the closed queue fails too: printing's error is the one to tell.
    if (!printFailed) {
      // The caller's own error, as it is; the tabs stop after the part at hand.
      await printing.catch(() => {});
      await (browser as Browser | undefined)?.close();
      throw error;
    }
  }
  queue.close();
  try {
    const printed = await printing;
    const printWhole = async () => {
      const whole = new PrintQueue();
      whole.push(0, options.whole());
      whole.close();
      const into: Array<Uint8Array | ParsedPdf> = [];
      await printOne(browser as Browser, whole, into, true);
      const pdf = into[0];
      return pdf instanceof Uint8Array ? pdf : new Uint8Array();
    };
    if (printed === undefined) return await printWhole();
    const count = queue.count();
    // filter skips holes: a part taken but never printed shows here.
    const done = printed.filter((p) => p !== undefined).length;
    if (printed.length !== count || done !== count)
      throw new Error(`${count} parts were queued but ${done} printed`);
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
    await printing.catch(() => {});
    await (browser as Browser | undefined)?.close();
  }
}
