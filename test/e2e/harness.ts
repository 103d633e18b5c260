/** The real derisk server on a fresh data dir, serving the built web app, for one spec file. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startServer } from "../../src/server/serve.ts";
import { seedPath as findSeed, SEED_DIR } from "../seed.ts";
import { newContext } from "./browser.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const webRoot = join(repoRoot, "web", "dist");
export const screenshotDir = join(repoRoot, ".artifacts", "screenshots");

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(join(webRoot, "index.html"))) {
    throw new Error(
      `${webRoot}/index.html is missing: run \`npx vite build --config web/vite.config.ts\` first.`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), "derisk-e2e-"));
  const server = await startServer({ port: 0, dataDir, webRoot });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What most spec files open before their tests: a fresh server, a browser profile on it, a page. */
export interface OpenedSpec {
  server: TestServer;
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh server, a browser context on it (`options` as newContext takes them) and a page in
 * that context. A spec fills the server's bank after it, over the API, before its first visit.
 * @example ({ server, context, page } = await openSpec(browser)); await importSeed(server.url);
 */
export async function openSpec(
  browser: Browser,
  options?: Parameters<typeof newContext>[2],
): Promise<OpenedSpec> {
  const server = await startTestServer();
  try {
    const context = await newContext(browser, server.url, options);
    return { server, context, page: await context.newPage() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * The setup most spec files repeat, as hooks of the describe block it is called in: before its
 * tests a fresh server, context and page (openSpec), the seed imported when `seed` is set and
 * then `fill` run, to put more in the bank; after them all closed (the browser too, with
 * `closeBrowser`). The returned object is filled in before the first test runs; a test reads
 * what it needs from it, `const { page, server } = spec;`.
 * @example const spec = useSpec(browser, { seed: true }); test("…", async () => { const { page } = spec; … });
 */
export function useSpec(
  browser: Browser,
  options: {
    seed?: boolean;
    closeBrowser?: boolean;
    fill?: (spec: OpenedSpec) => Promise<void>;
  } = {},
): OpenedSpec {
  const spec = {} as OpenedSpec;
  beforeAll(async () => {
    Object.assign(spec, await openSpec(browser));
    if (options.seed === true) await importSeed(spec.server.url);
    await options.fill?.(spec);
  });
  afterAll(async () => {
    await closeSpec({
      context: spec.context,
      server: spec.server,
      ...(options.closeBrowser === true ? { browser } : {}),
    });
  });
  return spec;
}

/**
 * Closes what openSpec opened (and the browser, when given) in the order the specs always did;
 * what a failed setup never opened is passed over.
 */
export async function closeSpec(opened: {
  context: BrowserContext | undefined;
  server: TestServer | undefined;
  browser?: Browser;
}): Promise<void> {
  await opened.context?.close();
  await opened.server?.close();
  await opened.browser?.close();
}

/**
 * The seed prep document (test/seed.ts finds it: shared/ beside the repository, or
 * DERISK_SEED_DIR); never copied in.
 */
export function seedPath(): string {
  const path = findSeed();
  if (path === undefined) throw new Error(`No seed document in ${SEED_DIR}`);
  return path;
}

export function seedBytes(): Buffer {
  return readFileSync(seedPath());
}

/**
 * Imports our sample's text as the user's own document over the API (what a user who saved the
 * sample and imported it would have; the app's sample button imports the demo instead); returns
 * the document's id.
 */
export async function importSampleAsOwn(baseUrl: string): Promise<string> {
  const sample = (await (await fetch(`${baseUrl}/api/sample`)).json()) as { filename: string; text: string };
  return importText(baseUrl, sample.text, sample.filename);
}

/**
 * Imports a document's text over the API as the user's own file named `filename` (for specs
 * that test pages, not the import itself); returns the document's id. A refused import fails
 * the spec with the server's message.
 * @example const documentId = await importText(server.url, "# Prep\n…", "prep.md");
 */
export async function importText(baseUrl: string, text: string, filename: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/import`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text, filename }),
  });
  if (!response.ok)
    throw new Error(`Import of ${filename} failed: ${response.status} ${await response.text()}`);
  const result = (await response.json()) as { documentId?: string };
  if (result.documentId === undefined) throw new Error(`Import of ${filename} returned no documentId`);
  return result.documentId;
}

/** The page's serious and critical axe violations under WCAG 2.1 A and AA, one line each (id, impact, help, first nodes). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

/**
 * Waits until the app is quiet: none of its requests open (browser.ts counts them) and nothing
 * marked busy or drawn as a skeleton, still so two animation frames later (what an answer brings
 * is rendered, and any request that render starts has begun). After a hash navigation the page
 * first shows what it held before (the App refetches its document list on each page change, a
 * page refetches its data when it mounts): a read after `settle` sees the refreshed data.
 * @example await page.goto("/#/export"); await settle(page); // the document list is the server's now
 */
export async function settle(page: Page, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`settle: the page at ${page.url()} was still busy after ${timeout} ms`);
    await page.waitForFunction(
      () => {
        const open = (window as { __deriskOpenRequests?: number }).__deriskOpenRequests;
        if (open === undefined)
          throw new Error("settle: requests are not counted here; make the context with newContext");
        return open === 0 && document.querySelector('[aria-busy="true"], .skeleton') === null;
      },
      undefined,
      { timeout: left },
    );
    const still = await page.evaluate(async () => {
      for (let frame = 0; frame < 2; frame++)
        await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      return (
        (window as { __deriskOpenRequests?: number }).__deriskOpenRequests === 0 &&
        document.querySelector('[aria-busy="true"], .skeleton') === null
      );
    });
    if (still) return;
  }
}

/** Imports the seed over the API (for specs that test pages, not the import itself). */
export async function importSeed(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/import?filename=prep.md`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream" },
    body: new Uint8Array(seedBytes()),
  });
  if (!response.ok) throw new Error(`Seed import failed: ${response.status} ${await response.text()}`);
  const result = (await response.json()) as { documentId?: string };
  if (result.documentId === undefined) throw new Error("Seed import returned no documentId");
  return result.documentId;
}

/**
 * Turns every STAR-like answer of a document into a story over the API, as "Make stories" does. A
 * request from outside a browser carries no origin and needs no session token.
 */
export async function makeStories(baseUrl: string, documentId: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/documents/${documentId}/stories`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  if (!response.ok) throw new Error(`Making stories failed: ${response.status} ${await response.text()}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // A full-page capture of a scrolled page paints the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * A state-changing API call as the web app makes it (JSON body, the session's CSRF token);
 * a non-2xx answer fails the spec with the route and the server's message.
 */
export async function callApi(url: string, path: string, body: unknown, method = "POST"): Promise<unknown> {
  const session = (await (await fetch(`${url}/api/session`)).json()) as { csrfToken: string };
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", "X-Derisk-CSRF": session.csrfToken },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Where an element is laid out; a spec fails if it is not. */
export async function boxOf(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (b === null) throw new Error("not laid out");
  return b;
}

/**
 * Starts a practice session from the Practice page with `questions` questions (a technical drill
 * on `topic` when `drill` is set) and waits for its first question; returns the session's id.
 * @example const sessionId = await startPractice(page, 3);
 */
export async function startPractice(
  page: Page,
  questions: number,
  drill?: { topic?: string },
): Promise<string> {
  await page.goto("/#/practice");
  await page.getByRole("heading", { name: "Practice", level: 1 }).waitFor();
  if (drill !== undefined) {
    await page.getByRole("radio", { name: /Technical drill/ }).check();
    if (drill.topic !== undefined) await page.getByLabel("Topic").selectOption(drill.topic);
  }
  await page.getByLabel("Questions", { exact: true }).fill(String(questions));
  await page.getByRole("button", { name: /Start the session/ }).click();
  await page.waitForURL(/#\/practice\/[^/]+$/);
  return decodeURIComponent(page.url().split("#/practice/")[1] ?? "");
}

/**
 * Starts answering the practice question on screen, puts `text` in at once (it may read as
 * pasted), submits it and waits for the review.
 * @example await submitTypedAnswer(page, "I fixed the flaky build and it stayed green.");
 */
export async function submitTypedAnswer(page: Page, text: string): Promise<void> {
  await page.getByRole("button", { name: /Start answering/ }).click();
  await page.getByLabel("Your answer, as you would say it").fill(text);
  await page.keyboard.press("Control+Enter");
  await page.getByRole("heading", { name: "How your answer reads" }).waitFor();
}

/**
 * When the practice review offers a follow-up, answers it with `text` and waits for its review;
 * otherwise does nothing (whether one is asked depends on what the answer said).
 * @example await answerFollowUpIfAsked(page, "We alerted on the export's row count.");
 */
export async function answerFollowUpIfAsked(page: Page, text: string): Promise<void> {
  const followUp = page.getByRole("button", { name: "Answer the follow-up" });
  if (!(await followUp.isVisible())) return;
  await followUp.click();
  await page.getByText("· follow-up").waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press("Control+Enter");
  await page.getByRole("heading", { name: "How your follow-up reads" }).waitFor();
}
